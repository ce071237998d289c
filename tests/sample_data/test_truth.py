"""The answer key points at rows whose cells show exactly the planted anomaly."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests.sample_data.conftest import read_csv
from tests.sample_data.sheet_reader import Sheet, digits, read_sheets

CATEGORIES = [
    "UNREGISTERED",
    "INACTIVE",
    "NOT_ON_PAYROLL",
    "PREMIUM_MISMATCH",
    "WAGE_MISMATCH",
    "DUPLICATE_PAYROLL",
    "DUPLICATE_PARTICIPANT",
    "IDENTITY_MISMATCH",
    "INVALID_ROW",
]
PAYROLL_SIDE = {"UNREGISTERED", "INACTIVE", "DUPLICATE_PAYROLL", "IDENTITY_MISMATCH"}


class Bundle:
    """The bundle's sheets plus its answer files, indexed by (file, sheet, row)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sheets: dict[tuple[str, str], Sheet] = {}
        for path in sorted((root / "payroll").iterdir()) + sorted((root / "bpjs").iterdir()):
            rel = path.relative_to(root).as_posix()
            for name, sheet in read_sheets(path).items():
                self.sheets[(rel, name)] = sheet
        self.truth = read_csv(root / "truth.csv")
        self.pairs = read_csv(root / "truth_pairs.csv")

    def cell(self, file: str, sheet: str, row: str | int, field: str) -> object:
        return self.sheets[(file, sheet)].cell(int(row), field)

    def bpjs_rows(self) -> list[tuple[str, str, int]]:
        out = []
        for (file, name), sheet in self.sheets.items():
            if file.startswith("bpjs/"):
                out += [
                    (file, name, r)
                    for r in range(sheet.header_row + 1, len(sheet.rows) + 1)
                    if len(digits(sheet.cell(r, "kpj"))) == 11
                ]
        return out

    def payroll_niks(self) -> set[str]:
        niks = set()
        for (file, _), sheet in self.sheets.items():
            if file.startswith("payroll/"):
                niks |= {
                    digits(sheet.cell(r, "nik")) for r in range(sheet.header_row + 1, len(sheet.rows) + 1)
                }
        return niks - {""}


@pytest.fixture(scope="module", params=["bundle", "alt_bundle"])
def data(request: pytest.FixtureRequest) -> Bundle:
    return Bundle(request.getfixturevalue(request.param))


def test_every_category_planted(data: Bundle) -> None:
    counts = Counter(t["category"] for t in data.truth)
    assert set(counts) == set(CATEGORIES)


def test_lampung_bundle_has_at_least_eight_of_each(bundle: Path) -> None:
    counts = Counter(t["category"] for t in read_csv(bundle / "truth.csv"))
    assert min(counts.values()) >= 8, counts
    workers = len(read_csv(bundle / "truth_pairs.csv"))
    assert 0.02 < sum(counts.values()) / workers < 0.06


def test_sides(data: Bundle) -> None:
    for t in data.truth:
        expected = "payroll" if t["category"] in PAYROLL_SIDE else "bpjs"
        if t["category"] != "INVALID_ROW":
            assert t["side"] == expected, t
        assert t["file"].startswith(t["side"] + "/"), t


def test_duplicates_list_every_row(data: Bundle) -> None:
    """Both rows of every duplicate: payroll rows of one person pair with one BPJS row (their NIKs
    may differ: a second unit may have typed it into a number cell or left it blank); BPJS rows of
    one person share the NIK under two KPJs."""
    bpjs_of = {(p["payroll_file"], p["payroll_sheet"], p["payroll_row"]): p["bpjs_row"] for p in data.pairs}
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for t in data.truth:
        if t["category"] == "DUPLICATE_PAYROLL":
            groups[("payroll", bpjs_of[(t["file"], t["sheet"], t["row"])])].append(t)
        elif t["category"] == "DUPLICATE_PARTICIPANT":
            groups[("bpjs", digits(data.cell(t["file"], t["sheet"], t["row"], "nik")))].append(t)
    assert groups and all(len(rows) == 2 for rows in groups.values())
    for (side, _), rows in groups.items():
        if side == "bpjs":
            kpjs = {data.cell(t["file"], t["sheet"], t["row"], "kpj") for t in rows}
            assert len(kpjs) == 2
    degraded = [t for t in data.truth if t["note"].startswith("paid again")]
    assert degraded, "some second rows of a duplicate carry a damaged or blank NIK"


def test_bpjs_findings_match_cells(data: Bundle) -> None:
    payroll_niks = data.payroll_niks()
    for t in data.truth:
        if t["side"] != "bpjs":
            continue
        get = lambda field, t=t: data.cell(t["file"], t["sheet"], t["row"], field)  # noqa: E731
        match t["category"]:
            case "NOT_ON_PAYROLL":
                assert get("status") in ("AKTIF", "??") and get("total") == 16800  # "??": billed anyway
                assert digits(get("nik")) not in payroll_niks
            case "PREMIUM_MISMATCH":
                assert get("status") == "AKTIF" and get("monthly_wage") == 1_000_000 and get("total") != 16800
            case "WAGE_MISMATCH":
                assert get("status") == "AKTIF" and get("monthly_wage") != 1_000_000 and get("total") == 16800
            case "DUPLICATE_PARTICIPANT":
                assert get("status") == "AKTIF" and get("total") == 16800
            case "INVALID_ROW":
                assert get("total") == "#REF" or get("status") == "??"
            case other:
                raise AssertionError(other)


def test_payroll_findings_match_cells(data: Bundle) -> None:
    bpjs_by_nik = defaultdict(list)
    for file, sheet, row in data.bpjs_rows():
        bpjs_by_nik[digits(data.cell(file, sheet, row, "nik"))].append((file, sheet, row))
    tiers = {(p["payroll_file"], p["payroll_sheet"], p["payroll_row"]): p["tier"] for p in data.pairs}
    for t in data.truth:
        if t["side"] != "payroll":
            continue
        get = lambda field, t=t: data.cell(t["file"], t["sheet"], t["row"], field)  # noqa: E731
        nik = digits(get("nik"))
        assert get("name"), t
        match t["category"]:
            case "UNREGISTERED":
                assert nik and nik not in bpjs_by_nik
            case "INACTIVE":
                statuses = [data.cell(*ref, "status") for ref in bpjs_by_nik[nik]]
                assert statuses in (["NON AKTIF"], ["NA"])
            case "DUPLICATE_PAYROLL":
                tier = tiers[(t["file"], t["sheet"], t["row"])]
                if tier == "nik_excel_precision":
                    assert isinstance(get("nik"), float) and nik.endswith("0") and nik not in bpjs_by_nik
                elif tier == "name_birth_date":
                    assert nik == ""
                else:
                    assert len(bpjs_by_nik[nik]) == 1
            case "IDENTITY_MISMATCH":
                tier = tiers[(t["file"], t["sheet"], t["row"])]
                assert tier in ("nik", "nik_excel_precision", "nik_typo", "name_birth_date"), tier
                if tier == "name_birth_date":
                    assert nik == ""
                elif tier == "nik_excel_precision":
                    assert isinstance(get("nik"), float) and nik.endswith("0") and nik not in bpjs_by_nik
                elif tier == "nik_typo":
                    assert nik not in bpjs_by_nik
                else:
                    (ref,) = bpjs_by_nik[nik]
                    same_name = str(get("name")).upper() == data.cell(*ref, "name")
                    assert same_name == ("birth date" in t["note"]), t  # name or birth date differs, not both
            case "INVALID_ROW":
                blank_identity = nik == "" and not (get("birth_date") or get("ttl"))
                wage = (
                    get("monthly_wage")
                    if "monthly_wage" in data.sheets[(t["file"], t["sheet"])].columns
                    else get("daily_wage")
                )
                unreadable = isinstance(wage, str) and not any(ch.isdigit() for ch in wage)
                assert blank_identity or unreadable, t
                # Only a row without identity is out; a worker whose wage is unreadable is paired.
                paired = (t["file"], t["sheet"], t["row"]) in tiers
                assert paired == (not blank_identity) and (nik in bpjs_by_nik) == paired, t
            case other:
                raise AssertionError(other)


def test_pairs_point_at_person_rows(data: Bundle) -> None:
    identity = {(t["file"], t["sheet"], t["row"]) for t in data.truth if t["category"] == "IDENTITY_MISMATCH"}
    for p in data.pairs:
        pay_name = str(data.cell(p["payroll_file"], p["payroll_sheet"], p["payroll_row"], "name"))
        bpjs_name = str(data.cell(p["bpjs_file"], p["bpjs_sheet"], p["bpjs_row"], "name"))
        pay_nik = digits(data.cell(p["payroll_file"], p["payroll_sheet"], p["payroll_row"], "nik"))
        bpjs_nik = digits(data.cell(p["bpjs_file"], p["bpjs_sheet"], p["bpjs_row"], "nik"))
        assert pay_name and bpjs_name.isupper()
        if p["tier"] in ("nik", "name_variant_only"):
            assert pay_nik == bpjs_nik
            if (p["payroll_file"], p["payroll_sheet"], p["payroll_row"]) not in identity:
                assert (pay_name.upper() == bpjs_name) == (p["tier"] == "nik")
        elif p["tier"] == "nik_excel_precision":
            assert pay_nik == bpjs_nik[:15] + "0" != bpjs_nik
        elif p["tier"] == "nik_typo":
            diff = [i for i in range(16) if pay_nik[i] != bpjs_nik[i]]
            assert len(diff) == 1 or (
                len(diff) == 2 and diff[1] == diff[0] + 1 and pay_nik[diff[0]] == bpjs_nik[diff[1]]
            )


def test_name_variants_are_plentiful(bundle: Path) -> None:
    tiers = Counter(p["tier"] for p in read_csv(bundle / "truth_pairs.csv"))
    assert tiers["name_variant_only"] > 300
    assert all(tiers[t] >= 3 for t in ("nik_excel_precision", "nik_typo", "name_birth_date"))


def test_every_payroll_person_row_is_paired_or_in_truth(data: Bundle) -> None:
    paired = {(p["payroll_file"], p["payroll_sheet"], int(p["payroll_row"])) for p in data.pairs}
    unpaired_truth = {
        (t["file"], t["sheet"], int(t["row"]))
        for t in data.truth
        if t["side"] == "payroll"
        and (t["category"] == "UNREGISTERED" or (t["category"] == "INVALID_ROW" and "wage" not in t["note"]))
    }
    for (file, name), sheet in data.sheets.items():
        if not file.startswith("payroll/"):
            continue
        for r in range(sheet.header_row + 1, len(sheet.rows) + 1):
            if digits(sheet.cell(r, "nik")).isdigit() and len(digits(sheet.cell(r, "nik"))) == 16:
                assert ((file, name, r) in paired) != ((file, name, r) in unpaired_truth), (file, name, r)
