"""Read a content file into a validated `Pitch`, keeping line numbers for every error.

Nodes from `deckgen.pitch.yamlio` are converted against the dataclasses in
`deckgen.pitch.model` instead of using ``safe_load``, so that every message can name the file,
line and key path (``slides[3].items[2].title``) and offer a "did you mean". Slides and charts
are tagged unions: their ``kind``/``type`` picks the dataclass before anything else is read,
so an error inside a slide speaks of that slide's keys. Numbers are read from the scalar's own
text (`deckgen.pitch.numbers`), never through YAML 1.1's sexagesimal or octal rules.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from pathlib import Path
from typing import Any

import yaml

from deckgen.errors import DeckgenError
from deckgen.listing import some
from deckgen.pitch.langs import normalize_lang, supported
from deckgen.pitch.loaded import LoadedPitch
from deckgen.pitch.model import Pitch
from deckgen.pitch.numbers import parse_number
from deckgen.pitch.yamlio import MAX_BYTES, MAX_CHARS, MAX_DEPTH, MAX_NODES, compose, load_data, read_text

__all__ = ["MAX_BYTES", "MAX_CHARS", "LoadedPitch", "NodeConverter", "compose", "load_data",
           "load_pitch", "read_text"]

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load_pitch(path: Path) -> LoadedPitch:
    """Load and validate a content file: structure, types, limits and cross-field rules."""
    from deckgen.pitch.checks import check_pitch

    text = read_text(path)
    root = compose(text, path)
    if root is None:
        raise DeckgenError(f"{path}: content file is empty")
    if not isinstance(root, yaml.MappingNode):
        raise DeckgenError(f"{path}:{_line(root)}: content file must be a mapping of keys")
    conv = NodeConverter(path)
    pitch = conv.convert(root, Pitch, "")
    loaded = LoadedPitch(pitch=pitch, path=path, lines=conv.lines)
    check_pitch(loaded)
    return loaded


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _plain(node: yaml.Node) -> bool:
    """An unquoted scalar (libyaml says ``''`` where PyYAML says None)."""
    return not node.style


def _is_union(typ: Any) -> bool:
    return typing.get_origin(typ) in (typing.Union, types.UnionType)


def tag_field(cls: Any) -> dataclasses.Field[Any] | None:
    """The discriminator of a tagged dataclass (``kind`` of a slide, ``type`` of a chart)."""
    return next((f for f in dataclasses.fields(cls) if "tag" in f.metadata), None)


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


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
        self.lines.setdefault(key_path, _line(node))
        if _is_union(typ):
            return self._union(node, typing.get_args(typ), key_path, depth)
        if dataclasses.is_dataclass(typ):
            return self._dataclass(node, typ, key_path, depth)
        origin = typing.get_origin(typ)
        if origin is list:
            return self._list(node, typing.get_args(typ)[0], key_path, depth)
        if origin is dict:
            return self._dict(node, key_path, depth)
        if typ is str:
            return self._str(node, key_path)
        if typ in (float, int):
            return self._number(node, key_path, whole=typ is int)
        raise TypeError(f"unsupported model type {typ!r}")  # a bug in deckgen.pitch.model

    def _kind_of(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        return repr(node.value)

    def _str(self, node: yaml.Node, key_path: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, key_path, f"expected text, got {self._kind_of(node)}")
        if node.tag == _NULL and _plain(node):
            self.fail(node, key_path, "is empty; expected text")
        plain_ok = not _plain(node) or node.tag in (
            _STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
        if not plain_ok:  # yes/no/on/off, dates: YAML would turn them into something else
            self.fail(node, key_path, f"expected text, got {node.value!r}; put it in quotes")
        text = str(node.value)
        if len(text) > MAX_CHARS:
            self.fail(node, key_path, f"text too long ({len(text)} characters, at most {MAX_CHARS})")
        return text

    def _number(self, node: yaml.Node, key_path: str, whole: bool) -> float | int:
        expected = "a whole number" if whole else "a number"
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, key_path, f"expected {expected}, got {self._kind_of(node)}")
        if not _plain(node):
            self.fail(node, key_path, f"expected {expected}, got the text {node.value!r}; "
                                      "write numbers without quotes")
        try:
            value = parse_number(str(node.value))
        except ValueError as exc:
            self.fail(node, key_path, str(exc))
        if whole and not isinstance(value, int):
            self.fail(node, key_path, f"expected {expected}, got {node.value!r}")
        return value

    def _list(self, node: yaml.Node, item: Any, key_path: str, depth: int) -> list[Any]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, key_path, f"expected a list, got {self._kind_of(node)}")
        return [
            self.convert(child, item, f"{key_path}[{i}]", depth + 1)
            for i, child in enumerate(node.value)
        ]

    def _keys(self, node: yaml.Node, key_path: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, key_path, f"expected a mapping of keys, got {self._kind_of(node)}")
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

    def _union(self, node: yaml.Node, options: tuple[Any, ...], key_path: str, depth: int) -> Any:
        if type(None) in options and isinstance(node, yaml.ScalarNode) and node.tag == _NULL \
                and _plain(node):
            return None
        options = tuple(o for o in options if o is not type(None))
        tagged = [o for o in options if dataclasses.is_dataclass(o) and tag_field(o)]
        if tagged and isinstance(node, yaml.MappingNode):
            return self.convert(node, self._pick(node, tagged, key_path), key_path, depth)
        if str in options and isinstance(node, yaml.ScalarNode):
            return self._str(node, key_path)
        plain = [o for o in options if dataclasses.is_dataclass(o) and not tag_field(o)]
        if plain and isinstance(node, yaml.MappingNode):
            if str in options and len(node.value) == 1:
                knode, vnode = node.value[0]
                fields = {f.name for f in dataclasses.fields(plain[0])}
                if (isinstance(knode, yaml.ScalarNode) and knode.value not in fields
                        and isinstance(vnode, yaml.ScalarNode)):
                    # "- Hinweis: wichtig" is a one-key mapping to YAML, a text to its author
                    text = f"{knode.value}: {vnode.value}"
                    self.fail(node, key_path, "a colon followed by a space made this a key; "
                              f'put the text in quotes: "{text[:60]}"')
            return self.convert(node, plain[0], key_path, depth)
        wanted = "text or a mapping" if str in options else "a mapping"
        self.fail(node, key_path, f"expected {wanted}, got {self._kind_of(node)}")

    def _pick(self, node: yaml.MappingNode, classes: list[Any], key_path: str) -> Any:
        """The dataclass whose tag the mapping's ``kind``/``type`` names."""
        name = tag_field(classes[0]).name
        by_tag = {t: c for c in classes for t in tag_field(c).metadata["tag"]}
        tags = some(by_tag)
        for key, _knode, vnode in self._keys(node, key_path):
            if key != name:
                continue
            value = self._str(vnode, _join(key_path, key))
            if value not in by_tag:
                import difflib  # only for a message

                close = difflib.get_close_matches(value, list(by_tag), n=1, cutoff=0.5)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.fail(vnode, _join(key_path, key), f"unknown {name} '{value}'{hint} (known: {tags})")
            return by_tag[value]
        self.fail(node, _join(key_path, name), f"missing required key (one of: {tags})")

    def _dataclass(self, node: yaml.Node, typ: Any, key_path: str, depth: int) -> Any:
        fields = {f.name: f for f in dataclasses.fields(typ)}
        hints = typing.get_type_hints(typ)
        values: dict[str, Any] = {}
        for key, knode, vnode in self._keys(node, key_path):
            sub = _join(key_path, key)
            if key not in fields:
                import difflib  # only for a message

                close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                allowed = some(fields)
                self.fail(knode, sub, f"unknown key{hint} (allowed: {allowed})")
            meta = fields[key].metadata
            value = self.convert(vnode, hints[key], sub, depth + 1)
            if isinstance(value, str) and not value.strip() and not _required(fields[key]):
                values[key] = ""  # an optional text left empty: the same as leaving it out
                continue
            if "tag" in meta and value not in meta["tag"]:
                self.fail(vnode, sub, f"must be {' or '.join(meta['tag'])}, is {value!r}")
            values[key] = self._check_limits(vnode, sub, value, meta)
        for name, f in fields.items():
            if _required(f) and name not in values:
                self.fail(node, _join(key_path, name), "missing required key")
        return typ(**values)

    def _check_limits(self, node: yaml.Node, key_path: str, value: Any, meta: Any) -> Any:
        lo, hi = meta.get("min"), meta.get("max")
        if isinstance(value, (list, dict)):
            n = len(value)
            if lo is not None and n < lo:
                self.fail(node, key_path, f"needs at least {lo} entries, has {n}")
            if hi is not None and n > hi:
                self.fail(node, key_path, f"allows at most {hi} entries, has {n}")
        elif isinstance(value, (int, float)):
            if lo is not None and (value < lo or (meta.get("exclusive_min") and value == lo)):
                bound = "more than" if meta.get("exclusive_min") else "at least"
                self.fail(node, key_path, f"must be {bound} {lo:g}, is {value:g}")
            if hi is not None and value > hi:
                self.fail(node, key_path, f"must be at most {hi:g}, is {value:g}")
        elif isinstance(value, str):
            if not value.strip() and "tag" not in meta:
                self.fail(node, key_path, "is empty; expected text")
            if meta.get("lang"):
                tag = normalize_lang(value)
                if tag is None:
                    self.fail(node, key_path, f"{value!r} is not a language deckgen supports "
                                              f"(de, en, or one of {some(supported())})")
                return tag
            if meta.get("slug") and (not _SLUG.match(value) or len(value) > 80):
                self.fail(node, key_path, f"{value!r}: use lowercase letters, digits and "
                                          "single hyphens, like my-pitch (at most 80)")
        return value


def _join(key_path: str, key: str) -> str:
    return f"{key_path}.{key}" if key_path else key


# Names the rest of the package used before content files became lists of slides.
LoadedPlea = LoadedPitch
load_plea = load_pitch
