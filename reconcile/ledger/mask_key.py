"""Masked finding ids for a `--mask-nik` copy, under a secret key kept in the ledger.

A finding_id is a plain hash of the person's identity (usually the NIK). With the last 4 digits of
the NIK printed beside it, the rest of the NIK can be found by trying every province, district and
birth date. So a masked copy shows `masked_finding_id` instead: HMAC-SHA256 of the real id under a
random key, 16 hex digits, the "-2" occurrence suffix kept. Without the key nothing can be tried.

- The key is created once per ledger (`mask_key`) and kept in its `meta` table; it is never written
  into a report. The same ledger therefore gives a finding the same masked id every month.
- The ids in the ledger and in unmasked reports stay the real ones.
- `real_finding_id` maps a masked id back to the ledger's real id (`recon explain`, annotations.csv).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

import pandas as pd

from reconcile.ledger.store import Ledger

MASK_KEY = "mask_key"
ID_DIGITS = 16
KEY_BYTES = 32


def mask_key(ledger: Ledger) -> bytes:
    """The ledger's key for masked ids, created (random, 32 bytes) on first use."""
    with ledger.transaction() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (MASK_KEY, secrets.token_hex(KEY_BYTES))
        )
        (value,) = conn.execute("SELECT value FROM meta WHERE key = ?", (MASK_KEY,)).fetchone()
    return bytes.fromhex(value)


def existing_mask_key(ledger: Ledger) -> bytes | None:
    """The ledger's key, None when no masked copy was ever written from it (nothing is created)."""
    found = ledger.query("SELECT value FROM meta WHERE key = ?", (MASK_KEY,))
    return None if found.empty else bytes.fromhex(str(found["value"].iloc[0]))


def masked_finding_id(finding_id: str, key: bytes) -> str:
    """HMAC-SHA256 of the id's person-and-category stem under `key`, 16 hex digits, suffix kept:
    'a1b2c3d4e5f60718-2' -> '<16 hex>-2'."""
    stem, dash, occurrence = finding_id.rpartition("-")
    if not (stem and occurrence.isdigit()):  # no occurrence suffix: the whole id is the stem
        stem, dash, occurrence = finding_id, "", ""
    digest = hmac.new(key, stem.encode(), hashlib.sha256).hexdigest()[:ID_DIGITS]
    return digest + dash + occurrence


def masked_finding_ids(ids: pd.Series, key: bytes) -> pd.Series:
    """`masked_finding_id` of every id; missing values stay missing."""
    done: dict[str, str] = {}

    def one(value: object) -> object:
        if not isinstance(value, str) or value == "":
            return value
        if value not in done:
            done[value] = masked_finding_id(value, key)
        return done[value]

    return ids.map(one).astype(object)


def real_finding_ids(ledger: Ledger, ids: Iterable[str]) -> dict[str, str]:
    """masked id -> real id, for those of `ids` that are masked ids of findings the ledger recorded."""
    wanted = set(ids)
    key = existing_mask_key(ledger) if wanted else None
    if key is None:
        return {}
    known = ledger.query("SELECT DISTINCT finding_id FROM findings")["finding_id"].dropna().astype(str)
    masked = {masked_finding_id(real, key): real for real in known}
    return {m: masked[m] for m in wanted if m in masked}


def real_finding_id(ledger: Ledger, finding_id: str) -> str:
    """The ledger's real id for a masked one; any other id unchanged."""
    known = ledger.query("SELECT 1 FROM findings WHERE finding_id = ? LIMIT 1", (finding_id,))
    if len(known):
        return finding_id
    return real_finding_ids(ledger, [finding_id]).get(finding_id, finding_id)
