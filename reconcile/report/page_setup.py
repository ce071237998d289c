"""Print layout of every sheet: landscape, one page wide, header rows repeated, footer with run facts."""

from __future__ import annotations

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from reconcile.report.labels import Labels

PAPER_A4 = 9  # ECMA-376 paper size code


def _escape(text: str) -> str:
    # '&' starts a header/footer code (&P, &N ...); a literal one is written '&&'.
    return text.replace("&", "&&")


def prepare_print(ws: WriteOnlyWorksheet) -> None:
    """Properties read before the first row is written: fit-to-page must be switched on up front."""
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def apply_print(
    ws: WriteOnlyWorksheet, labels: Labels, *, period: str, run_id: str, title_rows: str | None
) -> None:
    """Landscape A4, fit to one page wide (any number of pages tall), footer: period, page x of y, run id."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = "&A"  # the sheet name
    ws.oddFooter.left.text = _escape(labels("footer.period", period=period))
    ws.oddFooter.center.text = labels("footer.page")
    ws.oddFooter.right.text = _escape(labels("footer.run", run_id=run_id))
