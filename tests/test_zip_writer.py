"""The deck's zip writer makes the bytes `zipfile` would, with or without the batch's cache."""

from __future__ import annotations

import zipfile

# `_zipfile` is the writer's own fallback past 2 GiB: plain `zipfile`, the reference here
from deckgen.output.zip_writer import DeflateCache, _zipfile, write_zip

MEMBERS = [("[Content_Types].xml", b"<Types/>" * 50), ("ppt/media/image1.png", bytes(range(256)) * 9),
           ("ppt/slides/für.xml", "ä".encode() * 400), ("empty", b"")]


def test_same_bytes_as_zipfile():
    assert write_zip(MEMBERS) == _zipfile(MEMBERS)


def test_cache_gives_the_same_bytes_and_is_reused():
    cache = DeflateCache()
    first = write_zip(MEMBERS, cache)
    changed = [*MEMBERS[:2], ("ppt/slides/für.xml", b"<other/>"), MEMBERS[3]]
    assert write_zip(changed, cache) == _zipfile(changed)
    assert first == _zipfile(MEMBERS)
    assert len(cache._items) == len(MEMBERS) + 1  # the unchanged members were not deflated again


def test_cache_is_bounded():
    cache = DeflateCache(max_bytes=1000)
    for i in range(20):
        write_zip([("a", bytes([i]) * 400)], cache)
    assert cache._held <= 1000


def test_deck_reads_back_with_zipfile(tmp_path):
    import deckgen

    (path,) = deckgen.build("Acme", output=tmp_path)
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert _zipfile([(i.filename, zf.read(i)) for i in zf.infolist()]) == path.read_bytes()
