"""``python -m deckgen`` runs the same CLI as the ``deckgen`` script."""

from deckgen.cli import main

if __name__ == "__main__":
    main(prog_name="deckgen")
