"""Parts PowerPoint expects that some templates lack.

LibreOffice-written templates have no ``viewProps`` (and sometimes no ``presProps``) part;
PowerPoint then offers to repair the file. Adding minimal, schema-valid parts is harmless
for every other application.
"""

from __future__ import annotations

from typing import Any

_P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
_PARTS = (
    # (relationship type, content type, part name, XML)
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/viewProps",
     "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml",
     "/ppt/viewProps.xml",
     f'<p:viewPr xmlns:p="{_P_NS}"/>'),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/presProps",
     "application/vnd.openxmlformats-officedocument.presentationml.presProps+xml",
     "/ppt/presProps.xml",
     f'<p:presentationPr xmlns:p="{_P_NS}"/>'),
)


def add_missing_parts(prs: Any) -> list[str]:
    """Add what is missing; returns the part names added (for tests and reports)."""
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    part = prs.part
    have = {rel.reltype for rel in part.rels.values()}
    added = []
    for reltype, content_type, name, xml in _PARTS:
        if reltype in have:
            continue
        blob = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml.encode()
        new = Part(PackURI(name), content_type, part.package, blob)
        part.relate_to(new, reltype)
        added.append(name)
    return added
