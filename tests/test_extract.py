"""The extractor on small synthetic Vietnamese sentences (written for these tests), and on
malformed input files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pbkg.errors import InputError
from pbkg.extract import Article, extract, extract_text, read_article
from pbkg.text import nfc


def roles_of(result: dict) -> list[tuple]:
    return sorted((r["year"], r["role"], r["unit"]) for r in result["roles"])


def members_of(result: dict) -> list[str]:
    return [m for c in result["clusters"] for m in c["members"]]


def assert_evidence_at_offsets(result: dict, text: str) -> None:
    text = nfc(text)
    for category in ("clusters", "roles", "awards", "officials", "documents", "events"):
        for item in result[category]:
            if "evidence" not in item:
                continue
            assert item["evidence"], (category, item)
            assert text[item["start"] : item["end"]] == item["evidence"], (category, item)
            assert 0.0 < item["confidence"] <= 1.0


# -- clusters and members -------------------------------------------------------------------

MEMBERS = (
    "Sáng 9-12, tại thành phố Cao Lãnh, Cụm thi đua số IV ngành Tổ chức xây dựng Đảng tổ chức "
    "hội nghị tổng kết công tác thi đua năm 2023. Cụm thi đua số IV gồm 5 ban tổ chức tỉnh ủy, "
    "thành ủy: Đồng Tháp, An Giang, Long An, Tiền Giang và Cần Thơ."
)


def test_roman_numeral_cluster_with_members_count_and_level():
    result = extract_text(MEMBERS, "t1")
    assert result["article"] == "t1"
    [cluster] = result["clusters"]
    assert cluster["name"] == "Cụm thi đua số IV ngành Tổ chức xây dựng Đảng"
    assert cluster["number"] == 4
    assert cluster["level"] == "national-sector"
    assert cluster["member_count"] == 5
    assert cluster["members"] == ["Đồng Tháp", "An Giang", "Long An", "Tiền Giang", "Cần Thơ"]
    assert_evidence_at_offsets(result, MEMBERS)


DISTRIBUTIVE = (
    "Vừa qua, Cụm thi đua số 3 gồm 4 đơn vị: Huyện ủy Mường Tè, Sìn Hồ, Phong Thổ và "
    "Thành ủy Lai Châu đã tổ chức hội nghị giao ban công tác thi đua năm 2019."
)


def test_distributive_member_list_keeps_items_as_written():
    result = extract_text(DISTRIBUTIVE)
    [cluster] = result["clusters"]
    assert cluster["members"] == ["Huyện ủy Mường Tè", "Sìn Hồ", "Phong Thổ", "Thành ủy Lai Châu"]
    assert cluster["member_count"] == 4
    assert cluster["level"] == "district"
    assert [(e["kind"], e["date"]) for e in result["events"]] == [("other", None)]


def test_distributive_prefix_without_colon():
    text = ("Cụm thi đua số 7 gồm ban dân vận các huyện, thị ủy Tịnh Biên, Tri Tôn và Châu Phú "
            "vừa tổ chức hội nghị tổng kết năm 2022.")
    [cluster] = extract_text(text)["clusters"]
    assert cluster["members"] == ["Tịnh Biên", "Tri Tôn", "Châu Phú"]
    assert cluster["member_prefix"] == "ban dân vận các huyện, thị ủy"
    assert cluster["level"] == "district"


def test_unnumbered_block_with_descriptor():
    text = ("Khối thi đua các Ban xây dựng Đảng và cơ quan trực thuộc Tỉnh ủy có 7 đơn vị gồm: "
            "Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy, Báo Quảng Trị, "
            "Trường Chính trị Lê Duẩn, Ban Dân vận Tỉnh ủy và Ban Nội chính Tỉnh ủy.")
    [cluster] = extract_text(text)["clusters"]
    assert cluster["name"] == "Khối thi đua các Ban xây dựng Đảng và cơ quan trực thuộc Tỉnh ủy"
    assert cluster["member_count"] == 7
    assert len(cluster["members"]) == 7
    assert cluster["members"][-1] == "Ban Nội chính Tỉnh ủy"
    assert cluster["level"] == "provincial"


# -- roles -----------------------------------------------------------------------------------

ELECTION = (
    "Chiều 28/12, Cụm thi đua các cơ quan đảng tỉnh tổ chức hội nghị tổng kết năm 2021. "
    "Cụm có 8 đơn vị thành viên, do Ban Tuyên giáo Tỉnh ủy là Cụm trưởng, Văn phòng Tỉnh ủy "
    "làm Cụm phó. Hội nghị đã bầu Văn phòng Tỉnh ủy làm Cụm trưởng, Báo Cao Bằng làm Phó trưởng "
    "cụm năm 2022."
)


def test_descriptive_roles_take_the_context_year_and_elected_ones_the_stated_year():
    result = extract_text(ELECTION)
    assert roles_of(result) == [
        (2021, "chair", "Ban Tuyên giáo Tỉnh ủy"),
        (2021, "vice-chair", "Văn phòng Tỉnh ủy"),
        (2022, "chair", "Văn phòng Tỉnh ủy"),
        (2022, "vice-chair", "Báo Cao Bằng"),
    ]
    assert sorted(members_of(result)) == sorted(
        ["Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy", "Báo Cao Bằng"])
    assert [(e["kind"], e["date"]) for e in result["events"]] == [("tổng kết", "2021-12-28")]
    assert_evidence_at_offsets(result, ELECTION)


def test_standing_vice_chair_and_list_after_the_role():
    text = ("Hội nghị bầu Ban Tổ chức Tỉnh ủy Trà Vinh làm Cụm trưởng, Ban Tổ chức Tỉnh ủy Hậu "
            "Giang làm Cụm phó thường trực năm 2024. Cụm trưởng Cụm thi đua số 6 năm 2025 là "
            "BTC TU Sóc Trăng, 2 Cụm phó là BTCTU Bạc Liêu và Cà Mau.")
    result = extract_text(text)
    assert roles_of(result) == [
        (2024, "chair", "Ban Tổ chức Tỉnh ủy Trà Vinh"),
        (2024, "standing-vice-chair", "Ban Tổ chức Tỉnh ủy Hậu Giang"),
        (2025, "chair", "BTC TU Sóc Trăng"),
        (2025, "vice-chair", "BTCTU Bạc Liêu"),
        (2025, "vice-chair", "Cà Mau"),
    ]
    bare = next(r for r in result["roles"] if r["unit"] == "Cà Mau")
    assert bare["unit_full"] == "BTCTU Cà Mau"
    assert_evidence_at_offsets(result, text)


def test_role_in_brackets_and_through_a_persons_titles():
    text = ("Ngày 5/6, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị sơ kết 6 tháng đầu "
            "năm 2023. Ban Nội chính Tỉnh ủy (Khối phó) phối hợp chuẩn bị hội nghị. Đồng chí "
            "Lê Minh Khoa, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy, Khối trưởng "
            "Khối thi đua phát biểu kết luận.")
    result = extract_text(text)
    assert roles_of(result) == [
        (2023, "chair", "Ban Dân vận Tỉnh ủy"),
        (2023, "vice-chair", "Ban Nội chính Tỉnh ủy"),
    ]
    chair = next(r for r in result["roles"] if r["role"] == "chair")
    assert chair["person"] == "Lê Minh Khoa"
    [official] = result["officials"]
    assert official["positions"] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Dân vận Tỉnh ủy", "Khối trưởng Khối thi đua"]
    assert_evidence_at_offsets(result, text)


def test_hand_over_gives_outgoing_and_incoming_chairs():
    text = ("Tại hội nghị, Ban Tuyên giáo Huyện ủy Phú Tân bàn giao nhiệm vụ Cụm trưởng năm 2025 "
            "cho Ban Tuyên giáo Huyện ủy Cái Nước; Cụm phó là Ban Tuyên giáo Huyện ủy Đầm Dơi.")
    assert roles_of(extract_text(text)) == [
        (2024, "chair", "Ban Tuyên giáo Huyện ủy Phú Tân"),
        (2025, "chair", "Ban Tuyên giáo Huyện ủy Cái Nước"),
        (2025, "vice-chair", "Ban Tuyên giáo Huyện ủy Đầm Dơi"),
    ]


def test_apposition_and_vai_tro():
    text = ("Chiều ngày 3/3, Ban Tổ chức Tỉnh ủy – Trưởng khối thi đua các cơ quan Đảng năm 2021 "
            "tổ chức hội nghị ký kết giao ước thi đua năm 2021. Với vai trò là Cụm phó năm 2021, "
            "Ban Tuyên giáo Tỉnh ủy tích cực phối hợp.")
    result = extract_text(text)
    assert roles_of(result) == [
        (2021, "chair", "Ban Tổ chức Tỉnh ủy"),
        (2021, "vice-chair", "Ban Tuyên giáo Tỉnh ủy"),
    ]
    assert [(e["kind"], e["date"]) for e in result["events"]] == [
        ("ký kết giao ước", "2021-03-03")]


def test_hosting_and_presiding_are_not_chairing():
    text = ("Sáng 14/12, tại Huyện ủy Krông Ana (đơn vị đăng cai), Cụm thi đua số 4 tổ chức hội "
            "nghị tổng kết năm 2018. Đồng chí Y Nam Niê, Bí thư Huyện ủy Krông Ana chủ trì hội "
            "nghị. Văn phòng Đảng ủy phường Tân Lập dẫn đầu cụm thi đua.")
    result = extract_text(text)
    assert result["roles"] == []
    [award] = result["awards"]
    assert (award["status"], award["recipient"]) == ("ranking", "Văn phòng Đảng ủy phường Tân Lập")
    [event] = result["events"]
    assert (event["kind"], event["date"], event["place"]) == (
        "tổng kết", "2018-12-14", "Huyện ủy Krông Ana")


def test_passive_election_past_tense_and_role_with_year_before_the_unit():
    text = ("Ban Tổ chức Tỉnh ủy Vĩnh Long được các thành viên thống nhất bầu làm Cụm trưởng "
            "năm 2023. Ban Tổ chức Tỉnh ủy Đồng Nai từng là Cụm trưởng năm 2019. Trưởng Khối thi "
            "đua các cơ quan Đảng tỉnh năm 2024 là Văn phòng Tỉnh ủy. Hội nghị suy tôn Ban Dân "
            "vận Tỉnh ủy làm Khối phó năm 2024.")
    assert roles_of(extract_text(text)) == [
        (2019, "chair", "Ban Tổ chức Tỉnh ủy Đồng Nai"),
        (2023, "chair", "Ban Tổ chức Tỉnh ủy Vĩnh Long"),
        (2024, "chair", "Văn phòng Tỉnh ủy"),
        (2024, "vice-chair", "Ban Dân vận Tỉnh ủy"),
    ]


def test_references_to_the_chair_without_a_unit_give_nothing():
    text = ("Thay mặt đơn vị Cụm trưởng, đồng chí Lê Thị Hoa phát biểu. Đơn vị Cụm trưởng đề "
            "nghị các đơn vị gửi báo cáo. Cụm trưởng năm 2022 là đồng chí Phạm Văn Tư.")
    assert extract_text(text)["roles"] == []


def test_election_without_a_stated_year_gives_no_role():
    text = "Cụm thi đua số 2 tổng kết năm 2020. Hội nghị đã bầu Báo Hà Giang làm Cụm trưởng."
    assert extract_text(text)["roles"] == []


# -- spelling variants -----------------------------------------------------------------------

VARIANTS = ("Hội nghị thống nhất bầu Ủy ban Kiểm tra Tỉnh uỷ Thanh Hoá làm Cụm trưởng, "
            "Uỷ ban Kiểm tra Tỉnh ủy Hoà Bình làm Cụm phó năm 2020.")


def test_old_tone_marks_and_nfd_input_give_the_same_facts():
    nfc_result = extract_text(VARIANTS)
    nfd_result = extract_text(unicodedata.normalize("NFD", VARIANTS))
    expected = [
        (2020, "chair", "Ủy ban Kiểm tra Tỉnh uỷ Thanh Hoá"),
        (2020, "vice-chair", "Uỷ ban Kiểm tra Tỉnh ủy Hoà Bình"),
    ]
    assert roles_of(nfc_result) == expected
    assert roles_of(nfd_result) == expected
    assert_evidence_at_offsets(nfd_result, VARIANTS)


def test_no_break_spaces_are_spaces():
    text = "Cụm\u00a0trưởng năm 2022 là\u00a0Ban Tổ chức Tỉnh ủy\u00a0Gia Lai."
    result = extract_text(text)
    assert roles_of(result) == [(2022, "chair", "Ban Tổ chức Tỉnh ủy Gia Lai")]
    assert "\u00a0" in result["roles"][0]["evidence"]  # evidence stays verbatim
    assert_evidence_at_offsets(result, text)


# -- awards ----------------------------------------------------------------------------------

AWARDS = (
    "Hội nghị thống nhất đề nghị Ban Thường vụ Tỉnh ủy tặng Cờ thi đua cho Huyện ủy Ia Grai và "
    "tặng Bằng khen năm 2017 cho Huyện ủy Chư Păh và Thị ủy An Khê. Ban Tổ chức Tỉnh ủy Kon Tum "
    "được tặng Cờ thi đua của Ban Tổ chức Trung ương. Hội nghị đề nghị khen thưởng 2 tập thể "
    "là: BTC TU Gia Lai (được tặng Cờ), BTC TU Đắk Lắk (được tặng Bằng khen)."
)


def test_proposed_is_not_conferred():
    result = extract_text(AWARDS)
    got = sorted((a["status"], a["award"], a["recipient"], a["giver"]) for a in result["awards"])
    assert got == [
        ("conferred", "Cờ thi đua", "Ban Tổ chức Tỉnh ủy Kon Tum", "Ban Tổ chức Trung ương"),
        ("proposed", "Bằng khen", "BTC TU Đắk Lắk", None),
        ("proposed", "Bằng khen", "Huyện ủy Chư Păh", "Ban Thường vụ Tỉnh ủy"),
        ("proposed", "Bằng khen", "Thị ủy An Khê", "Ban Thường vụ Tỉnh ủy"),
        ("proposed", "Cờ", "BTC TU Gia Lai", None),
        ("proposed", "Cờ thi đua", "Huyện ủy Ia Grai", "Ban Thường vụ Tỉnh ủy"),
    ]
    periods = {a["recipient"]: a["year_or_period"] for a in result["awards"]}
    assert periods["Huyện ủy Chư Păh"] == "2017"
    assert_evidence_at_offsets(result, AWARDS)


def test_flowers_are_not_an_award():
    text = "Đồng chí Lý Văn Tư – Trưởng Ban Tổ chức Tỉnh ủy tặng hoa cho các đại biểu."
    assert extract_text(text)["awards"] == []


# -- dates -----------------------------------------------------------------------------------


def test_display_dates_are_not_event_dates():
    text = ("Thứ ba, 26/01/2021\n\nCụm Thi đua các cơ quan đảng tỉnh tổng kết năm 2020\n\n"
            "LSO-Chiều nay (30/12), Cụm Thi đua các cơ quan đảng tỉnh tổ chức hội nghị tổng kết "
            "phong trào thi đua năm 2020.")
    [event] = extract_text(text)["events"]
    assert (event["kind"], event["date"], event["year_covered"]) == (
        "tổng kết", "2020-12-30", "2020")


def test_updated_on_line_is_ignored_and_undated_event_stays_undated():
    text = ("Cập nhật ngày: 04/12/2020 - 20:06\n"
            "Cụm thi đua số 8 vừa tổ chức Hội nghị tổng kết công tác thi đua năm 2020.")
    [event] = extract_text(text)["events"]
    assert (event["kind"], event["date"]) == ("tổng kết", None)


def test_january_review_belongs_to_the_next_year():
    text = "Sáng 8/1, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị tổng kết năm 2022."
    [event] = extract_text(text)["events"]
    assert event["date"] == "2023-01-08"


def test_mid_year_review():
    text = ("Ngày 20/6, tại huyện Mộc Hóa, Cụm thi đua số 1 sơ kết công tác thi đua 6 tháng đầu "
            "năm, triển khai nhiệm vụ 6 tháng cuối năm 2024.")
    [event] = extract_text(text)["events"]
    assert (event["kind"], event["date"], event["place"]) == (
        "sơ kết", "2024-06-20", "huyện Mộc Hóa")


# -- documents -------------------------------------------------------------------------------

DOCUMENTS = (
    "Các đơn vị thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Kết luận số "
    "21-KL/TW ngày 25-10-2021 của Ban Chấp hành Trung ương (khóa XIII), Nghị quyết Trung ương 4 "
    "(khóa XII) và Chỉ thị 18/CT-TTg. Trọng tâm là Kết luận số 21 ngày 25-10-2021 và Chỉ thị 27 "
    "của Ban Bí thư."
)


def test_documents_with_and_without_codes():
    result = extract_text(DOCUMENTS)
    got = [(d["id"], d["date"]) for d in result["documents"]]
    assert got == [
        ("05-CT/TW", "2016-05-15"),
        ("21-KL/TW", "2021-10-25"),
        ("Nghị quyết Trung ương 4 (khóa XII)", None),
        ("18/CT-TTg", None),
        ("Chỉ thị 27 của Ban Bí thư", None),
    ]
    issuers = {d["id"]: d["issuer"] for d in result["documents"]}
    assert issuers["05-CT/TW"] == "Bộ Chính trị"
    assert_evidence_at_offsets(result, DOCUMENTS)


def test_generic_mentions_are_not_documents():
    text = "Quán triệt các chỉ thị, nghị quyết của Đảng và nghị quyết đại hội đảng bộ các cấp."
    assert extract_text(text)["documents"] == []


# -- officials -------------------------------------------------------------------------------

OFFICIALS = (
    "Dự hội nghị có các đồng chí: Đinh Văn Lộc, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Quảng "
    "Bình; Hồ Thị Mai, Phó Trưởng Ban Tổ chức Trung ương. Phó Bí thư Thường trực Tỉnh ủy Trương "
    "Quốc Việt phát biểu. Trưởng Ban Tổ chức Tỉnh ủy Cao Bằng báo cáo. Các đơn vị học tập tư "
    "tưởng Chủ tịch Hồ Chí Minh.\nNguyễn Thanh Hà"
)


def test_officials_and_their_positions():
    result = extract_text(OFFICIALS)
    got = [(o["name"], o["positions"]) for o in result["officials"]]
    assert got == [
        ("Đinh Văn Lộc", ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Quảng Bình"]),
        ("Hồ Thị Mai", ["Phó Trưởng Ban Tổ chức Trung ương"]),
        ("Trương Quốc Việt", ["Phó Bí thư Thường trực Tỉnh ủy"]),
    ]
    assert_evidence_at_offsets(result, OFFICIALS)


# -- input files -----------------------------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed letters where the code page has them, else a base
    letter followed by a combining tone mark."""
    out = []
    for ch in nfc(text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        keep = "".join(m for m in marks if m not in _TONES)
        tone = "".join(m for m in marks if m in _TONES)
        out.append(nfc(base + keep).encode("cp1258") + tone.encode("cp1258"))
    return b"".join(out)



def test_header_is_read_and_offsets_refer_to_the_body(tmp_path: Path):
    path = tmp_path / "42.txt"
    body = "Cụm trưởng năm 2021 là Ban Tổ chức Tỉnh ủy Phú Yên."
    path.write_text(f"url: https://example.org/a\ntitle: Một bài\ndate: 2021-01-05\n---\n{body}\n",
                    encoding="utf-8")
    article = read_article(path)
    assert (article.id, article.url, article.title, article.date) == (
        "42", "https://example.org/a", "Một bài", "2021-01-05")
    assert article.text.strip() == body
    result = extract(article)
    assert result["article"] == "42"
    assert roles_of(result) == [(2021, "chair", "Ban Tổ chức Tỉnh ủy Phú Yên")]
    assert_evidence_at_offsets(result, article.text)


def test_nfd_file_is_normalized(tmp_path: Path):
    path = tmp_path / "nfd.txt"
    path.write_bytes(unicodedata.normalize("NFD", VARIANTS).encode("utf-8"))
    article = read_article(path)
    assert article.text == nfc(VARIANTS)


def test_empty_file_gives_an_empty_result(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    article = read_article(path)
    assert article.text == ""
    result = extract(article)
    assert all(result[k] == [] for k in ("clusters", "roles", "awards", "officials",
                                         "documents", "events"))


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("utf16.txt", VARIANTS.encode("utf-16"), "UTF-16"),
        ("utf16le.txt", VARIANTS.encode("utf-16-le"), "UTF-16"),
        ("cp1258.txt", None, "UTF-8"),
    ],
)
def test_malformed_files_raise_input_error(tmp_path: Path, name: str, data: bytes, message: str):
    path = tmp_path / name
    if data is None:
        data = to_cp1258(VARIANTS)
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_oversized_file_is_refused_from_its_size(tmp_path: Path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Cum thi dua. " * (11 * 1024 * 1024 // 13 + 1))

    def no_reading(self: Path, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{self} was opened: its size alone refuses it")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(InputError, match="bytes") as info:
        read_article(path)
    assert str(path) in str(info.value)


def test_missing_file_raises_input_error(tmp_path: Path):
    with pytest.raises(InputError):
        read_article(tmp_path / "nope.txt")


def test_long_noisy_text_keeps_its_list():
    # Repeated brackets, posts and years (its time is in bench/bench_extract.py, "noisy").
    text = ("Cụm thi đua số 1 gồm " + ", ".join(["Ban Tổ chức Tỉnh ủy Hà Nam"] * 50) + ". "
            + "Đồng chí Nguyễn Văn A, Trưởng ban, " * 200 + "(((" * 500 + "năm 2020 " * 500)
    result = extract(Article(id="x", text=text))
    assert [(c["name"], c["members"]) for c in result["clusters"]] == [
        ("Cụm thi đua số 1", ["Ban Tổ chức Tỉnh ủy Hà Nam"])]
    assert not result["roles"] and not result["awards"] and not result["events"]
