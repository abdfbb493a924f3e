"""What deckgen reports before and after a build: ``deckgen inspect`` and ``deckgen check``."""
