"""Write built decks to their targets: plainly, merged (``--update``), or not at all (dry run).

A target a person changed is replaced only with ``--force`` or ``--update``, and then the old
file is first kept beside it (`deckgen.output.backup`). Every merge is worked out before the first
file is written, so a deck that cannot be merged leaves every target as it was.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.output.backup import KEEP_BACKUPS


def _bytes(data: Any) -> bytes:
    if isinstance(data, bytes):
        return data
    out = io.BytesIO()
    data.write_to(out)  # a deck parked on disk (`deckgen.batch.SpooledDeck`)
    return out.getvalue()


def write_decks(paths: list[Path], decks: list[Any], *, force: bool, update: bool,
                restore_deleted: bool, dry_run: bool, say: Callable[[str], None],
                keep_backups: int = KEEP_BACKUPS) -> None:
    """Write (or, with ``dry_run``, only describe) each deck at its path.

    An update that brings nothing new (the content is what deckgen wrote last time, and the
    deck's own structure already follows the person's) leaves the file as it is: same bytes,
    no backup, "nothing to update". Of a deck's backups the newest ``keep_backups`` stay.
    """
    from deckgen.bounded import MAX_DECK_BYTES, read_regular
    from deckgen.output.backup import keep_backup, prune_backups
    from deckgen.output.save import atomic_write, deck_bytes, output_state

    plans: list[tuple[Path, Any, str]] = []
    for path, data in zip(paths, decks):
        state = output_state(path) if path.is_file() else "absent"
        if update and state in ("changed", "resaved"):  # resaved: keep its formatting too
            from deckgen.update.merge import merge

            merged, report = merge(read_regular(path, MAX_DECK_BYTES, "deck"), _bytes(data),
                                   str(path), restore_deleted)
            if not report.changed():
                say(f"{path.name}: nothing to update (the content is what deckgen wrote "
                    "last time; your deck stays as it is)")
                continue
            data = deck_bytes(merged)
            for line in report.lines(path.name):
                say(line)
        elif update and state == "pristine":
            if _bytes(data) == read_regular(path, MAX_DECK_BYTES, "deck"):
                say(f"{path.name}: nothing to update (built from this content already)")
                continue
            say(f"{path.name}: nobody changed it since it was built; rebuilt from the content")
        elif update:
            say(f"{path.name}: did not exist; built from the content")
        plans.append((path, data, state))
    for path, data, state in plans:
        if state == "resaved" or (state == "changed" and (force or update)):
            if dry_run:
                say(f"{path.name}: would keep the previous file as a backup (dry run)")
                continue
            backup = keep_backup(path)
            why = (" (another program saved it since deckgen wrote it: same words and layout, "
                   "perhaps other formatting)" if state == "resaved" else "")
            say(f"{path.name}: kept the previous version as {backup.name}{why}")
            old = prune_backups(path, keep_backups)
            if old:
                say(f"{path.name}: removed {len(old)} older backup(s), keeping the newest "
                    f"{keep_backups} (--keep-backups)")
        if not dry_run:
            atomic_write(path, data)
    if dry_run:
        say("dry run: nothing was written")


def check_output_name(output: str | Path | None) -> None:
    """``-o deck.pdf`` (or .potx, .ppt, .txt) is a mistake, not a folder to create."""
    if not output:
        return
    out = Path(output)
    suffix = out.suffix.lower()
    if suffix and suffix != ".pptx" and suffix[1:2].isalpha() and not out.is_dir():
        hint = " (add --pdf for a PDF beside the deck)" if suffix == ".pdf" else ""
        raise DeckgenError(f"-o: {out.name} does not end in .pptx; give a .pptx file or a "
                           f"folder{hint}")


def make_folders(paths: list[Path]) -> None:
    """``-o dir/deck.pptx`` makes ``dir/`` just as ``-o dir/`` does."""
    for folder in dict.fromkeys(p.parent for p in paths):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeckgenError(f"-o: cannot create folder {folder} ({exc.strerror}); choose "
                               "another -o") from None
