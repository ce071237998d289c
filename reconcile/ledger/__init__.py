"""The run ledger: every run, its inputs and findings, in an embedded SQLite file beside the reports.

It gives findings their history (`apply_history`: first seen, age, new / open / explained), lists
what was resolved since the previous period, the month-over-month trend, and decides whether a
nightly period needs a run at all (`decide`, from the digests of its last successful run).

Typical use in a period run: `ledger = Ledger.open(None, out_dir)`; `with_history(result, ledger,
out_dir / ANNOTATIONS_NAME)` before writing the reports; `record_result(...)` after. A `--mask-nik`
copy shows finding ids masked under the ledger's own key (`mask_key`, `masked_finding_ids`).
"""

from reconcile.ledger.annotations import (
    add_annotation,
    check_finding_id,
    current_notes,
    existing_ledger,
    import_annotations,
)
from reconcile.ledger.decision import Decision, decide
from reconcile.ledger.digest import (
    RunDigests,
    file_sha256,
    inputs_digest,
    outcome_entries,
    run_digests,
    settings_digest,
)
from reconcile.ledger.history import HISTORY_COLUMNS, FindingStatus, apply_history, resolved_since_previous
from reconcile.ledger.inbox import PeriodInbox, find_periods, incomplete_periods, period_entries
from reconcile.ledger.location import ANNOTATIONS_NAME, LEDGER_NAME, ledger_path
from reconcile.ledger.mask_key import mask_key, masked_finding_ids, real_finding_id
from reconcile.ledger.period_lock import period_lock
from reconcile.ledger.record import RunStatus, record_result, record_run
from reconcile.ledger.result_history import history_tables, with_history
from reconcile.ledger.store import Ledger
from reconcile.ledger.trend import TREND_COLUMNS, period_figures, trend

__all__ = [
    "ANNOTATIONS_NAME",
    "HISTORY_COLUMNS",
    "LEDGER_NAME",
    "TREND_COLUMNS",
    "Decision",
    "FindingStatus",
    "Ledger",
    "PeriodInbox",
    "RunDigests",
    "RunStatus",
    "add_annotation",
    "apply_history",
    "check_finding_id",
    "current_notes",
    "decide",
    "existing_ledger",
    "file_sha256",
    "find_periods",
    "incomplete_periods",
    "history_tables",
    "import_annotations",
    "inputs_digest",
    "ledger_path",
    "mask_key",
    "masked_finding_ids",
    "outcome_entries",
    "period_entries",
    "period_figures",
    "period_lock",
    "record_result",
    "real_finding_id",
    "record_run",
    "resolved_since_previous",
    "run_digests",
    "settings_digest",
    "trend",
    "with_history",
]
