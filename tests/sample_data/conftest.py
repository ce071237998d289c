"""Shared fixtures: the committed bundle, and small fresh bundles in both styles."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sample_data import generate_bundle

BUNDLE = Path(__file__).resolve().parents[2] / "sample_data" / "2018-02"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def bundle() -> Path:
    return BUNDLE


@pytest.fixture(scope="session")
def alt_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("alt")
    # 900 workers: 3 units, so one can be CSV while another keeps numeric NIKs
    generate_bundle(out, workers=900, seed=11, style="alt", csv_share=0.34)
    return out
