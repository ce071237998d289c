"""Read the raw XML parts of a written workbook, as Excel and LibreOffice would see them."""

from __future__ import annotations

import zipfile
from pathlib import Path


def xml_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels"))
        }
