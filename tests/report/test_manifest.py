"""manifest.json: the keys other tools read, the balance check, versions, and extra keys merged in."""

from __future__ import annotations

import json

from reconcile.categories import CATEGORY_ORDER
from tests.report.fixtures import make_result
from tests.report.golden import assert_golden


def _keys(data, prefix=""):
    """Key paths of nested dicts (first list element stands for the list)."""
    out = []
    if isinstance(data, dict):
        for key, value in data.items():
            out.append(prefix + key)
            out += _keys(value, prefix + key + ".")
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        out += _keys(data[0], prefix + "[].")
    return out


def _manifest(paths):
    return json.loads(paths.manifest.read_text(encoding="utf-8"))


def test_manifest_keys_golden(write):
    manifest = _manifest(write())
    # Versions differ between machines; their presence is checked below, not their values.
    keys = [k for k in _keys(manifest) if not k.startswith("versions.")]
    assert_golden("manifest_keys", keys)


def test_manifest_content(write, result):
    paths = write(result)
    manifest = _manifest(paths)
    assert manifest["period"] == "2018-02"
    assert manifest["generated_at"] == "2018-03-01T09:30:00+07:00"
    assert list(manifest["counts"]) == [str(c) for c in CATEGORY_ORDER]
    assert manifest["counts"]["UNREGISTERED"] == 13
    assert manifest["inputs"][0]["rows"] == {"paired": 80, "findings_only": 20, "rejected": 3, "no_action": 0}
    assert manifest["inputs"][0]["sha256"] == "a" * 64
    assert manifest["balance"] == {
        "files": [
            {"path": "payroll/Dinas Kesehatan.xlsx", "kind": "payroll", "balanced": True},
            {"path": "bpjs/rincian-iuran-2018-02.xlsx", "kind": "bpjs", "balanced": True},
        ],
        "ok": True,
    }
    assert manifest["amounts"]["overpayment_per_year_idr"] == 104_400 * 12
    assert manifest["outputs"]["xlsx"] == paths.xlsx.name == "recon-2018-02.xlsx"
    assert manifest["rules_used"][0]["table"] == "bpu_tariff"
    assert {"python", "pandas", "openpyxl", "bpjs-recon"} <= set(manifest["versions"])


def test_unbalanced_result_is_reported(write):
    manifest = _manifest(write(make_result(balanced=False)))
    assert manifest["balance"]["ok"] is False
    assert manifest["inputs"][1]["balanced"] is False


def test_extra_manifest_is_merged_and_text_is_utf8(write):
    paths = write(extra_manifest={"flow": {"name": "recon-run"}, "outputs": {"note": "Pemda Lampung – ✓"}})
    text = paths.manifest.read_text(encoding="utf-8")
    manifest = json.loads(text)
    assert manifest["flow"] == {"name": "recon-run"}
    assert manifest["outputs"]["note"] == "Pemda Lampung – ✓"
    assert manifest["outputs"]["xlsx"] == "recon-2018-02.xlsx"  # merged, not replaced
    assert "✓" in text  # ensure_ascii=False
    assert list(manifest)[:3] == ["period", "run_id", "generated_at"]
