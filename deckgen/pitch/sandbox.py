"""The Jinja sandbox for content texts: untrusted input, bounded in time, memory and power.

Content files come from colleagues and the internet. Jinja's immutable sandbox blocks access
to Python internals and in-place growth (``list.append``); on top of it ``range`` and friends
are removed, every operator, filter, method, literal and output that builds text is estimated
against the text limit before it runs (`deckgen.pitch.guards`), output is streamed and cut at
the limit, and rendering has a time budget, so a hostile text can neither run code nor burn
the machine. Imported only when a text uses more than plain ``{{ name }}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment, SecurityError

from deckgen.errors import DeckgenError
from deckgen.pitch import guards
from deckgen.pitch.guards import GuardedCodeGenerator
from deckgen.pitch.limits import MAX_CHARS as MAX_TEXT

RENDER_SECONDS = 5.0


class _CappedSandbox(ImmutableSandboxedEnvironment):
    """A sandbox whose operators, filters, methods and literals cannot build huge values.

    Immutable, so ``list.append`` cannot grow a value in a loop; every operation that builds
    text is estimated before it runs (`deckgen.pitch.guards`).
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = GuardedCodeGenerator

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        guards.check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, (str, list, tuple)) and len(result) > MAX_TEXT:
            raise SecurityError("text too long")
        return result

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        guards.check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    checked = staticmethod(guards.checked)
    checked_parts = staticmethod(guards.checked_parts)


def _finalize(value: Any) -> Any:
    """Every ``{{ … }}`` output is weighed before it is turned into text."""
    guards.weight(value)
    return value


def _environment() -> SandboxedEnvironment:
    env = _CappedSandbox(undefined=jinja2.StrictUndefined, autoescape=False,
                         keep_trailing_newline=False, finalize=_finalize)
    env.globals.pop("range", None)
    env.globals.pop("lipsum", None)
    env.globals.pop("cycler", None)
    env.globals.pop("joiner", None)
    env.globals.pop("namespace", None)
    env.filters.pop("random", None)  # the same content must give the same deck
    env.filters = {name: guards.guard_filter(name, f) for name, f in env.filters.items()}
    return env


class _Timeout(Exception):
    pass



def _deadline(seconds: float):  # noqa: ANN202 - a context manager for untrusted rendering
    """Stop runaway templates (nested loops, huge numbers) after ``seconds`` of CPU time."""
    import contextlib
    import signal
    import threading

    @contextlib.contextmanager
    def guard():  # noqa: ANN202
        if threading.current_thread() is not threading.main_thread() or not hasattr(
                signal, "setitimer"):
            yield
            return

        def on_alarm(signum, frame):  # noqa: ANN001, ANN202, ARG001
            raise _Timeout

        old = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)

    return guard()


_ENV: SandboxedEnvironment | None = None
_COMPILED: dict[str, Any] = {}


def _compile(text: str) -> Any:
    """Compiled templates are reused across companies: a batch renders the same texts."""
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    template = _COMPILED.get(text)
    if template is None:
        if len(_COMPILED) > 4096:
            _COMPILED.clear()
        template = _COMPILED[text] = _ENV.from_string(text)
    return template




def _render_bounded(template: Any, variables: Mapping[str, Any]) -> str:
    """Render piece by piece and stop at the text limit, so loops cannot pile up output."""
    parts: list[str] = []
    size = 0
    for piece in template.generate(dict(variables)):
        size += len(piece)
        if size > MAX_TEXT:
            raise SecurityError("text too long")
        parts.append(piece)
    return "".join(parts)


def render_template(text: str, variables: Mapping[str, Any], where: str,
                    seconds: float = RENDER_SECONDS) -> str:
    """Render one untrusted text; every failure is a one-line `DeckgenError` naming ``where``.

    ``seconds`` is what is left of the whole file's budget, so many slow texts cannot add up.
    """
    import re

    if seconds <= 0:
        raise DeckgenError(f"{where}: the content's templates take too long (over "
                           f"{RENDER_SECONDS:g} s in all)")
    try:
        with _deadline(seconds):
            out = _render_bounded(_compile(text), variables)
    except _Timeout:
        raise DeckgenError(f"{where}: template takes too long (over {RENDER_SECONDS:g} s)") from None
    except MemoryError:
        raise DeckgenError(f"{where}: template produces too much text") from None
    except jinja2.TemplateSyntaxError as exc:
        raise DeckgenError(f"{where}: template syntax error: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        name = re.search(r"'([^']+)' is undefined", str(exc))
        what = f"undefined variable '{name.group(1)}'" if name else str(exc)
        from deckgen.listing import some

        raise DeckgenError(f"{where}: {what} (known: {some(sorted(variables))})") from None
    except SecurityError as exc:
        raise DeckgenError(f"{where}: not allowed in content: {exc}") from None
    except RecursionError:
        raise DeckgenError(f"{where}: template nests too deeply") from None
    except Exception as exc:  # noqa: BLE001 - any failure inside untrusted text is the user's
        raise DeckgenError(f"{where}: template failed: {type(exc).__name__}: {exc}") from None
    return out
