"""Identity resolution: which payroll row and which BPJS row are the same person, and how we know.

Exact NIK and KPJ joins first, then tiers for dirty keys (Excel-damaged NIK, one-digit typo,
no NIK at all) that pair one-to-one, globally, and leave genuine ties undecided.
"""

from reconcile.identity.match import match_identities
from reconcile.identity.name_score import name_score
from reconcile.identity.names import name_keys, normalize_name
from reconcile.identity.result import (
    AMBIGUOUS,
    CONFLICT_COLUMNS,
    CONFLICT_KINDS,
    KPJ,
    MATCH_METHODS,
    NAME_BIRTH_DATE,
    NIK,
    NIK_EXCEL_PRECISION,
    NIK_TYPO,
    PAIR_COLUMNS,
    SAME_KPJ_DIFFERENT_PERSON,
    SAME_NIK_DIFFERENT_PERSON,
    IdentityMatch,
)

__all__ = [
    "AMBIGUOUS",
    "CONFLICT_COLUMNS",
    "CONFLICT_KINDS",
    "KPJ",
    "MATCH_METHODS",
    "NAME_BIRTH_DATE",
    "NIK",
    "NIK_EXCEL_PRECISION",
    "NIK_TYPO",
    "PAIR_COLUMNS",
    "SAME_KPJ_DIFFERENT_PERSON",
    "SAME_NIK_DIFFERENT_PERSON",
    "IdentityMatch",
    "match_identities",
    "name_keys",
    "name_score",
    "normalize_name",
]
