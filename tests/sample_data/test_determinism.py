"""Same arguments, same bytes; another seed, other people."""

from __future__ import annotations

from pathlib import Path

from sample_data import generate_bundle
from sample_data.generate import main


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    generate_bundle(a, workers=400, seed=5)
    generate_bundle(b, workers=400, seed=5)
    assert _files(a) == _files(b)


def test_other_seed_gives_other_truth(tmp_path: Path) -> None:
    generate_bundle(tmp_path / "a", workers=400, seed=5)
    generate_bundle(tmp_path / "b", workers=400, seed=6)
    assert (tmp_path / "a/truth.csv").read_bytes() != (tmp_path / "b/truth.csv").read_bytes()


def test_committed_bundle_is_reproducible(tmp_path: Path, bundle: Path) -> None:
    assert main(["--out", str(tmp_path), "--period", "2018-02", "--workers", "2700", "--seed", "7"]) == 0
    assert _files(tmp_path) == _files(bundle)


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path), "--period", "2018-13"]) == 2
    assert main(["--out", str(tmp_path), "--count", "nonsense=3"]) == 2
