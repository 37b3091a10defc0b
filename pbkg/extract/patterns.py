"""Regular expressions shared by the extractors, and the same-length canonical copy of a text
that they run on (old tone-mark placement "uỷ", "hoá", "Thuý" moved to the new one), so that
every match offset is also an offset into the original NFC text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pbkg.extract import gazetteer as gz
from pbkg.text import fold

UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
CAP_WORD = rf"[{UPPER}][\w’']*"
WORD = r"[\w’']+"
DASH = "[-–—]"

# -- canonical tone-mark placement -------------------------------------------------------

_OLD_TONES = re.compile(r"([oOuU])([áàảãạéèẻẽẹýỳỷỹỵ])(?![\w])")
_PAIRS = {"o": "ae", "O": "ae", "u": "y", "U": "y"}


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    base, *marks = unicodedata.normalize("NFD", second)
    if base not in _PAIRS[first]:
        return m.group(0)
    return unicodedata.normalize("NFC", first + "".join(marks)) + base


# Odd dashes, quotes and apostrophes as the three dashes, the curly quotes and the
# apostrophe the patterns know (one character for one, so offsets do not move).
_ODD = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2015": "—", "\ufe58": "—", "\u2e3a": "—",
    "\u201e": "“", "\u201f": "“", "\u00ab": "“", "\u00bb": "”", "\u2033": "”",
    "\u2039": "“", "\u203a": "”", "\uff02": "\"",
    "\u2018": "’", "\u201a": "’", "\u201b": "’", "\u2032": "’", "\u02bc": "’", "\u00b4": "’",
    "\u0060": "’",
    # every space character but the line break as a plain space, zero-width ones too (a
    # table lookup: a regular expression substituting each space is slower)
    **{chr(c): " " for c in range(0x3001) if chr(c).isspace() and c != 10},
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", " "),
})


class CharMap:
    """str.translate for a table of characters that seldom occur: a regular expression finds
    them and only they are replaced (translate looks every character up: 0.08 s a MB)."""

    def __init__(self, table: dict[int, str]) -> None:
        self.table = {chr(k): v for k, v in table.items() if chr(k) != v}
        self.found = re.compile("[" + "".join(re.escape(c) for c in sorted(self.table)) + "]")

    def __call__(self, text: str) -> str:
        return self.found.sub(lambda m: self.table[m.group()], text)


_TO_USUAL = CharMap(_ODD)


# -- years written in words -------------------------------------------------------------

# "năm hai nghìn không trăm mười chín", "năm hai nghìn lẻ năm", "năm một nghìn chín trăm chín
# mươi tám", read digit by digit "năm hai không hai ba": after "năm" only (a count is no year)
_YEAR_WORD = (r"(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|không|linh|lẻ|"
              r"trăm|nghìn|ngàn)")
_SPELLED_YEAR = re.compile(rf"(?<![\w’'])[Nn]ăm(?P<num>(?:[ \t]{{1,3}}{_YEAR_WORD}){{4,9}})"
                           r"(?![\w’'])")
_DIGIT = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
          "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def _below_hundred(words: list[str], i: int) -> tuple[int, int]:
    """The number below a hundred that words[i:] open with, and the words it takes: "mười
    chín" 19, "hai mươi mốt" 21, "linh năm" 5; (0, 0) for none."""
    w = words[i:i + 3]
    if w[:1] in (["linh"], ["lẻ"]) and len(w) > 1 and w[1] in _DIGIT and w[1] != "không":
        return _DIGIT[w[1]], 2
    if w[:1] == ["mười"]:
        if len(w) > 1 and w[1] in _DIGIT and w[1] not in ("không", "mốt", "tư"):
            return 10 + _DIGIT[w[1]], 2
        return 10, 1
    if len(w) > 1 and w[1] == "mươi" and w[0] in _DIGIT and _DIGIT[w[0]] > 1:
        if len(w) > 2 and w[2] in _DIGIT and w[2] != "không":
            return 10 * _DIGIT[w[0]] + _DIGIT[w[2]], 3
        return 10 * _DIGIT[w[0]], 2
    return 0, 0


def _year_value(words: list[str]) -> tuple[int, int]:
    """The year (1900-2099) words open with and the words it takes; (0, 0) for none."""
    if len(words) >= 4 and all(w in _DIGIT and w not in ("mốt", "tư", "lăm") for w in words[:4]):
        # digit by digit: "hai không hai ba"
        if words[4:5] and words[4] in _DIGIT:
            return 0, 0
        value = int("".join(str(_DIGIT[w]) for w in words[:4]))
        return (value, 4) if 1900 <= value <= 2099 else (0, 0)
    if len(words) < 3 or words[1] not in ("nghìn", "ngàn") or words[0] not in ("một", "hai"):
        return 0, 0
    value, i = 1000 * _DIGIT[words[0]], 2
    if words[i + 1:i + 2] == ["trăm"] and words[i] in _DIGIT:
        value, i = value + 100 * _DIGIT[words[i]], i + 2
    rest, taken = _below_hundred(words, i)
    value, i = value + rest, i + taken
    if i < len(words) and words[i] in _DIGIT or not 1900 <= value <= 2099 or i < 3:
        return 0, 0  # a number that goes on, or none that is a year
    return value, i


def _digits_for_words(m: re.Match[str]) -> str:
    num = m.group("num")
    parts = list(re.finditer(r"\S+", num))
    value, taken = _year_value([p.group() for p in parts])
    if not taken:
        return m.group(0)
    end = parts[taken - 1].end()
    digits = str(value)
    return m.group(0)[:3] + digits.rjust(end) + num[end:]


def spelled_years(canon: str) -> str:
    """`canon` with each year written in words after "năm" as its digits, right-aligned in the
    words' place ("năm hai nghìn không trăm mười chín," -> "năm" and spaces and "2019,"), so
    that the year patterns read it and offsets do not move; the text keeps the words."""
    if "ghìn" not in canon and "ngàn" not in canon and "không" not in canon:
        return canon
    return _SPELLED_YEAR.sub(_digits_for_words, canon)


def canonical(text: str) -> str:
    """Same-length copy of NFC `text` with the new tone-mark placement ("uỷ" -> "ủy"), every
    space character (no-break, thin, tab, zero-width) as a plain space, and odd dashes and
    quotes as the usual ones."""
    text = _TO_USUAL(text)
    out = _OLD_TONES.sub(_move_tone, text)
    return out if len(out) == len(text) else text


# -- words that end names ---------------------------------------------------------------


def first_char_led(pattern: re.Pattern[str], first: str) -> re.Pattern[str]:
    """`pattern` behind a lookahead on the characters a match can start with (a regex
    character class body). Python's engine tries a pattern that opens with a lookbehind or an
    optional group at every position; with the lookahead it skips ahead by that class, 1.3-3x
    faster over a whole text. The matches are the same when `first` holds every first
    character (tests/test_extract_robust.py checks each pattern on the corpus)."""
    return re.compile(f"(?=[{first}])(?:{pattern.pattern})", pattern.flags)


def _phrases(words: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# "không" (not) is no stop as the second half of the compound "hàng không" (aviation):
# "Tổng công ty Hàng không Việt Nam", "Tổng công ty Cảng hàng không Việt Nam"
NAME_STOP = re.compile(rf"(?<![\w’'])(?!(?<=[Hh]àng[ \t])không(?![\w’']))"
                       rf"(?:{_phrases(gz.NAME_STOPS)})(?![\w’'])")
# "dự" (attends) ends a run of posts, "dự khuyết" (alternate member) is part of one
# what the people of a conference do, once written with a capital after a name or a cluster
# ("đồng chí A cụm trưởng cụm thi đua số 2 Phát biểu khai mạc"): matched in any case
CONFERENCE_VERB = (r"(?i:chủ\s+trì|phát\s+biểu|khai\s+mạc|bế\s+mạc|tham\s+dự|dự|kết\s+luận|"
                   r"chúc\s+mừng|quán\s+triệt|nhất\s+trí|thống\s+nhất|bầu|suy\s+tôn|"
                   r"biểu\s+dương)(?![\w’'])")
POSITION_STOP = re.compile(
    rf"(?<![\w’'])(?!dự\s+khuyết)(?:{_phrases(gz.POSITION_STOPS)})(?![\w’'])")

# -- roles ------------------------------------------------------------------------------

_CK = r"(?:cụm|khối)"
ROLE = re.compile(
    rf"(?P<standing>{_CK}\s+phó\s+thường\s+trực"
    rf"|phó\s+(?:trưởng\s+{_CK}|{_CK}\s+trưởng)\s+thường\s+trực"
    rf"|đơn\s+vị\s+phó\s+{_CK}\s+thường\s+trực)"
    rf"|(?P<vice>{_CK}\s+phó|phó\s+trưởng\s+{_CK}|phó\s+{_CK}\s+trưởng|đơn\s+vị\s+phó\s+{_CK}"
    # "Phó cụm", "Phó Khối": the vice-chair's short form, never a cluster's own name
    rf"|phó\s+{_CK}(?!\s+thi\s+đua))"
    rf"|(?P<chair>{_CK}\s+trưởng|trưởng\s+{_CK}|đơn\s+vị\s+trưởng\s+{_CK})"
    r"(?![\w’'])(?!\s+(?:phố|dân\s+cư))",
    re.IGNORECASE,
)
ROLE_NAMES = {"standing": "standing-vice-chair", "vice": "vice-chair", "chair": "chair"}
_CK_WORD = re.compile(r"cụm|khối", re.IGNORECASE)
_CK_WORD = first_char_led(_CK_WORD, "ck")


def find_role_words(canon: str) -> list[re.Match[str]]:
    """ROLE.finditer(canon), run only around the words "cụm" / "khối" that every role word
    holds (the pattern ignores case and opens with alternatives, so scanning all the text with
    it tries it at every character). A role word starts at most 24 characters before its
    "cụm"/"khối" and ends within 20 after it, so windows of [-24, +60] lose none."""
    out: list[re.Match[str]] = []
    segments: list[list[int]] = []
    for k in _CK_WORD.finditer(canon):
        lo, hi = max(0, k.start() - 24), min(len(canon), k.end() + 60)
        if segments and lo <= segments[-1][1]:
            segments[-1][1] = hi
        else:
            segments.append([lo, hi])
    for lo, hi in segments:
        out.extend(m for m in ROLE.finditer(canon, lo, hi)
                   if not _OTHER_CLUSTER_AFTER.match(canon, m.end())
                   and not (m.group(0)[-1:].lower() in "mi"
                            and _OTHER_KIND_AFTER.match(canon, m.end())))
    return _with_abbreviations(canon, out)


# an abbreviation the text defines for a role word: "(KT: khối trưởng; KP: khối phó)",
# "CT - cụm trưởng", "khối trưởng (KT)", "cụm phó (viết tắt là CP)"
_ABBR_BEFORE = re.compile(r"(?<![\w])(?P<abbr>[A-ZĐ]{2,5})[ \t]*(?:[:=]|[-–—]|là)[ \t]*$")
_ABBR_AFTER = re.compile(r"[ \t]*\([ \t]*(?:(?:viết|gọi)[ \t]+tắt[ \t]*(?:là)?[ \t]*:?[ \t]*)?"
                         r"(?P<abbr>[A-ZĐ]{2,5})[ \t]*\)")
_INITIAL = re.compile(r"(?<![\w])\w")
MAX_ABBREVIATIONS = 6


def _initials(word: str) -> str:
    return "".join(c.group().upper() for c in _INITIAL.finditer(word)).replace("Đ", "D")


def _with_abbreviations(canon: str, words: list[re.Match[str]]) -> list[re.Match[str]]:
    """`words` with the uses of the abbreviations the text defines for role words, each read
    as the role word from its definition on: "(KT: khối trưởng; KP: khối phó): Khối X - A (KT),
    B (KP)". Only an abbreviation made of the role word's initials ("KT" for "khối trưởng",
    "CPTT" for "cụm phó thường trực"), used in capitals as a word of its own; the defining role
    words state no fact and are dropped."""
    defined: dict[str, tuple[str, int]] = {}  # abbreviation -> (role group, where defined)
    legend: set[int] = set()
    for m in words:
        if len(defined) >= MAX_ABBREVIATIONS:
            break
        before = _ABBR_BEFORE.search(canon, max(0, m.start() - 12), m.start())
        after = None if before else _ABBR_AFTER.match(canon, m.end())
        found = before or after
        if found is None:
            continue
        abbr = found.group("abbr")
        if _initials(m.group(0)) != abbr.replace("Đ", "D") or abbr in defined:
            continue
        defined[abbr] = (m.lastgroup or "chair", found.end() if after else m.end())
        legend.add(m.start())
    if not defined:
        return words
    groups = "|".join(f"(?P<{g}{i}>{re.escape(a)})" for i, (a, (g, _)) in
                      enumerate(defined.items()))
    use = re.compile(rf"(?<![\w&/.-])(?:{groups})(?![\w&/-]|\.\w)")
    uses: list[re.Match[str]] = []
    for u in use.finditer(canon):
        abbr = u.group()
        group, since = defined[abbr]
        if u.start() >= since:
            use_ = _ABBR_USE[group].match(canon, u.start(), u.end())
            if use_ is not None:
                uses.append(use_)
    kept = [m for m in words if m.start() not in legend]
    return sorted(kept + uses, key=lambda m: m.start())


# a use of a role's abbreviation, matched at its place so that the role reads its group
_ABBR_USE = {g: re.compile(rf"(?P<{g}>[A-ZĐ]{{2,5}})") for g in ("standing", "vice", "chair")}


# the head of a cluster of another kind: "cụm trưởng cụm dân cư số 3", "khối trưởng khối phố 5",
# "Cụm trưởng cụm công nghiệp Tân Phú" (not an emulation cluster's chair)
_OTHER_KINDS = (r"dân[ \t]+cư|(?:dân[ \t]+)?phố|công[ \t]+nghiệp|làng[ \t]+nghề|tuyến|nhà|"
                r"liên[ \t]+gia")
_OTHER_CLUSTER_AFTER = re.compile(
    rf"[ \t]+(?:cụm|khối)[ \t]+(?:{_OTHER_KINDS}|xã|thôn|dân[ \t]+vận[ \t]+thôn)(?![\w])",
    re.IGNORECASE)
# a role word ending with "cụm"/"khối" whose cluster is of another kind: "Trưởng cụm công tác số
# 2", "Trưởng khối phố", "Trưởng cụm dân cư"
_OTHER_KIND_AFTER = re.compile(rf"[ \t]+(?:công[ \t]+tác|{_OTHER_KINDS})(?![\w])", re.IGNORECASE)

# -- clusters ---------------------------------------------------------------------------

# also a heading in capitals, the common slip "thị đua" and the abbreviation "Cụm TĐ"
CLUSTER_HEAD = re.compile(r"(?<![\w])(?P<kind>[Cc]ụm|[Kk]hối|CỤM|KHỐI)\s+"
                          r"(?:[Tt]h[iị]\s+đua|THI\s+ĐUA|TĐ)(?![\w])")
CLUSTER_HEAD = first_char_led(CLUSTER_HEAD, "CcKk")
CLUSTER_BARE = re.compile(r"(?<![\w])(?P<kind>Cụm|Khối)\s+(?:số\s+)?(?P<num>\d{1,3})(?![\w/])")
CLUSTER_BARE = first_char_led(CLUSTER_BARE, "CK")
NUMBER = re.compile(r"\s*(?:(?:số|SỐ|thứ)\s+)?(?P<num>\d{1,3}|[IVXLC]{1,6})(?![\w/-])")

# -- people -----------------------------------------------------------------------------

SURNAME = "|".join(sorted(set(gz.SURNAMES), key=len, reverse=True))
# a surname and one to four more syllables ("Nguyễn Phan Thị Mỹ Linh")
PERSON = re.compile(rf"(?<![\w’'])(?:{SURNAME})(?:\s+{CAP_WORD}){{1,4}}(?![\w’'])")
PERSON = first_char_led(PERSON, UPPER)
# A name of two to four capitalized syllables whatever its surname; taken for a person only in
# a context that says so (after "đồng chí", "TS", or before "- Title").
LOWER = _LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_SYLLABLE = rf"[{UPPER}][{_LOWER}]*"
_SYLLABLE_ANY = rf"{_SYLLABLE}(?:[’'][{UPPER}]?[{_LOWER}]+)?"
NAME_ANY = re.compile(
    rf"(?<![\w’'])(?:{_SYLLABLE_ANY})(?:[ \t]+{_SYLLABLE_ANY}){{1,4}}(?![\w’'])"
)  # "Y Thanh Hà Niê Kđăm", "H’Yim Kđoh"
NAME_ANY = first_char_led(NAME_ANY, UPPER)
TITLE = re.compile(
    # "Q. Trưởng ban": the acting head, abbreviated
    rf"(?:(?:[Nn]guyên|[Qq]uyền)\s+|Q\.[ \t]*)?(?:(?:phó|Phó|[Hh]àm)\s+)?"
    rf"(?:{_phrases([t for t in gz.TITLES])})(?![\w’'])", re.IGNORECASE
)
# titles of honour and teaching ranks that stack before an academic title or a name:
# "NGƯT.TS. A", "ThS.GVC. B", "NGND, PGS.TS C" (Nhà giáo ưu tú / nhân dân, giảng viên chính)
_HONOUR = r"(?:NGND|NGƯT|NSND|NSƯT|TTND|TTƯT|GVCC|GVC|PGS|GS)"
HONORIFIC = re.compile(
    rf"(?:(?<![\w])(?:đồng\s+chí|đ/c|ông|bà)|(?<![\w.])(?:{_HONOUR}\.?[ \t]*,?[ \t]*){{0,3}}"
    rf"(?:TSKH|TS|ThS|Th\.S|NCS|BS|KS|CN|LS|Ths|Ts)\.?"
    rf"|(?<![\w.])(?:(?:TSKH|TS|ThS|Th\.S|Ths|{_HONOUR})\.?[ \t]*,?[ \t]*){{0,3}}{_HONOUR}\.?)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
# academic and professional titles written before a name (not case-folded: "ts" is no title)
ACADEMIC = re.compile(
    rf"(?:(?:TSKH|TS|ThS|Th\.S|Ths|NCS|{_HONOUR})\.?\s*,?\s*){{0,3}}"
    rf"(?:TSKH|TS|ThS|Th\.S|Ths|NCS|BS|KS|LS|{_HONOUR})\.?$"
)

# -- organizations ----------------------------------------------------------------------

# a party committee abbreviated before its place: "ĐU phường Rạch Giá", "QU Thốt Nốt", "HU Cờ
# Đỏ" (Đảng ủy, Quận ủy, Huyện ủy, Tỉnh ủy); not the committee's letters of a board's own
# abbreviation ("BTC TU Sóc Trăng", "UBKT HU X": that board is the body)
_COMMITTEE_ABBR = (rf"(?<![{UPPER}][ \t])(?-i:ĐU|HU|QU|TU)(?=[ \t]+(?-i:[{UPPER}]|(?:phường|xã|"
                   rf"đặc[ \t]+khu|thị[ \t]+trấn|huyện|quận|thị[ \t]+xã|thành[ \t]+phố|tỉnh)"
                   rf"(?![\w])))")
ORG_HEAD = re.compile(rf"(?<![\w’'])(?:{_phrases(gz.ORG_HEADS)}|{_COMMITTEE_ABBR})(?![\w’'])")
ORG_HEAD_CI = re.compile(ORG_HEAD.pattern, re.IGNORECASE)
# a body's name that holds a separator of lists ("Đài Phát thanh và Truyền hình", "Báo và Phát
# thanh, Truyền hình"), whatever dash or spacing it is written with
COMPOUND_HEAD = re.compile("|".join(
    re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[ \t]*[-–—][ \t]*")
    .replace(",", r"[ \t]*,")
    for w in sorted(gz.COMPOUND_HEADS, key=len, reverse=True)) + r"(?![\w’'])")
COMPOUND_HEAD = first_char_led(COMPOUND_HEAD, "ĐB")
HEAD_TITLE = re.compile(
    rf"^(?:(?:phó|Phó)\s+)?(?:{_phrases(gz.HEAD_TITLES)})(?:\s*{DASH}\s*"
    rf"(?:(?:phó|Phó)\s+)?(?:{_phrases(gz.HEAD_TITLES)}))*\s+",
    re.IGNORECASE,
)

# -- years and dates --------------------------------------------------------------------

YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
NAM_YEAR = re.compile(rf"(?<![\w])năm\s+(?P<year>{YEAR})(?![\d])", re.IGNORECASE)
NAM_YEAR = first_char_led(NAM_YEAR, "n")
PERIOD = re.compile(rf"giai\s+đoạn\s+(?P<from>{YEAR})\s*{DASH}\s*(?P<to>{YEAR})", re.IGNORECASE)
FULL_DATE = re.compile(
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})(?!\d)"
)
DAY_MONTH = re.compile(r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?![\d])(?!\s*[/.-]\s*\d)")
WORDY_DATE = re.compile(
    rf"ngày\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})(?:\s+năm\s+(?P<y>{YEAR}))?",
    re.IGNORECASE,
)


def valid_day_month(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def roman_to_int(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    numerals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total, prev = 0, 0
    for ch in reversed(value.upper()):
        n = numerals.get(ch)
        if n is None:
            return None
        total = total - n if n < prev else total + n
        prev = max(prev, n)
    return total or None


# -- comparison keys --------------------------------------------------------------------

_NON_WORD = re.compile(r"[^\w]+")
_ABBR = sorted(gz.ABBREVIATIONS.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=1 << 16)
def norm_key(text: str | None, expand: bool = False) -> str:
    """Folded, punctuation-free key; with `expand`, abbreviations such as BTC TU are spelled out."""
    if not text:
        return ""
    key = " ".join(_NON_WORD.sub(" ", fold(text).replace("_", " ")).split())
    if expand and key:
        padded = f" {key} "
        for short, full in _ABBR:
            padded = padded.replace(f" {short} ", f" {full} ")
        key = padded.strip()
    return key


def contains_words(outer: str, inner: str) -> bool:
    """True if key `inner` occurs in key `outer` at word boundaries."""
    return bool(inner) and f" {inner} " in f" {outer} "
