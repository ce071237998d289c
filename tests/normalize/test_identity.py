"""Identity columns as offices write them: invisible characters, hand-typed dates, and the reason a
row without a usable identity is rejected (blank versus unreadable birth date)."""

import datetime as dt

import pytest

from reconcile.normalize import prepare_bpjs, prepare_payroll
from tests.normalize.conftest import make_table

D = dt.date
NIK = "1871011205850001"  # born 12-05-85, man


def test_nik_and_kpj_with_invisible_characters_are_read_and_valid(today):
    rows = [
        {"nik": "\u200b" + NIK, "kpj": "12345678901\ufeff", "name": "\u200bSiti Aminah", "monthly_wage": 1},
        {"nik": "\u2060" + NIK + "\u200e", "name": "Siti\u00ad Aminah", "monthly_wage": 1},
    ]
    result = prepare_payroll(make_table("payroll", rows), today=today)
    frame = result.frame
    assert frame["nik"].tolist() == [NIK, NIK] and frame["nik_raw"].tolist() == [NIK, NIK]
    assert frame["nik_valid"].tolist() == [True, True] and bool(frame["kpj_valid"].iloc[0])
    assert frame["name"].tolist() == ["Siti Aminah", "Siti Aminah"]
    assert result.issues.empty


# Every "Tempat/Tgl Lahir" form of the tester's biro_hukum file (scenario 8), in a payroll without NIKs.
TTL_FORMS = [
    ("12-Mei-85", D(1985, 5, 12)),
    ("13-May-85", D(1985, 5, 13)),
    ("Bandar Lampung, 14-05-1985", D(1985, 5, 14)),
    ("Metro, 3 Januari 1990", D(1990, 1, 3)),
    ("4 Jan 1990", D(1990, 1, 4)),
    ("05/01/90", D(1990, 1, 5)),
    ("1990-01-06", D(1990, 1, 6)),
    ("Kotabumi, 05 Juni 1987", D(1987, 6, 5)),
    ("Bandar Lampung / 17 Agustus 1987", D(1987, 8, 17)),
    ("Kalianda, 1 Desember 1988", D(1988, 12, 1)),
    ("Liwa , 09 - 10 - 1989", D(1989, 10, 9)),
    (dt.datetime(1991, 3, 21), D(1991, 3, 21)),
    ("29 Pebruari 1992", D(1992, 2, 29)),
    ("Menggala, 30 Nop 1993", D(1993, 11, 30)),
    ("Krui,07-Jul-1994", D(1994, 7, 7)),
    # more hand-typed separators
    ("Liwa, 09 / 10 / 1989", D(1989, 10, 9)),
    ("Liwa, 09 .10. 1989", D(1989, 10, 9)),
    ("Liwa, 9-Okt- 1989", D(1989, 10, 9)),
]


def test_every_birth_date_form_of_a_place_and_date_column_is_read(today):
    rows = [
        {"nik": "-", "name": f"Pekerja {i}", "birth_place_date": ttl, "monthly_wage": 1}
        for i, (ttl, _) in enumerate(TTL_FORMS)
    ]
    result = prepare_payroll(make_table("payroll", rows), today=today)
    got = [d.date() for d in result.frame["birth_date"]]
    assert got == [date for _, date in TTL_FORMS]
    assert not result.frame["rejected"].any() and result.issues.empty


def _reason(result) -> str:
    errors = result.issues[result.issues["field"] == "identity"]
    assert len(errors) == 1 and bool(result.frame["rejected"].iloc[0])
    return str(errors["message"].iloc[0])


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            {"name": "A", "birth_place_date": "Liwa, 31 - 02 - 1989"},  # a date that does not exist
            'dan tanggal lahir tidak terbaca: ditemukan "Liwa, 31 - 02 - 1989"; diharapkan tanggal seperti',
        ),
        (
            {"name": "A", "birth_date": "31-02-1985", "birth_place_date": "Metro, 12-05-1985"},  # column wins
            'dan tanggal lahir tidak terbaca: ditemukan "31-02-1985"; diharapkan',
        ),
        (
            {"birth_date": "31-02-1985"},
            'nama kosong, dan tanggal lahir tidak terbaca: ditemukan "31-02-1985"',
        ),
        (
            {"name": "A", "birth_date": "kemarin"},
            "dan tanggal lahir tidak terbaca; diharapkan tanggal seperti",
        ),
        ({"name": "A"}, "dan nama atau tanggal lahir kosong"),
        ({"name": "A", "birth_date": "-"}, "dan nama atau tanggal lahir kosong"),
        ({"birth_date": "12-05-1985"}, "dan nama atau tanggal lahir kosong"),
    ],
)
def test_the_rejection_reason_tells_an_unreadable_birth_date_from_a_blank_one(today, row, reason):
    result = prepare_payroll(make_table("payroll", [{"nik": "-", **row}]), today=today)
    assert reason in _reason(result)


def test_the_rejection_reason_never_quotes_a_nik_or_a_name_found_in_the_date_column(today):
    rows = [{"name": "A", "birth_date": NIK}, {"name": "A", "birth_date": "BUDI SANTOSO"}]
    result = prepare_payroll(make_table("payroll", rows), today=today)
    messages = " ".join(result.issues["message"])
    assert "tidak terbaca" in messages and NIK not in messages and "BUDI" not in messages


def test_bpjs_rows_get_the_same_rejection_reason(today):
    result = prepare_bpjs(make_table("bpjs", [{"name": "SITI", "birth_date": "09 - 13 - 1989"}]), today=today)
    assert 'tanggal lahir tidak terbaca: ditemukan "09 - 13 - 1989"' in _reason(result)


def test_a_kpj_whose_leading_zeros_were_restored_is_warned_and_a_kpj_label_is_dropped(today):
    rows = [
        {"kpj": "1800007777", "name": "Nurul", "monthly_wage": 1},  # CSV text of the number 01800007777
        {"kpj": 180008888, "name": "Hendra", "monthly_wage": 1},  # xlsx number of 00180008888
        {"kpj": "No. KPJ: 18000006666", "name": "Agus", "monthly_wage": 1},
    ]
    result = prepare_payroll(make_table("payroll", rows), today=today)
    assert result.frame["kpj"].tolist() == ["01800007777", "00180008888", "18000006666"]
    assert result.frame["kpj_valid"].tolist() == [True, True, True]
    assert not result.frame["rejected"].any()
    warnings = result.issues[["source_row", "field", "severity", "message"]].values.tolist()
    assert warnings == [
        [
            10,
            "kpj",
            "warning",
            "KPJ berisi 10 digit, diharapkan 11: 1 angka 0 di depan yang dibuang Excel dikembalikan",
        ],
        [
            11,
            "kpj",
            "warning",
            "KPJ berisi 9 digit, diharapkan 11: 2 angka 0 di depan yang dibuang Excel dikembalikan",
        ],
    ]
