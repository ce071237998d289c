"""The answer key: truth.csv (one row per expected finding) and truth_pairs.csv (every true pairing)."""

from __future__ import annotations

import csv
from pathlib import Path

from sample_data.records import BpjsRecord, Location, Pair, PayrollRecord

TRUTH_COLUMNS = ["category", "side", "file", "sheet", "row", "note"]
PAIR_COLUMNS = ["payroll_file", "payroll_sheet", "payroll_row", "bpjs_file", "bpjs_sheet", "bpjs_row", "tier"]


def truth_rows(
    payroll: list[PayrollRecord], bpjs: list[BpjsRecord], where: dict[str, Location]
) -> list[list]:
    """One row per planted finding, sorted by file, sheet, row, category."""
    rows = []
    for side, records in (("payroll", payroll), ("bpjs", bpjs)):
        for rec in records:
            loc = where[rec.rid]
            rows += [[f.category, side, loc.file, loc.sheet, loc.row, f.note] for f in rec.findings]
    return sorted(rows, key=lambda r: (r[2], r[3], r[4], r[0]))


def pair_rows(pairs: list[Pair], where: dict[str, Location]) -> list[list]:
    """One row per true pairing, sorted by the payroll reference."""
    rows = []
    for pair in pairs:
        p, b = where[pair.payroll_rid], where[pair.bpjs_rid]
        rows.append([p.file, p.sheet, p.row, b.file, b.sheet, b.row, pair.tier])
    return sorted(rows, key=lambda r: (r[0], r[1], r[2], r[3], r[4], r[5]))


def write_truth(
    out_dir: Path,
    payroll: list[PayrollRecord],
    bpjs: list[BpjsRecord],
    pairs: list[Pair],
    where: dict[str, Location],
) -> None:
    """Write both answer files (UTF-8, comma-separated, LF line ends)."""
    for name, header, rows in (
        ("truth.csv", TRUTH_COLUMNS, truth_rows(payroll, bpjs, where)),
        ("truth_pairs.csv", PAIR_COLUMNS, pair_rows(pairs, where)),
    ):
        with (out_dir / name).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
