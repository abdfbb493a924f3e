"""Build many decks on several cores.

Workers are forked after the content and template are loaded and resolved, so each starts
warm; companies are handed out in contiguous chunks so each worker keeps refilling one deck
(see `deckgen.deck.writer.DeckWriter`). A deck's bytes do not depend on which worker built it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import Any, BinaryIO

from deckgen.errors import DeckgenError, describe
from deckgen.signals import worker_init

MIN_PER_WORKER = 6  # below this a second process costs more than it saves
SPOOL_AFTER = 32_000_000  # built decks kept in memory; the rest wait in temporary files
_JOB: Any = None


class SpooledDeck:
    """A built deck parked in an anonymous temporary file until every deck is built.

    Nothing is written before all decks succeed, but forty decks over a 30 MB template would
    hold 1.2 GB; parked decks cost no memory, and the file has no name, so it never outlives
    the process (`deckgen.output.save.atomic_write` streams it out).
    """

    def __init__(self, data: bytes) -> None:
        import tempfile

        self._fh = tempfile.TemporaryFile(prefix="deckgen-")  # noqa: SIM115 - lives with self
        self._fh.write(data)
        self.size = len(data)

    def __len__(self) -> int:
        return self.size

    def write_to(self, out: BinaryIO) -> None:
        self._fh.seek(0)
        shutil.copyfileobj(self._fh, out, 1 << 20)


class _Decks(list):  # type: ignore[type-arg]
    """The list of built decks, parking each once the ones in memory pass `SPOOL_AFTER`."""

    held = 0

    def add(self, data: bytes) -> None:
        if self.held + len(data) > SPOOL_AFTER:
            self.append(SpooledDeck(data))
        else:
            self.held += len(data)
            self.append(data)


def _cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cores or 1


def auto_jobs(n_decks: int) -> int:
    """The fastest setting here: one process per core once there is enough work to share."""
    return max(1, min(_cores(), n_decks // MIN_PER_WORKER, 8))


def useful_jobs(jobs: int, n_decks: int) -> int:
    """``--jobs`` capped at what can help: no more workers than decks or cores.

    ``--jobs 1000`` for 40 decks would otherwise fork 1000 processes on a 2-core machine.
    """
    return max(1, min(jobs, n_decks, _cores()))


def _work(companies: list[str]) -> list[bytes] | DeckgenError:
    from deckgen.jobs import deck_for, plan_for

    try:
        return [deck_for(_JOB, plan_for(_JOB, c)) for c in companies]
    except DeckgenError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - an unpicklable error would hang the pool
        return DeckgenError(describe(exc))


def build_all(job: Any, companies: list[str], jobs: int,
              progress: Callable[[int], None] | None) -> list[bytes | SpooledDeck]:
    from deckgen.jobs import deck_for, plan_for

    jobs = useful_jobs(jobs, len(companies))
    if len(companies) == 1:
        decks = _Decks()
        decks.add(deck_for(job, plan_for(job, companies[0])))
        return decks
    import multiprocessing  # only here: a single deck should not pay for its import

    if jobs <= 1 or len(companies) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        decks = _Decks()
        for c in companies:
            decks.add(deck_for(job, plan_for(job, c)))
            if progress:
                progress(1)
        return decks
    global _JOB
    _JOB = job
    big = len(getattr(job.template, "data", b"")) > 2_000_000  # results travel one by one
    size = 1 if big else max(1, min(8, -(-len(companies) // (jobs * 2))))
    chunks = [companies[i:i + size] for i in range(0, len(companies), size)]
    decks = _Decks()
    try:
        # Workers ignore Ctrl-C and die quietly on SIGTERM (`signals.worker_init`); on an
        # interruption the parent's `with` ends them (terminate) and the CLI prints one line.
        with multiprocessing.get_context("fork").Pool(jobs, initializer=worker_init) as pool:
            for result in pool.imap(_work, chunks):
                if isinstance(result, DeckgenError):
                    raise result
                for data in result:
                    decks.add(data)
                if progress:
                    progress(len(result))
    finally:
        _JOB = None
    return decks
