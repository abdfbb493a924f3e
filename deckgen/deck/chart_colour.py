"""A chart colour set from a theme slot, with its luminance shift, so a chart follows a
theme change; or the brand colour a template paints (``#RRGGBB``) where its theme has only
Office's accents. Shared by the chart writer and the contrast outlines."""

from __future__ import annotations

from typing import Any

from pptx.enum.dml import MSO_THEME_COLOR

_THEME = {"tx1": MSO_THEME_COLOR.TEXT_1, "tx2": MSO_THEME_COLOR.TEXT_2,
          "bg1": MSO_THEME_COLOR.BACKGROUND_1, "bg2": MSO_THEME_COLOR.BACKGROUND_2,
          # the theme's own names, where the brand a master paints is one of them
          "dk1": MSO_THEME_COLOR.DARK_1, "dk2": MSO_THEME_COLOR.DARK_2,
          "lt1": MSO_THEME_COLOR.LIGHT_1, "lt2": MSO_THEME_COLOR.LIGHT_2,
          **{f"accent{n}": getattr(MSO_THEME_COLOR, f"ACCENT_{n}") for n in range(1, 7)}}


def set_theme_colour(color: Any, ref: Any) -> None:
    """A python-pptx colour set to a theme slot with its luminance shift (or to the brand
    colour a template paints, ``ref.slot`` "#RRGGBB")."""
    if ref.slot.startswith("#"):
        from pptx.dml.color import RGBColor

        color.rgb = RGBColor.from_string(ref.slot[1:].upper())
    else:
        color.theme_color = _THEME[ref.slot]
    if ref.lum_mod != 100_000 or ref.lum_off:
        color.brightness = ref.lum_off / 100_000 if ref.lum_off else ref.lum_mod / 100_000 - 1
