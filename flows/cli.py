"""`recon`: the command line of ../shared/CONTRACT.md. Errors are translated to exit codes here only.

Exit codes: 0 the run finished, whatever it found; 2 unusable input or arguments; 1 internal error.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import socket
import sys
import tempfile
import traceback
from collections.abc import Sequence
from typing import Any

from flows import nightly_cli
from flows.settings import one_shot_run
from reconcile.errors import InputError, ReconError
from reconcile.input_text import input_text

#: Commands that run one flow under `flows.settings.one_shot_run` and exit.
ONE_SHOT_COMMANDS = ("run", "nightly", "employers")
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class _Parser(argparse.ArgumentParser):
    def parse_args(self, args: Sequence[str] | None = None, namespace: None = None) -> argparse.Namespace:  # type: ignore[override]
        """As argparse's, but an unknown option's message names the sub-command's help."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self._fail(f"unrecognized arguments: {' '.join(extras)}", getattr(parsed, "command", None))
        return parsed

    def error(self, message: str) -> None:  # type: ignore[override]
        self._fail(message, None)

    def _fail(self, message: str, command: str | None) -> None:
        """InputError pointing at `recon <command> --help` (`recon --help` when no command is known)."""
        words = self.prog.split()
        if command and len(words) == 1:
            words.append(command)
        raise InputError(f"{message} (see `{' '.join(words)} --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="recon", description="Reconcile payrolls against BPJS Ketenagakerjaan lists.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = sub.add_parser("run", help="reconcile one period")
    run.add_argument("--period", required=True, help="the month, YYYY-MM")
    run.add_argument("--payroll", required=True, nargs="+", metavar="PATH", help="payroll files or folders")
    run.add_argument("--participants", required=True, nargs="+", metavar="PATH", help="BPJS files or folders")
    run.add_argument("--out", required=True, metavar="DIR", help="folder for the reports")
    nightly_cli.add_report_options(run)
    run.add_argument("--dask", metavar="ADDRESS|local", help="run the tasks on a Dask cluster")
    run.add_argument(
        "--allow-partial",
        action="store_true",
        help="process the usable files when some are unusable; the report lists those left out",
    )
    run.add_argument(
        "--accept-period-mismatch",
        action="store_true",
        help="go on when an input file seems to be for another month than --period (with a notice)",
    )
    nightly_cli.add_commands(sub)
    many = sub.add_parser("employers", help="reconcile many employers in parallel, each with its own inbox")
    many.add_argument("--registry", required=True, metavar="FILE", help="TOML file of [[employer]] tables")
    many.add_argument("--lang", choices=["id", "en"], default="id", help="report language (default id)")
    many.add_argument("--dask", metavar="ADDRESS|local", help="run the employers on a Dask cluster")
    nightly_cli.add_rules_option(many)
    return parser


def _check_period(period: str) -> None:
    if not _PERIOD.match(period):
        raise InputError(f"--period: expected YYYY-MM (e.g. 2018-02), found {period!r}")


def _task_runner(dask: str | None) -> object | None:
    if not dask:
        return None
    from prefect_dask import DaskTaskRunner

    if dask == "local":
        return DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True})
    return DaskTaskRunner(address=dask)


#: How long --dask ADDRESS may take to accept a connection before the run is refused.
DASK_CONNECT_SECONDS = 5.0


def _check_dask_address(address: str | None) -> None:
    """A scheduler address that is malformed, or a TCP one that accepts no connection: exit 2 now,
    not a traceback after Dask's own 30 s timeout."""
    if not address or address == "local":
        return
    from distributed.comm.addressing import parse_address, parse_host_port

    expected = "expected local or a Dask scheduler address such as tcp://10.0.0.5:8786"
    try:
        scheme, location = parse_address(address)
        host, port = parse_host_port(location) if scheme == "tcp" else (None, None)
    except ValueError as e:
        raise InputError(f"--dask: {expected}, found {address!r} ({e})") from None
    if host is None:
        return  # tls://, ucx://, inproc://: Dask itself checks them
    try:
        socket.create_connection((host, port), timeout=DASK_CONNECT_SECONDS).close()
    except OSError as e:
        raise InputError(
            f"--dask: no Dask scheduler answers at {address} ({e.strerror or e}); "
            f"start one (dask scheduler) or give another address; {expected}"
        ) from None


def run_command(args: argparse.Namespace) -> int:
    _check_period(args.period)
    nightly_cli.check_rules(args.rules)  # a bad rules folder: exit 2 before any server starts
    _check_dask_address(args.dask)
    from flows.temporary_server import temporary_server

    with temporary_server() as server:  # boots while the flow's modules are imported
        from flows.reconcile_period import reconcile_period
        from flows.summary_text import summary_lines
        from reconcile.report import check_output_folder

        check_output_folder(args.out, args.lang)  # --out naming a file: exit 2 before the run

        flow_fn = reconcile_period
        runner = _task_runner(args.dask)
        if runner is not None:
            flow_fn = reconcile_period.with_options(task_runner=runner)  # type: ignore[arg-type]
        server.wait_until_ready()
        with one_shot_run():
            outcome = flow_fn(
                period=args.period,
                payroll=list(args.payroll),
                participants=list(args.participants),
                out=args.out,
                policy=args.policy,
                config=args.config,
                lang=args.lang,
                mask_nik=args.mask_nik,
                ledger=args.ledger,
                allow_partial=args.allow_partial,
                accept_period_mismatch=args.accept_period_mismatch,
                rules=args.rules,
            )
    if outcome.refused:
        print("Input tidak dapat digunakan / unusable input (no report written):", file=sys.stderr)
        for error in outcome.errors:
            print(f"  - {input_text(error, args.lang)}", file=sys.stderr)
        return 2
    assert outcome.result is not None
    print()
    for line in summary_lines(outcome.result, args.lang):
        print(line)
    print()
    for kind in ("xlsx", "exceptions_csv", "matches_csv", "manifest"):
        print(f"  {kind:<15} {outcome.outputs[kind]}")
    for line in outcome.notices:  # left-out files, accepted period mismatches, rules: loudly
        nightly_cli.print_loudly(input_text(line, args.lang))  # on stderr too where a log keeps only that
    if not outcome.result.balanced:
        print(
            "ERROR: row balance failed: some input rows are unaccounted for (see manifest).", file=sys.stderr
        )
        return 1
    return 0


def employers_command(args: argparse.Namespace) -> int:
    from flows.employers import employers, load_registry

    nightly_cli.check_rules(args.rules)  # bad rules folder or registry: exit 2 before any server starts
    for employer in load_registry(args.registry):
        nightly_cli.check_rules(employer.rules)
    _check_dask_address(args.dask)
    from flows.temporary_server import temporary_server

    flow_fn = employers
    runner = _task_runner(args.dask)
    if runner is not None:
        flow_fn = employers.with_options(task_runner=runner)  # type: ignore[arg-type]
    with temporary_server() as server:
        server.wait_until_ready()
        with one_shot_run():
            outcomes = flow_fn(registry=args.registry, lang=args.lang, rules=args.rules)
    from flows.period_outcome import exit_code

    for name, periods in outcomes.items():
        for p in periods:
            print(f"  {name:<30} {p.period}  {p.action:<8} {p.reports.get('xlsx', '') or p.reason}")
            nightly_cli.print_errors(p.errors, args.lang)
    return exit_code([p for periods in outcomes.values() for p in periods])


def _lang(args: argparse.Namespace | None, argv: Sequence[str] | None) -> str:
    """The language of the run's messages: its --lang, also when the arguments did not parse."""
    if args is not None:
        return str(getattr(args, "lang", "id"))
    words = list(sys.argv[1:] if argv is None else argv)
    given = [w.split("=", 1)[1] for w in words if w.startswith("--lang=")]
    given += [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--lang"]
    return given[-1] if given else "id"


def main(argv: Sequence[str] | None = None) -> int:
    args: argparse.Namespace | None = None
    try:
        args = build_parser().parse_args(argv)
        if (code := nightly_cli.dispatch(args)) is not None:
            return code
        if args.command == "run":
            return run_command(args)
        if args.command == "employers":
            return employers_command(args)
        raise InputError(f"unknown command {args.command}")
    except ReconError as e:
        print(f"recon: {input_text(str(e), _lang(args, argv))}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("recon: interrupted", file=sys.stderr)
        return 1
    except Exception:
        with tempfile.NamedTemporaryFile("w", prefix="recon-error-", suffix=".log", delete=False) as log:
            traceback.print_exc(file=log)
        print(f"recon: internal error; details in {log.name}", file=sys.stderr)
        return 1


class _ReaderMayStop:
    """stdout for a reader that may stop early (`recon run ... | head -2`): once the pipe is closed,
    later output goes nowhere instead of raising BrokenPipeError, so a finished run keeps its exit
    code (and its outputs) rather than becoming an "internal error"."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            self._discard_from_now_on()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._discard_from_now_on()

    def _discard_from_now_on(self) -> None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self._stream.fileno())  # the buffered text now flushes into /dev/null
        os.close(devnull)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def console() -> None:
    """The `recon` command: `main`, then exit without freeing every object one by one.

    - At exit Python collects every object it still holds: after a run that is ~0.6 s of a tiny
      reconciliation's 3 s. Freezing them first skips that; files are closed and written by then.
    - The command never synthesises test data, so hypothesis (installed with the test extras) is
      hidden from it: pandera's first validation would import it for its data-synthesis
      strategies, 0.12 s. pandera works without it, as in an install without the test extras.
    - A command that runs one flow and exits imports with the garbage collector off (~0.25 s
      less); `flows.settings.one_shot_run` switches it on before the run.
    """
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]
    sys.stdout = _ReaderMayStop(sys.stdout)  # type: ignore[assignment]
    if sys.argv[1:2] and sys.argv[1] in ONE_SHOT_COMMANDS:
        gc.disable()
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    console()
