"""Benchmark: our tiered identity resolution against Splink (DuckDB, Fellegi-Sunter) on N x N rows.

    PYTHONPATH=. python benchmarks/identity_vs_splink.py --people 100000

Both see the same synthetic lists (tests/identity/synthetic.py: ~2% of people per dirty-key
kind) and are scored against the planted true pairs: pairing precision, recall, F1 and seconds.
Splink is an optional benchmark dependency (`pip install splink`), never a runtime one; without it
only our side runs. Splink gets our normalised name keys, so the comparison is of the linkage
method, not of name cleaning.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from reconcile.config import ReconConfig
from reconcile.identity import match_identities, name_keys
from tests.identity.synthetic import generate


def f1(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> tuple[float, float, float]:
    hit = len(found & truth)
    precision = hit / len(found) if found else 0.0
    recall = hit / len(truth) if truth else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if hit else 0.0)


def run_splink(payroll: pd.DataFrame, bpjs: pd.DataFrame, threshold: float) -> set[tuple[int, int]]:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    def table(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "unique_id": frame.index.to_numpy(),
                "nik": frame["nik"].where(frame["nik_valid"] | frame["nik"].str.len().eq(16)),
                "kpj": frame["kpj"].where(frame["kpj_valid"].astype(bool)),
                "name": name_keys(frame["name"]).replace("", None),
                "birth_date": frame["birth_date"].dt.strftime("%Y-%m-%d"),
            }
        )

    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.DamerauLevenshteinAtThresholds("nik", [1]),
            cl.ExactMatch("kpj"),
            cl.JaroWinklerAtThresholds("name", [0.95, 0.88]),
            cl.ExactMatch("birth_date"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("nik"),
            block_on("kpj"),
            block_on("birth_date"),
            block_on("substr(nik, 1, 8)"),
            block_on("substr(nik, 9, 8)"),
        ],
        retain_matching_columns=False,
    )
    db = DuckDBAPI()
    left = db.register(table(payroll), table_name="payroll")
    right = db.register(table(bpjs), table_name="bpjs")
    linker = Linker([left, right], settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match([block_on("nik")], recall=0.95)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("nik"))
    predictions = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()
    pairs = set()
    for row in predictions.itertuples():
        left_first = row.source_dataset_l == "payroll"
        p, b = (row.unique_id_l, row.unique_id_r) if left_first else (row.unique_id_r, row.unique_id_l)
        pairs.add((int(p), int(b)))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2700)
    parser.add_argument("--dirty", type=float, default=0.02, help="share of people per dirty-key kind")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--splink-threshold", type=float, default=0.9)
    args = parser.parse_args()

    data = generate(n_people=args.people, seed=args.seed, dirty=args.dirty)
    truth = set(zip(data.truth["payroll_idx"], data.truth["bpjs_idx"], strict=True))
    print(f"payroll rows {len(data.payroll):,}, BPJS rows {len(data.bpjs):,}, true pairs {len(truth):,}")

    start = time.perf_counter()
    ours = match_identities(data.payroll, data.bpjs, ReconConfig())
    seconds = time.perf_counter() - start
    found = set(zip(ours.pairs["payroll_idx"], ours.pairs["bpjs_idx"], strict=True))
    p, r, f = f1(found, truth)
    print(f"ours        precision {p:.4f} recall {r:.4f} F1 {f:.4f}  {seconds:6.2f} s")
    nik_pairs = ours.pairs[ours.pairs["match_method"] == "nik"]
    exact = set(zip(nik_pairs["payroll_idx"], nik_pairs["bpjs_idx"], strict=True))
    print("exact NIK   precision {:.4f} recall {:.4f} F1 {:.4f}".format(*f1(exact, truth)))

    try:
        import splink  # noqa: F401
    except ImportError:
        print("splink is not installed (optional: pip install splink); skipping the Splink comparison")
        return
    start = time.perf_counter()
    theirs = run_splink(data.payroll, data.bpjs, args.splink_threshold)
    seconds = time.perf_counter() - start
    p, r, f = f1(theirs, truth)
    print(f"splink      precision {p:.4f} recall {r:.4f} F1 {f:.4f}  {seconds:6.2f} s")


if __name__ == "__main__":
    main()
