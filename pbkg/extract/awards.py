"""Awards and rankings: emulation flags ("Cờ thi đua"), certificates of merit ("Bằng khen"),
orders, titles. Status: "proposed" when the clause proposes it ("đề nghị ... tặng"), even if it
then says "được tặng"; "ranking" for a vote or a placing ("bình xét", "xếp hạng", "dẫn đầu");
"conferred" only for an award stated as given ("được tặng", "X tặng ... cho Y")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from pbkg.extract import enumerations
from pbkg.extract.doc import Doc
from pbkg.extract.patterns import (
    CAP_WORD,
    LOWER,
    NAM_YEAR,
    ORG_HEAD,
    PERIOD,
    PERSON,
    TITLE,
    UPPER,
    YEAR,
    first_char_led,
    norm_key,
)
from pbkg.extract.units import (
    PLACE_RUN,
    Unit,
    joins_fields,
    parse_backward,
    parse_forward,
    parse_list,
    parse_list_backward,
    parse_units_backward,
    place_units,
)

AWARD = (
    # (a prize for a body's team as a whole: "giải Nhất toàn đoàn", as PRIZE reads it)
    r"(?P<award>(?:[Gg]iải\s+(?:[Nn]hất|[Nn]hì|[Bb]a|[Kk]huyến\s+khích|[Đđ]ặc\s+biệt)"
    r"(?:\s+(?:toàn\s+đoàn|tập\s+thể)(?![\w]))?|[Cc]ờ\s+thi\s+đua(?:\s+xuất\s+sắc)?|[Cc]ờ\s+luân\s+lưu|[Cc]ờ|[Bb]ằng\s+khen|"
    r"[Gg]iấy\s+khen|[Hh]uân\s+chương(?:\s+[\w’']+){1,3}?\s+hạng\s+\w+|"
    r"[Hh]uân\s+chương(?:\s+" + CAP_WORD + r"){1,3}|"
    r"[Hh]uy\s+chương(?:\s+" + CAP_WORD + r"){1,3}|[Kk]ỷ\s+niệm\s+chương(?:\s+" + CAP_WORD +
    r"){0,4}|[Dd]anh\s+hiệu\s+(?:“[^”]{1,80}”|\"[^\"]{1,80}\"|" + CAP_WORD +
    r"(?:\s+[\w’']+){0,5}))"
    r"(?![\w]))"
)
_AWARD_HEAD = (r"(?:[Cc]ờ|[Bb]ằng\s+khen|[Gg]iấy\s+khen|[Hh]uân\s+chương|[Hh]uy\s+chương|"
               r"[Dd]anh\s+hiệu)(?![\w])")
_GIVE = re.compile(r"(?P<passive>được\s+)?(?:trao\s+tặng|tặng\s+thưởng|tặng|trao)\s+" + AWARD)
_GIVE = first_char_led(_GIVE, "đt")
# "Cờ thi đua của Ban X năm 2022": the year is the award's, not the giver's
_OF_GIVER = re.compile(r"\s+của\s+(?P<giver>[^,;.()\n]{2,80}?)(?:\s+năm\s+\d{4})?"
                       r"(?=\s+cho\s|[,;.()\n]|$)")
_AGENT = re.compile(
    # (a time before the verb: "X trước đó đã được Y tặng", "X từng được Y tặng")
    r"(?<![\w])(?:(?:đã|cũng|đều|vừa|vinh\s+dự|rất\s+vinh\s+dự|từng|trước\s+(?:đó|đây))\s+)*"
    r"được\s+"
    rf"(?:(?:đề\s+nghị|xét\s+đề\s+nghị)\s+)?(?P<giver>[{UPPER}][^,;.()]{{1,60}}?)\s+$"
)
_SUBJECT = re.compile(
    rf"(?:^|[,;:]\s*)(?P<giver>(?:{TITLE.pattern}|{ORG_HEAD.pattern})[^,;.()]{{0,60}}?)\s+$",
    re.IGNORECASE,
)
_FOR = re.compile(r"\s+cho\s+")
# the recipient labelled with its role in the cluster: "cho X - đơn vị Cụm trưởng năm 2025"
_ROLE_LABEL = (r"[ \t]*(?:[-–—,])[ \t]*(?:là[ \t]+)?(?:đơn[ \t]+vị[ \t]+)?(?:[Cc]ụm|[Kk]hối)[ \t]+"
               r"(?:trưởng|phó)(?![\w])")
_CHAIR_LABEL = re.compile(_ROLE_LABEL.replace("(?:trưởng|phó)", "trưởng"))
_RECIPIENT_END = re.compile(
    r"\s+và\s+(?:đề\s+nghị|tặng|trao)(?![\w])|[;()\n“”\"]|,\s+(?:đề\s+nghị|đồng\s+thời)"
    # a full stop, not the one of a person's academic title ("cho ThS. Hồ Thị Lan") nor of a
    # city's or a town's abbreviation in a body's name ("cho Ban Dân vận Thành ủy TP. Vinh")
    r"|(?<!\bThS)(?<!\bThs)(?<!\bTS)(?<!\bPGS)(?<!\bGS)(?<!\bNCS)"
    r"(?<!\bTP)(?<!\bTp)(?<!\bTX)(?<!\bTT)\."
    r"|\s*(?:,|và)\s+(?=" + _AWARD_HEAD + r")|$"  # "cho A và Bằng khen cho B": a second gift
    # the reason, the place or the time after the recipient: "cho A vì / do đã có thành tích",
    # "cho A tại hội nghị"
    r"|\s+(?:vì|do|bởi|nhờ|tại|nhân\s+dịp|đã|đạt|có|nhằm|để|theo|trong\s+(?:năm|dịp|đợt))(?![\w])"
    # what the recipients are, after a dash: "cho A và B - hai đơn vị dẫn đầu phong trào"
    r"|[ \t]+[-–—][ \t]+(?=(?:(?:\d{1,2}|hai|ba|bốn|năm|các)[ \t]+)?(?:đơn[ \t]+vị|cơ[ \t]+quan|"
    r"tập[ \t]+thể)(?![\w]))"
    r"|" + _ROLE_LABEL
)
# "..., (và) Bằng khen cho B, C": a second award given by the same verb
_AND_AWARD_FOR = re.compile(r"\s*(?:,|và)\s+" + AWARD + r"\s+cho\s+")
_SPLIT = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
# a proposal: "đề nghị", "đề xuất", "kiến nghị", "trình (Ban X) tặng", "xét tặng" (not "chương
# trình", "quá trình", "trình bày")
_PROPOSE = re.compile(r"(?<![\w])(?:đề\s+nghị|đề\s+xuất|kiến\s+nghị|xét(?=\s+(?:tặng|khen))|"
                      r"(?<!chương\s)(?<!quá\s)(?<!công\s)(?<!lộ\s)(?<!tiến\s)"
                      r"trình(?!\s+(?:bày|độ|diễn|chiếu)))(?![\w])", re.IGNORECASE)
# an award to come or denied: "Dự kiến Ban X sẽ tặng", "không đề nghị tặng", "chưa được tặng";
# no fact either way (read in the clause before the verb)
_NOT_GIVEN = re.compile(r"(?<![\w])(?:sẽ|dự\s+kiến|phấn\s+đấu|chưa|chẳng|xứng\s+đáng|"
                        r"đủ\s+(?:điều\s+kiện|tiêu\s+chuẩn)|có\s+thể|"
                        r"không(?!\s+(?:ngừng|chỉ|những|ít)))(?![\w])", re.IGNORECASE)
_RANK = re.compile(r"(?<![\w])(?:bình\s+xét|xếp\s+hạng|xếp\s+loại|bình\s+chọn)(?![\w])",
                   re.IGNORECASE)
_GIVER_BETWEEN = re.compile(
    r"đề\s+nghị\s+(?P<giver>(?:(?!đề\s+nghị|tặng|trao|cho\s)[^,;.]){2,60}?)\s+(?:xét\s+)?$"
)
_COUNT_RECIPIENT = re.compile(
    r"(?:hơn\s+|gần\s+)?\d+\s+(?:lượt\s+)?(?:tập\s+thể|cá\s+nhân|đơn\s+vị)"
    r"(?:\s*,\s*(?:hơn\s+|gần\s+)?\d+\s+(?:lượt\s+)?(?:tập\s+thể|cá\s+nhân|đơn\s+vị))*"
)


# the separator of two named items, "A, B", "A, và B", "A và B"
_ITEM_SEP = r"[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+"
_ITEM_SEP_AT = re.compile(_ITEM_SEP)
_JOINT_BEFORE = re.compile(rf"(?:{_ITEM_SEP})$")
_AND = re.compile(r"[ \t]+và[ \t]+")
# "4 tập thể và 7 cá nhân thuộc cụm": a count of unnamed recipients ends after its noun
_COUNTED = re.compile(r"(?:hơn\s+|gần\s+)?\d+\s+(?:lượt\s+)?(?:tập\s+thể|cá\s+nhân|đơn\s+vị)"
                      r"(?![\w])")
# the ones given it, not counted: "cho các cá nhân thuộc Ban X" (a description, no one named)
_PLURAL_PEOPLE = re.compile(r"(?:các|những)\s+(?:tập\s+thể|cá\s+nhân|cán\s+bộ|đảng\s+viên|"
                            r"đơn\s+vị)(?=[ \t]+(?:thuộc|của|trong)(?![\w]))")
# what the ones counted belong to: "4 cá nhân thuộc Ban X", "3 tập thể của Ban Y"
_WHOSE = re.compile(r"[ \t]+(?:thuộc|của|trong)(?![\w])")
# "X đứng đầu cụm và được Y tặng Giấy khen": the one who leads is the one given the award
_LED_AND = re.compile(r"(?<![\w])(?:dẫn\s+đầu|đứng\s+đầu)(?:\s+(?:của|trong))?(?:\s+toàn)?\s+"
                      r"(?:[Cc]ụm|[Kk]hối)(?:\s+thi\s+đua)?(?:\s+số\s+\d+)?"
                      # the cluster's owner: "Cụm thi đua số 2 của Thành ủy Vũng Tàu"
                      r"(?:\s+của\s+[^,;.()\n]{2,40}?)?\s+và\s+$")


# "A, B được (xét) đề nghị tặng", and with the proposer and the giver written: "A được Cụm
# thống nhất đề nghị Ban X xét tặng", "A được cụm đề nghị Ban Thường vụ Thành ủy tặng"
_PROPOSED_PASSIVE = re.compile(
    r"(?<![\w])(?:(?:đã|cũng|đều|vừa)\s+)*được\s+"
    r"(?:(?:[Cc]ụm|[Kk]hối|hội\s+nghị|các\s+đơn\s+vị)\s+)?(?:(?:thống\s+nhất|nhất\s+trí)\s+)?"
    r"(?:xét\s+)?đề\s+nghị\s+"
    r"(?:(?:(?!đề\s+nghị|tặng|trao|cho\s)[^,;.()]){1,60}?\s+(?:xét\s+)?)?$")


# what a recipient is, written before its name: "cho tập thể Ban X", "cho thí sinh A", "cho
# giảng viên B", "cho đồng chí C" (the name is the recipient, as when written alone)
_RECIPIENT_NOUN = re.compile(
    r"(?:tập\s+thể|cá\s+nhân|thí\s+sinh|giảng\s+viên|báo\s+cáo\s+viên|học\s+viên|"
    rf"tuyên\s+truyền\s+viên|vận\s+động\s+viên|đồng\s+chí|ông|bà)[ \t]+(?=[{UPPER}])")


# a count or a plural of what the recipients are, then a colon and their names: "cho 3 đơn vị:",
# "cho các đội:", "cho hai tập thể:"
_LISTED_AFTER = re.compile(
    r"(?:(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những)[ \t]+)"
    r"(?:đơn[ \t]+vị|đội(?:[ \t]+thi)?|tập[ \t]+thể|địa[ \t]+phương|cơ[ \t]+quan)[ \t]*:[ \t]*")


# the town, city or province a body named before it is in: "TP. Vinh", "thành phố Vinh"
_WHERE_AFTER = re.compile(rf"(?:TP\.|Tp\.|TX\.|thành[ \t]+phố|thị[ \t]+xã|tỉnh|huyện|quận)"
                          rf"[ \t]*[{UPPER}][\w’']*(?:[ \t]+[{UPPER}][\w’']*){{0,3}}")


def _for_list(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The recipients written after "cho", up to `end`: "A, B và C"."""
    canon = doc.canon
    out: list[tuple[int, int]] = []
    listed = _LISTED_AFTER.match(canon, start, end)
    if listed is not None:  # "cho 3 đơn vị: A, B, C": the units the colon lists, not the count
        start = listed.end()
    pos = start
    whole: Unit | None = None
    for part in _SPLIT.split(canon[start:end]):
        idx = canon.find(part, pos, end)
        if not part.strip() or idx == -1 or len(part.split()) > 14:
            break
        s_, e_ = doc.trimmed(idx, idx + len(part))
        if out and joins_fields(canon, out[-1][1], s_):
            # "cho Đảng bộ Bộ Khoa học và Công nghệ": the two fields of one ministry's name
            out[-1] = (out[-1][0], e_)
            pos = idx + len(part)
            continue
        if out and whole is not None and whole.end > out[-1][1] and s_ < whole.end:
            # "cho Đảng bộ Báo và Phát thanh, Truyền hình X", "cho Ban Tuyên giáo và Dân vận
            # Tỉnh ủy Y": the "và" or comma inside one merged body's name
            if e_ <= whole.end:
                out[-1] = (out[-1][0], e_)
                pos = idx + len(part)
                continue
        whole = None
        if out and ORG_HEAD.match(canon, out[-1][0]) and _WHERE_AFTER.fullmatch(canon, s_, e_):
            # "cho Đảng ủy phường A, TP. Vinh": where the body named is, no recipient
            pos = idx + len(part)
            continue
        if out and canon[out[-1][0]].isupper() and _APPOSITIVE.match(canon, s_, e_):
            break  # "cho Đảng bộ Bộ X, đơn vị dẫn đầu Khối": what the one named is
        cue = _LIST_CUE.match(canon, s_, e_)
        if cue is not None:  # "cho các đơn vị dẫn đầu các cụm, cụ thể:", "..., gồm: A, B"
            if cue.end() >= e_:
                break  # the words that open a list are no recipient
            s_ = cue.end()
        team = _TEAM.match(canon, s_, e_)
        if team is not None:  # "trao giải Nhất cho đội (thi) Ban X": the team is its body's
            s_ = team.end()
        described = _RECIPIENT_NOUN.match(canon, s_, e_)
        if described is not None:  # "cho tập thể Ban X", "cho giảng viên A": the one named
            s_ = described.end()
        academic = _ACADEMIC_TITLE.match(canon, s_, e_)
        if academic is not None:  # "cho ThS. Hồ Thị Lan": the person, not the title
            s_ = academic.end()
        counted = _COUNTED.match(canon, s_, e_) or _PLURAL_PEOPLE.match(canon, s_, e_)
        if counted is not None:
            whose = _WHOSE.match(canon, counted.end(), e_)
            e_ = counted.end()
            if whose is not None:
                # "cho 2 tập thể, 4 cá nhân thuộc Ban X và Ban Y": the bodies after "thuộc"
                # are whose the ones counted are, no recipients of their own
                out.append((s_, e_))
                break
        year = _TRAILING_YEAR.search(canon, s_, e_)
        if year is not None and year.start() > s_:  # "cho Ban X năm 2025": the year is the award's
            e_ = year.start()
        out.append((s_, e_))
        whole = parse_forward(doc, s_)  # the body's name read whole from the part's start
        pos = idx + len(part)
    return out


_TRAILING_YEAR = re.compile(r"[ \t]+năm[ \t]+\d{4}$")
# the words that open a list, not a recipient: "cụ thể:", "như sau:", "gồm:", "trong đó"
_LIST_CUE = re.compile(r"(?:cụ[ \t]+thể(?:[ \t]+(?:là|gồm|như[ \t]+sau))?|như[ \t]+sau|"
                       r"(?:bao[ \t]+)?gồm(?:[ \t]+có)?|trong[ \t]+đó|đó[ \t]+là)"
                       r"(?![\w])[ \t]*:?[ \t]*")
# a body's name now, or before, in brackets after its name: "(nay là Văn phòng Thành ủy Huế)"
_RENAMED = re.compile(r"[ \t]*\((?:nay|trước[ \t]+đây|cũ)(?![\w])[^()\n]{0,80}\)[ \t]*$")
# a description set off after a recipient's name: "đơn vị dẫn đầu Khối", "cơ quan thường trực"
# or of the ones named together, counted: "cho A và B, hai đơn vị vượt kế hoạch" (as after a dash)
_APPOSITIVE = re.compile(r"(?:(?:\d{1,2}|hai|ba|bốn|năm|cả[ \t]+hai)[ \t]+)?"
                         rf"(?:đơn[ \t]+vị|cơ[ \t]+quan)[ \t]+(?!này|trên|đó|ấy)[{LOWER}]")
# the chair's rotating flag ("trao cờ luân phiên (Cụm trưởng) cho X", "nhận cờ luân phiên"): a
# role handed over, not an award
_HAND_OVER = re.compile(r"trao\s+(?!tặng)")  # the bare verb of a hand-over, not "trao tặng"
_ROTATING_FLAG = re.compile(r"[ \t]+luân[ \t]+phiên(?![\w])"
                            r"|[ \t]+(?:[Cc]ụm|[Kk]hối)[ \t]+trưởng(?![\w])")


# an award's clause is read at most this far on either side, so that a sentence with many
# awards is read in linear time
_CLAUSE_REACH = 600


def _clause_bounds(doc: Doc, pos: int) -> tuple[int, int]:
    sent = doc.sentence_at(pos)
    s, e = (sent.start, sent.end) if sent else (0, len(doc.canon))
    s, e = max(s, pos - _CLAUSE_REACH), min(e, pos + _CLAUSE_REACH)
    semi = doc.canon.rfind(";", s, pos)
    if semi != -1:
        s = semi + 1
    nxt = doc.canon.find(";", pos, e)
    if nxt != -1:
        e = nxt
    return s, e


# a place opening its clause, maybe with its level word, the subject of a gift in the passive:
# "Năm 2021, thành phố Hà Tĩnh được Chính phủ tặng Cờ thi đua", "Năm 2019, Yên Mỹ được ..."
_PLACE_SUBJECT = re.compile(rf"(?:^|[,;:\n])[ \t]*(?P<unit>(?:(?:huyện|quận|thị[ \t]+xã|"
                            rf"thành[ \t]+phố|tỉnh|xã|phường|thị[ \t]+trấn|đặc[ \t]+khu)[ \t]+)?"
                            rf"(?P<place>[{UPPER}][\w’']*(?:[ \t]+[{UPPER}][\w’']*){{0,3}}))"
                            rf"[ \t]*$")


def _place_subject(doc: Doc, cs: int, end: int) -> Unit | None:
    from pbkg.extract import places  # the gazetteer loads on first use only

    while end > cs and doc.canon[end - 1] in " \t":
        end -= 1
    lo = max(cs, end - 60)
    m = _PLACE_SUBJECT.search(doc.canon[lo:end])  # "^": the clause's start, not the window's
    if m is None or (m.start() == 0 and lo > cs) or not places.is_place_name(m.group("place")):
        return None
    s, e = lo + m.start("unit"), lo + m.end("unit")
    return Unit(s, e, doc.slice(s, e), doc.slice(s, e))


def _period(text: str, context_year: int | None) -> str | None:
    p = PERIOD.search(text)
    if p:
        return f"{p.group('from')}-{p.group('to')}"
    y = NAM_YEAR.search(text)
    if y:
        return y.group("year")
    return str(context_year) if context_year else None


# the subject of a gift in the passive that names no unit but the one just named: "...; đơn vị
# này được Đảng ủy Khối tặng Giấy khen"
_SUBJECT_ANAPHOR = re.compile(r"(?:đơn\s+vị|cơ\s+quan|tập\s+thể)\s+(?:này|trên|nói\s+trên|đó|ấy)"
                              r"(?:\s+(?:cũng|đã|còn|vinh\s+dự))*\s*$", re.IGNORECASE)
_AWARD_YEAR = re.compile(rf"[ \t]+năm[ \t]+{YEAR}(?![\d])")
_CLAUSE_GAP = re.compile(r"[ \t]*[;,][ \t]*(?:và[ \t]+)?")
# a sentence that opens with its year: "Năm 2022, Cụm trưởng là X; đơn vị này được ..."
_OPENING_YEAR = re.compile(rf"\W*(?:trong\s+)?năm\s+(?P<year>{YEAR})\s*,", re.IGNORECASE)


def _role_antecedent(doc: Doc, units_at: dict[int, set[str]], ends: list[int], cs: int,
                     rec_end: int) -> tuple[str, int] | None:
    """The unit of the role stated in the clause right before a passive gift whose subject
    is "đơn vị này" ("năm 2024 do X làm Cụm trưởng; đơn vị này được G tặng Cờ thi đua"), and
    where the anaphor starts; None when the clause before states no role of one unit."""
    canon = doc.canon
    sub = _SUBJECT_ANAPHOR.search(canon, max(cs, rec_end - 40), rec_end)
    if sub is None or canon[cs : sub.start()].strip():
        return None
    i = bisect.bisect_right(ends, sub.start()) - 1
    if i < 0 or not _CLAUSE_GAP.fullmatch(canon, ends[i], sub.start()):
        return None
    units = units_at[ends[i]]
    return (next(iter(units)), sub.start()) if len(units) == 1 else None


def find_awards(doc: Doc, context_year: int | None, roles: list[dict] | None = None) -> list[dict]:
    """The awards the text states; `roles` (the article's, with their spans) give the unit a
    gift's "đơn vị này" stands for when the clause before states its role."""
    canon = doc.canon
    # the units of the roles by where their evidence ends (looked up by bisection and key)
    role_units: dict[int, set[str]] = {}
    for r in roles or []:
        if r.get("unit") and isinstance(r.get("end"), int):
            role_units.setdefault(r["end"], set()).add(r["unit"])
    role_ends = sorted(role_units)
    out: list[dict] = []
    last_in_clause: dict[tuple[int, int], dict] = {}
    pending: list[tuple[int, int, str, str | None, str | None, str]] = []
    for m in _GIVE.finditer(canon):
        if doc.in_display(m.start()):
            continue
        cs, ce = _clause_bounds(doc, m.start())
        before = canon[cs : m.start()]
        if _NOT_GIVEN.search(before, before.rfind(",") + 1):  # the verb's own phrase
            continue
        if _ROTATING_FLAG.match(canon, m.end("award")):
            continue
        award = re.sub(r"\s+", " ", doc.slice(m.start("award"), m.end("award")))
        p = m.end()
        giver = None
        of = _OF_GIVER.match(canon, p, ce)
        if of:
            giver = doc.slice(of.start("giver"), of.end("giver")).strip()
            p = of.end()
        sent = doc.sentence_at(m.start())
        sent_key = (sent.start, sent.end) if sent else (cs, ce)
        prev = last_in_clause.get(sent_key)
        if _PROPOSE.search(before) or (
                not before.strip() and sent is not None
                and _PROPOSE.search(canon, sent.start, m.start())):
            # "đề nghị tặng A cho X; tặng B cho Y": the second gift is proposed too
            status = "proposed"
        elif _RANK.search(before):
            status = "ranking"
        else:
            status = "conferred"
        if giver is None:
            # "đề nghị X được tặng": X is the recipient, not the one asked to give
            gb = None if m.group("passive") else _GIVER_BETWEEN.search(before)
            subject = _SUBJECT.search(before)
            if gb:
                giver = gb.group("giver").strip()
            elif (subject and not m.group("passive") and status == "conferred"
                  and "tặng" in m.group(0) and not _AGENT.search(before)):
                giver = subject.group("giver").strip()
            elif prev is not None and re.fullmatch(
                r"[\s;,]*(?:và|đồng\s+thời)?\s*", canon[prev["_end"] : m.start()]
            ):
                giver = prev["giver"]
        recipients: list[tuple[int, int]] = []
        extra: list[tuple[str, list[tuple[int, int]]]] = []
        paren = re.search(r"\([ \t]*$", canon[cs : m.start()])
        # "A, B được đề nghị tặng Cờ thi đua": the recipients before "được"
        proposed_passive = None if m.group("passive") else _PROPOSED_PASSIVE.search(before)
        # "X được Thủ tướng Chính phủ tặng Bằng khen"
        agent = None if m.group("passive") else _AGENT.search(before)
        if m.group("passive") and paren:
            # "...: BTC TU Cà Mau (được tặng Cờ), các BTC TU Kiên Giang, Bến Tre (được tặng ...)"
            rec_end = cs + paren.start()
            lo = max(canon.rfind(":", cs, rec_end), canon.rfind(")", cs, rec_end), cs - 1) + 1
            pos = lo
            for part in _SPLIT.split(canon[lo:rec_end]):
                idx = canon.find(part, pos, rec_end) if part.strip() else -1
                if idx == -1:
                    continue
                pos = idx + len(part)
                s_, e_ = doc.trimmed(idx, idx + len(part))
                if doc.canon.startswith("các ", s_):
                    s_ += 4
                if e_ > s_ and len(doc.canon[s_:e_].split()) <= 10:
                    recipients.append((s_, e_))
            p = m.end() + 1
        elif m.group("passive") or agent or proposed_passive:
            rec_end = (cs + agent.start() if agent else cs + proposed_passive.start()
                       if proposed_passive else m.start())
            if agent and giver is None:
                giver = agent.group("giver").strip()
            led = _LED_AND.search(canon, max(cs, rec_end - 60), rec_end)
            if led is not None:
                rec_end = led.start()
            head = canon[cs:rec_end]
            lead = re.search(r"(?:là\s+(?:một\s+trong\s+)?(?:\w+\s+)?(?:đơn\s+vị|tập\s+thể)\s*"
                             # "X là đơn vị duy nhất trong cụm được G tặng"
                             r"(?:(?:duy\s+nhất|đầu\s+tiên)\s+)?"
                             r"(?:(?:trong|của)\s+(?:cụm|khối)(?:\s+thi\s+đua)?\s+)?"
                             # "X, đơn vị (vinh dự) được UBND tỉnh tặng": the unit before
                             # (or a dash: "X - đơn vị vinh dự được Chính phủ tặng")
                             r"|\s*(?:,|\s[-–—])\s*(?:đơn\s+vị|tập\s+thể)\s+"
                             r"(?:(?:đã|vinh\s+dự)\s+)*)$",
                             head)
            if lead:
                rec_end = cs + lead.start()
            adverbs = re.search(r"(?:(?:đã|cũng|đều|vừa|rất|vinh\s+dự)\s+)+$", canon[cs:rec_end])
            if adverbs:
                rec_end = cs + adverbs.start()
            renamed = _RENAMED.search(canon, max(cs, rec_end - 100), rec_end)
            if renamed:  # "X (nay là Y) được Thủ tướng tặng": X, as the award was given
                rec_end = renamed.start()
            # "A và B được tặng", "Trường Chính trị tỉnh A, B được tặng": every unit named
            units = (parse_units_backward(doc, rec_end) or parse_list_backward(doc, rec_end)
                     or [u for u in [parse_backward(doc, rec_end)] if u])
            if not units and (place := _place_subject(doc, cs, rec_end)) is not None:
                units = [place]  # "Năm 2021, thành phố A được Chính phủ tặng Cờ thi đua"
            if units:
                recipients.extend(u.span for u in units)
            else:
                count = _COUNT_RECIPIENT.search(canon, cs, rec_end)
                if count is not None and _LEADING.search(canon, count.end(), rec_end):
                    count = None  # "A và B được suy tôn là 2 đơn vị dẫn đầu ..., được cụm đề
                    # nghị G tặng": the count is the leaders', named before it (read below)
                if count is not None:
                    joint = _JOINT_BEFORE.search(canon, max(cs, count.start() - 12),
                                                 count.start())
                    named = [] if joint is None else max(
                        parse_units_backward(doc, joint.start()),
                        parse_list_backward(doc, joint.start()), key=len)
                    if named and parse_backward(doc, named[0].end, strict=True):
                        # "A và 5 cá nhân được G tặng Bằng khen": the units named before the
                        # count, the first opening the clause, are given it too
                        recipients.extend(u.span for u in named)
                    recipients.append((count.start(), count.end()))
                    # "2 tập thể và 3 cá nhân thuộc Khối được tặng": each count its recipient
                    more = _AND.match(canon, count.end(), rec_end)
                    second = _COUNTED.match(canon, more.end(), rec_end) if more else None
                    if second is not None:
                        recipients.append(second.span())
        else:
            window_end = min(ce, p + 160)
            f = _FOR.search(canon, p, window_end)
            if f and not re.search(r"[,;]", canon[p : f.start()]):
                r_end_m = _RECIPIENT_END.search(canon, f.end(), ce)
                r_end = r_end_m.start() if r_end_m else ce
                pos = f.end()
                recipients = _for_list(doc, f.end(), r_end)
                if canon.startswith("(", r_end) and len(
                        people := _people_at(doc, f.end())) > len(recipients):
                    # "cho A (Trung tâm X) và B (Trung tâm Y)": the brackets end no list of
                    # people
                    recipients = [u.span for u in people]
                p = max(p, recipients[-1][1]) if recipients else p
                second = _AND_AWARD_FOR.match(canon, r_end) if recipients else None
                if second:  # "tặng Cờ thi đua cho A và Bằng khen cho B, C"
                    end2_m = _RECIPIENT_END.search(canon, second.end(), ce)
                    end2 = end2_m.start() if end2_m else ce
                    more = _for_list(doc, second.end(), end2)
                    if more:
                        award2 = re.sub(r"\s+", " ", doc.slice(second.start("award"),
                                                                  second.end("award")))
                        extra.append((award2, more))
        antecedent = _role_antecedent(doc, role_units, role_ends, cs, rec_end) if (
            not recipients and (m.group("passive") or agent)) else None
        if antecedent is not None:
            opening = _OPENING_YEAR.match(canon, sent.start, sent.end) if sent else None
            own = _AWARD_YEAR.match(canon, p)
            p = own.end() if own else p  # "tặng Cờ thi đua năm 2024": the award's year
            period = (_period(canon[m.start() : p], None) or _period(before, None)
                      or (opening.group("year") if opening else None)
                      or _period("", context_year))
            ev_start, ev_end = antecedent[1], p
            out.append({"award": award, "giver": giver, "recipient": antecedent[0],
                        "year_or_period": period, "status": status,
                        "evidence": doc.slice(ev_start, ev_end), "start": ev_start,
                        "end": ev_end, "confidence": 0.75})
            continue
        if not recipients:
            # "X dẫn đầu Cụm và đề nghị G tặng A": X's, once known; "X được Khối suy tôn dẫn
            # đầu, được UBND tỉnh tặng Cờ thi đua": given to X, the same subject
            if status == "proposed" or status == "conferred" and (m.group("passive") or agent):
                period_ = _period(canon[m.start() : p], None) or _period(before, context_year)
                pending.append((m.start(), p, award, giver, period_, status))
            continue
        if "luân" in award.lower() and (
                _CHAIR_LABEL.match(canon, recipients[-1][1])
                or (_HAND_OVER.match(m.group(0)) and not (m.group("passive") or agent
                                                          or proposed_passive))):
            # "trao cờ luân lưu cho X - đơn vị Cụm trưởng năm 2025", "A trao cờ luân lưu của
            # Khối cho B": the rotating flag handed on at the meeting is the chair's, no award
            continue
        if paren:
            ev_lo = min(r[0] for r in recipients)
        if (m.group("passive") or agent) and (own := _AWARD_YEAR.match(canon, p)) is not None:
            p = own.end()  # "X được G tặng Giấy khen năm 2018": the award's year
        period = _period(canon[m.start() : p], None) or _period(before, context_year)
        ev_start = cs + len(before) - len(before.lstrip())
        proposals = list(_PROPOSE.finditer(before))
        gb = proposals[-1] if proposals else None
        if paren:
            ev_start = ev_lo
        elif gb:
            ev_start = cs + gb.start()
        elif m.group("passive") or agent or proposed_passive:
            ev_start = min(r[0] for r in recipients)
        ev_end = max(p, max(r[1] for r in recipients))
        gifts = [(award, recipients), *extra]
        for award_i, s, e in ((a, s, e) for a, rec in gifts for s, e in rec):
            item = {
                "award": award_i,
                "giver": giver,
                "recipient": doc.slice(s, e),
                "year_or_period": period,
                "status": status,
                "evidence": doc.slice(ev_start, ev_end),
                "start": ev_start,
                "end": ev_end,
                "confidence": 0.85 if status != "conferred" else 0.8,
            }
            out.append(item)
            last_in_clause[sent_key] = {**item, "_end": p}
    for m in _LEADING.finditer(canon):
        if doc.in_display(m.start()) or _unstated_before(doc, m.start()):
            continue
        if m.group("place"):
            sent = doc.sentence_at(m.start())
            if sent is None or not _SCORED.search(canon, max(sent.start, m.start() - 300),
                                                  m.start()):
                continue
        if m.group("voted"):
            sent = doc.sentence_at(m.start())
            if sent is None or not _CLUSTER_VOTE.search(canon, max(sent.start, m.start() - 160),
                                                        m.start()):
                continue
        # "X được bình xét là đơn vị dẫn đầu Cụm": the unit before the lead-in
        lead = _LEADING_LEAD.search(canon, max(0, m.start() - 80), m.start())
        at = lead.start() if lead else m.start()
        renamed = _RENAMED.search(canon, max(0, at - 100), at)
        if renamed:  # "X (cũ) là đơn vị dẫn đầu Cụm": X, as named when it led
            at = renamed.start()
        # "A và B được suy tôn dẫn đầu": every unit named
        units = parse_units_backward(doc, at) or [u for u in [parse_backward(doc, at)] if u]
        if not units:  # "cho thấy Hưng Yên xếp thứ nhất; A và B đồng xếp thứ hai": bare places
            units = _ranked_places(doc, m.start())
        if not units:
            continue
        if lead and lead.group("n") and not lead.group("of") and enumerations.count_value(
                lead.group("n")) != len(units):
            continue  # "X là hai đơn vị dẫn đầu": as many units as counted, or none
        cs, ce = _clause_bounds(doc, m.start())
        # a clause with no year of its own takes the one that opens its sentence ("Năm 2021,
        # A xếp thứ nhất; B xếp thứ hai")
        sent = doc.sentence_at(m.start())
        opening = _OPENING_YEAR.match(canon, sent.start, sent.end) if sent else None
        period = (_period(canon[cs:ce], None) or (opening.group("year") if opening else None)
                  or _period("", context_year))
        for unit in units:
            out.append({
                "award": doc.slice(m.start(), m.end()),
                "giver": None,
                "recipient": unit.text,
                "year_or_period": period,
                "status": "ranking",
                "evidence": doc.slice(units[0].start, m.end()),
                "start": units[0].start,
                "end": m.end(),
                "confidence": 0.8,
            })
    out.extend(_proposed_after_rankings(doc, out, pending))
    out.extend(_prizes(doc, context_year))
    out.extend(_ranked_lists(doc, context_year))
    out.extend(_placing_lines(doc, context_year))
    out = _resolve_anaphors(doc, out)
    seen: set[tuple] = set()
    unique = []
    for a in out:
        # a unit named in full once and by its abbreviation once ("Ban Tuyên giáo Tỉnh ủy",
        # "BTG Tỉnh ủy") receives the award once
        key = (norm_key(a["award"]), norm_key(a["recipient"], expand=True), a["status"])
        if key not in seen:
            seen.add(key)
            unique.append(a)
    return unique


# between a ranking and a proposal with no recipient that goes on its clause: "X dẫn đầu Cụm
# năm 2022 và (thống nhất) đề nghị G tặng", "X xếp thứ nhất, được Khối thống nhất đề nghị G tặng"
_THEN_PROPOSED = re.compile(
    r"(?:[ \t]+năm[ \t]+\d{4})?[ \t]*(?:,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+)"
    r"(?:(?:được|đồng[ \t]+thời)[ \t]+)?(?:(?:[Cc]ụm|[Kk]hối|các[ \t]+đơn[ \t]+vị)[ \t]+)?"
    r"(?:thống[ \t]+nhất[ \t]+)?(?:đề[ \t]+nghị|đề[ \t]+xuất)[ \t]+[^,.;:()\n]{2,80}?"
    r"[ \t]+(?:xét[ \t]+)?")


# between a ranking and a gift in the passive that goes on its clause: "A và B được Khối suy tôn
# dẫn đầu, được UBND tỉnh tặng Cờ thi đua" (the giver between "được" and the verb)
_THEN_GIVEN = re.compile(
    r"(?:[ \t]+năm[ \t]+\d{4})?[ \t]*(?:,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+)"
    r"(?:(?:đồng[ \t]+thời|cũng|đã)[ \t]+)*được[ \t]+(?:[^,.;:()\n]{2,80}?[ \t]+)?")


def _proposed_after_rankings(doc: Doc, found: list[dict],
                             pending: list[tuple[int, int, str, str | None, str | None, str]]
                             ) -> list[dict]:
    """A proposal with no recipient right after a ranking in its clause: for the units ranked."""
    ranked = sorted((a for a in found if a["status"] == "ranking"), key=lambda a: a["end"])
    ends = [a["end"] for a in ranked]
    out = []
    for start, end, award, giver, period, status in pending:
        i = bisect.bisect_right(ends, start)
        then = _THEN_PROPOSED if status == "proposed" else _THEN_GIVEN
        if i == 0 or not then.fullmatch(doc.canon, ends[i - 1], start):
            if status == "proposed":
                out.extend(_proposed_for_the_voted(doc, start, end, award, giver, period))
            continue
        last = ends[i - 1]
        j = i
        while j > 0 and ends[j - 1] == last and i - j < 10:
            j -= 1
        for r in ranked[j:i]:
            out.append({
                "award": award, "giver": giver, "recipient": r["recipient"],
                "year_or_period": period or r["year_or_period"], "status": status,
                "evidence": doc.slice(r["start"], end), "start": r["start"], "end": end,
                "confidence": 0.8,
            })
    return out


# the cluster's own vote, in the active: "Cụm (đã, thống nhất) suy tôn", "Hội nghị bình chọn"
_VOTED_BY = re.compile(r"(?<![\w])(?:[Cc]ụm|[Kk]hối|[Hh]ội[ \t]+nghị)(?:[ \t]+thi[ \t]+đua)?"
                       r"(?:[ \t]+(?:đã|thống[ \t]+nhất|nhất[ \t]+trí))*"
                       # "Hội nghị bình xét, suy tôn": the scoring, then the vote
                       r"(?:[ \t]+bình[ \t]+xét[ \t]*,?)?[ \t]+"
                       r"(?:bình[ \t]+chọn|suy[ \t]+tôn)[ \t]+(?=[{UPPER}])".replace(
                           "{UPPER}", UPPER))
# what the vote says the units are, between them and the proposal: "dẫn đầu phong trào thi đua"
_VOTED_FOR = re.compile(r"[ \t]+(?:là[ \t]+(?:(?:hai|các|\d)[ \t]+)?đơn[ \t]+vị[ \t]+)?dẫn[ \t]+đầu"
                        r"(?:[ \t]+(?:phong[ \t]+trào[ \t]+)?thi[ \t]+đua)?")


def _proposed_for_the_voted(doc: Doc, start: int, end: int, award: str, giver: str | None,
                            period: str | None) -> list[dict]:
    """A proposal with no recipient that goes on the cluster's vote in its clause: "Cụm đã suy
    tôn A và B, đề nghị G tặng Cờ thi đua", "Cụm thống nhất suy tôn A dẫn đầu phong trào thi
    đua, đề nghị G tặng Bằng khen": for the units voted."""
    canon = doc.canon
    sent = doc.sentence_at(start)
    lo = max(sent.start if sent is not None else 0, start - 300)
    votes = list(_VOTED_BY.finditer(canon, lo, start))  # in a window of 300 characters
    vote = votes[-1] if votes else None
    if vote is None:
        return []
    units = parse_list(doc, vote.end())
    if not units:
        return []
    q = units[-1].end
    voted_for = _VOTED_FOR.match(canon, q, start)
    if voted_for is not None:
        q = voted_for.end()
    if not _THEN_PROPOSED.fullmatch(canon, q, start):
        return []
    return [{"award": award, "giver": giver, "recipient": u.full,
             "year_or_period": period, "status": "proposed",
             "evidence": doc.slice(u.start, end), "start": u.start, "end": end,
             "confidence": 0.8} for u in units]


# -- contest prizes, a unit's distinction, lists of units ranked --------------------------

_LEADING = re.compile(
    r"(?<![\w])(?:dẫn\s+đầu|đứng\s+đầu|xếp\s+thứ\s+(?:nhất|nhì|hai|ba|\d+))"
    r"(?:\s+(?:phong\s+trào\s+)?thi\s+đua)?(?:\s+(?:của|trong))?"
    # "xếp thứ nhất trong bảng chấm điểm thi đua của Khối", "dẫn đầu bảng xếp hạng của Cụm"
    r"(?:\s+bảng\s+(?:chấm\s+)?(?:điểm|xếp\s+hạng)(?:\s+thi\s+đua)?\s+(?:của|trong))?"
    r"(?:\s+toàn)?\s+(?:[Cc]ụm|[Kk]hối)(?:\s+thi\s+đua)?(?:\s+số\s+\d+)?"
    # "được suy tôn dẫn đầu": the vote says whose lead it is, the cluster may go unsaid
    r"|(?<=suy\stôn\s)dẫn\s+đầu(?![\w])"
    # "Qua bình xét, X xếp thứ nhất; Y xếp thứ hai": a place after the sentence's vote
    # ("X đứng thứ hai", "X đứng đầu với 97 điểm": the same rank, the verb "stands")
    r"|(?P<place>(?:xếp|đứng)\s+thứ\s+(?:nhất|nhì|hai|ba)|đứng\s+đầu(?=\s+với\s+\d))(?![\w])"
    r"(?!\s*(?:về|trong|tại|ở|toàn)(?![\w]))"
    # "Cụm suy tôn X là đơn vị dẫn đầu, đề nghị ...": the voter the cluster, unsaid after
    # ("X được suy tôn là đơn vị dẫn đầu phong trào thi đua": the movement is the cluster's)
    r"|(?<=đơn\svị\s)(?P<voted>dẫn\s+đầu(?:\s+(?:phong\s+trào\s+)?thi\s+đua)?+)(?![\w])"
    r"(?!\s*(?:về|trong|tại|ở|toàn|của|các)(?![\w]))"
)
# the cluster's vote for the unit that leads it, earlier in the sentence; or the unit's
# election by it, the voter unsaid or the cluster or its units ("X được suy tôn là đơn vị dẫn
# đầu", as "X được suy tôn dẫn đầu" is read)
# (the cluster's conference votes as the cluster: "Hội nghị (đã bình xét,) suy tôn X là ...")
_CLUSTER_VOTE = re.compile(r"(?<![\w])(?:(?:[Cc]ụm|[Kk]hối|[Hh]ội\s+nghị)(?:\s+thi\s+đua)?"
                           r"(?:\s+(?:đã|thống\s+nhất|nhất\s+trí))*"
                           r"(?:\s+bình\s+xét[ \t]*,?)?"
                           r"|được(?:\s+(?:[Cc]ụm|[Kk]hối|các\s+đơn\s+vị))?"
                           r"(?:\s+(?:thống\s+nhất|nhất\s+trí))?)\s+(?:bình\s+chọn|suy\s+tôn)"
                           r"(?![\w])")
# the vote or the scoring that a bare place ("xếp thứ nhất") is a result of, earlier in its
# sentence
# ("chấm chéo": the units scoring each other)
_SCORED = re.compile(r"(?<![\w])(?:[Bb]ình\s+xét|[Cc]hấm\s+(?:điểm|chéo)|[Bb]ình\s+chọn)(?![\w])")
_LEADING = first_char_led(_LEADING, "dđx")
_LEADING_LEAD = re.compile(
    # "cho X, đơn vị dẫn đầu cụm năm 2012": the unit the apposition describes
    r"(?:,[ \t]*(?=đơn\s+vị\s+$))?"
    r"(?:(?:đã|đều|được|vinh\s+dự)\s+)*"
    # "X được Khối bình chọn là đơn vị dẫn đầu": the voter after "được"
    r"(?:(?<=được )(?:[Cc]ụm|[Kk]hối|các\s+đơn\s+vị)\s+)?"
    r"(?:(?:bình\s+xét|bình\s+chọn|suy\s+tôn|công\s+nhận|"
    r"xếp|chọn)\s+)?(?:là\s+)?(?:(?P<n>một|01|\d|hai|ba|bốn)\s+(?P<of>trong\s+\S+\s+)?)?"
    r"(?:đơn\s+vị|tập\s+thể)"
    r"\s+$|(?:(?:đã|đều|được|vinh\s+dự)\s+)+$"
    # "X được (các đơn vị trong Khối) suy tôn dẫn đầu": the vote, maybe its voters before it
    r"|(?:(?:đã|đều|vinh\s+dự)\s+)*được\s+(?:(?:(?:các|những)\s+(?:đơn\s+vị|thành\s+viên)"
    r"(?:\s+(?:trong|của)\s+(?:[Cc]ụm|[Kk]hối))?|[Cc]ụm|[Kk]hối)\s+)?"  # "được Khối suy tôn"
    r"(?:bình\s+xét|bình\s+chọn|suy\s+tôn)\s+$"
)
# bare places opening the clause of a ranking, maybe ranked together ("đồng xếp thứ hai")
_RANKED_PLACES = re.compile(
    r"(?:^|[,;:(\n]|(?<![\w])(?:thấy|còn|thì|khi|nơi))[ \t]*"
    rf"(?P<list>{PLACE_RUN})"
    r"[ \t]+(?:(?:đều|cùng|đồng)[ \t]+)?$")


def _ranked_places(doc: Doc, at: int) -> list[Unit]:
    """The bare places (each one a place name) that open the clause ranked at `at`."""
    m = _RANKED_PLACES.search(doc.canon, max(0, at - 120), at)
    return [] if m is None else place_units(doc, m.start("list"), m.end("list"))


PRIZE = (r"(?:[Gg]iải\s+(?:[Nn]hất|[Nn]hì|[Bb]a|[Tt]ư|[Kk]huyến\s+khích|[Đđ]ặc\s+biệt|"
         r"[Xx]uất\s+sắc|"
         # "X đạt giải tập thể", "giải toàn đoàn": the prize for a body's team as a whole
         r"[ABC]|[Tt]ập\s+thể|[Tt]oàn\s+đoàn)(?![\w])"
         # a contest's medal: "X giành huy chương vàng", "huy chương bạc thuộc về Y"
         r"|[Hh]uy\s+chương\s+(?:[Vv]àng|[Bb]ạc|[Đđ]ồng)(?![\w]))")
# The three below are "qualifiers* verb award": the verb is searched for, then the
# qualifiers before it are taken (_qualified); a pattern that opens with an optional group is
# tried at every character (5% of a long text's extraction).
_PRIZE_AFTER = re.compile(  # "X đạt giải Nhất", "X xuất sắc giành giải Nhì"
    r"(?:đạt|giành|đoạt|nhận|được\s+trao|đạt\s+được)\s+"
    rf"(?P<award>{PRIZE}(?:\s+(?:toàn\s+đoàn|tập\s+thể))?)"
)
_PRIZE_QUALIFIERS = re.compile(r"(?:(?:đã|xuất\s+sắc|vinh\s+dự)\s+)+$")
_PRIZE_BEFORE = re.compile(  # "giải Nhất thuộc về X", "giải Nhì: X và Y"
    rf"(?P<award>{PRIZE}(?:\s+(?:toàn\s+đoàn|tập\s+thể))?)\s*"
    # "giải Nhì - đồng chí A (Ban X)", "giải Nhất – Chi bộ Y": a dash before the winner; the
    # next prizes of a run may drop the verb: "giải Nhì về B; hai giải Ba về C và D"
    r"(?P<to>thuộc\s+về|được\s+trao\s+cho|về\s+tay|về|:|là|cho|[-–—](?=\s))\s*"
    # "cho các đội: A, B", "cho 2 đơn vị: A và B": the units the colon lists
    r"(?:(?:\d+\s+|các\s+)?(?:đội|đơn\s+vị)(?:\s+thi)?\s*:\s*|(?:các\s+)?(?:đội\s+(?=[A-ZĐ]))?)"
)
_TEAM_WORD_END = re.compile(r"(?<![\w])[Đđ]ội[ \t]+$")
_ELLIPTIC_TO = {"về"}  # (a dash before the winner needs no run)
_DISTINCTION = re.compile(  # "X được công nhận danh hiệu “...”", "X đạt danh hiệu “...”"
    r"(?:công\s+nhận|đạt|giữ\s+vững)\s+(?:đạt\s+)?"
    r"(?P<award>danh\s+hiệu\s+(?:“[^”]{3,80}”|\"[^\"]{3,80}\"))"
)
_DISTINCTION_QUALIFIERS = re.compile(r"(?:(?:đã|vinh\s+dự|được)\s+)+$")
_RECEIVE = re.compile(  # "X (vinh dự) (được) (đón) nhận Cờ thi đua của Y"
    r"(?:đón\s+)?nhận\s+" + AWARD)
_RECEIVE_QUALIFIERS = re.compile(r"(?:(?:đã|vinh\s+dự|được|rất\s+vinh\s+dự)\s+)+$")
_RANKED_LIST = re.compile(  # "bình xét ... có 02 tập thể: A và B"
    r"(?<![\w])(?:bình\s+xét|bình\s+chọn|suy\s+tôn|xếp\s+hạng)(?![\w])[^.;:]{0,80}?"
    r"(?<![\w])(?:\d{1,3}|một|hai|ba|bốn|năm)\s+(?:tập\s+thể|đơn\s+vị)(?:\s+[\w’']+){0,4}\s*:",
    re.IGNORECASE,
)
_RANKED_LIST = first_char_led(_RANKED_LIST, "bsx")
_UNIT_START = re.compile(rf"(?:{ORG_HEAD.pattern}|[Đđ]ội\s+[{UPPER}])")


def _award(award: str, recipient: str, status: str, period: str | None, start: int, end: int,
           doc: Doc) -> dict:
    return {"award": " ".join(award.split()), "giver": None, "recipient": recipient,
            "year_or_period": period, "status": status, "evidence": doc.slice(start, end),
            "start": start, "end": end, "confidence": 0.75}


def _prizes(doc: Doc, context_year: int | None) -> list[dict]:
    """Contest prizes (conferred, or proposed where the clause proposes them) and a unit's
    distinction; the recipient must be a unit written next to the prize."""
    canon = doc.canon
    out = []
    for rx, qualifiers in ((_PRIZE_AFTER, _PRIZE_QUALIFIERS),
                           (_DISTINCTION, _DISTINCTION_QUALIFIERS),
                           (_RECEIVE, _RECEIVE_QUALIFIERS)):
        for start, m in _qualified(rx, qualifiers, canon):
            if doc.in_display(start) or _ROTATING_FLAG.match(canon, m.end("award")) or (
                    _unstated_before(doc, start)):
                continue
            unit = parse_backward(doc, start, strict=True)
            joined = parse_units_backward(doc, start) if unit is None else []
            if len(joined) >= 2 and parse_backward(doc, joined[0].end, strict=True):
                # "A và B được nhận Bằng khen": every unit named, the first opening the clause
                cs, ce = _clause_bounds(doc, start)
                status = "proposed" if _PROPOSE.search(canon, cs, start) else "conferred"
                out.extend(_award(m.group("award"), u.text, status,
                                  _period(canon[cs:ce], context_year), joined[0].start, m.end(),
                                  doc) for u in joined)
                continue
            if unit is None and canon[max(0, start - 1) : start] == " ":
                unit = _team_before(doc, start)
            if unit is None and rx is _PRIZE_AFTER:
                unit = _person_with_body_before(doc, start)
            if unit is None and rx is _PRIZE_AFTER:
                unit = _authors_before(doc, start)
            if unit is None and rx is not _DISTINCTION and m.group("award")[:1] not in "Cc":
                # a flag is a body's: "đồng chí A, Trưởng Ban X nhận Cờ thi đua" is Ban X's
                unit = _person_with_post_before(doc, start)
            if unit is None:
                continue
            cs, ce = _clause_bounds(doc, start)
            status = "proposed" if _PROPOSE.search(canon, cs, start) else "conferred"
            out.append(_award(m.group("award"), unit.text, status,
                              _period(canon[cs:ce], context_year), unit.start, m.end(), doc))
    run_in = -1  # the start of the sentence whose prizes a verb opened
    for m in _PRIZE_BEFORE.finditer(canon):
        if doc.in_display(m.start()):
            continue
        sent = doc.sentence_at(m.start())
        here = sent.start if sent is not None else -2
        if m.group("to") in _ELLIPTIC_TO and here != run_in:
            continue  # "giải Nhì về B" only after "giải Nhất thuộc về A" in its sentence
        if m.group("to") not in _ELLIPTIC_TO:
            run_in = here
        cs, ce = _clause_bounds(doc, m.start())
        units = parse_list(doc, m.end())
        if units and m.group("to") == ":" and _OWN_PRIZE_AFTER.match(canon, units[0].end):
            # "đạt giải toàn đoàn: A giành giải Nhất; B đạt giải Ba": a heading, each item
            # with its own prize (read with its verb)
            continue
        if units:
            # "cho đội A và đội B": the teams after the first unit, each "đội" again
            sep = _ITEM_SEP_AT.match(canon, units[-1].end)
            units += _teams_at(doc, sep.end()) if sep is not None else []
        teams = _teams_at(doc, m.end()) if not units else []
        if not units and not teams and (team := _TEAM_WORD_END.search(canon, m.start(),
                                                                      m.end())) is not None:
            # "hai giải Ba cho đội A và đội B": the teams from the "đội" the prize's words took
            teams = _teams_at(doc, team.start())
        if not units and not teams and m.group("to") != "là":
            # "giải Nhất cho / thuộc về / - đồng chí A (Ban X)": the people it goes to
            teams = _people_at(doc, m.end())
        if not units and not teams and (counted := _COUNTED_OF.match(canon, m.end())):
            # "giải Ba thuộc về 2 giảng viên của Trung tâm Chính trị huyện X": the people
            # counted, with the body they belong to
            body = parse_forward(doc, counted.end())
            if body is not None:
                text = doc.slice(m.end(), body.end)
                teams = [Unit(m.end(), body.end, text, text)]
        for unit in units or teams:
            text, end = unit.text, unit.end
            parent = _PARENT_AFTER.match(canon, end) if units else None
            if parent is not None and parse_forward(doc, parent.start("body")) is not None:
                # "giải Nhất - Chi bộ Phòng X (Đảng bộ Công ty Y)": the body it is part of, as
                # written with it
                text, end = doc.slice(unit.start, parent.end()), parent.end()
            out.append(_award(m.group("award"), text, "conferred",
                              _period(canon[cs:ce], context_year), m.start(), end, doc))
    return out


# a verb of winning right after the unit a prize's colon opens on
_OWN_PRIZE_AFTER = re.compile(r"[ \t]+(?:(?:đã|xuất[ \t]+sắc)[ \t]+)*(?:giành|đạt|đoạt|nhận)"
                              r"(?![\w])")
# people counted, then the body they belong to: "2 giảng viên của Trung tâm X"
_COUNTED_OF = re.compile(r"(?:\d{1,2}|hai|ba|bốn|năm)[ \t]+(?:giảng[ \t]+viên|học[ \t]+viên|"
                         r"thí[ \t]+sinh|cá[ \t]+nhân|đảng[ \t]+viên|cán[ \t]+bộ|"
                         r"báo[ \t]+cáo[ \t]+viên|tác[ \t]+giả)[ \t]+(?:của|thuộc)[ \t]+")
# the body a recipient is part of, in brackets after its name
_PARENT_AFTER = re.compile(rf"[ \t]*\([ \t]*(?P<body>(?:{ORG_HEAD.pattern})[^()\n]{{3,100}})\)")


def _unstated_before(doc: Doc, start: int) -> bool:
    """True when the words right before `start`, in its clause, make what follows a wish, a
    plan or a denial: "X phấn đấu đạt giải Nhất", "X sẽ nhận", "X chưa đạt"."""
    lo = max(0, start - 40)
    comma = doc.canon.rfind(",", lo, start)
    return _NOT_GIVEN.search(doc.canon, max(lo, comma + 1), start) is not None


def _qualified(rx: re.Pattern, qualifiers: re.Pattern,
               text: str) -> Iterator[tuple[int, re.Match]]:
    """The matches of "(qualifier )* rx" in ``text``, each with where its qualifiers start:
    the longest run of them just before, not reaching back into the previous match."""
    previous = 0
    for m in rx.finditer(text):
        run = qualifiers.search(text, max(previous, m.start() - 60), m.start())
        start = run.start() if run else m.start()
        previous = m.end()
        yield start, m


_TEAM = re.compile(rf"[Đđ]ội(?:\s+thi)?\s+(?=[{UPPER}])")
# academic titles before a person's name ("ThS.", "PGS.TS", "TS"), then the name
_ACADEMIC_TITLE = re.compile(rf"(?:(?:PGS|GS|TS|ThS|Ths|NCS)\.?[ \t]*)+(?=[{UPPER}][{LOWER}])")


# a team named by its commune, ward or district ("đội xã Tiên Yên", "Đội phường Móng Cái 1"):
# the team as written, "đội" with it (no body's name follows, the place is the team's)
_PLACE_TEAM = re.compile(rf"[Đđ]ội(?:[ \t]+thi)?[ \t]+(?:phường|xã|đặc[ \t]+khu|thị[ \t]+trấn|"
                         rf"huyện|quận|thị[ \t]+xã|thành[ \t]+phố|tỉnh)[ \t]+(?=[{UPPER}])")


def _place_team_at(doc: Doc, pos: int) -> Unit | None:
    m = _PLACE_TEAM.match(doc.canon, pos)
    unit = parse_forward(doc, m.end(), bare_ok=True, max_tokens=8) if m else None
    if unit is None:
        return None
    return Unit(m.start(), unit.end, doc.slice(m.start(), unit.end),
                doc.slice(m.start(), unit.end))


def _team_at(doc: Doc, pos: int) -> Unit | None:
    """A contest team named after "Đội" ("Đội Ban Tuyên giáo Huyện ủy Tân Hiệp")."""
    m = _TEAM.match(doc.canon, pos)
    if not m:
        return _place_team_at(doc, pos)
    return parse_forward(doc, m.end(), bare_ok=True, max_tokens=10)




def _teams_at(doc: Doc, pos: int, limit: int = 12) -> list[Unit]:
    """Contest teams listed after "đội (thi)": "đội thi Tân Biên và Dương Minh Châu" (the
    items after the first are teams too when each is "đội ..." again or a place's name)."""
    from pbkg.extract import places  # the gazetteer loads on first use only

    first = _team_at(doc, pos)
    if first is None:
        return []
    teams = [first]
    while len(teams) < limit:
        sep = _ITEM_SEP_AT.match(doc.canon, teams[-1].end)
        if sep is None:
            break
        nxt = _team_at(doc, sep.end())
        if nxt is None:
            nxt = parse_forward(doc, sep.end(), bare_ok=True, max_tokens=5)
            if nxt is None or not places.is_place_name(nxt.text):
                break
        teams.append(nxt)
    return teams


# "đồng chí A (Ban X Huyện ủy Y) đoạt giải Nhì": a person, marked by an honorific or an academic
# title, with the body he or she works in
_PERSON_WITH_BODY = re.compile(
    rf"(?:(?<![\w])(?:[Đđ]ồng[ \t]+chí|[Ôô]ng|[Bb]à|[Tt]ác[ \t]+giả|[Tt]hí[ \t]+sinh|"
    rf"[Gg]iảng[ \t]+viên|[Hh]ọc[ \t]+viên|[Vv]ận[ \t]+động[ \t]+viên)|(?:ThS|TS|PGS|GS)\.?)"
    r"[ \t]+"
    rf"(?P<name>[{UPPER}][{LOWER}]*(?:[ \t]+[{UPPER}][{LOWER}]*){{1,4}})[ \t]*\([^()\n]{{3,80}}\)"
    r"[ \t]*$")


_FROM_PLACE = re.compile(rf"(?:huyện|tỉnh|thành[ \t]+phố|thị[ \t]+xã|quận|xã|phường)[ \t]+"
                         rf"[{UPPER}][{LOWER}]*(?:[ \t]+[{UPPER}][{LOWER}]*){{0,3}}")


def _person_with_body_before(doc: Doc, end: int) -> Unit | None:
    m = _PERSON_WITH_BODY.search(doc.canon, max(0, end - 140), end)
    if m is None or ORG_HEAD.match(doc.canon, m.start("name")):
        return None
    body = doc.canon[m.end("name") : end].strip(" \t()")
    # the brackets hold the body, or the place the person is from ("tác giả A (huyện Y)"), not
    # a note
    if not ORG_HEAD.match(body) and not _FROM_PLACE.fullmatch(body):
        return None
    s, e = m.span("name")
    return Unit(s, e, doc.slice(s, e), doc.slice(s, e))


# "tác phẩm của nhóm tác giả Ban X đạt giải B": a work's prize is its authors', named by their body
_WORK_OF = re.compile(r"(?:tác[ \t]+phẩm|bài[ \t]+viết|công[ \t]+trình|bài[ \t]+báo)[ \t]+"
                      rf"của[ \t]+(?P<who>(?:nhóm[ \t]+)?tác[ \t]+giả[ \t]+)(?=[{UPPER}])")


def _authors_before(doc: Doc, end: int) -> Unit | None:
    """The authors of a work, "(nhóm) tác giả" and their body, ending right before `end`."""
    m = next(iter(list(_WORK_OF.finditer(doc.canon, max(0, end - 120), end))[-1:]), None)
    if m is None:
        return None
    body = parse_forward(doc, m.end())
    if body is None or doc.canon[body.end : end].strip():
        return None
    text = doc.slice(m.start("who"), body.end)
    return Unit(m.start("who"), body.end, text, text)


_NOTE_AFTER = re.compile(r"[ \t]*\([^()\n]{3,80}\)")
_PEOPLE_END = re.compile(r"[ \t]*(?:[;.,\n]|$)")


def _people_at(doc: Doc, pos: int, limit: int = 12) -> list[Unit]:
    """People a prize is given to, each maybe with the body in brackets after the name: "giải
    Nhì cho A (Trung tâm X) và B (Trung tâm Y)"; [] unless the names are the clause's rest."""
    from pbkg.extract import places  # the gazetteer loads on first use only

    canon = doc.canon
    people: list[Unit] = []
    while len(people) < limit:
        for rx in (_RECIPIENT_NOUN, _ACADEMIC_TITLE):
            lead = rx.match(canon, pos)
            pos = lead.end() if lead else pos
        m = PERSON.match(canon, pos)
        if m is None or ORG_HEAD.match(canon, pos) or places.is_place_name(m.group()):
            return []
        people.append(Unit(m.start(), m.end(), m.group(), m.group()))
        note = _NOTE_AFTER.match(canon, m.end())
        end = note.end() if note else m.end()
        sep = _ITEM_SEP_AT.match(canon, end)
        if sep is None or PERSON.match(canon, sep.end()) is None and not (
                _RECIPIENT_NOUN.match(canon, sep.end())
                # "... và ThS. B (Trường Y)": each name after its academic title
                or _ACADEMIC_TITLE.match(canon, sep.end())):
            return people if _PEOPLE_END.match(canon, end) else []
        pos = sep.end()
    return people


# "Đồng chí A, Phó Bí thư Đảng ủy X vinh dự đón nhận Huân chương ...": a person, marked by an
# honorific, with the posts held written after the name (the person receives, not the body)
_PERSON_WITH_POST = re.compile(
    rf"(?<![\w])(?:[Đđ]ồng[ \t]+chí|[Ôô]ng|[Bb]à)[ \t]+"
    rf"(?P<name>[{UPPER}][{LOWER}]*(?:[ \t]+[{UPPER}][{LOWER}]*){{1,4}})"
    # the posts maybe closed by a comma: "đồng chí A, Bí thư Chi bộ X, đạt giải Nhất"
    rf"(?:[ \t]*,[ \t]*(?i:{TITLE.pattern})[^,;.()\n]{{0,80}}?){{1,3}}[ \t]*,?[ \t]*$")
_ON_BEHALF = re.compile(r"(?<![\w])(?:thay[ \t]+mặt|đại[ \t]+diện)(?![\w])", re.IGNORECASE)


def _person_with_post_before(doc: Doc, end: int) -> Unit | None:
    lo = max(0, end - 300)
    m = _PERSON_WITH_POST.search(doc.canon, lo, end)
    if m is None or _ON_BEHALF.search(doc.canon, m.start(), end):
        return None  # "đồng chí A, Chánh Văn phòng, thay mặt tập thể nhận": the body's award
    s, e = m.span("name")
    return Unit(s, e, doc.slice(s, e), doc.slice(s, e))


def _team_before(doc: Doc, end: int) -> Unit | None:
    lo = max(0, end - 100)
    for m in _TEAM.finditer(doc.canon, lo, end):
        unit = parse_forward(doc, m.end(), bare_ok=True, max_tokens=10)
        if unit and unit.end == end - 1:
            return unit
    for m in _PLACE_TEAM.finditer(doc.canon, lo, end):  # "Đội phường X nhận giải Phong cách"
        unit = _place_team_at(doc, m.start())
        if unit and unit.end == end - 1:
            return unit
    return None


def _ranked_lists(doc: Doc, context_year: int | None) -> list[dict]:
    """Units listed as placed by the cluster's vote ("Kết quả bình xét thi đua có 02 tập thể:
    A và B"): rankings, each unit as written."""
    canon = doc.canon
    out = []
    for m in _RANKED_LIST.finditer(canon):
        if doc.in_display(m.start()) or _NOT_GIVEN.search(m.group(0)):
            continue  # "Kết quả bình xét dự kiến có 2 đơn vị: ...": not yet a ranking
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        found = enumerations.parse(doc, m.end(), sent.end)
        if found is None and (unit := parse_forward(doc, m.end())) is not None:
            items = [(unit.text, unit.start, unit.end)]
        else:
            items = found.items if found else []
        for text, _, e in items:
            if not _UNIT_START.match(text):
                continue
            out.append(_award("bình xét thi đua", text, "ranking",
                              _period(canon[sent.start : sent.end], context_year),
                              sent.start if m.start() - sent.start < 80 else m.start(), e, doc))
    return out


# a placing written as a line of its own under the scoring's heading: "Kết quả chấm điểm, xếp
# hạng thi đua năm 2022:" then "- Hạng Nhất: UBKT Huyện ủy A (97,5 điểm);", "- Xếp thứ hai: B"
_PLACING_LINE = re.compile(r"\n[ \t]*(?:[-–—•*+][ \t]*)?(?P<award>(?:[Hh]ạng|[Xx]ếp[ \t]+thứ)[ \t]+"
                           r"(?:[Nn]hất|[Nn]hì|[Hh]ai|[Bb]a|[Tt]ư))[ \t]*:[ \t]*")
_PLACING_HEADING = re.compile(r"(?<![\w])(?:[Bb]ình\s+xét|[Cc]hấm\s+điểm|[Bb]ình\s+chọn|"
                              r"[Xx]ếp\s+hạng)(?![\w])[^\n]*:[ \t]*$")
_PLACING_END = re.compile(r"[ \t]*(?:\(|[;.,]|\n|$)")


def _placing_lines(doc: Doc, context_year: int | None) -> list[dict]:
    """Units placed line by line under a heading of the cluster's scoring: rankings, each
    unit as written; the heading's year is theirs."""
    canon = doc.canon
    out = []
    heading: str | None = None  # the heading of the run of placing lines going on
    run_end = -1
    for m in _PLACING_LINE.finditer(canon):
        if m.start() != run_end:  # a new run: its heading is the line right before it
            lo = canon.rfind("\n", max(0, m.start() - 200), m.start()) + 1
            line = canon[lo : m.start()] if lo > 0 else ""
            heading = line if _PLACING_HEADING.search(line) and not _NOT_GIVEN.search(
                line) else None
        unit = parse_forward(doc, m.end())
        end = _PLACING_END.match(canon, unit.end) if unit is not None else None
        nl = canon.find("\n", m.end())
        run_end = nl if nl != -1 else len(canon)
        if heading is None or end is None or doc.in_display(m.start()):
            continue
        out.append(_award(m.group("award"), unit.text, "ranking",
                          _period(heading, context_year), m.start("award"), unit.end, doc))
    return out


# -- recipients that name no unit ---------------------------------------------------------

# "cho đơn vị này", "cho hai đơn vị này", "cho các đơn vị trên": the units just named
_ANAPHOR = re.compile(r"(?:(?P<n>\d{1,2}|hai|ba|bốn|năm|cả\s+hai|các|những)\s+)?"
                      r"(?:đơn\s+vị|tập\s+thể|cơ\s+quan)\s+(?:này|trên|nói\s+trên|kể\s+trên|đó|ấy)",
                      re.IGNORECASE)
# "cho đơn vị dẫn đầu", "cho các tập thể xuất sắc", "cho các đội thi", "cho những cán bộ đủ
# tiêu chuẩn": a description, no unit or person named
_DESCRIPTION = re.compile(r"(?:(?:các|những)\s+)?(?:đơn\s+vị|tập\s+thể|cơ\s+quan|đội|cán\s+bộ|"
                          r"cá\s+nhân|thí\s+sinh|đảng\s+viên|"
                          # "cho các tổ chức cơ sở đảng", "cho các chi bộ": party organizations
                          r"tổ\s+chức(?:\s+cơ\s+sở)?\s+đảng|đảng\s+bộ|chi\s+bộ)(?:\s+[\w’']+)*")


_CLUSTER_WORD = re.compile(r"(?<![\w])(?:Cụm|Khối)(?![\w])")


def _resolve_anaphors(doc: Doc, awards: list[dict]) -> list[dict]:
    """An anaphoric recipient becomes the units of the latest fact before it in its sentence or
    the one before (as many as the anaphor counts); a recipient that is a description with no
    unit named ("đơn vị dẫn đầu") or an anaphor with no such antecedent gives no award."""
    named = sorted((b for b in awards if not _ANAPHOR.fullmatch(b["recipient"])
                    and not _DESCRIPTION.fullmatch(b["recipient"])), key=lambda b: b["end"])
    ends = [b["end"] for b in named]
    out = []
    for a in awards:
        rec = a["recipient"]
        ana = _ANAPHOR.fullmatch(rec)
        if ana is None:
            if _DESCRIPTION.fullmatch(rec) and not any(
                    ch.isupper() for ch in _CLUSTER_WORD.sub("", rec)):
                continue  # (the cluster's own word names no one: "cho đơn vị dẫn đầu Cụm")
            out.append(a)
            continue
        group = _antecedents(doc, a, named, ends)
        n = " ".join((ana.group("n") or "").lower().split())
        if n in ("các", "những"):
            want = len(group) if len(group) > 1 else -1
        else:  # "năm" is five here: "năm đơn vị này" names no year
            want = {"": 1, "cả hai": 2, "năm": 5}.get(n) or enumerations.count_value(n)
        if not group or want != len(group):
            continue  # "cho hai đơn vị này" after one unit named: whose is not said
        out.extend({**a, "recipient": r} for r in group)
    return out


_ANTECEDENTS_LOOKED_AT = 50  # awards looked at back from an anaphor: linear on any text


def _antecedents(doc: Doc, anaphor: dict, named: list[dict], ends: list[int]) -> list[str]:
    """The recipients of the awards ending last before `anaphor`, within its sentence and the
    one before (`named`: the awards that name their recipient, by end; `ends`: their ends)."""
    sent = doc.sentence_at(anaphor["start"])
    lo = sent.start if sent else anaphor["start"]
    prev = doc.sentence_at(lo - 2) if lo >= 2 else None
    lo = prev.start if prev else lo
    last, group = None, []
    i = bisect.bisect_right(ends, anaphor["start"]) - 1
    for b in named[max(0, i - _ANTECEDENTS_LOOKED_AT + 1) : i + 1][::-1]:
        if b["end"] < lo or (last is not None and b["end"] != last):
            break
        if b["start"] >= lo:
            last = b["end"]
            group.append(b["recipient"])
    return list(dict.fromkeys(reversed(group)))
