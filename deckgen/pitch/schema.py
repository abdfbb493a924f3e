"""JSON Schema for content files, derived from `deckgen.pitch.model` so it cannot drift."""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

from deckgen.pitch.loader import MAX_CHARS
from deckgen.pitch.model import Plea

SCHEMA_ID = "https://deckgen.invalid/plea.schema.json"


def _schema(typ: Any, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    meta = meta or {}
    out: dict[str, Any]
    if dataclasses.is_dataclass(typ):
        hints = typing.get_type_hints(typ)
        props, required = {}, []
        for f in dataclasses.fields(typ):
            props[f.name] = _schema(hints[f.name], dict(f.metadata))
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
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
    elif typ is int:
        out = {"type": "integer"}
        if "min" in meta:
            out["minimum"] = meta["min"]
    else:
        out = {"type": "string", "minLength": 1, "maxLength": MAX_CHARS}
    if meta.get("doc"):
        out = {"description": meta["doc"], **out}
    return out


def schema_dict() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "deckgen content file",
        **_schema(Plea),
    }


def schema_json() -> str:
    return json.dumps(schema_dict(), ensure_ascii=False, indent=2) + "\n"
