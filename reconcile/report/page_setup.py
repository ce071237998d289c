"""Print layout of every sheet: landscape A4, legible, header rows repeated, footer with run facts.

A sheet whose columns fit one page wide at MIN_PRINT_SCALE or more is fitted to one page wide. A wider
sheet (a detail sheet of some twenty columns) is not shrunk below that scale, which would print it at a
few points: it prints at MIN_PRINT_SCALE over several pages across, left to right before going down,
with its first columns (name, NIK) repeated on every page so each row can be followed.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from reconcile.report.labels import Labels

PAPER_A4 = 9  # ECMA-376 paper size code
MIN_PRINT_SCALE = 70  # percent: 11 pt text prints at about 7.7 pt, still readable on paper
SIDE_MARGIN_IN = 0.4
A4_LANDSCAPE_WIDTH_IN = 11.69
_PX_PER_IN = 96  # Excel's column widths are in characters of ~7 px plus 5 px padding, at 96 dpi
_CHAR_PX, _PAD_PX = 7, 5


def one_page_scale(widths: Sequence[float]) -> float:
    """The print scale (percent) at which columns of these widths (characters) fill one page width."""
    printable = (A4_LANDSCAPE_WIDTH_IN - 2 * SIDE_MARGIN_IN) * _PX_PER_IN
    total = sum(w * _CHAR_PX + _PAD_PX for w in widths)
    return 100.0 * printable / total if total else 100.0


def fits_one_page_wide(widths: Sequence[float]) -> bool:
    """True when one page width holds the columns without printing below MIN_PRINT_SCALE."""
    return one_page_scale(widths) >= MIN_PRINT_SCALE


def _escape(text: str) -> str:
    # '&' starts a header/footer code (&P, &N ...); a literal one is written '&&'.
    return text.replace("&", "&&")


def prepare_print(ws: WriteOnlyWorksheet, *, fit_width: bool = True) -> None:
    """Properties read before the first row is written: fit-to-page must be switched on up front."""
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=fit_width)


def apply_print(
    ws: WriteOnlyWorksheet,
    labels: Labels,
    *,
    period: str,
    run_id: str,
    title_rows: str | None,
    fit_width: bool = True,
    title_cols: str | None = None,
) -> None:
    """Landscape A4; one page wide (any number of pages tall) when `fit_width`, otherwise at
    MIN_PRINT_SCALE across pages with `title_cols` repeated; footer: period, page x of y, run id."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    else:
        ws.page_setup.scale = MIN_PRINT_SCALE
        ws.page_setup.pageOrder = "overThenDown"  # a row's pages follow each other
        if title_cols:
            ws.print_title_cols = title_cols
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = "&A"  # the sheet name
    ws.oddFooter.left.text = _escape(labels("footer.period", period=period))
    ws.oddFooter.center.text = labels("footer.page")
    ws.oddFooter.right.text = _escape(labels("footer.run", run_id=run_id))
