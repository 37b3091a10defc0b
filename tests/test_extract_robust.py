"""The extractor on awkward but valid text (invisible characters, odd dashes and quotes, mixed
Unicode forms, Windows line ends) and on input it must refuse with a clear message."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from pbkg.errors import InputError
from pbkg.extract import Article, extract, extract_text, read_article
from pbkg.extract.doc import clean_text
from pbkg.paths import paths
from pbkg.text import fold

TEXT = (
    "Chiều 9-12, tại thành phố Cao Lãnh, Cụm thi đua số IV ngành Tổ chức xây dựng Đảng tổng "
    "kết công tác thi đua năm 2023. Cụm thi đua số IV gồm 5 ban tổ chức tỉnh ủy, thành ủy: "
    "Đồng Tháp, An Giang, Long An, Tiền Giang và Cần Thơ. Ban Tổ chức Tỉnh ủy Đồng Tháp là "
    "Cụm trưởng năm 2023. Hội nghị quán triệt Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính "
    "trị. Đồng chí Nguyễn Văn Bình - Trưởng Ban Tổ chức Tỉnh ủy Đồng Tháp phát biểu."
)
MEMBERS = ["Đồng Tháp", "An Giang", "Long An", "Tiền Giang", "Cần Thơ"]


def facts(result: dict) -> dict:
    """The facts without evidence and offsets (which move when characters are removed), names
    as search keys (names are kept as written: "Tỉnh uỷ" stays "Tỉnh uỷ")."""
    return {
        "members": [fold(m) for c in result["clusters"] for m in c["members"]],
        "roles": sorted((r["year"], r["role"], fold(r["unit"])) for r in result["roles"]),
        "documents": sorted((d["id"].replace("\u2011", "-"), d["date"])
                            for d in result["documents"]),
        "officials": sorted(fold(o["name"]) for o in result["officials"]),
        "events": sorted((e["kind"], e["date"]) for e in result["events"]),
    }


def test_the_reference_text_gives_its_facts():
    f = facts(extract_text(TEXT))
    assert f["members"] == [fold(m) for m in MEMBERS]
    assert f["roles"] == [(2023, "chair", fold("Ban Tổ chức Tỉnh ủy Đồng Tháp"))]
    assert f["documents"] == [("05-CT/TW", "2016-05-15")]
    assert f["officials"] == [fold("Nguyễn Văn Bình")]


@pytest.mark.parametrize(
    "name,change",
    [
        ("zero-width space after each space", lambda t: t.replace(" ", " \u200b")),
        ("zero-width joiner inside words", lambda t: t.replace("n", "n\u200d")),
        ("soft hyphens inside words", lambda t: t.replace("ng", "n\u00adg")),
        ("word joiner and BOM", lambda t: "\ufeff" + t.replace(", ", ",\u2060 ")),
        ("direction marks", lambda t: t.replace("Cụm", "\u200eCụm")),
        ("NFD", lambda t: unicodedata.normalize("NFD", t)),
        ("mixed NFC and NFD words", lambda t: " ".join(
            unicodedata.normalize("NFD" if i % 2 else "NFC", w)
            for i, w in enumerate(t.split(" ")))),
        ("old tone-mark placement", lambda t: t.replace("ủy", "uỷ")),
        ("non-breaking hyphens and minus signs",
         lambda t: t.replace("-CT", "\u2011CT").replace(" - ", " \u2212 ")),
        ("Windows line ends", lambda t: t.replace(". ", ".\r\n")),
        ("no-break and thin spaces", lambda t: t.replace(" ", "\u00a0", 20).replace(" ", "\u2009", 5)),
    ],
)
def test_awkward_text_gives_the_same_facts(name: str, change):
    assert facts(extract_text(change(TEXT))) == facts(extract_text(TEXT)), name


def test_odd_quotes_read_as_curly_quotes():
    quoted = TEXT.replace("Cụm thi đua số IV gồm", "“Cụm thi đua số IV” gồm")
    for odd in ("„Cụm thi đua số IV‟ gồm", "«Cụm thi đua số IV» gồm"):
        assert facts(extract_text(TEXT.replace("Cụm thi đua số IV gồm", odd))) == facts(
            extract_text(quoted)), odd


def test_evidence_is_at_its_offsets_in_the_cleaned_text():
    text = TEXT.replace(" ", " \u200b")
    result = extract_text(text)
    cleaned = clean_text(text)
    for category in ("clusters", "roles", "documents", "officials", "events"):
        for item in result[category]:
            assert cleaned[item["start"] : item["end"]] == item["evidence"], (category, item)
            assert "\u200b" not in item["evidence"]


def test_control_characters_do_not_glue_words():
    text = TEXT.replace(", An Giang", ",\x0bAn Giang")
    assert facts(extract_text(text))["members"] == [fold(m) for m in MEMBERS]


def test_a_text_longer_than_the_limit_is_refused_not_cut():
    from pbkg.extract.pipeline import MAX_CHARS

    article = Article(id="big", text="a " * (MAX_CHARS // 2 + 1), path="big.txt")
    with pytest.raises(InputError, match="refused") as info:
        extract(article)
    assert "big.txt" in str(info.value)


def test_a_20_mb_file_is_refused_with_its_path(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(TEXT.encode() * (20 * 1024 * 1024 // len(TEXT.encode()) + 1))
    with pytest.raises(InputError, match="refused") as info:
        read_article(path)
    assert str(path) in str(info.value)


def test_latin1_bytes_name_the_encoding_problem(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Cụm thi đua, café".encode().replace("é".encode(), b"\xe9"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_article(path)


@pytest.mark.parametrize(
    "name,data",
    [
        ("binary.bin", bytes(range(256)) * 64),
        ("gzip.txt.gz", b"\x1f\x8b\x08\x00" + bytes(range(1, 256)) * 8),
        ("utf16.txt", TEXT.encode("utf-16")),
        ("cp1252.txt", "Cụm thi đua".encode()[:3] + b"\x80\x81\xfe"),
    ],
)
def test_cli_extract_of_bad_files_prints_one_line_and_no_traceback(tmp_path: Path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    proc = subprocess.run([sys.executable, "-m", "pbkg.cli", "extract", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert str(path) in proc.stderr


def _led_patterns() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """Every scanning pattern behind a first-character lookahead, with the pattern it wraps."""
    out = []
    for name in ("awards", "clusters", "patterns", "roles"):
        module = importlib.import_module(f"pbkg.extract.{name}")
        for attr, value in vars(module).items():
            led = re.match(r"\(\?=\[[^\]]+\]\)\(\?:(?P<inner>.*)\)\Z", getattr(value, "pattern", ""),
                           re.DOTALL)
            if isinstance(value, re.Pattern) and led:
                out.append((f"{name}.{attr}", value, re.compile(led.group("inner"), value.flags)))
    return out


def test_first_character_lookaheads_change_no_match():
    """The lookahead of `first_char_led` only skips positions where no match can start: on
    every corpus and seed text (and upper- and lower-cased copies), the same matches."""
    shared = paths().shared
    files = sorted(shared.glob("corpus/*/articles/*.txt")) + sorted(shared.glob("seeds/*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files] + [TEXT]
    texts += [t.upper() for t in texts] + [t.lower() for t in texts]
    led = _led_patterns()
    assert len(led) >= 13 and len(files) >= 30
    for name, fast, plain in led:
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in plain.finditer(text)], name


def test_the_eth_of_legacy_encodings_reads_as_d():
    """Text converted from TCVN3 or VNI writes "Ð"/"ð" (U+00D0/U+00F0) for "Đ"/"đ": the same
    facts, written with the Vietnamese letter."""
    eth = TEXT.replace("Đ", "\u00d0").replace("đ", "\u00f0")
    assert facts(extract_text(eth)) == facts(extract_text(TEXT))
    assert "Đồng Tháp" in extract_text(eth)["clusters"][0]["members"]


def test_char_maps_replace_as_translate_does():
    """CharMap (a regular expression over the characters a table changes) gives what
    str.translate gives, on text made of those characters, their replacements and others."""
    import random

    from pbkg.extract.doc import _LOOKALIKES
    from pbkg.extract.patterns import _ODD, _TO_USUAL

    rng = random.Random(3)
    for charmap, table in ((_TO_USUAL, _ODD), (_LOOKALIKES, _LOOKALIKES.table)):
        table = {ord(k) if isinstance(k, str) else k: v for k, v in table.items()}
        alphabet = [chr(k) for k in table] + list("aĐđ -–—“”’'\"\\]^[\n\t")
        for _ in range(2000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            assert charmap(text) == text.translate(table), repr(text)


def test_a_run_on_sentence_is_read_in_pieces_cut_at_separators():
    """A "sentence" with no full stop longer than MAX_SENTENCE (a pasted table, a list of
    hundreds of units) is read in pieces, cut at a ";" where there is one, else a ",": each
    list, role and award then reads at most one piece, so the extractor stays linear."""
    from pbkg.extract.doc import MAX_SENTENCE, Doc

    item = "Huyện ủy Bảo Yên, Huyện ủy Bảo Thắng; "
    doc = Doc(item * (3 * MAX_SENTENCE // len(item)))
    pieces = [doc.canon[s.start : s.end] for s in doc.sentences]
    assert len(pieces) >= 3
    assert all(len(p) <= MAX_SENTENCE for p in pieces)
    assert all(p.endswith("Bảo Thắng") for p in pieces[:-1])  # cut at a ";", no name cut
    # with no ";" the cut is at a comma; a normal sentence is left whole
    doc = Doc("Cụm gồm " + "Thị ủy Sa Pa, " * (2 * MAX_SENTENCE // 14) + "Thành ủy Lào Cai.")
    assert all(doc.canon[s.start : s.end].rstrip(" .").endswith(("Sa Pa", "Lào Cai"))
               for s in doc.sentences)
    assert len(Doc("Cụm thi đua số 1 gồm Huyện ủy A, Huyện ủy B.").sentences) == 1
