"""Rebuilding a deck a person edited (``--update``): identities, fingerprints, matching and
the merge that keeps their edits."""
