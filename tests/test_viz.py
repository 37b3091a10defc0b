"""Static pictures (pbkg.network.draw, `pbkg viz`): produced into a temp dir and checked: file
size, PNG dimensions, and SVG text (kept as text) holding the expected Vietnamese labels."""

from __future__ import annotations

import re
import struct
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="the viz extra (matplotlib) is not installed")

from pbkg.cli import main  # noqa: E402
from pbkg.errors import InvalidParameter  # noqa: E402
from pbkg.namespaces import ID  # noqa: E402
from pbkg.network import full_projection, project, timeline  # noqa: E402
from pbkg.network.draw import draw_network, draw_timeline  # noqa: E402

CUM5 = str(ID["cluster/to-chuc-xay-dung-dang-cum-5"])
HA_NAM = str(ID["cluster/ha-nam-khoi-ban-xay-dung-dang"])
SVG = "{http://www.w3.org/2000/svg}"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_text(path: Path) -> str:
    """All the text of an SVG's <text> elements, whitespace collapsed (wrapped labels join)."""
    root = ET.parse(path).getroot()
    texts = [" ".join(el.itertext()) for el in root.iter(f"{SVG}text")]
    assert texts, "the SVG has no <text>: labels were drawn as paths"
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", " ".join(texts)))


@pytest.fixture(scope="module")
def cum5(store):
    return project(store, clusters=["cum-5"])


def test_network_svg_keeps_vietnamese_labels_as_text(cum5, tmp_path):
    target = draw_network(cum5, tmp_path / "cum5.svg", title="Cụm thi đua số 5")
    assert target.stat().st_size > 20_000
    text = svg_text(target)
    for label in ("Cụm thi đua số 5", "Ban Tổ chức Tỉnh ủy Cà Mau",
                  "Ban Tổ chức Tỉnh ủy Kiên Giang", "Bạc Liêu", "Cà Mau (2025)",
                  "Chỉ thị 05-CT/TW"):
        assert label in text, label
    # The legend: node types and relations, by their Vietnamese labels.
    for label in ("cụm, khối thi đua", "tổ chức, cơ quan", "thành viên của", "cụm trưởng",
                  "hợp nhất vào", "suy ra (nét đứt)"):
        assert label in text, label
    assert "58 nút" in text or f"{cum5.number_of_nodes()} nút" in text


def test_network_png_has_a_readable_size(cum5, tmp_path):
    target = draw_network(cum5, tmp_path / "cum5.png")
    width, height = png_size(target)
    assert width >= 1200 and height >= 900
    assert target.stat().st_size > 100_000


def test_whole_network_and_english_labels(store, tmp_path):
    graph = full_projection(store)
    target = draw_network(graph, tmp_path / "all.svg", lang="en", max_labels=30)
    text = svg_text(target)
    assert "Emulation Cluster No. 5 of the Party Organization Sector" in text
    assert f"{graph.number_of_nodes()} nodes" in text
    small = draw_network(graph, tmp_path / "top.svg", max_nodes=40)
    assert "hiển thị 40/" in svg_text(small)


def test_timeline_svg_marks_chair_and_vice_chair(store, tmp_path):
    tl = timeline(full_projection(store), CUM5)
    target = draw_timeline(tl, tmp_path / "timeline.svg")
    text = svg_text(target)
    for label in ("Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng", "Luân phiên lãnh đạo theo năm",
                  "Ban Tổ chức Tỉnh ủy Cà Mau", "Ban Tổ chức Tỉnh ủy Kiên Giang",
                  "Ban Tổ chức Tỉnh ủy An Giang", "2022", "2023", "cụm trưởng", "cụm phó",
                  "thành viên"):
        assert label in text, label
    # Years across, units down: the unit labels are y tick labels in timeline order.
    assert text.index("Ban Tổ chức Tỉnh ủy Cà Mau") < text.index("Ban Tổ chức Tỉnh ủy Kiên Giang")


def test_timeline_marks_what_is_inferred(store, tmp_path):
    tl = timeline(full_projection(store), HA_NAM)
    text = svg_text(draw_timeline(tl, tmp_path / "ha-nam.svg"))
    # one role, one node: the board is the row; the person is on the role, not a second row
    assert "Ban Tuyên giáo Tỉnh ủy Hà Nam" in text and "Trần Đức Thuần" not in text
    assert "suy ra" in text and "rỗng, viền đứt = suy ra" in text
    english = svg_text(draw_timeline(tl, tmp_path / "ha-nam-en.svg", lang="en"))
    assert "Propaganda and Education Board of the Hà Nam Provincial Party Committee" in english
    assert "inferred" in english and "chaired" in english
    png = draw_timeline(tl, tmp_path / "ha-nam.png")
    width, height = png_size(png)
    assert width > 600 and height > 300


def test_pictures_are_reproducible(cum5, tmp_path):
    first = draw_network(cum5, tmp_path / "a.svg").read_bytes()
    second = draw_network(cum5, tmp_path / "b.svg").read_bytes()
    assert first == second


def test_only_svg_and_png(cum5, tmp_path):
    with pytest.raises(InvalidParameter, match=".svg or .png"):
        draw_network(cum5, tmp_path / "x.jpg")


def test_cli_viz(built_dist, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PBKG_DIST", str(built_dist))
    monkeypatch.delenv("PBKG_SPARQL_ENDPOINT", raising=False)
    picture = tmp_path / "cum5-2023.svg"
    assert main(["viz", "--cluster", "cum-5", "--year", "2023", "-o", str(picture)]) == 0
    text = svg_text(picture)
    assert "Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng · 2023" in text
    assert "Ban Tổ chức Tỉnh ủy Kiên Giang" in text and "Ban Tổ chức Tỉnh ủy Vĩnh Long" not in text
    chart = tmp_path / "timeline.png"
    assert main(["viz", "timeline", "--cluster", "Cụm 5", "-o", str(chart)]) == 0
    assert png_size(chart)[0] > 600
    capsys.readouterr()
    assert main(["viz", "timeline", "-o", str(tmp_path / "t.svg")]) == 2
    assert "exactly one --cluster" in capsys.readouterr().err
    assert main(["viz", "--cluster", "cum-5", "-o", str(tmp_path / "t.gif")]) == 2
