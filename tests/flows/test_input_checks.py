"""What the flow reads and refuses: other months' and hidden sheets, copies, one file on both sides,
every bad input at once, a period the rule tables do not cover, and no traceback for any of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from reconcile.errors import InputError
from tests.cli_runs import run_cli
from tests.conftest import SAMPLE

pytestmark = pytest.mark.usefixtures("prefect_harness")

SOSIAL = "dinas_sosial.xlsx"  # one sheet, "Feb 2018", titled "BULAN FEBRUARI 2018"


def _sample_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE / "payroll", data / "payroll")
    shutil.copytree(SAMPLE / "bpjs", data / "bpjs")
    return data


def _manifest(out: Path, period: str = "2018-02") -> dict:
    return json.loads((out / f"recon-{period}-manifest.json").read_text(encoding="utf-8"))


def _add_month_sheets(path: Path) -> None:
    """January's copy of the sheet (title and name say so), and a hidden copy of February's."""
    book = openpyxl.load_workbook(path)
    february = book.worksheets[0]
    january = book.copy_worksheet(february)
    january.title = "Jan 2018"
    for row in january.iter_rows(max_row=8):
        for cell in row:
            if isinstance(cell.value, str) and "FEBRUARI" in cell.value.upper():
                cell.value = "BULAN JANUARI 2018"
    hidden = book.copy_worksheet(february)
    hidden.title = "Arsip"
    hidden.sheet_state = "hidden"
    book.save(path)


@pytest.fixture(scope="module")
def plain_counts(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> dict[str, int]:
    out = tmp_path_factory.mktemp("plain")
    assert run_cli(SAMPLE, out) == 0
    return _manifest(out)["counts"]


def test_other_months_and_hidden_sheets_are_not_read_and_the_report_says_so(
    tmp_path: Path, plain_counts: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data = _sample_copy(tmp_path)
    _add_month_sheets(data / "payroll" / SOSIAL)
    out = tmp_path / "out"

    assert run_cli(data, out) == 0

    manifest = _manifest(out)
    assert manifest["counts"] == plain_counts  # no DUPLICATE_PAYROLL from January's or the hidden sheet
    assert manifest["balance"]["ok"] is True
    (sosial,) = [i for i in manifest["inputs"] if i["path"].endswith(SOSIAL)]
    assert [s["sheet"] for s in sosial["sheets"]] == ["Feb 2018"]
    assert [(s["sheet"], s["reason"], s["periods"]) for s in sosial["sheets_not_read"]] == [
        ("Jan 2018", "other_month", ["2018-01"]),
        ("Arsip", "hidden", ["2018-02"]),
    ]
    notices = [n for n in manifest["notices"] if SOSIAL in n]
    assert len(notices) == 2
    assert "'Jan 2018' (2018-01)" in notices[0] and "'Arsip'" in notices[1]
    assert "'Jan 2018' (2018-01)" in capsys.readouterr().out


def test_one_file_on_both_sides_is_refused_naming_both_roles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE / "bpjs", data / "payroll")
    shutil.copytree(SAMPLE / "bpjs", data / "bpjs")

    assert run_cli(data, tmp_path / "out", "--allow-partial") == 2

    err = capsys.readouterr().err
    assert "payroll/rincian_iuran_201802.xlsx" in err and "bpjs/rincian_iuran_201802.xlsx" in err
    assert "satu berkas tidak bisa sekaligus menjadi daftar gaji dan daftar BPJS" in err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


def test_a_copy_under_another_name_is_refused_or_left_out_with_allow_partial(
    tmp_path: Path, plain_counts: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data = _sample_copy(tmp_path)
    shutil.copy(data / "payroll" / SOSIAL, data / "payroll" / "dinas_sosial (1).xlsx")
    out = tmp_path / "out"

    assert run_cli(data, out) == 2
    err = capsys.readouterr().err
    assert (
        "payroll/dinas_sosial.xlsx: isinya sama" in err
        and "dengan " in err
        and "dinas_sosial (1).xlsx" in err
    )

    assert run_cli(data, out, "--allow-partial") == 0
    manifest = _manifest(out)
    assert manifest["counts"] == plain_counts
    assert manifest["complete"] is True  # nothing is missing: the copy's rows are read from the original
    assert [Path(d["path"]).name for d in manifest["duplicate_inputs"]] == [SOSIAL]
    assert any("dinas_sosial (1).xlsx" in n and SOSIAL in n for n in manifest["notices"])


#: What the refusals of the run below say, in each language (Indonesian by default).
BAD_INPUTS_SAID = {
    "id": (
        "hilang.xlsx: tidak ditemukan",
        "rusak.xlsx: ditemukan halaman HTML/XML, bukan workbook Excel",
        "kosong: folder ini tidak berisi berkas input; diharapkan berkas .xlsx, .xlsm atau .csv",
    ),
    "en": (
        "hilang.xlsx: not found",
        "rusak.xlsx: found an HTML",
        "kosong: the folder holds no input file",
    ),
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_bad_input_is_reported_at_once_with_a_missing_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    from flows.cli import main

    bad = tmp_path / "rusak.xlsx"
    bad.write_text("<html>laporan</html>", encoding="utf-8")
    empty = tmp_path / "kosong"
    empty.mkdir()
    out = tmp_path / "out"

    code = main(
        [
            "run",
            "--period",
            "2018-02",
            "--payroll",
            str(tmp_path / "hilang.xlsx"),
            str(bad),
            str(SAMPLE / "payroll"),
            "--participants",
            str(empty),
            str(SAMPLE / "bpjs"),
            "--out",
            str(out),
            *(["--lang", "en"] if lang == "en" else []),
        ]
    )

    assert code == 2
    err = capsys.readouterr().err
    for said in BAD_INPUTS_SAID[lang]:
        assert said in err
    assert "Traceback" not in err and not out.exists()


def test_a_period_the_rule_tables_do_not_cover_is_exit_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(SAMPLE, tmp_path / "out", period="2014-06") == 2

    err = capsys.readouterr().err
    said = "rules_bpu_tariff.csv: diharapkan rentang tarif BPU yang berlaku pada 2014-06, tidak ditemukan"
    assert said in err
    assert "Traceback" not in err
    assert "tampaknya untuk periode" not in err  # refused before any file was read


def test_a_payroll_file_for_another_month_is_refused_unless_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(SAMPLE, tmp_path / "out", period="2018-03") == 2

    err = capsys.readouterr().err
    assert f"payroll/{SOSIAL}: berkas daftar gaji ini tampaknya untuk periode 2018-02, bukan 2018-03" in err


def test_an_input_error_inside_the_reconcile_task_comes_back_as_a_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import flows.reconcile_period as period_flow

    def gap(*args: object, **kwargs: object) -> None:
        raise InputError("expected a row in force at 2014-06, found none", path="rules_benefits.csv")

    monkeypatch.setattr(period_flow, "reconcile", gap)

    value = period_flow.reconcile_task.fn([], "2014-06", None, None, None, "run", "id")  # type: ignore[arg-type]

    assert isinstance(value, InputError) and "rules_benefits.csv" in str(value)


def _participant_list_of(detail: Path, path: Path) -> None:
    """The participant list (daftar peserta) of a contribution detail: its columns up to STATUS."""
    book = openpyxl.load_workbook(detail)
    sheet = book.worksheets[0]
    header = next(r for r in sheet.iter_rows() if any(c.value == "STATUS" for c in r))
    status = next(c.column for c in header if c.value == "STATUS")
    sheet.delete_cols(status + 1, sheet.max_column - status)
    book.save(path)


def test_the_participant_list_beside_the_contribution_detail_is_refused_or_left_out(
    tmp_path: Path, plain_counts: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data = _sample_copy(tmp_path)
    _participant_list_of(data / "bpjs" / "rincian_iuran_201802.xlsx", data / "bpjs" / "daftar_peserta.xlsx")
    out = tmp_path / "out"

    assert run_cli(data, out) == 2
    err = capsys.readouterr().err
    assert "bpjs/daftar_peserta.xlsx: berkas ini daftar peserta BPJS" in err
    assert "rincian_iuran_201802.xlsx adalah rincian iuran" in err and "KPJ dan" in err
    assert not out.exists()

    assert run_cli(data, out, "--allow-partial") == 0
    manifest = _manifest(out)
    assert manifest["counts"] == plain_counts  # no DUPLICATE_PARTICIPANT for everyone
    assert [Path(e["path"]).name for e in manifest["excluded_inputs"]] == ["daftar_peserta.xlsx"]
    assert "rincian_iuran_201802.xlsx" in manifest["excluded_inputs"][0]["consequence"]


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("notanaddress", "diharapkan local atau alamat penjadwal Dask"),
        ("tcp://127.0.0.1:1", "tidak ada penjadwal Dask yang menjawab"),
    ],
)
def test_a_dask_address_that_is_malformed_or_silent_is_exit_2_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str, said: str
) -> None:
    from flows.cli import main

    out = tmp_path / "out"
    args = ["--payroll", str(SAMPLE / "payroll"), "--participants", str(SAMPLE / "bpjs"), "--out", str(out)]
    assert main(["run", "--period", "2018-02", *args, "--dask", address]) == 2
    err = capsys.readouterr().err
    assert said in err and address in err and "Traceback" not in err and not out.exists()


def test_a_total_row_the_rows_do_not_add_up_to_is_said_in_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _sample_copy(tmp_path)
    book = openpyxl.load_workbook(data / "payroll" / SOSIAL)
    sheet = book.worksheets[0]
    first_worker = next(r for r in range(1, 20) if len(str(sheet.cell(r, 3).value)) == 16)  # a NIK
    sheet.delete_rows(first_worker)  # a row deleted after the JUMLAH row was typed
    book.save(data / "payroll" / SOSIAL)
    out = tmp_path / "out"

    assert run_cli(data, out) == 0

    manifest = _manifest(out)
    (notice,) = [n for n in manifest["notices"] if "JUMLAH" in n]
    assert f"payroll/{SOSIAL}, sheet 'Feb 2018' baris " in notice and "selisih -Rp" in notice
    (sosial,) = [i for i in manifest["inputs"] if i["path"].endswith(SOSIAL)]
    (differs,) = sosial["sheets"][0]["totals_not_matching_rows"]
    assert differs["label"] == "JUMLAH" and differs["stated"] > differs["rows_sum"]
    assert manifest["balance"]["ok"] is True
    assert notice in capsys.readouterr().out


def test_a_payroll_of_one_unit_against_the_whole_bpjs_list_is_said_to_look_partial(tmp_path: Path) -> None:
    data = _sample_copy(tmp_path)
    for other in (data / "payroll").iterdir():
        if other.name != SOSIAL:
            other.unlink()
    out = tmp_path / "out"

    assert run_cli(data, out) == 0

    partial = [n for n in _manifest(out)["notices"] if "tidak ada di daftar gaji yang diberikan" in n]
    assert len(partial) == 1 and "(1 unit: DINAS SOSIAL)" in partial[0]


def test_a_whole_payroll_is_not_said_to_look_partial_and_thresholds_are_recorded(tmp_path: Path) -> None:
    config = tmp_path / "tolerances.toml"
    config.write_text("premium_tolerance_idr = 500\n", encoding="utf-8")
    out = tmp_path / "out"

    assert run_cli(SAMPLE, out, "--config", str(config)) == 0

    manifest = _manifest(out)
    assert not [n for n in manifest["notices"] if "daftar gaji yang diberikan" in n]
    assert manifest["config"]["premium_tolerance_idr"] == 500
    assert manifest["config"]["partial_payroll_share"] == 0.25
