"""In an Indonesian run every refusal and input notice reads in Indonesian; in English as written.

The table must be complete: every InputError text in the source (a string or f-string argument) is
rebuilt with sample values and must match a pattern, and the messages built elsewhere (a list of
rule table lines, the Excel reader's death, a copy given twice, a period mismatch, a left-out file)
are checked from the functions that write them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from reconcile.input_text import input_text, translate_body
from reconcile.readers.partial import partial_notices
from reconcile.readers.period_check import PeriodMismatch
from reconcile.readers.same_content import SameContent
from reconcile.readers.sandbox import SandboxLimits, _describe_death

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = re.compile(r"\b(expected|found|not|the|could|missing|cannot|unknown|seems)\b")

#: Sample values of the f-string parts that are English text themselves (the rest become "7").
FRAGMENTS = {
    "redo": "the file is not a normal workbook; ask the office to save it again from Excel",
    "_EXPECTED": "expected an .xlsx, .xlsm or .csv file",
    "hint": "; found legacy Excel 97-2003 files (a.xls): save them as .xlsx",
    "row": "header found in row 3: Nama; Gaji",
    "expected": "expected local or a Dask scheduler address such as tcp://10.0.0.5:8786",
    "found": "nothing",
    "e.strerror or e": "Permission denied",
    "suffix or 'a file without extension'": "a file without extension",
    "message": "unrecognized arguments: --bogus",
    "' '.join(words)": "recon run",
}
#: Files whose `expected` is a value list, not an English phrase.
EXPECTED_VALUES = {
    "reconcile/rules/rulebook.py": "rules_a.csv, rules_b.csv",
    "reconcile/config.py": "a number >= 0",
}

#: InputError calls whose text is not a string literal: each is checked below or is already localised.
BUILT_ELSEWHERE = {
    ("reconcile/readers/same_content.py", "text"),  # test_a_copy_given_twice
    ("reconcile/readers/side_check.py", "text"),  # messages.csv, by --lang
    ("reconcile/readers/bpjs_documents.py", "text"),  # messages.csv, by --lang
    ("reconcile/report/output_folder.py", "message('out_not_a_folder', lang, path=str(found))"),
    (
        "reconcile/readers/input_table.py",
        "_nothing_to_read_message(grids, table, not_read)",
    ),  # CHILD_AND_HEADER
    ("reconcile/readers/sandbox.py", "_describe_death(child.returncode, tail, limits)"),  # test_reader_death
    ("reconcile/readers/sandbox.py", "text"),  # CHILD_AND_HEADER: the reader child's messages
    ("reconcile/rules/tables.py", "'; '.join(errors)"),  # RULE_TABLE_LINES
}


def _input_error_calls() -> list[tuple[str, ast.expr]]:
    calls = []
    for folder in ("reconcile", "flows"):
        for file in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "InputError" and node.args:
                    calls.append((file.relative_to(ROOT).as_posix(), node.args[0]))
    return calls


def _sample(file: str, text: ast.expr) -> str:
    if isinstance(text, ast.Constant):
        return str(text.value)
    assert isinstance(text, ast.JoinedStr)
    parts = []
    for part in text.values:
        if isinstance(part, ast.Constant):
            parts.append(str(part.value))
            continue
        assert isinstance(part, ast.FormattedValue)
        source = ast.unparse(part.value)
        if source == "expected" and file in EXPECTED_VALUES:
            parts.append(EXPECTED_VALUES[file])
        else:
            parts.append(FRAGMENTS.get(source, "7"))
    return "".join(parts)


def _literal_calls() -> list[tuple[str, str]]:
    return [
        (file, _sample(file, text))
        for file, text in _input_error_calls()
        if isinstance(text, ast.Constant | ast.JoinedStr)
    ]


def test_the_source_scan_finds_the_input_errors() -> None:
    assert len(_literal_calls()) >= 75


@pytest.mark.parametrize(("file", "sample"), _literal_calls())
def test_every_input_error_text_has_an_indonesian_pattern(file: str, sample: str) -> None:
    rewritten = translate_body(sample)
    assert rewritten is not None, f"{file}: no pattern in reconcile/data/input_messages.csv for {sample!r}"
    assert rewritten != sample


def test_every_other_input_error_is_known() -> None:
    """A new InputError whose text is built elsewhere must be added here, with a test of its text."""
    others = {
        (file, ast.unparse(text))
        for file, text in _input_error_calls()
        if not isinstance(text, ast.Constant | ast.JoinedStr)
    }
    assert others <= BUILT_ELSEWHERE, others - BUILT_ELSEWHERE


RULE_TABLE_LINES = (
    "line 3: expected 7 cells, found 6; line 4: same key and effective_from as line 2; "
    "line 5: effective_from: expected YYYY-MM, found '2024'; line 6: effective_to: expected YYYY-MM or blank,"
    " found 'x'; line 7: effective_to 2020-01 is before effective_from 2021-01; line 8: rate: expected a"
    " non-negative number like 0.0024 or 1000000, found '-1'; line 9: unit: expected one of pct, idr, found"
    " 'x'; line 10: verified: expected yes or no, found 'ya'; line 11: regulation: expected the regulation"
    " the figure comes from, found blank; line 12: risk_group and jkp must be blank for JHT"
)
CHILD_AND_HEADER = (
    "part 'xl/workbook.xml' declares XML entities (a DOCTYPE), which Excel never writes: the file may be"
    " crafted to attack the reader (billion laughs, XXE) and was not opened; ask the office to save it"
    " again from Excel",
    "sheet could not be read (XmlError: bad tag); ask the office to save it again from Excel",
    "could not be read as an Excel workbook (Zip error); ask the office to save it again from Excel",
    "expected a visible sheet with a header row; found one only in hidden sheet(s) 'Data', which are not"
    " read; unhide the sheet with this period's data in Excel and save the file",
    "no header found: the file holds no text in its first rows; expected, within the first 30 rows, a header"
    " row with a name column ('nama', 'name') and an nik ('nik') or kpj ('kpj') column",
    "no header found; expected, within the first 30 rows, a header row with a name column ('nama') and an"
    " nik ('nik') or kpj ('kpj') column; the most header-like row (sheet 'Gaji' row 4) has: 'No', 'Pegawai'",
    "no header found; expected, within the first 30 rows, a header row with a name column ('nama') and an"
    " nik ('nik') or kpj ('kpj') column; the most header-like row (line 2) has: 'No', 'Pegawai'",
)


@pytest.mark.parametrize("body", [RULE_TABLE_LINES, *CHILD_AND_HEADER])
def test_messages_built_elsewhere_have_patterns(body: str) -> None:
    rewritten = translate_body(body)
    assert rewritten is not None and not ENGLISH.search(rewritten.replace("'", " ")), rewritten


@pytest.mark.parametrize(
    ("returncode", "stderr"), [(-9, b""), (1, b""), (None, b"memory allocation of 5 bytes failed")]
)
def test_reader_death(returncode: int | None, stderr: bytes) -> None:
    text = _describe_death(returncode, stderr, SandboxLimits())
    assert translate_body(text) not in (None, text)


def test_a_copy_given_twice() -> None:
    for copy in (
        SameContent("bpjs/a.xlsx", "bpjs", "bpjs/b.xlsx", "bpjs", "0123456789abcdef"),
        SameContent("bpjs/a.xlsx", "bpjs", "payroll/a.xlsx", "payroll", "0123456789abcdef"),
    ):
        english = str(copy.error())
        indonesian = input_text(english, "id")
        assert indonesian.startswith("bpjs/a.xlsx: ") and "0123456789ab" in indonesian
        assert "sama" in indonesian and not ENGLISH.search(indonesian.split(": ", 1)[1]), indonesian


def test_a_refusal_keeps_file_sheet_row_and_values() -> None:
    english = (
        "dinas/gaji mei.xlsx [sheet Gaji: Mei]: missing the name column (accepted headers: 'nama', 'name');"
        " header found in row 3: NIK; Gaji Pokok"
    )
    assert input_text(english, "id") == (
        "dinas/gaji mei.xlsx [sheet Gaji: Mei]: kolom nama tidak ada"
        " (judul kolom yang diterima: 'nama', 'name'); baris judul ditemukan di baris 3: NIK; Gaji Pokok"
    )
    assert input_text(english, "en") == english


def test_a_period_mismatch_refusal_and_notice() -> None:
    mismatch = PeriodMismatch("bpjs/mei.xlsx", "2024-05", "its title rows say 2024-05", "bpjs")
    assert input_text(mismatch.message("2024-06"), "id") == (
        "bpjs/mei.xlsx: berkas BPJS ini tampaknya untuk periode 2024-05, bukan 2024-06 (baris judulnya"
        " menyebut 2024-05); berikan berkas untuk 2024-06, atau jalankan ulang dengan"
        " --accept-period-mismatch"
    )
    late = PeriodMismatch(
        "bpjs/x.xlsx", "2024-07", "12 participants joined after 2024-06, the latest in 2024-07"
    )
    notice = input_text(late.notice("2024-06"), "id")
    assert "12 peserta terdaftar setelah 2024-06, paling akhir pada 2024-07" in notice
    assert "diterima dengan --accept-period-mismatch" in notice and not ENGLISH.search(notice)


def test_partial_run_lines_in_indonesian() -> None:
    excluded = [
        {
            "path": "bpjs/a.xlsx",
            "kind": "bpjs",
            "sheet": "",
            "reason": "bpjs/a.xlsx: file not found",
            "consequence": c,
            "consequence_id": "",
        }
        for c in [
            "its participants are missing from the BPJS side: workers it covers show up as UNREGISTERED, "
            "and its premiums are not checked; read those findings with this in mind"
        ]
    ]
    mismatch = PeriodMismatch("payroll/p.xlsx", "2024-05", "its sheet names say 2024-05", "payroll")
    _, lines = partial_notices(excluded, [mismatch], "2024-06")
    shown = [input_text(line, "id") for line in lines]
    assert shown[0].startswith("PROSES SEBAGIAN: 1 berkas input TIDAK DIPROSES")
    assert shown[1] == (
        "  - bpjs/a.xlsx: berkas tidak ditemukan\n    -> pesertanya tidak ada di sisi BPJS: pekerja yang"
        " ditanggungnya tampil sebagai UNREGISTERED dan iurannya tidak diperiksa; baca temuan itu dengan"
        " memperhatikan hal ini"
    )
    assert shown[2].startswith("SELISIH PERIODE DITERIMA (--accept-period-mismatch): 1 berkas input")
    assert shown[3] == "  - payroll/p.xlsx: tampaknya untuk periode 2024-05 (nama sheet-nya menyebut 2024-05)"
    assert [input_text(line, "en") for line in lines] == list(lines)


def test_unknown_and_indonesian_texts_stay_as_they_are() -> None:
    for text in ("x.xlsx: sesuatu yang lain", "bpjs/a.xlsx: berkas ini daftar peserta BPJS", ""):
        assert input_text(text, "id") == text
