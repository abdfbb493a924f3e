"""JSON Schema for content files, derived from `deckgen.pitch.model` so it cannot drift.

Editors (yaml-language-server) use it for completion and checks while typing; the loader stays
the authority (it also checks what a schema cannot say: table rows as long as the header,
images inside the folder), so the schema describes and the loader decides.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from deckgen.pitch.langs import REGIONS, supported
from deckgen.pitch.limits import MAX_CHARS
from deckgen.pitch.model import Pitch
from deckgen.pitch.numbers import MAX_DIGITS

SCHEMA_ID = "https://deckgen.invalid/plea.schema.json"
_BOUND = 10**MAX_DIGITS - 1


def _union(typ: Any) -> bool:
    return typing.get_origin(typ) in (typing.Union, types.UnionType)


def _field(f: dataclasses.Field[Any], hint: Any) -> dict[str, Any]:
    meta = dict(f.metadata)
    if "tag" in meta:
        tags = list(meta["tag"])
        out: dict[str, Any] = {"const": tags[0]} if len(tags) == 1 else {"enum": tags}
        return {"description": meta["doc"], **out}
    out = _schema(hint, meta)
    if f.default == "" and out.get("type") == "string":
        out.pop("minLength", None)  # an optional text may be left empty
    return out


def _schema(typ: Any, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    meta = meta or {}
    out: dict[str, Any]
    if _union(typ):
        options = [a for a in typing.get_args(typ) if a is not type(None)]
        key = "oneOf" if all(dataclasses.is_dataclass(o) for o in options) else "anyOf"
        out = {key: [_schema(o) for o in options]}
    elif dataclasses.is_dataclass(typ):
        hints = typing.get_type_hints(typ)
        props, required = {}, []
        for f in dataclasses.fields(typ):
            props[f.name] = _field(f, hints[f.name])
            tagged = "tag" in f.metadata
            if tagged or (f.default is dataclasses.MISSING
                          and f.default_factory is dataclasses.MISSING):
                required.append(f.name)
        out = {"type": "object", "properties": props, "required": required,
               "additionalProperties": False}
    elif typing.get_origin(typ) is list:
        out = {"type": "array", "items": _schema(typing.get_args(typ)[0])}
        if "min" in meta:
            out["minItems"] = meta["min"]
        if "max" in meta:
            out["maxItems"] = meta["max"]
    elif typing.get_origin(typ) is dict:
        out = {"type": "object", "additionalProperties": {"type": "string", "maxLength": MAX_CHARS}}
        if "max" in meta:
            out["maxProperties"] = meta["max"]
    elif typ in (int, float):
        out = {"type": "integer" if typ is int else "number"}
        lo = meta.get("min", -_BOUND)
        out["exclusiveMinimum" if meta.get("exclusive_min") else "minimum"] = lo
        out["maximum"] = meta.get("max", _BOUND)
    elif meta.get("lang"):
        out = {"type": "string", "enum": [*REGIONS, *supported()]}
    elif meta.get("slug"):
        out = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80}
    else:
        out = {"type": "string", "minLength": 1, "maxLength": MAX_CHARS}
    if meta.get("doc"):
        out = {"description": meta["doc"], **out}
    return out


def schema_dict() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "deckgen content file",
        **_schema(Pitch),
    }


def schema_json() -> str:
    return json.dumps(schema_dict(), ensure_ascii=False, indent=2) + "\n"
