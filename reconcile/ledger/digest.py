"""Digests that say whether a period must run again: its input files, the rule tables, the policy.

The inputs digest is a sha256 over `relative path <TAB> sha256 of the content`, one line per file,
sorted by relative path. The relative path is `<kind>/<path under the folder given>` (kind is
payroll or bpjs), so the inbox scan and a finished run's InputOutcomes give the same digest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reconcile.result import InputOutcome
from reconcile.rules.policy import DEFAULT_POLICY

_CHUNK = 1 << 20


@dataclass(frozen=True)
class RunDigests:
    """What a run depended on. Two runs with equal digests produce the same findings."""

    inputs: str
    rules: str
    policy: str


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def inputs_digest(entries: Iterable[tuple[str, str]]) -> str:
    """sha256 over (relative path, content sha256) pairs, sorted by relative path."""
    lines = sorted(f"{rel}\t{sha}" for rel, sha in entries)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def relative_name(display: str, kind: str, roots: Sequence[str]) -> str:
    """`<kind>/<display path under the root it was found in>`; the file name when given directly."""
    for root in roots:
        prefix = root.rstrip("/\\")
        if display.startswith(prefix + "/"):
            return f"{kind}/{display[len(prefix) + 1 :]}"
    return f"{kind}/{Path(display).name}"


def outcome_entries(
    inputs: Sequence[InputOutcome], roots: Mapping[str, Sequence[str]]
) -> list[tuple[str, str]]:
    """Digest entries of a finished run. `roots` maps kind (payroll / bpjs) to the PATHs given."""
    return [(relative_name(i.path, i.kind, roots.get(i.kind, ())), i.sha256) for i in inputs]


def settings_digest(*files: Path | None) -> str:
    """sha256 over the bytes of the policy (and config) files; None stands for "not given"."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(b"-" if file is None else Path(file).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def run_digests(
    entries: Iterable[tuple[str, str]], rules_digest: str, policy: str | None, config: str | None
) -> RunDigests:
    """The digests of a run over `entries`, with the rule tables, policy (default when None) and config."""
    policy_file = Path(policy) if policy else DEFAULT_POLICY
    return RunDigests(
        inputs=inputs_digest(entries),
        rules=rules_digest,
        policy=settings_digest(policy_file, Path(config) if config else None),
    )
