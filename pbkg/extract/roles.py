"""Who led a cluster in which year: chair ("Cụm trưởng", "Trưởng khối", "đơn vị trưởng Khối"),
standing vice-chair ("Cụm phó thường trực") and vice-chair ("Cụm phó", "Phó trưởng cụm").

A role mention is attached to a unit only by a pattern that states it:
  - in brackets after the unit: "Ban Tổ chức Tỉnh ủy Kiên Giang (Cụm phó)";
  - among a person's positions: the unit is the body the person heads ("Trưởng Ban Tổ chức
    Tỉnh ủy Thanh Hóa, Cụm trưởng Cụm thi đua số 2 năm 2025");
  - "X là/làm/được bầu làm Cụm trưởng" ("do X là Cụm trưởng, Y làm Cụm phó");
  - "Cụm trưởng ... năm 2023 là X, 2 Cụm phó là Y và Z";
  - a hand-over: "X bàn giao nhiệm vụ Cụm trưởng năm 2024 cho Y" (Y in 2024, X in 2023);
  - "với vai trò là Cụm trưởng ..., X" and an apposition "X – Trưởng khối ... năm 2020".
Hosting ("đơn vị đăng cai") and presiding ("chủ trì") are not roles. A year comes from the role
phrase, else from another role of the same sentence, else from a sentence-initial "Năm 2021,",
else (descriptive sentences only) from the article's context year, else it is null (the
excerpt does not give it). An election or hand-over without a stated year takes the year the
domain gives it when the article's conference is known (elected at a year-end review: the next
year; at the signing of the agreement: that year), else it gives no role.
A proposed role ("đề nghị X làm Cụm trưởng") is no role."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from pbkg.extract import enumerations
from pbkg.extract import gazetteer as gz
from pbkg.extract.clusters import CLUSTER_BARE, Cluster, Mention, mention_at, resolve
from pbkg.extract.doc import Doc, Sentence
from pbkg.extract.officials import OfficialMention
from pbkg.extract.patterns import (
    CAP_WORD,
    HEAD_TITLE,
    LOWER,
    NAME_STOP,
    ORG_HEAD,
    ROLE,
    ROLE_NAMES,
    UPPER,
    YEAR,
    find_role_words,
    first_char_led,
    norm_key,
)
from pbkg.extract.units import (
    PLACE_RUN,
    Unit,
    bare_item_backward,
    lower_unit_backward,
    parse_backward,
    parse_forward,
    parse_list,
    parse_list_backward,
    parse_units_backward,
    place_units,
)

_SPACES = re.compile(r"[ \t]+")
_PAREN_BEFORE = re.compile(r"\([^()]{1,60}\)[ \t]*$")
# a unit's abbreviation in brackets after its name: "(BDVTU)", "(BTC TU Bình Dương)"
_ABBR_PAREN_BEFORE = re.compile(r"[ \t]*\([A-ZĐ]{2,12}(?:[ \t]+[\w’'.]+){0,4}\)[ \t]*$")
_UNIT_AFTER = re.compile(rf"^[ \t]*(?:\([ \t]*|[-–—][ \t]+)(?:là[ \t]+)?(?=[{UPPER}])")
# (opening a sentence too: "Thay mặt Ban X, đơn vị Khối trưởng, đồng chí ...")
_ON_BEHALF = re.compile(r"(?<![\w])(?:[Tt]hay\s+mặt|[Đđ]ại\s+diện)(?:\s+cho)?\s+(?=[A-ZĐ])")
_BRACKET_CLOSE = re.compile(r"[^()\n]{0,80}?\)")  # the rest of the cluster's name, then ")"
_BRACKET_BEFORE = re.compile(
    r"\([ \t]*(?:là[ \t]+)?(?:đơn[ \t]+vị[ \t]+)?(?:(?:đại[ \t]+diện|thay[ \t]+mặt)[ \t]+)?$")
_REPRESENT_BEFORE = re.compile(
    r"(?:[Đđ]ại\s+diện|[Tt]hay\s+mặt)(?:\s+cho)?\s+"
    # "đại diện hai đơn vị Khối phó": as many people before it, each for the body they head
    r"(?:(?:(?P<n>hai|ba|bốn|[2-9])\s+)?(?:đơn\s+vị|cơ\s+quan)\s+)?$")
# between two people named one after the other: "A, Post và đồng chí B, Post"
_PEOPLE_JOINT = re.compile(r"[ \t]*(?:[,;][ \t]*)?(?:(?:và|cùng)[ \t]+|(?<=[,;])[ \t]*)"
                           r"(?:(?:đồng[ \t]+chí|ông|bà)[ \t]+)?$")
_STANDING = re.compile(  # "Phó Bí thư Thường trực Huyện ủy", "Phó Giám đốc phụ trách Trung tâm"
    # (any capital after: "Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Tỉnh ủy")
    rf"(?:(?:[Bb]an[ \t]+)?[Tt]hường[ \t]+trực|phụ[ \t]+trách)[ \t]+(?=[{UPPER}])")
_TAIL_THI_DUA = re.compile(r"[ \t]+thi\s+đua(?![\w])")
# (after a comma, not the year that opens the next clause with its own subject: "năm 2025 A
# làm Cụm trưởng, năm 2026 B đảm nhận" gives A no 2026)
# (a school year, "năm học 2017 - 2018", is its first year)
_TAIL_YEAR = re.compile(rf"[ \t]*(?:,[ \t]*(?P<comma>)|[ \t]*)năm[ \t]+(?:(?P<school>học)[ \t]+)?"
                        rf"(?P<year>{YEAR})(?![\d])(?(school)(?:[ \t]*[-–][ \t]*{YEAR}(?![\d]))?)"
                        rf"(?!(?P=comma)[ \t]*,?[ \t]*(?-i:[{UPPER}]))",
                        re.IGNORECASE)
_COPULA_BEFORE = re.compile(
    # "X hai lần làm Cụm phó", "X lần đầu đảm nhận vai trò": how often, when first
    r"(?P<verb>(?:(?:đã|từng|tiếp\s+tục|cũng|vẫn|sẽ|đang|chính\s+thức|lần\s+đầu"
    r"|(?:hai|ba|bốn|năm|[2-9])\s+lần)\s+)*"
    r"(?:được\s+(?:(?:(?!được\s)[^,.;()]){0,80}?\s+)?(?:bầu|chọn|suy\s+tôn|giao|cử|phân\s+công|tín\s+nhiệm"
    r"|giới\s+thiệu)"
    r"\s+|được\s+)?"
    r"(?:(?:luân\s+phiên|đại\s+diện)\s+)?"  # "X (được) luân phiên / đại diện làm Cụm trưởng"
    r"(?:là|làm|giữ(?:\s+(?:vai\s+trò|nhiệm\s+vụ|chức(?:\s+vụ)?|cương\s+vị|vị\s+trí))?"
    r"|đảm\s+(?:nhận|nhiệm|đương)(?:\s+(?:vai\s+trò|nhiệm\s+vụ|chức(?:\s+vụ)?))?"
    # "X hoàn thành tốt vai trò / nhiệm vụ Cụm trưởng (năm 2023)": it held the role
    r"|hoàn\s+thành(?:\s+(?:tốt|xuất\s+sắc))?\s+(?:vai\s+trò|nhiệm\s+vụ)(?:\s+(?:là|của))?)"
    r"(?:\s+(?:đơn\s+vị|vai\s+trò))?"
    # "được (Ban X) giao nhiệm vụ Cụm trưởng", "được chọn giữ vai trò"
    # "được suy tôn Cụm trưởng": the verb of election alone
    r"|được\s+(?:(?:(?!được\s)[^,.;()]){0,80}?\s+)?(?:bầu|chọn|suy\s+tôn|giao|cử|phân\s+công|tín\s+nhiệm"
    r"|giới\s+thiệu)"
    r"(?:\s+(?:nhiệm\s+vụ|vai\s+trò)(?:\s+(?:là|làm))?)?(?:\s+đơn\s+vị)?)\s+"
    r"(?:(?:\d+|hai|ba|bốn)\s+)?$",  # "A và B là hai Cụm phó"
)
_BY_OF_BEFORE = re.compile(r"(?<![\w])(?:do|của)[ \t]+$")
# the head of a body written with no name of a person, opening a sentence or a clause after
# ";": "Đồng chí Viện trưởng ", "; đồng chí Giám đốc ", "Ông Phó Chánh án " (before the body)
_NAMELESS_HEAD = re.compile(
    r"[ \t]*(?:(?:[Đđ]ồng[ \t]+chí|[Ôô]ng|[Bb]à)[ \t]+)?(?:[Pp]hó[ \t]+)?"
    r"(?:" + "|".join(re.escape(t).replace(r"\ ", r"[ \t]+") for t in sorted(
        gz.HEAD_TITLES, key=len, reverse=True)) + r")[ \t]+")
_CLAUSE_CUT = re.compile(r"[.;:\n]")
# "X, đơn vị được bầu làm Cụm trưởng", "X - đơn vị được bầu làm": an apposition set off by a
# comma or a dash
_APPOSITIVE_UNIT = re.compile(r"[ \t]*(?:,|[-–—])[ \t]*đơn[ \t]+vị[ \t]*$")
_COPULA_AFTER = re.compile(r"^[ \t]*(?:là|:|thuộc[ \t]+về|gồm(?:[ \t]+có)?"
                           r"|(?:được[ \t]+)?giao[ \t]+cho)[ \t]*:?[ \t]+")
_LABEL_AFTER = re.compile(r"[ \t]*\([ \t]*(?:đơn[ \t]+vị[ \t]+)?(?:[Cc]ụm|[Kk]hối|[Tt]rưởng|[Pp]hó)"
                          r"[ \t]+(?:trưởng|phó|cụm|khối)(?![\w])")
# "Cụm trưởng năm 2024 do X đảm nhận": the unit between "do" and the verb of holding
_BY_AFTER = re.compile(r"^[ \t]*do[ \t]+")
# the verb of a clause of its own after a listed name: "A, B là Cụm phó", "A, B được bầu ..."
_CLAUSE_VERB = re.compile(r"[ \t]+(?:(?:đã|sẽ|cũng|tiếp[ \t]+tục)[ \t]+)?"
                          r"(?:là|được|nhận|tiếp[ \t]+nhận)(?![\w])")
_HOLD_VERB = re.compile(r"[ \t]+(?:đảm[ \t]+(?:nhận|nhiệm|trách)|phụ[ \t]+trách|giữ|làm)(?![\w])")
# a verb of holding or taking up, then a role word of its own: "A nhận nhiệm vụ Khối trưởng",
# "B làm Khối phó", "C được bầu làm Cụm phó" (at most three words between)
_OWN_ROLE_AFTER = re.compile(
    r"[ \t]+(?:(?:đã|sẽ|cũng|tiếp[ \t]+tục)[ \t]+)?(?:đảm[ \t]+(?:nhận|nhiệm)|giữ|làm|là|nhận|"
    r"tiếp[ \t]+nhận|được)(?![\w])(?:[ \t]+[\w]+){0,3}?[ \t]+"
    r"(?=(?:[Cc]ụm|[Kk]hối|[Tt]rưởng|[Pp]hó|đơn[ \t]+vị)[ \t]+"
    r"(?:trưởng|phó|cụm|khối|[Cc]ụm|[Kk]hối)(?![\w]))")
# a capitalized name right after a role word that ends with "cụm"/"khối" and names no emulation
# cluster: "Trưởng Khối Dân vận tỉnh", "Phó Trưởng khối Nội chính" (sectors' heads)
# a group of another kind named after a person's role word, in lower case: "ông A, cụm trưởng
# cụm 5" (a residential cluster), "Khối trưởng khối 12" (a neighbourhood), "cụm trưởng cụm CĐV
# X" (a fan club's); an emulation cluster's name says "thi đua", or is a capitalized "Cụm 5",
# "Khối III"
_OTHER_KIND_AFTER = re.compile(r"[ \t]+(?:cụm|khối)[ \t]+(?:\d|(?!(?:TĐ|[IVXLC]+(?![\w’'])))"
                               rf"[{UPPER}]|(?:dân[ \t]+cư|phố|công[ \t]+nghiệp)(?![\w]))")
_OTHER_BODY_AFTER = re.compile(rf"[ \t]+(?!(?:Cụm|Khối|CỤM|KHỐI)(?![\w]))[{UPPER}]")
# (not the last word of a place's name: "Ban Tổ chức Tỉnh ủy Thái Nguyên là Cụm phó")
_FORMER_BEFORE = re.compile(rf"(?<![\w])(?<![{UPPER}][\w’'] )(?<![{UPPER}][\w’']{{2}} )"
                            rf"(?<![{UPPER}][\w’']{{3}} )(?<![{UPPER}][\w’']{{4}} )"
                            r"(?:[Nn]guyên|[Cc]ựu)[ \t]+(?:là[ \t]+)?"
                            r"(?:đơn[ \t]+vị[ \t]+)?$")
_NEGATION_BEFORE = re.compile(r"(?<![\w])(?:không|chưa|chẳng)(?:[ \t]+(?:còn|phải|được))?[ \t]+$")
_HANDOVER_BEFORE = re.compile(
    r"(?P<verb>(?:bàn|chuyển)\s+giao|trao)\s+(?:lại\s+)?(?:(?:nhiệm\s+vụ|vai\s+trò|chức\s+danh|"
    # "trao Cờ luân phiên Cụm trưởng năm 2025 cho X": the chair's rotating flag handed over
    r"chức\s+vụ|trách\s+nhiệm|[Cc]ờ(?:\s+(?:luân\s+(?:phiên|lưu)|thi\s+đua))*)\s+)?"
    r"(?:đơn\s+vị\s+)?$"
)
_HANDOVER_AFTER = re.compile(r"^[ \t]+(?:lại[ \t]+)?cho[ \t]+(?:đơn\s+vị[ \t]+)?")
_RECEIVE_BEFORE = re.compile(
    # ("đảm nhận vai trò" is a verb of holding: its subject is read by the copula)
    r"(?P<verb>tiếp\s+nhận|nhận\s+bàn\s+giao|"
    r"(?<![\w])(?<![Đđ]ảm )nhận(?=\s+(?:nhiệm\s+vụ|vai\s+trò|[Cc]ờ)))\s+"
    # "nhận Cờ luân lưu Cụm trưởng": the chair's rotating flag
    r"(?:(?:nhiệm\s+vụ|vai\s+trò|chức\s+danh|[Cc]ờ(?:\s+(?:luân\s+(?:phiên|lưu)|thi\s+đua))*)\s+)?$"
)
_ROTATING = re.compile(r"[ \t]+luân[ \t]+phiên(?![\w])")
_CAPACITY = r"(?:vai\s+trò|cương\s+vị|tư\s+cách)"  # "với vai trò / trên cương vị Cụm trưởng"
_VAI_TRO_BEFORE = re.compile(rf"{_CAPACITY}\s+(?:là\s+)?(?:đơn\s+vị\s+)?$")
_HOLD_ROLE_BEFORE = re.compile(  # "giữ vai trò", "đảm nhận vai trò": the subject is before
    rf"(?:giữ|đảm\s+(?:nhận|nhiệm|đương)|nhận|hoàn\s+thành(?:\s+(?:tốt|xuất\s+sắc))?)\s+{_CAPACITY}\s+"
    r"(?:là\s+)?(?:đơn\s+vị\s+)?$")
# the commas around an aside: "X, với vai trò Cụm phó, đã ..."
_ASIDE_OPENED = re.compile(r"[ \t]*,[ \t]*$")
_ASIDE_CLOSED = re.compile(r"[ \t]*(?:[,;.]|$)")
_WITH_ROLE_BEFORE = re.compile(
    rf"(?P<verb>(?:với|trong|trên|ở)\s+{_CAPACITY})\s+(?:là\s+)?(?:đơn\s+vị\s+)?$")
_APPOSITION = re.compile(r"[ \t]*(?:[-–—]|,)[ \t]*(?:là[ \t]+)?(?:đơn[ \t]+vị[ \t]+"
                         # "X, đơn vị giữ chức Cụm trưởng năm 2025", "X, đơn vị nhận nhiệm vụ
                         # Cụm trưởng năm 2012": a verb of holding or taking up the role
                         r"(?:(?:giữ|đảm[ \t]+(?:nhận|nhiệm)|(?:tiếp[ \t]+)?nhận)[ \t]+"
                         r"(?:chức|vai[ \t]+trò|nhiệm[ \t]+vụ)[ \t]+)?)?$")
# "... trao cờ cho X - Cụm trưởng năm 2025": the one a hand-over is made to, labelled with its role
_HANDED_TO = re.compile(r"(?<![\w])(?:(?:lại|giao)[ \t]+)?cho[ \t]+(?:đơn[ \t]+vị[ \t]+)?$")
_HANDOVER_VERB = re.compile(r"(?<![\w])(?:(?:bàn|chuyển)\s+giao|trao)(?![\w])")
# "bầu cử" is a general election ("cuộc bầu cử đại biểu Quốc hội"), none of the cluster's
_ELECTION = re.compile(
    r"(?<![\w])(?:bầu(?![ \t]+cử(?![\w]))|bàn\s+giao|chuyển\s+giao|tiếp\s+nhận|phân\s+công|"
    r"suy\s+tôn|biểu\s+quyết|"
    r"bình\s+chọn)(?![\w])",
    re.IGNORECASE,
)
_NEXT_YEAR = re.compile(r"năm\s+(?:tới|sau|tiếp\s+theo|kế\s+tiếp)", re.IGNORECASE)
# "... Cụm trưởng (năm 2023) và " before a second unit: the end of a first apposition
_AND_AFTER_ROLE = re.compile(
    rf"(?P<lead>[^,;.()]{{0,40}}?)(?:năm\s+{YEAR}\s+)?và[ \t]+(?=[^,;.()]*$)")
_LEADS_SENTENCE = re.compile(rf"\W*(?:(?:trong\s+)?năm\s+{YEAR}\s*,\s*)?$", re.IGNORECASE)
_MORE_SUBJECTS = re.compile(
    rf"[ \t]*(?:,[ \t]*(?:{ORG_HEAD.pattern})|[ \t]+(?:và|cùng|với)(?![\w]))")
_HOLDER_AFTER = re.compile(r"[ \t]*(?:,|[-–—])[ \t]*")
# "Năm 2023, ..." opening a sentence (matched at the sentence's start)
# (maybe with an aside between dashes or in brackets: "Năm 2020 – năm đại hội – A làm Cụm
# trưởng", "Năm 2020 (năm đại hội), A ...")
_YEAR_ASIDE = (r"[ \t]+[-–—][ \t]+(?![\d])[^-–—\n\d]{1,40}?[ \t]+[-–—][ \t]+"
               r"|[ \t]*\((?![\d])[^()\n\d]{1,40}\)[ \t]*,?")
_SENT_YEAR = re.compile(rf"\W*(?:trong\s+)?năm\s+(?P<year>{YEAR})(?:\s*[,:]|{_YEAR_ASIDE})",
                        re.IGNORECASE)
# a topic set in a year opening the sentence: "Về tổ chức hoạt động năm 2020, hội nghị thống
# nhất giới thiệu X làm Cụm trưởng", "Đối với năm 2024, ...", "Riêng nhân sự năm 2021, ..."
_TOPIC_YEAR = re.compile(rf"\W*(?:về|đối[ \t]+với|riêng)(?:[ \t]+(?-i:[{LOWER}]+)){{0,4}}[ \t]+"
                         rf"năm[ \t]+(?P<year>{YEAR})[ \t]*[,:]", re.IGNORECASE)
# the year that opens the clause of a role's unit, right before it: "...; năm 2024, X được bầu
# làm Cụm trưởng", "Theo kế hoạch, năm 2025 X làm Cụm trưởng" (after a clause mark, so that
# "tổng kết năm 2023, X được bầu" gives none)
# "So với năm 2009, khi X làm Cụm trưởng": a clause of time ("khi", "lúc") set in the year
# before it
# (maybe opening a quotation: 'nhớ lại: "Năm 2019, X từng là Cụm trưởng')
_CLAUSE_YEAR = re.compile(rf"(?:^|[,;:])[ \t]*[\"“]?[ \t]*"
                          rf"(?:(?:trong|sang|đến|tới|vào|so[ \t]+với)[ \t]+)?"
                          rf"năm[ \t]+(?P<year>{YEAR})[ \t]*,?[ \t]*(?:(?:khi|lúc)[ \t]+)?$",
                          re.IGNORECASE)
# the cluster in a year, then who led it: "Khối thi đua các cơ quan Đảng tỉnh X năm 2024 do Y
# làm Khối trưởng"
# (its members maybe listed in brackets: "Cụm thi đua Ban Tổ chức các huyện ủy (A, B, C) năm
# 2024 do Y làm Cụm trưởng")
# a label of the roles with their year, before the colon that opens the units: "2. Đơn vị Cụm
# trưởng, Cụm phó năm 2026: A làm Cụm trưởng, B làm Cụm phó" (matched at the sentence's start)
_ROLE_WORD = r"(?:(?:cụm|khối)[ \t]+(?:trưởng|phó)|(?:trưởng|phó)[ \t]+(?:cụm|khối))"
_LABEL_YEAR = re.compile(rf"\W*(?:\d{{1,2}}[.)][ \t]*)?(?:(?:đơn[ \t]+vị|nhân[ \t]+sự)[ \t]+)?"
                         rf"{_ROLE_WORD}(?:[ \t]*(?:,|và)[ \t]*{_ROLE_WORD}){{0,2}}[ \t]+"
                         rf"năm[ \t]+(?P<year>{YEAR})[ \t]*:", re.IGNORECASE)
# a year named right before a clause of time ("khi", "lúc") that opens with the unit: "nhắc lại
# kinh nghiệm năm 2015, khi X giữ vai trò Cụm trưởng", "Bài học năm 2013 cho thấy: khi X làm
# cụm trưởng" (the year is the clause's; "sau năm 2013, khi ...", "từ năm 2013 đến nay, khi ..."
# are none)
_WHEN_YEAR = re.compile(rf"(?<![\w])(?<!sau )(?<!trước )(?<!từ )năm[ \t]+(?P<year>{YEAR})"
                        rf"(?:[ \t]+(?:cho[ \t]+thấy|chỉ[ \t]+ra|là))?[ \t]*[,:]?[ \t]*"
                        rf"(?:khi|lúc)[ \t]+$", re.IGNORECASE)
_CLUSTER_YEAR_BY = re.compile(rf"(?<![\w])(?:Cụm|Khối|cụm|khối)[ \t]+(?:[^,;:.()\n]|"
                              rf"\([^();:.\n]{{0,120}}\)|,(?=[ \t]+[{LOWER}])){{0,160}}?[ \t]"
                              rf"năm[ \t]+(?P<year>{YEAR})[ \t]+do[ \t]+$")
_YEAR_BY = re.compile(r"\d{4}[ \t]+do[ \t]+$")  # the cheap test before the one above
_THIS_YEAR = re.compile(r"[ \t]*năm[ \t]+nay[ \t]*,", re.IGNORECASE)
_THIS_YEAR_AFTER = re.compile(r"[ \t]*,?[ \t]*năm[ \t]+nay(?![\w])", re.IGNORECASE)
_STATE_BODY = re.compile(r"(?:HĐND|UBND|Hội\s+đồng\s+nhân\s+dân|Ủy\s+ban\s+nhân\s+dân|MTTQ|"
                         r"Mặt\s+trận|Quốc\s+hội)")


@dataclass
class RoleHit:
    role: str
    start: int  # evidence span
    end: int
    unit: Unit | None  # None: the role is stated of a person whose body the text does not give
    year: int | None
    year_explicit: bool
    mention: Mention | None
    via: str
    confidence: float
    person: str | None = None
    role_start: int = 0
    election: bool = False


# what opens the run after a role word: "Cụm phó lần lượt là", "vai trò Cụm trưởng lần lượt thuộc
# về", "vai trò Cụm trưởng được giao cho" (each item with its year in brackets)
_OVER_YEARS = re.compile(r"^[ \t]*(?:(?:qua[ \t]+)?các[ \t]+năm[ \t]+)?(?:lần[ \t]+lượt[ \t]+)?"
                         r"(?:(?:là|thuộc[ \t]+về|(?:được[ \t]+)?(?:chuyển[ \t]+)?giao[ \t]+cho)"
                         # "luân phiên giữ vai trò Cụm trưởng: A (2016), B (2017)"
                         r"[ \t]+|:[ \t]*)")
_YEAR_BRACKET = re.compile(rf"[ \t]*\([ \t]*(?:năm[ \t]+)?(?P<year>{YEAR})[ \t]*\)")
_YEAR_ITEM_SEP = re.compile(r"[ \t]*(?:[,;][ \t]*(?:(?:và|rồi)[ \t]+)?|(?:và|rồi)[ \t]+)")
MAX_YEAR_ITEMS = 20


def _unit_or_place(doc: Doc, pos: int) -> Unit | None:
    """A body's name at `pos`, else a place's bare name ("Hậu Giang")."""
    from pbkg.extract import places  # the gazetteer loads on first use only

    unit = parse_forward(doc, pos)
    if unit is None and _LEVEL_WORD.match(doc.canon, pos):  # "phường Gia Thụy"
        unit = parse_forward(doc, pos, bare_ok=True, max_tokens=6)
    if unit is None:
        run = _CAP_RUN.match(doc.canon, pos)
        if run is not None and places.is_place_name(run.group()):
            unit = Unit(pos, run.end(), run.group(), run.group())
    return unit


def _units_by_year(doc: Doc, pos: int) -> list[tuple[Unit, int, int]]:
    """The run "A (2020), B (2021) và C (2022)" at `pos`: each unit (or a place's bare name)
    with the year in brackets after it; the run ends at an item without one."""
    canon = doc.canon
    out: list[tuple[Unit, int, int]] = []
    for _ in range(MAX_YEAR_ITEMS):
        unit = _unit_or_place(doc, pos)
        y = _YEAR_BRACKET.match(canon, unit.end) if unit is not None else None
        if y is None:
            break
        out.append((unit, int(y.group("year")), y.end()))
        sep = _YEAR_ITEM_SEP.match(canon, y.end())
        if sep is None:
            break
        pos = sep.end()
    return out


# more years after a role's: "Cụm trưởng năm 2016 và 2017", "năm 2016, 2017"
_TAIL_MORE_YEARS = re.compile(rf"(?:[ \t]*(?:,|và)[ \t]*{YEAR}(?![\d])){{1,7}}(?![ \t]*[-–—/])")
# the years a role was held in, written after it: "là Khối trưởng đầu tiên (2005)", "làm Cụm phó
# hai năm đầu (2005, 2006)", "giữ vai trò Khối trưởng hai năm liền 2016, 2017", "làm Cụm phó thường
# trực, vào các năm 2017 và 2020" (a bracket or a count of years holds only years: "(2016 - 2020)",
# a period, is none)
_HELD_QUALIFIER = (r"(?:[ \t]+(?:đầu[ \t]+tiên|(?:hai|ba|bốn|năm|[2-9])[ \t]+năm[ \t]+"
                   r"(?:đầu|liền|liên[ \t]+tiếp|liên[ \t]+tục)))")
_YEAR_RUN = rf"{YEAR}(?![\d])(?:[ \t]*(?:,|và)[ \t]*(?:năm[ \t]+)?{YEAR}(?![\d])){{0,7}}"
_HELD_YEARS = re.compile(
    rf"{_HELD_QUALIFIER}?[ \t]*\([ \t]*(?:năm[ \t]+)?(?P<bracket>{_YEAR_RUN})[ \t]*\)"
    rf"|{_HELD_QUALIFIER}[ \t]*,?[ \t]+(?:(?:vào[ \t]+)?(?:các[ \t]+)?năm[ \t]+)?"
    rf"(?P<counted>{_YEAR_RUN})(?![ \t]*[-–—/])"
    rf"|[ \t]*,?[ \t]+vào[ \t]+(?:các[ \t]+)?năm[ \t]+(?P<on>{_YEAR_RUN})(?![ \t]*[-–—/])")
_A_YEAR = re.compile(rf"{YEAR}(?![\d])")


def _tail(doc: Doc, m: re.Match[str]) -> tuple[int, Mention | None, int | None]:
    """Parse what follows a role word: a cluster reference and a year."""
    end, mention, years = _tail_years(doc, m)
    return end, mention, years[0] if years else None


def _tail_years(doc: Doc, m: re.Match[str]) -> tuple[int, Mention | None, list[int]]:
    """Parse what follows a role word: a cluster reference and the years it gives, in order."""
    canon = doc.canon
    p = m.end()
    mention = None
    last = re.search(r"(?:cụm|khối)$", m.group(0), re.IGNORECASE)
    if last:
        mention = mention_at(doc, m.start() + last.start())
        if mention:
            p = max(p, mention.end)
    if mention is None:
        sp = _SPACES.match(canon, p)
        q = sp.end() if sp else p
        mention = mention_at(doc, q) if sp else None
        if mention:
            p = mention.end
        else:
            bare = CLUSTER_BARE.match(canon, q) if sp else None
            if bare:
                mention = Mention(bare.start(), bare.end(), bare.group("kind").lower(),
                                  int(bare.group("num")), True, bare=True)
                p = bare.end()
            else:
                td = _TAIL_THI_DUA.match(canon, p)
                if td:
                    p = td.end()
    rotating = _ROTATING.match(canon, p)  # "Cụm trưởng luân phiên năm 2024"
    if rotating:
        p = rotating.end()
    years: list[int] = []
    y = _TAIL_YEAR.match(canon, p)
    if y:
        years, p = [int(y.group("year"))], y.end()
        more = _TAIL_MORE_YEARS.match(canon, p)
        if more:
            years += [int(a.group()) for a in _A_YEAR.finditer(more.group())]
            p = more.end()
    else:
        held = _HELD_YEARS.match(canon, p)
        if held:
            run = held.group("bracket") or held.group("counted") or held.group("on")
            years, p = [int(a.group()) for a in _A_YEAR.finditer(run)], held.end()
        elif this := _TAIL_THIS_YEAR.match(canon, p):
            p = this.end()  # "Cụm trưởng năm nay là X": the year is the article's (see _finish)
    return p, mention, years


# "Cụm trưởng năm nay là X", "Khối phó năm nay: X": the role of the year of the article's dated
# event, its holder after the copula
_TAIL_THIS_YEAR = re.compile(r"[ \t]+năm[ \t]+nay(?=[ \t]*(?:là(?![\w])|:))", re.IGNORECASE)
_ROLE_THIS_YEAR = re.compile(
    r"(?:(?:cụm|khối)[ \t]+(?:trưởng|phó)|(?:trưởng|phó)[ \t]+(?:cụm|khối))[ \t]+năm[ \t]+nay"
    r"(?![\w])", re.IGNORECASE)


_BARE_COMMITTEE = re.compile(r"Đảng\s+(?:ủy|uỷ|bộ)")
_PLACE_END = re.compile(
    rf"(?:phường|xã|thị\s+trấn|đặc\s+khu)\s+{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}}$")


# a plural of bodies of one level inside a name ("Ban Tổ chức các tỉnh ủy", "Ban Dân vận các
# huyện, thị ủy", "các trường chính trị"): the kind of a cluster's members, no one body ("Đảng ủy
# Khối các cơ quan tỉnh" is one)
_MEMBERS_KIND = re.compile(r"(?<![\w])các[ \t]+(?:(?:tỉnh|thành|huyện|quận|thị|xã|phường)"
                           r"(?:[ \t]*,[ \t]*(?:tỉnh|thành|huyện|quận|thị))?(?:[ \t]+(?:ủy|uỷ))?"
                           r"|trường)(?![\w])", re.IGNORECASE)


# a department of a body: "Vụ Tổng hợp", "Phòng Tổ chức", "Cục Chính trị"
_DEPARTMENT = re.compile(r"(?:Vụ|Phòng|Cục)[ \t]+(?=[{UPPER}])".replace("{UPPER}", UPPER))


# the governing board of an enterprise or a school, named before it
_GOVERNING_BOARD = re.compile(rf"(?:Hội[ \t]+đồng[ \t]+(?:thành[ \t]+viên|quản[ \t]+trị)|"
                              rf"Ban[ \t]+[Gg]iám[ \t]+(?:đốc|hiệu))[ \t]+(?=[{UPPER}])")


def _unit_from_positions(doc: Doc, om: OfficialMention, role_start: int) -> Unit | None:
    """The body a person heads, from their positions other than the role itself."""
    candidates: list[tuple[int, Unit]] = []
    for s, e in om.positions:
        if ROLE.match(doc.canon, s):
            continue
        if s <= role_start < e:  # "Giám đốc X, đại diện đơn vị Cụm phó": the part before
            e = role_start
        title = HEAD_TITLE.match(doc.canon[s:e])
        if not title:
            continue
        org_start = s + title.end()
        standing = _STANDING.match(doc.canon, org_start, e)  # "Phó Bí thư Thường trực Huyện ủy"
        if standing:
            org_start = standing.end()
        unit = parse_forward(doc, org_start, head_ci=True)
        if unit and unit.end > e:  # the name after a post runs on into the person's name
            cut = doc.trimmed(unit.start, e)
            text = doc.slice(*cut)
            unit = Unit(cut[0], cut[1], text, text) if cut[1] > cut[0] else None
        if unit and not unit.text[:1].isupper():
            text = unit.text[:1].upper() + unit.text[1:]
            unit = Unit(unit.start, unit.end, text, text)
        if not unit:
            continue
        board = _GOVERNING_BOARD.match(unit.text)
        if board is not None:
            # "Chủ tịch Hội đồng thành viên Tổng Công ty X": the enterprise its board governs
            text = unit.text[board.end():]
            unit = Unit(unit.start + board.end(), unit.end, text, text)
        if _DEPARTMENT.match(unit.text):
            # "Vụ trưởng Vụ Tổng hợp, Ban Nội chính Trung ương", "Vụ trưởng Vụ Tổ chức - Cán
            # bộ, Ban Đối ngoại Trung ương": a department, then the body it is part of, which
            # closes the post; that body is the one a cluster counts
            q = doc.canon.rfind(",", unit.end, e) + 1
            while 0 < q < e and doc.canon[q] in " \t":
                q += 1
            whole = parse_forward(doc, q) if q > 0 else None
            if whole is not None and whole.end == e and not _DEPARTMENT.match(whole.text):
                unit = whole
        if _BARE_COMMITTEE.fullmatch(unit.text):
            # "Bí thư Đảng ủy, Chủ tịch HĐND phường Cửa Nam": the committee of the place the
            # next post names; with no place, a committee of no one named
            place = next((p for ps, pe in om.positions if ps >= e
                          for p in [_PLACE_END.search(doc.canon, ps, pe)] if p), None)
            if place is None:
                continue
            text = f"{unit.text} {doc.slice(place.start(), place.end())}"
            unit = Unit(unit.start, unit.end, text, text)
        deputy = doc.canon[s:e].lower().startswith("phó")
        state = bool(_STATE_BODY.search(unit.text))
        candidates.append(((2 if state else 0) + (1 if deputy else 0), unit))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


# a proposal, a nomination, a wish, a candidacy, a withdrawal or a possibility in the verb's
# clause: "đề nghị X làm Cụm trưởng", "X được đề cử làm", "X xin thôi làm", "X đăng ký làm",
# "X có thể làm Cụm trưởng"
# a submission to a body: "kính trình Ban X", "trình UBND tỉnh" (not "trình bày", to present, nor a
# noun: "công trình", "chương trình", "quy trình")
_SUBMIT = (r"(?<!công )(?<!chương )(?<!quy )(?<!lộ )(?<!tiến )(?<!hành )(?<!giáo )(?<!tờ )"
           rf"trình(?=[ \t]+(?-i:[{UPPER}]))")
_PROPOSED = re.compile(r"(?<![\w])(?:đề\s+nghị|đề\s+xuất|dự\s+kiến|kiến\s+nghị|giới\s+thiệu|"
                       r"đề\s+cử|ứng\s+cử|đăng\s+ký|xin|thôi|từ\s+chối|rút|mong\s+muốn|muốn|"
                       # "X sẽ đảm nhận vai trò Cụm trưởng": a plan, not yet a role held
                       r"có\s+thể|nếu|sẽ|"
                       # a submission: "kính trình Ban X phê duyệt việc giao A làm Cụm trưởng"
                       rf"{_SUBMIT})"
                       # "đề xuất Ban X xem xét, quyết định phân công A làm Cụm trưởng": the
                       # comma of "xem xét, quyết định" ends no clause; nor does an aside in
                       # brackets ("đề nghị Ban X (qua Vụ Y) xem xét, ...")
                       r"(?![\w])(?:[^,.;:()]|(?<=xét),|\([^(),.;:\n]{0,60}\))*$", re.IGNORECASE)
# a nomination the meeting agreed on is its choice, as "thống nhất chọn" is: "Hội nghị thống nhất
# giới thiệu X làm Cụm trưởng", "X được các đơn vị nhất trí giới thiệu làm Khối trưởng"; unless
# the sentence sends it on to a higher body ("..., trình Ban Thường vụ xem xét, quyết định")
_AGREED_BEFORE = re.compile(r"(?<![\w])(?:thống|nhất)[ \t]+(?:nhất|trí)[ \t]+$", re.IGNORECASE)
_SENT_ON = re.compile(r"(?<![\w])(?:trình|xem\s+xét|quyết\s+định|phê\s+duyệt|công\s+nhận|"
                      r"chờ)(?![\w])", re.IGNORECASE)


# a rotation the cluster's rules fix: "Theo quy chế, năm 2025 X sẽ đảm nhận vai trò Cụm trưởng"
# ("sẽ" is then no plan; "dự kiến" still is)
_BY_RULE = re.compile(r"\W{0,3}[Tt]heo[ \t]+(?:quy[ \t]+chế|quy[ \t]+định)"
                      r"(?:[ \t]+[^,;:.]{0,60})?,")


# a nomination that goes on an agreement of its sentence ("Khối thống nhất đề nghị ... tặng Bằng
# khen cho A; giới thiệu B làm Khối trưởng"), or that the cluster makes itself, opening its
# clause ("Khối Mặt trận, đoàn thể giới thiệu B làm khối trưởng năm 2025")
_COORD_BEFORE = re.compile(r"(?:;|,[ \t]*đồng[ \t]+thời)[ \t]*$")
_AGREED_IN = re.compile(r"(?<![\w])(?:thống[ \t]+nhất|nhất[ \t]+trí)(?![\w])", re.IGNORECASE)
_CLUSTER_SUBJECT = re.compile(r"[\W]{0,3}(?:Cụm|Khối)(?![ \t]+(?:trưởng|phó)(?![\w]))"
                              r"(?:[ \t]*[,–-]?[ \t]+[\w’']+){0,8}[ \t]+"
                              r"(?:(?:đã|cũng|thống[ \t]+nhất|nhất[ \t]+trí)[ \t]+)?")


def _agreed_clause(doc: Doc, at: int) -> bool:
    """Whether the "giới thiệu" at `at` is a coordinated verb of an agreement earlier in its
    sentence, or has the cluster, opening the clause, as its subject."""
    canon = doc.canon
    sent = doc.sentence_at(at)
    lo = max(sent.start if sent is not None else 0, at - 300)
    if _COORD_BEFORE.search(canon, max(lo, at - 16), at):
        return _AGREED_IN.search(canon, lo, at) is not None and not _SENT_ON.search(
            canon, lo, at)
    start = max(lo, canon.rfind(";", lo, at) + 1)
    return _CLUSTER_SUBJECT.fullmatch(canon, start, at) is not None


def _proposed(doc: Doc, lo: int, hi: int, role_end: int) -> bool:
    """Whether a proposal in canon[lo:hi] puts forward the role that ends at `role_end`."""
    canon = doc.canon
    p = _PROPOSED.search(canon, lo, hi)
    while p is not None and canon[p.start() : p.start() + 4].lower() == "giới" and (
            _AGREED_BEFORE.search(canon, max(0, p.start() - 16), p.start())
            or _agreed_clause(doc, p.start())):
        sent = doc.sentence_at(role_end)
        # the clause's own: "giới thiệu A làm Cụm trưởng; đồng thời đề xuất B làm Cụm phó, báo
        # cáo Ban X xem xét, quyết định" sends on B's role, not A's
        reach = min(sent.end, role_end + 200) if sent is not None else role_end
        semi = canon.find(";", role_end, reach)
        if _SENT_ON.search(canon, role_end, semi if semi >= 0 else reach):
            return True  # "..., trình Văn phòng Tỉnh ủy xem xét, quyết định"
        p = _PROPOSED.search(canon, p.end(), hi)
    if p is not None and canon[p.start() : p.start() + 2].lower() == "sẽ" and (
            _PROPOSED.search(canon, p.end(), hi) is None):
        sent = doc.sentence_at(p.start())
        if sent is not None and _BY_RULE.match(canon, sent.start, p.start()) and not (
                _PROPOSED.search(canon, max(sent.start, p.start() - 300), p.start())):
            return False  # "Theo quy chế, năm 2025 X sẽ đảm nhận vai trò Cụm trưởng"
    return p is not None


# a proposal of the roles whose holders a colon opens: "Khối đề nghị Hội đồng xem xét, công nhận
# Khối trưởng, Khối phó năm 2018 như sau: A (Khối trưởng), B (Khối phó)"
_PROPOSAL_WORD = re.compile(r"(?<![\w])(?:đề\s+nghị|đề\s+xuất|kiến\s+nghị|dự\s+kiến|"
                            rf"{_SUBMIT})(?![\w])",
                            re.IGNORECASE)
_ROLE_WORD_RE = re.compile(_ROLE_WORD, re.IGNORECASE)


def _proposed_label(doc: Doc, at: int) -> bool:
    """Whether the item at `at` is in a run after a colon whose label, in its sentence, proposes
    the roles: a proposal, then a role word, then the colon (no ";" between)."""
    canon = doc.canon
    sent = doc.sentence_at(at)
    if sent is None:
        return False
    colon = canon.rfind(":", max(sent.start, at - 400), at)
    if colon < 0 or canon.find(";", colon, at) >= 0:
        return False
    lo = max(sent.start, colon - 300, canon.rfind(";", sent.start, colon) + 1)
    last = None
    for word in _PROPOSAL_WORD.finditer(canon, lo, colon):
        last = word
    return last is not None and _ROLE_WORD_RE.search(canon, last.end(), colon) is not None


# a condition opening the sentence: "Nếu được tín nhiệm, X sẽ làm Cụm trưởng"
_CONDITION = re.compile(r"(?<![\w])(?:[Nn]ếu|[Tt]rong\s+trường\s+hợp|[Gg]iả\s+sử)(?![\w])")
_ALSO_BEFORE = re.compile(r"[ \t]*,?[ \t]*(?:(?:đồng\s+thời|cũng|hiện)[ \t]+)?$")
_CLAUSE_CUT = re.compile(r"[,;:.()\n“”\"!?]")
_SUBJECT_LEAD = re.compile(r"[ \t]*(?:(?:năm|trong\s+năm)\s+\d{4}[ \t]*,?[ \t]*)?", re.IGNORECASE)


def _clause_subject(doc: Doc, verb_start: int) -> list[Unit]:
    """The unit that opens the clause of a second, coordinated verb: "X nhận Cờ luân lưu và
    đảm nhận vai trò Cụm trưởng" gives X. Only when "và" joins the verbs and no other body
    is named between."""
    canon = doc.canon
    lo = max(0, verb_start - 160)
    cut = lo
    for b in _CLAUSE_CUT.finditer(canon, lo, verb_start):
        cut = b.end()
    lead = _SUBJECT_LEAD.match(canon, cut)
    unit = parse_forward(doc, lead.end() if lead else cut)
    if unit is None:
        return []
    rest = canon[unit.end : verb_start]
    if not re.search(r"[ \t]và[ \t]*$", rest) or ORG_HEAD.search(rest):
        return []
    if not NAME_STOP.match(canon, unit.end + 1):  # a verb right after the subject
        return []
    return [unit]


# a predicate joined to the clause before by "đồng thời" ("at the same time"), its subject that
# clause's: "năm 2022 X được Thủ tướng Chính phủ tặng Bằng khen; đồng thời là Khối trưởng"
_ALSO_JOIN = re.compile(r"[;,][ \t]*(?:và[ \t]+)?đồng[ \t]+thời[ \t]*$")


def _also_subject(doc: Doc, verb_start: int) -> list[Unit]:
    """The unit that opens the clause before "; đồng thời" right before a verb of holding."""
    canon = doc.canon
    join = _ALSO_JOIN.search(canon, max(0, verb_start - 24), verb_start)
    if join is None:
        return []
    lo = max(0, join.start() - 200)
    cut = lo
    for b in _CLAUSE_CUT.finditer(canon, lo, join.start()):
        cut = b.end()
    if cut == lo and lo > 0:
        return []  # the clause before is longer than looked at: its subject is not read
    lead = _SUBJECT_LEAD.match(canon, cut)
    unit = parse_forward(doc, lead.end() if lead else cut)
    if unit is None or not NAME_STOP.match(canon, unit.end + 1):
        return []  # no body opens the clause, or no verb follows it
    return [unit]


# a province's or city's bare name opening its clause, the subject of a verb of holding:
# "..., nơi Cần Thơ làm Cụm trưởng năm 2025", "Năm 2023, Cà Mau là Cụm phó"
# (or with its level word, maybe after "còn", the clause's contrast: "Năm nay đến lượt A, còn
# huyện B làm Cụm phó")
_BARE_PLACE_SUBJECT = re.compile(
    rf"(?:^|[,;:(\n]|(?<![\w])(?:nơi|khi|lúc)|(?<![\w])[Nn]ăm[ \t]+{YEAR}(?:{_YEAR_ASIDE}))[ \t]*"
    rf"(?P<place>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,3}})[ \t]*$"
    r"|(?:^|[,;:(\n]|(?<![\w])(?:nơi|khi|lúc))[ \t]*(?:còn[ \t]+)?"
    r"(?P<level>(?:huyện|quận|thị[ \t]+xã|thành[ \t]+phố|tỉnh|xã|phường|thị[ \t]+trấn|"
    r"đặc[ \t]+khu)[ \t]+)"
    rf"(?P<named>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,3}})[ \t]*$")


# a body whose name joins two fields by a dash, each a capitalized word and a lower one, the
# clause's subject: "Hội Văn học - Nghệ thuật tỉnh làm Khối phó", "Sở Văn hóa - Thể thao tỉnh
# là Cụm phó" (the name may end with its level or place)
_DASHED_SUBJECT = re.compile(
    rf"(?:^|[,;:(\n.])[ \t]*(?:và[ \t]+)?(?P<name>(?:{ORG_HEAD.pattern})"
    rf"(?:[ \t]+[{UPPER}][{LOWER}]*){{1,2}}[ \t]+[{LOWER}]+[ \t]+[-–][ \t]+"
    rf"(?!(?:Cụm|Khối|Đơn|Đồng|Năm|Ngày|Ông|Bà)(?![\w’']))[{UPPER}][{LOWER}]*[ \t]+[{LOWER}]+"
    rf"(?:[ \t]+(?:tỉnh|thành[ \t]+phố|huyện|quận|Trung[ \t]+ương|[{UPPER}][{LOWER}]*)){{0,3}})"
    r"[ \t]*$")


def _dashed_subject(doc: Doc, verb_start: int) -> Unit | None:
    m = _DASHED_SUBJECT.search(doc.canon, max(0, verb_start - 100), verb_start)
    if m is None:
        return None
    s, e = m.span("name")
    return Unit(s, e, doc.slice(s, e), doc.slice(s, e))


def _bare_place_subject(doc: Doc, verb_start: int) -> Unit | None:
    from pbkg.extract import places  # the gazetteer loads on first use only

    m = _BARE_PLACE_SUBJECT.search(doc.canon, max(0, verb_start - 100), verb_start)
    if m is None or not places.is_place_name(m.group("place") or m.group("named")):
        return None
    s, e = m.span("place") if m.group("place") else (m.start("level"), m.end("named"))
    return Unit(s, e, doc.slice(s, e), doc.slice(s, e))


# bare place names in a clause parallel to a role clause before it: "X làm Cụm trưởng, A và B
# làm Cụm phó", "năm X làm Cụm trưởng và A làm Cụm phó" (the clause opens after a role word, maybe
# with its year, and a comma or "và"; each name must be a place)
_PARALLEL_PLACES = re.compile(
    r"(?:trưởng|phó|TRƯỞNG|PHÓ)(?:[ \t]+thường[ \t]+trực)?"
    rf"(?:[ \t]+năm[ \t]+{YEAR})?[ \t]*(?:,|;|,?[ \t]+và)[ \t]*"
    rf"(?P<list>{PLACE_RUN})"
    r"[ \t]*$")


def _parallel_places(doc: Doc, verb_start: int) -> list[Unit]:
    """The bare places that open a clause parallel to a role clause just before it."""
    canon = doc.canon
    lo = max(0, verb_start - 160)
    m = _PARALLEL_PLACES.search(canon, lo, verb_start)
    if m is None or not ROLE.search(canon, max(lo, m.start() - 12), m.start() + 8):
        return []
    return place_units(doc, m.start("list"), m.end("list"))


# a clause parallel to the one before, only its unit between: ", Y làm Khối phó"
_PARALLEL = re.compile(r"[ \t]*(?:,|;)?[ \t]*(?:và[ \t]+)?[^,.;:()\n]{2,100}")
_HEADING_YEAR = re.compile(rf"(?<![\w])năm[ \t]+(?P<year>{YEAR})(?![\d])", re.IGNORECASE)
_ROLE_LINE = re.compile(r"[ \t]*(?:[-–—+•*]|\d{1,2}[./)])?[ \t]*(?:[Pp]hó[ \t]+)?"
                        r"(?:[Tt]rưởng[ \t]+)?(?:[Cc]ụm|[Kk]hối)(?:[ \t]+(?:trưởng|phó))?"
                        r"(?:[ \t]+thường[ \t]+trực)?[ \t]*:")


def _heading_year(doc: Doc, sent: Sentence) -> int | None:
    """The one year of the heading line, ending with a colon, above a run of role lines
    ("Trưởng khối: A;" "Phó Trưởng khối: B."), the role's own line among them; else None."""
    canon = doc.canon
    if not _ROLE_LINE.match(canon, sent.start, sent.end):
        return None
    prev = doc.sentence_before(sent)
    for _ in range(8):  # a few role lines under one heading: bounded
        if prev is None or canon[prev.end : sent.start].count("\n") != 1:
            return None  # the lines follow one another, no blank line between
        text = canon[prev.start : prev.end].rstrip()
        if text.endswith(":"):
            years = {int(y.group("year")) for y in _HEADING_YEAR.finditer(text)}
            return years.pop() if len(years) == 1 else None
        if not _ROLE_LINE.match(canon, prev.start, prev.end):
            return None
        sent, prev = prev, doc.sentence_before(prev)
    return None


# a line that opens with its year(s) and a colon, maybe bulleted: "• 2018: A làm Khối trưởng",
# "2016, 2017: Cụm trưởng – B" (a range "2018 – 2019:" is no list of years)
_LINE_YEARS = re.compile(rf"[ \t]*(?:[-–—+•*][ \t]*)?(?:[Nn]ăm[ \t]+)?(?P<years>{YEAR}(?![\d])"
                         rf"(?:[ \t]*(?:,|và)[ \t]*{YEAR}(?![\d])){{0,5}})[ \t]*:")
# a heading line that is a year alone, over the paragraphs after it: "Năm 2017"
_YEAR_HEADING = re.compile(rf"[ \t]*(?:[Nn]ăm[ \t]+)?(?P<year>{YEAR})(?:[ \t]*[-–—][ \t]*"
                           rf"(?P<to>{YEAR}))?[ \t]*:?[ \t]*$")
_HEADING_END = re.compile(r"[.;,!?…\"”]$")
MAX_HEADING = 80
# a vote in the sentence: the year it is held in is not the year it elects for
_VOTE = re.compile(r"(?<![\w])(?:bầu(?![ \t]+cử(?![\w]))|suy\s+tôn|biểu\s+quyết|bình\s+chọn|"
                   r"giới\s+thiệu|thống\s+nhất|nhất\s+trí)(?![\w])", re.IGNORECASE)


# the first of a run of years: the role was not held in the article's year
_FIRST = re.compile(r"(?<![\w])(?:đầu[ \t]+tiên|lần[ \t]+đầu)(?![\w])", re.IGNORECASE)


class _LineYears:
    """The years each line of the text sets for the roles on it: the year(s) that open the line
    ("• 2012: ..."), else the year of the section heading above it ("Năm 2017" on a line of its
    own; any other heading line closes the section). Read once, looked up by bisection."""

    def __init__(self, canon: str) -> None:
        self.starts: list[int] = []
        self.years: list[list[int]] = []
        self.spans: list[tuple[int, int] | None] = []  # a heading's range: "Năm 2018 – 2019"
        section: list[int] = []
        span: tuple[int, int] | None = None
        pos = 0
        for line in canon.split("\n"):
            text = line.strip()
            own: list[int] = []
            if text and len(text) <= MAX_HEADING and not _HEADING_END.search(text):
                head = _YEAR_HEADING.fullmatch(line)
                section = [int(head.group("year"))] if head and not head.group("to") else []
                span = (int(head.group("year")), int(head.group("to"))) if head and head.group(
                    "to") else None
            if text and not own and not section and span is None:
                # a short line with no end mark is no heading when it opens with its years and
                # a colon: "• 2015: Cụm trưởng – A; Cụm phó – B"
                lead = _LINE_YEARS.match(line)
                if lead is not None:
                    own = [int(a.group()) for a in _A_YEAR.finditer(lead.group("years"))]
            self.starts.append(pos)
            self.years.append(own or section)
            self.spans.append(None if own else span)
            pos += len(line) + 1

    def at(self, pos: int) -> list[int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.years[i] if i >= 0 else []

    def outside(self, pos: int, year: int | None) -> bool:
        """Whether `year` lies outside the range of years the heading above `pos` names."""
        i = bisect.bisect_right(self.starts, pos) - 1
        span = self.spans[i] if i >= 0 else None
        return span is not None and year is not None and not span[0] <= year <= span[1]


# a sentence that announces the holders of a year, its role words followed by that year: "Hội
# nghị thống nhất các đơn vị làm Trưởng khối, Phó Trưởng khối năm 2012", "Phân công cụm trưởng,
# cụm phó các cụm năm 2017 như sau:", "các khối đã bầu đơn vị làm trưởng, phó năm 2026"
_ANNOUNCE_VERB = re.compile(r"(?<![\w])(?:bầu(?![ \t]+cử(?![\w]))|phân[ \t]+công|hiệp[ \t]+thương|"
                            r"thống[ \t]+nhất|nhất[ \t]+trí|(?:bàn|chuyển)[ \t]+giao|"
                            r"chỉ[ \t]+định|suy[ \t]+tôn|bình[ \t]+chọn|"
                            # a proposal, read to give its roles none
                            r"đề[ \t]+(?:xuất|nghị)|dự[ \t]+kiến|giới[ \t]+thiệu)(?![\w])",
                            re.IGNORECASE)
_ANNOUNCED_ROLE = re.compile(
    rf"(?<![\w])(?:{_ROLE_WORD}|(?<=làm )trưởng|(?<=là )trưởng)"
    rf"(?:[ \t]*(?:,|và)[ \t]*(?:{_ROLE_WORD}|phó))*"
    rf"(?:[ \t]+(?:các|của)[ \t]+[^.;:\n\d]{{1,40}}?)?[ \t]+năm[ \t]+(?P<year>{YEAR})(?![\d])",
    re.IGNORECASE)
_OTHER_YEAR = re.compile(rf"(?<![\d]){YEAR}(?![\d])")
# a line of a list: "1. Cụm thi đua số 1: ...", "- Khối 2 (...): ...", "+ ..."
_LIST_LINE = re.compile(r"[ \t]*(?:[-–—+•*]|\d{1,2}[.)])[ \t]+")
MAX_ANNOUNCED = 40  # sentences one announcement reaches: bounded


class _Announced:
    """The year an announcement of the holders gives the roles after it that name none: the
    sentences after it in its paragraph, and the list lines under it when its paragraph ends
    with a colon ("... năm 2026. Cụ thể:" then "- Khối 1: A làm khối trưởng"); each (sentence
    start -> (year, proposed)); an announcement that names a holder itself ("bầu A làm Khối
    trưởng năm 2026") is none. A sentence that writes another year ends the reach. An
    announcement that names two years and hands over ("các khối trưởng năm 2018 bàn giao cho
    đơn vị làm khối trưởng năm 2019") gives the later. Read once, in one pass."""

    def __init__(self, doc: Doc, stated: set[int]) -> None:
        canon = doc.canon
        self.by_sentence: dict[int, tuple[int, bool]] = {}
        sents = doc.sentences
        i = 0
        while i < len(sents):
            s = sents[i]
            i += 1
            verb = _ANNOUNCE_VERB.search(canon, s.start, s.end)
            if verb is None or s.start in stated:  # "bầu A làm Khối trưởng năm 2026": A's own
                continue
            found = list(_ANNOUNCED_ROLE.finditer(canon, s.start, s.end))
            years = {int(m.group("year")) for m in found}
            if not years:
                continue
            if len(years) == 1:
                year = years.pop()
            elif len(years) == 2 and _HANDOVER_VERB.search(canon, s.start, s.end):
                year = max(years)
            else:
                continue
            proposed = _proposed(doc, s.start, found[0].start(), found[0].end())
            # the sentences after it: in its paragraph, then the list lines under a colon
            last = s
            j = i
            in_list = False  # past the paragraph, on the list lines under it
            while j < len(sents) and j - i < MAX_ANNOUNCED:
                t = sents[j]
                if "\n" in canon[last.end : t.start]:
                    if not (in_list or canon[last.start : last.end].rstrip().endswith(":")):
                        break
                    if not _LIST_LINE.match(canon, canon.rfind("\n", 0, t.start) + 1):
                        break
                    in_list = True
                if any(int(y.group()) != year
                       for y in _OTHER_YEAR.finditer(canon, t.start, t.end)):
                    break
                if _ANNOUNCE_VERB.search(canon, t.start, t.end) and _ANNOUNCED_ROLE.search(
                        canon, t.start, t.end):
                    break  # another announcement: read on its own
                self.by_sentence[t.start] = (year, proposed)
                last = t
                j += 1
            i = j

    def at(self, sent: Sentence | None) -> tuple[int, bool] | None:
        return self.by_sentence.get(sent.start) if sent is not None else None


def _represented_people(doc: Doc, officials: list[OfficialMention], starts: list[int], end: int,
                        n: int) -> list[Unit]:
    """The bodies headed by the `n` people named one after the other, the last one's posts
    ending at `end` ("A, Post 1 và đồng chí B, Post 2, đại diện hai đơn vị Khối phó"); none
    unless exactly `n` people, each heading a body, are found."""
    out: list[Unit] = []
    pos: int | None = end
    for _ in range(n + 1):  # one more: more people than counted leave it unsaid who represents
        person = _official_at(officials, starts, max(0, pos - 1)) if pos is not None else None
        if person is None or person.positions[-1][1] != pos:
            break
        unit = _unit_from_positions(doc, person, -1)
        if unit is None or person.positions[0][0] < person.name_start:
            return []  # no body, or posts read across another person's name
        out.append(unit)
        joint = _PEOPLE_JOINT.search(doc.canon, max(0, person.name_start - 30), person.name_start)
        pos = joint.start() if joint is not None else None
    return out[::-1] if len(out) == n else []


def _official_at(officials: list[OfficialMention], starts: list[int],
                 pos: int) -> OfficialMention | None:
    """The person whose run of positions holds `pos` (officials sorted by that run's start)."""
    i = bisect.bisect_right(starts, pos)
    for o in reversed(officials[max(0, i - 4) : i]):
        if o.positions[0][0] <= pos < o.positions[-1][1]:
            return o
    return None


_RESPECTIVELY = re.compile(
    r"(?<![\w])lần\s+lượt\s+(?:được\s+(?:bầu|chọn|suy\s+tôn|giao)\s+)?"
    r"(?:là|làm|giữ(?:\s+vai\s+trò)?|đảm\s+(?:nhận|nhiệm)(?:\s+vai\s+trò)?)\s+(?:đơn\s+vị\s+)?")
_RESPECTIVELY = first_char_led(_RESPECTIVELY, "l")
_ROLE_SEP = re.compile(r"[ \t]*(?:,|và|;)[ \t]*(?:và[ \t]+)?")


def _role_run(doc: Doc, pos: int) -> list[tuple[re.Match[str], int, Mention | None, int | None]]:
    """Role words written one after another from `pos`: "Cụm trưởng, Cụm phó năm 2024"."""
    out = []
    p = pos
    while len(out) < 6:
        m = ROLE.match(doc.canon, p)
        if not m:
            break
        end, mention, year = _tail(doc, m)
        out.append((m, end, mention, year))
        sep = _ROLE_SEP.match(doc.canon, end)
        if not sep or not ROLE.match(doc.canon, sep.end()):
            break
        p = sep.end()
    return out


def _respective_roles(doc: Doc, words: list[re.Match[str]]) -> tuple[list[RoleHit], set[int]]:
    """Units and roles paired in order by "lần lượt" (respectively): "A, B lần lượt là Cụm
    trưởng, Cụm phó", "bầu A và B lần lượt làm Cụm trưởng và Cụm phó", "Cụm trưởng, Cụm phó
    năm 2024 lần lượt là A và B". Only when the two lists have the same length."""
    canon = doc.canon
    hits: list[RoleHit] = []
    used: set[int] = set()
    word_starts = [w.start() for w in words]  # words are in text order
    for r in _RESPECTIVELY.finditer(canon):
        pairs: list[tuple[Unit, tuple]] = []
        run = _role_run(doc, r.end())
        if len(run) >= 2:  # units before, roles after
            candidates = [parse_units_backward(doc, r.start()),
                          parse_list_backward(doc, r.start())]
            units = next((u for u in candidates if len(u) == len(run)), [])
            pairs = list(zip(units, run, strict=False))
        else:  # roles before, units after: find the run of role words that ends at "lần lượt"
            lo = bisect.bisect_left(word_starts, r.start() - 120)
            hi = bisect.bisect_left(word_starts, r.start())
            for w in words[lo:hi]:
                run = _role_run(doc, w.start())
                gap = canon[run[-1][1] : r.start()] if run else "x"
                if len(run) >= 2 and not gap.strip():
                    units = parse_list(doc, r.end())
                    if len(units) == len(run):
                        pairs = list(zip(units, run, strict=False))
                    break
        # "Cụm trưởng và Cụm phó năm 2024": a year after the last role word is every one's
        shared_year = next((r_[3] for _, r_ in reversed(pairs) if r_[3] is not None), None)
        for unit, (m, end, mention, year) in pairs:
            used.add(m.start())
            y = year or shared_year
            hits.append(RoleHit(role=ROLE_NAMES[m.lastgroup or "chair"], start=min(unit.start,
                                m.start()), end=max(unit.end, end), unit=unit, year=y,
                                year_explicit=y is not None, mention=mention, via="respectively",
                                confidence=0.85, role_start=m.start(),
                                election=bool(_ELECTION.search(canon, max(0, r.start() - 160),
                                                               r.start()))))
    return hits, used


# what opens a run of holders written after their role words: a line, a colon, "của", "và"
_HOLDER_LEAD = re.compile(r"(?:^|[\n:;(]|(?<![\w])(?:của|và))[ \t]*$")
_RUN_SEP = re.compile(r"[ \t]*(?:,|;)[ \t]*|[ \t]+và[ \t]+")
_ENDS_TRUONG_PHO = re.compile(r"(?:trưởng|phó)$", re.IGNORECASE)
# what ends a holder's name: a clause mark, the line's end, or "và" and the next role word
_HOLDER_END = re.compile(r"[ \t]*(?:[,;.)\n]|$|và[ \t]+(?=(?:[Cc]ụm|[Kk]hối)[ \t]+(?:trưởng|phó)))")
_CAP_RUN = re.compile(rf"{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,3}}")


def _holder_after(doc: Doc, pos: int) -> Unit | None:
    """The body or the bare place written right after a role word at `pos` (one space), when
    a clause mark or the next role word follows it."""
    from pbkg.extract import places  # the gazetteer loads on first use only

    canon = doc.canon
    if not canon.startswith(" ", pos):
        return None
    q = pos + 1
    unit = parse_forward(doc, q)
    if unit is None:
        run = _CAP_RUN.match(canon, q)
        if run is None or not places.is_place_name(run.group()):
            return None
        unit = Unit(q, run.end(), run.group(), run.group())
    return unit if _HOLDER_END.match(canon, unit.end) else None


def find_roles(
    doc: Doc,
    officials: list[OfficialMention],
    clusters: list[Cluster],
    context_year: int | None,
    elected_year: int | None = None,
    this_year: int | None = None,
) -> list[dict]:
    """Roles the text states. `elected_year` is the year that units elected at the article's
    conference without a stated year lead the cluster: the next year at a year-end review,
    the year signed for at the signing of the emulation agreement."""
    canon = doc.canon
    # a post shared by two people ("A và B, Title") is read as the one written next to it
    # (a signer's post "KHỐI TRƯỞNG" above "(đã ký)" states no year of the role: none is read)
    officials = sorted((o for o in officials if o.positions and not o.shared and not o.signed),
                       key=lambda o: o.positions[0][0])
    official_starts = [o.positions[0][0] for o in officials]
    words = find_role_words(canon)
    hits, used = _respective_roles(doc, words)
    proposed_end = -1  # where the last proposed role's phrase ends
    more_years: dict[int, list[int]] = {}  # a role word's years after its first
    direct_end = -1  # where the last holder written right after its role word ends
    for m in words:
        if doc.in_display(m.start()) or m.start() in used:
            continue
        role = ROLE_NAMES[m.lastgroup or "chair"]
        tail_end, mention, years = _tail_years(doc, m)
        year = years[0] if years else None
        if len(years) > 1:
            more_years[m.start()] = years[1:]
        before = canon[max(0, m.start() - 120) : m.start()]
        if _FORMER_BEFORE.search(before):
            continue  # "nguyên Cụm trưởng Cụm thi đua số 4": a former role, its year not given
        if mention is None and _OTHER_BODY_AFTER.match(canon, m.end()) and (
                m.group(0)[-1:].lower() in "mi"):
            continue  # "Trưởng Khối Dân vận tỉnh", "Phó Trưởng khối Nội chính": a sector's head
        sent_ = doc.sentence_at(m.start())
        if sent_ is not None and _CONDITION.search(canon, max(sent_.start, m.start() - 200),
                                                   m.start()):
            continue  # "Nếu được giao vai trò Cụm trưởng, X sẽ ...": a condition
        after = canon[tail_end : tail_end + 300]
        base = dict(role=role, year=year, year_explicit=year is not None, mention=mention,
                    role_start=m.start())
        # 1. in brackets after the unit: "X (Cụm trưởng)", "X (đơn vị Cụm phó năm 2023)"
        if _BRACKET_BEFORE.search(before) and (close := _BRACKET_CLOSE.match(after)):
            if _PROPOSED.search(close.group(0).rstrip(")")):
                continue  # "X (Cụm trưởng dự kiến năm 2024)": proposed
            paren = m.start() - len(before) + before.rindex("(")
            if _proposed_label(doc, paren):
                continue  # "đề nghị ... công nhận Khối trưởng, Khối phó năm 2018: X (Khối trưởng)"
            one = parse_backward(doc, paren)
            found = [one] if one else parse_list_backward(doc, paren)
            if not found:  # "Huyện ủy A (Cụm trưởng), B (Cụm phó)": B with A's prefix
                item = bare_item_backward(doc, paren)
                found = [item] if item else []
            for unit in found:
                hits.append(RoleHit(start=unit.start, end=tail_end + 1, unit=unit,
                                    via="bracket", confidence=0.85, **base))
            continue
        # 1b. represented: "Đại diện (đơn vị) Cụm trưởng, X ...", "X đại diện Cụm trưởng"
        rep = _REPRESENT_BEFORE.search(before)
        if rep:
            unit = None
            lead = m.start() - len(before) + rep.start()
            comma = re.match(r"[ \t]*,[ \t]*", after)
            if comma:
                q = tail_end + comma.end()
                unit = parse_forward(doc, q)
                person = _official_at(officials, official_starts, q + 40)
                if unit is None and person is not None and person.start <= q + 20 and (
                        person.name_start >= q):
                    unit = _unit_from_positions(doc, person, -1)
            if unit is None and rep.group("n"):
                back = re.search(r"[ \t]*[,–—-]?[ \t]*$", canon[max(0, lead - 4) : lead])
                q = lead - len(back.group()) if back else lead
                # the count must fit the people named before it, else no role at all
                for unit in _represented_people(doc, officials, official_starts, q,
                                                enumerations.count_value(rep.group("n"))):
                    hits.append(RoleHit(start=unit.start, end=tail_end, unit=unit,
                                        via="represented", confidence=0.75, **base))
                continue
            if unit is None:  # "đồng chí X, Phó Chánh Văn phòng Tỉnh ủy, thay mặt Khối trưởng"
                back = re.search(r"[ \t]*[,–—-]?[ \t]*$", canon[max(0, lead - 4) : lead])
                q = lead - len(back.group()) if back else lead
                person = _official_at(officials, official_starts, max(0, q - 1))
                if person is not None and person.positions[-1][1] == q:
                    unit = _unit_from_positions(doc, person, -1)
            if unit is None:  # "Ban X đại diện Cụm trưởng", "Ban X – đại diện Cụm trưởng"
                # "X – đại diện Cụm trưởng", "X là đơn vị đại diện Trưởng khối"
                dash = re.search(r"[ \t]*(?:[-–—,][ \t]*)?(?:(?:là[ \t]+)?"
                                 r"(?:đơn[ \t]+vị|cơ[ \t]+quan)[ \t]+)?$",
                                 canon[max(0, lead - 20) : lead])
                unit = parse_backward(doc, lead - len(dash.group()) if dash else lead,
                                      strict=True)
            if unit:
                hits.append(RoleHit(start=min(unit.start, lead), end=max(unit.end, tail_end),
                                    unit=unit, via="represented", confidence=0.8, **base))
                continue
        # 2. among a person's positions
        om = _official_at(officials, official_starts, m.start())
        if om is not None:
            unit = _unit_from_positions(doc, om, m.start())
            if unit:
                hits.append(RoleHit(start=min(unit.start, om.name_start), end=tail_end,
                                    unit=unit, via="person-title", confidence=0.8,
                                    person=om.name, **base))
            elif all(ROLE.match(canon, s) for s, _ in om.positions) and (
                    om.positions[0][0] == m.start()) and not _OTHER_KIND_AFTER.match(canon,
                                                                                      m.end()):
                # "đồng chí A, Cụm trưởng Cụm thi đua số 1": the role is the person's only post;
                # the person holds it, no body is named (none is guessed)
                hits.append(RoleHit(start=om.name_start, end=tail_end, unit=None,
                                    via="person-title", confidence=0.75, person=om.name, **base))
            continue
        # 3. "với vai trò là Cụm trưởng ..., X" / "X với vai trò Cụm trưởng"
        if _VAI_TRO_BEFORE.search(before):
            wr = _WITH_ROLE_BEFORE.search(before)
            unit = parse_backward(doc, m.start() - len(before) + wr.start()) if wr else None
            if unit is None and wr is not None and _ASIDE_CLOSED.match(canon, tail_end) and (
                    aside := _ASIDE_OPENED.search(canon, max(0, m.start() - len(before)
                                                             + wr.start() - 3),
                                                  m.start() - len(before) + wr.start())) and (
                    not _proposed(doc, max(0, aside.start() - 120), m.start(), tail_end)):
                # "Báo A, với vai trò Khối phó, đã ...": an aside set off by commas describes
                # the body right before it
                unit = parse_backward(doc, aside.start())
            # "X giữ vai trò Cụm trưởng, Y làm Cụm phó": a copula, X is left to rule 4
            if unit is None and not _HOLD_ROLE_BEFORE.search(before):
                comma = re.match(r"[ \t]*,[ \t]*", after)
                unit = parse_forward(doc, tail_end + comma.end()) if comma else None
                if unit is not None:
                    nxt = canon[unit.end : unit.end + 3]
                    if not nxt or nxt[0] not in " ,.;":
                        unit = None
            if unit:
                hits.append(RoleHit(start=min(unit.start, m.start()),
                                    end=max(unit.end, tail_end), unit=unit, via="vai-tro",
                                    confidence=0.85, **base))
                continue
        # 4. "X là / làm / được bầu làm Cụm trưởng"
        cop = _COPULA_BEFORE.search(before)
        if cop:
            verb_start = m.start() - len(before) + cop.start()
            paren = _PAREN_BEFORE.search(canon, max(0, verb_start - 80), verb_start)
            if paren:  # "X (đơn vị đăng cai) là Cụm trưởng"
                verb_start = paren.start()
            appositive = _APPOSITIVE_UNIT.search(canon, max(0, verb_start - 24), verb_start)
            if appositive:  # "X, đơn vị được các thành viên tín nhiệm giao làm trưởng cụm"
                verb_start = appositive.start()
            # "X là Cụm phó", "X và Y là Cụm phó", "Trường Chính trị tỉnh Nam Định, Ninh Bình
            # là Cụm phó", "X nhận Cờ luân lưu và đảm nhận vai trò Cụm trưởng"
            if _proposed(doc, max(0, verb_start - 120), m.start(), tail_end) or (
                    proposed_end >= 0 and _PARALLEL.fullmatch(canon, proposed_end, verb_start)):
                # "đề nghị X làm Cụm trưởng", "X được đề cử làm": no role; nor the clause
                # that goes on the proposal ("đề xuất X làm Khối trưởng, Y làm Khối phó")
                proposed_end = tail_end
                continue
            sent_ = doc.sentence_at(verb_start)
            if sent_ is not None and _CONDITION.search(canon, max(sent_.start, verb_start - 200),
                                                       verb_start):
                continue  # "Nếu được tín nhiệm, X sẽ làm Cụm trưởng": a condition
            if _NEGATION_BEFORE.search(canon, max(0, verb_start - 24), verb_start):
                continue  # "X không còn là Cụm trưởng"
            units = (parse_units_backward(doc, verb_start)
                     or parse_list_backward(doc, verb_start)
                     or _clause_subject(doc, verb_start))
            if not units and (low := lower_unit_backward(doc, verb_start)) is not None:
                units = [low]
            if not units:  # "X làm Cụm trưởng, A và B làm Cụm phó": bare places
                units = _parallel_places(doc, verb_start)
            if not units and (bare := _bare_place_subject(doc, verb_start)) is not None:
                units = [bare]
            if not units and (dashed := _dashed_subject(doc, verb_start)) is not None:
                units = [dashed]
            if not units:  # "X được G tặng Bằng khen; đồng thời là Khối trưởng": X
                units = _also_subject(doc, verb_start)
            if not units:  # "đồng chí X, Trưởng Ban Y, đồng thời là Cụm trưởng": the body Y
                back = _ALSO_BEFORE.search(canon, max(0, verb_start - 24), verb_start)
                q = back.start() if back else verb_start
                person = _official_at(officials, official_starts, max(0, q - 1))
                if person is not None and person.positions[-1][1] == q:
                    head = _unit_from_positions(doc, person, -1)
                    units = [head] if head else []
            run = _role_run(doc, m.start())
            if len(units) >= 2 and len({r_[0].lastgroup for r_ in run}) >= 2:
                # "A và B được bầu làm Cụm trưởng, Cụm phó": two lists paired in order, as
                # with "lần lượt"; lists of different lengths pair nothing (not guessed)
                used.update(r_[0].start() for r_ in run)
                if len(units) != len(run):
                    continue
                shared_year = next((r_[3] for r_ in reversed(run) if r_[3] is not None), None)
                for unit, (rm, r_end, r_mention, r_year) in zip(units, run, strict=True):
                    y = r_year or shared_year
                    hits.append(RoleHit(start=unit.start, end=r_end, unit=unit, via="copula",
                                        confidence=0.85, **{**base, "role": ROLE_NAMES[
                                            rm.lastgroup or "chair"], "year": y,
                                            "year_explicit": y is not None,
                                            "mention": r_mention, "role_start": rm.start()}))
                continue
            for unit in units:
                hits.append(RoleHit(start=unit.start, end=tail_end, unit=unit, via="copula",
                                    confidence=0.9, **base))
            if units:
                continue
        # 5. hand-over "X bàn giao Cụm trưởng năm 2024 cho Y"
        ho = _HANDOVER_BEFORE.search(before)
        ha = _HANDOVER_AFTER.match(after)
        if ho and ha:
            verb_at = m.start() - len(before) + ho.start()
            if _PROPOSED.search(canon, max(0, verb_at - 120), verb_at) or _NEGATION_BEFORE.search(
                    canon, max(0, verb_at - 24), verb_at):
                continue  # "đề nghị X bàn giao ...", "X chưa bàn giao ...": no role stated
            units = parse_list(doc, tail_end + ha.end())
            # "bàn giao nhiệm vụ Khối trưởng cho A, B làm Khối phó": B opens a clause of its own
            cut = next((i for i, u in enumerate(units) if i > 0 and (
                _HOLD_VERB.match(canon, u.end) or _CLAUSE_VERB.match(canon, u.end))), None)
            units = units[:cut] if cut is not None else units
            for unit in units:
                hits.append(RoleHit(start=m.start() - len(before) + ho.start(), end=unit.end,
                                    unit=unit, via="handover-in", confidence=0.85,
                                    election=True, **base))
            giver = parse_backward(doc, m.start() - len(before) + ho.start())
            if giver and year is not None:
                hits.append(RoleHit(start=giver.start, end=tail_end, unit=giver,
                                    via="handover-out", confidence=0.7, election=True,
                                    **{**base, "year": year - 1, "year_explicit": False}))
            continue
        rc = _RECEIVE_BEFORE.search(before)
        if rc:
            unit = parse_backward(doc, m.start() - len(before) + rc.start())
            if unit:
                hits.append(RoleHit(start=unit.start, end=tail_end, unit=unit, via="receive",
                                    confidence=0.85, election=True, **base))
                continue
            if not _APPOSITION.search(before):
                continue
            # "trao cờ cho X, đơn vị nhận nhiệm vụ Cụm trưởng năm 2012": no unit opens the
            # verb, an apposition describes the one before it (read below)
        # 6a'. a holder a year, each year in brackets: "khối trưởng lần lượt là A (2020), B
        # (2021) và C (2022)"
        over = _OVER_YEARS.match(after)
        if over and year is None and not _proposed(doc, max(0, m.start() - 120), m.start(),
                                                   tail_end):
            items = _units_by_year(doc, tail_end + over.end())
            for unit, y, y_end in items:
                hits.append(RoleHit(start=m.start(), end=y_end, unit=unit, via="by-year",
                                    confidence=0.85, **{**base, "year": y,
                                                        "year_explicit": True}))
            if items:
                continue
        # 6a. "Cụm trưởng năm 2024 do X đảm nhận"
        by = _BY_AFTER.match(after)
        if by:
            unit = parse_forward(doc, tail_end + by.end())
            if unit is not None and _HOLD_VERB.match(canon, unit.end):
                hits.append(RoleHit(start=m.start(), end=unit.end, unit=unit,
                                    via="copula-after", confidence=0.85, **base))
                continue
        # 6. "Cụm trưởng ... là X, 2 Cụm phó là Y và Z"
        ca = _COPULA_AFTER.match(after)
        if ca:
            units = parse_list(doc, tail_end + ca.end())
            if not units:
                q = tail_end + ca.end()
                person = _official_at(officials, official_starts, q + 40)
                if person is not None and q <= person.start <= q + 12:
                    head = _unit_from_positions(doc, person, -1)
                    units = [head] if head else []
            # "bầu Cụm trưởng, Cụm phó: X (Cụm trưởng), Y (Cụm phó)": a unit labelled with its
            # own role in brackets holds that one, read where the label is
            units = [u for u in units if not _LABEL_AFTER.match(canon, u.end)]
            # "Cụm trưởng là A, B đảm nhận vai trò Cụm phó": the last item opens a clause of
            # its own, the subject of the verb after it, not one more holder of this role
            # (the first one too, when that verb takes a role word of its own: "bàn giao
            # nhiệm vụ Khối trưởng, Khối phó năm 2024: A nhận nhiệm vụ Khối trưởng, B làm Khối
            # phó" names A of the first clause, not of "Khối phó năm 2024:")
            cut = next((i for i, u in enumerate(units) if (i > 0 or _OWN_ROLE_AFTER.match(
                canon, u.end)) and (
                _HOLD_VERB.match(canon, u.end) or _CLAUSE_VERB.match(canon, u.end))), None)
            units = units[:cut] if cut is not None else units
            for unit in units:
                hits.append(RoleHit(start=m.start(), end=unit.end, unit=unit,
                                    via="copula-after", confidence=0.9, **base))
            if units:
                continue
        # 6b. the unit after the role, in brackets or after a dash: "Cụm trưởng năm 2023
        # (Ban Tổ chức Tỉnh ủy Hà Nam)", "Khối trưởng Khối thi đua VII – Ban Tổ chức Tỉnh ủy"
        unit_after = _UNIT_AFTER.match(after)
        if unit_after:
            unit = parse_forward(doc, tail_end + unit_after.end())
            nxt = canon[unit.end : unit.end + 1] if unit else ""
            bracket = "(" in unit_after.group(0)
            if unit is not None and _MEMBERS_KIND.search(unit.text):
                # "Cụm trưởng Cụm thi đua số 2 - Ban Tổ chức các tỉnh ủy miền núi": the rest of
                # the cluster's name, the kind of its members, no body
                unit = None
            if unit and (nxt == ")" if bracket else nxt in {"", ",", ".", ";", " ", "\n"}):
                hits.append(RoleHit(start=m.start(), end=unit.end, unit=unit, via="unit-after",
                                    confidence=0.8, **base))
                continue
        # 6d. the holder written right after the role word, in a run of a year's holders:
        # "Năm 2017: Cụm trưởng Hậu Giang, Cụm phó Sóc Trăng", "dưới sự điều hành của Cụm
        # trưởng Bạc Liêu và Cụm phó Sóc Trăng" (the role word's last word "trưởng" / "phó", so
        # that "Trưởng Cụm Tây Nguyên" stays a cluster's name)
        if mention is None and year is None and _ENDS_TRUONG_PHO.search(m.group(0)) and (
                _HOLDER_LEAD.search(canon, max(0, m.start() - 12), m.start())
                or (m.start() - 4 <= direct_end < m.start()
                    and _RUN_SEP.fullmatch(canon, direct_end, m.start()))):
            unit = _holder_after(doc, tail_end)
            if unit is not None:
                hits.append(RoleHit(start=m.start(), end=unit.end, unit=unit,
                                    via="holder-after", confidence=0.8, **base))
                direct_end = unit.end
                continue
        # 6c. the role opens the sentence, its holder follows a comma or a dash: "Cụm trưởng
        # Cụm thi đua số 6 năm 2023, Ban Tổ chức Tỉnh ủy Gia Lai đã ...", "Trưởng Khối thi đua
        # - đồng chí X, Chánh Văn phòng Tỉnh ủy, phát biểu"
        sent = doc.sentence_at(m.start())
        lead_ok = sent is not None and _LEADS_SENTENCE.match(canon, sent.start, m.start())
        sep = _HOLDER_AFTER.match(canon, tail_end) if lead_ok else None
        if sep:
            q = sep.end()
            unit = parse_forward(doc, q)
            if unit is not None and (_MORE_SUBJECTS.match(canon, unit.end) or not (
                    NAME_STOP.match(canon, unit.end + 1)
                    or canon[unit.end : unit.end + 1] in {",", ""})):
                unit = None  # "Cụm trưởng, A và B cùng ký kết": three subjects, not a role
            if unit is None:
                person = _official_at(officials, official_starts, q + 40)
                if person is not None and q <= person.start <= q + 12:
                    unit = _unit_from_positions(doc, person, -1)
            if unit is not None:
                hits.append(RoleHit(start=m.start(), end=max(unit.end, tail_end), unit=unit,
                                    via="role-first", confidence=0.8, **base))
                continue
        # 7. apposition "X – Trưởng khối thi đua ... năm 2020"
        ap = _APPOSITION.search(before)
        if ap:
            ap_end = m.start() - len(before) + ap.start()
            unit = parse_backward(doc, ap_end, strict=True)
            if unit is None and _HANDOVER_VERB.search(canon, max(0, ap_end - 160), ap_end):
                cand = parse_backward(doc, ap_end)
                if cand is not None and _HANDED_TO.search(canon, max(0, cand.start - 20),
                                                          cand.start):
                    unit = cand
            if unit is None:
                # "Hội nghị do X, đơn vị trưởng cụm năm 2022, chủ trì", "Theo báo cáo của X,
                # đơn vị trưởng Cụm": the unit after "do" / "của" the apposition describes
                cand = parse_backward(doc, ap_end)
                if cand is not None and _BY_OF_BEFORE.search(canon, max(0, cand.start - 8),
                                                             cand.start):
                    unit = cand
            if unit is None and _ON_BEHALF.search(canon, max(0, ap_end - 120), ap_end):
                # "Đồng chí X thay mặt Ban Y – đơn vị Khối trưởng": the body after the verb
                verb = list(_ON_BEHALF.finditer(canon, max(0, ap_end - 120), ap_end))[-1]
                unit = parse_forward(doc, verb.end())
                if unit is not None and unit.end != ap_end:
                    unit = None
            if unit is None:  # "A – Cụm trưởng và B – Cụm phó": B opens after "và"
                va = _AND_AFTER_ROLE.search(canon, max(0, ap_end - 160), ap_end)
                if va is not None and ROLE.search(canon, va.start(), va.end("lead")):
                    cand = parse_forward(doc, va.end())
                    unit = cand if cand is not None and cand.end == ap_end else None
            if unit is None:
                # "Đồng chí Viện trưởng VKSND tỉnh, Khối trưởng, chủ trì": a body named through
                # its head, no person's name written, opening the clause
                lo = max(0, ap_end - 120)
                for b in _CLAUSE_CUT.finditer(canon, lo, ap_end):
                    lo = b.end()
                head = _NAMELESS_HEAD.match(canon, lo, ap_end)
                cand = parse_forward(doc, head.end()) if head is not None else None
                if cand is not None and cand.end == ap_end:
                    unit = cand
            abbr = _ABBR_PAREN_BEFORE.search(canon, max(0, ap_end - 40), ap_end)
            if unit is None and abbr:  # "Ban Dân vận Tỉnh ủy X (BDVTU X) – Cụm trưởng"
                unit = parse_backward(doc, abbr.start(), strict=True)
            if unit is None:
                # "đồng chí X, Phó Trưởng Ban Y Tỉnh ủy Z, đơn vị Cụm trưởng": the role is the
                # body's that ends the person's posts, the body he or she heads or deputises in
                person = _official_at(officials, official_starts, max(0, ap_end - 1))
                if person is not None and person.positions[-1][1] == ap_end:
                    unit = _unit_from_positions(doc, person, -1)
            if unit:
                hits.append(RoleHit(start=unit.start, end=tail_end, unit=unit,
                                    via="apposition", confidence=0.8, **base))
    hits.extend(_succeeded(doc, hits))
    # "A làm Cụm trưởng hai năm liền 2016, 2017": one role a year, each its own
    hits.extend(dataclasses.replace(h, year=y) for h in list(hits)
                if h.year is not None and h.role_start in more_years and h.via != "handover-out"
                for y in more_years[h.role_start])
    hits.extend(_taken_over(doc, hits))
    hits.extend(_rotation(doc, hits))
    hits = _first_person(doc, hits, officials)
    return _finish(doc, hits, clusters, context_year, elected_year, _word_years(doc, words),
                   this_year)


# a unit in the first person: "Trường chúng tôi", "Ban chúng tôi", "đơn vị chúng tôi"
_FIRST_PERSON = re.compile(
    r"(?:(?P<noun>[\w’']+)(?:[ \t]+[\w’']+)?[ \t]+)?chúng[ \t]+(?:tôi|ta|mình)", re.IGNORECASE)
MAX_QUOTE_LINE = 4000  # the longest paragraph of the corpus and the seeds is 2,256 characters
# what is between the speaker's posts and the quotation: "nói:", "phát biểu nhận nhiệm vụ:"
_SAYS = re.compile(r"[^\"“”\n]{0,80}:[ \t]*$")


def _first_person(doc: Doc, hits: list[RoleHit], officials: list[OfficialMention]
                  ) -> list[RoleHit]:
    """A role whose unit is in the first person, inside a quotation that a person opens on
    the same line ("Đồng chí A, Hiệu trưởng Trường Chính trị X, nói: "Trường chúng tôi làm Cụm
    trưởng ..."): the body the speaker heads, when the word before "chúng tôi" names that kind of
    body ("Trường", "Ban", "đơn vị"); with no such speaker, no role (a first person names no
    unit)."""
    canon = doc.canon
    out: list[RoleHit] = []
    speakers: list[OfficialMention] | None = None  # by where their names start, on first need
    for h in hits:
        if h.unit is None or not _FIRST_PERSON.fullmatch(h.unit.text):
            out.append(h)
            continue
        # the line the quotation is on, read back at most MAX_QUOTE_LINE characters (a longer
        # one is not read: no role)
        line = canon.rfind("\n", max(0, h.start - MAX_QUOTE_LINE), h.start) + 1
        if line == 0 and h.start > MAX_QUOTE_LINE:
            continue
        q = max(canon.rfind("“", line, h.start), canon.rfind('"', line, h.start))
        if q < 0 or (canon[q] == '"' and canon.count('"', line, h.start) % 2 == 0) or (
                canon[q] == "“" and "”" in canon[q:h.start]):
            continue  # not inside a quotation
        if speakers is None:
            speakers = sorted(officials, key=lambda o: o.name_start)
            starts = [o.name_start for o in speakers]
        i = bisect.bisect_left(starts, q)
        speaker = next((o for o in reversed(speakers[max(0, i - 4):i]) if line <= o.name_start
                        and o.end <= q and _SAYS.search(canon, o.end, q)), None)
        body = _unit_from_positions(doc, speaker, -1) if speaker is not None else None
        noun = (_FIRST_PERSON.fullmatch(h.unit.text).group("noun") or "").lower()
        if body is None or noun not in ("đơn", "") and not body.text.lower().startswith(noun):
            continue
        out.append(dataclasses.replace(h, unit=body))
    return out


# the party committee of a body, before the body's name (a folded key)
_PARTY_OF = re.compile(r"^(?:dang (?:uy|bo)|chi bo) ")


# those who succeeded the holder of the role just told, each with the year in brackets: "A là
# Khối trưởng đầu tiên (2005); kế nhiệm lần lượt là B (2006) và C (2007)", "Kế nhiệm là B
# (2016), rồi C (2017)."
_SUCCEEDED = re.compile(r"(?<![\w])[Kk]ế[ \t]+nhiệm[ \t]+(?:lần[ \t]+lượt[ \t]+)?là[ \t]+")
_SUCCEEDED_REACH = 200  # from the end of the role told to "kế nhiệm"


def _succeeded(doc: Doc, hits: list[RoleHit]) -> list[RoleHit]:
    """The units that succeeded, year by year, the holder of the role told last before
    "kế nhiệm ... là", in its sentence or the one before."""
    canon = doc.canon
    told = sorted((h for h in hits if h.unit is not None), key=lambda h: h.end)
    ends = [h.end for h in told]
    out = []
    for k in _SUCCEEDED.finditer(canon):
        i = bisect.bisect_right(ends, k.start())
        if i == 0 or k.start() - ends[i - 1] > _SUCCEEDED_REACH:
            continue
        h = told[i - 1]
        sent, own = doc.sentence_at(k.start()), doc.sentence_at(h.role_start)
        if sent is None or own is None or (own.start != sent.start
                                           and doc.sentence_before(sent) != own):
            continue
        for unit, y, y_end in _units_by_year(doc, k.end()):
            out.append(RoleHit(role=h.role, start=k.start(), end=y_end, unit=unit, year=y,
                               year_explicit=True, mention=h.mention, via="succeeded",
                               confidence=0.8, role_start=unit.start))
    return out


# the role of the clause before, taken on in a later year by another unit, the role not written
# again: "năm 2025 A làm Cụm trưởng, năm 2026 B đảm nhận" ("B đảm nhận" alone ends the clause)
_NEXT_YEAR_UNIT = re.compile(rf"[ \t]*[,;][ \t]*(?:(?:còn|và|sang)[ \t]+)?(?P<lead>năm)[ \t]+"
                             rf"(?P<year>{YEAR})[ \t]*,?[ \t]+(?=[{UPPER}])")
# ... or the role named again by an anaphor, given to a unit: "năm 2026, nhiệm vụ này được giao
# cho B", "sang năm 2026, vai trò đó thuộc về B"
_NEXT_YEAR_THIS_ROLE = re.compile(
    rf"[ \t]*[,;][ \t]*(?:(?:còn|và|sang|đến)[ \t]+)?(?P<lead>năm)[ \t]+(?P<year>{YEAR})[ \t]*,?"
    r"[ \t]+(?:nhiệm[ \t]+vụ|vai[ \t]+trò|chức[ \t]+danh)[ \t]+(?:này|đó|ấy|trên)[ \t]+"
    r"(?:(?:được[ \t]+)?(?:chuyển[ \t]+)?giao[ \t]+(?:lại[ \t]+)?cho|thuộc[ \t]+về|"
    r"(?:được[ \t]+)?chuyển[ \t]+(?:sang|cho))[ \t]+")
_TAKES_OVER = re.compile(r"[ \t]+(?:(?:sẽ|tiếp[ \t]+tục)[ \t]+)?(?:đảm[ \t]+nhận|tiếp[ \t]+nhận|"
                         r"kế[ \t]+nhiệm)(?=[ \t]*(?:[.;,\n]|$))")


def _taken_over(doc: Doc, hits: list[RoleHit]) -> list[RoleHit]:
    """The unit that takes the role of the clause before it on in the year its clause opens
    with (each hit looks only at what follows its own evidence)."""
    canon = doc.canon
    out = []
    for h in hits:
        if h.unit is None:
            continue
        if (this := _NEXT_YEAR_THIS_ROLE.match(canon, h.end)) is not None:
            # "năm 2025 A làm Cụm trưởng; năm 2026, nhiệm vụ này được giao cho B": the role the
            # clause before states, named by "nhiệm vụ này", given to B in that year
            unit = parse_forward(doc, this.end())
            if unit is not None and _ROTATION_END.match(canon, unit.end):
                out.append(RoleHit(role=h.role, start=this.start("lead"), end=unit.end,
                                   unit=unit, year=int(this.group("year")), year_explicit=True,
                                   mention=h.mention, via="taken-over", confidence=0.75,
                                   role_start=unit.start))
            continue
        if h.via != "copula":
            continue
        nxt = _NEXT_YEAR_UNIT.match(canon, h.end)
        unit = parse_forward(doc, nxt.end()) if nxt else None
        verb = _TAKES_OVER.match(canon, unit.end) if unit is not None else None
        if unit is None or verb is None:
            continue
        out.append(RoleHit(role=h.role, start=nxt.start("lead"), end=verb.end(), unit=unit,
            year=int(nxt.group("year")), year_explicit=True, mention=h.mention,
            via="taken-over", confidence=0.8, role_start=unit.start))
    return out


# a rotation told year by year after a role's clause, the role not written again: "Năm 2016, A là
# Cụm trưởng đầu tiên; năm 2017 đến lượt B; năm 2018 C nhận nhiệm vụ, rồi năm 2019 chuyển cho
# D", "năm 2020, huyện A là Cụm trưởng; năm 2021, thành phố B đảm nhận"
_ROTATION_NEXT = re.compile(rf"(?:[ \t]+đầu[ \t]+tiên)?[ \t]*[,;][ \t]*"
                            rf"(?:(?:còn|và|sang|rồi)[ \t]+)?"
                            rf"(?P<lead>năm)[ \t]+(?P<year>{YEAR})[ \t]*,?[ \t]+(?P<to>(?:đến[ \t]+"
                            r"lượt|(?:được[ \t]+)?(?:chuyển|bàn)(?:[ \t]+giao)?[ \t]+(?:lại[ \t]+)?"
                            r"cho)[ \t]+)?")
_ROTATION_VERB = re.compile(r"[ \t]+(?:(?:sẽ|tiếp[ \t]+tục)[ \t]+)?(?:đảm[ \t]+nhận|tiếp[ \t]+nhận|"
                            r"kế[ \t]+nhiệm|nhận)(?:[ \t]+nhiệm[ \t]+vụ)?(?=[ \t]*(?:[.;,\n]|$))")
_ROTATION_END = re.compile(r"(?=[ \t]*(?:[.;,\n]|$|trước[ \t]+khi(?![\w])))")
_LEVEL_WORD = re.compile(r"(?:phường|xã|đặc[ \t]+khu|thị[ \t]+trấn|huyện|quận|thị[ \t]+xã|"
                         rf"thành[ \t]+phố|tỉnh)[ \t]+(?=[{UPPER}])")


# how a name ends: a proper name, a number, or the committee ("Ban Tổ chức Huyện ủy"), not a
# common noun read on past it ("Huyện ủy A một bộ hồ sơ")
_NAME_LAST = re.compile(rf"(?:(?<![\w’'])[{UPPER}][\w’']*|\d+|(?<![\w’'])(?:ủy|tỉnh))$")


def _rotation_unit(doc: Doc, pos: int) -> Unit | None:
    """A body's name at `pos`, or a place written with its level word ("thành phố Hà Tĩnh")."""
    unit = parse_forward(doc, pos)
    if unit is None and _LEVEL_WORD.match(doc.canon, pos):
        unit = parse_forward(doc, pos, bare_ok=True, max_tokens=6)
    return unit if unit is not None and _NAME_LAST.search(unit.text) else None


def _rotation(doc: Doc, hits: list[RoleHit]) -> list[RoleHit]:
    """The units that take a role on in turn, year by year, in the clauses after the one that
    gives it (each link: "năm Y" then "đến lượt / chuyển cho" and the unit, or the unit and
    "đảm nhận / tiếp nhận / nhận nhiệm vụ"); links "_taken_over" found are not given again."""
    canon = doc.canon
    taken = {h.start for h in hits if h.via == "taken-over"}
    out = []
    for h in hits:
        if h.unit is None or h.via != "copula":
            continue
        pos = h.end
        for _ in range(12):  # a rotation names a year per link
            nxt = _ROTATION_NEXT.match(canon, pos)
            unit = _rotation_unit(doc, nxt.end()) if nxt else None
            if unit is None:
                break
            end = (_ROTATION_END if nxt.group("to") else _ROTATION_VERB).match(canon, unit.end)
            if end is None:
                break
            if nxt.start("lead") not in taken:
                out.append(RoleHit(role=h.role, start=nxt.start("lead"), end=end.end(),
                                   unit=unit, year=int(nxt.group("year")), year_explicit=True,
                                   mention=h.mention, via="taken-over", confidence=0.8,
                                   role_start=unit.start))
            pos = end.end()
    return out


def _word_years(doc: Doc, words: list[re.Match[str]]) -> dict[int, int]:
    """Per sentence (by its start), the year written after its first role word that has one:
    "bầu Khối trưởng, Khối phó năm 2025: Khối trưởng là A" elects A for 2025."""
    out: dict[int, int] = {}
    for m in words:
        sent = doc.sentence_at(m.start())
        if sent is None or sent.start in out:
            continue
        year = _tail(doc, m)[2]
        if year is not None:
            out[sent.start] = year
    return out


def _unit_key(h: RoleHit) -> str:
    return norm_key(h.unit.full, expand=True) if h.unit else ""


def _written(held_in: dict[tuple[str, str], set[int]], h: RoleHit) -> None:
    """Counts `h`'s year among the years the article writes its unit's role in: a year its
    sentence or clause writes ("bầu A làm Khối trưởng, B làm Khối phó năm 2026" gives A 2026
    as written as B's), so that the holding named again later ("A, thay mặt đơn vị Khối
    trưởng") takes it."""
    if h.unit is not None and h.year is not None:
        held_in.setdefault((h.role, _unit_key(h)), set()).add(h.year)


def _finish(doc: Doc, hits: list[RoleHit], clusters: list[Cluster],
            context_year: int | None, elected_year: int | None = None,
            word_years: dict[int, int] | None = None,
            this_year: int | None = None) -> list[dict]:
    canon = doc.canon
    unstated: set[int] = set()
    explicit_by_sentence: dict[int, list[RoleHit]] = {}
    for o in hits:
        sent = doc.sentence_at(o.role_start)
        if o.year_explicit and sent:
            explicit_by_sentence.setdefault(sent.start, []).append(o)
    # per sentence: its explicit roles by position, and what its text says (computed once, so
    # that a sentence with many roles is read in linear time)
    explicit_starts: dict[int, list[int]] = {}
    for key, group in explicit_by_sentence.items():
        group.sort(key=lambda o: o.role_start)
        explicit_starts[key] = [o.role_start for o in group]
    said: dict[int, tuple[int | None, bool, bool]] = {}
    line_years: _LineYears | None = None  # read on first need
    announced: _Announced | None = None  # read on first need
    extra: list[RoleHit] = []  # a role for each further year its line opens with
    # per sentence, the year of its last clause that opened with one: "năm 2025, A đảm nhận
    # Cụm trưởng; B đảm nhận Cụm phó" gives B the same year (the clause after names none)
    clause_year: dict[int, int] = {}
    # the years the article gives each unit's role in, written with the role
    held_in: dict[tuple[str, str], set[int]] = {}
    for o in hits:
        if o.year_explicit and o.year is not None and o.unit is not None:
            held_in.setdefault((o.role, _unit_key(o)), set()).add(o.year)
    for h in sorted(hits, key=lambda h: h.start):
        if h.year is not None:
            continue
        sent = doc.sentence_at(h.role_start)
        if sent is not None and sent.start <= h.start:
            # the year that opens the unit's own clause comes first: a sentence may give two
            # years to two clauses ("Năm 2020, A làm Cụm trưởng; năm 2024, B ...")
            clause_lo = max(sent.start, canon.rfind(";", sent.start, h.start) + 1)
            lo = max(clause_lo, h.start - 80)  # bounded: the year is right before the unit
            own = _CLAUSE_YEAR.search(("\x00" if lo > clause_lo else "") + canon[lo : h.start])
            if own is None:  # "kinh nghiệm năm 2015, khi X làm Cụm trưởng"
                own = _WHEN_YEAR.search(canon, lo, h.start)
            if own is None and h.via == "copula" and _YEAR_BY.search(
                    canon, max(clause_lo, h.start - 16), h.start):
                own = _CLUSTER_YEAR_BY.search(canon, max(clause_lo, h.start - 300), h.start)
            if own is None and this_year is not None and _THIS_YEAR.match(canon, clause_lo,
                                                                           h.start):
                # "Năm nay, A giữ vai trò Trưởng khối": the year of the article's dated event
                h.year = clause_year[sent.start] = this_year
                continue
            if own is not None:
                h.year = clause_year[sent.start] = int(own.group("year"))
                _written(held_in, h)
                continue
        if this_year is not None and _ROLE_THIS_YEAR.match(canon, h.role_start):
            h.year = this_year  # "Cụm trưởng năm nay là X"
            continue
        if this_year is not None and _THIS_YEAR_AFTER.match(canon, h.end):
            # "X là Cụm phó năm nay": the year of the article's dated event, as "Năm nay, X ..."
            h.year = this_year
            continue
        same = explicit_by_sentence.get(sent.start, []) if sent else []
        if same:
            # the nearest explicit role after this one, else the nearest before it
            i = bisect.bisect_left(explicit_starts[sent.start], h.role_start)
            h.year = (same[i] if i < len(same) else same[-1]).year
            _written(held_in, h)
            continue
        if sent is not None and sent.start in clause_year:
            h.year = clause_year[sent.start]
            _written(held_in, h)
            continue
        s_key = sent.start if sent else -1
        if s_key not in said:
            lo, hi = (sent.start, sent.end) if sent else (0, 0)
            lead = (_SENT_YEAR.match(canon, lo, hi) or _TOPIC_YEAR.match(canon, lo, hi)
                    or _LABEL_YEAR.match(canon, lo, hi))
            said[s_key] = (int(lead.group("year")) if lead else None,
                           bool(_ELECTION.search(canon, lo, hi)),
                           bool(_NEXT_YEAR.search(canon, lo, hi)))
        lead_year, election, next_year = said[s_key]
        if lead_year is not None:
            h.year = lead_year
            _written(held_in, h)
            continue
        if line_years is None:
            line_years = _LineYears(canon)
        on_line = line_years.at(h.role_start)
        if on_line and sent is not None and h.via != "handover-out" and not _VOTE.search(
                canon, sent.start, sent.end):
            # "• 2018: A làm Khối trưởng", "Năm 2017" over "A tiếp nhận ..., giữ vai trò Cụm
            # trưởng": the line's or the section's year, each of its years a role
            h.year = on_line[0]
            extra.extend(dataclasses.replace(h, year=y) for y in on_line[1:])
            _written(held_in, h)
            continue
        if announced is None:
            announced = _Announced(doc, {s.start for s in (
                doc.sentence_at(o.role_start) for o in hits if o.unit is not None) if s})
        scope = announced.at(sent) if h.via != "handover-out" and not h.person else None
        if scope is not None:
            # "Hội nghị thống nhất các đơn vị làm Trưởng khối, Phó Trưởng khối năm 2012. Theo
            # đó, A làm Trưởng khối": the announcement's year (none when it only proposes)
            if scope[1]:
                unstated.add(id(h))
            else:
                h.year = scope[0]
                _written(held_in, h)
            continue
        if h.election or election:
            prev = doc.sentence_before(sent) if sent else None
            if (word_years or {}).get(s_key) is not None and h.via != "handover-out":
                h.year = (word_years or {})[s_key]  # the election's year, by a role word
            elif prev is not None and (word_years or {}).get(prev.start) is not None and (
                    h.via != "handover-out" and _ELECTION.search(canon, prev.start, prev.end)):
                # "Hội nghị bầu Cụm trưởng, Cụm phó năm 2025. Kết quả, A được bầu làm Cụm
                # trưởng": the election announced, with its year, in the sentence before
                h.year = (word_years or {})[prev.start]
            elif context_year is not None and next_year:
                h.year = context_year + 1
            elif elected_year is not None and h.via != "handover-out":
                h.year = elected_year
            else:
                unstated.add(id(h))  # which year an election is for is not guessed
            continue
        heading = _heading_year(doc, sent) if sent is not None else None
        if heading is not None:
            h.year = heading  # "... điều hành Khối năm 2017 như sau:" then "Trưởng khối: A;"
            continue
        held = held_in.get((h.role, _unit_key(h))) if h.unit is not None else None
        if held is not None and len(held) == 1:
            # "X - đơn vị Khối trưởng năm 2023" then "..., thay mặt đơn vị Khối trưởng": the
            # holding named again, in the one year the article gives it
            h.year = next(iter(held))
            continue
        if line_years.outside(h.role_start, context_year) or (
                sent is not None and _FIRST.search(canon, sent.start, sent.end)):
            # under "Năm 2018 – 2019", the article's year 2024 is none of the section's; "A là
            # Cụm trưởng năm đầu tiên", "đơn vị đầu tiên làm Khối trưởng": a year gone by
            unstated.add(id(h))
            continue
        h.year = context_year  # None when the excerpt gives no year: the role, year unknown
    hits = [*hits, *extra]
    # a role whose words name no cluster is the cluster its sentence names, when it names one
    # ("Cụm thi đua số 5 bầu X làm Cụm trưởng" in an article about Cụm thi đua số 4), else the
    # article's main one
    named = sorted(((m.start, c) for c in clusters for m in c.mentions if m.named),
                   key=lambda t: t[0])
    named_starts = [t[0] for t in named]
    # a mention read again from a role word ("Trưởng khối thi đua các tỉnh X", no number) is the
    # cluster grouped where it stands, not the main one
    grouped_at = {m.start: c for c in clusters for m in c.mentions}
    out: dict[tuple, dict] = {}
    for h in hits:
        if id(h) in unstated:
            continue
        cluster = resolve(h.mention, clusters)
        if h.mention is not None and h.mention.start in grouped_at:
            cluster = grouped_at[h.mention.start]
        sent = doc.sentence_at(h.role_start) if h.mention is None else None
        if sent is not None:
            i, j = (bisect.bisect_left(named_starts, sent.start),
                    bisect.bisect_left(named_starts, sent.end))
            in_sentence = {id(c): c for _, c in named[i:j]}
            if len(in_sentence) == 1:
                cluster = next(iter(in_sentence.values()))
        unit_text = h.unit.text if h.unit else None
        # the cluster neither the role's words nor its sentence name alone: the main one, a
        # guess the members' lists may correct (see the pipeline)
        guessed = h.mention is None and (sent is None or len(in_sentence) != 1)
        item = {
            "cluster": cluster.name if cluster else None,
            "year": h.year,
            "role": h.role,
            "unit": unit_text,
            "person": h.person,
            "evidence": doc.slice(h.start, h.end),
            "start": h.start,
            "end": h.end,
            "confidence": h.confidence if h.year_explicit else round(h.confidence - 0.1, 2),
            "year_explicit": h.year_explicit,
            "via": h.via,
        }
        if h.unit and h.unit.full != unit_text:
            item["unit_full"] = h.unit.full
        if guessed and len(clusters) > 1:
            item["_guessed"] = True
        key = (h.year, h.role, norm_key(h.unit.full, expand=True) if h.unit else
               "person " + norm_key(h.person))
        if key not in out or out[key]["confidence"] < item["confidence"]:
            if key in out and out[key].get("person") and not item["person"]:
                item["person"] = out[key]["person"]
            out[key] = item
    return fold_committee_roles(list(out.values()))


# the ways a role's holder may be written by its place's name alone
_BY_PLACE = frozenset({"holder-after", "by-year", "succeeded"})


def fold_committee_roles(items: list[dict]) -> list[dict]:
    """The roles sorted by where they start, a person's role folded into the same role of the
    person's body named as a unit (see below)."""
    # a role of a person's body ("X, Giám đốc Sở Y tế, Cụm trưởng") stated too of the body's
    # party committee in that year ("năm 2025 Đảng ủy Sở Y tế làm Cụm trưởng"): one role, the
    # unit named as the unit (grouped by year, role and cluster: linear in the roles)
    # (only the body's own party committee: "Ban Tổ chức Tỉnh ủy" and "Ban Tổ chức Tỉnh ủy Kiên
    # Giang" may be two provinces' deputies)
    by_slot: dict[tuple, list[dict]] = {}
    for item in items:
        by_slot.setdefault((item["year"], item["role"], item["cluster"]), []).append(item)
    drop: set[int] = set()
    for group in by_slot.values():
        if len(group) < 2 or len(group) > 8:
            continue
        for a in group:
            # (the person's body maybe named by its party organization too: "Bí thư Đảng ủy
            # Tổng Công ty X, Cụm trưởng" and "năm 2023 là Đảng bộ Tổng Công ty X")
            ka = _PARTY_OF.sub("", norm_key(a.get("unit_full") or a["unit"], expand=True))
            b = next((b for b in group if b is not a and not b.get("person") and ka
                      and _PARTY_OF.sub("", norm_key(b.get("unit_full") or b["unit"],
                                                     expand=True)) == ka),
                     None) if a.get("person") else None
            if b is not None:
                drop.add(id(a))
                b["person"] = a["person"]  # who heads it, as the text says
            if a["via"] in _BY_PLACE and a["unit"] and not ORG_HEAD.match(a["unit"]) and (
                    any(b is not a and b["unit"] and norm_key(b["unit"]).endswith(
                        " " + norm_key(a["unit"])) for b in group)):
                # "Cụm trưởng Bạc Liêu" after "Ban Dân vận Tỉnh ủy Bạc Liêu, Cụm trưởng năm
                # 2023": the same holder, by its place's name alone
                drop.add(id(a))
    return sorted((r for r in items if id(r) not in drop), key=lambda r: r["start"])
