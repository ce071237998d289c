"""Short run summaries for the console and the Prefect artifact. Counts and Rupiah only: no NIK, no name."""

from __future__ import annotations

from reconcile.categories import CATEGORY_ORDER
from reconcile.messages import rupiah
from reconcile.result import ReconResult


def summary_lines(result: ReconResult) -> list[str]:
    """The console summary: coverage, exposure, money, and findings per category."""
    s = result.summary
    lines = [
        f"Periode {result.period}: {s.workers_on_payroll} pekerja di daftar upah, {s.insured} terlindungi "
        f"(cakupan {s.coverage_rate:.1%}), {s.uninsured} tidak terlindungi"
        + (f", {s.undecided} perlu keputusan identitas." if s.undecided else "."),
        f"Risiko manfaat tidak terlindungi (JKK meninggal): Rp{rupiah(s.exposure_idr)}.",
        f"Iuran ditagih Rp{rupiah(s.billed_idr)}, seharusnya Rp{rupiah(s.due_idr)}; "
        f"kelebihan bayar Rp{rupiah(s.overpayment_idr)} per bulan.",
        "Temuan per kategori:",
    ]
    for c in CATEGORY_ORDER:
        lines.append(f"  {c:<22} {s.counts.get(str(c), 0):>6}   Rp{rupiah(s.amounts.get(str(c), 0.0)):>15}")
    rows = sum(i.rows_read for i in result.inputs)
    state = "seimbang" if result.balanced else "TIDAK SEIMBANG"
    lines.append(f"Neraca baris: {rows} baris dibaca dari {len(result.inputs)} berkas, {state}.")
    return lines


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
        f"- Ditagih Rp{rupiah(s.billed_idr)}, seharusnya Rp{rupiah(s.due_idr)}\n"
        f"- Neraca baris: {'seimbang' if result.balanced else 'TIDAK SEIMBANG'}\n"
        f"- Laporan: `{outputs.get('xlsx', '')}`\n\n"
        "| kategori | jumlah | Rupiah |\n|---|---:|---:|\n" + table + "\n"
    )
