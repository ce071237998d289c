"""Write one run's four outputs into a folder: all or nothing, never over an earlier run's files.

Every file is first written under a temporary name in the output folder (same file system, so the
final move is atomic). Only when all four are complete does the run take the folder lock, pick the
next free version, and move them into place with os.replace.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path
from typing import Any

from reconcile.errors import InputError
from reconcile.report.csv_files import write_exceptions_csv, write_matches_csv
from reconcile.report.folder_lock import folder_lock
from reconcile.report.labels import Lang, load_labels
from reconcile.report.manifest import build_manifest, manifest_text
from reconcile.report.masking import mask_result
from reconcile.report.output_folder import check_output_folder
from reconcile.report.output_names import OutputPaths, next_version, output_paths
from reconcile.report.workbook import build_workbook
from reconcile.result import ReconResult


def _temp_path(out_dir: Path, period: str, suffix: str) -> Path:
    """A new hidden file in `out_dir`; created with 0o666 so the umask, not mkstemp's 0o600, decides."""
    while True:
        path = out_dir / f".recon-{period}-{secrets.token_hex(6)}{suffix}.tmp"
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            return path
        except FileExistsError:
            continue


def _prepare_folder(out_dir: Path, lang: Lang) -> None:
    check_output_folder(out_dir, lang)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(
            f"cannot create the output folder: {e.strerror or e}; expected a writable folder",
            path=str(out_dir),
        ) from None
    if not out_dir.is_dir() or not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError(
            "the output folder is not writable; expected a folder this user can write to", path=str(out_dir)
        )


def _move_all(temps: dict[str, Path], paths: OutputPaths) -> None:
    """Move the four temp files into place; if one move fails, take back the ones already moved."""
    moved: list[Path] = []
    try:
        for key, final in zip(
            ("xlsx", "exceptions_csv", "matches_csv", "manifest"), paths.all(), strict=True
        ):
            os.replace(temps[key], final)
            moved.append(final)
            del temps[key]
    except OSError:
        for final in moved:
            final.unlink(missing_ok=True)
        raise


def write_outputs(
    result: ReconResult,
    out_dir: Path,
    *,
    lang: Lang = "id",
    mask_nik: bool = False,
    mask_key: bytes | None = None,
    extra_manifest: dict[str, Any] | None = None,
    generated_at: dt.datetime | None = None,
) -> OutputPaths:
    """Render `result` into recon-<period>[-vN].xlsx, -exceptions.csv, -matches.csv and -manifest.json.

    `mask_nik` writes a distribution copy: every NIK shows only its last 4 digits, in every file
    (findings, matches, warnings, the resolved-findings history, notices and left-out file reasons),
    and every finding_id is replaced by its masked id under `mask_key` (the ledger's, so that masked
    ids stay the same from run to run; a fresh random key when None).
    `generated_at` defaults to now (local time, with its UTC offset in the manifest).
    An output folder that cannot be created or written (or is a file) raises InputError and leaves no
    file behind.
    """
    out_dir = Path(out_dir)
    labels = load_labels(lang)
    when = generated_at or dt.datetime.now().astimezone()
    if mask_nik:  # from here on only the masked copy is used, for every file
        result = mask_result(result, mask_key)
    findings, matches, warnings = result.findings, result.matches, result.warnings

    _prepare_folder(out_dir, lang)
    temps: dict[str, Path] = {}
    try:
        for key, suffix in (
            ("xlsx", ".xlsx"),
            ("exceptions_csv", ".csv"),
            ("matches_csv", ".csv"),
            ("manifest", ".json"),
        ):
            temps[key] = _temp_path(out_dir, result.period, suffix)
        build_workbook(result, findings, matches, warnings, labels, temps["xlsx"], generated_at=when)
        write_exceptions_csv(findings, temps["exceptions_csv"])
        write_matches_csv(matches, temps["matches_csv"])
        with folder_lock(out_dir):
            paths = output_paths(out_dir, result.period, next_version(out_dir, result.period))
            manifest = build_manifest(
                result, paths, generated_at=when, lang=lang, mask_nik=mask_nik, extra=extra_manifest
            )
            temps["manifest"].write_text(manifest_text(manifest), encoding="utf-8")
            _move_all(temps, paths)
        return paths
    except OSError as e:
        raise InputError(
            f"could not write the reports: {e.strerror or e}; expected a writable folder with free space",
            path=str(out_dir),
        ) from None
    finally:
        for leftover in temps.values():
            leftover.unlink(missing_ok=True)
