"""Writing the deck: slides, charts, cleanup, deterministic atomic save, and exports."""
