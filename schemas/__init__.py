"""Declarative format rules (pandera) for normalised frames, and their failures as issue rows."""

from schemas.bpjs import BpjsSchema
from schemas.identity import IdentitySchema
from schemas.issues import CHECK_RULES, ERROR, FIELD_LABELS, WARNING, Severity, validation_issues
from schemas.payroll import PayrollSchema

__all__ = [
    "CHECK_RULES",
    "ERROR",
    "FIELD_LABELS",
    "WARNING",
    "BpjsSchema",
    "IdentitySchema",
    "PayrollSchema",
    "Severity",
    "validation_issues",
]
