"""How offices write dates, money and NIKs into cells: the formats a reader must cope with."""

from __future__ import annotations

from datetime import date, datetime

ID_MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
ID_MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
EN_MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

#: Date styles a layout may use. "excel" writes a real date cell; the others write text.
DATE_STYLES = (
    "excel",
    "dmy_slash",
    "dmy_dash",
    "dmy_dot",
    "d_mmm_yy_id",
    "d_mmm_yy_en",
    "d_month_yyyy",
    "iso",
)


def date_cell(value: date | None, style: str) -> object:
    """The cell value for a date in the given style (None stays blank)."""
    if value is None:
        return None
    if style == "excel":
        return datetime(value.year, value.month, value.day)
    return date_text(value, style)


def date_text(d: date, style: str) -> str:
    """A date written as text, e.g. "12/05/1985", "12-Mei-85", "12-May-85", "12 Mei 1985"."""
    match style:
        case "dmy_slash" | "excel":
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        case "dmy_dash":
            return f"{d.day:02d}-{d.month:02d}-{d.year}"
        case "dmy_dot":
            return f"{d.day:02d}.{d.month:02d}.{d.year}"
        case "d_mmm_yy_id":
            return f"{d.day:02d}-{ID_MONTHS_SHORT[d.month - 1]}-{d.year % 100:02d}"
        case "d_mmm_yy_en":
            return f"{d.day:02d}-{EN_MONTHS_SHORT[d.month - 1]}-{d.year % 100:02d}"
        case "d_month_yyyy":
            return f"{d.day} {ID_MONTHS[d.month - 1]} {d.year}"
        case "iso":
            return d.isoformat()
    raise ValueError(f"unknown date style {style!r}")


def thousands(amount: int) -> str:
    """2074000 -> "2.074.000" (Indonesian grouping)."""
    return f"{amount:,}".replace(",", ".")


#: Money styles: "number" writes a numeric cell; the others write text.
MONEY_STYLES = ("number", "rp_text", "id_decimal", "rp_dash", "plain_text")


def money_cell(amount: int, style: str) -> object:
    """The cell value for an amount: 2074000, "Rp 2.074.000", "2.074.000,00", "Rp. 2.074.000,-"."""
    match style:
        case "number":
            return amount
        case "rp_text":
            return f"Rp {thousands(amount)}"
        case "id_decimal":
            return f"{thousands(amount)},00"
        case "rp_dash":
            return f"Rp. {thousands(amount)},-"
        case "plain_text":
            return str(amount)
    raise ValueError(f"unknown money style {style!r}")


def numeric_nik(nik: str) -> int:
    """A 16-digit NIK as Excel keeps it when typed as a number: 15 significant digits, then a 0."""
    return int(nik[:15] + "0")


def period_title(period: str) -> str:
    """ "2018-02" -> "Februari 2018"."""
    year, month = (int(p) for p in period.split("-"))
    return f"{ID_MONTHS[month - 1]} {year}"


def last_day(period: str) -> date:
    """The last calendar day of the period."""
    year, month = (int(p) for p in period.split("-"))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)
