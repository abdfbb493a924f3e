"""Reading small YAML files safely: bounded size, UTF-8 only, positions kept, aliases bounded.

Content files and ``template.yaml`` are untrusted. PyYAML's composer gives nodes with
positions, so every message can name the file and line, and converting nodes ourselves
follows anchors and aliases under a node budget: a "billion laughs" file fails fast instead
of eating memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from deckgen.errors import DeckgenError
from deckgen.pitch.limits import MAX_BYTES, MAX_CHARS, MAX_DEPTH, MAX_NODES  # noqa: F401


def read_text(path: Path, what: str = "content file") -> str:
    """Read a small UTF-8 text file, turning every OS and encoding problem into one line."""
    from deckgen.bounded import read_regular  # only regular files, read under the cap

    data = read_regular(path, MAX_BYTES, what)
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
        raise DeckgenError(_explain(exc, text, path)) from None
    except yaml.YAMLError as exc:
        raise DeckgenError(f"{path}: YAML error: {' '.join(str(exc).split())}") from None


def _explain(exc: yaml.MarkedYAMLError, text: str, path: Path) -> str:
    """A YAML syntax error as a person can act on it: where, and what to change.

    PyYAML speaks of tokens and streams; the usual causes in a hand-edited content file are a
    tab used for indentation, a quote that is never closed (reported at the end of the file),
    and a colon inside unquoted text.
    """
    mark = exc.problem_mark or exc.context_mark
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
    problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
    context = str(exc.context or "")
    lines = text.splitlines()
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if mark and "\t" in line[: max(mark.column + 1, len(line) - len(line.lstrip()))]:
        return (f"{path}:{mark.line + 1}: tabs are not allowed for indentation in YAML; "
                "indent with spaces")
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        return (f"{path}:{start.line + 1}:{start.column + 1}: a quote starts here and is never "
                "closed; add the closing quote at the end of the text")
    if "mapping values are not allowed" in problem:
        return (f"{where}: a colon followed by a space starts a key in YAML; if it belongs to "
                'the text, put the whole text in quotes ("…: …")')
    return f"{where}: YAML syntax error: {problem}"


def compose(text: str, path: Path) -> yaml.Node | None:
    """Parse YAML into a node graph (positions kept, aliases not expanded); a tag deckgen does
    not read (``!foo``, ``!!python/object``) is an error naming its line, never ignored."""
    root = _yaml_call(yaml.compose, text, path)
    if root is not None:
        _check_tags(root, path)
    return root


# the tags YAML's core schema gives plain values; anything else would be silently ignored
_KNOWN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in (
    "str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge"))


def _check_tags(root: yaml.Node, path: Path) -> None:
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in _KNOWN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise DeckgenError(f"{path}:{_line(node)}: unknown YAML tag {tag[:60]!r}; deckgen "
                               "reads plain values only: remove the tag")
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)


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
        if n.tag in (_INT, _FLOAT) and len(n.value) > 40:
            raise DeckgenError(f"{path}:{_line(n)}: number too long ({len(n.value)} characters)")
        try:
            return _SCALARS.construct_object(n)
        except yaml.YAMLError as exc:
            raise DeckgenError(f"{path}:{_line(n)}: {' '.join(str(exc).split())}") from None

    return None if node is None else convert(node, 0)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


_SCALARS = yaml.constructor.SafeConstructor()
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
