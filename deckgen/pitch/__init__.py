"""Content: the pitch file, its validated model, and its rendering into a slide plan."""
