"""The hostile and broken workbook corpus: every case has a specified behaviour.

Refused cases raise InputError (exit 2) naming the file and saying what to do; odd-but-legitimate
cases are read correctly. The corpus is generated into tmp_path, never stored.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile.errors import InputError
from reconcile.readers import read_input
from tests.conftest import REPO
from tests.hostile import corpus as c

_LAUGHS = (
    '<!DOCTYPE sst [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + "]>"
).replace("&lol0;", "&lol;")
_QUADRATIC = f'<!DOCTYPE sst [<!ENTITY a "{"A" * 50_000}">]>'
_XXE = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
_SHARED_CELL = ("s", ' t="s"><v>0</v>')


def _with_shared(prolog: str, text: str) -> tuple[str, str]:
    rows = [*c.good_rows(), [3, _SHARED_CELL, "1871010101900003"]]
    return c.sheet_xml(rows), c.shared_strings_xml([text], prolog=prolog)


def build_billion_laughs(d: Path) -> Path:
    sheet, shared = _with_shared(_LAUGHS, "&lol9;")
    return c.xlsx(d / "billion_laughs.xlsx", sheet, shared=shared)


def build_quadratic(d: Path) -> Path:
    sheet, shared = _with_shared(_QUADRATIC, "&a;" * 50_000)
    return c.xlsx(d / "quadratic_blowup.xlsx", sheet, shared=shared)


def build_xxe(d: Path) -> Path:
    rows = [*c.good_rows(), [3, ("x", ' t="inlineStr"><is><t>&xxe;</t></is>'), "1871010101900003"]]
    sheet = c.sheet_xml(rows).replace('standalone="yes"?>', 'standalone="yes"?>' + _XXE, 1)
    return c.xlsx(d / "xxe.xlsx", sheet)


_ROW_BLOCK = b'<row><c t="n"><v>1</v></c><c t="n"><v>2</v></c></row>' * 20_000  # ~1 MB


def _bomb(d: Path, name: str, declared_size: int | None) -> Path:
    head = c.sheet_xml([c.HEADER]).split("</sheetData>")[0].encode()
    sheet = c.repeated_member(
        "xl/worksheets/sheet1.xml", head, _ROW_BLOCK, 3_000, b"</sheetData></worksheet>"
    )
    sheet.declared_size = declared_size
    return c.xlsx(d / name, None, extra=[sheet])


def build_zip_bomb(d: Path) -> Path:
    """~9 MB on disk, 3 GB of sheet XML (100M rows), sizes declared honestly."""
    return _bomb(d, "zip_bomb.xlsx", None)


def build_lying_zip_bomb(d: Path) -> Path:
    """The same, but the directory claims 20 MB: only the sandbox can stop it."""
    return _bomb(d, "lying_zip_bomb.xlsx", 20 << 20)


def build_far_corner(d: Path) -> Path:
    corner = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return c.xlsx(d / "far_corner.xlsx", c.sheet_xml(c.good_rows(), extra_cells=corner))


def build_truncated(d: Path) -> Path:
    good = c.xlsx(d / "whole.xlsx", c.sheet_xml(c.good_rows()))
    data = good.read_bytes()
    good.unlink()
    path = d / "truncated.xlsx"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def build_password_protected(d: Path) -> Path:
    path = d / "password.xlsx"  # an encrypted xlsx is an OLE2 compound file holding EncryptedPackage
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    )
    return path


def build_legacy_xls_renamed(d: Path) -> Path:
    path = d / "legacy_renamed.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le"))
    return path


def build_html_renamed(d: Path) -> Path:
    path = d / "web_export.xlsx"
    path.write_text(
        "\ufeff<!DOCTYPE html><html><body><table><tr><td>NIK</td><td>NAMA</td></tr></table></body></html>",
        encoding="utf-8",
    )
    return path


def build_empty(d: Path) -> Path:
    path = d / "empty.xlsx"
    path.write_bytes(b"")
    return path


def build_no_header(d: Path) -> Path:
    rows = [["LAPORAN BULANAN"], ["Nomor", "Pegawai", "Identitas"], [1, "A", "X"]]
    return c.xlsx(d / "no_header.xlsx", c.sheet_xml(rows))


#: name -> (builder, text the message must hold). Each must exit 2 naming the file.
REFUSED = {
    "billion_laughs": (build_billion_laughs, "declares XML entities"),
    "quadratic_blowup": (build_quadratic, "declares XML entities"),
    "xxe": (build_xxe, "declares XML entities"),
    "zip_bomb": (build_zip_bomb, "a zip bomb"),
    "lying_zip_bomb": (build_lying_zip_bomb, "ask the office"),
    "far_corner": (build_far_corner, "XFD1048576"),
    "truncated": (build_truncated, "cut short"),
    "password_protected": (build_password_protected, "remove the password"),
    "legacy_xls_renamed": (build_legacy_xls_renamed, "save it as .xlsx"),
    "html_renamed": (build_html_renamed, "HTML"),
    "empty": (build_empty, "empty"),
    "no_header": (build_no_header, "no header found"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_with_a_message_naming_the_file(tmp_path: Path, case: str) -> None:
    build, expected = REFUSED[case]
    path = build(tmp_path)

    with pytest.raises(InputError) as info:
        read_input(path, f"inbox/{path.name}", "payroll")

    message = str(info.value)
    assert info.value.exit_code == 2
    assert message.startswith(f"inbox/{path.name}")
    assert expected in message
    assert "root:" not in message and "Traceback" not in message


def test_zip_bomb_stays_small_on_disk(tmp_path: Path) -> None:
    path = build_zip_bomb(tmp_path)
    assert path.stat().st_size < 10 << 20  # 3 GB of row XML (100M rows) in ~9 MB: ratio ~340


def test_huge_declared_dimension_is_read_normally(tmp_path: Path) -> None:
    path = c.xlsx(tmp_path / "dimension.xlsx", c.sheet_xml(c.good_rows(), dimension="A1:XFD1048576"))

    table = read_input(path, "in/dimension.xlsx", "payroll")

    assert table.frame["name"].tolist() == c.WORKER_NAMES
    assert table.frame["source_row"].tolist() == [4, 5]


def test_1904_date_system_gives_the_right_dates(tmp_path: Path) -> None:
    # serial 31000 is 1984-11-14 in the 1900 system and 1462 days later in the 1904 system
    rows = [["NO", "NAMA", "NIK", "TANGGAL LAHIR"], [1, "BUDI", "1871011205850001", 31000]]
    sheet = c.sheet_xml(rows, styles={(1, 3): 1})
    path = c.xlsx(tmp_path / "mac.xlsx", sheet, workbook=c.workbook_xml(date1904=True))
    path_1900 = c.xlsx(tmp_path / "win.xlsx", sheet)

    mac = read_input(path, "in/mac.xlsx", "payroll").frame["birth_date"][0]
    win = read_input(path_1900, "in/win.xlsx", "payroll").frame["birth_date"][0]

    assert win == dt.date(1984, 11, 14)
    assert mac == dt.date(1984, 11, 14) + dt.timedelta(days=1462)


def test_error_cells_and_formulas_without_values_keep_their_text(tmp_path: Path) -> None:
    from reconcile.pipeline import prepare

    rows = [
        c.HEADER,
        [1, "BUDI", ("e", ' t="e"><v>#N/A</v>'), "12-05-1985", 1500000],
        [2, "SITI", "1871015205870002", "12-05-1987", ("f", "><f>VLOOKUP(B3,Upah!A:B,2,0)</f><v></v>")],
        [3, "RAHMAT", ("r", ' t="e"><f>Data!#REF!</f><v>#REF!</v>'), "01-01-1990", 1400000],
        [4, "DEWI", "1871014101920004", "01-01-1992", ("g", "><f>SUM(E2:E3)</f><v>2900000</v>")],
    ]
    path = c.xlsx(tmp_path / "formulas.xlsx", c.sheet_xml(rows))

    table = read_input(path, "in/formulas.xlsx", "payroll")
    frame = table.frame

    assert frame["nik"].tolist()[0] == "#N/A"
    assert frame["monthly_wage"].tolist()[1] == "=VLOOKUP(B3,Upah!A:B,2,0)"
    assert frame["nik"].tolist()[2] == "#REF!"
    assert frame["monthly_wage"].tolist()[3] == 2900000  # a cached value is used as is
    prepared = prepare(table).prepared
    issues = prepared.issues.set_index("source_row")
    # an unreadable NIK leaves the row to the name + birth-date tier, with a warning saying why;
    # an unreadable wage is an error (INVALID_ROW) that keeps the worker on the payroll, wage blanked
    assert issues.loc[2, "field"] == "nik" and issues.loc[2, "severity"] == "warning"
    assert issues.loc[4, "field"] == "nik" and issues.loc[4, "severity"] == "warning"
    assert issues.loc[3, "field"] == "monthly_wage" and issues.loc[3, "severity"] == "error"
    assert "rumus tanpa nilai tersimpan" in issues.loc[3, "message"]
    assert prepared.frame["rejected"].tolist() == [False, False, False, False]


def test_control_characters_and_over_long_strings_are_read(tmp_path: Path) -> None:
    long_name = "SITI " + "A" * 40_000
    rows = [
        c.HEADER,
        [1, "BUDI\u0007 SANTOSO\u001b", "1871011205850001", "12-05-1985", 1500000],
        [2, long_name, "1871015205870002", "12-05-1987", 1500000],
    ]
    path = c.xlsx(
        tmp_path / "odd_text.xlsx",
        c.sheet_xml(rows).replace("\u0007", "_x0007_").replace("\u001b", "_x001B_"),
    )

    table = read_input(path, "in/odd_text.xlsx", "payroll")

    assert len(table.frame) == 2
    assert len(table.frame["name"][1]) == len(long_name)


def test_openpyxl_uses_defusedxml() -> None:
    import defusedxml  # noqa: F401
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


_PEAK_SCRIPT = """
import json, resource, sys
from pathlib import Path
from reconcile.errors import InputError
from reconcile.readers import read_input, sandbox
out = {}
for p in sys.argv[1:]:
    sandbox.last_stats.clear()
    try:
        read_input(Path(p), p, "payroll")
        result = "read"
    except InputError:
        result = "refused"
    out[Path(p).stem] = [result, sandbox.last_stats.get("child_peak_rss")]
out["parent_peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
out["children_peak_rss"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps(out))
"""


def test_peak_memory_stays_under_1_5_gb_on_every_case(tmp_path: Path) -> None:
    """In a fresh process, so ru_maxrss covers only the corpus: parent and every reader child."""
    paths = [str(build(tmp_path)) for build, _ in REFUSED.values()]
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, *paths],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    figures = json.loads(done.stdout)
    print(json.dumps(figures, indent=1))  # the report quotes these (pytest -s)
    limit = 1.5 * (1 << 30)
    assert figures["parent_peak_rss"] < limit
    assert figures["children_peak_rss"] < limit
    assert all(v[0] == "refused" for k, v in figures.items() if k in {p.split("/")[-1][:-5] for p in paths})
