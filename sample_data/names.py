"""Indonesian personal names by origin, titles, and the spelling variants payroll clerks produce.

Every generated name is stored in modern spelling with words written out ("Muhammad", "Abdul").
The variant helpers derive what a clerk or BPJS might type instead (old spelling, abbreviations,
dropped patronym, titles). Sex is "L" (laki-laki) or "P" (perempuan).
"""

from __future__ import annotations

import random

GIVEN: dict[str, dict[str, list[str]]] = {
    "jawa": {
        "L": [
            "Budi",
            "Joko",
            "Slamet",
            "Sugeng",
            "Agus",
            "Bambang",
            "Heru",
            "Wahyu",
            "Eko",
            "Dwi",
            "Tri",
            "Suparman",
            "Sutrisno",
            "Suharto",
            "Sujono",
            "Supardi",
            "Jumadi",
            "Suwarno",
            "Cahyono",
            "Wahyudi",
            "Purwanto",
            "Mulyadi",
            "Sumarno",
            "Giyanto",
            "Rudi",
            "Teguh",
            "Yusuf",
            "Puji",
        ],
        "P": [
            "Sri",
            "Sulastri",
            "Juwita",
            "Suryani",
            "Endang",
            "Sumiati",
            "Wartini",
            "Lestari",
            "Rini",
            "Yuliana",
            "Ninik",
            "Tutik",
            "Dewi",
            "Kartini",
            "Sumarni",
            "Puji",
            "Citra",
            "Suciati",
        ],
    },
    "lampung": {
        "L": [
            "Rahmat",
            "Ansori",
            "Syahbudin",
            "Marzuki",
            "Herman",
            "Rusli",
            "Zainal",
            "Hasanudin",
            "Effendi",
            "Khairul",
            "Syamsul",
            "Ismail",
            "Rosidi",
            "Amiruddin",
            "Saprudin",
            "Jamal",
        ],
        "P": [
            "Rosmawati",
            "Yusnani",
            "Halimah",
            "Rosidah",
            "Nurhayati",
            "Masitoh",
            "Zubaidah",
            "Aminah",
            "Rohana",
            "Syamsiah",
            "Hayati",
            "Maimunah",
        ],
    },
    "sunda": {
        "L": [
            "Asep",
            "Ujang",
            "Dede",
            "Cecep",
            "Dadang",
            "Yayat",
            "Entis",
            "Dudung",
            "Iwan",
            "Ade",
            "Deden",
            "Ajat",
            "Engkus",
            "Encep",
        ],
        "P": [
            "Euis",
            "Neneng",
            "Iis",
            "Yeni",
            "Nining",
            "Enok",
            "Imas",
            "Popon",
            "Cucu",
            "Tati",
            "Lilis",
            "Ai",
        ],
    },
    "minang": {
        "L": [
            "Afrizal",
            "Yulizar",
            "Syafrudin",
            "Zulkifli",
            "Asrul",
            "Darmawi",
            "Firdaus",
            "Hendri",
            "Rizal",
            "Jasman",
            "Nasrul",
            "Erizal",
        ],
        "P": [
            "Fitri",
            "Rahmi",
            "Nofriyanti",
            "Desmawati",
            "Yusmaniar",
            "Elfi",
            "Rosnelly",
            "Yelfi",
            "Nurmaini",
            "Gusnita",
        ],
    },
    "batak": {
        "L": [
            "Martua",
            "Parlindungan",
            "Maruli",
            "Hotman",
            "Jonggi",
            "Togar",
            "Poltak",
            "Binsar",
            "Sahat",
            "Bonar",
        ],
        "P": ["Tiurma", "Roslina", "Rotua", "Lasma", "Nurcahaya", "Dameria", "Sondang", "Hotmaida"],
    },
    "tionghoa": {
        "L": [
            "Hendra",
            "Yohanes",
            "Ferry",
            "Sonny",
            "Budi",
            "Hartono",
            "Steven",
            "Wilson",
            "Andi",
            "Rudy",
            "Kevin",
            "Susanto",
        ],
        "P": ["Lina", "Wati", "Susi", "Meliana", "Linda", "Yuliani", "Lanny", "Fenny", "Megawati", "Cindy"],
    },
}

FAMILY: dict[str, list[str]] = {
    "jawa": [
        "Santoso",
        "Prasetyo",
        "Wibowo",
        "Susanto",
        "Setiawan",
        "Hartono",
        "Sutrisno",
        "Purnomo",
        "Nugroho",
        "Kurniawan",
        "Hidayat",
        "Suryadi",
        "Wijayanto",
        "Saputra",
        "Susilo",
        "Haryanto",
    ],
    "lampung": [
        "Hasan",
        "Ansori",
        "Saleh",
        "Yusuf",
        "Hamid",
        "Sanusi",
        "Mansyur",
        "Arifin",
        "Sulaiman",
        "Syarif",
        "Hakim",
        "Zulkarnain",
        "Rasyid",
        "Basri",
    ],
    "sunda": [
        "Suherman",
        "Sutisna",
        "Permana",
        "Kusnadi",
        "Rukmana",
        "Supriatna",
        "Hermawan",
        "Sumarna",
        "Kurnia",
        "Sobari",
        "Mulyana",
    ],
    "minang": [
        "Syahputra",
        "Putra",
        "Hasibuan",
        "Amir",
        "Chaniago",
        "Koto",
        "Piliang",
        "Sikumbang",
        "Tanjung",
        "Jambak",
    ],
    "batak": [
        "Siregar",
        "Nasution",
        "Simanjuntak",
        "Hutapea",
        "Sitompul",
        "Harahap",
        "Lubis",
        "Panjaitan",
        "Sinaga",
        "Pardede",
        "Manurung",
        "Situmorang",
        "Tambunan",
        "Sihombing",
    ],
    "tionghoa": [
        "Wijaya",
        "Gunawan",
        "Halim",
        "Tanoto",
        "Salim",
        "Tanuwijaya",
        "Hartanto",
        "Kusuma",
        "Lim",
        "Tanjaya",
        "Sugianto",
        "Setiadi",
    ],
}

#: Second names only women carry.
FEMALE_SECOND: dict[str, list[str]] = {
    "jawa": ["Rahayu", "Ningsih", "Wulandari", "Handayani", "Pratiwi", "Saputri", "Lestari"],
    "sunda": ["Nurjanah", "Rahmawati"],
    "minang": ["Yanti", "Wati", "Yusnita"],
}

#: Islamic first words common across origins (written out in full; abbreviated only in variants).
ISLAMIC_FIRST = {"L": ["Muhammad", "Abdul", "Ahmad"], "P": ["Siti", "Nur"]}
PATRONYM_FATHERS = [
    "Yusuf",
    "Hasan",
    "Ismail",
    "Sulaiman",
    "Abdullah",
    "Ibrahim",
    "Umar",
    "Salim",
    "Ali",
    "Usman",
    "Zakaria",
    "Harun",
]

ORIGIN_WEIGHTS = {"jawa": 45, "lampung": 20, "sunda": 14, "minang": 8, "batak": 7, "tionghoa": 6}

FRONT_TITLES = {"L": ["H.", "Drs.", "Ir.", "R."], "P": ["Hj.", "Dra.", "Ir."]}
BACK_TITLES = ["S.Pd", "S.E.", "S.H.", "S.Kom", "A.Md", "M.M.", "S.Sos", "S.IP", "A.Md.Kep", "S.Kep"]

#: modern -> old spelling rewrites (applied to a whole word, first match wins).
OLD_SPELLING: list[tuple[str, str]] = [
    ("Joko", "Djoko"),
    ("Sutrisno", "Soetrisno"),
    ("Cahyono", "Tjahjono"),
    ("Suharto", "Soeharto"),
    ("Sujono", "Soedjono"),
    ("Supardi", "Soepardi"),
    ("Jumadi", "Djumadi"),
    ("Suwarno", "Soewarno"),
    ("Wahyudi", "Wahjudi"),
    ("Sulastri", "Soelastri"),
    ("Juwita", "Djuwita"),
    ("Citra", "Tjitra"),
    ("Jamal", "Djamal"),
    ("Syamsul", "Sjamsul"),
    ("Khairul", "Chairul"),
    ("Yusuf", "Jusuf"),
    ("Suryani", "Surjani"),
    ("Suryadi", "Surjadi"),
    ("Suciati", "Soeciati"),
    ("Susilo", "Soesilo"),
    ("Sumarno", "Soemarno"),
    ("Sumarni", "Soemarni"),
    ("Yuliana", "Julijana"),
    ("Purwanto", "Poerwanto"),
]
OLD_BY_MODERN = dict(OLD_SPELLING)
ABBREVIATIONS = {"Muhammad": ["M.", "Muh.", "Moh.", "Mhd."], "Abdul": ["Abd."]}

BIRTH_PLACES = {
    "jawa": [
        "Bandar Lampung",
        "Metro",
        "Pringsewu",
        "Gedong Tataan",
        "Kalirejo",
        "Yogyakarta",
        "Surabaya",
        "Kebumen",
        "Kotabumi",
    ],
    "lampung": [
        "Bandar Lampung",
        "Kotabumi",
        "Liwa",
        "Menggala",
        "Kota Agung",
        "Blambangan Umpu",
        "Sukadana",
        "Kalianda",
        "Krui",
    ],
    "sunda": ["Bandar Lampung", "Bandung", "Garut", "Tasikmalaya", "Natar", "Kalianda"],
    "minang": ["Bandar Lampung", "Padang", "Bukittinggi", "Payakumbuh", "Metro"],
    "batak": ["Bandar Lampung", "Medan", "Tarutung", "Pematangsiantar", "Balige"],
    "tionghoa": ["Bandar Lampung", "Jakarta", "Palembang", "Metro", "Teluk Betung"],
}


def draw_name(rng: random.Random, origin: str, sex: str) -> tuple[str, str | None]:
    """A clean modern-spelling name and, for some, the father's name of a "bin/binti" patronym."""
    given = GIVEN[origin][sex]
    roll = rng.random()
    if origin in ("jawa", "sunda") and roll < 0.12:
        return rng.choice(given), None  # single-word names are common among Javanese and Sundanese
    if origin in ("jawa", "lampung", "sunda", "minang") and roll < 0.30:
        words = [rng.choice(ISLAMIC_FIRST[sex]), rng.choice(given)]
    else:
        second = FAMILY[origin]
        if sex == "P" and origin in FEMALE_SECOND and rng.random() < 0.5:
            second = FEMALE_SECOND[origin]
        words = [rng.choice(given), rng.choice(second)]
        if rng.random() < 0.15:
            words.insert(1, rng.choice(given))
    if len(set(words)) < len(words):
        words = [words[0], rng.choice(FAMILY[origin])]
    father = None
    if origin in ("lampung", "minang", "jawa") and rng.random() < 0.06:
        father = rng.choice(PATRONYM_FATHERS)
    return " ".join(words), father


def old_spelling(name: str) -> str | None:
    """The name in pre-1972 spelling, or None when no word of it has an old form."""
    words = name.split()
    changed = [OLD_BY_MODERN.get(w, w) for w in words]
    return " ".join(changed) if changed != words else None


def abbreviated(rng: random.Random, name: str) -> str | None:
    """The name with Muhammad/Abdul shortened, or None when it has neither."""
    words = name.split()
    if words[0] not in ABBREVIATIONS or len(words) < 2:
        return None
    return " ".join([rng.choice(ABBREVIATIONS[words[0]]), *words[1:]])


def with_titles(rng: random.Random, name: str, sex: str, birth_year: int) -> str:
    """The name as a payroll clerk writes it for someone with honorifics or degrees."""
    front = []
    if rng.random() < 0.35:
        pool = [t for t in FRONT_TITLES[sex] if birth_year < 1972 or t not in ("Drs.", "Dra.")]
        front.append(rng.choice(pool))
    if front and front[0] in ("Drs.", "Dra.", "Ir.") and rng.random() < 0.4:
        front.append("H." if sex == "L" else "Hj.")
    back = [] if front and front[0] in ("Drs.", "Dra.") else [rng.choice(BACK_TITLES)]
    if back and rng.random() < 0.15:
        back.append("M.M.")
    text = " ".join([*front, name])
    return ", ".join([text, *back]) if back else text


def tokens(name: str) -> list[str]:
    """Upper-case words of a clean name, patronym marker dropped (for uniqueness checks)."""
    return [w.upper() for w in name.split() if w.lower() not in ("bin", "binti")]
