"""Raw input tables -> typed, validated frames (reconcile.model.Normalised) with their issues."""

from reconcile.normalize.bpjs import prepare_bpjs
from reconcile.normalize.payroll import prepare_payroll

__all__ = ["prepare_bpjs", "prepare_payroll"]
