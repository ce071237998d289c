"""Check a workbook file before any parser touches it: what it really is, and what its zip would expand to.

Only the first bytes and the zip central directory are read (`ZipFile.infolist`), never a member's
data, so a 3 MB file that expands to 3 GB costs a few kilobytes to refuse. Every refusal is an
InputError naming the file and saying what to do.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from reconcile.errors import InputError

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_MB = 1 << 20


@dataclass(frozen=True)
class ZipLimits:
    """What a workbook may expand to. A real 1M-row payroll sheet is ~150-300 MB of XML at a ratio of
    10-30; the defaults leave room for that and stop bombs well before memory runs out."""

    max_members: int = 10_000
    max_member_bytes: int = 1 << 30  # one part, uncompressed
    max_total_bytes: int = 1 << 30  # all parts together, uncompressed
    max_ratio: float = 200.0  # uncompressed / compressed, per member
    ratio_floor_bytes: int = 4 * _MB  # members smaller than this are never refused for their ratio


DEFAULT_LIMITS = ZipLimits()


def sniff_workbook(head: bytes, display_path: str) -> None:
    """Reject, with a useful message, files that are not Office Open XML workbooks."""
    if not head:
        raise InputError("the file is empty (0 bytes); expected an Excel workbook", path=display_path)
    if head.startswith(_OLE2):
        raise InputError(
            "found a password-protected (encrypted) workbook or a legacy Excel 97-2003 file; "
            "remove the password and save it as .xlsx",
            path=display_path,
        )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"<"):
        raise InputError(
            "found an HTML/XML page, not an Excel workbook (a web export renamed to .xlsx?); "
            "open it in Excel and save it as .xlsx",
            path=display_path,
        )
    if not head.startswith(_ZIP):
        raise InputError("not an Excel workbook: expected an .xlsx/.xlsm (zip) file", path=display_path)


def _mb(n: int) -> str:
    return f"{n / _MB:,.0f} MB"


def check_zip(path: Path, display_path: str, limits: ZipLimits = DEFAULT_LIMITS) -> None:
    """Refuse a workbook whose zip is cut short, encrypted, or would expand past `limits`."""
    with Path(path).open("rb") as f:
        sniff_workbook(f.read(512), display_path)
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as e:
        raise InputError(
            f"could not be read as an Excel workbook: the file is damaged or cut short ({e}); "
            "ask the office to send it again",
            path=display_path,
        ) from None
    redo = "the file is not a normal workbook; ask the office to save it again from Excel"
    if len(members) > limits.max_members:
        raise InputError(
            f"the workbook holds {len(members):,} parts (limit {limits.max_members:,}); {redo}",
            path=display_path,
        )
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise InputError(
            f"a zip file but not an Excel workbook (no xl/workbook.xml); {redo}", path=display_path
        )
    total = 0
    for m in members:
        if m.flag_bits & 0x1:
            raise InputError(
                f"part {m.filename!r} is encrypted; remove the password and save it as .xlsx",
                path=display_path,
            )
        if m.file_size > limits.max_member_bytes:
            raise InputError(
                f"part {m.filename!r} expands to {_mb(m.file_size)} (limit {_mb(limits.max_member_bytes)}); "
                f"a zip bomb or a sheet too large to check; {redo}",
                path=display_path,
            )
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
            raise InputError(
                f"part {m.filename!r} expands {ratio:,.0f} times "
                f"({_mb(m.compress_size)} -> {_mb(m.file_size)}; "
                f"limit {limits.max_ratio:,.0f}): a zip bomb; {redo}",
                path=display_path,
            )
        total += m.file_size
    if total > limits.max_total_bytes:
        raise InputError(
            f"the workbook expands to {_mb(total)} (limit {_mb(limits.max_total_bytes)}); {redo}",
            path=display_path,
        )
