"""What a nightly run did with each period, the exit code that follows, and the run's final state.

A period is skipped, ran, refused (unusable input: its messages name the file and what was
expected) or failed (an internal error, whose traceback goes to a recon-error-*.log file, a lock
held too long, or a row balance that failed). An outcome for `WHOLE_INBOX` stands for a night in
which no period could run: the inbox, the settings or the ledger cannot be used.
"""

from __future__ import annotations

import tempfile
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from prefect.states import Completed, Failed, State

from reconcile.errors import ReconError
from reconcile.messages import Lang, message

#: The "period" of an outcome about the whole inbox: its folder, the settings or the ledger.
WHOLE_INBOX = "*"

Action = Literal["skipped", "ran", "refused", "failed"]
_EXIT_CODES = {"refused": 2, "failed": 1}  # as `recon employers` combines them: the highest wins


@dataclass(frozen=True)
class PeriodOutcome:
    """What the nightly did with one period."""

    period: str
    action: Action
    reason: str
    reports: dict[str, str] = field(default_factory=dict)
    errors: tuple[str, ...] = ()
    #: What a run that went on must say loudly: files left out (allow_partial), a month mismatch.
    notices: tuple[str, ...] = ()

    @property
    def needs_attention(self) -> bool:
        return self.action in _EXIT_CODES


def exit_code(outcomes: Sequence[PeriodOutcome]) -> int:
    """2 when a period was refused (unusable input), else 1 when one failed, else 0."""
    return max((_EXIT_CODES.get(o.action, 0) for o in outcomes), default=0)


def refused_outcome(period: str, errors: Sequence[str], lang: str) -> PeriodOutcome:
    """Unusable input: no report; `errors` say which file and what was expected and found."""
    if period == WHOLE_INBOX:
        reason = message("nightly_unusable_setup", as_lang(lang))
    else:
        reason = message("nightly_refused", as_lang(lang), period=period)
    return PeriodOutcome(period, "refused", reason, errors=tuple(errors))


def failed_outcome(period: str, error: BaseException, lang: str) -> PeriodOutcome:
    """An internal error: no report; the reason names the file holding the traceback."""
    log, name = traceback_file(error), type(error).__name__
    if period == WHOLE_INBOX:
        reason = message("nightly_setup_failed", as_lang(lang), error=name, log=log)
    else:
        reason = message("nightly_failed", as_lang(lang), period=period, error=name, log=log)
    return PeriodOutcome(period, "failed", reason)


def error_outcome(period: str, error: Exception, lang: str) -> PeriodOutcome:
    """Refused for an input error (exit code 2), failed for anything else."""
    if isinstance(error, ReconError) and error.exit_code == 2:
        return refused_outcome(period, (str(error),), lang)
    return failed_outcome(period, error, lang)


def traceback_file(error: BaseException) -> str:
    """Write `error`'s traceback to a recon-error-*.log file, as `recon run` does; its path."""
    with tempfile.NamedTemporaryFile(
        "w", prefix="recon-error-", suffix=".log", delete=False, encoding="utf-8"
    ) as log:
        traceback.print_exception(error, file=log)
    return log.name


def final_state(outcomes: list[PeriodOutcome], lang: str) -> State:
    """Failed when a period was refused or failed (the command exits non-zero), else Completed."""
    if not exit_code(outcomes):
        return Completed(data=outcomes)
    refused = [o.period for o in outcomes if o.action == "refused"]
    failed = [o.period for o in outcomes if o.action == "failed"]
    text = message(
        "nightly_state",
        as_lang(lang),
        refused=len(refused),
        failed=len(failed),
        periods=", ".join(refused + failed),
    )
    return Failed(message=text, data=outcomes)


def outcomes_of(state: State) -> list[PeriodOutcome]:
    """The outcomes a nightly run returned (called with `return_state=True`), whatever its state."""
    data = state.result(raise_on_failure=False)
    if isinstance(data, BaseException):  # the run crashed before it could return its outcomes
        raise data
    return cast(list[PeriodOutcome], data)


def as_lang(lang: str) -> Lang:
    return "en" if lang == "en" else "id"
