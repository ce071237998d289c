"""Candidate pairs for the name + birth date tier: rows born the same day, both with a name.

Birth date is the blocking key. A block that would still be large (a placeholder date such as
1900-01-01 shared by hundreds of rows) is split further by the first letter of the name key, so
the candidate count stays near-linear whatever the data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reconcile.identity.sides import SideKeys

#: Blocks with more candidate pairs than this are split by the name key's first letter.
LARGE_BLOCK_PAIRS = 2_500


def _side_frame(side: SideKeys, mask: np.ndarray, pos_name: str) -> pd.DataFrame:
    positions = np.flatnonzero(mask)
    keys = side.key[positions]
    return pd.DataFrame(
        {
            "day": side.birth[positions].astype("datetime64[ns]").astype(np.int64),
            "letter": [k[:1] for k in keys],
            pos_name: positions,
        }
    )


def birth_date_candidates(
    p: SideKeys,
    b: SideKeys,
    p_free: np.ndarray,
    b_free: np.ndarray,
    large_block_pairs: int = LARGE_BLOCK_PAIRS,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of free rows with the same known birth date and non-empty name keys.

    Blocks of more than `large_block_pairs` candidate pairs are split by the name key's first
    letter (0: every block, for the repeat pass, where one side is nearly every paired BPJS row).
    """
    p_mask = p_free & ~np.isnat(p.birth) & (p.key != "")
    b_mask = b_free & ~np.isnat(b.birth) & (b.key != "")
    left, right = _side_frame(p, p_mask, "ppos"), _side_frame(b, b_mask, "bpos")
    per_day = left["day"].value_counts().rename("np").to_frame()
    sizes = per_day.join(right["day"].value_counts().rename("nb"), how="inner")
    large = sizes.index[(sizes["np"] * sizes["nb"]) > large_block_pairs]
    # In a large block the letter becomes part of the key; elsewhere every row gets the same "".
    for frame in (left, right):
        frame.loc[~frame["day"].isin(large), "letter"] = ""
    joined = left.merge(right, on=["day", "letter"], how="inner", sort=False)
    return joined["ppos"].to_numpy(np.int64), joined["bpos"].to_numpy(np.int64)
