"""The few looks the workbook uses: fonts, fills, number formats. One place so the sheets agree."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

# A named font everywhere: a Font without a name falls back to a serif face in LibreOffice.
FONT = "Calibri"

RUPIAH = "#,##0"
INTEGER = "0"
PERCENT = "0.0%"
SCORE = "0.00"
DATE = "dd-mm-yyyy"
DATETIME = "dd-mm-yyyy hh:mm"

TITLE_FONT = Font(name=FONT, bold=True, size=14, color="1F3864")
SECTION_FONT = Font(name=FONT, bold=True, size=12, color="1F3864")
HEADER_FONT = Font(name=FONT, size=11, bold=True, color="FFFFFF")
BOLD = Font(name=FONT, size=11, bold=True)
LINK_FONT = Font(name=FONT, size=11, color="0563C1", underline="single")
MUTED_FONT = Font(name=FONT, size=11, italic=True, color="595959")
BANNER_FONT = Font(name=FONT, bold=True, size=12, color="FFFFFF")

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
SECTION_FILL = PatternFill("solid", fgColor="D9E1F2")
OK_FILL = PatternFill("solid", fgColor="2E7D32")
ALARM_FILL = PatternFill("solid", fgColor="C62828")
ACTION_FILL = PatternFill("solid", fgColor="FCE4D6")  # conditional: needs action first
WARN_FILL = PatternFill("solid", fgColor="FFF2CC")

NOTICE_FILL = PatternFill("solid", fgColor="FFE699")  # run notices: a highlighted box under the header
NOTICE_TITLE_FONT = Font(name=FONT, bold=True, size=12, color="7F6000")
ALARM_TITLE_FONT = Font(name=FONT, bold=True, size=14, color="FFFFFF")  # incomplete report
ALARM_TEXT_FONT = Font(name=FONT, bold=True, size=11, color="FFFFFF")


def cf_fill(color: str) -> PatternFill:
    """A fill for a conditional format: Excel reads a differential solid fill from its background colour."""
    return PatternFill(fill_type="solid", start_color=color, end_color=color)


# Conditional formats of the detail sheets: what needs action first, and what was explained (greyed).
CF_ACTION_FILL = cf_fill("FCE4D6")
CF_ACTION_FONT = Font(bold=True, color="C00000")
CF_WARN_FILL = cf_fill("FFF2CC")
CF_MUTED_FILL = cf_fill("E7E6E6")
CF_MUTED_FONT = Font(italic=True, color="7F7F7F")

THIN = Side(style="thin", color="BFBFBF")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
LEFT = Alignment(horizontal="left", vertical="top")
RIGHT = Alignment(horizontal="right", vertical="top")
#: Right-aligned text that shrinks rather than running into the cell on its left.
RIGHT_SHRINK = Alignment(horizontal="right", vertical="top", shrink_to_fit=True)
INDENT = Alignment(horizontal="left", indent=2, vertical="top")  # a line that belongs to the line above it
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
