"""`--rules FOLDER` on `recon run`, `recon nightly` and `recon employers`: an analyst's copy of the
rule tables is checked up front, used, recorded in the manifest and in the nightly's skip digest;
and a run says in its notices when it used unverified rule rows or reconciles a future month."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from reconcile.rules.rulebook import DEFAULT_DIRECTORY
from tests.builders import copy_shipped_rules
from tests.conftest import REPO

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture
def my_rules(tmp_path: Path) -> Path:
    """A copy of every shipped table, with a dearer BPU tariff from 2027-01 (JKK 1.2%, JKM 7,000)."""
    folder = copy_shipped_rules(tmp_path / "my-rules")
    _append(folder / "rules_bpu_tariff.csv", "2027-01,,1000000,0.012,7000,PP 99/2026,no,hypothetical")
    return folder


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def _run(period_folder: Path, out: Path, *options: str) -> int:
    from flows.cli import main

    period = period_folder.name
    return main(
        ["run", "--period", period, "--payroll", str(period_folder / "payroll"), "--participants"]
        + [str(period_folder / "bpjs"), "--out", str(out), *options]
    )


def _manifest(out: Path, period: str) -> dict:
    return json.loads((out / f"recon-{period}-manifest.json").read_text(encoding="utf-8"))


def test_run_uses_the_rules_folder_and_records_it(
    tmp_path: Path, my_rules: Path, tiny_period: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from reconcile.rules import RuleBook

    folder = tiny_period(tmp_path / "inbox", "2027-01")
    assert _run(folder, tmp_path / "shipped") == 0
    assert _run(folder, tmp_path / "mine", "--rules", str(my_rules)) == 0

    mine, shipped = _manifest(tmp_path / "mine", "2027-01"), _manifest(tmp_path / "shipped", "2027-01")
    assert mine["rule_tables"] == {
        "folder": str(my_rules.resolve()),
        "digest": RuleBook.load(my_rules).digest,
    }
    assert shipped["rule_tables"]["folder"] == str(DEFAULT_DIRECTORY)
    assert {r["regulation"] for r in mine["rules_used"] if r["table"] == "bpu_tariff"} == {"PP 99/2026"}
    assert mine["amounts"]["due_idr"] == 19_000 and shipped["amounts"]["due_idr"] == 16_800
    # the analyst's row is unverified: the run says so on the console and in the report
    notice = "Aturan rules_bpu_tariff.csv bracket=1000000 yang berlaku sejak 2027-01 (PP 99/2026)"
    assert any(n.startswith(notice) for n in mine["notices"])
    assert notice in capsys.readouterr().out


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda rules: rules.parent / "nowhere", "diharapkan folder berisi rules_pu_rates.csv"),
        (lambda rules: (rules / "rules_relief.csv").unlink() or rules, "kurang rules_relief.csv"),
        (
            lambda rules: (rules / "rules_late_fee.csv").write_text("effective_from\n") and rules,
            "rules_late_fee.csv: diharapkan kolom",
        ),
    ],
    ids=["missing-folder", "missing-table", "malformed-table"],
)
def test_a_bad_rules_folder_exits_2_naming_the_problem(
    tmp_path: Path,
    my_rules: Path,
    tiny_period: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], Path],
    expected: str,
) -> None:
    from flows.cli import main

    folder, rules = tiny_period(tmp_path / "inbox", "2024-05"), make(my_rules)
    out = tmp_path / "out"
    assert _run(folder, out, "--rules", str(rules)) == 2
    assert (
        main(["nightly", "--inbox", str(tmp_path / "inbox"), "--out", str(out), "--rules", str(rules)]) == 2
    )
    err = capsys.readouterr().err
    assert err.count(expected) == 2 and str(rules) in err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_future_period_says_which_rules_were_assumed(
    tmp_path: Path, tiny_period: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tiny_period(tmp_path / "inbox", "2099-01")
    assert _run(folder, tmp_path / "out", "--lang", "en") == 0
    notices = _manifest(tmp_path / "out", "2099-01")["notices"]
    assert any(
        re.match(r"Period 2099-01 is after the month of the run \(\d{4}-\d{2}\): the rules", n)
        for n in notices
    )
    assert "Period 2099-01 is after the month of the run" in capsys.readouterr().err


def test_nightly_reruns_a_period_when_a_table_of_its_rules_folder_changes(
    tmp_path: Path, my_rules: Path, tiny_period: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.cli import main

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    tiny_period(inbox, "2027-01")
    argv = ["nightly", "--inbox", str(inbox), "--out", str(out), "--rules", str(my_rules)]

    assert main(argv) == 0
    assert main(argv) == 0
    _append(my_rules / "rules_late_fee.csv", "2027-01,,0.03,PP 99/2026,no,hypothetical")
    assert main(argv) == 0

    actions = re.findall(r"2027-01\s+(ran|skipped)", capsys.readouterr().out)
    assert actions == ["ran", "skipped", "ran"]
    assert _manifest(out, "2027-01")["rule_tables"]["folder"] == str(my_rules.resolve())


def test_employers_take_a_rules_folder_per_employer_or_from_the_command(
    tmp_path: Path, my_rules: Path, tiny_period: Callable[..., Path]
) -> None:
    from flows.cli import main

    for name in ("pemprov", "kota"):
        tiny_period(tmp_path / "inbox" / name, "2027-01")
    registry = tmp_path / "registry.toml"
    registry.write_text(
        '[[employer]]\nname = "Pemprov"\ninbox = "inbox/pemprov"\nout = "out/pemprov"\n\n'
        '[[employer]]\nname = "Kota"\ninbox = "inbox/kota"\nout = "out/kota"\nrules = "my-rules"\n',
        encoding="utf-8",
    )
    assert main(["employers", "--registry", str(registry)]) == 0
    assert _manifest(tmp_path / "out/kota", "2027-01")["rule_tables"]["folder"] == str(my_rules.resolve())
    assert _manifest(tmp_path / "out/pemprov", "2027-01")["rule_tables"]["folder"] == str(DEFAULT_DIRECTORY)

    registry.write_text(registry.read_text(encoding="utf-8").replace("my-rules", "other-rules"))
    assert main(["employers", "--registry", str(registry)]) == 2  # a folder that is not there: refused
    assert main(["employers", "--registry", str(registry), "--rules", str(tmp_path / "nowhere")]) == 2


def test_the_deployment_and_prefect_yaml_take_the_rules_folder() -> None:
    from flows.nightly import nightly, serve_options

    deployment = nightly.to_deployment(**serve_options("/srv/inbox", "/srv/reports", rules="/srv/rules"))
    assert deployment.parameters["rules"] == "/srv/rules"
    assert deployment._parameter_openapi_schema.properties["rules"].get("description")
    config = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    (entry,) = config["deployments"]
    assert set(entry["parameters"]) == set(inspect.signature(nightly.fn).parameters)
