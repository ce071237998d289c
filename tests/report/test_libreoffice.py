"""The report opens and renders in a real spreadsheet application (LibreOffice headless)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.report.fixtures import EXCLUDED, NOTICES, make_result

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not on PATH: the workbook was NOT checked in a real app"
)
@pytest.mark.parametrize(
    ("full", "options"),
    [(False, {}), (False, {"lang": "en", "mask_nik": True}), (True, {}), (True, {"lang": "en"})],
    ids=["id", "en-masked", "id-history-incomplete", "en-history-incomplete"],
)
def test_workbook_converts_to_pdf(write, tmp_path, full, options):
    """`full`: a run with history (trend chart, resolved sheet), left-out inputs and notices."""
    result = make_result(history=True, excluded=EXCLUDED, notices=NOTICES) if full else make_result()
    paths = write(result, **options)
    pdf_dir = tmp_path / "pdf"
    profile = tmp_path / "lo-profile"  # own profile: parallel runs and a user's open LibreOffice don't clash
    run = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            str(paths.xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = pdf_dir / paths.xlsx.with_suffix(".pdf").name
    assert run.returncode == 0, run.stderr
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), run.stdout + run.stderr
    if shutil.which("pdftoppm"):
        png = subprocess.run(
            ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
            capture_output=True,
            timeout=60,
        )
        assert png.returncode == 0 and list(tmp_path.glob("page*.png"))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
        assert ("Ringkasan" in text or "Summary" in text) and "2018-02" in text
        if full:
            assert "LAPORAN TIDAK LENGKAP" in text or "INCOMPLETE REPORT" in text
