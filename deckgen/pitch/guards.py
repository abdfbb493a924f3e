"""Size guards for the Jinja sandbox: every operation that builds text is checked before it runs.

A 60-character text can ask for a gigabyte: ``{{ 'x'|center(10**9) }}``, ``'%*s' % (10**9,'')``,
``[a,a,a,a]`` nested a hundred deep and then printed, ``s ~ s`` doubled line by line. Checking
the result afterwards is too late (the memory is spent, and C code does not look at the time
budget), so each such operation's output size is estimated from its inputs first:
- every value a filter, method, operator, concatenation or output sees has a bounded *weight*
  (characters it could print as), counted with an early stop;
- list, tuple and dict literals are checked where they are built (`GuardedCodeGenerator`);
- filters and ``str`` methods that pad, repeat or join have their own estimates.
All limits derive from the text limit ``MAX_TEXT``: no legitimate content text comes close.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat, Dict, List, Tuple
from jinja2.sandbox import SecurityError

from deckgen.pitch.limits import MAX_CHARS as MAX_TEXT

MAX_WEIGHT = 4 * MAX_TEXT  # what any single value may print as
MAX_INT_BITS = 16_384  # ~5,000 decimal digits
_DIGITS = re.compile(r"\d+")


def weight(obj: Any, limit: int = MAX_WEIGHT) -> int:
    """An upper estimate of ``len(str(obj))``; raises `SecurityError` once over ``limit``.

    Shared references count every time they are printed, which is what makes nested literals
    dangerous; the walk stops as soon as the limit is passed, so it costs at most ``limit`` steps.
    """
    total = 0
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item) + 2
        elif isinstance(item, bool) or item is None or isinstance(item, float):
            total += 24
        elif isinstance(item, int):
            bits = item.bit_length()
            if bits > MAX_INT_BITS:
                raise SecurityError("number too large")
            total += bits // 3 + 1
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += 2 + 2 * len(item)
            if total > limit:
                break
            stack.extend(item)
        elif isinstance(item, Mapping):
            total += 2 + 4 * len(item)
            if total > limit:
                break
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            total += 64
        if total > limit:
            break
    if total > limit:
        raise SecurityError("value too large")
    return total


def size(obj: Any) -> int:
    """Characters ``obj`` prints as: exact for text, the weight for anything else."""
    return len(obj) if isinstance(obj, str) else weight(obj)


def _need(size: int, what: str) -> None:
    if size > MAX_TEXT:
        raise SecurityError(f"{what} would make more than {MAX_TEXT} characters")


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def format_bound(fmt: str, args: Any) -> None:
    """``%`` and ``str.format``: widths and precisions, literal or taken from the arguments."""
    weight(args)
    for digits in _DIGITS.findall(fmt):
        if len(digits) > 5 or int(digits) > MAX_TEXT:
            raise SecurityError(f"format width or precision over {MAX_TEXT}")
    if "*" in fmt or re.search(r"\{[^{}]*\{", fmt):
        values = args.values() if isinstance(args, Mapping) else (
            args if isinstance(args, (tuple, list)) else (args,))
        for value in values:
            if _int(value) > MAX_TEXT:
                raise SecurityError(f"format width or precision over {MAX_TEXT}")
    fields = sum(1 for _ in string.Formatter().parse(fmt)) if "{" in fmt else fmt.count("%")
    _need(len(fmt) + weight(args) + fields * 8, "formatting")


def _pad(value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
    _need(max(len(str(value)), _int(width)), "padding")


def _indent(value: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    text = str(value)
    per_line = len(width) if isinstance(width, str) else _int(width)
    _need(len(text) + (text.count("\n") + 1) * per_line, "indent")


def _wordwrap(value: Any, width: Any = 79, break_long: Any = True, wrapstring: Any = None,
              *_: Any, **kwargs: Any) -> None:
    text = str(value)
    sep = kwargs.get("wrapstring", wrapstring) or "\n"
    lines = len(text) // max(_int(kwargs.get("width", width), 79), 1) + text.count("\n") + 1
    _need(len(text) + lines * len(str(sep)), "wordwrap")


def _replace(value: Any, old: Any = "", new: Any = "", count: Any = None, *_: Any,
             **__: Any) -> None:
    text = str(value)
    hits = len(text) // max(len(str(old)), 1) + 1
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    _need(len(text) + hits * len(str(new)), "replace")


def _join(value: Any, sep: Any = "", *_: Any, **kwargs: Any) -> None:
    items = list(value) if isinstance(value, (list, tuple, set, frozenset, Mapping, str)) else []
    sep = kwargs.get("d", sep)
    _need(sum(size(i) for i in items) + max(len(items) - 1, 0) * len(str(sep)), "join")


def _count_arg(value: Any, n: Any = 1, *_: Any, **__: Any) -> None:
    if _int(n) > MAX_TEXT:
        raise SecurityError(f"batch or slice count over {MAX_TEXT}")


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    format_bound(str(value), kwargs or args)


def _expandtabs(value: Any, size: Any = 8, *_: Any, **__: Any) -> None:
    _need(len(str(value)) * max(_int(size, 8), 1), "expandtabs")


FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": _pad, "indent": _indent, "wordwrap": _wordwrap, "replace": _replace,
    "join": _join, "batch": _count_arg, "slice": _count_arg, "format": _format,
}
METHOD_CHECKS: dict[str, Callable[..., None]] = {
    "center": _pad, "ljust": _pad, "rjust": _pad, "zfill": _pad, "replace": _replace,
    "join": lambda sep, items=(), *a, **k: _join(items, sep), "expandtabs": _expandtabs,
    "format": _format, "format_map": lambda fmt, mapping=None, *a, **k: format_bound(fmt, mapping),
}


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Before a method call from a template: ``'x'.center(10**9)``, ``','.join(...)``, …"""
    for value in (*args, *kwargs.values()):
        weight(value)
    target = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(target, "__self__", None)
    check = METHOD_CHECKS.get(getattr(target, "__name__", ""))
    if isinstance(owner, str) and check is not None:
        check(owner, *args, **kwargs)


def guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with its inputs weighed and its output estimated before it runs."""
    check = FILTER_CHECKS.get(name)
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[skip:], *kwargs.values()):
            weight(value)
        if check is not None and len(args) > skip:
            check(*args[skip:], **kwargs)
        return func(*args, **kwargs)

    guarded.__name__ = getattr(func, "__name__", name)
    if skip:
        guarded.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    return guarded


def check_binop(operator: str, left: Any, right: Any) -> None:
    """``+``, ``*``, ``%`` and ``**`` on strings, sequences and numbers, before they run."""
    if operator == "**" and isinstance(right, (int, float)) and (
            abs(right) > 64 or (isinstance(left, int) and abs(left).bit_length() * abs(right)
                                > MAX_INT_BITS)):
        raise SecurityError("number too large")
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, str) and isinstance(n, int) and n > 0:
                _need(len(seq) * n, "repetition")
            elif isinstance(seq, (list, tuple)) and isinstance(n, int) and n > 0 and (
                    (weight(seq) - 2) * n + 2 > MAX_WEIGHT):
                raise SecurityError("repeated list too large")
        if isinstance(left, int) and isinstance(right, int) and (
                left.bit_length() + right.bit_length() > MAX_INT_BITS):
            raise SecurityError("number too large")
    if operator == "+" and not (isinstance(left, (int, float)) and isinstance(right, (int, float))):
        _need(size(left) + size(right), "concatenation")
    if operator == "%" and isinstance(left, str):
        format_bound(left, right)


def checked(value: Any) -> Any:
    """A literal list, tuple or dict, weighed where it is built."""
    weight(value)
    return value


def checked_parts(parts: tuple[Any, ...]) -> tuple[Any, ...]:
    """The parts of a ``~`` concatenation, before they are joined."""
    _need(sum(size(p) for p in parts), "concatenation")
    return parts


class GuardedCodeGenerator(CodeGenerator):
    """Compiles ``[…]``, ``(…)``, ``{…}`` and ``~`` so their results are weighed when built."""

    def _wrapped(self, visit: Callable[[Any, Frame], None], node: Any, frame: Frame) -> None:
        self.write("environment.checked(")
        visit(node, frame)
        self.write(")")

    def visit_List(self, node: List, frame: Frame) -> None:
        self._wrapped(super().visit_List, node, frame)

    def visit_Dict(self, node: Dict, frame: Frame) -> None:
        self._wrapped(super().visit_Dict, node, frame)

    def visit_Tuple(self, node: Tuple, frame: Frame) -> None:
        if node.ctx == "store":
            super().visit_Tuple(node, frame)
        else:
            self._wrapped(super().visit_Tuple, node, frame)

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        """As Jinja's own, with the parts weighed before they are joined."""
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"{func_name}(environment.checked_parts((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(")))")
