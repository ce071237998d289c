"""The employer's policy as labelled lines in the report's language (the summary's header block).

Only the keys that apply to the policy's scheme are shown: BPU (Bukan Penerima Upah) pays on a
declared income, PU (Penerima Upah) by JKK risk group and JKP participation; a key the scheme
ignores would only mislead. The manifest keeps the policy as given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reconcile.report import styles
from reconcile.report.labels import Labels

_ALL_KEYS = ("employer", "workforce", "scheme", "programs", "declared_income", "jkk_risk_group", "jkp")
_SCHEME_KEYS = {
    "BPU": ("employer", "workforce", "scheme", "programs", "declared_income"),
    "PU": ("employer", "workforce", "scheme", "programs", "jkk_risk_group", "jkp"),
}


@dataclass(frozen=True)
class PolicyLine:
    """One line: its label, the value shown, and the value's number format (None for text)."""

    label: str
    value: Any
    number_format: str | None = None


def policy_lines(policy: dict[str, Any], L: Labels) -> list[PolicyLine]:
    """The policy's keys as labelled lines, in a fixed order; keys the report does not know come last."""
    scheme = str(policy.get("scheme", ""))
    shown = _SCHEME_KEYS.get(scheme, _ALL_KEYS)
    lines = [_line(key, policy[key], L) for key in shown if _present(policy.get(key))]
    lines += [PolicyLine(key, str(value)) for key, value in policy.items() if key not in _ALL_KEYS]
    return lines


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != []


def _line(key: str, value: Any, L: Labels) -> PolicyLine:
    label = L(f"policy.{key}")
    if key == "scheme":
        return PolicyLine(label, _known(L, f"scheme.{value}", value))
    if key == "programs":
        return PolicyLine(label, " + ".join(_known(L, f"program.{p}", p) for p in value))
    if key == "declared_income":
        if value == "wage":
            return PolicyLine(label, L("policy.declared_income.wage"))
        return PolicyLine(label, int(value), styles.RUPIAH)
    if key == "jkk_risk_group":
        return PolicyLine(label, _known(L, f"risk.{value}", value))
    if key == "jkp":
        return PolicyLine(label, L("policy.jkp.true") if value else L("policy.jkp.false"))
    return PolicyLine(label, str(value))


def _known(L: Labels, key: str, value: Any) -> str:
    """The label of a value, or the value itself when the labels do not know it."""
    return L(key) if key in L.texts else str(value)
