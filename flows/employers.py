"""Many employers in one run: the province and its regencies and cities, each with its own inbox,
output folder and policy, reconciled in parallel (threads locally, or a Dask cluster with --dask).

The registry is a TOML file; relative paths are relative to it:

    [[employer]]
    name = "Pemprov Lampung"
    inbox = "inbox/pemprov"
    out = "reports/pemprov"
    policy = ""            # empty: the default Lampung PTHL policy

Each employer is one mapped task that runs the nightly flow for its inbox, so the unit of
parallelism is the employer, and the task graph grows with employers, never with rows.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE

import flows.settings  # noqa: F401  (Prefect defaults before prefect is imported)
from flows.nightly import PeriodOutcome, nightly
from reconcile.errors import InputError


@dataclass(frozen=True)
class Employer:
    name: str
    inbox: str
    out: str
    policy: str | None


def load_registry(path: str | Path) -> list[Employer]:
    """The employers of a registry file; a missing file, key or folder is an input error (exit 2)."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("registry file not found", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"expected a TOML registry, found: {e}", path=str(path)) from None
    entries = data.get("employer")
    if not isinstance(entries, list) or not entries:
        raise InputError("expected one or more [[employer]] tables, found none", path=str(path))
    base = file.parent
    employers = []
    for i, entry in enumerate(entries, start=1):
        missing = [k for k in ("name", "inbox", "out") if not entry.get(k)]
        if missing:
            raise InputError(f"employer #{i}: missing {', '.join(missing)}", path=str(path))
        inbox = base / str(entry["inbox"])
        if not inbox.is_dir():
            raise InputError(f"employer {entry['name']!r}: inbox folder {inbox} not found", path=str(path))
        policy = str(entry.get("policy") or "") or None
        employers.append(
            Employer(
                name=str(entry["name"]),
                inbox=str(inbox),
                out=str(base / str(entry["out"])),
                policy=str(base / policy) if policy else None,
            )
        )
    names = [e.name for e in employers]
    if len(set(names)) != len(names):
        raise InputError("employer names must be unique", path=str(path))
    return employers


@task(cache_policy=NO_CACHE, persist_result=False, task_run_name="employer {employer.name}")
def reconcile_employer(employer: Employer, lang: str) -> list[PeriodOutcome]:
    """One employer's nightly run (a subflow): every new or changed period of its inbox."""
    return nightly(inbox=employer.inbox, out=employer.out, policy=employer.policy, lang=lang)  # type: ignore[arg-type]


@flow(name="employers", persist_result=False, log_prints=False)
def employers(registry: str, lang: str = "id") -> dict[str, list[PeriodOutcome]]:
    """Reconcile every employer of a registry file in parallel.

    Args:
        registry: TOML file with one [[employer]] table per employer (name, inbox, out, policy).
        lang: Report language: id (Bahasa Indonesia) or en (English).
    """
    specs = load_registry(registry)
    get_run_logger().info("%d pemberi kerja", len(specs))
    futures = reconcile_employer.map(specs, lang=unmapped(lang))
    return {spec.name: future.result() for spec, future in zip(specs, futures, strict=True)}
