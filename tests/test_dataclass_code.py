"""The dataclass code cache is a speed path: the same methods, kept between runs."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass

from deckgen import dataclass_code


def _define(module_name: str) -> type:
    module = types.ModuleType(module_name)
    sys.modules[module_name] = module
    try:
        source = ("from dataclasses import dataclass\n"
                  "@dataclass(frozen=True)\n"
                  "class Point:\n    x: int\n    y: int = 2\n")
        # compiled without this test module's future import, as a module of its own is
        exec(compile(source, module_name, "exec", dont_inherit=True),  # noqa: S102
             module.__dict__)
        return module.Point
    finally:
        del sys.modules[module_name]


def test_a_deckgen_class_gets_the_methods_dataclasses_makes(monkeypatch, tmp_path):
    monkeypatch.setattr(dataclass_code, "_FILE", str(tmp_path / "code.marshal"))
    monkeypatch.setattr(dataclass_code, "_code", {})
    monkeypatch.setattr(dataclass_code, "_new", False)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    point = _define("deckgen._test_point")
    assert point(1) == point(1, 2) and hash(point(1)) == hash(point(1, 2))
    assert repr(point(1)) == "Point(x=1, y=2)"
    # compiled as `dataclasses` compiles it: the cache module's own future import does not
    # turn the generated method's annotations into strings
    assert point.__init__.__annotations__["x"] is int
    assert dataclass_code._code  # compiled through the cache
    dataclass_code.save()
    kept = dataclass_code._read()
    assert kept.keys() == dataclass_code._code.keys()
    monkeypatch.setattr(dataclass_code, "_code", None)  # a new process: read from the file
    again = _define("deckgen._test_point")
    assert again(3, 4) == again(3, 4) and again(3) != again(4)


def test_other_packages_pass_by(monkeypatch):
    monkeypatch.setattr(dataclass_code, "_code", {})

    @dataclass
    class Other:  # this test module is not deckgen's
        x: int

    assert Other(1) == Other(1) and dataclass_code._code == {}


def test_an_unreadable_file_is_no_cache(monkeypatch, tmp_path):
    bad = tmp_path / "code.marshal"
    bad.write_bytes(b"not marshal data")
    monkeypatch.setattr(dataclass_code, "_FILE", str(bad))
    assert dataclass_code._read() == {}
