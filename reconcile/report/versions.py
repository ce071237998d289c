"""Versions of Python and the libraries that shaped a run, for the manifest."""

from __future__ import annotations

import platform
from importlib import metadata

PACKAGE = "bpjs-recon"
LIBRARIES = ("pandas", "pandera", "openpyxl", "prefect")


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def package_versions() -> dict[str, str]:
    """python, each library that is installed, and this package ('unknown' when run from a checkout)."""
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        if (found := _version(name)) is not None:
            versions[name] = found
    versions[PACKAGE] = _version(PACKAGE) or "unknown"
    return versions
