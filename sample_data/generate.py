"""Command line: write a sample bundle of payroll files, one BPJS contribution detail and the answer key.

    python -m sample_data.generate --out DIR --period 2018-02 --workers 2700 --seed 7 \
        [--style lampung|alt] [--csv-share 0.0] [--count KIND=N ...]

Same arguments, same bundle: the truth files are byte-identical and so are the xlsx files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sample_data.anomalies import KINDS
from sample_data.bundle import generate_bundle


def _parse_counts(items: list[str]) -> dict[str, int]:
    counts = {}
    for item in items:
        kind, _, n = item.partition("=")
        if kind not in KINDS or not n.isdigit():
            raise argparse.ArgumentTypeError(
                f"--count wants KIND=N with KIND in {', '.join(KINDS)}; got {item!r}"
            )
        counts[kind] = int(n)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sample_data.generate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--period", default="2018-02")
    parser.add_argument("--workers", type=int, default=2700)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--style", choices=["lampung", "alt"], default="lampung")
    parser.add_argument("--csv-share", type=float, default=0.0)
    parser.add_argument(
        "--count",
        action="append",
        default=[],
        metavar="KIND=N",
        help=f"override a planted count; kinds: {', '.join(KINDS)}",
    )
    args = parser.parse_args(argv)
    try:
        counts = _parse_counts(args.count)
        summary = generate_bundle(
            args.out,
            period=args.period,
            workers=args.workers,
            seed=args.seed,
            style=args.style,
            csv_share=args.csv_share,
            counts=counts,
        )
    except (ValueError, argparse.ArgumentTypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"wrote {len(summary.files)} files to {args.out}: {summary.payroll_rows} payroll rows, "
        f"{summary.bpjs_rows} BPJS rows"
    )
    for category, n in summary.findings.items():
        print(f"  {category:<22} {n}")
    print("  pairs by tier: " + ", ".join(f"{t}={n}" for t, n in summary.tiers.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
