"""Short run summaries for the console and the Prefect artifact. Counts and Rupiah only: no NIK, no name."""

from __future__ import annotations

from reconcile.categories import CATEGORY_ORDER, Category
from reconcile.messages import localise, rupiah, rupiah_amount
from reconcile.result import ReconResult, Summary

_TEXT = {
    "id": {
        "head": "Periode {period}: {workers} pekerja di daftar upah, {insured} terlindungi (cakupan {rate}), "
        "{uninsured} tidak terlindungi",
        "undecided": ", {n} perlu keputusan identitas",
        "exposure": "Risiko manfaat tidak terlindungi (JKK meninggal): {x}.",
        "money": "Iuran ditagih {billed}, seharusnya {due}; kelebihan bayar {over} per bulan",
        "no_billing": "Iuran ditagih: tagihan tidak ada di input BPJS (daftar peserta tanpa kolom iuran); "
        "seharusnya {due}",
        "under_billed": ", kurang ditagih {x}",
        "identity_to_decide": ", menunggu keputusan identitas {x}",
        "arrears_other_months": ", tagihan untuk bulan lain (tunggakan/dibayar di muka) {x}",
        "remainder": ", sisa tidak dirinci {x}",
        "below": "di bawah seharusnya {x} ({n} baris)",
        "above": "di atas seharusnya {x} ({n} baris)",
        "per_category": "Temuan per kategori:",
        "wages": "upah Rp",
        "balance": "Neraca baris: {rows} baris dibaca dari {files} berkas, {state}.",
        "ok": "seimbang",
        "failed": "TIDAK SEIMBANG",
    },
    "en": {
        "head": "Period {period}: {workers} workers on the payroll, {insured} insured (coverage {rate}), "
        "{uninsured} uninsured",
        "undecided": ", {n} with an identity to decide",
        "exposure": "Unprotected benefit at risk (JKK death): {x}.",
        "money": "Billed {billed}, due {due}; overpayment {over} per month",
        "no_billing": "Billed: no billing in the BPJS inputs "
        "(a participant list without contribution columns); due {due}",
        "under_billed": ", billed below the rules {x}",
        "identity_to_decide": ", awaiting an identity decision {x}",
        "arrears_other_months": ", billed for other months (arrears/in advance) {x}",
        "remainder": ", remainder not itemised {x}",
        "below": "below what it should be {x} (rows: {n})",
        "above": "above what it should be {x} (rows: {n})",
        "per_category": "Findings per category:",
        "wages": "wages Rp",
        "balance": "Row balance: {rows} rows read from {files} files, {state}.",
        "ok": "balanced",
        "failed": "NOT BALANCED",
    },
}


def summary_lines(result: ReconResult, lang: str = "id") -> list[str]:
    """The console summary: coverage, exposure, money, and findings per category."""
    t = _TEXT["en" if lang == "en" else "id"]
    s = result.summary
    head = _fill(
        t["head"],
        lang,
        period=result.period,
        workers=s.workers_on_payroll,
        insured=s.insured,
        rate=f"{s.coverage_rate:.1%}",
        uninsured=s.uninsured,
    )
    lines = [
        head + (_fill(t["undecided"], lang, n=s.undecided) if s.undecided else "") + ".",
        _fill(t["exposure"], lang, x=rupiah_amount(s.exposure_idr)),
        _money_line(result, t, lang),
        t["per_category"],
    ]
    for c in CATEGORY_ORDER:
        amount = localise(rupiah(s.amounts.get(str(c), 0.0)), lang)
        # Wage differences are wages reported to BPJS, not money paid: never shown as plain Rupiah.
        unit = t["wages"] if c == Category.WAGE_MISMATCH else "Rp"
        lines.append(f"  {c:<22} {s.counts.get(str(c), 0):>6}   {unit:>8}{amount:>15}")
        split = s.signed.get(str(c))
        if split is not None:  # never netted: each direction on its own
            parts = [
                _fill(t[key], lang, x=rupiah_amount(idr), n=rows)
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
    lines.append(_fill(t["balance"], lang, rows=rows, files=len(result.inputs), state=state))
    return lines


def _fill(template: str, lang: str, **params: object) -> str:
    """`template` with its placeholders filled, Rupiah grouped the way `lang` writes them."""
    return template.format(**{k: localise(v, lang) for k, v in params.items()})


def _money_line(result: ReconResult, t: dict[str, str], lang: str) -> str:
    """Billed, due and the overpayment; what was billed below the rules and any remainder when not zero.
    Without any billing in the BPJS inputs, only the due amount, and that the billing is missing."""
    s = result.summary
    if not s.billing_in_inputs:
        return _fill(t["no_billing"], lang, due=rupiah_amount(s.due_idr)) + "."
    text = _fill(
        t["money"],
        lang,
        billed=rupiah_amount(s.billed_idr),
        due=rupiah_amount(s.due_idr),
        over=rupiah_amount(s.overpayment_idr),
    )
    for key in ("under_billed", "identity_to_decide", "arrears_other_months", "remainder"):
        amount = s.money_lines.get(key, 0.0)
        if round(amount):
            text += _fill(t[key], lang, x=rupiah_amount(amount))
    return text + "."


def _markdown_money(s: Summary) -> str:
    if not s.billing_in_inputs:
        missing = "tagihan tidak ada di input BPJS (daftar peserta tanpa kolom iuran)"
        return f"{missing}, seharusnya {rupiah_amount(s.due_idr)}"
    return (
        f"Ditagih {rupiah_amount(s.billed_idr)}, seharusnya {rupiah_amount(s.due_idr)}, "
        f"kelebihan bayar {rupiah_amount(s.overpayment_idr)} per bulan"
    )


def summary_markdown(result: ReconResult, outputs: dict[str, str]) -> str:
    """The Prefect artifact: the same figures as a markdown table, with the report's path."""
    s = result.summary
    table = "\n".join(
        f"| {c} | {s.counts.get(str(c), 0)} | {rupiah(s.amounts.get(str(c), 0.0))} |" for c in CATEGORY_ORDER
    )
    return (
        f"# Rekonsiliasi {result.period}\n\n"
        f"- Pekerja: {s.workers_on_payroll}, terlindungi {s.insured} ({s.coverage_rate:.1%})\n"
        f"- Risiko tidak terlindungi: {rupiah_amount(s.exposure_idr)}\n"
        f"- {_markdown_money(s)}\n"
        f"- Neraca baris: {'seimbang' if result.balanced else 'TIDAK SEIMBANG'}\n"
        f"- Laporan: `{outputs.get('xlsx', '')}`\n\n"
        "| kategori | jumlah | Rupiah |\n|---|---:|---:|\n" + table + "\n"
    )
