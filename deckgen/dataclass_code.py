"""deckgen's dataclass methods, compiled once and kept beside its bytecode.

`dataclasses` writes every class's ``__init__`` (and ``__eq__``, ``__repr__``, ``__hash__``,
a frozen class's ``__setattr__``/``__delattr__``) as source text and compiles it when the
module is imported: about 250 small compiles of deckgen's ~70 classes, a fifth of what a build
spends importing deckgen. Python keeps modules' bytecode in ``__pycache__`` but not these. So
deckgen's dataclass source texts are compiled once and their code objects kept, by exact text,
in ``__pycache__/dataclass-code.<tag>.marshal`` (under ``PYTHONPYCACHEPREFIX`` if set; never
written where Python writes no bytecode). A text compiles to the same code every time, so each
class gets exactly the methods `dataclasses` would make; a text not in the file (a changed
class, another Python) is compiled as before and kept. Other packages' dataclasses pass by.

A speed path only: the file may be missing, stale or unreadable, and nothing changes but time.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import sys
from types import CodeType
from typing import Any

_FILE = importlib.util.cache_from_source(os.path.join(os.path.dirname(__file__),
                                                      "dataclass-code.py"))[:-4] + ".marshal"
_HEADER = importlib.util.MAGIC_NUMBER
_code: dict[str, CodeType] | None = None  # read on the first class deckgen defines
_new = False  # compiled since the file was read


def install() -> None:
    """Route `dataclasses`' compiles through the cache (once per process; cheap)."""
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # the name it calls, module-global


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:  # noqa: A002
    if not (isinstance(source, str) and isinstance(globals, dict)
            and str(globals.get("__name__", "")).startswith("deckgen")):
        builtins.exec(source, globals, locals)
        return
    builtins.exec(_compiled(source), globals, locals)


def _compiled(source: str) -> CodeType:
    global _code, _new
    if _code is None:
        _code = _read()
    code = _code.get(source)
    if code is None:
        # dont_inherit: this module's ``from __future__ import annotations`` must not turn
        # the methods' annotations into strings, as `dataclasses`' own exec would not
        code = _code[source] = compile(source, "<string>", "exec", dont_inherit=True)
        if not _new:
            _new = True
            import atexit

            atexit.register(save)
    return code


def _read() -> dict[str, CodeType]:
    try:
        with open(_FILE, "rb") as f:
            data = f.read()
        if data[: len(_HEADER)] != _HEADER:
            return {}
        code = marshal.loads(data[len(_HEADER):])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return code if isinstance(code, dict) else {}


def save() -> None:
    """Keep what was compiled since the file was read (`deckgen.cli` ends its process without
    running ``atexit``, so it calls this itself); nothing where bytecode is not written."""
    global _new
    if not _new or _code is None or sys.dont_write_bytecode:
        return
    _new = False
    tmp = f"{_FILE}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(_FILE), exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(_HEADER + marshal.dumps(_code))
        os.replace(tmp, _FILE)  # whole or not at all, whichever process writes last
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
