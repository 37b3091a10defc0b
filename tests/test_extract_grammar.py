"""The extractor's grammar on small synthetic sentences (written for these tests): the
classes of phrasing for member lists, roles, people and awards, and the gazetteer of places."""

from __future__ import annotations

import pytest

from pbkg.extract import extract_text, places


def lists(text: str) -> list[tuple[list[str], int | None]]:
    return [(c["members"], c["member_count"]) for c in extract_text(text)["clusters"]]


# -- member lists -------------------------------------------------------------------------

BAO = ["Báo Yên Bái", "Báo Lào Cai", "Báo Hà Giang"]
DISTRICTS = ["Tiên Du", "Quế Võ", "Gia Bình", "Lương Tài"]


@pytest.mark.parametrize("text,members,count", [
    # a count, a noun and a colon, without "gồm"
    ("Cụm thi đua số 3 có 6 đơn vị thành viên: Báo Yên Bái, Báo Lào Cai và Báo Hà Giang.",
     BAO, 6),
    # semicolons between items
    ("Cụm thi đua số 3 gồm 3 đơn vị: Báo Yên Bái; Báo Lào Cai; Báo Hà Giang.", BAO, 3),
    ("Cụm thi đua số 3 gồm: Ban Tuyên giáo Quận ủy Hải Châu, thành phố Đà Nẵng; Ban Tuyên giáo "
     "Huyện ủy Hòa Vang, thành phố Đà Nẵng.",
     ["Ban Tuyên giáo Quận ủy Hải Châu, thành phố Đà Nẵng",
      "Ban Tuyên giáo Huyện ủy Hòa Vang, thành phố Đà Nẵng"], 2),
    # inside parentheses, the list ends at the closing one
    ("Cụm thi đua số 2 (gồm Trung tâm Chính trị các huyện: Tiên Du, Quế Võ, Gia Bình và Lương "
     "Tài) tổ chức hội nghị.", DISTRICTS, 4),
    ("Cụm thi đua số 5 (Bến Tre, Trà Vinh, Vĩnh Long) tổng kết năm 2023.",
     ["Bến Tre", "Trà Vinh", "Vĩnh Long"], 3),
    # a shared prefix with its abbreviation in parentheses
    ("Cụm thi đua số 4 gồm Trung tâm Chính trị (TTCT) các huyện Tiên Du, Quế Võ, Gia Bình và "
     "Lương Tài.", DISTRICTS, 4),
    ("Cụm thi đua số 4 gồm Ban Tổ chức Tỉnh ủy (BTCTU) Hà Nam, Ninh Bình và Nam Định.",
     ["Hà Nam", "Ninh Bình", "Nam Định"], 3),
    # bare district and ward names after "các huyện / phường"
    ("Cụm thi đua số 1 gồm các phường: Bến Cát, Tân Uyên, Tân Hiệp và Thới Hòa.",
     ["Bến Cát", "Tân Uyên", "Tân Hiệp", "Thới Hòa"], 4),
    ("Cụm thi đua số 5 gồm các huyện Krông Pắc, Krông Búk và thị xã Buôn Hồ.",
     ["Krông Pắc", "Krông Búk", "thị xã Buôn Hồ"], 3),
    # numbered units
    ("Cụm thi đua 1 (gồm Quận ủy 1, 3, 5, 10, Tân Bình, Thành ủy Thủ Đức) tổ chức hội nghị.",
     ["Quận ủy 1", "3", "5", "10", "Tân Bình", "Thành ủy Thủ Đức"], 6),
    ("Cụm thi đua số 1 gồm các khu phố 1, 2, 3 và 4 ký kết giao ước.", ["1", "2", "3", "4"], 4),
    # a sector cluster whose members are province names only, after a qualifier
    ("Cụm thi đua số 7 ngành Tuyên giáo gồm Quảng Nam, Quảng Ngãi, Bình Định và Phú Yên.",
     ["Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên"], 4),
    ("Cụm thi đua 1 - Ban Tuyên giáo Thành ủy (gồm các đơn vị: Quận 1, 3 và Thành ủy Thủ Đức) "
     "họp mặt.", ["Quận 1", "3", "Thành ủy Thủ Đức"], 3),
    ("Khối thi đua các cơ quan Đảng tỉnh có 8 cơ quan, đơn vị gồm: Văn phòng Tỉnh ủy, Ban Tổ "
     "chức Tỉnh ủy và Báo Ninh Thuận.",
     ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Báo Ninh Thuận"], 8),
])
def test_member_lists(text: str, members: list[str], count: int):
    assert lists(text) == [(members, count)]


@pytest.mark.parametrize("text", [
    # numbers, lower-case words and bare parentheses that are not unit lists
    "Cụm thi đua số 3 có 10 đơn vị tham gia hội nghị năm 2023.",
    "Cụm thi đua số 3 (năm 2023, năm 2024) tổng kết.",
    "Cụm thi đua số 3 gồm 5 nội dung: hoàn thành nhiệm vụ, xây dựng cơ quan.",
    "Cụm thi đua số 3 đã tổ chức hội nghị với 3 đơn vị gồm nhiều cán bộ, đảng viên.",
    "Cụm thi đua số 2 (Khối 1) tổng kết năm 2022.",
])
def test_what_is_not_a_member_list(text: str):
    assert all(members == [] for members, _ in lists(text))


# -- places --------------------------------------------------------------------------------


def test_places_of_both_generations():
    assert places.available()
    assert places.PROVINCE in places.kinds("Bà Rịa - Vũng Tàu")  # before 2025
    assert places.PROVINCE in places.kinds("Thành phố Huế")  # from 2025
    assert places.DISTRICT in places.kinds("Huyện Krông Pắc")
    assert places.DISTRICT in places.kinds("krong pac")
    assert places.COMMUNE in places.kinds("Phường Thới Hòa")
    assert places.COMMUNE in places.kinds("Đặc khu Phú Quốc")  # a 2025 special zone
    assert not places.is_place("Ban Tổ chức")
    assert not places.is_place("Nguyễn Văn An")


# -- roles ---------------------------------------------------------------------------------

YEAR = "Tổng kết năm 2023, Cụm thi đua số 5. "


def roles(text: str) -> list[tuple]:
    return [(r["year"], r["role"], r["unit"]) for r in extract_text(text)["roles"]]


@pytest.mark.parametrize("text,expected", [
    # apposition and parentheses after the unit
    ("Năm 2023, Ban Tổ chức Tỉnh ủy Kiên Giang, Cụm trưởng Cụm thi đua số 5, đã tổ chức hội "
     "nghị.", [(2023, "chair", "Ban Tổ chức Tỉnh ủy Kiên Giang")]),
    (YEAR + "Hội nghị do Ban Tổ chức Tỉnh ủy Kiên Giang (đơn vị Cụm trưởng) chủ trì.",
     [(2023, "chair", "Ban Tổ chức Tỉnh ủy Kiên Giang")]),
    (YEAR + "Trường Chính trị tỉnh Bắc Ninh - đơn vị Cụm phó năm 2023 phát biểu.",
     [(2023, "vice-chair", "Trường Chính trị tỉnh Bắc Ninh")]),
    # a unit represented as the chair
    (YEAR + "Đại diện đơn vị Cụm trưởng, Ban Tổ chức Tỉnh ủy Kiên Giang báo cáo kết quả.",
     [(2023, "chair", "Ban Tổ chức Tỉnh ủy Kiên Giang")]),
    (YEAR + "Ban Tổ chức Tỉnh ủy Kiên Giang đại diện Cụm trưởng báo cáo kết quả.",
     [(2023, "chair", "Ban Tổ chức Tỉnh ủy Kiên Giang")]),
    (YEAR + "Thay mặt Cụm trưởng, đồng chí Lê Thị Hoa, Giám đốc Trung tâm Chính trị huyện Tân "
     "Hiệp phát biểu.", [(2023, "chair", "Trung tâm Chính trị huyện Tân Hiệp")]),
    # roles of a deputy, a standing deputy head or a standing deputy secretary
    (YEAR + "Đồng chí Lê Thị Hoa, Phó Giám đốc Trung tâm Chính trị huyện Tân Hiệp, đại diện đơn "
     "vị Cụm phó phát biểu.", [(2023, "vice-chair", "Trung tâm Chính trị huyện Tân Hiệp")]),
    (YEAR + "Đồng chí Nguyễn Văn Hùng, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy Kiên "
     "Giang, Cụm trưởng Cụm thi đua số 5 phát biểu.",
     [(2023, "chair", "Ban Tuyên giáo Tỉnh ủy Kiên Giang")]),
    (YEAR + "Đồng chí Nguyễn Văn Hùng, Phó Bí thư Thường trực Huyện ủy Tân Hiệp, Cụm trưởng Cụm "
     "thi đua số 5 phát biểu.", [(2023, "chair", "Huyện ủy Tân Hiệp")]),
    # a role whose year the text does not give
    ("Đồng chí Lê Hữu Nghĩa, Giám đốc Học viện Chính trị khu vực I, Trưởng Khối thi đua chủ trì "
     "hội nghị.", [(None, "chair", "Học viện Chính trị khu vực I")]),
])
def test_roles(text: str, expected: list[tuple]):
    assert roles(text) == expected


@pytest.mark.parametrize("text", [
    YEAR + "Báo Lào Cai là đơn vị đăng cai hội nghị; Cụm trưởng phát biểu.",
    YEAR + "Thay mặt Cụm trưởng, đồng chí phát biểu cảm ơn.",
    "Hội nghị bầu Báo Yên Bái làm Cụm trưởng.",  # an election without a year
])
def test_no_role_without_a_stated_unit_and_year(text: str):
    assert roles(text) == []


# -- people ----------------------------------------------------------------------------------


def officials(text: str) -> dict[str, list[str]]:
    return {o["name"]: o["positions"] for o in extract_text(text)["officials"]}


def test_people_with_surnames_not_in_the_list_and_academic_titles():
    text = ("Tham dự Hội nghị có các ông: Tán Văn Bảo – Hàm Vụ trưởng Vụ Địa phương II; TS Cầm "
            "Thị Lai – Phó Vụ trưởng Vụ các Trường Chính trị; ThS Nguyễn Thị Hòa - Phó Trưởng Ban "
            "Thi đua khen thưởng; đồng chí Đào Hồng Lan - Phó Bí thư Thường trực Tỉnh ủy.")
    assert officials(text) == {
        "Tán Văn Bảo": ["Hàm Vụ trưởng Vụ Địa phương II"],
        "Cầm Thị Lai": ["Phó Vụ trưởng Vụ các Trường Chính trị"],
        "Nguyễn Thị Hòa": ["Phó Trưởng Ban Thi đua khen thưởng"],
        "Đào Hồng Lan": ["Phó Bí thư Thường trực Tỉnh ủy"],
    }


def test_a_title_before_the_name_after_an_abbreviation():
    text = "Tham dự có Trưởng phòng Văn nghệ Ban Tuyên giáo Thành ủy TPHCM Lâm Hữu Đức."
    assert list(officials(text)) == ["Lâm Hữu Đức"]


@pytest.mark.parametrize("text", [
    # a person's name inside a body's name, a place, a unit with a role
    "Hội nghị tại Trường Chính trị Nguyễn Văn Cừ, Bí thư Tỉnh ủy dự.",
    "Đồng chí Tân Hiệp - Cụm trưởng.",  # a place, not a person
    "Báo Yên Bái - Cụm trưởng năm 2023 phát biểu.",
    "Đồng chí Hội Nghị - Trưởng Ban.",  # capitalized words that are no name
])
def test_no_person_without_a_name_and_a_post(text: str):
    found = officials(text)
    assert "Nguyễn Văn Cừ" not in found and "Tân Hiệp" not in found
    assert "Báo Yên Bái" not in found and "Yên Bái" not in found


# -- awards --------------------------------------------------------------------------------


def awards(text: str) -> list[tuple[str, str]]:
    return [(a["status"], a["recipient"]) for a in extract_text(text)["awards"]]


@pytest.mark.parametrize("text,expected", [
    # contest prizes are conferred
    ("Hội thi năm 2023, đội Ban Tuyên giáo Huyện ủy Tân Hiệp đạt giải Nhất.",
     [("conferred", "Ban Tuyên giáo Huyện ủy Tân Hiệp")]),
    ("Hội thi năm 2023: giải Nhất thuộc về Ban Tuyên giáo Huyện ủy Tân Hiệp; giải Nhì thuộc về "
     "Ban Tuyên giáo Huyện ủy Châu Thành.",
     [("conferred", "Ban Tuyên giáo Huyện ủy Tân Hiệp"),
      ("conferred", "Ban Tuyên giáo Huyện ủy Châu Thành")]),
    ("Ban tổ chức trao giải Nhất cho Ban Tuyên giáo Huyện ủy Gò Quao.",
     [("conferred", "Ban Tuyên giáo Huyện ủy Gò Quao")]),
    # a unit's distinction, and a ranking
    ("Năm 2023, Báo Yên Bái được công nhận danh hiệu “Tập thể lao động xuất sắc”.",
     [("conferred", "Báo Yên Bái")]),
    ("Năm 2023, Ban Tổ chức Tỉnh ủy Kiên Giang được bình xét là đơn vị dẫn đầu Cụm thi đua số 5.",
     [("ranking", "Ban Tổ chức Tỉnh ủy Kiên Giang")]),
    ("Kết quả bình xét thi đua năm 2023 có 02 tập thể: Ban Tuyên giáo Quận ủy Hải Châu và Ban "
     "Tuyên giáo Thành đoàn Đà Nẵng.",
     [("ranking", "Ban Tuyên giáo Quận ủy Hải Châu"),
      ("ranking", "Ban Tuyên giáo Thành đoàn Đà Nẵng")]),
    # proposed is not conferred
    ("Năm 2023, Cụm thống nhất đề nghị tặng Cờ thi đua cho Báo Yên Bái.",
     [("proposed", "Báo Yên Bái")]),
    ("Hội thi có 10 đội tham gia, giải Nhất năm nay chưa trao.", []),
])
def test_awards(text: str, expected: list[tuple[str, str]]):
    assert awards(text) == expected


# -- documents -----------------------------------------------------------------------------


@pytest.mark.parametrize("text,ids", [
    ("Quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng.",
     ["Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng"]),
    ("Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Thái Nguyên khóa XX, nhiệm kỳ 2020-2025.",
     ["Nghị quyết Đại hội Đảng bộ tỉnh Thái Nguyên khóa XX"]),
    ("Thực hiện Nghị quyết Đại hội XIII của Đảng và Kế hoạch số 12-KH/TU.",
     ["Nghị quyết Đại hội XIII của Đảng", "12-KH/TU"]),
    ("Chuẩn bị tổ chức Đại hội Đảng bộ tỉnh khóa XX.", []),  # a congress is no document
])
def test_documents(text: str, ids: list[str]):
    assert [d["id"] for d in extract_text(text)["documents"]] == ids


# -- more phrasings ----------------------------------------------------------------------------


@pytest.mark.parametrize("text,members,count", [
    ("Cụm thi đua số 4 gồm 3 trường:\n- trường Chính trị tỉnh Hà Nam;\n- Trường Chính trị tỉnh "
     "Nam Định;\n- Trường Chính trị tỉnh Ninh Bình.\nHội nghị diễn ra sôi nổi.",
     ["trường Chính trị tỉnh Hà Nam", "Trường Chính trị tỉnh Nam Định",
      "Trường Chính trị tỉnh Ninh Bình"], 3),
    ("Hội nghị năm 2023. Hiện nay, 4 đơn vị thành viên của Cụm thi đua số 3 là: Báo Yên Bái, "
     "Báo Lào Cai, Báo Hà Giang và Báo Phú Thọ.",
     ["Báo Yên Bái", "Báo Lào Cai", "Báo Hà Giang", "Báo Phú Thọ"], 4),
    ("Ngày 5/3/2013, lễ ký kết giao ước thi đua giữa các khu phố Phước An, Phước Lộc và Phước "
     "Hội trong cụm thi đua số 1 đã diễn ra.", ["Phước An", "Phước Lộc", "Phước Hội"], 3),
    ("Ngày 5/3/2013, các khu phố 1, 2 và 3 trong cụm thi đua số 1 ký kết giao ước.",
     ["1", "2", "3"], 3),
])
def test_lists_one_a_line_and_around_the_mention(text: str, members: list[str], count: int):
    assert lists(text) == [(members, count)]


def test_units_named_before_the_cluster_without_a_list_opener_are_no_list():
    text = ("Đại diện lãnh đạo Ban Tổ chức Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy trong Cụm thi đua số 2 "
            "dự hội nghị.")
    assert lists(text) == [([], None)]


@pytest.mark.parametrize("text,expected", [
    ("Tổng kết năm 2023. Cụm trưởng năm 2023 (Ban Tổ chức Tỉnh ủy Hà Nam) báo cáo.",
     [(2023, "chair", "Ban Tổ chức Tỉnh ủy Hà Nam")]),
    ("Tổng kết năm 2019. Khối trưởng Khối thi đua VII – Ban Tổ chức Tỉnh ủy Cà Mau báo cáo.",
     [(2019, "chair", "Ban Tổ chức Tỉnh ủy Cà Mau")]),
    ("Tổng kết năm 2019. Khối trưởng Khối thi đua VII – Đồng chí Nguyễn Văn An báo cáo.", []),
    ("Tổng kết năm 2019. Cụm trưởng (Trưởng ban) phát biểu.", []),
])
def test_the_unit_after_the_role(text: str, expected: list[tuple]):
    assert roles(text) == expected


def test_names_of_ethnic_minority_people():
    text = ("Dự hội nghị có đồng chí Y Thanh Hà Niê Kđăm, Bí thư Tỉnh ủy; bà H’Yim Kđoh - Phó "
            "Chủ tịch HĐND tỉnh.")
    assert officials(text) == {"Y Thanh Hà Niê Kđăm": ["Bí thư Tỉnh ủy"],
                               "H’Yim Kđoh": ["Phó Chủ tịch HĐND tỉnh"]}


@pytest.mark.parametrize("text,expected", [
    ("Tổng kết năm 2019. Đồng chí Nguyễn Văn An thay mặt Ban Tổ chức Tỉnh ủy Cà Mau – đơn vị "
     "Khối trưởng phát biểu.", [(2019, "chair", "Ban Tổ chức Tỉnh ủy Cà Mau")]),
    ("Tổng kết năm 2019. Ban Tổ chức Tỉnh ủy Cà Mau – đại diện Khối trưởng báo cáo.",
     [(2019, "chair", "Ban Tổ chức Tỉnh ủy Cà Mau")]),
    ("Tổng kết năm 2020. Trường Chính trị tỉnh Hà Nam (Cụm trưởng Cụm thi đua số 4 các trường "
     "chính trị khu vực Đồng bằng sông Hồng) báo cáo.",
     [(2020, "chair", "Trường Chính trị tỉnh Hà Nam")]),
    ("Tổng kết năm 2019. Đồng chí Nguyễn Văn An thay mặt Ban Tổ chức Tỉnh ủy, cảm ơn Cụm "
     "trưởng.", []),
])
def test_roles_on_behalf_and_long_brackets(text: str, expected: list[tuple]):
    assert roles(text) == expected


@pytest.mark.parametrize("text,members,count", [
    ("Khối thi đua VII tổ chức hội nghị tổng kết với sự tham dự của lãnh đạo 3 đơn vị thành "
     "viên: Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy và Ban Dân vận Tỉnh ủy.",
     ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Dân vận Tỉnh ủy"], 3),
    ("Cụm thi đua số 4 các trường chính trị khu vực Đồng bằng sông Hồng gồm 3 trường: Hà Nam, "
     "Nam Định và Ninh Bình.", ["Hà Nam", "Nam Định", "Ninh Bình"], 3),
    ("Khối thi đua các cơ quan Đảng tỉnh gồm 4 cơ quan: Văn phòng Tỉnh ủy, các Ban Đảng Tỉnh "
     "ủy, Báo Ninh Thuận và Trường Chính trị tỉnh.",
     ["Văn phòng Tỉnh ủy", "các Ban Đảng Tỉnh ủy", "Báo Ninh Thuận", "Trường Chính trị tỉnh"],
     4),
    ("Cụm thi đua số 3 đã thống nhất 5 nội dung: hoàn thành nhiệm vụ, xây dựng cơ quan.",
     [], None),
])
def test_counted_lists_anywhere_in_the_sentence(text: str, members: list[str], count):
    assert lists(text) == [(members, count)]


def test_military_ranks_posts_in_brackets_and_former_posts():
    text = ("Dự hội nghị có Đại tá Nguyễn Văn Bình, Chính ủy Bộ Chỉ huy Quân sự tỉnh; ông Trần Văn "
            "Cường (Phó Giám đốc Sở Nội vụ) và đồng chí Lê Văn Dũng, nguyên Bí thư Tỉnh ủy.")
    assert officials(text) == {"Nguyễn Văn Bình": ["Chính ủy Bộ Chỉ huy Quân sự tỉnh"],
                               "Trần Văn Cường": ["Phó Giám đốc Sở Nội vụ"],
                               "Lê Văn Dũng": ["nguyên Bí thư Tỉnh ủy"]}


def test_rotating_chairs_received_duties_and_notes_after_list_items():
    assert roles("Tổng kết năm 2023. Cụm trưởng luân phiên năm 2024 là Báo Yên Bái.") == [
        (2024, "chair", "Báo Yên Bái")]
    assert roles("Tổng kết năm 2023. Báo Lào Cai nhận nhiệm vụ Cụm trưởng năm 2024.") == [
        (2024, "chair", "Báo Lào Cai")]
    text = ("Cụm thi đua số 4 gồm: Trường Chính trị tỉnh Hà Nam (Cụm trưởng), Trường Chính trị "
            "tỉnh Nam Định và Trường Chính trị tỉnh Ninh Bình.")
    assert lists(text) == [(["Trường Chính trị tỉnh Hà Nam", "Trường Chính trị tỉnh Nam Định",
                             "Trường Chính trị tỉnh Ninh Bình"], 3)]
