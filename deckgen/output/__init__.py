"""Writing files: deterministic, atomic saves with the deck's mark, package checks, backups,
exports through LibreOffice, file names, and template folders."""
