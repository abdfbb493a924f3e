"""Typesetting: font metrics, text styles, fitting text into boxes, and colour contrast."""
