"""Read a content file into a validated `Plea`, keeping line numbers for every error.

PyYAML's composer gives nodes with positions; we convert nodes ourselves against the
dataclasses in `deckgen.pitch.model` instead of using ``safe_load``, so that every message can name
the file, line and key path (``points[2].title``), and so that anchors and aliases are
followed under a node budget: a "billion laughs" file fails fast instead of eating memory.
"""

from __future__ import annotations

import dataclasses
import difflib
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from deckgen.errors import DeckgenError
from deckgen.pitch.model import Plea

MAX_BYTES = 1_000_000
MAX_NODES = 50_000
MAX_DEPTH = 40
MAX_CHARS = 5000  # no slide text or note is longer; longer ones are mistakes or attacks


@dataclass(frozen=True)
class LoadedPlea:
    """A validated plea plus where each text came from (for render-time errors)."""

    plea: Plea
    path: Path
    lines: dict[str, int]


def read_text(path: Path, what: str = "content file") -> str:
    """Read a small UTF-8 text file, turning every OS and encoding problem into one line."""
    try:
        if path.is_dir():
            raise DeckgenError(f"{path}: is a folder, not a {what}")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DeckgenError(f"{path}: {what} is too large ({size} bytes, at most {MAX_BYTES})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DeckgenError(f"{path}: {what} not found") from None
    except PermissionError:
        raise DeckgenError(f"{path}: cannot read {what} (permission denied)") from None
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DeckgenError(
            f"{path}:{line}: {what} is not UTF-8 (byte 0x{data[exc.start]:02x}); "
            "save it as UTF-8"
        ) from None
    return text


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: same nodes, faster


def _yaml_call(fn: Any, text: str, path: Path) -> Any:
    """Run a PyYAML entry point; syntax errors become ``file:line:col: message``."""
    try:
        return fn(text, Loader=_FAST_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise DeckgenError(f"{where}: YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise DeckgenError(f"{path}: YAML error: {' '.join(str(exc).split())}") from None


def compose(text: str, path: Path) -> yaml.Node | None:
    """Parse YAML into a node graph (positions kept, aliases not expanded)."""
    return _yaml_call(yaml.compose, text, path)


def load_data(text: str, path: Path) -> Any:
    """Plain Python data from a small YAML file (``template.yaml``), aliases bounded too."""
    node = compose(text, path)
    budget = [MAX_NODES]

    def convert(n: yaml.Node, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0 or depth > MAX_DEPTH:
            raise DeckgenError(f"{path}:{_line(n)}: too many nested or repeated values "
                               "(anchors/aliases expand too far)")
        if isinstance(n, yaml.SequenceNode):
            return [convert(c, depth + 1) for c in n.value]
        if isinstance(n, yaml.MappingNode):
            return {convert(k, depth + 1): convert(v, depth + 1) for k, v in n.value}
        try:
            return _SCALARS.construct_object(n)
        except yaml.YAMLError as exc:
            raise DeckgenError(f"{path}:{_line(n)}: {' '.join(str(exc).split())}") from None

    return None if node is None else convert(node, 0)


def load_plea(path: Path) -> LoadedPlea:
    """Load and validate a content file."""
    text = read_text(path)
    root = compose(text, path)
    if root is None:
        raise DeckgenError(f"{path}: content file is empty")
    if not isinstance(root, yaml.MappingNode):
        raise DeckgenError(f"{path}:{_line(root)}: content file must be a mapping of keys")
    conv = NodeConverter(path)
    plea = conv.convert(root, Plea, "")
    return LoadedPlea(plea=plea, path=path, lines=conv.lines)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


_SCALARS = yaml.constructor.SafeConstructor()


class NodeConverter:
    """Converts a node graph to typed values, checking types, keys and limits as it goes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[str, int] = {}
        self._budget = MAX_NODES

    def fail(self, node: yaml.Node, key_path: str, message: str) -> typing.NoReturn:
        where = f"{self.path}:{_line(node)}"
        raise DeckgenError(f"{where}: {key_path or 'top level'}: {message}")

    def convert(self, node: yaml.Node, typ: Any, key_path: str, depth: int = 0) -> Any:
        self._budget -= 1
        if self._budget < 0 or depth > MAX_DEPTH:
            raise DeckgenError(
                f"{self.path}:{_line(node)}: too many nested or repeated values "
                "(anchors/aliases expand too far)"
            )
        if dataclasses.is_dataclass(typ):
            return self._dataclass(node, typ, key_path, depth)
        origin = typing.get_origin(typ)
        if origin is list:
            return self._list(node, typing.get_args(typ)[0], key_path, depth)
        if origin is dict:
            return self._dict(node, key_path, depth)
        if typ is str:
            return self._str(node, key_path)
        if typ is int:
            return self._int(node, key_path)
        raise TypeError(f"unsupported model type {typ!r}")  # a bug in deckgen.pitch.model

    def _scalar(self, node: yaml.Node, key_path: str, expected: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
            self.fail(node, key_path, f"expected {expected}, got {kind}")
        try:
            return _SCALARS.construct_object(node)
        except yaml.YAMLError as exc:
            self.fail(node, key_path, f"invalid value ({' '.join(str(exc).split())})")

    def _str(self, node: yaml.Node, key_path: str) -> str:
        value = self._scalar(node, key_path, "text")
        if value is None:
            self.fail(node, key_path, "is empty; expected text")
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(node, key_path, f"expected text, got {node.value!r}; put it in quotes")
        self.lines[key_path] = _line(node)
        text = value if isinstance(value, str) else str(node.value)
        if len(text) > MAX_CHARS:
            self.fail(node, key_path, f"text too long ({len(text)} characters, at most {MAX_CHARS})")
        return text

    def _int(self, node: yaml.Node, key_path: str) -> int:
        value = self._scalar(node, key_path, "a whole number")
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(node, key_path, f"expected a whole number, got {node.value!r}")
        self.lines[key_path] = _line(node)
        return value

    def _list(self, node: yaml.Node, item: Any, key_path: str, depth: int) -> list[Any]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, key_path, "expected a list")
        return [
            self.convert(child, item, f"{key_path}[{i}]", depth + 1)
            for i, child in enumerate(node.value)
        ]

    def _keys(self, node: yaml.Node, key_path: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, key_path, "expected a mapping of keys")
        out, seen = [], set()
        for knode, vnode in node.value:
            if knode.tag == "tag:yaml.org,2002:merge":
                self.fail(knode, key_path, "merge keys ('<<') are not supported")
            if not isinstance(knode, yaml.ScalarNode):
                self.fail(knode, key_path, "keys must be plain words")
            key = str(knode.value)
            if key in seen:
                self.fail(knode, _join(key_path, key), "key appears twice")
            seen.add(key)
            out.append((key, knode, vnode))
        return out

    def _dict(self, node: yaml.Node, key_path: str, depth: int) -> dict[str, str]:
        result = {}
        for key, _knode, vnode in self._keys(node, key_path):
            result[key] = self.convert(vnode, str, _join(key_path, key), depth + 1)
        return result

    def _dataclass(self, node: yaml.Node, typ: Any, key_path: str, depth: int) -> Any:
        fields = {f.name: f for f in dataclasses.fields(typ)}
        hints = typing.get_type_hints(typ)
        values: dict[str, Any] = {}
        for key, knode, vnode in self._keys(node, key_path):
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                allowed = ", ".join(fields)
                self.fail(knode, _join(key_path, key), f"unknown key{hint} (allowed: {allowed})")
            sub = _join(key_path, key)
            value = self.convert(vnode, hints[key], sub, depth + 1)
            self._check_limits(vnode, sub, value, fields[key].metadata)
            values[key] = value
        for name, f in fields.items():
            required = (
                f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            )
            if required and name not in values:
                self.fail(node, _join(key_path, name), "missing required key")
        return typ(**values)

    def _check_limits(self, node: yaml.Node, key_path: str, value: Any, meta: Any) -> None:
        lo, hi = meta.get("min"), meta.get("max")
        if isinstance(value, (list, dict)):
            n = len(value)
            if lo is not None and n < lo:
                self.fail(node, key_path, f"needs at least {lo} entries, has {n}")
            if hi is not None and n > hi:
                self.fail(node, key_path, f"allows at most {hi} entries, has {n}")
        elif isinstance(value, int):
            if lo is not None and value < lo:
                self.fail(node, key_path, f"must be at least {lo}, is {value}")
            if hi is not None and value > hi:
                self.fail(node, key_path, f"must be at most {hi}, is {value}")
        elif isinstance(value, str) and not value.strip():
            self.fail(node, key_path, "is empty; expected text")


def _join(key_path: str, key: str) -> str:
    return f"{key_path}.{key}" if key_path else key
