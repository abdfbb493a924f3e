"""Colour arithmetic: WCAG contrast and DrawingML luminance transforms.

Layouts refer to theme slots (``accent1``, ``tx1`` …) so that a later theme change restyles the
deck. When a slot alone would be illegible on its background we keep the slot and add
``lumMod``/``lumOff``, which PowerPoint and LibreOffice both apply in HSL space; this module
computes the resulting sRGB the same way, so a contrast ratio can be checked before the XML is
written.
"""

from __future__ import annotations

import colorsys
from collections.abc import Mapping
from dataclasses import dataclass

MIN_CONTRAST = 4.5
# Adjusted colours aim a little higher so that an application's rounding cannot drop below 4.5.
TARGET = 4.55
# Slide-level names resolve to theme slots through the master's (standard) colour map.
CLR_MAP = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}

RGB = tuple[float, float, float]


def parse_hex(value: str) -> RGB:
    """``"#1A2B3C"`` → channels in 0…1."""
    return tuple(int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in rgb)


def luminance(value: str) -> float:
    """WCAG 2.x relative luminance of an sRGB hex colour."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = parse_hex(value)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def colours_of(value: str) -> list[str]:
    """A backdrop of several colours (``"#dark/#light"``, text on a photo) as its parts."""
    return value.split("/")


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG contrast; against a backdrop of several colours, the worst of them."""
    if "/" in bg:
        return min(contrast_ratio(fg, part) for part in colours_of(bg))
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def mix(a: str, b: str, t: float) -> str:
    """``t`` of the way from ``a`` to ``b`` (in sRGB, like a designer's tint/shade)."""
    ca, cb = parse_hex(a), parse_hex(b)
    return to_hex(tuple(x + (y - x) * t for x, y in zip(ca, cb, strict=True)))  # type: ignore[arg-type]


def hls(value: str) -> tuple[float, float, float]:
    return colorsys.rgb_to_hls(*parse_hex(value))


def from_hls(h: float, lum: float, s: float) -> str:
    return to_hex(colorsys.hls_to_rgb(h % 1.0, min(max(lum, 0.0), 1.0), min(max(s, 0.0), 1.0)))


def prefers_light(bg: str) -> bool:
    """Whether white text beats black text on ``bg`` (one of them always reaches 4.58:1)."""
    return contrast_ratio("#FFFFFF", bg) >= contrast_ratio("#000000", bg)


@dataclass(frozen=True)
class ColorRef:
    """A theme slot plus optional HSL luminance modulation/offset, in 1/1000 percent."""

    slot: str
    lum_mod: int = 100_000
    lum_off: int = 0

    def resolve(self, scheme: Mapping[str, str]) -> str:
        base = self.slot if self.slot.startswith("#") else (
            scheme.get(self.slot) or scheme[CLR_MAP.get(self.slot, self.slot)])
        if self.lum_mod == 100_000 and self.lum_off == 0:
            return base
        h, lum, s = hls(base)
        return from_hls(h, lum * self.lum_mod / 100_000 + self.lum_off / 100_000, s)

    def xml(self) -> str:
        mods = ""
        if self.lum_mod != 100_000:
            mods += f'<a:lumMod val="{self.lum_mod}"/>'
        if self.lum_off:
            mods += f'<a:lumOff val="{self.lum_off}"/>'
        if self.slot.startswith("#"):  # a colour the template paints, not a theme slot
            return f'<a:srgbClr val="{self.slot[1:].upper()}">{mods}</a:srgbClr>'
        if not mods:
            return f'<a:schemeClr val="{self.slot}"/>'
        return f'<a:schemeClr val="{self.slot}">{mods}</a:schemeClr>'

    def toward(self, light: bool, step: int) -> ColorRef:
        """``step`` twentieths of the way to white (``light``) or black, in HSL lightness."""
        amount = step * 5_000
        return ColorRef(self.slot, 100_000 - amount, amount if light else 0)


def legible(ref: ColorRef, bg: str, scheme: Mapping[str, str]) -> ColorRef:
    """``ref`` itself if it reads on ``bg``, else the least-shifted lighter/darker variant."""
    if contrast_ratio(ref.resolve(scheme), bg) >= MIN_CONTRAST:
        return ref
    light = prefers_light(bg)
    for step in range(1, 21):
        candidate = ref.toward(light, step)
        if contrast_ratio(candidate.resolve(scheme), bg) >= TARGET:
            return candidate
    return ref.toward(light, 20)  # pure white/black: always ≥ 4.58:1


def muted(ref: ColorRef, bg: str, scheme: Mapping[str, str]) -> ColorRef:
    """The softest shift of ``ref`` toward ``bg`` that still reads (for footers)."""
    light = not prefers_light(bg)  # move the text toward the background's lightness
    for step in range(9, 0, -1):
        candidate = ref.toward(light, step)
        if contrast_ratio(candidate.resolve(scheme), bg) >= TARGET + 0.25:
            return candidate
    return ref


# Backgrounds are estimated (gradients averaged, pictures sampled): aim 10 % above the minimum.
MARGIN = 1.1
SLOTS = ("tx1", "tx2", "bg1", "bg2", "accent1", "accent2", "accent3", "accent4", "accent5",
         "accent6")


def needed(size_pt: float, bold: bool = False) -> float:
    """WCAG AA: 4.5:1, or 3:1 for large text (24 pt, or 18.66 pt bold)."""
    return 3.0 if size_pt >= 24 or (bold and size_pt >= 18.66) else MIN_CONTRAST


def _distance(a: str, b: str) -> float:
    """Rough perceptual distance: hue matters, so 'the same colour, darker' wins."""
    ha, la, sa = hls(a)
    hb, lb, sb = hls(b)
    dh = min(abs(ha - hb), 1 - abs(ha - hb)) * min(sa, sb) * 2
    return dh * dh + (la - lb) ** 2 + (sa - sb) ** 2


OWN_STEPS = 3  # a hued colour may move this many twentieths and still be itself
GRAPHIC_STEPS = 5  # a slice or key figure (large, no fine strokes) a little further
DEEP_STEPS = 10  # … and darkened, a hue that does not turn brown, as far as half way
BROWNING = (15 / 360, 70 / 360)  # the hues (orange to yellow) that turn brown darkened
TEXT_SLOTS = ("tx1", "tx2", "bg1", "bg2")


def closest_legible(fg: str, bg: str, scheme: Mapping[str, str], need: float,
                    prefer: str | None = None) -> ColorRef:
    """The colour a designer would use where ``fg`` does not read on ``bg``, from the
    template's palette: ``fg``'s own slot a little lighter or darker (a grey footer any
    amount darker; a brand colour only a step, or it turns brown); else the template's
    own text colours as they are (dark on light, light on dark); else an accent as it is;
    only then the nearest step of any theme colour.

    ``prefer`` is the slot the text uses, if it is a theme slot.
    """
    passes = [ColorRef(slot) for slot in TEXT_SLOTS + SLOTS[4:]
              if _has(scheme, slot) and contrast_ratio(ColorRef(slot).resolve(scheme), bg)
              >= need * MARGIN]
    if prefer and _has(scheme, prefer):
        own = ColorRef(prefer)
        hued = hls(own.resolve(scheme))[2] >= 0.15
        light = prefers_light(bg)
        if not hued:
            # a grey (the text colour tinted for a footer): the passing grey of its own slot
            # nearest the one the template chose, not the slot's full black or white
            greys = [(_distance(ref.resolve(scheme), fg), step, ref)
                     for ref, step in _own_steps(own)
                     if contrast_ratio(ref.resolve(scheme), bg) >= need * MARGIN]
            if greys:
                return min(greys, key=lambda g: g[:2])[2]
        else:
            for step in range(1, OWN_STEPS + 1):
                ref = own.toward(light, step)
                if contrast_ratio(ref.resolve(scheme), bg) >= need * MARGIN:
                    return ref
    for group in (TEXT_SLOTS, SLOTS[4:]):
        found = [ref for ref in passes if ref.slot in group]
        if found:
            return min(found, key=lambda ref: (_distance(ref.resolve(scheme), fg),
                                               group.index(ref.slot)))
    best: tuple[float, ColorRef] | None = None
    for slot in SLOTS + (("hlink",) if "hlink" in scheme else ()):
        if slot not in scheme and CLR_MAP.get(slot, slot) not in scheme:
            continue
        for light in (True, False):
            for step in range(0, 21):
                ref = ColorRef(slot).toward(light, step) if step else ColorRef(slot)
                value = ref.resolve(scheme)
                if contrast_ratio(value, bg) < need * MARGIN:
                    continue
                score = _distance(value, fg) + 0.0005 * step + (0 if slot == prefer else 0.004)
                if light != prefers_light(bg) and step:
                    score += 0.05  # moving away from the better direction looks muddy
                if best is None or score < best[0]:
                    best = (score, ref)
    return best[1] if best else ColorRef("tx1").toward(prefers_light(bg), 20)


def _own_steps(own: ColorRef) -> list[tuple[ColorRef, int]]:
    """The slot itself and its twentieth steps lighter and darker, each with its step."""
    return [(own, 0)] + [(own.toward(light, step), step) for step in range(1, 21)
                         for light in (True, False)]


def _has(scheme: Mapping[str, str], slot: str) -> bool:
    return slot in scheme or CLR_MAP.get(slot, slot) in scheme


def lightness(value: str) -> float:
    """CIELAB L* (0 black … 100 white): how different two slices look, apart from hue."""
    y = luminance(value)
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else y * 24389 / 27


def distinct(a: str, b: str) -> bool:
    """Neighbouring chart areas: 3:1 apart, or clearly different in lightness (20 L*)."""
    return contrast_ratio(a, b) >= 3.0 or abs(lightness(a) - lightness(b)) >= 20


def _brand_slice(brand: ColorRef, scheme: Mapping[str, str], bg: str) -> ColorRef | None:
    """The brand colour for the highlighted slice where it stands 3:1, or a few steps
    deeper while it is still itself (`brand_step`); None where it is too pale for that."""
    if not _has(scheme, brand.slot) and not brand.slot.startswith("#"):
        return None
    if min(contrast_ratio(brand.resolve(scheme), part) for part in colours_of(bg)) >= 3.05:
        return brand
    return brand_step(brand, scheme, bg, 3.3)  # the shade the key figure takes as well


def brand_step(brand: ColorRef, scheme: Mapping[str, str], bg: str,
               need: float) -> ColorRef | None:
    """``brand`` as it is where it stands ``need``:1 on ``bg``, else up to five twentieths
    lighter or darker (IBM's light blue or AWS orange a shade deeper on white: still the
    brand, where the next accent would be another colour), ten darker for a hue that does
    not turn brown; None beyond that."""
    light = prefers_light(bg)
    hue, _light, sat = hls(brand.resolve(scheme))
    # darkened, an orange or yellow turns brown or olive within a few steps; a green, blue,
    # teal or violet stays itself much further (a pale mint brand deepened to a green that
    # stands on white, rather than the chart leaving it for Office blue)
    # (lightened, any hue washes out to a pastel grey: five twentieths at most; a grey has
    # no hue to keep and is no brand to deepen)
    deepens = not light and sat >= 0.15 and not BROWNING[0] <= hue <= BROWNING[1]
    for step in range(0, (DEEP_STEPS if deepens else GRAPHIC_STEPS) + 1):
        ref = brand.toward(light, step) if step else brand
        if min(contrast_ratio(ref.resolve(scheme), part) for part in colours_of(bg)) >= need:
            return ref
    return None


def slice_colours(scheme: Mapping[str, str], bg: str,
                  brand: str | None = None) -> tuple[ColorRef, ColorRef]:
    """(highlight, rest) for a part-of-a-whole chart on ``bg``.

    The highlight is the template's brand colour (``brand``: a theme slot, or the colour its
    masters paint where the theme keeps Office's accents) when it stands 3:1 against the
    background, else the first theme accent that does (else the nearest passing theme
    colour); the rest is the text colour as far toward the background as it can go while
    staying distinct from the highlight and visible on the background.
    """
    highlight = _brand_slice(ColorRef(brand), scheme, bg) if brand else None
    for n in range(1, 7):
        if highlight is not None:
            break
        slot = f"accent{n}"
        if slot in scheme and contrast_ratio(scheme[slot], bg) >= 3.05:
            highlight = ColorRef(slot)
            break
    if highlight is None:
        highlight = closest_legible(scheme.get("accent1", "#4472C4"), bg, scheme, 3.0,
                                    prefer="accent1")
    hi = highlight.resolve(scheme)
    parts = colours_of(bg)
    toward_bg = not prefers_light(bg)
    # the colour text reads in on this background first (tx1 on a light slide; on a dark
    # slide whose theme keeps dark text, bg1): muted, it gives a quiet slice lighter than a
    # dark background instead of a black hole in it
    bases = [base for base in ("tx1", "bg1", "tx2", "bg2")
             if base in scheme or CLR_MAP[base] in scheme]
    bases.sort(key=lambda base: min(contrast_ratio(ColorRef(base).resolve(scheme), part)
                                    for part in parts) < MIN_CONTRAST)
    for base in bases:
        for step in range(16, -1, -1):  # 80 % toward the background first: the most muted
            rest = ColorRef(base).toward(toward_bg, step) if step else ColorRef(base)
            value = rest.resolve(scheme)
            if distinct(value, hi) and min(abs(lightness(value) - lightness(part)) for part in parts) >= 8:
                return highlight, rest
    return highlight, ColorRef("tx1")
