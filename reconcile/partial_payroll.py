"""A payroll that covers only part of the employer: most BPJS registrations then have no payroll row.

An analyst checking one unit (OPD) gives that unit's payroll against the employer's whole BPJS list.
Every worker of the other units is then NOT_ON_PAYROLL, billed "for nobody", and the overpayment
line adds up their premiums: findings that say nothing about those units. Departures explain a few
percent of such rows in a month, so when the share of BPJS registrations without a payroll row
passes `ReconConfig.partial_payroll_share`, the run says loudly that the payroll may be incomplete,
naming the units it holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.messages import Lang, message

#: Below this many registrations a share says little (a test file, a tiny employer).
MIN_REGISTRATIONS = 10
#: Units named in the notice; the rest are counted.
UNITS_NAMED = 5


def partial_payroll_notices(
    registrations: int, not_on_payroll: int, units: Sequence[str], share: float, lang: Lang = "id"
) -> tuple[str, ...]:
    """One notice when `not_on_payroll` of `registrations` is at least `share` of them, else none."""
    if registrations < MIN_REGISTRATIONS or not_on_payroll < share * registrations:
        return ()
    named = ", ".join(sorted(units)[:UNITS_NAMED]) or "-"
    if len(units) > UNITS_NAMED:
        named += message("partial_payroll_more_units", lang, more=len(units) - UNITS_NAMED)
    return (
        message(
            "partial_payroll",
            lang,
            missing=not_on_payroll,
            registrations=registrations,
            percent=f"{100 * not_on_payroll / registrations:.0f}",
            count=len(units),
            units=named,
        ),
    )
