"""Keep the previous file before deckgen replaces one a person changed.

``deck.pptx`` is kept as ``deck.bak.pptx``, later ones as ``deck.bak-2.pptx``, ``-3``…: each
new backup takes the number after the highest one there, so the numbers say which is newest,
even after old ones were removed. The copy is made under a temporary name with the deck's own
permissions (a deck readable by the team gives a backup readable by the team, a private one a
private backup) and linked into place, which fails instead of replacing when another run took
the same name meanwhile. `prune_backups` then removes all but the newest ``keep``, so repeated
updates do not fill the folder (``--keep-backups``).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from deckgen.errors import DeckgenError

KEEP_BACKUPS = 5  # backups of one deck kept by default (`--keep-backups`)
_TRIES = 1000  # names tried past the highest when other runs keep taking them


def backup_name(path: Path, n: int) -> Path:
    """``deck.pptx`` → ``deck.bak.pptx`` (n=1), ``deck.bak-2.pptx`` (n=2)…"""
    tag = ".bak" if n == 1 else f".bak-{n}"
    return path.with_name(f"{path.stem}{tag}{path.suffix}")


def backups(path: Path) -> dict[int, Path]:
    """The backups of ``path`` beside it, by number (``deck.bak.pptx`` is 1)."""
    folder = path.parent if str(path.parent) else Path(".")
    pattern = re.compile(rf"{re.escape(path.stem)}\.bak(?:-([1-9][0-9]{{0,8}}))?"
                         rf"{re.escape(path.suffix)}")
    found: dict[int, Path] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file(follow_symlinks=False):
            found[int(match.group(1) or 1)] = folder / entry.name
    return found


def keep_backup(path: Path) -> Path:
    """Copy ``path`` to the next backup name beside it and return that name."""
    folder = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".bak.tmp", dir=folder)
        os.close(fd)
        shutil.copyfile(path, tmp)
        mode = stat.S_IMODE(os.stat(path).st_mode)
        os.chmod(tmp, mode)
        start = max(backups(path), default=0) + 1
        for n in range(start, start + _TRIES):
            target = backup_name(path, n)
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            except OSError:  # no hard links here (FAT, some network shares): copy exclusively
                try:
                    out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
                except FileExistsError:
                    continue
                with os.fdopen(out, "wb") as dst, open(tmp, "rb") as src:
                    shutil.copyfileobj(src, dst)
                os.chmod(target, mode)  # the umask narrowed what os.open was given
            return target
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot keep a backup before replacing it "
                           f"({exc.strerror or exc}); nothing was replaced") from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
    raise DeckgenError(f"{path}: other runs keep taking its backup names; nothing was replaced, "
                       "try again")


def prune_backups(path: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` backups of ``path``; return the ones removed.

    A backup that cannot be removed (permissions) is left alone: it is only housekeeping.
    """
    removed = []
    found = backups(path)
    for n in sorted(found)[: max(0, len(found) - max(keep, 1))]:
        try:
            found[n].unlink()
        except OSError:
            continue
        removed.append(found[n])
    return removed
