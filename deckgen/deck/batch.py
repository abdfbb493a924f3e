"""Build many decks on several cores.

Workers are forked after the content and template are loaded and resolved, so each starts
warm; companies are handed out in contiguous chunks so each worker keeps refilling one deck
(see `deckgen.deck.writer.DeckWriter`). A deck's bytes do not depend on which worker built it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

from deckgen.errors import DeckgenError

MIN_PER_WORKER = 6  # below this a second process costs more than it saves
_JOB: Any = None


def auto_jobs(n_decks: int) -> int:
    """The fastest setting here: one process per core once there is enough work to share."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, n_decks // MIN_PER_WORKER, 8))


def _work(companies: list[str]) -> list[bytes] | DeckgenError:
    from deckgen.api import deck_for, plan_for

    try:
        return [deck_for(_JOB, plan_for(_JOB, c)) for c in companies]
    except DeckgenError as exc:
        return exc


def build_all(job: Any, companies: list[str], jobs: int,
              progress: Callable[[int], None] | None) -> list[bytes]:
    from deckgen.api import deck_for, plan_for

    if jobs <= 1 or len(companies) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        decks = []
        for c in companies:
            decks.append(deck_for(job, plan_for(job, c)))
            if progress:
                progress(1)
        return decks
    global _JOB
    _JOB = job
    size = max(1, min(8, -(-len(companies) // (jobs * 2))))
    chunks = [companies[i:i + size] for i in range(0, len(companies), size)]
    decks: list[bytes] = []
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for result in pool.imap(_work, chunks):
                if isinstance(result, DeckgenError):
                    raise result
                decks.extend(result)
                if progress:
                    progress(len(result))
    finally:
        _JOB = None
    return decks
