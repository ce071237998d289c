"""Short run summaries for the console and the Prefect artifact. Counts and Rupiah only: no NIK, no name."""

from __future__ import annotations

from reconcile.categories import CATEGORY_ORDER
from reconcile.messages import rupiah
from reconcile.result import ReconResult

_TEXT = {
    "id": {
        "head": "Periode {period}: {workers} pekerja di daftar upah, {insured} terlindungi (cakupan {rate}), "
        "{uninsured} tidak terlindungi",
        "undecided": ", {n} perlu keputusan identitas",
        "exposure": "Risiko manfaat tidak terlindungi (JKK meninggal): Rp{x}.",
        "money": "Iuran ditagih Rp{billed}, seharusnya Rp{due}; kelebihan bayar Rp{over} per bulan",
        "under_billed": ", kurang ditagih Rp{x}",
        "remainder": ", sisa tidak dirinci Rp{x}",
        "below": "di bawah seharusnya Rp{x} ({n} baris)",
        "above": "di atas seharusnya Rp{x} ({n} baris)",
        "per_category": "Temuan per kategori:",
        "balance": "Neraca baris: {rows} baris dibaca dari {files} berkas, {state}.",
        "ok": "seimbang",
        "failed": "TIDAK SEIMBANG",
    },
    "en": {
        "head": "Period {period}: {workers} workers on the payroll, {insured} insured (coverage {rate}), "
        "{uninsured} uninsured",
        "undecided": ", {n} with an identity to decide",
        "exposure": "Unprotected benefit at risk (JKK death): Rp{x}.",
        "money": "Billed Rp{billed}, due Rp{due}; overpayment Rp{over} per month",
        "under_billed": ", billed below the rules Rp{x}",
        "remainder": ", remainder not itemised Rp{x}",
        "below": "below what it should be Rp{x} (rows: {n})",
        "above": "above what it should be Rp{x} (rows: {n})",
        "per_category": "Findings per category:",
        "balance": "Row balance: {rows} rows read from {files} files, {state}.",
        "ok": "balanced",
        "failed": "NOT BALANCED",
    },
}


def summary_lines(result: ReconResult, lang: str = "id") -> list[str]:
    """The console summary: coverage, exposure, money, and findings per category."""
    t = _TEXT["en" if lang == "en" else "id"]
    s = result.summary
    head = t["head"].format(
        period=result.period,
        workers=s.workers_on_payroll,
        insured=s.insured,
        rate=f"{s.coverage_rate:.1%}",
        uninsured=s.uninsured,
    )
    lines = [
        head + (t["undecided"].format(n=s.undecided) if s.undecided else "") + ".",
        t["exposure"].format(x=rupiah(s.exposure_idr)),
        _money_line(result, t),
        t["per_category"],
    ]
    for c in CATEGORY_ORDER:
        lines.append(f"  {c:<22} {s.counts.get(str(c), 0):>6}   Rp{rupiah(s.amounts.get(str(c), 0.0)):>15}")
        split = s.signed.get(str(c))
        if split is not None:  # never netted: each direction on its own
            parts = [
                t[key].format(x=rupiah(idr), n=rows)
                for key, rows, idr in (
                    ("below", split.below_rows, split.below_idr),
                    ("above", split.above_rows, split.above_idr),
                )
                if rows
            ]
            if parts:
                lines.append(" " * 4 + ", ".join(parts))
    rows = sum(i.rows_read for i in result.inputs)
    state = t["ok"] if result.balanced else t["failed"]
    lines.append(t["balance"].format(rows=rows, files=len(result.inputs), state=state))
    return lines


def _money_line(result: ReconResult, t: dict[str, str]) -> str:
    """Billed, due and the overpayment; what was billed below the rules and any remainder when not zero."""
    s = result.summary
    text = t["money"].format(
        billed=rupiah(s.billed_idr), due=rupiah(s.due_idr), over=rupiah(s.overpayment_idr)
    )
    for key in ("under_billed", "remainder"):
        amount = s.money_lines.get(key, 0.0)
        if round(amount):
            text += t[key].format(x=rupiah(amount))
    return text + "."


def summary_markdown(result: ReconResult, outputs: dict[str, str]) -> str:
    """The Prefect artifact: the same figures as a markdown table, with the report's path."""
    s = result.summary
    table = "\n".join(
        f"| {c} | {s.counts.get(str(c), 0)} | {rupiah(s.amounts.get(str(c), 0.0))} |" for c in CATEGORY_ORDER
    )
    return (
        f"# Rekonsiliasi {result.period}\n\n"
        f"- Pekerja: {s.workers_on_payroll}, terlindungi {s.insured} ({s.coverage_rate:.1%})\n"
        f"- Risiko tidak terlindungi: Rp{rupiah(s.exposure_idr)}\n"
        f"- Ditagih Rp{rupiah(s.billed_idr)}, seharusnya Rp{rupiah(s.due_idr)}, "
        f"kelebihan bayar Rp{rupiah(s.overpayment_idr)} per bulan\n"
        f"- Neraca baris: {'seimbang' if result.balanced else 'TIDAK SEIMBANG'}\n"
        f"- Laporan: `{outputs.get('xlsx', '')}`\n\n"
        "| kategori | jumlah | Rupiah |\n|---|---:|---:|\n" + table + "\n"
    )
