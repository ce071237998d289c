"""Tunable thresholds and tolerances, with the reasoning for each default.

One frozen object, built from defaults and optionally overridden by a TOML file (`--config`).
Domain facts (rates, tariffs, caps, benefits) are not here: they are dated tables in reconcile/data.
"""

from __future__ import annotations

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
    name_pair_score: float = 92.0

    @classmethod
    def load(cls, path: str | Path | None) -> ReconConfig:
        """Defaults, overridden by the keys of a TOML file. Unknown keys are an input error."""
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
        try:
            return replace(config, **{k: float(v) for k, v in data.items()})
        except (TypeError, ValueError):
            raise InputError("every setting must be a number", path=str(path)) from None
