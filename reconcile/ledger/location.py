"""Where a ledger lives: `<out>/recon-ledger.sqlite` by default, or a path, or a `sqlite:///` URL."""

from __future__ import annotations

from pathlib import Path

from reconcile.errors import InputError

LEDGER_NAME = "recon-ledger.sqlite"
ANNOTATIONS_NAME = "annotations.csv"


def ledger_path(location: str | Path | None, out_dir: str | Path | None = None) -> Path:
    """The SQLite file for `location`; None means the default file in `out_dir`.

    URLs follow the SQLAlchemy convention: `sqlite:///relative.sqlite`, `sqlite:////absolute.sqlite`.
    Other databases are not supported yet: an InputError says so.
    """
    if location is None or str(location) == "":
        if out_dir is None:
            raise InputError("no ledger location: expected a path, a sqlite:/// URL or an output folder")
        return Path(out_dir) / LEDGER_NAME
    text = str(location)
    if "://" not in text:
        return Path(text)
    scheme, _, rest = text.partition("://")
    if scheme not in ("sqlite", "sqlite3"):
        raise InputError(
            f"ledger URL: expected sqlite:///PATH (an embedded SQLite file), found the scheme {scheme!r}",
            path=text,
        )
    if not rest.startswith("/") or rest == "/":
        raise InputError("ledger URL: expected sqlite:///PATH, found no path", path=text)
    return Path(rest[1:])
