"""Benchmark inputs at national scale: payroll unit files and BPJS contribution files, xlsx and CSV.

People and their dirty keys come from the linkage test set (`tests/identity/synthetic.py`: Excel-
damaged, mistyped, transposed and missing NIKs, KPJ-only rows, paid-twice rows, one-sided people,
name variants). This module only lays them out as offices do: title rows, a header, a column-number
row, the data, a JUMLAH row and a signature block. Payroll is split into unit files of at most
`UNIT_ROWS` rows and the BPJS list into files of at most `BPJS_ROWS` rows, so every sheet stays
within Excel's 1,048,576 rows. xlsx files are written with openpyxl's write-only mode, two at a time.

Generated sets are cached under `cache_dir()/<format>-<workers>-<seed>/` and reused when complete.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

UNIT_ROWS = 50_000
BPJS_ROWS = 250_000
#: Share of people per dirty-key kind; five kinds give about 2% dirty keys in all.
DIRTY_PER_KIND = 0.004
_DONE = "COMPLETE"

PAYROLL_HEADER = ["NO", "NAMA", "NIK", "KPJ", "TANGGAL LAHIR", "JABATAN", "UPAH"]
BPJS_HEADER = [
    "NO", "KPJ", "NIK", "NAMA TENAGA KERJA", "TGL LAHIR", "TGL KEPESERTAAN", "STATUS", "UPAH",
    "IURAN JKK", "IURAN JKM", "TOTAL IURAN",
]  # fmt: skip
_POSITIONS = ["Tenaga Administrasi", "Pengemudi", "Petugas Kebersihan", "Operator Komputer", "Satpam"]


def cache_dir() -> Path:
    """Where generated inputs live: $RECON_BENCH_CACHE, else <tmp>/recon-bench."""
    return Path(os.environ.get("RECON_BENCH_CACHE") or Path(tempfile.gettempdir()) / "recon-bench")


def _cells(nik: pd.Series, numeric: pd.Series) -> list[object]:
    """NIK cells: text, or a number where Excel damaged it (the last digit already lost)."""
    out: list[object] = []
    for n, is_num in zip(nik.tolist(), numeric.tolist(), strict=True):
        out.append(None if n is None or n is pd.NA else (int(n) if is_num else n))
    return out


def _rows(workers: int, seed: int) -> tuple[list[list[object]], list[list[object]]]:
    """Payroll and BPJS data rows (cells as a file would hold them)."""
    from tests.identity.synthetic import generate

    data = generate(n_people=workers, seed=seed, dirty=DIRTY_PER_KIND)
    rng = np.random.default_rng(seed + 1)
    p, b = data.payroll.reset_index(drop=True), data.bpjs.reset_index(drop=True)
    p_nik = _cells(p["nik"].astype(object).where(p["nik"].notna(), None), p["nik_numeric"])
    p_kpj = p["kpj"].astype(object).where(p["kpj"].notna(), None).tolist()
    birth = p["birth_date"]
    # Most dates are real dates; some are typed as text, day first.
    as_text = rng.random(len(p)) < 0.2
    p_birth = [
        None if pd.isna(d) else (d.strftime("%d-%m-%Y") if t else d.to_pydatetime())
        for d, t in zip(birth.tolist(), as_text, strict=True)
    ]
    wage = rng.choice([1_500_000, 1_750_000, 2_000_000, 2_250_000, 2_500_000], size=len(p))
    wage_text = rng.random(len(p)) < 0.1
    p_wage: list[object] = [
        f"Rp {w:,}".replace(",", ".") if t else int(w) for w, t in zip(wage, wage_text, strict=True)
    ]
    for i in range(7, len(p_wage), 1000):  # one row in a thousand cannot be used: INVALID_ROW
        p_wage[i] = "dua juta"
    position = rng.choice(_POSITIONS, size=len(p)).tolist()
    payroll = [
        [i + 1, name, nik, kpj, bd, pos, w]
        for i, (name, nik, kpj, bd, pos, w) in enumerate(
            zip(p["name"].tolist(), p_nik, p_kpj, p_birth, position, p_wage, strict=True)
        )
    ]

    b_nik = b["nik"].astype(object).where(b["nik"].notna(), None).tolist()
    b_birth = [None if pd.isna(d) else d.to_pydatetime() for d in b["birth_date"].tolist()]
    join = dt.datetime(2016, 1, 4)
    inactive = rng.random(len(b)) < 0.01
    bpjs = [
        [i + 1, kpj, nik, name, bd, join, "NON AKTIF" if off else "AKTIF", 1_000_000, 10_000, 6_800, 16_800]
        for i, (kpj, nik, name, bd, off) in enumerate(
            zip(b["kpj"].tolist(), b_nik, b["name"].tolist(), b_birth, inactive.tolist(), strict=True)
        )
    ]
    return payroll, bpjs


def _titles(kind: str, part: int) -> list[list[object]]:
    if kind == "payroll":
        return [
            ["DAFTAR PEMBAYARAN HONORARIUM PTHL"],
            [f"PADA DINAS BENCHMARK {part:03d}"],
            ["BULAN FEBRUARI 2018"],
            [],
        ]
    return [
        ["BPJS KETENAGAKERJAAN"],
        ["RINCIAN IURAN PESERTA BUKAN PENERIMA UPAH"],
        ["NPP : 12345678"],
        ["NAMA PERUSAHAAN : PEMERINTAH PROVINSI LAMPUNG"],
        ["PERIODE : FEBRUARI 2018"],
        [],
    ]


def _trailer(kind: str) -> list[list[object]]:
    return [
        ["JUMLAH"],
        [],
        ["Bandar Lampung, 28 Februari 2018"],
        ["Mengetahui"],
        ["Kepala Dinas" if kind == "payroll" else "Kepala Kantor Cabang"],
        [],
        ["NIP. 19700101 199003 1 001"],
    ]


def _write_xlsx(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    for row in rows:
        sheet.append(row)
    book.save(path)


def _write_csv(path: Path, rows: list[list[object]]) -> None:
    def text(v: object) -> object:
        return v.strftime("%d-%m-%Y") if isinstance(v, dt.datetime) else v

    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[text(v) for v in r] for r in rows])


def _write(job: tuple[str, Path, list[list[object]]]) -> None:
    fmt, path, rows = job
    (_write_xlsx if fmt == "xlsx" else _write_csv)(path, rows)


def _files(kind: str, rows: list[list[object]], chunk: int, header: list[str]) -> list[tuple[str, list]]:
    out = []
    for part, start in enumerate(range(0, max(len(rows), 1), chunk), start=1):
        body = rows[start : start + chunk]
        numbers = [f"({i})" for i in range(1, len(header) + 1)]
        name = f"unit_{part:03d}" if kind == "payroll" else f"rincian_iuran_{part:02d}"
        out.append((name, [*_titles(kind, part), header, numbers, *body, *_trailer(kind)]))
    return out


def ensure_inputs(workers: int, fmt: str = "xlsx", seed: int = 11) -> Path:
    """The folder holding payroll/ and bpjs/ for `workers` people, generated on first use."""
    folder = cache_dir() / f"{fmt}-{workers}-{seed}"
    if (folder / _DONE).exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "payroll").mkdir(parents=True)
    (folder / "bpjs").mkdir(parents=True)
    payroll, bpjs = _rows(workers, seed)
    jobs = [
        (fmt, folder / "payroll" / f"{name}.{fmt}", rows)
        for name, rows in _files("payroll", payroll, UNIT_ROWS, PAYROLL_HEADER)
    ]
    jobs += [
        (fmt, folder / "bpjs" / f"{name}.{fmt}", rows)
        for name, rows in _files("bpjs", bpjs, BPJS_ROWS, BPJS_HEADER)
    ]
    del payroll, bpjs
    if len(jobs) > 2 and sum(len(j[2]) for j in jobs) > 20_000:
        with ProcessPoolExecutor(max_workers=2) as pool:
            list(pool.map(_write, jobs))
    else:
        for job in jobs:
            _write(job)
    (folder / _DONE).write_text(f"{workers} workers, seed {seed}\n")
    return folder
