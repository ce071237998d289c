"""Whether a nightly period must run: only when something it depends on changed since its last success."""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.ledger.digest import RunDigests


@dataclass(frozen=True)
class Decision:
    run: bool
    reason: str  # for the log, in Indonesian like the reports; names no person


def decide(period: str, current: RunDigests, last_success: RunDigests | None) -> Decision:
    """Run unless the last successful run of `period` had exactly these digests."""
    if last_success is None:
        return Decision(True, f"periode {period} belum pernah berhasil dijalankan: dijalankan")
    changed = [
        label
        for label, now, then in (
            ("berkas masukan", current.inputs, last_success.inputs),
            ("tabel aturan", current.rules, last_success.rules),
            ("kebijakan", current.policy, last_success.policy),
        )
        if now != then
    ]
    if not changed:
        return Decision(False, f"periode {period} tidak berubah sejak run terakhir: dilewati")
    return Decision(True, f"periode {period}: {', '.join(changed)} berubah sejak run terakhir: dijalankan")
