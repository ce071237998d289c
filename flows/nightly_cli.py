"""`recon nightly`, `recon serve` and `recon explain`: registered into the `recon` parser by flows/cli.py.

flows/cli.py calls `add_commands(subparsers)` while building its parser and `dispatch(args)` before
its own commands; `dispatch` returns None for a command that is not one of these. Errors are raised
as ReconError and translated to exit codes by flows/cli.py, like every other command's.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flows.settings import one_shot_run
from reconcile.errors import InputError
from reconcile.input_text import input_text

COMMANDS = ("nightly", "serve", "explain")


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """Options every reconciling command takes: policy, thresholds, language, masking, ledger, rules."""
    parser.add_argument("--policy", metavar="FILE", help="employer policy (TOML); default Lampung PTHL")
    parser.add_argument("--config", metavar="FILE", help="thresholds and tolerances (TOML)")
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="report language (default id)")
    parser.add_argument("--mask-nik", action="store_true", help="show only the last 4 digits of every NIK")
    parser.add_argument("--ledger", metavar="PATH|URL", help="run ledger; default OUT/recon-ledger.sqlite")
    add_rules_option(parser)


def add_rules_option(parser: argparse.ArgumentParser) -> None:
    """`--rules FOLDER`: an analyst's copy of every rule table instead of the shipped ones."""
    parser.add_argument(
        "--rules",
        metavar="FOLDER",
        help="folder holding a copy of every rule table (rules_*.csv); default the shipped tables",
    )


def check_rules(folder: str | None) -> None:
    """Load the rule tables of `folder` now: a missing folder or a bad table exits 2 before any run."""
    from reconcile.rules import RuleBook

    if folder:
        RuleBook.load(Path(folder))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--inbox", required=True, metavar="DIR", help="DIR/<YYYY-MM>/payroll/ and .../bpjs/")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for every period's reports")
    add_report_options(parser)
    add_leniency_options(parser)


def add_leniency_options(parser: argparse.ArgumentParser) -> None:
    """`--allow-partial` and `--accept-period-mismatch`: go on where a run would refuse, loudly."""
    parser.add_argument(
        "--allow-partial",
        action="store_true",
        help="process the usable files when some are unusable; the report lists those left out",
    )
    parser.add_argument(
        "--accept-period-mismatch",
        action="store_true",
        help="go on when an input file seems to be for another month than its period (with a notice)",
    )


def add_commands(subparsers: Any) -> None:
    """Register `nightly`, `serve` and `explain` on the `recon` sub-command parsers."""
    nightly = subparsers.add_parser("nightly", help="reconcile every new or changed period of an inbox, once")
    _common(nightly)
    serve = subparsers.add_parser("serve", help="run the nightly flow on a schedule (long-running process)")
    _common(serve)
    serve.add_argument("--name", default="nightly", help="deployment name (default nightly)")
    serve.add_argument("--cron", default="0 2 * * *", help='cron schedule (default "0 2 * * *")')
    serve.add_argument("--timezone", default="Asia/Jakarta", help="schedule time zone (default Asia/Jakarta)")
    explain = subparsers.add_parser("explain", help="mark a finding as explained, with a note")
    explain.add_argument(
        "finding_id",
        help="the full finding_id column of exceptions.csv, of a finding in the ledger (a prefix is not"
        " accepted: the error names the finding it starts). For a finding not yet seen, use the report"
        " folder's annotations.csv",
    )
    explain.add_argument("--note", default="", help='the explanation (e.g. "alih status PPPK, Taspen")')
    explain.add_argument(
        "--out", metavar="DIR", help="the report folder of an earlier run, holding recon-ledger.sqlite"
    )
    explain.add_argument("--ledger", metavar="PATH|URL", help="run ledger, instead of --out")
    explain.add_argument("--by", default="recon explain", help="who explains it (kept with the note)")
    explain.add_argument("--clear", action="store_true", help="withdraw the explanation instead of --note")


def _options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "policy": args.policy,
        "config": args.config,
        "lang": args.lang,
        "mask_nik": args.mask_nik,
        "ledger": args.ledger,
        "rules": args.rules,
        "allow_partial": args.allow_partial,
        "accept_period_mismatch": args.accept_period_mismatch,
    }


def nightly_command(args: argparse.Namespace) -> int:
    """Every period of the inbox, once; exit 2 when a period was refused, 1 when one failed."""
    from flows.temporary_server import temporary_server

    with temporary_server() as server:
        from flows.nightly import nightly
        from flows.period_outcome import exit_code, outcomes_of
        from reconcile.ledger import find_periods

        find_periods(args.inbox)  # an inbox that is no folder: exit 2 with its message, no flow run
        check_rules(args.rules)
        server.wait_until_ready()
        with one_shot_run():
            state = nightly(inbox=args.inbox, out=args.out, return_state=True, **_options(args))
    outcomes = outcomes_of(state)
    _print_outcomes(outcomes, args.inbox, args.lang)
    from reconcile.ledger import incomplete_periods

    for period, missing in incomplete_periods(args.inbox):  # files still arriving: said, not an error
        print(
            f"  {period}  waiting  {args.inbox}/{period}/{missing}: belum ada berkas masukan"
            " / no input file there yet: not processed"
        )
    return exit_code(outcomes)


def _print_outcomes(outcomes: list[Any], inbox: str, lang: str = "id") -> None:
    """One line per period on stdout, its reports below, then the messages of a refused one."""
    for o in outcomes:
        print(f"  {o.period}  {o.action:<8} {o.reason}")
        for kind, path in o.reports.items():
            print(f"      {kind:<15} {path}")
        print_errors(o.errors, lang)
        print_notices(o.notices, lang)
    if not outcomes:
        print(f"  no period in {inbox}: expected {inbox}/<YYYY-MM>/payroll/ and .../bpjs/")


def print_errors(errors: Sequence[str], lang: str = "id") -> None:
    """The messages of a refused period under its line (which file, what was expected and found),
    in `lang`, and on stderr too when that goes somewhere else (a log that keeps only errors)."""
    for error in errors:
        print_loudly(f"      - {input_text(error, lang)}")


def print_notices(notices: Sequence[str], lang: str = "id") -> None:
    """What a period that went on must say (files left out, a month mismatch) in `lang`, like `recon run`."""
    for notice in notices:
        print_loudly(textwrap.indent(input_text(notice, lang), "      "))


def print_loudly(line: str) -> None:
    """`line` on stdout, and on stderr too unless both show in the same place (it would show twice)."""
    print(line)
    if not same_terminal():
        sys.stdout.flush()  # keeps the order where both are kept apart but read together
        print(line, file=sys.stderr)


def same_terminal() -> bool:
    """stdout and stderr end up in the same place: both on a terminal, or the same file or pipe
    (`2>&1`). A line printed on both would show twice there."""
    if sys.stdout.isatty() and sys.stderr.isatty():
        return True
    try:
        out, err = os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind one (a capture): keep both
        return False
    return (out.st_dev, out.st_ino) == (err.st_dev, err.st_ino)


def serve_command(args: argparse.Namespace) -> int:
    from flows.nightly import serve_nightly

    check_rules(args.rules)
    serve_nightly(
        args.inbox, args.out, name=args.name, cron=args.cron, timezone=args.timezone, **_options(args)
    )
    return 0


def explain_command(args: argparse.Namespace) -> int:
    from reconcile.ledger import add_annotation, check_finding_id, existing_ledger

    if not args.out and not args.ledger:
        raise InputError(
            "explain: expected --out DIR (the report folder) or --ledger PATH|URL, found neither"
        )
    note = "" if args.clear else args.note
    if not note.strip() and not args.clear:
        raise InputError("explain: --note: expected a text, found nothing (use --clear to withdraw a note)")
    ledger = existing_ledger(args.ledger, args.out)
    check_finding_id(ledger, args.finding_id, withdrawing=args.clear)
    add_annotation(ledger, args.finding_id, note, args.by)
    print(
        f"  {args.finding_id}: {'explanation withdrawn' if args.clear else 'explained'} ({Path(ledger.path)})"
    )
    return 0


def dispatch(args: argparse.Namespace) -> int | None:
    """Run one of this module's commands; None when `args.command` is not one of them."""
    handlers = {"nightly": nightly_command, "serve": serve_command, "explain": explain_command}
    handler = handlers.get(getattr(args, "command", ""))
    return None if handler is None else handler(args)
