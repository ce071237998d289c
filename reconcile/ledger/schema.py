"""The ledger's tables. Created on first open; columns are only ever added, never renamed."""

from __future__ import annotations

SCHEMA_VERSION = 1

#: Stored per finding: identity, the contract's row references, amounts and the history fields.
FINDING_FIELDS: tuple[str, ...] = (
    "finding_id",
    "category",
    "payroll_file",
    "payroll_sheet",
    "payroll_row",
    "bpjs_file",
    "bpjs_sheet",
    "bpjs_row",
    "nik",
    "kpj",
    "name",
    "unit",
    "expected_idr",
    "billed_idr",
    "difference_idr",
    "exposure_idr",
    "first_seen",
    "age_months",
    "status",
)

DDL = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    period TEXT NOT NULL,
    started TEXT,
    finished TEXT,
    status TEXT NOT NULL,
    inputs_digest TEXT,
    rules_digest TEXT,
    policy_digest TEXT,
    reports TEXT,
    source TEXT
);
CREATE INDEX IF NOT EXISTS runs_by_period ON runs (period, status, finished);
CREATE TABLE IF NOT EXISTS inputs (
    run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    kind TEXT,
    sha256 TEXT NOT NULL,
    rows INTEGER
);
CREATE INDEX IF NOT EXISTS inputs_by_run ON inputs (run_id);
CREATE TABLE IF NOT EXISTS findings (
    run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    {
    ", ".join(
        f"{name} {'INTEGER' if name.endswith(('_row', '_idr', '_months')) else 'TEXT'}"
        for name in FINDING_FIELDS
    )
}
);
CREATE INDEX IF NOT EXISTS findings_by_run ON findings (run_id);
CREATE INDEX IF NOT EXISTS findings_by_id ON findings (finding_id);
CREATE TABLE IF NOT EXISTS annotations (
    finding_id TEXT NOT NULL,
    note TEXT NOT NULL,
    explained_by TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS annotations_by_id ON annotations (finding_id);
"""
