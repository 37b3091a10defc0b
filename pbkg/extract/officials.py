"""People and their positions: "đồng chí Ngô Đông Hải, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy
Thái Bình", "Ông Trần Mạnh Dũng - Trưởng ban Dân vận Tỉnh ủy", lists after "các đồng chí:"
separated by ";", and a title before the name ("Phó Bí thư Thường trực Tỉnh ủy Phạm Hùng Thái").
A name needs a known surname and a position next to it; place names are not people."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pbkg.extract import gazetteer as gz
from pbkg.extract import places
from pbkg.extract.doc import Doc, Spans
from pbkg.extract.patterns import (
    ACADEMIC,
    CONFERENCE_VERB,
    HONORIFIC,
    NAME_ANY,
    NAME_STOP,
    ORG_HEAD,
    PERSON,
    POSITION_STOP,
    ROLE,
    TITLE,
    UPPER,
    norm_key,
)
from pbkg.extract.units import is_capitalized, parse_forward

_ABBR_BEFORE = re.compile(r"(?<![\w’'])[A-ZĐ]{2,8}[ \t]+$")
# a photo caption's note of where the person stands comes between the name and the post:
# "Đồng chí A (thứ hai từ trái sang), Trưởng Ban ..."
_AFTER_NAME = re.compile(r"[ \t]*(?:\((?:thứ|đứng|ngồi|người|bìa|giữa|trái|phải)[^()\n]{0,40}\)"
                         r"[ \t]*)?(?:,|[-–—]|:|\()[ \t]*")
# "." ends the posts, but not the "Q." of an acting head ("Q. Trưởng ban"), nor the dot of an
# abbreviation a name follows with no space ("Thành ủy TP.Hồ Chí Minh", "TX.Phú Mỹ")
_POS_END = re.compile(rf"[;:()\n“”\"!?]|(?<![ \t,(]Q)\.(?![{UPPER}])")
_POS_SPLIT = re.compile(r"[ \t]*,[ \t]*|[ \t]+[-–—][ \t]+|[ \t]*[-–—][ \t]*(?=[A-ZĐ])")
_BACK_BOUNDARY = re.compile(r"[,;:.()\n“”\"!?]|(?<![\w])(?:có|dự|của|và|cùng|với)(?![\w])")
_PLACES = {norm_key(p) for p in gz.PROVINCES}
_PRE_PLACE = re.compile(
    r"(?:tỉnh|thành\s+phố|TP\.?|huyện|quận|phường|xã|thị\s+xã|thị\s+trấn|huyện\s+ủy|quận\s+ủy|"
    r"thị\s+ủy)\s*$",
    re.IGNORECASE,
)


@dataclass
class OfficialMention:
    name: str
    name_start: int
    name_end: int
    positions: list[tuple[int, int]] = field(default_factory=list)
    start: int = 0
    end: int = 0
    title_first: bool = False
    shared: bool = False  # the post is written after the next person's name ("A và B, Title")
    signed: bool = False  # a signature block's: its post is the signer's, in no year it says

    def position_texts(self, doc: Doc) -> list[str]:
        return [doc.slice(s, e) for s, e in self.positions]


def _is_place(doc: Doc, name: str, start: int) -> bool:
    """True when `name` opens with a province or district of either generation ("Châu Thành",
    "Hà Tiên": the gazetteer, not a hand list), is a commune's whole name, or follows a level
    word ("huyện", "Huyện ủy")."""
    words = name.split()
    for n in range(len(words), 1, -1):
        if norm_key(" ".join(words[:n])) in _PLACES or _REGION_KINDS & places.kinds(
                " ".join(words[:n])):
            return True
    if len(words) <= 2 and places.is_place(name):
        return True
    return bool(_PRE_PLACE.search(doc.canon[max(0, start - 20) : start]))


_LOW_LEVEL_BEFORE = re.compile(r"(?<![\w])(?:phường|xã|thị\s+trấn)[ \t]+$")
_REGION_KINDS = frozenset({places.PROVINCE, places.DISTRICT})


_CLAUSE_LEAD = re.compile(r"(?:^|(?<=[,;:.()\n“”\"]))[ \t]*|(?<![\w])(?:tại|ở|của|với|cho)[ \t]+")


def _inside_body_name(doc: Doc, start: int) -> bool:
    """True when the clause before `start` is a body's name that the name ends ("tại Trường
    Chính trị Nguyễn Văn Cừ")."""
    canon = doc.canon
    lo = max(0, start - 80)
    cut = lo
    for b in re.finditer(r"[,;:.()\n“”\"]", canon[lo:start]):
        cut = lo + b.end()
    for lead in _CLAUSE_LEAD.finditer(canon, cut, start):
        p = lead.end()
        if ORG_HEAD.match(canon, p) and not TITLE.match(canon, p) and not NAME_STOP.search(
                canon, p, start):
            return True
    return False


def _preceded_by_capital(doc: Doc, start: int) -> bool:
    before = doc.canon[max(0, start - 30) : start]
    if HONORIFIC.search(before):
        return False
    m = re.search(r"([\w’'.]+)[ \t]+$", before)
    return bool(m and is_capitalized(m.group(1)) and not ACADEMIC.match(m.group(1)))


def _positions(doc: Doc, start: int) -> tuple[list[tuple[int, int]], int]:
    """Split the run of positions starting at `start` into spans; return them and the end."""
    canon = doc.canon
    limit = min(len(canon), start + 400)
    end = limit
    punct = _POS_END.search(canon, start, limit)
    if punct:
        end = punct.start()
    verb = _CAP_VERB.search(canon, start, end)  # "cụm trưởng cụm thi đua số 2 Phát biểu"
    if verb:
        end = verb.start()
    # stop words end the run, but not inside the title that opens a position
    p = start
    spans: list[tuple[int, int]] = []
    seg_start = start
    while p < end:
        stop = POSITION_STOP.search(canon, p, end)
        if stop is None:
            break
        # a stop word directly after a comma opening a new position is no stop ("Trưởng")
        title = TITLE.match(canon, stop.start())
        role = ROLE.match(canon, stop.start())
        if (title or role) and re.search(r"(?:,|[-–])\s*$", canon[seg_start : stop.start()]):
            p = stop.end()
            continue
        if any(h.start() < stop.start() and h.end() > stop.end() for h in ORG_HEAD.finditer(
                canon, max(start, stop.start() - 40), min(end, stop.end() + 40))):
            p = stop.end()  # "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy": inside a body's name
            continue
        end = stop.start()
        break
    # the next person of a list ends the run: "A - Title, B - Title"; so does a clause after a
    # comma that opens with a lower-case word and no post ("..., đồng thời là", "..., năm nay")
    for sep in re.finditer(r"[ \t]*[,;][ \t]*", canon[start:end]):
        q = start + sep.end()
        if canon[q : q + 1].islower() and not TITLE.match(canon, q) and not ROLE.match(canon, q):
            end = start + sep.start()
            break
        nxt = PERSON.match(canon, q)
        if nxt:
            after = _AFTER_NAME.match(canon, nxt.end())
            if after and TITLE.match(canon, after.end()):
                end = start + sep.start()
                break
    # split at separators followed by a title or a role
    cut_points = [start]
    for sep in _POS_SPLIT.finditer(canon, start, end):
        nxt = sep.end()
        if TITLE.match(canon, nxt) or ROLE.match(canon, nxt):
            cut_points.append(sep.start())
            cut_points.append(nxt)
    cut_points.append(end)
    for i in range(0, len(cut_points) - 1, 2):
        s, e = doc.trimmed(cut_points[i], cut_points[i + 1])
        while e > s and doc.text[e - 1] in "-–—":
            s, e = doc.trimmed(s, e - 1)
        if e > s:
            spans.append((s, e))
    # a bare title joined to the next by a dash is one position ("Giám đốc - Tổng Biên tập ...")
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and TITLE.fullmatch(doc.canon[merged[-1][0] : merged[-1][1]]) and re.fullmatch(
            r"[ \t]*[-–—][ \t]*", doc.canon[merged[-1][1] : s]
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    spans = merged
    if not spans:
        return [], start
    return spans, spans[-1][1]


_CAP_VERB = re.compile(rf"(?<=[ \t])(?=[{UPPER}]){CONFERENCE_VERB}")
_LEAD_HONORIFIC = re.compile(r"(?:đồng\s+chí|đ/c|ông|bà)[ \t]+", re.IGNORECASE)
_BODY_WORD = re.compile(r"(?:ủy|Ban|Trung\s+ương|Đảng|tỉnh|Vụ|Sở|HĐND|UBND|Trung\s+tâm|Trường|"
                        r"Báo|Hội|Văn\s+phòng|đoàn|BTC|BTG|BDV|UBKT|Học\s+viện)")


def _clause_start(doc: Doc, end: int) -> int:
    canon = doc.canon
    lo = max(0, end - 120)
    cut = 0
    for b in _BACK_BOUNDARY.finditer(canon, lo, end):
        cut = b.end() - lo
    s = lo + cut
    while s < end and canon[s] in " \t":
        s += 1
    return s


def _position_clause(doc: Doc, s: int, end: int) -> tuple[int, int] | None:
    """[s, end) as one position: a title, a body word, no verb."""
    canon = doc.canon
    if not TITLE.match(canon, s) or end - s < 4 or POSITION_STOP.search(canon, s, end):
        return None
    if not _BODY_WORD.search(canon, s, end):
        return None
    ps, pe = doc.trimmed(s, end)
    return (ps, pe) if pe > ps else None


_PARENT_BEFORE = re.compile(r"[ \t]*\((?P<body>[^()\n]{3,60})(?P<close>\))[ \t]*$")


def _title_before(doc: Doc, name_start: int, n_words: int) -> tuple[int, int] | None:
    """The position written before a name: "Phó Bí thư Thường trực Tỉnh ủy Phạm Hùng Thái",
    "Đồng chí Bí thư Huyện ủy Nguyễn Văn An", "Trưởng Ban Tổ chức Tỉnh ủy, đồng chí Nguyễn
    Văn An", "Hiệu trưởng Trường Chính trị tỉnh Hà Nam, TS. Lê Thị Hoa" (the post, a comma, an
    honorific or academic title, the name)."""
    canon = doc.canon
    hon = HONORIFIC.search(canon, max(0, name_start - 30), name_start)
    if hon:
        # only an honorific before the name: the post may be the clause before the comma
        q = hon.start()
        while q > 0 and canon[q - 1] in " \t":
            q -= 1
        if q > 0 and canon[q - 1] in ",-–—":  # "Trưởng Ban X, đồng chí A", "... – đồng chí A"
            return _position_clause(doc, _clause_start(doc, q - 1), q - 1)
    parent = None if hon else _PARENT_BEFORE.search(canon, max(0, name_start - 72), name_start)
    if parent and ORG_HEAD.match(canon, parent.start("body")):
        # "Vụ trưởng Vụ Địa phương II (Ban Tổ chức Trung ương) Cao Hoàng Sơn": the post, the
        # body it belongs to in brackets, the name
        s = _clause_start(doc, parent.start())
        lead = _LEAD_HONORIFIC.match(canon, s)
        span = _position_clause(doc, lead.end() if lead else s, parent.start())
        return (span[0], parent.end("close")) if span and n_words >= 2 else None
    s = _clause_start(doc, hon.start() if hon else name_start)
    lead = _LEAD_HONORIFIC.match(canon, s)
    if lead:
        s = lead.end()
    if n_words < 2:
        return None
    return _position_clause(doc, s, hon.start() if hon else name_start)


def _place_before(doc: Doc, name_start: int) -> bool:
    """True when the capitalized words just before a name are a place or a numbered unit
    ("Huyện ủy Tân Hiệp", "Quận ủy Quận 1"), so the name follows a body's full name."""
    canon = doc.canon
    word = rf"(?:[{UPPER}][\w’']*|\d{{1,3}})"
    run = re.search(rf"({word}(?:[ \t]+{word}){{0,3}})[ \t]+$",
                    canon[max(0, name_start - 40) : name_start])
    if not run:
        return False
    words = run.group(1).split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if re.fullmatch(r"(?:Quận|Phường)[ \t]+\d{1,3}", tail) or (
                len(words) - i >= 1 and places.is_place(tail)):
            return True
    return False


# bodies named after a person: the name right after them is theirs, not a person's
_NAMED_BODY_BEFORE = re.compile(
    r"(?<![\w])(?:Trường(?:[ \t]+(?:Chính[ \t]+trị|Đại[ \t]+học|Cao[ \t]+đẳng|THPT|THCS|"
    r"Trung[ \t]+cấp))?|Học[ \t]+viện(?:[ \t]+Chính[ \t]+trị)?)[ \t]+$")


# Ede and Jrai names open with "Y" (men) or "H'" (women): "Y Thanh Hà Niê Kđăm", "H'Yim Kđoh"
_EDE_OPENING = re.compile(
    rf"(?<![\w’'])(?:Y|H[’'][{UPPER}][\w]*)(?:[ \t]+[{UPPER}][\w’']*){{0,2}}[ \t]+$")


def _after_place_word(doc: Doc, m: re.Match[str]) -> int:
    """Where the name of match `m` starts when its first word ends the place that ends a post
    written before it: "Trưởng ban Dân vận Tỉnh ủy Sơn La Lò Văn Mừng" matches "La Lò Văn
    Mừng" ("La" is a surname too); the name is "Lò Văn Mừng"."""
    canon = doc.canon
    prev = re.search(r"([\w’']+)[ \t]+$", canon[max(0, m.start() - 20) : m.start()])
    if not prev or not prev.group(1)[:1].isupper():
        return m.start()
    words = list(re.finditer(r"\S+", canon[m.start() : m.end()]))
    for k in (1, 2):
        if len(words) - k < 2:
            break
        place = prev.group(1) + " " + " ".join(w.group() for w in words[:k])
        q = m.start() + words[k].start()
        if places.is_place_name(place) and (nxt := PERSON.match(canon, q)) and nxt.end() == m.end():
            return q
    return m.start()


_COMMITTEE_BEFORE = re.compile(r"(?:(?:Tỉnh|Thành|Huyện|Quận|Thị)[ \t]+ủy|tỉnh|thành[ \t]+phố|"
                               r"huyện|quận)[ \t]+$")


def _after_opening_place(doc: Doc, start: int, end: int) -> int:
    """Where the name starts when the words matched open with the place that ends a body's
    name: "Bí thư Tỉnh ủy Hà Nam Trần Văn Bình" is "Trần Văn Bình" ("Hà" is a surname too).
    Only after a committee or level word, and when a whole name of two words or more follows."""
    canon = doc.canon
    if not _COMMITTEE_BEFORE.search(canon, max(0, start - 16), start):
        return start
    words = list(re.finditer(r"\S+", canon[start:end]))
    for k in (3, 2, 1):
        if len(words) - k < 2:
            continue
        place = canon[start : start + words[k - 1].end()]
        q = start + words[k].start()
        if places.is_place_name(place) and (nxt := PERSON.match(canon, q)) and nxt.end() == end:
            return q
    return start


def find_official_mentions(doc: Doc) -> list[OfficialMention]:
    canon = doc.canon
    out: list[OfficialMention] = []
    bare: list[tuple[str, int, int]] = []  # names with no post of their own
    for m in PERSON.finditer(canon):
        if doc.in_display(m.start()):
            continue
        name_start = _after_place_word(doc, m)
        name_start = _after_opening_place(doc, name_start, m.end())
        surname = _SURNAME_AFTER_COMRADE.search(canon, max(0, name_start - 24), name_start)
        if surname:  # "Đồng chí Ông Văn Lành": after "đồng chí", "Ông" is the surname
            name_start = surname.start("sur")
        ede = _EDE_OPENING.search(canon, max(0, name_start - 30), name_start)
        if ede:  # "Bí thư Tỉnh ủy Y Thanh Hà Niê Kđăm": the name opens with "Y" / "H'"
            name_start = ede.start()
        name = doc.slice(name_start, m.end())
        words = name.split()
        # a title word captured at the end of the name ("Nguyễn Văn A Trưởng") is not a name
        while len(words) > 2 and TITLE.fullmatch(words[-1]):
            words.pop()
        name = " ".join(words)
        name_end = name_start + len(name)
        # the post written before the name, looked for once and only when needed
        titled = functools.cache(functools.partial(_title_before, doc, name_start, len(words)))

        if _is_place(doc, name, name_start) and not (
                (titled() or _honoured_and_posted(doc, name_start, name_end))
                and not places.is_place(name) and norm_key(name) not in _PLACES):
            continue
        if len(words) == 2 and _LOW_LEVEL_BEFORE.search(canon, max(0, name_start - 12),
                                                        name_start):
            continue  # "Trưởng Ban Xây dựng Đảng Đảng ủy phường Lâm Viên": a ward, no one
        # a capitalized word before the name: part of a body's name ("Trường Chính trị
        # Nguyễn Văn Cừ"), unless it is an abbreviation that ends a title ("Thành ủy TPHCM")
        # or the place that ends one ("Trưởng Ban Tuyên giáo Huyện ủy Tân Hiệp Nguyễn Văn An")
        prev = _preceded_by_capital(doc, name_start)
        if prev and titled() and _place_before(doc, name_start):
            prev = False  # the body's name ends with a place: the name is a person's
        if prev and not _ABBR_BEFORE.search(canon, max(0, name_start - 12), name_start):
            continue
        if not prev and _inside_body_name(doc, name_start):
            continue
        if _NAMED_BODY_BEFORE.search(canon, max(0, name_start - 40), name_start):
            continue  # "Hiệu trưởng Trường Chính trị Tôn Đức Thắng": the school's name
        inner = _post_inside(doc, name_start, m.end())
        if inner is not None:  # "đồng chí Nguyễn Văn An Phó Bí thư Huyện ủy": no comma between
            name_end = doc.trimmed(name_start, inner)[1]
            name = doc.slice(name_start, name_end)
        after = (_AFTER_NAME.match(canon, name_end) or _post_next(doc, name_start, name_end)
                 or (_SPACES.match(canon, name_end) if inner is not None else None))
        if not prev and after and (TITLE.match(canon, after.end())
                                   or ROLE.match(canon, after.end())):
            spans, end = _positions(doc, after.end())
            if spans:
                start = name_start
                hon = HONORIFIC.search(canon[max(0, start - 12) : start])
                if hon:
                    start = max(0, start - 12) + hon.start()
                # a post before the name too: "Phó Trưởng Ban X Nguyễn Văn An, Trưởng Khối"
                if (span := titled()) is not None and not prev:
                    spans, start = [span, *spans], min(start, span[0])
                out.append(OfficialMention(name, name_start, name_end, spans, start, end))
                continue
        if (span := titled()) is not None:
            ps, pe = span
            out.append(OfficialMention(name, name_start, name_end, [(ps, pe)], ps, name_end, True))
        elif not prev and (body := _body_in_brackets(doc, name_start, name_end)) is not None:
            # "đồng chí A (Ban Tuyên giáo Huyện ủy X)", "ThS. A (Trường Chính trị Y)": a person
            # named with the body he or she works in, no post
            out.append(OfficialMention(name, name_start, name_end, [body], name_start,
                                       body[1] + 1))
        else:
            bare.append((name, name_start, name_end))
    out.extend(_names_by_context(doc, out))
    out.extend(_shared_posts(doc, bare, out))
    out.extend(_signatures(doc))
    return out


# a signed document's signature block: the post's lines, "(đã ký)", the signer's name on a line
# of its own ("KHỐI TRƯỞNG / Phó Trưởng Ban Tổ chức Tỉnh ủy / (đã ký) / Lê Văn An"); a line
# that signs on someone's behalf ("T/M Ban Thường vụ", "KT. Chủ tịch", "TL.", "TUQ.") is
# whose the signature is, not the signer's post, and ends the post's lines
_SIGNED = re.compile(r"^[ \t]*\([ \t]*(?:đã[ \t]+)?ký(?:[ \t]+và[ \t]+đóng[ \t]+dấu)?[ \t]*\)"
                     r"[ \t]*$", re.IGNORECASE | re.MULTILINE)
_ON_BEHALF = re.compile(r"[ \t]*(?:T/M|TM\.|KT\.|K/T|TL\.|T/L|TUQ\.|Q\.[ \t]*T/M)", re.IGNORECASE)
_SIGNER = re.compile(r"[ \t]*(?:(?:TS|ThS|PGS\.[ \t]*TS|GS\.[ \t]*TS|CN|KS|BS)\.[ \t]*)?"
                     rf"(?P<name>{PERSON.pattern})[ \t]*$")
# "Người ký: Lê Văn An | Chức vụ: Phó Chủ tịch ...": a document's record on a portal
_SIGNER_FIELD = re.compile(rf"(?<![\w])Người[ \t]+ký[ \t]*:[ \t]*(?P<name>{PERSON.pattern})"
                           r"[ \t]*\|[ \t]*Chức[ \t]+vụ[ \t]*:[ \t]*(?P<post>[^|\n]{3,150}?)"
                           r"[ \t]*(?=\||$)", re.MULTILINE)
_MAX_POST_LINES = 3


def _post_line(canon: str, start: int, end: int) -> bool:
    """True when the line [start, end) is a post: a title or a cluster's role opening it."""
    line = canon[start:end].strip()
    if not line or len(line) > 120 or _ON_BEHALF.match(line):
        return False
    return bool(TITLE.match(line) or ROLE.match(line))


def _signatures(doc: Doc) -> list[OfficialMention]:
    """The signers of a signed document: the name on the line after "(đã ký)", the post the
    lines right above it give (at least one), and a portal's "Người ký: ... | Chức vụ: ..."."""
    canon = doc.canon
    out = []
    for m in _SIGNED.finditer(canon):
        nl = canon.find("\n", m.end())
        if nl < 0:
            continue
        line_end = canon.find("\n", nl + 1)
        line_end = len(canon) if line_end < 0 else line_end
        signer = _SIGNER.match(canon, nl + 1, line_end)
        if signer is None or signer.end() != line_end:
            continue
        spans: list[tuple[int, int]] = []
        top = m.start()  # the start of the "(đã ký)" line
        for _ in range(_MAX_POST_LINES):
            if top == 0:
                break
            ls = canon.rfind("\n", 0, top - 1) + 1
            if not _post_line(canon, ls, top - 1):
                break
            spans.insert(0, doc.trimmed(ls, top - 1))
            top = ls
        if not spans:
            continue
        name_start, name_end = signer.start("name"), signer.end("name")
        out.append(OfficialMention(doc.slice(name_start, name_end), name_start, name_end, spans,
                                   spans[0][0], name_end, signed=True))
    for m in _SIGNER_FIELD.finditer(canon):
        if not TITLE.match(canon, m.start("post")):
            continue
        out.append(OfficialMention(doc.slice(m.start("name"), m.end("name")), m.start("name"),
                                   m.end("name"), [(m.start("post"), m.end("post"))], m.start(),
                                   m.end("post"), signed=True))
    return out


_COMMA = re.compile(r"[ \t]*,[ \t]*")


def _honoured_and_posted(doc: Doc, name_start: int, name_end: int) -> bool:
    """True when an honorific just before and a post just after mark the words as a person's
    name, even one that opens like a place's ("đồng chí Hà Quang Vịnh, Phó Bí thư ...")."""
    canon = doc.canon
    if not _HONORIFIC_JUST_BEFORE.search(canon, max(0, name_start - 12), name_start):
        return False
    after = _COMMA.match(canon, name_end)
    return after is not None and bool(TITLE.match(canon, after.end()))


_OPEN_BRACKET = re.compile(r"[ \t]*\([ \t]*")


def _body_in_brackets(doc: Doc, name_start: int, name_end: int) -> tuple[int, int] | None:
    """The span of the body written alone in brackets right after a name that an honorific or
    an academic title marks as a person's ("đồng chí A (Ban X Huyện ủy Y)"), else None."""
    canon = doc.canon
    op = _OPEN_BRACKET.match(canon, name_end)
    if op is None or not HONORIFIC.search(canon[max(0, name_start - 16) : name_start]):
        return None
    unit = parse_forward(doc, op.end())
    if unit is None or not re.match(r"[ \t]*\)", canon[unit.end : unit.end + 4]):
        return None
    return unit.start, unit.end


_HONORIFIC_JUST_BEFORE = re.compile(r"(?<![\w])(?:đồng[ \t]+chí|đ/c|ông|bà)[ \t]+$",
                                    re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")
_WORD_START = re.compile(r"(?<=[ \t])\S")
# a cluster's role word in lower case right after a name: "đồng chí A cụm trưởng cụm thi đua"
_ROLE_NEXT = re.compile(r"[ \t]+(?=(?:cụm|khối)[ \t]+(?:trưởng|phó)(?![\w]))")


def _post_inside(doc: Doc, name_start: int, end: int) -> int | None:
    """Where a post starts inside the capitalized words read as a name after "đồng chí", "ông",
    "bà" or an academic title ("TS.") with no comma: "đồng chí Trần Minh An Bí thư Đảng ủy
    xã" (the name is the words before; two of them at least). Only after an honorific:
    elsewhere capitalized words after a name are a body's."""
    canon = doc.canon
    if not HONORIFIC.search(canon, max(0, name_start - 30), name_start):
        return None
    for k, w in enumerate(_WORD_START.finditer(canon, name_start, end), start=2):
        if k >= 3 and TITLE.match(canon, w.start()) and not ORG_HEAD.match(canon, w.start()):
            return w.start()
    return None


def _post_next(doc: Doc, name_start: int, name_end: int) -> re.Match[str] | None:
    """The space before a cluster's role word in lower case right after a name that follows an
    honorific ("đồng chí A cụm trưởng"), as the separator a post is read after; else None."""
    if not _HONORIFIC_JUST_BEFORE.search(doc.canon, max(0, name_start - 12), name_start):
        return None
    held = _HOLDS_POST.match(doc.canon, name_end)
    if held is not None:
        # "đồng chí A được chỉ định giữ chức Bí thư Đảng ủy phường", "đồng chí B giữ chức Phó
        # Bí thư": the post the verb gives, unless the clause only proposes it
        lo = max(0, name_start - 60)
        cut = max(doc.canon.rfind(c, lo, name_start) for c in ",;.:\n")
        return None if _PROPOSED_POST.search(doc.canon, max(lo, cut + 1), name_start) else held
    return _ROLE_NEXT.match(doc.canon, name_end)


# a verb of holding a post after a person's name, maybe after the act that gave it
_HOLDS_POST = re.compile(r"[ \t]+(?:(?:đã[ \t]+)?được[ \t]+(?:chỉ[ \t]+định|bầu|bổ[ \t]+nhiệm|"
                         r"phân[ \t]+công|điều[ \t]+động)[ \t]+)?(?:giữ|đảm[ \t]+nhiệm)[ \t]+"
                         r"(?:chức(?:[ \t]+vụ)?|cương[ \t]+vị)[ \t]+")
_PROPOSED_POST = re.compile(r"(?<![\w])(?:đề[ \t]+nghị|đề[ \t]+xuất|dự[ \t]+kiến|giới[ \t]+thiệu|"
                            r"kiến[ \t]+nghị)(?![\w])", re.IGNORECASE)


_PLURAL_HONORIFIC = re.compile(r"(?<![\w])(?:các|hai)[ \t]+(?:đồng[ \t]+chí|ông|bà)[ \t]+$",
                               re.IGNORECASE)
_AND_PERSON = re.compile(r"[ \t]+và[ \t]+(?:(?:đồng[ \t]+chí|ông|bà)[ \t]+)?")


def _shared_posts(doc: Doc, bare: list[tuple[str, int, int]],
                  found: list[OfficialMention]) -> list[OfficialMention]:
    """"các đồng chí A và B, Phó Trưởng Ban X": two people with one post written after both;
    only after a plural honorific, and when the first name has no post of its own."""
    by_start = {o.name_start: o for o in found if not o.title_first}
    out = []
    for name, start, end in bare:
        joined = _AND_PERSON.match(doc.canon, end)
        second = by_start.get(joined.end()) if joined else None
        if second is None or not _PLURAL_HONORIFIC.search(doc.canon, max(0, start - 24), start):
            continue
        out.append(OfficialMention(name, start, end, list(second.positions), start, second.end,
                                   shared=True))
    return out


def _names_by_context(doc: Doc, found: list[OfficialMention]) -> list[OfficialMention]:
    """People whose surname is not in the list, where the context leaves no doubt: a name
    after "đồng chí", "ông", "TS" ... and before "- Title" or ", Title"."""
    canon = doc.canon
    taken = Spans([(o.name_start, o.name_end) for o in found])
    out = []
    for m in NAME_ANY.finditer(canon):
        if taken.covers(m.start()) or doc.in_display(m.start()):
            continue
        name_start, name = m.start(), m.group()
        lead = _CAP_HONORIFIC.match(name)  # "Ông Giang Văn Tú" at a sentence's start
        if lead and _SURNAME_AFTER_COMRADE.search(canon, max(0, name_start - 12),
                                                  name_start + lead.end()):
            lead = None  # "Đồng chí Ông Thị Hạnh": after "đồng chí", "Ông" is the surname
        if lead:
            name_start, name = name_start + lead.end(), name[lead.end() :]
        words = name.split()
        if len(words) < 2:
            continue
        # a post after the name first: the cheapest test, and the one most names fail
        name_end = m.end()
        after = _AFTER_NAME.match(canon, name_end) or _post_next(doc, name_start, name_end)
        if after is None and (inner := _post_inside(doc, name_start, name_end)) is not None:
            # "đồng chí Ôn Văn Lực Cụm trưởng ...": the post's capitals were read as the name's
            name_end = doc.trimmed(name_start, inner)[1]
            name = doc.slice(name_start, name_end)
            words = name.split()
            after = _SPACES.match(canon, name_end)
            if len(words) < 2:  # "đồng chí Phó Trưởng Ban X": a post with no name, "Phó" no name
                continue
        if not after or not (TITLE.match(canon, after.end()) or ROLE.match(canon, after.end())):
            # an Ede or Jrai name after its post: "Phó Bí thư Tỉnh ủy H'Yim Kđoh dự"
            if _EDE_NAME.match(name) and (span := _title_before(doc, name_start,
                                                                 len(words))) is not None:
                out.append(OfficialMention(name, name_start, name_end, [span], span[0], name_end,
                                           True))
            continue
        if any(TITLE.fullmatch(w) or ORG_HEAD.fullmatch(w) for w in words) or (
                ORG_HEAD.match(name) or TITLE.match(name) or ROLE.match(name)):
            continue
        before = canon[max(0, name_start - 30) : name_start]
        hon = HONORIFIC.search(before)
        # in a list opened by "các đồng chí:", every item is a person: "...; Ksor Phước Hà, ..."
        listed = not hon and _in_people_list(doc, name_start)
        # without an honorific, a middle name "Văn" / "Thị" and a post after it will do
        if not hon and not lead and not listed and not (len(words) >= 3 and words[1] in _MIDDLE
                                         and words[0] not in _NOT_SURNAME
                                         and not _preceded_by_capital(doc, name_start)):
            continue
        if _is_place(doc, name, name_start) or places.is_place(name):
            continue
        spans, end = _positions(doc, after.end())
        if spans:
            start = m.start() if lead or not hon else max(0, name_start - 30) + hon.start()
            out.append(OfficialMention(name, name_start, name_end, spans, start, end))
    return out


_PEOPLE_LIST = re.compile(r"(?<![\w])(?:các|những)\s+(?:đồng\s+chí|ông|bà|vị)(?![\w])",
                          re.IGNORECASE)


def _in_people_list(doc: Doc, name_start: int) -> bool:
    """True when the name opens an item of a list of people ("các đồng chí: A, ...; B, ...")."""
    canon = doc.canon
    q = name_start
    while q > 0 and canon[q - 1] in " \t":
        q -= 1
    if q == 0 or canon[q - 1] not in ";:":
        return False
    sent = doc.sentence_at(name_start)
    lo = sent.start if sent else max(0, name_start - 400)
    return bool(_PEOPLE_LIST.search(canon, max(lo, name_start - 600), q))


_EDE_NAME = re.compile(r"(?:Y|H[’'][A-ZĐ]\w*)[ \t]+\S")
_CAP_HONORIFIC = re.compile(r"(?:Ông|Bà|Đồng chí|Đ/c)[ \t]+")
_SURNAME_AFTER_COMRADE = re.compile(r"(?<![\w])(?:[Đđ]ồng[ \t]+chí|[Đđ]/c)[ \t]+(?P<sur>Ông)"
                                    r"[ \t]+$")
_MIDDLE = {"Văn", "Thị"}
# capitalized nouns that open names of places and bodies ("Phòng Văn hóa", "Nhà Văn hóa")
_NOT_SURNAME = {"Phòng", "Nhà", "Đài", "Ngành", "Công", "Khu", "Làng", "Trung", "Hội", "Câu",
                "Đội", "Tổ", "Ban", "Sở", "Bộ", "Cục", "Vụ", "Quỹ", "Lễ", "Tuần", "Tháng"}


def merge_officials(doc: Doc, mentions: list[OfficialMention]) -> list[dict]:
    by_name: dict[str, list[OfficialMention]] = {}
    for om in mentions:
        by_name.setdefault(norm_key(om.name), []).append(om)
    out = []
    for group in by_name.values():
        best = max(group, key=lambda om: (len(om.positions), om.end - om.start, -om.start))
        positions: list[str] = []
        for om in sorted(group, key=lambda om: om is not best):
            for text in om.position_texts(doc):
                key = norm_key(text)
                if any(norm_key(p) == key or norm_key(p).startswith(key) for p in positions):
                    continue
                positions = [p for p in positions if not key.startswith(norm_key(p))]
                positions.append(text)
        # keep the order of the best mention
        order = {norm_key(t): i for i, t in enumerate(best.position_texts(doc))}
        positions.sort(key=lambda t: order.get(norm_key(t), len(order)))
        out.append(
            {
                "name": best.name,
                "positions": positions,
                "evidence": doc.slice(best.start, best.end),
                "start": best.start,
                "end": best.end,
                "confidence": 0.75 if best.title_first else 0.9,
            }
        )
    out.sort(key=lambda o: o["start"])
    return out
