"""The grammar of enumerations of units, as news articles write a cluster's members:

    [count noun [thành viên]] [shared prefix [(ABBR)]] [:] item (sep item)* [và item]

- a count and a noun before a colon: "5 ban tổ chức tỉnh ủy, thành ủy: Đồng Tháp, An Giang";
- a shared prefix, maybe with its abbreviation in parentheses, before a colon or before the
  first item: "các Văn phòng Đảng ủy: phường Bến Cát, Tân Uyên", "Ban Tuyên giáo các huyện,
  thành ủy Tân Hiệp, Châu Thành", "Trung tâm Chính trị (TTCT) các huyện A, B";
- items separated by commas, or by semicolons when the items themselves hold commas, the last
  one often after "và";
- the whole list maybe inside parentheses, which then end it;
- bare numbers after a numbered item ("Quận ủy 1, 3, 5, 10"), bare place names after a level
  word ("các phường Bến Cát, Tân Uyên"), both accepted only in such a list.
- the count may be followed by "là" or by the list in parentheses ("3 thành viên là A, B và C",
  "3 đơn vị (A, B, C)"); inside parentheses, dashes may separate the items ("(A – B – C)");
- a comma list goes on after a semicolon only with an item that opens with a body's name;
  a "và" whose second half is no unit but the rest of a name ("Đảng ủy Khối Cơ quan và Doanh
  nghiệp tỉnh") joins it; a body's name followed by a verb ends the list;
- at most MAX_ITEMS items.

An item must look like a unit: a capitalized name, a level word and a name, a known place
(`pbkg.extract.places`), or a bare number in a numbered list. A list that runs into something
else stops before it; a list of fewer than two items is no list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pbkg.extract import places
from pbkg.extract.doc import Doc
from pbkg.extract.patterns import COMPOUND_HEAD, NAME_STOP, ORG_HEAD, ORG_HEAD_CI, TITLE, UPPER
from pbkg.extract.units import joins_fields, parse_forward

# a word of a counted noun ("5 trường chính trị"), not the word that opens the list
_NOUN_WORD = r"(?:\s+(?!(?:gồm|là|bao|có|như|với)(?![\w]))\w+)"
COUNT_NOUN = (
    rf"(?:đơn\s+vị|thành\s+viên|cơ\s+quan|tập\s+thể|ban{_NOUN_WORD}{{0,3}}|tỉnh(?:\s+ủy)?|"
    r"thành\s+ủy|huyện(?:\s+ủy)?|quận(?:\s+ủy)?|thị\s+ủy|phường|xã|đảng\s+ủy|"
    rf"văn\s+phòng{_NOUN_WORD}{{0,3}}|trường{_NOUN_WORD}{{0,3}}|trung\s+tâm{_NOUN_WORD}{{0,3}}|"
    r"báo|đài|cụm|khối|địa\s+phương|tổ\s+chức\s+(?:cơ\s+sở\s+)?đảng|đảng\s+bộ|chi\s+bộ)"
)
# a count written as a word: "bốn thành viên", "mười hai đơn vị"; "năm" is also "year" ("Năm
# 2020"), so it is a count only before a noun of units: "có năm đảng bộ:", "còn năm đơn vị"
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                 "chín": 9, "mười": 10}
_TENS = r"(?:mười|hai\s+mươi|ba\s+mươi)"
_UNITS_WORD = r"(?:một|mốt|hai|ba|bốn|tư|lăm|sáu|bảy|tám|chín)"
_FIVE = (r"năm(?=\s+(?:đơn\s+vị|thành\s+viên|cơ\s+quan|đảng\s+bộ|chi\s+bộ|tập\s+thể|"
         r"trường|tổ\s+chức\s+(?:cơ\s+sở\s+)?đảng)(?![\w]))")
NUMBER_WORD = rf"(?:{_TENS}(?:\s+{_UNITS_WORD})?|hai|ba|bốn|{_FIVE}|sáu|bảy|tám|chín)(?![\w])"
_WORD_DIGITS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "sáu": 6,
                "bảy": 7, "tám": 8, "chín": 9}


def count_value(written: str) -> int:
    """The number of a count written in digits or in words ("12", "bốn", "mười hai")."""
    words = written.lower().split()
    if words and words[0].isdigit():
        return int(words[0])
    if words[:1] == ["mười"]:
        return 10 + (_WORD_DIGITS.get(words[1], 0) if len(words) > 1 else 0)
    if len(words) >= 2 and words[1] == "mươi":
        return 10 * _WORD_DIGITS[words[0]] + (
            _WORD_DIGITS.get(words[2], 0) if len(words) > 2 else 0)
    return _NUMBER_WORDS[words[0]]


# "14 ban tổ chức tỉnh ủy, thành ủy", "10 đơn vị thành viên", "6 đơn vị, cơ quan", "bốn thành viên"
COUNT = re.compile(
    rf"(?P<n>\d{{1,3}}|(?<![\w]){NUMBER_WORD})\s+{COUNT_NOUN}(?:\s*,\s*{COUNT_NOUN})?(?:\s+thành\s+viên)?(?:\s+mới)?",
    re.IGNORECASE,
)
_LEVEL = (r"(?:huyện|quận|thị\s+xã|thành\s+phố|tỉnh|phường|xã|thị\s+trấn|đặc\s+khu|thành|thị|"
          r"khu\s+phố|ấp|thôn|tổ\s+dân\s+phố)")
# a count of the places a shared prefix is written for, as "các" is: "Đảng ủy 3 phường A, B và C"
_SMALL_COUNT = r"(?:\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?=\s)"
# the kind of body before the level word: "các trường chính trị tỉnh A, B"
_KIND_OF_BODY = (r"(?:(?:trường|trung\s+tâm)(?:\s+bồi\s+dưỡng)?\s+chính\s+trị|văn\s+phòng|"
                 r"ban\s+(?:tổ\s+chức|tuyên\s+giáo|dân\s+vận|nội\s+chính)|"
                 r"đảng\s+(?:bộ|ủy|uỷ))\s+")  # "các đảng bộ phường A, B", "các Đảng ủy xã A, B"
# "ban tuyên giáo các huyện, thành ủy ", "các Văn phòng Đảng ủy phường ", "Huyện ủy các huyện "
# (the places maybe described: "Ban Dân vận Huyện ủy các huyện ven biển A, B")
_WHERE = (r"(?:ven\s+biển|miền\s+núi|biên\s+giới|vùng\s+(?:cao|sâu|biên)|đồng\s+bằng|trung\s+du|"
          r"ngoại\s+thành|phía\s+(?:bắc|nam|đông|tây))\s+")
DISTRIBUTIVE = re.compile(
    # "Đảng ủy 5 phường A, B, C, D, E": a count in place of "các"
    rf"^(?P<prefix>(?:[\w’']+\s+|\([A-ZĐ]{{2,10}}\)\s+){{0,5}}?(?:các|{_SMALL_COUNT})\s+"
    rf"(?:{_KIND_OF_BODY})?"
    rf"(?:{_LEVEL}(?:\s+ủy)?\s*(?:,|và)\s*)*{_LEVEL}(?:\s+ủy)?\s+(?:{_WHERE})?)"
    # "UBKT Đảng ủy 8 phường là A, B, ...": the places after "là"
    r"(?:là\s+)?(?=[\w’'])",
    re.IGNORECASE,
)
# "Ban Tổ chức Tỉnh ủy (BTCTU) Hà Nam, ...": a prefix closed by an abbreviation in parentheses
ABBR_PREFIX = re.compile(
    rf"^(?P<prefix>[{UPPER}][\w’']*(?:\s+[\w’']+){{0,6}}?\s*\((?P<abbr>[A-ZĐ]{{2,12}})\)"
    # "Ban Dân vận Tỉnh ủy (BDVTU) các tỉnh A, B": the level word ends the prefix
    rf"(?:\s+các\s+(?:{_LEVEL}(?:\s+ủy)?\s*(?:,|và)\s*)*{_LEVEL}(?:\s+ủy)?(?=\s+[{UPPER}]))?)"
    rf"\s+(?:các\s+)?(?=[{UPPER}\d])"
)
# "các Ban Dân vận Tỉnh ủy Quảng Nam, Quảng Ngãi": a plural body's name shared by the places after
PLURAL_PREFIX = re.compile(
    rf"^(?P<prefix>các\s+(?:{ORG_HEAD.pattern})(?:\s+[\w’']+){{0,4}}?\s+"
    rf"(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+ủy(?:\s*,\s*(?:tỉnh|thành|huyện|quận|thị)\s+ủy)?)"
    rf"\s+(?=[{UPPER}])"
)
_END = re.compile(
    # ("ban tổ chức các tỉnh ủy A, B": a body's name in lower case, not the verb "tổ chức")
    r"\s(?:đã|vừa|đang|sẽ|cùng|(?<![Bb]an\s)tổ\s+chức|tham\s+dự|tham\s+gia|được|là|do|với\s+sự|nhằm|"
    r"thực\s+hiện|tiến\s+hành|họp|có|đều|luôn|phối\s+hợp|tích\s+cực|ký|bình\s+chọn|"
    r"thống\s+nhất|tổng\s+kết|sơ\s+kết|thuộc|trực\s+thuộc|trên\s+địa\s+bàn|trước\s+(?:đây|kia))"
    r"(?![\w])|[“”\"]|"
    r"(?<![A-Z][A-Za-z])\.(?:\s|$)|\n|:"
)
# a group of one kind of body named by their fields, an item of a list split by ";": "các ban
# Tổ chức, Tuyên giáo, Dân vận, Nội chính Tỉnh ủy"
_FIELDS_GROUP = re.compile(rf"các[ \t]+(?:ban|văn[ \t]+phòng|sở|phòng|trường)[ \t]+(?=[{UPPER}])")
_FIELD = re.compile(rf"[{UPPER}][\w’']*(?:[ \t]+[\w’']+){{0,3}}")
_FIELD_SEP = re.compile(r"[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")
# the committee the group's bodies share, written after its last field
_SHARED_COMMITTEE = re.compile(rf"[ \t]+(?:Tỉnh|Thành|Huyện|Quận|Thị)[ \t]+ủy"
                               rf"(?:[ \t]+[{UPPER}][\w’']*){{0,4}}$")


def _fields_of(doc: Doc, start: int, end: int) -> list[tuple[str, int, int]]:
    """The fields after a group's kind ("Tổ chức", "Tuyên giáo", ... "Nội chính" of "các ban
    Tổ chức, Tuyên giáo, ..., Nội chính Tỉnh ủy"), two at least, each of capitalized words up to
    four; [] when the group holds anything else."""
    canon = doc.canon
    tail = _SHARED_COMMITTEE.search(canon, max(start, end - 60), end)  # at its end only
    if tail is None:
        return []
    end = tail.start()
    out: list[tuple[str, int, int]] = []
    pos = start
    while pos < end and len(out) < MAX_ITEMS:
        f = _FIELD.match(canon, pos, end)
        if f is None:
            return []
        fe = f.end()
        sep = _FIELD_SEP.search(canon, f.start(), fe)
        if sep is not None:  # "Tuyên giáo và Dân vận": the field ends at its separator
            fe = sep.start()
        out.append((doc.slice(f.start(), fe), f.start(), fe))
        nxt = _FIELD_SEP.match(canon, fe, end)
        if nxt is None:
            return out if fe == end and len(out) >= 2 else []
        pos = nxt.end()
    return []


# a unit, then "và" and a plural group's prefix, before a colon: "Văn phòng Thành ủy và các ban:",
# "Đảng ủy phường A và Đảng ủy các xã:", "Ban Tổ chức Thành ủy A và Ban Tổ chức 4 huyện ủy:"
_UNIT_AND_PLURAL = re.compile(r"(?P<unit>[^,;:()]{3,80}?)[ \t]+và[ \t]+"
                              r"(?P<plural>(?:[^\s,;:()]+[ \t]+){0,6}?(?:các|\d{1,2})[ \t]+"
                              r"[^,;:()]{2,40}?)[ \t]*")
# a count inside a shared prefix: "ban tổ chức tỉnh ủy, thành ủy của 14 tỉnh, thành phố"
_PREFIX_COUNT = re.compile(rf"(?<![\w])(?P<n>\d{{1,3}})\s+{COUNT_NOUN}(?![\w])", re.IGNORECASE)
# an item's number written before it in a list run on in one line: "(1) A; (2) B", "1) A, 2) B"
_ORDINAL = re.compile(r"(?:\(\d{1,2}\)|\d{1,2}\)|[a-zđ]\))[ \t]+")
# separators, named: a comma list may go on after a semicolon, but only with an item that is
# plainly a unit; a list in parentheses may be written with dashes ("(Bến Tre – Trà Vinh)")
_SPLIT_COMMA = re.compile(r"(?P<semi>\s*;\s*(?:và\s+)?)|\s*,\s*(?:và\s+)?|(?P<va>\s+và\s+)")
_SPLIT_SEMI = re.compile(r"\s*;\s*(?:và\s+)?|(?P<va>\s*,?\s+và\s+(?=[^;]*$))")
_SPLIT_DASH = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*|(?P<va>\s+và\s+)")
_LEVEL_START = re.compile(rf"^{_LEVEL}(?![\w])", re.IGNORECASE)
_NUMBERED = re.compile(r"(?:^|\s)(?:[Qq]uận|[Pp]hường|[Xx]ã|[Kk]hu\s+phố|[Tt]ổ|[Ấấ]p|"
                       r"[Qq]uận\s+ủy|[Đđ]ảng\s+ủy\s+[Pp]hường)\s+\d{1,3}$")
_NUMBER = re.compile(r"^\d{1,3}$")
_COMMITTEE_PLACE = re.compile(rf"(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+ủy(?:\s+[{UPPER}][\w’']*){{1,4}}$")
_SECOND_PREFIX = re.compile(r"(?P<prefix>[^,.;:()\n]{3,80}?)[ \t]*:")
_RELEVEL = re.compile(rf"(?:các|{_SMALL_COUNT})\s+{_LEVEL}(?:\s+ủy)?\s+(?-i:(?=[{UPPER}]))",
                      re.IGNORECASE)
_IS = re.compile(r"(?:là|như\s+sau)(?=[\s:])")
_THAT_IS = re.compile(r"(?:đó\s+là|cụ\s+thể(?:\s+là|\s+gồm)?)(?=[\s:])")
# the next sentence opens with the list: "Đó là:", "Cụ thể:", "Bao gồm:"
_NEXT_IS = re.compile(r"\s*(?:Đó\s+là|Cụ\s+thể(?:\s+là|\s+gồm)?|(?:Bao\s+)?[Gg]ồm)(?=[\s:])")
_COUNT_DASH = re.compile(r"[–—][ \t]+")
_COUNT_DESC_IS = re.compile(r"[ \t]*(?P<desc>(?:[\w’']+[ \t]+){1,5}?)là[ \t]+")
_UNITS_IS = re.compile(rf"các[ \t]+{COUNT_NOUN}(?:[ \t]+thành[ \t]+viên)?[ \t]+là[ \t]+",
                       re.IGNORECASE)
# a body's kind in lower case (its levels maybe listed), a count of the places or units whose
# bodies they are, then the list in brackets: "ban tổ chức tỉnh ủy, thành ủy 9 địa phương ("
_BODIES_COUNTED = re.compile(r"(?P<desc>[^\W\d][\w’']*(?:[ \t]*,?[ \t]+[^\W\d][\w’']*){1,7})"
                             r"[ \t]+(?P<n>\d{1,3})[ \t]+(?:[^\W\d][\w’']*[ \t]+){0,2}"
                             r"[^\W\d][\w’']*[ \t]*\(")
_COUNT_DESC_PAREN = re.compile(r"[ \t]*(?P<desc>(?:[\w’']+[ \t]+){0,3}[\w’']+)[ \t]*\(")
# "Ban Tổ chức Tỉnh ủy A - Cụm trưởng": a member labelled with its role after a dash
_TRAILING_ROLE = re.compile(r"\s+[-–—]\s+(?:[Cc]ụm|[Kk]hối)\s+(?:trưởng|phó)(?:\s+năm\s+\d{4})?$")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")
_CAPITAL = re.compile(rf"^[{UPPER}]")


# No cluster has this many members: a longer run is cut there, so that a pathological input
# (a list of thousands of names) stays linear (members are compared with one another).
MAX_ITEMS = 200


@dataclass
class Enumeration:
    items: list[tuple[str, int, int]]  # (text as written, start, end)
    prefix: str  # the shared prefix ("" when none), count words removed
    count: int | None  # the count written before the list
    end: int


def _valid(text: str, numbered: bool, after_level: bool) -> bool:
    words = text.split()
    # a long name is a body's, with no verb in it ("Chi bộ Công ty TNHH MTV Khai thác công
    # trình thủy lợi Vĩnh Bảo")
    if not words or len(words) > 16 or len(words) > 12 and not (
            ORG_HEAD.match(text) and not NAME_STOP.search(text)):
        return False
    if _NUMBER.match(text):
        return numbered
    if any(ch.isdigit() for ch in text) and not _NUMBERED.search(text):
        return False
    if text.startswith("các ") and len(words) > 1 and (_CAPITAL.match(words[1])
                                                        or ORG_HEAD_CI.match(text[4:])):
        text, words = text[4:], words[1:]  # "các Ban Đảng Tỉnh ủy"
    if TITLE.match(text) and not ORG_HEAD_CI.match(text):
        return False  # a post ("Bí thư", "Phó Trưởng ban") is no unit
    if _CAPITAL.match(text) or _LEVEL_START.match(text):
        return True
    # "trường Chính trị tỉnh Hà Nam": a body's head word written in lower case
    if ORG_HEAD_CI.match(text) and any(_CAPITAL.match(w) for w in words[1:]):
        return True
    return after_level and places.is_place_name(text)


def parse(doc: Doc, start: int, limit: int, *, in_parens: bool = False) -> Enumeration | None:
    """The enumeration starting at `start` (after "gồm", or after an opening parenthesis),
    not beyond `limit` (the sentence end); None when there is no list of two or more items."""
    canon = doc.canon
    if in_parens:
        close = canon.find(")", start, limit)
        if close == -1:
            return None
        limit = close
    p = start
    while p < limit and canon[p] in " \t:":
        p += 1
    count = None
    c = COUNT.match(canon, p, limit)
    if c:
        count = count_value(c.group("n"))
        q = c.end()
        while q < limit and canon[q] in " \t,":
            q += 1
        if not in_parens and not canon[q:limit].strip(" \t.") and (
                nxt := _NEXT_IS.match(canon, limit)) and (sent := doc.sentence_at(nxt.end())):
            # "Cụm gồm 5 đơn vị. Đó là: A, B": the list is the next sentence's
            q, limit = nxt.end(), sent.end
        elif canon.startswith("gồm", q) or canon.startswith("bao gồm", q):
            q = canon.index("gồm", q) + 3
        elif (that := _THAT_IS.match(canon, q, limit)) is not None:
            q = that.end()  # "gồm 5 đơn vị, đó là A, B", "..., cụ thể: A, B"
        elif _IS.match(canon, q):
            q = _IS.match(canon, q).end()
        elif (dash := _COUNT_DASH.match(canon, q, limit)) is not None:
            q = dash.end()  # "có bốn thành viên – A; B; C": a dash stands for the colon
        elif (desc := _COUNT_DESC_IS.match(canon, q, limit)) is not None and not NAME_STOP.search(
                desc.group("desc")):
            q = desc.end()  # "10 tỉnh miền núi phía Bắc là A, B": a descriptor of the count
        # "5 tỉnh Tây Nguyên (A, B, ...)": a short descriptor right after the count, then the
        # brackets
        desc_paren = _COUNT_DESC_PAREN.match(canon, c.end(), limit)
        if desc_paren and not NAME_STOP.search(desc_paren.group("desc")):
            q = desc_paren.end() - 1
        p_after_count = q
        close = canon.find(")", q, limit) if canon.startswith("(", q) else -1
        if close != -1:  # "3 đơn vị (A, B và C)": the list is what the parentheses hold
            p_after_count, limit, in_parens = q + 1, close, True
    else:
        p_after_count = p
        lead = _BODIES_COUNTED.match(canon, p, limit)
        if lead is not None and ORG_HEAD_CI.match(lead.group("desc")):
            # "gồm ban tổ chức tỉnh ủy, thành ủy 9 địa phương (A, B, ...)": the bodies of the
            # places counted, the list what the parentheses hold
            close = canon.find(")", lead.end(), limit)
            if close != -1:
                count = int(lead.group("n"))
                p_after_count, limit, in_parens = lead.end(), close, True
    # "có 5 đơn vị, gồm Văn phòng các huyện ủy A, B": the prefix is matched from its first word
    while p_after_count < limit and canon[p_after_count] in " \t":
        p_after_count += 1
    prefix_start = p_after_count
    items_start = p_after_count
    prefix = ""
    colon = canon.find(":", p_after_count, min(limit, p_after_count + 120))
    between = canon[p_after_count:colon] if colon != -1 else ""
    lead_item: tuple[str, int, int] | None = None
    if colon != -1 and between.count("(") == between.count(")") and "." not in between:
        prefix = doc.slice(prefix_start, colon).strip()
        items_start = colon + 1
        joined = _UNIT_AND_PLURAL.fullmatch(canon, prefix_start, colon)
        unit = parse_forward(doc, prefix_start) if joined is not None else None
        if unit is not None and unit.end == joined.end("unit"):
            # "Khối gồm Văn phòng Thành ủy và các ban: Tổ chức, Tuyên giáo": a unit, then the
            # group whose shared prefix the colon closes; the unit is the list's first item
            lead_item = (unit.text, unit.start, unit.end)
            prefix = doc.slice(joined.start("plural"), colon).strip()
        # "các đơn vị: Ban Dân vận Tỉnh ủy (BDVTU) các tỉnh A, B": a second, shared prefix
        q = items_start
        while q < limit and canon[q] in " \t":
            q += 1
        rest = canon[q:limit]
        d = DISTRIBUTIVE.match(rest) or ABBR_PREFIX.match(rest) or _plural_prefix(rest)
        second = _SECOND_PREFIX.match(rest)
        if second and (ORG_HEAD_CI.match(rest) or rest[:4].lower() == "các ") and (
                not NAME_STOP.search(second.group("prefix"))):
            # "gồm 3 đơn vị: Ban Tuyên giáo các Huyện ủy: A, B, C": the second colon's prefix
            prefix = doc.slice(q, q + second.end("prefix")).strip()
            items_start = q + second.end()
        elif d and ":" not in rest[: d.end()]:
            prefix = doc.slice(q, q + d.end("prefix")).strip()
            items_start = q + d.end()
    elif (units := _UNITS_IS.match(canon, p_after_count, limit)) is not None:
        items_start = units.end()  # "gồm các đơn vị là A, B", "gồm các thành viên là A, B"
    else:
        rest = canon[p_after_count:limit]
        d = DISTRIBUTIVE.match(rest) or ABBR_PREFIX.match(rest) or _plural_prefix(rest)
        if d:
            prefix = doc.slice(p_after_count, p_after_count + d.end("prefix")).strip()
            items_start = p_after_count + d.end()
    while items_start < limit and canon[items_start] in " \t":
        items_start += 1
    end_m = _END.search(canon, items_start, limit)
    items_end = end_m.start() if end_m else limit
    # "– gồm A, B và C – tổ chức": the dash that closes an aside is no part of the last item
    while items_end > items_start and canon[items_end - 1] in " \t.,;–—":
        items_end -= 1
    if items_end == items_start and canon[items_start : items_start + 1] == "\n":
        bulleted = _bullets(doc, items_start)
        # items one a line are a list of units only when each names a body or a place: "gồm:
        # 1. Công tác tổ chức 2. Công tác cán bộ" lists tasks
        if len(bulleted) >= 2 and all(ORG_HEAD_CI.match(t) or places.is_place_name(t)
                                      for t, _, _ in bulleted):
            prefix = re.sub(rf"^(?:các\s+)?{COUNT.pattern}\s*", "", prefix,
                            flags=re.IGNORECASE).strip()
            return Enumeration(bulleted, prefix, count, bulleted[-1][2])
    region = canon[items_start:items_end]
    semi, comma = region.find(";"), region.find(",")
    use_semi = semi != -1 and (comma == -1 or semi < comma or _items_hold_commas(region))
    splitter = _SPLIT_SEMI if use_semi else _SPLIT_COMMA
    if not use_semi and comma == -1 and _SPLIT_DASH.search(region) and (
            in_parens or _places_by_dash(region)):
        splitter = _SPLIT_DASH  # "(A – B – C)"; "gồm: Bến Tre - Trà Vinh - Vĩnh Long"
    after_level = bool(re.search(rf"{_LEVEL}(?:\s+ủy)?\s*$", prefix, re.IGNORECASE)) or bool(
        re.search(r"\b(?:huyện|quận|phường|xã|tỉnh|thành\s+phố|thị\s+xã)\b", prefix,
                  re.IGNORECASE))
    numbered = bool(re.search(r"(?:quận|phường|khu\s+phố|tổ(?:\s+dân\s+phố)?|ấp|khóm|thôn)"
                              r"(?:\s+ủy)?\s*$", prefix, re.IGNORECASE))
    items: list[tuple[str, int, int]] = []
    after_semi = False
    semi_at = -1  # the index of the first item after a semicolon
    for part_start, part_end, sep in _parts(splitter, canon, items_start, items_end):
        if len(items) >= MAX_ITEMS:
            break
        if sep is not None and sep.lastgroup == "semi":
            if not after_semi:
                semi_at = len(items)
            after_semi = True
        s, e = doc.trimmed(part_start, part_end)
        ordinal = _ORDINAL.match(canon, s, e)
        if ordinal is not None:  # "gồm: (1) Văn phòng Tỉnh ủy; (2) Ban Tổ chức Tỉnh ủy"
            s = ordinal.end()
        if e <= s:
            break
        group = _FIELDS_GROUP.match(canon, s, e) if use_semi else None
        if group is not None and (fields := _fields_of(doc, group.end(), e)):
            # "gồm 7 cơ quan: Văn phòng Tỉnh ủy; các ban Tổ chức, Tuyên giáo, Nội chính Tỉnh ủy;
            # ...": a group of one kind of body, named by their fields, each an item as written
            items.extend(fields[: MAX_ITEMS - len(items)])
            continue
        text = doc.slice(s, e).rstrip(".")
        note = _TRAILING_NOTE.search(text) or _TRAILING_ROLE.search(text)
        if note and note.start() > 0:  # "Trường Chính trị tỉnh Hà Nam (Cụm trưởng)"
            text = text[: note.start()]
        e = s + len(text)
        if not items and _NUMBERED.search(canon[s:e]):
            numbered = True
        # "Đảng ủy các xã A, B và các phường C, D": a second level word opens the next items
        relevel = _RELEVEL.match(canon, s, e) if items else None
        if relevel:
            s, text, after_level = relevel.end(), text[relevel.end() - s :], True
        elif items and (mid := DISTRIBUTIVE.match(text)) and places.is_place_name(
                text[mid.end() :]):
            # "gồm UBKT Thành ủy A, UBKT Thị ủy B và UBKT các huyện ủy C, D, E": a shared
            # prefix opens the list's last group; its places are items, as at the list's start
            s, text, after_level = s + mid.end(), text[mid.end() :], True
        if items and sep is not None and (
                sep.lastgroup == "va" and _joins_previous(canon, items[-1], s, e)
                or sep.lastgroup is None and _comma_joins(canon, items[-1], s, e)):
            # "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh", "Ban Tuyên giáo và Dân vận Tỉnh ủy":
            # what follows "và" is no unit of its own but the rest of the name
            ps = items[-1][1]
            items[-1] = (doc.slice(ps, e), ps, e)
            continue
        if not _valid(canon[s:e], numbered, after_level) or (
                after_semi and not ORG_HEAD_CI.match(canon, s)
                # "các tỉnh A, B; C và D": places after a level word go on past a ";"
                and not (after_level and places.is_place_name(canon[s:e]))
                # "Thành ủy A, B; Thị ủy C, D": a group of its own kind, places after its head
                and not (_group_head(items, semi_at) and places.is_place_name(canon[s:e]))):
            break
        # a body's name followed by a verb ends the list there: "Huyện ủy Châu Thành hoàn
        # thành tốt nhiệm vụ" is the unit "Huyện ủy Châu Thành"
        unit = parse_forward(doc, s) if ORG_HEAD.match(canon, s) else None
        if unit is not None and unit.end < e and NAME_STOP.match(canon, unit.end + 1):
            items.append((doc.slice(s, unit.end), s, unit.end))
            break
        items.append((text, s, e))
    if use_semi and (split := _split_kind_groups(doc, items)) is not None:
        items = split[:MAX_ITEMS]  # "Thành ủy A, B, C; Thị ủy D, E": each group's items
    grouped = False
    while (end_m is not None and end_m.group(0) == ":" and len(items) >= 2
           and _bare_kind(items[-1][0]) and ";" in canon[items[-2][2] : items[-1][1]]):
        # "Thành ủy: Thủ Đức; Huyện ủy: Củ Chi, Hóc Môn": groups, each under its own kind
        # of body; the kind is no item, the names after its colon are
        items.pop()
        end_m, more = _group(doc, end_m.end(), limit)
        items.extend(more[: MAX_ITEMS - len(items)])
        grouped = bool(more)
    if 0 < semi_at < len(items) and not use_semi and not grouped and not _kind_groups(
            items, semi_at) and (
            end_m is not None and end_m.group(0)[:1].isspace()
            or any(t.split()[:1] not in [u.split()[:1] for u, _, _ in items[:semi_at]]
                   for t, _, _ in items[semi_at:])
            and not (after_level and all(places.is_place_name(t) for t, _, _ in items))):
        # "gồm A, B; C được khen thưởng", "gồm Ban X, Ban Y; Báo Z đưa tin": what follows the
        # semicolon runs into a verb, or is a unit of a kind no item before it is, so it opens
        # a clause
        items = items[:semi_at]
    if lead_item is not None and items:
        items = [lead_item, *items][:MAX_ITEMS]
    if len(items) < 2:
        return None
    if count is None and prefix and (inner := _PREFIX_COUNT.search(prefix)) is not None:
        # "gồm ban tổ chức tỉnh ủy, thành ủy của 14 tỉnh, thành phố: A, B, ...": the places the
        # prefix counts are the items (a text cut inside the list names fewer); after a unit
        # and "và" ("A và UBKT Tỉnh ủy 12 tỉnh: ..."), the unit is one more
        n = int(inner.group("n"))
        if lead_item is not None:  # (the prefix is then the plural group's alone)
            n += 1
        if n >= len(items):
            count = n
    prefix = re.sub(rf"^(?:các\s+)?{COUNT.pattern}\s*", "", prefix, flags=re.IGNORECASE).strip()
    return Enumeration(items, prefix, count, items[-1][2])


def _group_head(items: list[tuple[str, int, int]], semi_at: int) -> bool:
    """True when the list opened with a committee and a place, and so does the item after
    its semicolon: "Thành ủy A, B; Thị ủy C, D" is a group per kind of committee."""
    return 0 < semi_at < len(items) and bool(_COMMITTEE_HEAD.fullmatch(items[0][0])) and bool(
        _COMMITTEE_HEAD.fullmatch(items[semi_at][0]))


def _kind_groups(items: list[tuple[str, int, int]], semi_at: int) -> bool:
    """A list of groups per kind of committee, each a head and bare places, split by ";"."""
    return _group_head(items, semi_at) and all(
        places.is_place_name(t) for i, (t, _, _) in enumerate(items) if i not in (0, semi_at))


def _split_kind_groups(doc: Doc, items: list[tuple[str, int, int]]
                       ) -> list[tuple[str, int, int]] | None:
    """The items of ";"-separated groups each made of a committee and bare places ("Thành ủy
    A, B, C; Thị ủy D, E"): the head and the places one by one; None when any group is not."""
    out: list[tuple[str, int, int]] = []
    for _, start, end in items:
        parts = [doc.trimmed(ps, pe) for ps, pe, _ in _parts(_SPLIT_COMMA, doc.canon, start, end)]
        if not _COMMITTEE_HEAD.fullmatch(doc.canon, *parts[0]) or not all(
                places.is_place_name(doc.canon[ps:pe]) for ps, pe in parts[1:]):
            return None
        out.extend((doc.slice(ps, pe), ps, pe) for ps, pe in parts)
    return out


_COMMITTEE_HEAD = re.compile(rf"(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+ủy(?:\s+[{UPPER}][\w’']*){{1,4}}")


# a kind of body written with no name: the head of a group of names ("Huyện ủy:", "Các xã:")
_BARE_KIND = re.compile(rf"(?:các\s+)?(?:{ORG_HEAD.pattern}|{_LEVEL})(?:\s+ủy)?", re.IGNORECASE)


def _bare_kind(text: str) -> bool:
    return _BARE_KIND.fullmatch(text) is not None


def _group(doc: Doc, start: int,
           limit: int) -> tuple[re.Match[str] | None, list[tuple[str, int, int]]]:
    """The names of one group after its kind's colon, up to the list's end or up to the next
    group's kind (after a ";"), and where the group ends; [] when a name is no unit."""
    canon = doc.canon
    end_m = _END.search(canon, start, limit)
    end = end_m.start() if end_m else limit
    items: list[tuple[str, int, int]] = []
    for part_start, part_end, sep in _parts(_SPLIT_COMMA, canon, start, end):
        s, e = doc.trimmed(part_start, part_end)
        text = doc.slice(s, e).rstrip(".")
        e = s + len(text)
        if sep is not None and sep.lastgroup == "semi":
            if not (_bare_kind(text) and end_m is not None and end_m.group(0) == ":"
                    and end_m.start() == e):
                return None, []
        elif not _valid(canon[s:e], False, True):
            return None, []
        items.append((text, s, e))
    return end_m, items


def _places_by_dash(region: str) -> bool:
    """True when dashes split `region` into two or more known places and no two neighbours
    make one ("Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế" are one province each)."""
    parts = [p.strip() for p in _DASH_ONLY.split(region)]
    if len(parts) < 2 or not all(places.is_place_name(p) for p in parts):
        return False
    return not any(places.kinds(f"{a} - {b}") for a, b in zip(parts, parts[1:], strict=False))


_DASH_ONLY = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*|\s+và\s+")  # "A - B và C"


def _plural_prefix(rest: str) -> re.Match[str] | None:
    """PLURAL_PREFIX at the start of `rest`, only when a known place follows it."""
    m = PLURAL_PREFIX.match(rest)
    if m is None:
        return None
    first = re.match(r"[^,;.()\n]+?(?=\s*(?:,|;|\.|\(|\)|\n|\s+và\s|$))", rest[m.end() :])
    return m if first and places.is_place_name(first.group().strip()) else None


def _parts(splitter: re.Pattern[str], canon: str, start: int,
           end: int) -> Iterator[tuple[int, int, re.Match[str] | None]]:
    """The parts of canon[start:end] between separators, each with the separator before it,
    as they are asked for (a reader stops at the first part that is no item)."""
    pos, sep = start, None
    # no separator inside a body's name that holds one ("Báo và Phát thanh, Truyền hình")
    names = COMPOUND_HEAD.finditer(canon, start, end)
    name = next(names, None)
    for m in splitter.finditer(canon, start, end):
        while name is not None and name.end() <= m.start():
            name = next(names, None)
        if m.end() == m.start() or name is not None and name.start() < m.end():
            continue
        yield pos, m.start(), sep
        pos, sep = m.end(), m
    yield pos, end, sep


def _joins_previous(canon: str, prev: tuple[str, int, int], s: int, e: int) -> bool:
    """True when the part after "và" continues the previous item's name: the previous item
    names a body, the part is neither a body nor a place, and ends like a name's tail."""
    text = canon[s:e]
    if ORG_HEAD_CI.match(canon, prev[1]) and joins_fields(canon, prev[2], s):
        return True  # "Chi bộ Sở Khoa học và Công nghệ": a department's two fields
    if not ORG_HEAD_CI.match(canon, prev[1]) or ORG_HEAD_CI.match(text) or places.is_place(text):
        return False
    if _LEVEL_START.match(text):
        return False
    last = text.split()[-1]
    if not _CAPITAL.match(text):  # "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh"
        return (last in {"tỉnh", "thành", "phố", "huyện", "quận"} and len(text.split()) <= 5
                and not NAME_STOP.search(text))
    return last in {"tỉnh", "thành", "phố", "huyện", "quận", "ủy", "Ủy"} or text.endswith(
        ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Trung ương")) or bool(
        _COMMITTEE_PLACE.search(text))  # "... Dân vận Thành ủy Đà Nẵng"


_NAME_END = re.compile(r"(?:Trung\s+ương|(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+ủy"
                       rf"(?:\s+[{UPPER}][\w’']*){{0,4}}|tỉnh|thành\s+phố)$")


def _comma_joins(canon: str, prev: tuple[str, int, int], s: int, e: int) -> bool:
    """True when the part after a comma is the rest of the previous body's name: "Ban Bảo vệ,
    chăm sóc sức khỏe cán bộ Trung ương", "Ban Chính sách, chiến lược Trung ương" (a lower-case
    part that ends the way names end, with no verb in it)."""
    text = canon[s:e]
    if not text[:1].islower() or _LEVEL_START.match(text) or not ORG_HEAD_CI.match(canon, prev[1]):
        return False
    if text.startswith(("các ", "những ")):  # "Văn phòng Tỉnh ủy, các ban xây dựng Đảng": items
        return False
    end = _NAME_END.search(text)
    # a body's head inside the part ("các Ban Đảng") makes it no tail, but the committee that
    # closes the name does not ("Ban Bảo vệ, chăm sóc sức khỏe cán bộ Tỉnh ủy")
    head = ORG_HEAD.search(text, 0, end.start()) if end else None
    return (len(text.split()) <= 8 and end is not None
            and not NAME_STOP.search(text) and head is None)


def _items_hold_commas(region: str) -> bool:
    """True when every ";"-separated part holds a comma: the items are long names."""
    parts = [p for p in region.split(";") if p.strip()]
    return len(parts) >= 2 and all("," in p for p in parts)


_BULLET = re.compile(r"\n[ \t]*(?:[-–—+•*·▪■◦➢►✓❖]|\d{1,2}[./)]|\d{1,2}[ \t]*[-–]|[a-zđ][.)])[ \t]+"
                     r"(?P<item>[^\n]{2,120}?)[ \t]*[;,.]?[ \t]*(?=\n|$)")


# a line with no bullet: an item only when it opens with a body's name ("Báo Yên Bái;")
_LINE = re.compile(r"\n[ \t]*(?P<item>[^\n;,.]{2,120}?)[ \t]*[;,.]?[ \t]*(?=\n|$)")
# what a table or a loose list holds between its items (the corpus files are web pages as text:
# a table is one cell a line, or a row of "|" or tab-separated cells): a blank line, a rule
# ("|---|---|"), a row's number alone, a header, a cell that labels a member's role
_FILLER_CELL = (r"(?:\d{1,2}[./)]?|STT|TT|Số[ \t]+TT|(?:Tên[ \t]+)?[Đđ]ơn[ \t]+vị|Ghi[ \t]+chú|"
                r"(?:Cụm|Khối)[ \t]+(?:trưởng|phó)|Thành[ \t]+viên)")
_FILLER = re.compile(rf"\n(?:[-:| \t]*|[ \t|]*{_FILLER_CELL}(?:[ \t|]+{_FILLER_CELL})*[ \t|]*)"
                     r"(?=\n|$)")
_MAX_FILLERS = 6  # between two items: a table's header row, one cell a line, is no longer
_ROW = re.compile(r"\n(?P<row>[^\n]*[|\t][^\n]*)(?=\n|$)")
_CELL_SEP = re.compile(r"[|\t]")


def _bullets(doc: Doc, pos: int) -> list[tuple[str, int, int]]:
    """Items written one a line after a colon: "- Báo Yên Bái;" "1. Báo Lào Cai", lines that
    each hold one body's name, or a table's rows (one cell a line, or cells split by "|" or
    tabs), the body's cell taken from each row."""
    items: list[tuple[str, int, int]] = []
    while len(items) < MAX_ITEMS:
        fillers = 0
        while fillers < _MAX_FILLERS and (f := _FILLER.match(doc.canon, pos)) is not None:
            pos, fillers = f.end(), fillers + 1
        item = _row_item(doc, pos) or _line_item(doc, pos)
        if item is None and not items and (head := _ROW.match(doc.text, pos)) is not None:
            # a header row of any words ("| STT | Đơn vị | Điểm |") before the first item
            item = _row_item(doc, head.end())
        if item is None:
            return items
        (s, e), line_end = item
        for ps, pe in _several(doc, pos, line_end) or [(s, e)]:
            if len(items) < MAX_ITEMS:
                items.append((doc.slice(ps, pe), ps, pe))
        pos = line_end
    return items


_LINE_PARTS = re.compile(r"[ \t]*(?:[,|\t])[ \t]*")
_LINE_LEAD = re.compile(r"\n[ \t]*(?:(?:[-–—+•*·▪■◦➢►✓❖]|\d{1,2}[./)]?)(?=[ \t])[ \t]*)?")


def _several(doc: Doc, pos: int, end: int) -> list[tuple[int, int]] | None:
    """The items of a line or a row that holds several ("- Trần Phú, Hà Huy Tập;", "Hoàn
    Kiếm<tab>Cửa Nam<tab>Ba Đình"): split at commas, tabs or "|", when every part (a note in
    brackets left aside) is a place's name or one body's whole name; None else."""
    lead = _LINE_LEAD.match(doc.text, pos, end)
    start = lead.end() if lead else pos
    stop = end  # the line's trailing marks dropped (a scan back: a regex search is quadratic
    while stop > start and doc.text[stop - 1] in " \t;,.":  # on a long run of them)
        stop -= 1
    out: list[tuple[int, int]] = []
    cut = start
    for sep in [*_LINE_PARTS.finditer(doc.text, start, stop), None]:
        s, e = doc.trimmed(cut, sep.start() if sep else stop)
        note = _TRAILING_NOTE.search(doc.canon, s, e)  # "Thành Sen (Cụm trưởng)"
        if note and note.start() > s and note.end() == e:
            e = note.start()
        cut = sep.end() if sep else stop
        if e <= s:
            continue
        part = doc.canon[s:e]
        if _NUMBER.match(part.rstrip(".")):
            continue
        unit = parse_forward(doc, s) if ORG_HEAD_CI.match(part) else None
        if not (unit is not None and unit.end == e or places.is_place_name(part)):
            return None
        out.append((s, e))
    return out if len(out) >= 2 else None


def _line_item(doc: Doc, pos: int) -> tuple[tuple[int, int], int] | None:
    """The item of the bulleted or bare line at `pos`, and the line's end."""
    m = _BULLET.match(doc.canon, pos)
    if not m:
        m = _LINE.match(doc.canon, pos)
        unit = parse_forward(doc, m.start("item")) if m else None
        if unit is None or unit.end != m.end("item"):  # the whole line is one name
            m = None
    if not m:
        return None
    s, e = m.start("item"), m.end("item")
    note = _TRAILING_NOTE.search(doc.canon, s, e)  # "- Báo Yên Bái (Cụm trưởng)"
    if note and note.start() > s and note.end() == e:
        # the note is read aside: "• Ban Tuyên giáo và Dân vận Tỉnh ủy (hợp nhất từ Ban Tuyên
        # giáo Tỉnh ủy và Ban Dân vận Tỉnh ủy);" is the one body before the brackets
        e = doc.trimmed(s, note.start())[1]
    if e <= s or not _valid(doc.canon[s:e], False, False):
        return None
    return (s, e), m.end()


def _row_item(doc: Doc, pos: int) -> tuple[tuple[int, int], int] | None:
    """The body's cell of the table row at `pos` ("| 1 | Báo Yên Bái | Cụm trưởng |"), and
    the row's end: the first cell that is one body's whole name or a known place."""
    m = _ROW.match(doc.text, pos)  # tabs are spaces in the canonical copy: read the text
    if m is None:
        return None
    cell_start = m.start("row")
    for sep in [*_CELL_SEP.finditer(doc.text, m.start("row"), m.end()), None]:
        cell_end = sep.start() if sep else m.end()
        s, e = doc.trimmed(cell_start, cell_end)
        cell = doc.canon[s:e]
        if e > s and not _NUMBER.match(cell.rstrip(".")) and _valid(cell, False, False):
            unit = parse_forward(doc, s) if ORG_HEAD_CI.match(cell) else None
            if unit is not None and unit.end == e or places.is_place_name(cell):
                return (s, e), m.end()
        cell_start = sep.end() if sep else m.end()
    return None
