"""``python -m deckgen`` runs the same CLI as the ``deckgen`` script."""

from deckgen.cli import run

if __name__ == "__main__":
    run(prog_name="deckgen")
