"""The deck's thumbnail (``docProps/thumbnail.png``): the title slide's colours and title.

Explorer, Finder and SharePoint show this picture before anyone opens the file; the template's
own thumbnail would show the template. Rendering the slide needs LibreOffice, so it is drawn
with Pillow instead: the background behind the title, the title in its colour and theme font,
where the title sits. Same deck, same bytes: no time stamps, fixed JPEG settings.
"""

from __future__ import annotations

from typing import Any

WIDTH = 256  # what PowerPoint stores
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _rgb(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _title_shape(slide: Any) -> Any:
    title = slide.shapes.title
    if title is not None:
        return title
    return next((s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()), None)


def colours(slide: Any, shape: Any) -> tuple[str, str]:
    """``(background, text)`` of the title: as the deck paints them, readable on each other."""
    from deckgen.geometry import Box
    from deckgen.typeset import backdrop
    from deckgen.typeset.contrast import colours_of, contrast_ratio
    from deckgen.typeset.styles import box_style, theme_colors

    layout = slide.slide_layout
    scheme = theme_colors(layout.slide_master, layout)
    own = slide._element.find(f"{P}cSld/{P}bg/{P}bgPr")
    bg = backdrop.fill(own, scheme) if own is not None else None
    text = None
    if shape is not None:
        box = Box(int(shape.left or 0), int(shape.top or 0), int(shape.width or 1),
                  int(shape.height or 1))
        if bg is None or bg == backdrop.UNKNOWN:
            bg = colours_of(backdrop.behind(layout, box, scheme))[0]  # a photo: its darker part
        run_fill = shape._element.find(f".//{A}r/{A}rPr/{A}solidFill")
        if run_fill is not None and len(run_fill):
            text = backdrop.color(run_fill[0], scheme)
        if text is None:
            ph = shape._element if shape.is_placeholder else None
            level = box_style(layout, ph, "title").levels[0]
            text = backdrop.color(level.color, scheme) if level.color is not None else None
    if bg is None or bg == backdrop.UNKNOWN:
        bg = scheme.get("bg1", "#FFFFFF")
    bg = colours_of(bg)[0]  # a gradient or pattern: one of its colours stands for it
    text = text or scheme.get("tx1", "#000000")
    if contrast_ratio(text, bg) < 3:
        text = max((scheme.get("tx1", "#000000"), scheme.get("bg1", "#FFFFFF"), "#000000",
                    "#FFFFFF"), key=lambda c: contrast_ratio(c, bg))
    return bg, text



_DRAWN: dict[tuple[Any, ...], bytes] = {}

def _key(prs: Any, slide: Any, shape: Any, title: str) -> tuple[Any, ...]:
    """Everything the picture depends on: in a batch only the company changes, not this."""
    from lxml import etree

    layout = slide.slide_layout
    own_bg = slide._element.find(f"{P}cSld/{P}bg")  # not the whole slide: it names the company
    parts = [p for p in (own_bg, layout._element, layout.slide_master._element) if p is not None]
    theme = layout.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob
    return (title, prs.slide_width, prs.slide_height, hash(theme),
            *(hash(etree.tostring(p)) for p in parts),
            hash(etree.tostring(shape._element)) if shape is not None else None)


def thumbnail_png(prs: Any, plan: Any) -> bytes:
    """The title slide, drawn small: its background, and its title in place and in colour."""
    title = " ".join((plan.slides[0].title if plan.slides else plan.title).split())
    slide = prs.slides[0] if len(prs.slides) else None
    if slide is None:
        return _draw(prs, None, None, title)
    shape = _title_shape(slide)
    try:
        key = _key(prs, slide, shape, title)
    except (KeyError, ValueError):
        return _draw(prs, slide, shape, title)
    if key not in _DRAWN:
        if len(_DRAWN) > 32:
            _DRAWN.clear()
        _DRAWN[key] = _draw(prs, slide, shape, title)
    return _DRAWN[key]


def _draw(prs: Any, slide: Any, shape: Any, title: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    from deckgen.typeset.fonts import font_face
    from deckgen.typeset.styles import theme_fonts

    sw, sh = int(prs.slide_width or 12192000), int(prs.slide_height or 6858000)
    height = max(1, round(WIDTH * sh / sw))
    bg, fg = colours(slide, shape) if slide is not None else ("#FFFFFF", "#000000")
    image = Image.new("RGB", (WIDTH, height), _rgb(bg))
    if shape is not None and title:
        scale = WIDTH / sw
        x, y = int(shape.left or 0) * scale, int(shape.top or 0) * scale
        w, h = max(8.0, int(shape.width or sw) * scale), max(8.0, int(shape.height or sh) * scale)
        draw = ImageDraw.Draw(image)
        family = theme_fonts(prs.slide_masters[0]).get("+mj-lt", "Calibri")
        face = font_face(family, True)

        from deckgen.typeset.fonts import metrics

        m = metrics(family, True)  # measured like the deck's text: cached, no font loads

        def layout(size: int) -> list[str] | None:
            """The lines at ``size``, if the title fits the box so."""
            lines: list[str] = []
            for word in title.split():
                if lines and m.width(f"{lines[-1]} {word}") * size <= w:
                    lines[-1] = f"{lines[-1]} {word}"
                else:
                    lines.append(word)
            fits = len(lines) * size * 1.2 <= h and all(m.width(ln) * size <= w for ln in lines)
            return lines if fits else None

        low, high = 6, max(6, int(h / 2))  # the largest size that fits, by bisection
        while low < high:
            mid = (low + high + 1) // 2
            low, high = (mid, high) if layout(mid) else (low, mid - 1)
        size = low
        lines = layout(size) or [title]
        font = (ImageFont.truetype(face[0], size, index=face[1]) if face
                else ImageFont.load_default(size))
        top = y + max(0.0, (h - len(lines) * size * 1.2) / 2)
        for n, line in enumerate(lines):
            draw.text((x, top + n * size * 1.2), line, fill=_rgb(fg), font=font)
    return png_bytes(image.convert("RGB"))


def png_bytes(image: Any) -> bytes:
    """The picture as a PNG, encoded here with zlib.

    Pillow's own encoders load its image-file machinery (and ``logging``), which costs more
    than drawing the thumbnail; a PNG is a header, the filtered rows deflated, and an end mark.
    Office reads PNG thumbnails as well as JPEG ones (the package thumbnail may be any common
    image type); the bytes are deterministic.
    """
    import struct
    import zlib

    w, h = image.size
    raw = bytearray(w * h * 3)  # not image.tobytes(): that loads Pillow's file machinery too
    for offset, band in enumerate(image.split()):
        flat = getattr(band, "get_flattened_data", None) or band.getdata  # Pillow 12+ / older
        raw[offset::3] = bytes(flat())
    raw = bytes(raw)
    rows = b"".join(b"\x00" + raw[y * w * 3:(y + 1) * w * 3] for y in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
