"""Name normalisation: every DOMAIN.md variant meets its plain form; distinct people stay apart."""

from __future__ import annotations

import pandas as pd
import pytest

from reconcile.identity import name_keys, normalize_name
from tests.identity.tables import pipe_table

SAME = pipe_table(
    """
| written                                  | plain                 | why                              |
| Hj. Siti Aminah, S.Pd                    | SITI AMINAH           | prefix and suffix titles         |
| siti   aminah                            | SITI AMINAH           | case and spacing                 |
| Drs. H. Budi Santoso, M.Si               | BUDI SANTOSO          | several prefix titles            |
| Dra. Rina Wati, S.E.                     | RINA WATI             | Dra., S.E.                       |
| Ir. Budi, S.T., M.T.                     | BUDI                  | several suffix titles            |
| Prof. Dr. Ahmad Fauzi, M.M.              | AHMAD FAUZI           | Prof. Dr., M.M.                  |
| R. Ajeng Kartika                         | AJENG KARTIKA         | Raden                            |
| KH. Ma'ruf Amin                          | MARUF AMIN            | Kyai Haji, apostrophe            |
| Hajjah Fatimah                           | FATIMAH               | Hajjah written out               |
| Dewi Lestari, A.Md.Kep                   | DEWI LESTARI          | nursing diploma                  |
| Ns. Dewi Lestari, S.Kep                  | DEWI LESTARI          | Ners before, S.Kep after         |
| Dewi Lestari S.Kom                       | DEWI LESTARI          | dotted title without a comma     |
| Rina Wati, S.Sos                         | RINA WATI             | S.Sos                            |
| Andi Saputra, S.IP                       | ANDI SAPUTRA          | S.IP                             |
| Andi Saputra, S.H., M.Kn.                | ANDI SAPUTRA          | generic X.Yy after a comma       |
| Rina Wati, S. Pd                         | RINA WATI             | title split by a space           |
| Muhammad Rizki                           | MUHAMMAD RIZKI        | (reference)                      |
| Muh. Rizki                               | MUHAMMAD RIZKI        | Muh.                             |
| Moh. Rizki                               | MUHAMMAD RIZKI        | Moh.                             |
| Mhd Rizki                                | MUHAMMAD RIZKI        | Mhd                              |
| M. Rizki                                 | MUHAMMAD RIZKI        | M.                               |
| M.Rizki                                  | MUHAMMAD RIZKI        | M. without a space               |
| Mochammad Rizki                          | MUHAMMAD RIZKI        | Mochammad                        |
| Mohammad Rizki                           | MUHAMMAD RIZKI        | Mohammad                         |
| Muhamad Rizki                            | MUHAMMAD RIZKI        | Muhamad                          |
| Abd. Rahman                              | ABDUL RAHMAN          | Abd.                             |
| Soekarno                                 | SUKARNO               | oe = u                           |
| Djoko Santoso                            | JOKO SANTOSO          | dj = j                           |
| Tjipto                                   | CIPTO                 | tj = c                           |
| Jusuf                                    | YUSUF                 | j = y                            |
| Njoman                                   | NYOMAN                | nj = ny                          |
| Sjamsul                                  | SYAMSUL               | sj = sy                          |
| Chairul                                  | KHAIRUL               | ch = kh                          |
| Prasetjo                                 | PRASETYO              | tj also stood for ty             |
| Ahmad bin Umar                           | AHMAD                 | patronym                         |
| Siti Aminah binti Abdullah               | SITI AMINAH           | patronym                         |
| Ahmad S.Pd bin Umar                      | AHMAD                 | title before the patronym        |
| Abdullah                                 | ABDULAH               | doubled letters                  |
| José                                     | JOSE                  | accents                          |
"""
)

DISTINCT = [
    ("SITI AMINAH", "SITI ROMLAH"),
    ("AHMAD FAUZI", "AHMAD FAUZAN"),
    ("BUDI", "BAMBANG"),
    ("MUHAMMAD RIZKI", "RIZKI"),
    ("SE", "SH"),  # one-word names are never stripped to nothing
]


@pytest.mark.parametrize("written, plain, why", list(SAME.itertuples(index=False, name=None)))
def test_variant_meets_plain_form(written: str, plain: str, why: str) -> None:
    assert normalize_name(written) == normalize_name(plain), why


@pytest.mark.parametrize("a, b", DISTINCT)
def test_distinct_people_stay_distinct(a: str, b: str) -> None:
    assert normalize_name(a) != normalize_name(b)


def test_keys_are_upper_single_spaced_and_never_empty_for_a_name() -> None:
    assert normalize_name("  h.  siti   aminah ,  s.pd ") == "SITI AMINAH"
    assert normalize_name("R") == "R"  # a title-looking one-word name is kept
    assert normalize_name("Dr.") == "DR"


def test_missing_names_give_empty_keys() -> None:
    assert normalize_name(None) == ""  # type: ignore[arg-type]
    keys = name_keys(pd.Series(["Hj. Siti", None, pd.NA, "Hj. Siti"], index=[7, 3, 9, 1]))
    assert keys.to_dict() == {7: "SITI", 3: "", 9: "", 1: "SITI"}
