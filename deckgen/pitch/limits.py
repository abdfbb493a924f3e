"""Size limits for content, shared by the reader, the renderer and the sandbox.

Kept in a module of their own so that the modules which only need a number do not import
PyYAML (a build from the shipped content never needs the YAML parser; see
`deckgen.pitch.precompiled`).
"""

MAX_BYTES = 1_000_000
MAX_NODES = 50_000
MAX_DEPTH = 40
MAX_CHARS = 5000  # no slide text or note is longer; longer ones are mistakes or attacks
