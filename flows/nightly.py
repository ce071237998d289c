"""The nightly flow: reconcile every period of an inbox whose inputs, rules or policy changed.

`<inbox>/<YYYY-MM>/payroll/` and `<inbox>/<YYYY-MM>/bpjs/` hold each period's files. Every period
writes its reports straight into `out` (the file names carry the period), beside the one run
ledger `<out>/recon-ledger.sqlite` that gives findings their age across months. A period whose
last successful run had the same digests is skipped, so a second night with nothing new writes
nothing. Each period runs under its own lock in `out`, so two runs of a period never interleave.

A month whose `payroll/` or `bpjs/` holds no input file yet is not a period: it is waiting, and
`recon nightly` says so. `allow_partial` and `accept_period_mismatch` reach every period's run as
in `recon run`; they are not part of a period's digests: a refused run never counts for skipping,
so a period refused last night runs again when an option is given, and a period that succeeded
without them would give the same findings with them.

One period's trouble never stops the others. Unusable input (an unreadable file, two BPJS files
with the same participants) makes that period "refused", with the messages naming the file and
what was expected; an internal error, or a lock another run holds for longer than
`PERIOD_LOCK_WAIT_S`, makes it "failed" (the traceback goes to a recon-error-*.log file). The flow
run ends Failed when any period was refused or failed, exactly when `recon nightly` exits
non-zero (`exit_code`). While it runs, an exception Prefect logs for a task or subflow run
reaches the console as one line; the Prefect server keeps the traceback.

`recon serve` serves this flow on a cron schedule; `prefect.yaml` deploys it to a work pool.
"""

from __future__ import annotations

import inspect
import logging
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger
from prefect.schedules import Cron
from prefect.states import State

import flows.settings  # noqa: F401  (Prefect defaults before prefect is imported)
from flows.period_outcome import (
    WHOLE_INBOX,
    PeriodOutcome,
    as_lang,
    error_outcome,
    final_state,
    refused_outcome,
)
from flows.quiet_console import tracebacks_as_one_line
from flows.reconcile_period import reconcile_period
from reconcile.config import ReconConfig
from reconcile.errors import InputError
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
from reconcile.messages import message
from reconcile.rules import Policy, RuleBook

__all__ = ["PeriodOutcome", "nightly", "run_period", "serve_nightly", "serve_options"]

NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "Asia/Jakarta"
#: How long a period waits for another run of it (`recon run`, a second nightly) to finish.
PERIOD_LOCK_WAIT_S = 6 * 3600.0


def period_digests(
    item: PeriodInbox, policy: str | None, config: str | None, rules: str | None = None
) -> RunDigests:
    """The digests a run of `item` would depend on: input contents, rule tables, policy and config.

    `rules` is the folder of the rule tables (None: the shipped ones); a change to any table in it
    changes the digest. A folder with no input file is an InputError; so is a file that cannot be
    read, naming it.
    """
    try:
        rule_digest = RuleBook.load(Path(rules) if rules else None).digest
        return run_digests(period_entries(item), rule_digest, policy, config)
    except OSError as e:
        raise InputError(
            f"could not be read ({e.strerror}); expected a readable file",
            path=str(e.filename or item.folder),
        ) from None


def _period_flow_options(ledger: str | None, rules: str | None = None) -> dict[str, Any]:
    """Pass the ledger location on when the period flow takes one (it records and ages findings),
    and the rules folder when one was given."""
    accepts = inspect.signature(reconcile_period.fn).parameters
    given = {"ledger": ledger, "rules": rules}
    return {name: value for name, value in given.items() if name in accepts and value}


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
    rules: str | None = None,
    allow_partial: bool = False,
    accept_period_mismatch: bool = False,
) -> PeriodOutcome:
    """Reconcile one inbox period unless nothing changed since its last successful run.

    Never raises: whatever goes wrong with this period becomes its outcome, so the next one runs.
    """
    try:
        outcome = _run_period_locked(
            item,
            out,
            ledger,
            ledger_location=ledger_location,
            policy=policy,
            config=config,
            lang=lang,
            mask_nik=mask_nik,
            rules=rules,
            allow_partial=allow_partial,
            accept_period_mismatch=accept_period_mismatch,
        )
    except Exception as e:  # unusable input: refused; anything else: failed, in this period only
        outcome = error_outcome(item.period, e, lang)
    log_outcome(outcome)
    return outcome


def _run_period_locked(
    item: PeriodInbox, out: str, ledger: Ledger, *, lang: str, **options: Any
) -> PeriodOutcome:
    """`_reconcile_if_changed` under the period's lock; a lock held too long fails the period."""
    with ExitStack() as stack:
        try:
            stack.enter_context(period_lock(out, item.period, timeout_s=PERIOD_LOCK_WAIT_S))
        except TimeoutError as e:
            minutes = round(PERIOD_LOCK_WAIT_S / 60)
            reason = message("nightly_locked", as_lang(lang), period=item.period, minutes=minutes)
            return PeriodOutcome(item.period, "failed", reason, errors=(str(e),))
        return _reconcile_if_changed(item, out, ledger, lang=lang, **options)


def _reconcile_if_changed(
    item: PeriodInbox,
    out: str,
    ledger: Ledger,
    *,
    ledger_location: str | None,
    policy: str | None,
    config: str | None,
    lang: str,
    mask_nik: bool,
    rules: str | None,
    allow_partial: bool,
    accept_period_mismatch: bool,
) -> PeriodOutcome:
    """Run the period flow unless the ledger says nothing changed; record what a nightly run did."""
    # Digests are taken under the lock: a concurrent run of this period has finished by now.
    digests = period_digests(item, policy, config, rules)
    decision = decide(item.period, digests, ledger.last_success(item.period))
    get_run_logger().info(decision.reason)
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
            allow_partial=allow_partial,
            accept_period_mismatch=accept_period_mismatch,
            **_period_flow_options(ledger_location, rules),
        )
    except Exception:  # recorded for the audit trail, then reported by `run_period`
        _record_attempt(ledger, item.period, RunStatus.FAILED, digests, started)
        raise
    if outcome.refused or outcome.result is None:
        _record_attempt(ledger, item.period, RunStatus.REFUSED, digests, started)
        return refused_outcome(item.period, outcome.errors, lang)
    # Idempotent on run_id: when the period flow recorded the run itself, this adds the digests.
    status = record_result(
        ledger, outcome.result, outcome.outputs, digests, started=started, source="nightly"
    )
    if status != RunStatus.SUCCESS:
        reason = message("nightly_unbalanced", as_lang(lang), period=item.period)
        return PeriodOutcome(
            item.period, "failed", reason, reports=dict(outcome.outputs), notices=tuple(outcome.notices)
        )
    return PeriodOutcome(
        item.period, "ran", decision.reason, reports=dict(outcome.outputs), notices=tuple(outcome.notices)
    )


def log_outcome(outcome: PeriodOutcome) -> None:
    """Refused and failed periods in the flow run's log, with their messages (one line each)."""
    if outcome.needs_attention:
        level = logging.WARNING if outcome.action == "refused" else logging.ERROR
        get_run_logger().log(level, "; ".join((outcome.reason, *outcome.errors)))


@flow(name="nightly", persist_result=False, log_prints=False)
def nightly(
    inbox: str,
    out: str,
    policy: str | None = None,
    config: str | None = None,
    lang: Literal["id", "en"] = "id",
    mask_nik: bool = False,
    ledger: str | None = None,
    rules: str | None = None,
    allow_partial: bool = False,
    accept_period_mismatch: bool = False,
) -> State:
    """Reconcile every period of the inbox whose input files, rule tables or policy changed.

    Args:
        inbox: Folder holding one sub-folder per month, YYYY-MM, each with payroll/ and bpjs/.
        out: Folder for the reports of every period and the run ledger (recon-ledger.sqlite).
        policy: Employer policy file (TOML). Empty: Lampung PTHL, BPU on Rp1,000,000, JKK + JKM.
        config: Thresholds and tolerances file (TOML). Empty: the defaults.
        lang: Report language: id (Bahasa Indonesia) or en (English).
        mask_nik: Show only the last 4 digits of every NIK (a copy for wide distribution).
        ledger: Run ledger: a SQLite file path or sqlite:/// URL. Empty: recon-ledger.sqlite in out.
        rules: Folder holding a copy of every rule table (rules_*.csv). Empty: the shipped tables.
        allow_partial: Process a period's usable files when some are unusable; its report lists
            the files left out. Off: such a period is refused.
        accept_period_mismatch: Go on when an input file seems to be for another month than its
            period folder, with a notice. Off: such a period is refused.
    """
    switches = {"allow_partial": allow_partial, "accept_period_mismatch": accept_period_mismatch}
    with tracebacks_as_one_line():
        outcomes = _every_period(inbox, out, policy, config, lang, mask_nik, ledger, rules, **switches)
    return final_state(outcomes, lang)


def _every_period(
    inbox: str,
    out: str,
    policy: str | None,
    config: str | None,
    lang: str,
    mask_nik: bool,
    ledger: str | None,
    rules: str | None = None,
    allow_partial: bool = False,
    accept_period_mismatch: bool = False,
) -> list[PeriodOutcome]:
    """One outcome per period of the inbox, or one for the whole inbox when none can run."""
    try:
        Policy.load(policy)  # unusable settings refuse the night once, not once per period
        ReconConfig.load(config)
        RuleBook.load(Path(rules) if rules else None)
        the_ledger = Ledger.open(ledger, out)
        periods = find_periods(inbox)
    except Exception as e:  # no period can run: the settings, the ledger or the inbox is unusable
        outcome = error_outcome(WHOLE_INBOX, e, lang)
        log_outcome(outcome)
        return [outcome]
    get_run_logger().info("inbox: %d periode", len(periods))
    options: dict[str, Any] = {
        "policy": policy,
        "config": config,
        "lang": lang,
        "mask_nik": mask_nik,
        "rules": rules,
        "allow_partial": allow_partial,
        "accept_period_mismatch": accept_period_mismatch,
    }
    return [run_period(item, out, the_ledger, ledger_location=ledger, **options) for item in periods]


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
