"""Invisible format characters (Unicode Cf) are removed; visible text and spaces are kept."""

import pytest

from reconcile.values.invisible import without_invisible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u200b1871031001920004", "1871031001920004"),  # zero-width space
        ("\ufeff1871031001920004", "1871031001920004"),  # byte-order mark
        ("1871\u00ad0310\u200c0192\u200d0004", "1871031001920004"),  # soft hyphen, ZW (non-)joiner
        ("\u200e1871031001920004\u200f", "1871031001920004"),  # LRM / RLM
        ("\u2066Siti\u2060Aminah\u2069", "SitiAminah"),  # isolates, word joiner
        ("Siti\u00a0Aminah", "Siti\u00a0Aminah"),  # a non-breaking space is a space (Zs), kept
        ("Dinas Pendidikan", "Dinas Pendidikan"),
        ("Sjahrir Café", "Sjahrir Café"),
        ("", ""),
    ],
)
def test_without_invisible(text, expected):
    assert without_invisible(text) == expected


def test_ascii_text_is_returned_as_is():
    text = "1871031001920004"
    assert without_invisible(text) is text
