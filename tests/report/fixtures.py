"""A hand-built ReconResult: a few findings of every category, hostile names, a balanced manifest."""

from __future__ import annotations

import pandas as pd

from reconcile.categories import CATEGORY_ORDER, EXCEPTION_COLUMNS, MATCH_COLUMNS, Category
from reconcile.ledger.schema import FINDING_FIELDS
from reconcile.model import ISSUE_COLUMNS
from reconcile.result import InputOutcome, ReconResult, Summary
from reconcile.summary import signed_total

PAYROLL = "payroll/Dinas Kesehatan.xlsx"
BPJS = "bpjs/rincian-iuran-2018-02.xlsx"

#: Texts that must stay text: formula, DDE, control characters, huge, right-to-left and emoji.
HOSTILE_NAMES = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "\t=1",
    "\r=1",
    "BUDI\x00\x07 SANTOSO",
    "A" * 40_000,
    "محمد علي 👷‍♀️ SITI",
    "=1+1",
]


def nik(serial: int) -> str:
    """A valid-looking Lampung NIK (1871 Bandar Lampung, born 12-05-85)."""
    return f"187101120585{serial:04d}"


def _finding(category: Category, i: int, **values: object) -> dict[str, object]:
    side = {"payroll": "payroll", "bpjs": "bpjs"}.get(
        {
            Category.UNREGISTERED: "payroll",
            Category.INACTIVE: "payroll",
            Category.DUPLICATE_PAYROLL: "payroll",
            Category.NOT_ON_PAYROLL: "bpjs",
            Category.DUPLICATE_PARTICIPANT: "bpjs",
        }.get(category, "both"),
        "both",
    )
    row: dict[str, object] = {c: None for c in EXCEPTION_COLUMNS}
    row.update(
        category=str(category),
        name=f"PEGAWAI {category} {i}",
        nik=nik(10 * CATEGORY_ORDER.index(category) + i),
    )
    row.update(unit="Dinas Kesehatan" if i % 2 else "BPKAD", detail=f"contoh {category} {i}")
    if side in ("payroll", "both"):
        row.update(payroll_file=PAYROLL, payroll_sheet="Feb 2018", payroll_row=10 + i)
    if side in ("bpjs", "both"):
        row.update(bpjs_file=BPJS, bpjs_sheet="Rincian", bpjs_row=20 + i, kpj=f"1800000{i:04d}")
    row.update(
        finding_id=f"F-{category[:3]}-{i}",
        first_seen="2017-11" if i == 1 else "2018-02",
        age_months=4 if i == 1 else 1,
    )
    row.update(values)
    return row


def findings_frame() -> pd.DataFrame:
    rows = []
    for i in (1, 2, 3):
        rows.append(_finding(Category.UNREGISTERED, i, exposure_idr=96_000_000.0 + i * 1_000_000 + 0.4))
        rows.append(_finding(Category.INACTIVE, i, exposure_idr=70_000_000.0 + i))
        rows.append(_finding(Category.NOT_ON_PAYROLL, i, billed_idr=16_800.0))
        rows.append(_finding(Category.DUPLICATE_PARTICIPANT, i, billed_idr=16_800.0))
        rows.append(
            _finding(
                Category.PREMIUM_MISMATCH,
                i,
                expected_idr=16_800.0,
                billed_idr=18_000.0,
                difference_idr=1_200.0,
            )
        )
        rows.append(
            _finding(
                Category.WAGE_MISMATCH,
                i,
                expected_idr=2_000_000.0,
                billed_idr=1_000_000.0,
                difference_idr=-1e6,
            )
        )
        rows.append(_finding(Category.DUPLICATE_PAYROLL, i))
        rows.append(_finding(Category.IDENTITY_MISMATCH, i, match_method="name_birth_date"))
        rows.append(
            _finding(
                Category.INVALID_ROW, i, nik=None, detail=f"NIK kosong dan nama tidak terbaca (baris {i})"
            )
        )
    for j, name in enumerate(HOSTILE_NAMES):
        rows.append(
            _finding(
                Category.UNREGISTERED,
                10 + j,
                name=name,
                unit=name[:50],
                exposure_idr=50_000_000.0,
                detail=name,
            )
        )
    frame = pd.DataFrame(rows, columns=EXCEPTION_COLUMNS)
    # The NIK also appears inside free text, as an engine message would quote it.
    frame.loc[frame["category"] == "IDENTITY_MISMATCH", "detail"] = (
        f"NIK {nik(9999)} berbeda dengan 1871011205850002"
    )
    return frame


def matches_frame() -> pd.DataFrame:
    rows = [
        {
            "payroll_file": PAYROLL,
            "payroll_sheet": "Feb 2018",
            "payroll_row": 30 + i,
            "bpjs_file": BPJS,
            "bpjs_sheet": "Rincian",
            "bpjs_row": 40 + i,
            "match_method": method,
            "score": score,
            "nik": nik(500 + i),
            "kpj": f"1800000{500 + i:04d}",
            "name": f"PESERTA {i}",
            "unit": "BPKAD",
        }
        for i, (method, score) in enumerate(
            [("nik", 1.0), ("nik_typo", 0.9375), ("name_birth_date", 0.8123456789)]
        )
    ]
    return pd.DataFrame(rows, columns=MATCH_COLUMNS)


def warnings_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            [
                PAYROLL,
                "Feb 2018",
                12,
                "nik",
                "warning",
                f"tanggal dalam NIK {nik(1)} berbeda dengan tanggal lahir",
            ],
            [BPJS, "Rincian", 7, "name", "warning", "=cmd|' /C calc'!A0"],
        ],
        columns=ISSUE_COLUMNS,
    )


def units_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ["BPKAD", 40, 35, 5, 480_000_000.0, 588_000.0],
            ["Dinas Kesehatan", 60, 42, 18, 1_700_000_000.0, 705_600.0],
            ["=Unit Jahat()", 3, 3, 0, 0.0, 50_400.0],
        ],
        columns=["unit", "workers", "insured", "uninsured", "exposure_idr", "billed_idr"],
    )


#: An analyst's note that quotes a NIK: masking must reach the new history columns too.
EXPLAINED_NOTE = f"Beralih ke PPPK (Taspen), NIK {nik(8888)} sesuai SK 800/12"
EXPLAINED_ID = "F-NOT-2"


def with_history(findings: pd.DataFrame) -> pd.DataFrame:
    """The ledger's columns on `findings`: age 4 (first seen 2017-11) is open, age 1 is new, one explained."""
    out = findings.copy()
    age = pd.to_numeric(out["age_months"], errors="coerce").fillna(1)
    out["status"] = ["open" if a > 1 else "new" for a in age]
    out["explained"] = ""
    explained = out["finding_id"] == EXPLAINED_ID
    out.loc[explained, "status"] = "explained"
    out.loc[explained, "explained"] = EXPLAINED_NOTE
    return out


def resolved_frame(rows: int = 2) -> pd.DataFrame:
    """`history["resolved"]` as reconcile/ledger/history.py gives it: period, FINDING_FIELDS, explained."""
    records = []
    for i in range(rows):
        category = (Category.UNREGISTERED, Category.NOT_ON_PAYROLL)[i % 2]
        row: dict[str, object] = dict.fromkeys(FINDING_FIELDS)
        row.update(
            period="2018-01",
            finding_id=f"F-OLD-{i}",
            category=str(category),
            name=f"PEGAWAI SELESAI {i}",
            nik=nik(7000 + i),
            unit="BPKAD",
            first_seen="2017-12",
            age_months=2,
            status="open",
            explained="",
        )
        if category == Category.UNREGISTERED:
            row.update(payroll_file=PAYROLL, payroll_sheet="Jan 2018", payroll_row=15 + i, exposure_idr=96e6)
        else:
            row.update(bpjs_file=BPJS, bpjs_sheet="Rincian", bpjs_row=25 + i, billed_idr=16_800.0)
        records.append(row)
    return pd.DataFrame(records, columns=["period", *FINDING_FIELDS, "explained"])


def trend_frame(periods: int = 3) -> pd.DataFrame:
    """`history["trend"]`: one row per recorded period, the last one this run's."""
    months = ["2017-11", "2017-12", "2018-01", "2018-02"]
    months = months[len(months) - periods :]
    rows = [
        {"period": m, "gaps": 30 - 5 * i, "overpayment_idr": 150_000.0 - 15_000 * i, "findings": 60 - 3 * i}
        for i, m in enumerate(months)
    ]
    return pd.DataFrame(rows, columns=["period", "gaps", "overpayment_idr", "findings"])


#: Left-out inputs as reconcile/readers/partial.py describes them (path, kind, sheet, reason, ...).
EXCLUDED = (
    {
        "path": "payroll/Dinas Sosial.xlsx",
        "kind": "payroll",
        "sheet": "",
        "reason": "payroll/Dinas Sosial.xlsx: no header row with NIK and Nama in the first 30 rows",
    },
    {"path": "bpjs/peserta-tambahan.csv", "kind": "bpjs", "sheet": "", "reason": "the file is empty"},
)
NOTICES = (
    "PERIOD MISMATCH ACCEPTED: bpjs/rincian-iuran-2018-02.xlsx seems to be for 2018-01 (its title rows)",
)


def make_result(
    *,
    balanced: bool = True,
    findings: pd.DataFrame | None = None,
    history: bool = False,
    resolved_rows: int = 2,
    trend_periods: int = 3,
    excluded: tuple[dict[str, str], ...] = (),
    notices: tuple[str, ...] = (),
) -> ReconResult:
    """The hand-built result; `history` adds what a run with a ledger carries (statuses, resolved, trend)."""
    findings = findings_frame() if findings is None else findings
    if history:
        findings = with_history(findings)
    counts = {str(c): int((findings["category"] == str(c)).sum()) for c in CATEGORY_ORDER}
    amounts = {str(c): 0.0 for c in CATEGORY_ORDER}
    for column, cats in {
        "exposure_idr": ("UNREGISTERED", "INACTIVE"),
        "billed_idr": ("NOT_ON_PAYROLL", "DUPLICATE_PARTICIPANT"),
    }.items():
        for c in cats:
            amounts[c] = float(findings.loc[findings["category"] == c, column].fillna(0).sum())
    # Signed differences per direction, and their absolute sum as the category's Rupiah (never netted).
    signed = {
        c: signed_total(findings.loc[findings["category"] == c, "difference_idr"])
        for c in ("PREMIUM_MISMATCH", "WAGE_MISMATCH")
    }
    amounts.update({c: split.absolute_idr for c, split in signed.items()})
    # Sheets as the pipeline describes them (reconcile/pipeline.py `prepare`): "sheet" is the name.
    payroll = InputOutcome(
        PAYROLL, "payroll", "a" * 64, ({"sheet": "Feb 2018", "data_rows": 103},), 103, 80, 20, 3, 0
    )
    bpjs = InputOutcome(
        BPJS, "bpjs", "b" * 64, ({"sheet": "Rincian", "data_rows": 92},), 92, 80, 6, 3, 3 if balanced else 1
    )
    summary = Summary(
        workers_on_payroll=103,
        payroll_rows=103,
        bpjs_rows=92,
        insured=80,
        uninsured=23,
        coverage_rate=80 / 103,
        exposure_idr=amounts["UNREGISTERED"] + amounts["INACTIVE"],
        billed_idr=1_545_600.0,
        due_idr=1_344_000.0,
        overpayment_idr=104_400.0,
        counts=counts,
        amounts=amounts,
        # billed − due = 201,600 = overpayment 104,400 − billed below 6,800 + remainder 104,000.
        money_lines={
            "not_on_payroll": 50_400.0,
            "inactive": 16_800.0,
            "double_billing": 33_600.0,
            "over_premium": 3_600.0,
            "under_billed": 6_800.0,
            "remainder": 104_000.0,
        },
        signed=signed,
    )
    return ReconResult(
        period="2018-02",
        run_id="run-20180301-0001",
        # As Policy.as_dict gives it (reconcile/rules/policy.py); PU-only keys are not shown for BPU.
        policy={
            "employer": "Pemerintah Provinsi Lampung",
            "workforce": "PTHL (Pegawai Tenaga Harian Lepas)",
            "scheme": "BPU",
            "programs": ["JKK", "JKM"],
            "declared_income": 1_000_000,
            "jkk_risk_group": "I",
            "jkp": False,
        },
        rules_used=(
            {"table": "bpu_tariff", "key": "JKM", "effective_from": "2015-07", "value": 6800},
            {"table": "bpu_tariff", "key": "JKK_rate", "effective_from": "2015-07", "value": 0.01},
        ),
        findings=findings,
        matches=matches_frame(),
        warnings=warnings_frame(),
        units=units_frame(),
        inputs=(payroll, bpjs),
        summary=summary,
        employer={"npp": "18000123", "name": "PEMERINTAH PROVINSI LAMPUNG"},
        history={"resolved": resolved_frame(resolved_rows), "trend": trend_frame(trend_periods)}
        if history
        else {},
        excluded_inputs=excluded,
        notices=notices,
    )
