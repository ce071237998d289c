"""Payroll workbook layouts: which columns, in what order, under which header texts, in which formats.

Two styles. "lampung" imitates the Pemprov Lampung offices of the brief; "alt" imitates another
province's offices (other aliases, column orders, titles, date and money formats, CSV with ";" in
cp1252) so tests can check that the reader generalises. Header texts come from the alias lists of
CONTRACT.md, picked at random per file.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Column:
    """`field` is a payroll field or one of the unmapped extras: no, amount, sign, note, bank."""

    field: str
    header: str


@dataclass(frozen=True)
class PayrollLayout:
    """Everything that makes one office's payroll file look the way it does."""

    recipe: str
    columns: tuple[Column, ...]
    title_lines: tuple[str, ...]  # templates: {unit} {UNIT} {period} {PERIOD} {section} {year}
    date_style: str  # for birth_date, or the date half of a combined "ttl"
    money_style: str
    nik_numeric: bool = False
    name_upper: bool = False
    merge_titles: bool = True
    blank_rows: int = 1  # between titles and header
    column_numbers: bool = False
    two_row_header: bool = False  # birth_place | birth_date under a merged "Tempat/Tgl Lahir"
    ttl_separator: str = ", "
    total_label: str = "JUMLAH"
    sheet_names: tuple[str, ...] = ("Sheet1",)
    city: str = "Bandar Lampung"
    treasurer: str = "Bendahara Pengeluaran"
    csv: bool = False
    csv_delimiter: str = ","
    csv_encoding: str = "utf-8"

    @property
    def fields(self) -> list[str]:
        return [c.field for c in self.columns]


def _pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


def _lampung_titles(rng: random.Random, extra: bool = False) -> tuple[str, ...]:
    lines = [
        "PEMERINTAH PROVINSI LAMPUNG",
        "{UNIT}",
        _pick(
            rng, "DAFTAR PEMBAYARAN UPAH PEGAWAI TENAGA HARIAN LEPAS (PTHL)", "DAFTAR PEMBAYARAN UPAH PTHL"
        ),
        _pick(rng, "BULAN {PERIOD}", "Bulan {period}"),
    ]
    if extra:
        lines = [
            *lines[:2],
            "Jl. Wolter Monginsidi No. 69 Teluk Betung",
            "",
            *lines[2:],
            "TAHUN ANGGARAN {year}",
        ]
    return tuple(lines)


def lampung_recipes(rng: random.Random) -> list[PayrollLayout]:
    """Six layouts of the Lampung offices, header texts drawn per file."""
    no = Column("no", _pick(rng, "NO", "No.", "NO."))
    return [
        PayrollLayout(
            "classic",
            (
                no,
                Column("name", _pick(rng, "NAMA", "Nama", "Nama Pegawai")),
                Column("nik", _pick(rng, "NIK", "No KTP")),
                Column("ttl", _pick(rng, "Tempat/Tgl Lahir", "Tempat, Tanggal Lahir", "TEMPAT/TGL. LAHIR")),
                Column("position", "Jabatan"),
                Column("monthly_wage", _pick(rng, "Upah", "Upah Sebulan")),
                Column("sign", "Tanda Tangan"),
            ),
            _lampung_titles(rng),
            "dmy_dash",
            "number",
            column_numbers=True,
            sheet_names=("Feb 2018",),
        ),
        PayrollLayout(
            "two_row_numeric_daily",
            (
                no,
                Column("name", _pick(rng, "NAMA", "Nama Tenaga Kerja")),
                Column("nik", "NIK"),
                Column("birth_place", "Tempat"),
                Column("birth_date", "Tgl Lahir"),
                Column("position", "JABATAN"),
                Column("daily_wage", "Upah Harian"),
                Column("days_worked", "Hari Kerja"),
                Column("amount", "Jumlah Diterima"),
            ),
            _lampung_titles(rng),
            "excel",
            "number",
            nik_numeric=True,
            two_row_header=True,
            sheet_names=("PTHL",),
        ),
        PayrollLayout(
            "unit_column_text",
            (
                no,
                Column("nik", _pick(rng, "No KTP/NIK", "NIK")),
                Column("name", "NAMA"),
                Column("unit", _pick(rng, "Unit Kerja", "Bidang")),
                Column("birth_date", "Tgl Lahir"),
                Column("position", "Jabatan"),
                Column("monthly_wage", "Jumlah Upah"),
                Column("bank", "No. Rekening"),
                Column("sign", "TTD"),
            ),
            _lampung_titles(rng, extra=True),
            "dmy_slash",
            "rp_text",
            name_upper=True,
            blank_rows=2,
            sheet_names=("Februari",),
        ),
        PayrollLayout(
            "bidang_sheets",
            (
                no,
                Column("name", _pick(rng, "Nama", "Nama Lengkap")),
                Column("nik", "NIK"),
                Column("birth_date", "Tanggal Lahir"),
                Column("position", "Jabatan"),
                Column("monthly_wage", "Upah"),
                Column("note", "Keterangan"),
            ),
            (*_lampung_titles(rng)[:2], "{section}", *_lampung_titles(rng)[2:]),
            "d_mmm_yy_id",
            "id_decimal",
            column_numbers=True,
            sheet_names=("Bid. Pelayanan", "Bid. Umum"),
        ),
        PayrollLayout(
            "dash_dates",
            (
                no,
                Column("name", _pick(rng, "NAMA PTHL", "Nama")),
                Column("nik", "NIK"),
                Column("position", "Jabatan"),
                Column("birth_date", _pick(rng, "Tgl Lahir", "Tanggal Lahir")),
                Column("monthly_wage", _pick(rng, "Gaji", "Honor")),
                Column("note", "Ket."),
            ),
            _lampung_titles(rng),
            "dmy_dash",
            "number",
            merge_titles=False,
            sheet_names=("Sheet1",),
        ),
        PayrollLayout(
            "daily_numeric_unit",
            (
                no,
                Column("name", "Nama"),
                Column("nik", _pick(rng, "NIK", "Nomor KTP")),
                Column("unit", _pick(rng, "Unit Kerja", "Bidang")),
                Column("birth_date", "Tgl. Lahir"),
                Column("daily_wage", "Upah Harian"),
                Column("days_worked", "Jumlah Hari"),
                Column("amount", "Jumlah Dibayar"),
                Column("sign", "Tanda Tangan"),
            ),
            _lampung_titles(rng),
            "excel",
            "number",
            nik_numeric=True,
            column_numbers=True,
            blank_rows=3,
            sheet_names=("Upah Feb",),
        ),
    ]


def _alt_titles(rng: random.Random) -> tuple[str, ...]:
    return (
        _pick(rng, "NOMINATIF PEMBAYARAN HONORARIUM TENAGA HARIAN LEPAS", "DAFTAR GAJI THL"),
        "SKPD : {unit}",
        _pick(rng, "Periode : {period}", "Untuk Bulan : {PERIOD}"),
        "Sumber Dana : APBD Prov. Lampung – T.A. {year}",
    )


def alt_recipes(rng: random.Random) -> list[PayrollLayout]:
    """Layouts of another office: other aliases, orders, titles and formats."""
    common = {
        "city": "Telukbetung",
        "treasurer": "Bendahara Pengeluaran Pembantu",
        "total_label": "TOTAL",
        "csv_delimiter": ";",
        "csv_encoding": "cp1252",
    }
    return [
        PayrollLayout(
            "alt_nik_first",
            (
                Column("nik", _pick(rng, "Nomor Induk Kependudukan", "NO_KTP")),
                Column("no", "No Urut"),
                Column("name", _pick(rng, "Nama Lengkap", "NAMA_LENGKAP")),
                Column("unit", "Satuan Kerja"),
                Column("birth_date", "tgl_lahir"),
                Column("position", "JABATAN"),
                Column("monthly_wage", _pick(rng, "Gaji Pokok", "Honor")),
            ),
            _alt_titles(rng),
            "iso",
            "rp_dash",
            merge_titles=False,
            blank_rows=0,
            sheet_names=("DATA",),
            **common,
        ),
        PayrollLayout(
            "alt_ttl_daily",
            (
                Column("name", "Nama PTHL"),
                Column("nik", "No. KTP/NIK"),
                Column("ttl", _pick(rng, "TTL", "Tempat / Tgl. Lahir")),
                Column("daily_wage", "UPAH HARIAN"),
                Column("days_worked", "Jumlah Hari"),
                Column("no", "No."),
            ),
            _alt_titles(rng),
            "d_month_yyyy",
            "plain_text",
            blank_rows=2,
            sheet_names=("Gaji Feb",),
            **common,
        ),
        PayrollLayout(
            "alt_two_row_dots",
            (
                Column("no", "NO"),
                Column("name", "Nama Lengkap"),
                Column("birth_place", "Tempat"),
                Column("birth_date", "Tgl Lahir"),
                Column("nik", "Nomor KTP"),
                Column("unit", "OPD"),
                Column("monthly_wage", "Jumlah Upah"),
            ),
            _alt_titles(rng),
            "dmy_dot",
            "number",
            nik_numeric=True,
            two_row_header=True,
            name_upper=True,
            sheet_names=("Lampiran",),
            **common,
        ),
        PayrollLayout(
            "alt_excel_dates",
            (
                Column("no", "NO"),
                Column("nik", "NIK"),
                Column("name", "NAMA PTHL"),
                Column("birth_date", "Tanggal Lahir"),
                Column("position", "Jabatan"),
                Column("monthly_wage", "Gaji"),
                Column("sign", "Paraf"),
            ),
            _alt_titles(rng),
            "excel",
            "id_decimal",
            column_numbers=True,
            sheet_names=("Rincian", "Rincian (2)"),
            **common,
        ),
    ]


def assign_layouts(
    rng: random.Random, style: str, sections: dict[str, int], csv_share: float
) -> dict[str, PayrollLayout]:
    """One layout per unit (key -> number of sections), all different while recipes last.

    A unit with several sections gets a multi-sheet recipe. At least one xlsx unit writes numeric
    NIKs. `csv_share` of the units (at least one when above 0) become CSV, text only.
    """
    recipes = lampung_recipes(rng) if style == "lampung" else alt_recipes(rng)
    multi = [r for r in recipes if len(r.sheet_names) > 1]
    single = [r for r in recipes if len(r.sheet_names) == 1]
    numeric = [r for r in single if r.nik_numeric]
    others = [r for r in single if not r.nik_numeric]
    rng.shuffle(others)
    order = [others[0], numeric[0], *others[1:], *numeric[1:]]
    out: dict[str, PayrollLayout] = {}
    singles: list[str] = []
    for key, n_sections in sections.items():
        if n_sections > 1:
            out[key] = multi[0]
        else:
            out[key] = order[len(singles) % len(order)]
            singles.append(key)
    first_numeric = next(k for k in singles if out[k].nik_numeric)
    candidates = [k for k in singles if k != first_numeric]
    n_csv = min(len(candidates), max(1, round(csv_share * len(sections)))) if csv_share > 0 else 0
    for key in sorted(rng.sample(candidates, n_csv)):
        out[key] = _as_csv(out[key], style)
    return out


def _as_csv(layout: PayrollLayout, style: str) -> PayrollLayout:
    """The same office saving its sheet as CSV: text cells only, no merges."""
    layout = replace(
        layout,
        csv=True,
        nik_numeric=False,
        two_row_header=False,
        merge_titles=False,
        date_style="dmy_slash" if layout.date_style == "excel" else layout.date_style,
        sheet_names=("",),
    )
    if style == "lampung":
        layout = replace(layout, csv_delimiter=",", csv_encoding="utf-8")
    return layout
