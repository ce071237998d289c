"""Write the BPJS Ketenagakerjaan contribution detail ("rincian iuran") and report row positions."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sample_data.formats import date_cell, last_day, money_cell, period_title
from sample_data.grid import Grid, write_xlsx
from sample_data.records import BpjsRecord, Location

EMPLOYER = "PEMERINTAH PROVINSI LAMPUNG"


@dataclass(frozen=True)
class BpjsLayout:
    """One way the contribution detail comes out of the BPJS system."""

    columns: tuple[tuple[str, str], ...]  # (field, header)
    title_lines: tuple[str, ...]  # templates: {npp} {employer} {PERIOD} {period_num}
    date_style: str
    inactive_label: str
    sort_by: str  # "name" or "kpj"
    sheet_name: str
    total_label: str
    file_name: str


LAMPUNG = BpjsLayout(
    (
        ("no", "NO"),
        ("kpj", "KPJ"),
        ("nik", "NIK"),
        ("name", "NAMA TENAGA KERJA"),
        ("birth_date", "TGL LAHIR"),
        ("join_date", "TGL KEPESERTAAN"),
        ("status", "STATUS"),
        ("upah", "UPAH"),
        ("jkk", "IURAN JKK"),
        ("jkm", "IURAN JKM"),
        ("total", "TOTAL IURAN"),
    ),
    (
        "BPJS KETENAGAKERJAAN",
        "KANTOR CABANG BANDAR LAMPUNG",
        "RINCIAN IURAN PESERTA BUKAN PENERIMA UPAH",
        "NPP : {npp}",
        "NAMA PERUSAHAAN : {employer}",
        "PERIODE : {PERIOD}",
    ),
    "d_mmm_yy_en",
    "NON AKTIF",
    "name",
    "Rincian Iuran",
    "JUMLAH",
    "rincian_iuran_{period_num}.xlsx",
)

ALT = BpjsLayout(
    (
        ("no", "No"),
        ("nik", "Nomor Identitas"),
        ("kpj", "No Peserta"),
        ("name", "Nama TK"),
        ("birth_date", "Tanggal Lahir"),
        ("status", "Status Kepesertaan"),
        ("join_date", "Tanggal Kepesertaan"),
        ("upah", "Upah Dilaporkan"),
        ("jkk", "Iuran JKK"),
        ("jkm", "Iuran JKM"),
        ("total", "Jumlah Iuran"),
    ),
    (
        "LAPORAN RINCIAN IURAN",
        "Kode Perusahaan (NPP) : {npp}",
        "Nama Pemberi Kerja : {employer}",
        "Bulan Iuran : {period_num}",
        "Program : JKK, JKM",
    ),
    "excel",
    "NA",
    "kpj",
    "Sheet1",
    "TOTAL",
    "iuran_bpjstk_{npp}_{period_num}.xlsx",
)


def write_bpjs(
    out_dir: Path, records: list[BpjsRecord], period: str, npp: str, style: str, rng: random.Random
) -> dict[str, Location]:
    """Write the contribution detail under out_dir/bpjs and return where each record landed."""
    layout = LAMPUNG if style == "lampung" else ALT
    period_num = f"{period[5:7]}-{period[:4]}"
    rel = "bpjs/" + layout.file_name.format(npp=npp, period_num=period[:4] + period[5:7])
    fields = [f for f, _ in layout.columns]
    grid = Grid(width=len(fields))
    for template in layout.title_lines:
        grid.add(
            [
                template.format(
                    npp=npp, employer=EMPLOYER, PERIOD=period_title(period).upper(), period_num=period_num
                )
            ],
            bold=True,
        )
    grid.add()
    grid.add([h for _, h in layout.columns], bold=True, boxed=True)
    for c, f in enumerate(fields, start=1):
        grid.widths[c] = {"name": 32, "nik": 20, "kpj": 14, "status": 12}.get(f, 13)
        if f in ("upah", "jkk", "jkm", "total"):
            grid.formats[c] = "#,##0"
        elif f in ("birth_date", "join_date"):
            grid.formats[c] = "dd/mm/yyyy"
    key = (lambda r: (r.name, r.kpj)) if layout.sort_by == "name" else (lambda r: r.kpj)
    where: dict[str, Location] = {}
    for no, rec in enumerate(sorted(records, key=key), start=1):
        row = grid.add([_cell(f, rec, no, layout) for f in fields], boxed=True, data=True)
        where[rec.rid] = Location(rel, layout.sheet_name, row)
    totals = {
        f: sum(getattr(r, f) for r in records if isinstance(getattr(r, f), int))
        for f in ("upah", "jkk", "jkm", "total")
    }
    total_row: list[object] = [totals.get(f) for f in fields]
    total_row[fields.index("name")] = layout.total_label
    grid.add(total_row, bold=True, boxed=True, data=True)
    grid.add()
    printed = last_day(period) + timedelta(days=rng.randint(2, 9))
    grid.add([f"Dicetak dari SIPP Online pada {printed:%d-%m-%Y}"])
    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(path, [(layout.sheet_name, grid)])
    return where


def _cell(field: str, rec: BpjsRecord, no: int, layout: BpjsLayout) -> object:
    match field:
        case "no":
            return no
        case "birth_date" | "join_date":
            return date_cell(getattr(rec, field), layout.date_style)
        case "status":
            return layout.inactive_label if rec.status == "NON AKTIF" else rec.status
        case "upah" | "jkk" | "jkm" | "total":
            value = getattr(rec, field)
            return value if isinstance(value, str) else money_cell(value, "number")
    return getattr(rec, field)
