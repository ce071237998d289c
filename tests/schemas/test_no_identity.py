"""The error for a row without a usable identity: blank versus unreadable birth date, safe quoting."""

import numpy as np
import pandas as pd
import pytest

from reconcile.issue_text import translate_message
from schemas.issues import QUOTE_CHARS, no_identity_issues

NA = pd.NA


def _messages(names: list, unread: list | None) -> list[str]:
    frame = pd.DataFrame({"name": pd.array(names, dtype="string")})
    if unread is not None:
        frame["birth_date_text"] = pd.array(unread, dtype="string")
    issues = no_identity_issues(frame, np.ones(len(frame), dtype=bool))
    assert issues["field"].eq("identity").all() and issues["severity"].eq("error").all()
    return issues["message"].tolist()


def test_blank_unreadable_and_unquotable_birth_dates_read_differently():
    got = _messages(["A", "A", None, "A"], [NA, "09 - 13 - 1989", "31-02-1985", "kemarin"])
    head = "Identitas tidak dapat dipakai: tidak ada NIK/KPJ yang valid, "
    expected = "; diharapkan tanggal seperti 12-05-1985 atau 12 Mei 1985"
    assert got == [
        head + "dan nama atau tanggal lahir kosong",
        head + 'dan tanggal lahir tidak terbaca: ditemukan "09 - 13 - 1989"' + expected,
        head + 'nama kosong, dan tanggal lahir tidak terbaca: ditemukan "31-02-1985"' + expected,
        head + "dan tanggal lahir tidak terbaca" + expected,  # no digit: may be a name, not quoted
    ]


def test_without_the_text_column_every_reason_is_blank():
    assert _messages(["A"], None) == [
        "Identitas tidak dapat dipakai: tidak ada NIK/KPJ yang valid, dan nama atau tanggal lahir kosong"
    ]


def test_quoted_text_masks_identifiers_and_is_cut():
    masked, cut = _messages(
        ["A", "A"], ["1871011205850001", "Bandar Lampung Selatan Ujung, 31-02-1985 lahir"]
    )
    assert "1871011205850001" not in masked and '"...0001"' in masked
    quoted = cut.split('"')[1]
    assert len(quoted) == QUOTE_CHARS and quoted.endswith("\u2026")


@pytest.mark.parametrize(
    ("names", "unread"),
    [
        (["A"], [NA]),
        (["A"], ["09 - 13 - 1989"]),
        ([None], ["09 - 13 - 1989"]),
        (["A"], ["x"]),
        ([None], ["x"]),
    ],
)
def test_every_reason_has_an_english_translation(names, unread):
    (message,) = _messages(names, unread)
    english = translate_message(message)
    assert english != message and english.startswith("No usable identity")
    if '"' in message:
        assert '"09 - 13 - 1989"' in english
