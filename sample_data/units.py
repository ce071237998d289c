"""The provincial offices (OPD) that employ PTHL, with their heads and typical jobs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """One OPD. `sections` > 1 means its payroll file has one sheet per Bidang."""

    key: str  # file stem
    name: str
    head: str  # who signs "Mengetahui"
    weight: int  # relative head count
    positions: tuple[str, ...]
    sections: tuple[str, ...] = ()


COMMON = (
    "Tenaga Kebersihan",
    "Pengemudi",
    "Petugas Keamanan",
    "Tenaga Administrasi",
    "Operator Komputer",
    "Pramu Bakti",
    "Penjaga Malam",
    "Caraka",
)

UNITS: tuple[Unit, ...] = (
    Unit(
        "dinas_pendidikan_dan_kebudayaan",
        "Dinas Pendidikan dan Kebudayaan",
        "Kepala Dinas Pendidikan dan Kebudayaan",
        24,
        (*COMMON, "Tenaga Perpustakaan", "Laboran"),
    ),
    Unit(
        "dinas_kesehatan",
        "Dinas Kesehatan",
        "Kepala Dinas Kesehatan",
        14,
        (*COMMON, "Tenaga Kesehatan", "Pengelola Data"),
    ),
    Unit(
        "rsud_abdul_moeloek",
        "RSUD Dr. H. Abdul Moeloek",
        "Direktur RSUD Dr. H. Abdul Moeloek",
        20,
        (
            "Perawat",
            "Bidan",
            "Juru Masak",
            "Tenaga Kebersihan",
            "Petugas Rekam Medis",
            "Pengemudi Ambulans",
            "Petugas Laundry",
            "Petugas Keamanan",
        ),
        ("Bidang Pelayanan", "Bidang Umum dan Kepegawaian"),
    ),
    Unit(
        "biro_umum_setda",
        "Biro Umum Setda Provinsi Lampung",
        "Kepala Biro Umum",
        10,
        (*COMMON, "Petugas Protokol", "Teknisi Listrik"),
    ),
    Unit(
        "satpol_pp",
        "Satuan Polisi Pamong Praja",
        "Kepala Satuan Polisi Pamong Praja",
        9,
        ("Anggota Satlinmas", "Petugas Keamanan", "Pengemudi", "Tenaga Administrasi"),
    ),
    Unit(
        "dinas_pekerjaan_umum",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        9,
        ("Operator Alat Berat", "Tenaga Teknis", "Juru Ukur", "Penjaga Pintu Air", *COMMON[:4]),
    ),
    Unit(
        "dinas_perhubungan",
        "Dinas Perhubungan",
        "Kepala Dinas Perhubungan",
        6,
        ("Petugas Terminal", "Petugas Dishub Lapangan", *COMMON[:5]),
    ),
    Unit(
        "dinas_lingkungan_hidup",
        "Dinas Lingkungan Hidup",
        "Kepala Dinas Lingkungan Hidup",
        5,
        ("Petugas Pertamanan", "Tenaga Kebersihan", "Pengemudi", "Tenaga Administrasi"),
    ),
    Unit(
        "dinas_sosial",
        "Dinas Sosial",
        "Kepala Dinas Sosial",
        3,
        ("Pendamping Sosial", "Pengasuh Panti", "Juru Masak", *COMMON[:3]),
    ),
)


def units_for(workers: int) -> tuple[Unit, ...]:
    """Enough units for the head count: about one per 300 workers, between 2 and all of them."""
    n = max(2, min(len(UNITS), round(workers / 300)))
    return UNITS[:n]
