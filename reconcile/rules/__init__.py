"""Domain rules as effective-dated data tables, the employer policy, and what they imply.

Public API: load the tables (`RuleBook.load`) and the policy (`Policy.load`), then ask for the
premium due (`premium_due`), the wage BPJS should have on record (`expected_declared_wage`) and
the unprotected benefit of an uninsured worker (`exposure`). Figures live in reconcile/data,
never in code (see reconcile/data/README.md).
"""

from reconcile.rules.declared import expected_declared_wage
from reconcile.rules.exposure import Exposure, exposure
from reconcile.rules.period import check_period
from reconcile.rules.policy import Policy, Program, RiskGroup, Scheme
from reconcile.rules.premium import PREMIUM_COLUMNS, PremiumDue, premium_due
from reconcile.rules.rulebook import RuleBook

__all__ = [
    "PREMIUM_COLUMNS",
    "Exposure",
    "Policy",
    "PremiumDue",
    "Program",
    "RiskGroup",
    "RuleBook",
    "Scheme",
    "check_period",
    "exposure",
    "expected_declared_wage",
    "premium_due",
]
