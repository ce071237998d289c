"""Typed values from raw cells: NIK, KPJ, amounts, dates, statuses, free text.

Each parser has a scalar form (one cell) and a vectorised form (a column) that parses each distinct
cell once. Scalars raise UnreadableValue; column forms flag the row instead.
"""

from reconcile.values.amounts import parse_amount, parse_amounts
from reconcile.values.dates import MONTHS, from_excel_serial, parse_date, parse_dates
from reconcile.values.identifier import IdentifierCell, read_identifier
from reconcile.values.kpj import KPJ_LENGTH, parse_kpj, read_kpj
from reconcile.values.nik import embedded_birth_parts, last4, parse_nik
from reconcile.values.place_date import PlaceDate, parse_place_dates, split_place_date
from reconcile.values.regions import province_codes, regions
from reconcile.values.status import ACTIVE, INACTIVE, STATUSES, parse_status, parse_statuses
from reconcile.values.text import clean_text, parse_texts
from reconcile.values.unreadable import UnreadableValue

__all__ = [
    "ACTIVE",
    "INACTIVE",
    "KPJ_LENGTH",
    "MONTHS",
    "STATUSES",
    "IdentifierCell",
    "PlaceDate",
    "UnreadableValue",
    "clean_text",
    "embedded_birth_parts",
    "from_excel_serial",
    "last4",
    "parse_amount",
    "parse_amounts",
    "parse_date",
    "parse_dates",
    "parse_kpj",
    "parse_nik",
    "parse_place_dates",
    "parse_status",
    "parse_statuses",
    "parse_texts",
    "province_codes",
    "read_identifier",
    "read_kpj",
    "regions",
    "split_place_date",
]
