"""Never overwrite: a second run writes v2 (all four files), atomically, even when runs race."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from reconcile.errors import InputError
from reconcile.report.output_names import next_version


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_second_run_writes_v2_and_leaves_first_untouched(write, tmp_path):
    first = write()
    before = {p: _digest(p) for p in first.all()}
    second = write()
    assert second.version == 2
    assert [p.name for p in second.all()] == [
        "recon-2018-02-v2.xlsx",
        "recon-2018-02-v2-exceptions.csv",
        "recon-2018-02-v2-matches.csv",
        "recon-2018-02-v2-manifest.json",
    ]
    assert {p: _digest(p) for p in first.all()} == before
    assert write().version == 3


def test_any_existing_name_moves_the_version(tmp_path, write):
    out = tmp_path / "out"
    out.mkdir()
    (out / "recon-2018-02-matches.csv").write_text("someone else's file")
    paths = write(out_dir=out)
    assert paths.version == 2
    assert (out / "recon-2018-02-matches.csv").read_text() == "someone else's file"


def test_next_version_is_above_the_highest(tmp_path):
    (tmp_path / "recon-2018-02-v7-manifest.json").write_text("{}")
    (tmp_path / "recon-2018-03.xlsx").write_text("")  # another period does not count
    assert next_version(tmp_path, "2018-02") == 8
    assert next_version(tmp_path, "2018-03") == 2


def test_no_temporary_files_left(write):
    paths = write()
    names = sorted(p.name for p in paths.xlsx.parent.iterdir() if not p.name.startswith(".recon.lock"))
    assert names == sorted(p.name for p in paths.all())


def test_concurrent_runs_get_distinct_versions(write, tmp_path):
    out = tmp_path / "race"
    with ThreadPoolExecutor(max_workers=4) as pool:
        versions = sorted(pool.map(lambda _: write(out_dir=out).version, range(4)))
    assert versions == [1, 2, 3, 4]
    assert len(list(out.glob("recon-*"))) == 16


def test_unwritable_out_dir_is_an_input_error(write, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError) as error:
        write(out_dir=blocker / "out")
    assert error.value.exit_code == 2
    assert "a-file" in str(error.value)
    assert blocker.read_text() == "not a folder"


def test_failure_while_writing_leaves_no_file(write, tmp_path, monkeypatch):
    import reconcile.report.outputs as module

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "write_matches_csv", disk_full)
    out = tmp_path / "full"
    with pytest.raises(InputError, match="No space left"):
        write(out_dir=out)
    assert [p.name for p in out.iterdir()] == []
