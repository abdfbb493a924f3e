"""Bounded reading of untrusted files, and a memory ceiling for the CLI process.

Content files, templates, ``template.yaml`` and logos come from colleagues and downloads. A
path may name ``/dev/zero``, a FIFO that never delivers, a folder, or a file that grows while
it is read; ``stat().st_size`` says nothing about such files. So every input is opened without
blocking, must be a regular file, and is read only up to its cap, whatever the size it claims.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from deckgen.errors import DeckgenError

_CHUNK = 1 << 20
AS_LIMIT_BYTES = 1 << 30  # address space, not RSS: a batch maps ~0.3 GB for ~50 MB RSS


MAX_DECK_BYTES = 200_000_000  # an existing deck larger than this is not ours to compare

def _os_message(exc: OSError) -> str:
    """A short reason; a 300-character name gets "file name too long", not a traceback."""
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long; give a shorter path"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def read_regular(path: Path, limit: int, what: str) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened with ``O_NONBLOCK`` so a FIFO cannot stall the run before it is refused, and read in
    chunks up to ``limit + 1`` so a file that lies about (or changes) its size still cannot
    exceed the cap in memory.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DeckgenError(f"{path}: {what} not found") from None
    except IsADirectoryError:
        raise DeckgenError(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot read {what} ({_os_message(exc)})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DeckgenError(f"{path}: is a folder, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise DeckgenError(f"{path}: is not a regular file (a device, pipe or socket); "
                               f"give a {what} saved on disk")
        if info.st_size > limit:
            raise DeckgenError(f"{path}: {what} is too large ({info.st_size} bytes, at most "
                               f"{limit})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise DeckgenError(f"{path}: {what} is too large (over {limit} bytes)")
        return b"".join(chunks)
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot read {what} ({_os_message(exc)})") from None
    finally:
        os.close(fd)


def probe(path: Path, what: str) -> os.stat_result | None:
    """``stat`` of ``path``, ``None`` if it does not exist; other OS errors are one line."""
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot read {what} ({_os_message(exc)})") from None
    except ValueError as exc:  # an embedded NUL byte in the name
        raise DeckgenError(f"{what}: invalid path ({exc})") from None


def is_dir(path: Path, what: str) -> bool:
    info = probe(path, what)
    return info is not None and stat.S_ISDIR(info.st_mode)


def is_file(path: Path, what: str) -> bool:
    info = probe(path, what)
    return info is not None and stat.S_ISREG(info.st_mode)


def limit_address_space(limit: int = AS_LIMIT_BYTES) -> None:
    """Lower this process's soft address-space limit as a last line against runaway inputs.

    Only the soft limit is lowered, so a child that needs more (LibreOffice) can raise it
    again with `lift_address_space`; an existing lower limit is kept. Linux-only in practice.
    """
    try:
        import resource
    except ImportError:
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY and hard < limit:
            limit = hard
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError, AttributeError):
        pass


def lift_address_space() -> None:
    """Raise the soft address-space limit back to the hard one (a ``preexec_fn`` for children)."""
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    except (ImportError, ValueError, OSError, AttributeError):
        pass
