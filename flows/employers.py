"""Many employers in one run: the province and its regencies and cities, each with its own inbox,
output folder and policy, reconciled in parallel (threads locally, or a Dask cluster with --dask).

The registry is a TOML file; relative paths are relative to it:

    [[employer]]
    name = "Pemprov Lampung"
    inbox = "inbox/pemprov"
    out = "reports/pemprov"
    policy = ""            # empty: the default Lampung PTHL policy
    rules = ""             # a folder with a copy of every rule table; empty: `--rules`, else the shipped ones

Each employer is one mapped task that runs the nightly flow for its inbox, so the unit of
parallelism is the employer, and the task graph grows with employers, never with rows.
As within one nightly run, one employer's trouble never stops the others: a refused or failed
period is that period's outcome, and an employer whose run could not finish gets one failed
outcome for its whole inbox (`WHOLE_INBOX`); the command's exit code follows from them all.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

import flows.settings  # noqa: F401  (Prefect defaults before prefect is imported)
from flows.nightly import nightly
from flows.period_outcome import (
    WHOLE_INBOX,
    PeriodOutcome,
    as_lang,
    error_outcome,
    outcomes_of,
    traceback_file,
)
from flows.quiet_console import tracebacks_as_one_line
from reconcile.errors import InputError
from reconcile.messages import message


@dataclass(frozen=True)
class Employer:
    name: str
    inbox: str
    out: str
    policy: str | None
    rules: str | None = None  # this employer's rule tables folder; None: the run's (`--rules`)


def load_registry(path: str | Path) -> list[Employer]:
    """The employers of a registry file; a missing file, key or folder is an input error (exit 2)."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("registry file not found", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"expected a TOML registry, found: {e}", path=str(path)) from None
    entries = data.get("employer")
    if not isinstance(entries, list) or not entries:
        raise InputError("expected one or more [[employer]] tables, found none", path=str(path))
    base = file.parent
    employers = []
    for i, entry in enumerate(entries, start=1):
        missing = [k for k in ("name", "inbox", "out") if not entry.get(k)]
        if missing:
            raise InputError(f"employer #{i}: missing {', '.join(missing)}", path=str(path))
        inbox = base / str(entry["inbox"])
        if not inbox.is_dir():
            raise InputError(f"employer {entry['name']!r}: inbox folder {inbox} not found", path=str(path))
        policy = str(entry.get("policy") or "") or None
        rules = str(entry.get("rules") or "") or None
        if rules and not (base / rules).is_dir():
            raise InputError(
                f"employer {entry['name']!r}: rules folder {base / rules} not found", path=str(path)
            )
        employers.append(
            Employer(
                name=str(entry["name"]),
                inbox=str(inbox),
                out=str(base / str(entry["out"])),
                policy=str(base / policy) if policy else None,
                rules=str(base / rules) if rules else None,
            )
        )
    names = [e.name for e in employers]
    if len(set(names)) != len(names):
        raise InputError("employer names must be unique", path=str(path))
    return employers


@task(cache_policy=NO_CACHE, persist_result=False, task_run_name="employer {employer.name}")
def reconcile_employer(employer: Employer, lang: str, rules: str | None = None) -> list[PeriodOutcome]:
    """One employer's nightly run (a subflow): every new or changed period of its inbox, with the
    employer's own rule tables when the registry names them, else `rules`.

    Never raises, so one employer never stops the others.
    """
    try:
        state = nightly(
            inbox=employer.inbox,
            out=employer.out,
            policy=employer.policy,
            lang=lang,  # type: ignore[arg-type]
            rules=employer.rules or rules,
            return_state=True,
        )
        return outcomes_of(state)
    except Exception as e:
        return [_employer_error(employer.name, e, lang)]


@flow(name="employers", persist_result=False, log_prints=False)
def employers(registry: str, lang: str = "id", rules: str | None = None) -> dict[str, list[PeriodOutcome]]:
    """Reconcile every employer of a registry file in parallel.

    Args:
        registry: TOML file with one [[employer]] table per employer (name, inbox, out, policy, rules).
        lang: Report language: id (Bahasa Indonesia) or en (English).
        rules: Folder holding a copy of every rule table, for employers without their own `rules`.
            Empty: the shipped tables.
    """
    with tracebacks_as_one_line():
        try:
            specs = load_registry(registry)
        except InputError as e:  # `recon employers` checks the registry first; a deployment may not
            return {registry: [error_outcome(WHOLE_INBOX, e, lang)]}
        get_run_logger().info("%d pemberi kerja", len(specs))
        futures = reconcile_employer.map(specs, lang=unmapped(lang), rules=unmapped(rules))
        return {spec.name: _outcomes(spec, future, lang) for spec, future in zip(specs, futures, strict=True)}


def _outcomes(
    employer: Employer, future: PrefectFuture[list[PeriodOutcome]], lang: str
) -> list[PeriodOutcome]:
    """An employer's outcomes; one failed outcome when its task itself could not finish."""
    try:
        return future.result()
    except Exception as e:  # e.g. the Dask worker running it died
        return [_employer_error(employer.name, e, lang)]


def _employer_error(name: str, error: Exception, lang: str) -> PeriodOutcome:
    """The outcome of an employer whose nightly run raised: refused for unusable input, else failed."""
    if isinstance(error, InputError):
        return error_outcome(WHOLE_INBOX, error, lang)
    reason = message(
        "employer_failed", as_lang(lang), employer=name, error=type(error).__name__, log=traceback_file(error)
    )
    return PeriodOutcome(WHOLE_INBOX, "failed", reason)
