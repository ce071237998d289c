"""The employer's policy: which scheme and programs it pays, on what declared income or risk group.

Loaded from a small TOML file (`--policy`; default reconcile/data/policies/lampung_pthl.toml) and
checked at once: an unknown key or a bad value is an InputError naming the file, the key, what
was expected and what was found.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from reconcile.errors import InputError

Scheme = Literal["BPU", "PU"]
Program = Literal["JKK", "JKM", "JHT", "JP"]
RiskGroup = Literal["I", "II", "III", "IV", "V"]

SCHEMES: tuple[Scheme, ...] = ("BPU", "PU")
PROGRAMS: tuple[Program, ...] = ("JKK", "JKM", "JHT", "JP")
RISK_GROUPS: tuple[RiskGroup, ...] = ("I", "II", "III", "IV", "V")
#: BPU (informal) participants pay JKK and JKM from the tariff table; no BPU JHT rate is tabled yet.
BPU_PROGRAMS: tuple[Program, ...] = ("JKK", "JKM")

DEFAULT_POLICY = Path(__file__).resolve().parent.parent / "data" / "policies" / "lampung_pthl.toml"

_KEYS = ("employer", "workforce", "scheme", "programs", "declared_income", "jkk_risk_group", "jkp")


@dataclass(frozen=True)
class Policy:
    """One employer's contribution policy. Fields marked "BPU only" / "PU only" are ignored otherwise."""

    employer: str
    workforce: str
    scheme: Scheme
    programs: tuple[Program, ...]
    declared_income: int | Literal["wage"] | None  # BPU only: fixed Rupiah, or "wage" (the wage's bracket)
    jkk_risk_group: RiskGroup | None  # PU only
    jkp: bool  # PU only: JKP participant (PP 49/2023 JKK rates)
    source: str = field(default="", compare=False)  # the file it came from

    @property
    def premium_follows_wage(self) -> bool:
        """Whether a participant's premium depends on a wage: PU, or BPU declaring the wage's bracket."""
        return self.scheme == "PU" or self.declared_income == "wage"

    @classmethod
    def load(cls, path: str | Path | None = None) -> Policy:
        """The policy in a TOML file; None means the default Lampung PTHL policy."""
        file = Path(path) if path is not None else DEFAULT_POLICY
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError("policy file not found", path=str(file)) from None
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise InputError(f"expected a UTF-8 TOML policy file, found: {e}", path=str(file)) from None
        return cls.from_dict(data, source=str(file))

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "") -> Policy:
        """A policy from already-parsed keys, checked as strictly as a file."""

        def bad(key: str, expected: str) -> InputError:
            found = repr(data[key]) if key in data else "nothing (the key is missing)"
            return InputError(f"policy key {key!r}: expected {expected}, found {found}", path=source)

        unknown = sorted(set(data) - set(_KEYS))
        if unknown:
            raise InputError(
                f"unknown policy key(s) {', '.join(unknown)}; expected some of {', '.join(_KEYS)}",
                path=source,
            )
        for key in ("employer", "workforce"):
            if not isinstance(data.get(key, ""), str):
                raise bad(key, "text")
        scheme = data.get("scheme")
        if scheme not in SCHEMES:
            raise bad("scheme", "BPU or PU")
        allowed = BPU_PROGRAMS if scheme == "BPU" else PROGRAMS
        programs = data.get("programs")
        if (
            not isinstance(programs, list)
            or not programs
            or any(p not in allowed for p in programs)
            or len(set(programs)) != len(programs)
        ):
            raise bad("programs", f"a non-empty list of distinct {', '.join(allowed)} for scheme {scheme}")
        declared: Any = data.get("declared_income")
        if scheme == "BPU":
            if not (declared == "wage" or (_is_whole(declared) and declared > 0)):
                raise bad("declared_income", 'a positive whole number of Rupiah, or "wage"')
            declared = declared if declared == "wage" else int(declared)
        elif declared is not None and not (declared == "wage" or _is_whole(declared)):
            raise bad("declared_income", 'a whole number of Rupiah or "wage" (ignored for PU)')
        risk = data.get("jkk_risk_group")
        needs_risk = scheme == "PU" and "JKK" in programs
        if (needs_risk or risk is not None) and risk not in RISK_GROUPS:
            raise bad("jkk_risk_group", "one of I, II, III, IV, V")
        jkp = data.get("jkp", False)
        if not isinstance(jkp, bool):
            raise bad("jkp", "true or false")
        return cls(
            employer=data.get("employer", ""),
            workforce=data.get("workforce", ""),
            scheme=cast(Scheme, scheme),
            programs=tuple(cast(list[Program], programs)),
            declared_income=cast("int | Literal['wage'] | None", declared),
            jkk_risk_group=cast("RiskGroup | None", risk),
            jkp=jkp,
            source=source,
        )

    def as_dict(self) -> dict[str, Any]:
        """The policy keys as in the TOML file (for the manifest); `from_dict` reads it back."""
        out: dict[str, Any] = {
            "employer": self.employer,
            "workforce": self.workforce,
            "scheme": self.scheme,
            "programs": list(self.programs),
            "declared_income": self.declared_income,
            "jkk_risk_group": self.jkk_risk_group,
            "jkp": self.jkp,
        }
        return {k: v for k, v in out.items() if v is not None}


def _is_whole(value: object) -> bool:
    # TOML booleans are Python ints: `declared_income = true` must not pass as 1 Rupiah.
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
