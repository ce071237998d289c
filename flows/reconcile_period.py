"""The Prefect flow that reconciles one period: read each file (mapped, retried), reconcile, write.

Tasks are thin: each calls one function of reconcile/ and adds retries, logging and artifacts.
Expected input problems (InputError) come back from every task as values, not exceptions, so users
see a message, not a traceback, and no report is written. The rule tables are checked against the
period and policy before any file is read (the shipped tables, or an analyst's copy given as
`rules`), and every unusable input (a missing path, an empty
folder, a bad file, a copy of another input, a BPJS participant list beside the contribution detail
of the same participants, a file for another month) is reported in one go. A run that used an
unverified rule row, or reconciles a month after the month of the run, says so in its notices.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

import flows.settings  # noqa: F401  (Prefect defaults before prefect is imported)
from flows.period_outcome import as_lang
from flows.summary_text import summary_markdown
from reconcile.categories import CATEGORY_ORDER
from reconcile.config import ReconConfig
from reconcile.errors import InputError, ReconError
from reconcile.input_set import decide_inputs
from reconcile.ledger import (
    ANNOTATIONS_NAME,
    Ledger,
    history_tables,
    mask_key,
    outcome_entries,
    period_lock,
    record_result,
    run_digests,
    with_history,
)
from reconcile.ledger.record import now
from reconcile.pipeline import PreparedInput, prepare, reconcile
from reconcile.readers import read_input
from reconcile.readers.discover import find_inputs
from reconcile.report import write_outputs
from reconcile.result import ReconResult
from reconcile.rules import Policy, RuleBook
from reconcile.rules.notices import rule_notices


@dataclass(frozen=True)
class RunOutcome:
    """What the CLI needs to tell the user and choose an exit code."""

    errors: tuple[str, ...] = ()
    outputs: dict[str, str] = field(default_factory=dict)
    result: ReconResult | None = None
    notices: tuple[str, ...] = ()  # a run that went ahead without some inputs says so loudly

    @property
    def refused(self) -> bool:
        return bool(self.errors)


@task(
    retries=2,
    retry_delay_seconds=1,
    cache_policy=NO_CACHE,
    persist_result=False,
    task_run_name="read {display}",
)
def read_file(path: Path, display: str, kind: str, period: str | None = None) -> PreparedInput | InputError:
    """Read and prepare one file (its sheets for `period`); an unusable one comes back as an InputError."""
    try:
        return prepare(read_input(path, display, kind, period))  # type: ignore[arg-type]
    except InputError as e:
        return e


@task(cache_policy=NO_CACHE, persist_result=False)
def reconcile_task(
    inputs: list[PreparedInput],
    period: str,
    policy: Policy,
    rules: RuleBook,
    config: ReconConfig,
    run_id: str,
    lang: str,
) -> ReconResult | InputError:
    """Pair, classify and summarise; an InputError (e.g. a rule table gap) comes back as a value."""
    try:
        return reconcile(
            inputs, period=period, policy=policy, rules=rules, config=config, run_id=run_id, lang=lang
        )  # type: ignore[arg-type]
    except InputError as e:
        return e


@task(cache_policy=NO_CACHE, persist_result=False)
def write_task(
    result: ReconResult,
    out: Path,
    lang: str,
    mask_nik: bool,
    extra_manifest: dict | None = None,
    mask_key: bytes | None = None,
) -> dict[str, str] | InputError:
    """Write the four outputs; an unwritable folder comes back as an InputError value.
    `mask_key`: the ledger's key for the masked finding ids of a `mask_nik` copy."""
    try:
        paths = write_outputs(
            result,
            out,
            lang=lang,
            mask_nik=mask_nik,
            mask_key=mask_key,
            extra_manifest=extra_manifest,  # type: ignore[arg-type]
        )
    except InputError as e:
        return e
    return {k: str(v) for k, v in vars(paths).items()}


@flow(name="reconcile-period", persist_result=False, log_prints=False)
def reconcile_period(
    period: str,
    payroll: list[str],
    participants: list[str],
    out: str,
    policy: str | None = None,
    config: str | None = None,
    lang: str = "id",
    mask_nik: bool = False,
    ledger: str | None = None,
    allow_partial: bool = False,
    accept_period_mismatch: bool = False,
    rules: str | None = None,
) -> RunOutcome:
    """Reconcile one period's payroll files against the BPJS participant / contribution files.

    period: the month, YYYY-MM. payroll / participants: files (.xlsx, .xlsm, .csv) or folders.
    out: the folder for the reports (never overwritten: a re-run writes a new version).
    policy: employer policy TOML (default: Lampung PTHL, BPU on Rp1,000,000, JKK+JKM).
    config: thresholds TOML. lang: id | en. mask_nik: show only the last 4 digits of NIKs.
    ledger: the run ledger (SQLite path or sqlite:/// URL); default `<out>/recon-ledger.sqlite`.
    allow_partial: go on without unusable files; the report and manifest list them and what that means.
    accept_period_mismatch: go on when an input file seems to be for another month, with a warning.
    rules: a folder holding a copy of every rule table (rules_*.csv); empty: the shipped tables.
    """
    logger = get_run_logger()
    run_id = uuid.uuid4().hex[:12]
    try:
        the_policy = Policy.load(policy)
        the_config = ReconConfig.load(config)
        rule_book = RuleBook.load(Path(rules) if rules else None)
        rule_book.check_covers(period, the_policy)  # a gap in the rule tables: exit 2 before reading
    except ReconError as e:
        return RunOutcome(errors=(str(e),))
    files, read = _read_all(payroll, participants, period)
    inputs = decide_inputs(
        files,
        read,
        period,
        as_lang(lang),
        allow_partial=allow_partial,
        accept_period_mismatch=accept_period_mismatch,
    )
    if inputs.refusals:
        logger.warning("%d unusable input(s); no report written", len(inputs.refusals))
        return RunOutcome(errors=inputs.refusals)
    for notice in inputs.notices:
        logger.warning("%s", notice)
    started = now()
    reconciled = reconcile_task(inputs.usable, period, the_policy, rule_book, the_config, run_id, lang)
    if isinstance(reconciled, InputError):
        return RunOutcome(errors=(str(reconciled),))
    about_rules = rule_notices(reconciled.rules_used, period, run_month(), rule_book, as_lang(lang))
    for notice in about_rules:
        logger.warning("%s", notice)
    # The thresholds in force (defaults or --config): a tool reading the findings can tell why a
    # small difference was not one.
    extra = {**inputs.manifest, "rule_tables": rule_book.manifest_entry, "config": asdict(the_config)}
    result = replace(
        reconciled,
        excluded_inputs=tuple(extra.get("excluded_inputs", ())),
        notices=(*inputs.report_notices, *reconciled.notices, *about_rules),
    )
    try:
        result, outputs = _write_and_record(
            result,
            out,
            ledger,
            lang,
            mask_nik,
            extra,
            payroll,
            participants,
            policy,
            config,
            rule_book,
            started,
        )
    except InputError as e:
        return RunOutcome(errors=(str(e),))
    if isinstance(outputs, InputError):
        return RunOutcome(errors=(str(outputs),))
    _publish_artifacts(result, outputs)
    create_markdown_artifact(
        key=f"recon-{period}".lower(),
        markdown=summary_markdown(result, outputs),
        description="Reconciliation summary",
    )
    logger.info(
        "period %s: report %s; balance %s", period, outputs.get("xlsx"), "ok" if result.balanced else "FAILED"
    )
    notices = (*inputs.notices, *reconciled.notices, *about_rules)
    return RunOutcome(outputs=outputs, result=result, notices=notices)


def run_month() -> str:
    """The month of the run, YYYY-MM (local time): a later period is a future one."""
    return date.today().strftime("%Y-%m")


def _read_all(
    payroll: list[str], participants: list[str], period: str
) -> tuple[list[tuple[Path, str, str]], list[PreparedInput | InputError]]:
    """Every input given, with what reading it gave: a PreparedInput, or the InputError that makes it
    unusable. A PATH that names no file (missing, empty folder) is an entry of its own, so that it is
    reported together with every unreadable file."""
    files: list[tuple[Path, str, str]] = []
    read: list[PreparedInput | InputError] = []
    to_read: list[tuple[Path, str, str]] = []
    for kind, paths in (("payroll", payroll), ("bpjs", participants)):
        found, errors = find_inputs(paths)
        files += [(Path(e.path), e.path, kind) for e in errors]
        read += errors
        to_read += [(p, d, kind) for p, d in found]
    get_run_logger().info("period %s: reading %d files", period, len(to_read))
    futures = read_file.map(
        [f[0] for f in to_read], [f[1] for f in to_read], [f[2] for f in to_read], unmapped(period)
    )
    return files + to_read, read + [f.result() for f in futures]


def _write_and_record(
    result: ReconResult,
    out: str,
    ledger: str | None,
    lang: str,
    mask_nik: bool,
    extra: dict,
    payroll: list[str],
    participants: list[str],
    policy: str | None,
    config: str | None,
    rules: RuleBook,
    started: str,
) -> tuple[ReconResult, dict[str, str] | InputError]:
    """Under the period lock: add the ledger's history, write the reports, record the run."""
    with period_lock(out, period=result.period):
        book = Ledger.open(ledger, out)
        result = with_history(result, book, Path(out) / ANNOTATIONS_NAME)
        result = replace(result, history=history_tables(result, book))
        key = mask_key(book) if mask_nik else None
        outputs = write_task(result, Path(out), lang, mask_nik, extra or None, key)
        if isinstance(outputs, InputError):
            return result, outputs
        entries = outcome_entries(result.inputs, {"payroll": payroll, "bpjs": participants})
        record_result(
            book, result, outputs, run_digests(entries, rules.digest, policy, config), started=started
        )
    return result, outputs


def _publish_artifacts(result: ReconResult, outputs: dict[str, str]) -> None:
    """Counts per category as a table, and a link to the report. Counts and Rupiah only, no NIK."""
    s = result.summary
    rows = [
        {"category": str(c), "findings": s.counts.get(str(c), 0), "rupiah": round(s.amounts.get(str(c), 0.0))}
        for c in CATEGORY_ORDER
    ]
    create_table_artifact(
        table=rows, key=f"recon-{result.period}-counts", description="Findings per category"
    )
    report = Path(outputs["xlsx"]).resolve()
    create_link_artifact(
        link=report.as_uri(),
        link_text=report.name,
        key=f"recon-{result.period}-report",
        description="The report",
    )
