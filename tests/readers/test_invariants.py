"""Property: whatever the titles, blank lines and trailer around them, every worker row is read
once, at its own line number, and no structural line is read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.readers import read_input

TITLES = ["DAFTAR PEMBAYARAN UPAH PTHL", "Dinas Sosial", "Bulan : Februari 2018", ""]
TRAILER = [
    ";JUMLAH;;3000000",
    "",
    ";;;Bandar Lampung, 28 Februari 2018",
    ";Mengetahui",
    ";Kepala Dinas Sosial",
]
TRAILER += [";;;Bendahara Pengeluaran", "", ";Drs. SUPRIYANTO, M.M.", ";NIP. 196504031992031005"]
worker = st.tuples(
    st.text("ABCDEFGHIJKLMNOPRSTUWY '.", min_size=1, max_size=20).filter(lambda s: s.strip()),
    st.one_of(st.none(), st.integers(1871010101000001, 1879999999999999).map(str)),
)


@settings(max_examples=60, deadline=None)
@given(
    titles=st.lists(st.sampled_from(TITLES), max_size=5),
    workers=st.lists(st.tuples(worker, st.booleans()), min_size=1, max_size=15),
    trailer=st.integers(0, len(TRAILER)),
)
def test_every_worker_once_at_its_line(tmp_path_factory, titles, workers, trailer):
    lines = [*titles, "NO;NAMA;NIK;UPAH", "(1);(2);(3);(4)"]
    expected = []
    for n, ((name, nik), blank_before) in enumerate(workers, start=1):
        if blank_before:
            lines.append(";;;")
        lines.append(f"{n};{name};{nik or ''};1000000")
        expected.append((len(lines), name))
    lines += TRAILER[:trailer]
    path = tmp_path_factory.mktemp("csv") / "dinsos.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    frame = read_input(path, "dinsos.csv", "payroll").frame

    assert list(zip(frame["source_row"], frame["name"], strict=True)) == expected
