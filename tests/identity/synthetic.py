"""A synthetic payroll / BPJS pair with planted dirty keys and the true pairs: a linkage test set.

Every person gets a NIK with the real structure (province 18, regency, district, DDMMYY with 40
added for women, serial), a birth date, a KPJ and an Indonesian name. Each side then writes the
person the way real lists do (titles, case, old spellings, Muhammad abbreviations, patronyms),
and a planted share of people get one dirty key. `truth` records every true pair and the tier
that should find it, so tests can score precision and recall per tier.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reconcile.model import BPJS_COLUMNS, PAYROLL_COLUMNS

FIRST = (
    "AHMAD BUDI SITI DEWI SRI AGUS JOKO YUSUF RINA EKO WAHYU NUR DIAN FITRI HENDRA RUDI YANTI SUSI "
    "ANDI ARIF BAMBANG SUGENG SUPRIYADI SLAMET TRI DWI RAHMAT IRWAN RIZKI FAJAR PUTRI AYU INDAH "
    "MUHAMMAD ABDUL YUNUS JUNAIDI SUHARTO SURYA CAHYO KHAIRUL NYOMAN SYAMSUL UMAR YOGA DJAROT "
    "ANISA LINDA MEGA NOVI RATNA SARI TUTI WIDYA YULI ZAINAL BAYU CANDRA DEDI FERRY GILANG HADI "
    "IKA JAMAL KARTIKA LUKMAN MAYA NANDA OKTA PANJI QORI REZA SUSANTI TAUFIK UTAMI VINA WINDA"
).split()
MIDDLE = (
    "NUR PUTRA PUTRI DWI TRI EKA ADI SURYA INDAH AYU SRI BAGUS DIAN JAYA CAHYA YUDHA AGUNG BUDI "
    "RAHMA FITRI AJI ARI BAYU CITRA DEWA GITA HANA IRA JUWITA KUSUMA LAKSMI MADE NINGRUM OKA PRIMA"
).split()
LAST = (
    "SANTOSO WIBOWO SAPUTRA SETIAWAN KURNIAWAN HIDAYAT PRATAMA RAHAYU LESTARI WULANDARI HANDAYANI "
    "PURNOMO SUSANTO GUNAWAN HARYANTO NURHALIZA AMINAH ROMLAH FAUZI RAMADHAN SUHENDRA SIREGAR "
    "NASUTION HASIBUAN LUBIS SIMANJUNTAK SIAHAAN TANJUNG HARAHAP ROSYID ZULKARNAEN YULIANTI "
    "FIRMANSYAH HERMAWAN SUPRAPTO SUMARNO SUPARMAN SUKARNO JAYADI MULYADI HARTONO SUGIARTO "
    "PRASETYO ANGGRAINI MAHARANI PERMATASARI KUSNADI SYAHPUTRA WIJAYA HALIM IRAWAN SUDRAJAT"
).split()
REGENCIES = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "71", "72"]
PREFIXES = ["H.", "Hj.", "Drs.", "Ir.", "Dr.", "Dra."]
SUFFIXES = [", S.Pd", ", S.E.", " S.Kom", ", A.Md.Kep", ", M.M.", ", S.H.", ", S.Sos", ", S.Kep., Ns."]
OLD = [("U", "OE"), ("J", "DJ"), ("Y", "J"), ("C", "TJ"), ("KH", "CH")]

#: Planted kinds and the tier (match_method) that should find them.
PLANTED = {
    "clean": "nik",
    "duplicate_payroll": "nik",
    "kpj_only": "kpj",
    "excel_precision": "nik_excel_precision",
    "typo": "nik_typo",
    "transposition": "nik_typo",
    "missing_nik": "name_birth_date",
}


@dataclass(frozen=True)
class SyntheticSet:
    payroll: pd.DataFrame
    bpjs: pd.DataFrame
    truth: pd.DataFrame  # payroll_idx, bpjs_idx, planted, expected_method
    conflicts: pd.DataFrame  # payroll_idx, bpjs_idx: same NIK, different person (never a pair)


def _name(rng: np.random.Generator) -> str:
    parts = [str(rng.choice(FIRST))]
    if rng.random() < 0.5:
        parts.append(str(rng.choice(MIDDLE)))
    parts.append(str(rng.choice(LAST)))
    return " ".join(parts)


def variant(name: str, rng: np.random.Generator) -> str:
    """One way a list may write `name`: every change is a spelling variant, never another person."""
    out = name
    if out.startswith("MUHAMMAD ") and rng.random() < 0.7:
        out = str(rng.choice(["M.", "Muh.", "Moch.", "Mohammad", "Mhd"])) + out[len("MUHAMMAD") :]
    if out.startswith("ABDUL ") and rng.random() < 0.7:
        out = "Abd." + out[len("ABDUL") :]
    if rng.random() < 0.3:
        old, new = OLD[int(rng.integers(len(OLD)))]
        out = out.replace(old, new, 1)
    if rng.random() < 0.15:
        out = f"{rng.choice(PREFIXES)} {out}"
    if rng.random() < 0.2:
        out = f"{out}{rng.choice(SUFFIXES)}"
    if rng.random() < 0.05:
        out = f"{out} {rng.choice(['bin', 'binti'])} {rng.choice(LAST)}"
    case = rng.random()
    if case < 0.3:
        out = out.title()
    elif case < 0.4:
        out = out.lower()
    if rng.random() < 0.1:
        out = out.replace(" ", "  ", 1)
    return out


def nik_is_valid(nik: str | None) -> bool:
    """The schema's rule, simplified: 16 digits, province 18, a real DDMMYY, serial from 0001."""
    if not isinstance(nik, str) or len(nik) != 16 or not nik.isdigit() or nik[:2] != "18":
        return False
    day = int(nik[6:8])
    day = day - 40 if day > 40 else day
    for century in (1900, 2000):  # DDMMYY: the date must exist in one of the two centuries
        try:
            pd.Timestamp(year=century + int(nik[10:12]), month=int(nik[8:10]), day=day)
        except ValueError:
            continue
        return nik[12:] != "0000"
    return False


def _people(n: int, rng: np.random.Generator) -> pd.DataFrame:
    birth = pd.Timestamp("1965-01-01") + pd.to_timedelta(rng.integers(0, 365 * 38, n), unit="D")
    female = rng.random(n) < 0.5
    niks: list[str] = []
    seen: set[str] = set()
    for i in range(n):
        while True:
            day = birth[i].day + (40 if female[i] else 0)
            nik = (
                f"18{rng.choice(REGENCIES)}{int(rng.integers(1, 21)):02d}"
                f"{day:02d}{birth[i].month:02d}{birth[i].year % 100:02d}{int(rng.integers(1, 1000)):04d}"
            )
            if nik not in seen:
                seen.add(nik)
                niks.append(nik)
                break
    kpj = [f"{x:011d}" for x in rng.choice(10**11 - 10**10, size=n, replace=False) + 10**10]
    return pd.DataFrame(
        {"nik": niks, "kpj": kpj, "name": [_name(rng) for _ in range(n)], "birth_date": birth}
    )


def _typo(nik: str, rng: np.random.Generator) -> str:
    i = int(rng.integers(2, 16))
    digit = str((int(nik[i]) + int(rng.integers(1, 10))) % 10)
    return nik[:i] + digit + nik[i + 1 :]


def _transpose(nik: str, rng: np.random.Generator) -> str | None:
    spots = [i for i in range(2, 15) if nik[i] != nik[i + 1]]
    if not spots:
        return None
    i = int(rng.choice(spots))
    return nik[:i] + nik[i + 1] + nik[i] + nik[i + 2 :]


def _row(side_columns: list[str], person: pd.Series, nik: str | None, name: str, **extra: object) -> dict:
    row = {c: None for c in side_columns}
    row.update(
        source_file="synthetic.xlsx",
        source_sheet="Sheet1",
        nik=nik,
        nik_raw=nik,
        nik_numeric=False,
        kpj=None,
        name=name,
        birth_date=person["birth_date"],
        nik_valid=nik_is_valid(nik),
        kpj_valid=False,
        rejected=False,
    )
    row.update(extra)
    return row


def generate(n_people: int = 3000, seed: int = 0, dirty: float = 0.02) -> SyntheticSet:
    """`dirty` is the share of people planted with each dirty-key kind."""
    rng = np.random.default_rng(seed)
    people = _people(n_people, rng)
    kinds = np.array(
        ["excel_precision", "typo", "transposition", "missing_nik", "kpj_only", "duplicate_payroll"]
        + ["payroll_only", "bpjs_only", "same_nik_other_person", "clean"]
    )
    share = np.array([dirty] * 6 + [0.03, 0.03, 0.005])
    kind = rng.choice(kinds, size=n_people, p=[*share, 1 - share.sum()])
    payroll_rows: list[dict] = []
    bpjs_rows: list[dict] = []
    truth: list[tuple[int, int, str]] = []
    # Same NIK, different person: a payroll-only worker typed with a BPJS-only participant's NIK.
    borrowed = iter(people.loc[kind == "bpjs_only", "nik"].tolist())
    conflict_rows: list[tuple[int, str]] = []
    for i, person in people.iterrows():
        k = str(kind[i])
        nik = person["nik"]
        if k == "excel_precision" and nik.endswith("0"):
            k = "clean"
        if k == "transposition" and _transpose(nik, rng) is None:
            k = "clean"
        p_nik, b_nik, p_extra = nik, nik, {}
        if k == "excel_precision":
            p_nik, p_extra = nik[:15] + "0", {"nik_numeric": True}
        elif k == "typo":
            b_nik = _typo(nik, rng)
        elif k == "transposition":
            b_nik = _transpose(nik, rng)
        elif k == "missing_nik":
            p_nik = None if rng.random() < 0.5 else nik[:-1]  # blank, or a short (invalid) NIK
        elif k == "same_nik_other_person":
            p_nik = next(borrowed, nik)
            if p_nik != nik:
                conflict_rows.append((len(payroll_rows), p_nik))
        elif k == "kpj_only":
            p_nik, p_extra = None, {"kpj": person["kpj"], "kpj_valid": True}
        p_birth = {}
        if k in ("clean", "duplicate_payroll") and rng.random() < 0.03:
            p_birth = {"birth_date": pd.NaT}  # birth date unreadable: exact NIK still pairs
        if k != "bpjs_only":
            payroll_rows.append(
                _row(PAYROLL_COLUMNS, person, p_nik, variant(person["name"], rng), **p_extra, **p_birth)
            )
        if k == "duplicate_payroll":
            payroll_rows.append(_row(PAYROLL_COLUMNS, person, p_nik, variant(person["name"], rng)))
        if k not in ("payroll_only", "same_nik_other_person"):
            bpjs_rows.append(
                _row(
                    BPJS_COLUMNS,
                    person,
                    b_nik,
                    variant(person["name"], rng),
                    kpj=person["kpj"],
                    kpj_valid=True,
                )
            )
        if k not in ("payroll_only", "bpjs_only", "same_nik_other_person"):
            n_pay = 2 if k == "duplicate_payroll" else 1
            for d in range(n_pay):
                truth.append((len(payroll_rows) - n_pay + d, len(bpjs_rows) - 1, k))
    payroll = pd.DataFrame(payroll_rows, columns=PAYROLL_COLUMNS)
    bpjs = pd.DataFrame(bpjs_rows, columns=BPJS_COLUMNS)
    payroll["source_row"] = np.arange(len(payroll)) + 2
    bpjs["source_row"] = np.arange(len(bpjs)) + 2
    # Arbitrary integer labels (as after dropping rejected rows): the matcher must keep them.
    payroll.index = pd.Index(rng.choice(10 * len(payroll) + 10, len(payroll), replace=False) + 1000)
    bpjs.index = pd.Index(rng.choice(10 * len(bpjs) + 10, len(bpjs), replace=False) + 5000)
    t = pd.DataFrame(truth, columns=["p", "b", "planted"])
    truth_frame = pd.DataFrame(
        {
            "payroll_idx": payroll.index.to_numpy()[t["p"].to_numpy()],
            "bpjs_idx": bpjs.index.to_numpy()[t["b"].to_numpy()],
            "planted": t["planted"],
            "expected_method": t["planted"].map(PLANTED),
        }
    )
    bpjs_by_nik = pd.Series(bpjs.index, index=bpjs["nik"].to_numpy())
    conflicts = pd.DataFrame(
        {
            "payroll_idx": [payroll.index[i] for i, _ in conflict_rows],
            "bpjs_idx": [bpjs_by_nik[n] for _, n in conflict_rows],
        },
        dtype="int64",
    )
    return SyntheticSet(payroll=payroll, bpjs=bpjs, truth=truth_frame, conflicts=conflicts)
