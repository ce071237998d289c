"""How each input row ended: rejected, paired, only in findings, no action needed, or lost.

"lost" must never happen; the balance check fails the run if it does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

OUTCOMES = ("paired", "findings_only", "rejected", "no_action", "lost")


def row_outcomes(
    frame: pd.DataFrame, paired: pd.Index, named: pd.Index, quiet: pd.Series | None = None
) -> pd.Series:
    """One outcome per row of a prepared frame.

    `paired` / `named`: index labels paired with the other side / named by a finding.
    `quiet`: rows that legitimately need nothing (e.g. an unbilled NON AKTIF participant).
    """
    idx = frame.index
    quiet_mask = (
        np.zeros(len(idx), dtype=bool) if quiet is None else quiet.reindex(idx).fillna(False).to_numpy()
    )
    conditions = [
        frame["rejected"].to_numpy(dtype=bool),
        idx.isin(paired),
        idx.isin(named),
        quiet_mask,
    ]
    names = np.array(["rejected", "paired", "findings_only", "no_action", "lost"], dtype=object)
    # Codes first, names last: selecting among strings costs far more than among small integers.
    code = np.select(conditions, [0, 1, 2, 3], default=4)
    return pd.Series(names[code], index=idx, dtype="string")


def count_outcomes(outcome: pd.Series) -> dict[str, int]:
    """Rows per outcome, every outcome present."""
    counts = outcome.value_counts()
    return {name: int(counts.get(name, 0)) for name in OUTCOMES}
