"""Name normalisation: every DOMAIN.md variant meets its plain form; distinct people stay apart."""

from __future__ import annotations

import pandas as pd
import pytest

from reconcile.identity import name_keys, normalize_name
from reconcile.identity import names as names_module
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


#: Inputs at the edges of the rules, with the keys they have always had.
EDGES = [
    ("M. Rizki, S.Pd bin Ahmad", "MHD RIZKI"),
    ("Ahmad, S.Kep., Ns. bin Umar", "AHMAD"),
    ("Dewi  Lestari\tS.Kom", "DEWI LESTARI"),
    ("H.M. Yusuf", "MHD YUSUF"),
    ("S. Pd", "S PD"),
    ("Rina Wati S. Pd", "RINA WATI"),
    ("Budi-Santoso", "BUDI SANTOSO"),
    (", Budi", "BUDI"),
    ("Budi,,Santoso", "BUDI SANTOSO"),
    ("Drs. H.", "H"),
    ("Ma\u2019ruf Amin", "MARUF AMIN"),
    ("Zoë Ñoño", "ZU NONO"),
    ("Andi 2 Saputra", "ANDI SAPUTRA"),
    ("Siti\u00a0Aminah", "SITI AMINAH"),
    ("SITI BINTI", "SITI"),
    ("Bin Laden", "BIN LADEN"),
    ("Ir. Dra. Hj. R.A. Kartini, S.H., M.Kn. binti Sosro", "KARTINI"),
    ("M Rizki", "MHD RIZKI"),
    ("Rizki M", "RIZKI M"),
    ("M", "M"),
    (".. . ,", ""),
    ("Straße", "STRASE"),
    ("ǅemal", "DZEMAL"),
]


@pytest.mark.parametrize("written, key", EDGES)
def test_edge_cases_keep_their_keys(written: str, key: str) -> None:
    assert normalize_name(written) == key


def test_a_column_is_keyed_alike_in_any_storage(monkeypatch: pytest.MonkeyPatch) -> None:
    names = [w for w, _ in EDGES] + list(SAME["written"]) + [None]
    expected = [k for _, k in EDGES] + [normalize_name(w) for w in SAME["written"]] + [""]
    as_object = pd.Series(names, dtype=object)
    as_string = pd.Series(names, dtype="string")
    chunked = pd.concat([as_string.iloc[:5], as_string.iloc[5:]], ignore_index=True)  # two Arrow chunks
    for column in (as_object, as_string, chunked):
        assert name_keys(column).tolist() == expected
    monkeypatch.setattr(names_module, "_BATCH", 4)  # names are keyed in batches of this many
    assert name_keys(as_string).tolist() == expected


def test_anything_but_text_gives_an_empty_key_and_odd_text_still_works() -> None:
    keys = name_keys(pd.Series([5, 3.5, True, "Bu\ud800di", ""], dtype=object))
    assert keys.tolist() == ["", "", "", "BU DI", ""]  # a lone surrogate only separates words
    assert name_keys(pd.Series([], dtype="string")).tolist() == []
