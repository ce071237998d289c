"""Invisible format characters that copy-paste leaves in cells, and their removal.

Text copied from web pages, PDFs and chat apps carries characters of Unicode category Cf
("format"): zero-width space U+200B, zero-width (non-)joiner U+200C/U+200D, word joiner U+2060,
byte-order mark U+FEFF, soft hyphen U+00AD, direction marks (LRM U+200E, RLM U+200F, U+202A-U+202E,
U+2066-U+2069). They show as nothing, so a NIK with a zero-width space in front looks clean but
is not digits. Every parser removes them first. Non-breaking and other spaces are white space (Zs),
which the parsers already treat as spaces.
"""

from __future__ import annotations

import unicodedata

FORMAT_CATEGORY = "Cf"


def without_invisible(text: str) -> str:
    """`text` without Cf characters. ASCII text has none and is returned as it is (the common case)."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != FORMAT_CATEGORY)
