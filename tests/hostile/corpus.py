"""Build the hostile and broken input files, byte by byte, into a test's tmp folder.

Nothing big is stored: the 3 GB zip bomb is ~3 MB on disk and is written by repeating one
pre-compressed deflate block (a full flush resets the compressor, so identical input gives
identical output), never holding the expanded data in memory.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = ["NO", "NAMA", "NIK", "TANGGAL LAHIR", "UPAH"]
WORKER_NAMES = ["BUDI SANTOSO", "SITI AMINAH"]
WORKERS = [
    [1, WORKER_NAMES[0], "1871011205850001", "12-05-1985", 1500000],
    [2, WORKER_NAMES[1], "1871015205870002", "12-05-1987", 1500000],
]

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>'
)
# numFmt 14 (a date) as style 1, so a number in a style-1 cell is a date serial
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def workbook_xml(sheet: str = "Gaji", date1904: bool = False) -> str:
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {_NS} {_R_NS}>{pr}'
        f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def col_letter(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_xml(r: int, c: int, value: object, style: int = 0) -> str:
    """One <c>: a str as an inline string, a number as a number, a ("raw", xml) tuple as given."""
    ref = f"{col_letter(c)}{r + 1}"
    s = f' s="{style}"' if style else ""
    if isinstance(value, tuple):
        return f'<c r="{ref}"{s}{value[1]}</c>'
    if isinstance(value, str):
        return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
    return f'<c r="{ref}"{s}><v>{value}</v></c>'


def sheet_xml(
    rows: list[list[object]],
    *,
    dimension: str = "",
    prolog: str = "",
    extra_cells: str = "",
    styles: dict[tuple[int, int], int] | None = None,
) -> str:
    styles = styles or {}
    body = "".join(
        f'<row r="{r + 1}">'
        + "".join(cell_xml(r, c, v, styles.get((r, c), 0)) for c, v in enumerate(row) if v is not None)
        + "</row>"
        for r, row in enumerate(rows)
    )
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}<worksheet {_NS}>{dim}'
        f"<sheetData>{body}{extra_cells}</sheetData></worksheet>"
    )


def shared_strings_xml(strings: list[str], prolog: str = "") -> str:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)  # not escaped: callers pass entity refs
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<sst {_NS} count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    )


@dataclass
class Member:
    """One zip member: its deflated bytes, CRC and real size, and the size the directory declares."""

    name: str
    data: Iterable[bytes]
    crc: int
    size: int
    compressed: int
    declared_size: int | None = None


def member(name: str, text: str | bytes) -> Member:
    raw = text.encode() if isinstance(text, str) else text
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = c.compress(raw) + c.flush()
    return Member(name, [data], zlib.crc32(raw), len(raw), len(data))


def repeated_member(name: str, head: bytes, block: bytes, times: int, tail: bytes) -> Member:
    """head + block * times + tail, deflated in O(len(block)) memory and time (plus the CRC pass)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    packed = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert packed == again  # a full flush forgets the history: each repeat deflates the same
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(block) * times + len(tail)

    def chunks() -> Iterable[bytes]:
        yield first
        for _ in range(times):
            yield packed
        yield last

    return Member(name, chunks(), crc, size, len(first) + len(packed) * times + len(last))


def write_zip(path: Path, members: list[Member]) -> Path:
    """A plain (non-zip64) zip written by hand, so sizes in the directory can be made to lie."""
    central = b""
    with path.open("wb") as f:
        for m in members:
            offset = f.tell()
            size = m.size if m.declared_size is None else m.declared_size
            name = m.name.encode()
            f.write(
                struct.pack(
                    "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, m.crc, m.compressed, size, len(name), 0
                )
                + name
            )
            for chunk in m.data:
                f.write(chunk)
            central += (
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    m.crc,
                    m.compressed,
                    size,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + name
            )
        start = f.tell()
        f.write(central)
        f.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0)
        )
    return path


def xlsx(
    path: Path,
    sheet: str | None,
    *,
    shared: str | None = None,
    workbook: str | None = None,
    extra: list[Member] | None = None,
) -> Path:
    """A minimal workbook with one sheet named Gaji, from the given part texts."""
    members = [
        member("[Content_Types].xml", _CONTENT_TYPES),
        member("_rels/.rels", _ROOT_RELS),
        member("xl/workbook.xml", workbook or workbook_xml()),
        member("xl/_rels/workbook.xml.rels", _WB_RELS),
        member("xl/styles.xml", _STYLES),
        member("xl/sharedStrings.xml", shared or shared_strings_xml([])),
    ]
    if isinstance(sheet, str):
        members.append(member("xl/worksheets/sheet1.xml", sheet))
    return write_zip(path, members + (extra or []))


def good_rows() -> list[list[object]]:
    return [["DAFTAR UPAH PTHL BULAN FEBRUARI 2018"], [], HEADER, *WORKERS]
