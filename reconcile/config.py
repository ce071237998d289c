"""Tunable thresholds and tolerances, with the reasoning for each default.

One frozen object, built from defaults and optionally overridden by a TOML file (`--config`).
Every value is range-checked when loaded (`SETTING_RANGES`, `_check_order`): a value outside its
range is an input error naming the file, the key, the allowed range and the value found.
Domain facts (rates, tariffs, caps, benefits) are not here: they are dated tables in reconcile/data.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from reconcile.errors import InputError


@dataclass(frozen=True)
class ReconConfig:
    # Money. BPJS bills whole Rupiah; no statutory rounding rule exists (DOMAIN.md), so amounts are
    # rounded to whole Rupiah and a difference of at most this much is not a finding.
    premium_tolerance_idr: float = 1.0
    # A reported wage within this many Rupiah of the payroll wage agrees (rounding of daily x days).
    wage_tolerance_idr: float = 1.0

    # Names. Scores are rapidfuzz 0-100 on names after Indonesian normalisation (titles, case,
    # abbreviations, old spellings removed). 90 keeps "SITI NURHALIZA" ~ "SITI NUR HALIZA" and
    # one-letter typos together, while distinct people sharing a first name score far below.
    # Also the "same NIK, different person" rule: a name below this AND a different birth date.
    name_agree_score: float = 90.0
    # The name_birth_date tier (no usable NIK): a pairing on name + birth date alone needs a stricter
    # score, since nothing else confirms it. Birth-date blocking already limits candidates to a handful.
    # So it may not be below name_agree_score: a pairing whose names "disagree" would be a contradiction.
    name_pair_score: float = 92.0

    # Coverage of the inputs. When at least this share of the BPJS registrations has no payroll row,
    # the payroll given is probably only some units (an ad-hoc one-unit run), and the run says so.
    partial_payroll_share: float = 0.25

    @classmethod
    def load(cls, path: str | Path | None) -> ReconConfig:
        """Defaults, overridden by the keys of a TOML file. Unknown keys and out-of-range values are
        input errors."""
        config = cls()
        if path is None:
            return config
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError("configuration file not found", path=str(path)) from None
        except tomllib.TOMLDecodeError as e:
            raise InputError(f"expected a TOML file, found a syntax error: {e}", path=str(path)) from None
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise InputError(
                f"unknown setting(s) {', '.join(unknown)}; expected some of {', '.join(sorted(known))}",
                path=str(path),
            )
        loaded = replace(config, **{k: _number(k, v, str(path)) for k, v in data.items()})
        _check_order(loaded, str(path))
        return loaded


#: Allowed closed range (low, high) of each setting; None is unbounded.
SETTING_RANGES: dict[str, tuple[float, float | None]] = {
    "premium_tolerance_idr": (0.0, None),
    "wage_tolerance_idr": (0.0, None),
    "name_agree_score": (0.0, 100.0),
    "name_pair_score": (0.0, 100.0),
    "partial_payroll_share": (0.0, 1.0),
}


def _range_text(low: float, high: float | None) -> str:
    return f"a number >= {low:g}" if high is None else f"a number from {low:g} to {high:g}"


def _number(key: str, value: object, path: str) -> float:
    """`value` as a float within the range of `key`; InputError naming key, range and value otherwise."""
    low, high = SETTING_RANGES[key]
    expected = _range_text(low, high)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{key}: expected {expected}, found {value!r}", path=path)
    number = float(value)
    if not math.isfinite(number) or number < low or (high is not None and number > high):
        raise InputError(f"{key}: expected {expected}, found {value!r}", path=path)
    return number


def _check_order(config: ReconConfig, path: str) -> None:
    """The name_birth_date tier's score may not be laxer than the score at which names agree."""
    if config.name_pair_score < config.name_agree_score:
        raise InputError(
            f"name_pair_score: expected a number >= name_agree_score ({config.name_agree_score:g}),"
            f" found {config.name_pair_score:g}",
            path=path,
        )
