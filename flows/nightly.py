"""The nightly flow: reconcile every period of an inbox whose inputs, rules or policy changed.

`<inbox>/<YYYY-MM>/payroll/` and `<inbox>/<YYYY-MM>/bpjs/` hold each period's files. Every period
writes its reports straight into `out` (the file names carry the period), beside the one run
ledger `<out>/recon-ledger.sqlite` that gives findings their age across months. A period whose
last successful run had the same digests is skipped, so a second night with nothing new writes
nothing. Each period runs under its own lock in `out`, so two runs of a period never interleave.

`recon serve` serves this flow on a cron schedule; `prefect.yaml` deploys it to a work pool.
"""

from __future__ import annotations

import inspect
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from prefect import flow, get_run_logger
from prefect.schedules import Cron

import flows.settings  # noqa: F401  (Prefect defaults before prefect is imported)
from flows.reconcile_period import reconcile_period
from reconcile.errors import ReconError
from reconcile.ledger import (
    Ledger,
    PeriodInbox,
    RunDigests,
    RunStatus,
    decide,
    find_periods,
    period_entries,
    period_lock,
    record_result,
    record_run,
    run_digests,
)
from reconcile.ledger.record import now
from reconcile.rules import RuleBook

NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "Asia/Jakarta"

Action = Literal["skipped", "ran", "refused", "failed"]


class NightlyError(ReconError):
    """At least one period failed with an internal error (the others were still processed)."""

    exit_code = 1


@dataclass(frozen=True)
class PeriodOutcome:
    """What the nightly did with one period."""

    period: str
    action: Action
    reason: str
    reports: dict[str, str] = field(default_factory=dict)
    errors: tuple[str, ...] = ()


def period_digests(item: PeriodInbox, policy: str | None, config: str | None) -> RunDigests:
    """The digests a run of `item` would depend on: input contents, rule tables, policy and config."""
    return run_digests(period_entries(item), RuleBook.load().digest, policy, config)


def _period_flow_options(ledger: str | None) -> dict[str, Any]:
    """Pass the ledger location on when the period flow takes one (it records and ages findings)."""
    accepts = inspect.signature(reconcile_period.fn).parameters
    return {"ledger": ledger} if "ledger" in accepts and ledger else {}


def _record_attempt(
    ledger: Ledger, period: str, status: RunStatus, digests: RunDigests, started: str
) -> None:
    """A run that wrote no report: kept for the audit trail, never used for history or skipping."""
    record_run(
        ledger,
        run_id=uuid.uuid4().hex[:12],
        period=period,
        status=status,
        digests=digests,
        started=started,
        source="nightly",
    )


def run_period(
    item: PeriodInbox,
    out: str,
    ledger: Ledger,
    *,
    ledger_location: str | None = None,
    policy: str | None = None,
    config: str | None = None,
    lang: str = "id",
    mask_nik: bool = False,
) -> PeriodOutcome:
    """Reconcile one inbox period unless nothing changed since its last successful run."""
    logger = get_run_logger()
    with period_lock(out, item.period):
        # Digests are taken under the lock: a concurrent run of this period has finished by now.
        digests = period_digests(item, policy, config)
        decision = decide(item.period, digests, ledger.last_success(item.period))
        logger.info(decision.reason)
        if not decision.run:
            return PeriodOutcome(item.period, "skipped", decision.reason)
        started = now()
        try:
            outcome = reconcile_period(
                period=item.period,
                payroll=[item.payroll],
                participants=[item.bpjs],
                out=out,
                policy=policy,
                config=config,
                lang=lang,
                mask_nik=mask_nik,
                **_period_flow_options(ledger_location),
            )
        except Exception as e:  # one broken period must not stop the others
            logger.error("periode %s gagal: %s", item.period, type(e).__name__)
            _record_attempt(ledger, item.period, RunStatus.FAILED, digests, started)
            return PeriodOutcome(item.period, "failed", f"{type(e).__name__}: {e}")
        if outcome.refused or outcome.result is None:
            logger.warning("periode %s: input tidak dapat digunakan, tidak ada laporan", item.period)
            _record_attempt(ledger, item.period, RunStatus.REFUSED, digests, started)
            return PeriodOutcome(item.period, "refused", decision.reason, errors=tuple(outcome.errors))
        # Idempotent on run_id: when the period flow recorded the run itself, this adds the digests.
        status = record_result(
            ledger, outcome.result, outcome.outputs, digests, started=started, source="nightly"
        )
        if status != RunStatus.SUCCESS:
            return PeriodOutcome(item.period, "failed", "row balance failed", reports=dict(outcome.outputs))
        return PeriodOutcome(item.period, "ran", decision.reason, reports=dict(outcome.outputs))


@flow(name="nightly", persist_result=False, log_prints=False)
def nightly(
    inbox: str,
    out: str,
    policy: str | None = None,
    config: str | None = None,
    lang: Literal["id", "en"] = "id",
    mask_nik: bool = False,
    ledger: str | None = None,
) -> list[PeriodOutcome]:
    """Reconcile every period of the inbox whose input files, rule tables or policy changed.

    Args:
        inbox: Folder holding one sub-folder per month, YYYY-MM, each with payroll/ and bpjs/.
        out: Folder for the reports of every period and the run ledger (recon-ledger.sqlite).
        policy: Employer policy file (TOML). Empty: Lampung PTHL, BPU on Rp1,000,000, JKK + JKM.
        config: Thresholds and tolerances file (TOML). Empty: the defaults.
        lang: Report language: id (Bahasa Indonesia) or en (English).
        mask_nik: Show only the last 4 digits of every NIK (a copy for wide distribution).
        ledger: Run ledger: a SQLite file path or sqlite:/// URL. Empty: recon-ledger.sqlite in out.
    """
    logger = get_run_logger()
    the_ledger = Ledger.open(ledger, out)
    periods = find_periods(inbox)
    logger.info("inbox: %d periode", len(periods))
    outcomes = [
        run_period(
            item,
            out,
            the_ledger,
            ledger_location=ledger,
            policy=policy,
            config=config,
            lang=lang,
            mask_nik=mask_nik,
        )
        for item in periods
    ]
    failed = [o.period for o in outcomes if o.action == "failed"]
    if failed:
        raise NightlyError(f"nightly: period(s) {', '.join(failed)} failed; see the flow run's logs")
    return outcomes


def nightly_schedule(cron: str = NIGHTLY_CRON, timezone: str = TIMEZONE) -> Cron:
    return Cron(cron, timezone=timezone)


def serve_options(
    inbox: str,
    out: str,
    *,
    name: str = "nightly",
    cron: str = NIGHTLY_CRON,
    timezone: str = TIMEZONE,
    **params: Any,
) -> dict[str, Any]:
    """Keyword arguments of `nightly.serve` / `nightly.to_deployment` for one inbox and output folder."""
    parameters = {"inbox": inbox, "out": out, **{k: v for k, v in params.items() if v not in (None, False)}}
    return {
        "name": name,
        "schedules": [nightly_schedule(cron, timezone)],
        "parameters": parameters,
        "description": "Nightly: every new or changed period of the inbox (rekonsiliasi malam)",
        "tags": ["recon", "nightly"],
    }


def serve_nightly(inbox: str, out: str, **options: Any) -> None:
    """Serve the nightly flow on its schedule in this process until it is stopped (Ctrl+C)."""
    nightly.serve(**serve_options(inbox, out, **options))
