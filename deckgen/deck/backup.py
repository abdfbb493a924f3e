"""Keep the previous file before deckgen replaces one a person changed.

``deck.pptx`` is kept as ``deck.bak.pptx``; if that exists, ``deck.bak-2.pptx``, ``-3``…, so
an older backup is never overwritten. The copy is made under a temporary name and linked into
place, which fails instead of replacing when another run took the same name meanwhile.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from deckgen.errors import DeckgenError

MAX_BACKUPS = 999


def backup_name(path: Path, n: int) -> Path:
    """``deck.pptx`` → ``deck.bak.pptx`` (n=1), ``deck.bak-2.pptx`` (n=2)…"""
    tag = ".bak" if n == 1 else f".bak-{n}"
    return path.with_name(f"{path.stem}{tag}{path.suffix}")


def keep_backup(path: Path) -> Path:
    """Copy ``path`` to the first free backup name beside it and return that name."""
    folder = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".bak.tmp", dir=folder)
        os.close(fd)
        shutil.copyfile(path, tmp)
        for n in range(1, MAX_BACKUPS + 1):
            target = backup_name(path, n)
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            except OSError:  # no hard links here (FAT, some network shares): copy exclusively
                try:
                    out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                except FileExistsError:
                    continue
                with os.fdopen(out, "wb") as dst, open(tmp, "rb") as src:
                    shutil.copyfileobj(src, dst)
            return target
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot keep a backup before replacing it "
                           f"({exc.strerror or exc}); nothing was replaced") from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
    raise DeckgenError(f"{path}: {MAX_BACKUPS} backups exist beside it; remove old "
                       f"{path.stem}.bak-*{path.suffix} files")
