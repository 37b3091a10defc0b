"""Organization names ("units"): where one starts and ends in running text, read forward from
its first word or backward from the word after it, and lists of them ("BTCTU Bến Tre và An
Giang"), with the shared prefix of a distributive list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pbkg.extract.doc import Doc
from pbkg.extract.patterns import (
    CAP_WORD,
    COMPOUND_HEAD,
    NAME_STOP,
    ORG_HEAD,
    ORG_HEAD_CI,
    ROLE,
    TITLE,
    UPPER,
)

_TOKEN = re.compile(r"[\w’']+(?:&[\w’']+)*")  # "Ban TG&DV Tỉnh ủy": "&" inside an abbreviation
_SPACE = re.compile(r"[ \t]+")
_HYPHEN = re.compile(r"[ \t]*[-–][ \t]*")
_BOUNDARY = re.compile(r"[,;:()\n“”\"!?]|(?<!TP)(?<!Tp)(?<!TX)\.")  # "TP.HCM" is one name
_CK_NEXT = re.compile(r"(?:cụm|khối)\s+(?:trưởng|phó|thi\s+đua)(?![\w])", re.IGNORECASE)
_LEVEL = re.compile(
    r"(?:phường|xã|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)(?![\w])", re.IGNORECASE
)
_NOT_ORG = re.compile(
    r"Hội\s+(?:nghị|thảo|thi|diễn|viên)(?![\w])|Đoàn\s+(?:công\s+tác|viên)(?![\w])"
    # the organizing committee of an event ("Ban tổ chức hội thi", "Ban Tổ chức Giải"), set up
    # for it: no standing body of the party
    r"|[Bb]an\s+[Tt]ổ\s+chức\s+(?:[Hh]ội\s+(?:thi|thao|diễn|nghị|báo|trại)|[Cc]uộc\s+thi|"
    r"[Gg]iải|[Ll]ễ|[Ll]iên\s+hoan|[Cc]hương\s+trình|[Đđ]ại\s+hội|[Tt]uần\s+lễ)(?![\w])"
)
# words a number may follow inside a name ("Quận ủy Quận 1", "Đảng ủy Phường 3", "Khu phố 2")
_NUMBERED_LEVEL = {"số", "quận", "phường", "phố", "tổ", "ấp", "khóm", "thôn", "xóm", "khu"}
_LIST_SEP = re.compile(r"[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")
_CAPITAL = re.compile(rf"[{UPPER}]")


def is_capitalized(token: str) -> bool:
    return bool(token) and bool(_CAPITAL.match(token))


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    text: str
    full: str  # the text with a distributive prefix restored ("BTCTU" + "An Giang")

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


# A run of bare place names, as a role or a ranking may name its units: "Phù Ninh, Cẩm Khê và
# Tam Nông" (each word capitalized; place_units checks each is a place)
PLACE = rf"{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,3}}"
PLACE_RUN = rf"{PLACE}(?:[ \t]*,[ \t]*{PLACE}){{0,5}}(?:[ \t]+và[ \t]+{PLACE})?"
_PLACE_SEP = re.compile(r"[ \t]*,[ \t]*|[ \t]+và[ \t]+")


def place_units(doc: Doc, start: int, end: int) -> list[Unit]:
    """The places of a run of bare place names (PLACE_RUN) at [start, end), one Unit each;
    none unless every one is a place name."""
    from pbkg.extract import places  # the gazetteer loads on first use only

    canon = doc.canon
    units: list[Unit] = []
    s = start
    for sep in [*_PLACE_SEP.finditer(canon, start, end), None]:
        e = sep.start() if sep else end
        if not places.is_place_name(canon[s:e]):
            return []
        units.append(Unit(s, e, doc.slice(s, e), doc.slice(s, e)))
        s = sep.end() if sep else e
    return units


_ABBR_DOT = re.compile(r"\.[ \t]?(?=[A-ZĐ])")
# how the second half of a name joined by "và" ends, maybe with its place: "Ban Tuyên giáo và
# Dân vận Tỉnh ủy", "... Dân vận Thành ủy Đà Nẵng"
_NAME_TAIL = re.compile(r"(?:[Tt]ỉnh|[Tt]hành\s+phố|huyện|quận|Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy|"
                        # (the place maybe after an abbreviation and its dot: "TP.Hồ Chí Minh")
                        rf"Quận\s+ủy|Thị\s+ủy|Trung\s+ương)(?:\s+[{UPPER}](?:[\w’']|\.(?=[{UPPER}]))*)"
                        r"{0,4}$")


# the two fields of a department or ministry named together ("Sở Tài nguyên và Môi trường",
# "Chi bộ Sở Khoa học và Công nghệ", "Bộ Lao động - Thương binh và Xã hội")
_FIELDS_AND = re.compile(r"(?:Tài[ \t]+nguyên|Khoa[ \t]+học|Nông[ \t]+nghiệp|Giáo[ \t]+dục|"
                         r"Thông[ \t]+tin|Kế[ \t]+hoạch|Thương[ \t]+binh|Thể[ \t]+thao|"
                         r"Dân[ \t]+tộc|Văn[ \t]+hóa|Đầu[ \t]+tư)[ \t]+và")
_FIELDS_AFTER = re.compile(r"(?:Môi[ \t]+trường|Công[ \t]+nghệ|Phát[ \t]+triển[ \t]+nông[ \t]+"
                           r"thôn|Đào[ \t]+tạo|Truyền[ \t]+thông|Đầu[ \t]+tư|Xã[ \t]+hội|"
                           r"Du[ \t]+lịch|Tôn[ \t]+giáo|Thông[ \t]+tin|"
                           # "Sở Văn hóa và Thể thao", "Ngân hàng Đầu tư và Phát triển"
                           r"Thể[ \t]+thao|Phát[ \t]+triển)(?![\w’'])")
# the one office of a province's deputies and its council: "Văn phòng Đoàn đại biểu Quốc hội và
# HĐND tỉnh" (the two bodies apart are no office's name)
_DEPUTIES_OFFICE = re.compile(r"Văn[ \t]+phòng[ \t]+Đoàn[ \t]+(?:đại[ \t]+biểu[ \t]+Quốc[ \t]+hội|"
                              r"ĐBQH)[ \t]+và$")
_COUNCIL_AFTER = re.compile(r"(?:HĐND|Hội[ \t]+đồng[ \t]+nhân[ \t]+dân)(?![\w’'])")


_FIELDS_BEFORE = re.compile(_FIELDS_AND.pattern[:-len(r"[ \t]+và")] + "$")


def joins_fields(canon: str, left_end: int, right_start: int) -> bool:
    """True when the text ending at `left_end` and the one at `right_start` are the two fields
    of a department's name, the "và" between them ("Sở Khoa học" / "Công nghệ")."""
    return bool(_FIELDS_BEFORE.search(canon[max(0, left_end - 20) : left_end])) and bool(
        _FIELDS_AFTER.match(canon, right_start))


def _and_joins(doc: Doc, start: int, after: int, max_tokens: int) -> bool:
    """True when "và" at `after` joins two halves of one body's name: the name so far opens
    with a body word, what follows is no body and no place of its own and ends the way
    names end ("Ban Tuyên giáo và Dân vận Tỉnh ủy"), not "Huyện ủy A và B" (B a place); or
    it joins the two fields a department is named after ("Sở Khoa học và Công nghệ")."""
    from pbkg.extract import places  # loaded on first use only

    canon = doc.canon
    sp = _SPACE.match(canon, after)
    fields = _FIELDS_AND.search(canon, max(0, after - 20), after)
    if fields is not None and fields.end() == after and sp and _FIELDS_AFTER.match(canon,
                                                                                  sp.end()):
        return True
    if sp and _COUNCIL_AFTER.match(canon, sp.end()) and _DEPUTIES_OFFICE.search(
            canon, max(start, after - 50), after):
        return True  # "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh"
    if not sp or not ORG_HEAD.match(canon, start):
        return False
    q = sp.end()
    tok = _TOKEN.match(canon, q)
    if not tok or not is_capitalized(tok.group()) or ORG_HEAD.match(canon, q) or (
            TITLE.match(canon, q) or ROLE.match(canon, q)):
        return False
    end = _tokens_forward(doc, q, max_tokens)
    if end is None:
        return False
    words = canon[q:end].split()
    for n in range(1, min(4, len(words)) + 1):  # a place written as one: capitalized words
        head = words[:n]
        if all(is_capitalized(w) for w in head) and places.is_place(" ".join(head)):
            return False
    rest = " ".join(words)
    return bool(_NAME_TAIL.search(rest))


def _tokens_forward(doc: Doc, pos: int, max_tokens: int) -> int | None:
    """End offset of a name starting at `pos`, stopping at punctuation, verbs and roles."""
    canon = doc.canon
    p, end, count, prev = pos, None, 0, ""
    compound = COMPOUND_HEAD.match(canon, pos)
    if compound:  # "Đài Phát thanh và Truyền hình ...": its "và" ends no name
        end = compound.end()
        words = _TOKEN.findall(compound.group())
        count, prev = len(words), words[-1]
        sp = _SPACE.match(canon, end)
        if not (sp and _TOKEN.match(canon, sp.end())):
            return end
        p = sp.end()
    while count < max_tokens:
        m = _TOKEN.match(canon, p)
        if not m:
            break
        tok = m.group()
        if count > 0 and tok[0] in "ĐB" and (inner := COMPOUND_HEAD.match(canon, p)):
            # "Đảng bộ Báo và Phát thanh, Truyền hình Đồng Nai", "Chi bộ Đài Phát thanh và
            # Truyền hình tỉnh": a merged body's name inside another's, its "và" and comma
            # end no name
            words = _TOKEN.findall(inner.group())
            end, prev, count = inner.end(), words[-1], count + len(words)
            sp = _SPACE.match(canon, end)
            if not (sp and _TOKEN.match(canon, sp.end())):
                break
            p = sp.end()
            continue
        if count > 0:
            stop = NAME_STOP.match(canon, p)
            if stop and stop.group() == "và" and _and_joins(doc, pos, stop.end(), max_tokens):
                # "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh": "và" inside one name
                p = _SPACE.match(canon, stop.end()).end()
                count += 1
                continue
            if stop and not (prev.lower() == "ban" and stop.group().startswith("tổ")):
                break
            if ROLE.match(canon, p) or _CK_NEXT.match(canon, p):
                break
            if tok.isdigit() and prev.lower() not in _NUMBERED_LEVEL:
                break
        end, prev, count = m.end(), tok, count + 1
        sp = _SPACE.match(canon, end)
        if sp and _TOKEN.match(canon, sp.end()):
            p = sp.end()
            continue
        dot = _ABBR_DOT.match(canon, end) if tok in {"TP", "Tp", "TX", "Tx"} else None
        if dot and _TOKEN.match(canon, dot.end()):  # "Thành ủy TP.HCM", "TP. Cần Thơ"
            p = dot.end()
            continue
        hy = _HYPHEN.match(canon, end)
        if hy and hy.end() > end:
            nxt = _TOKEN.match(canon, hy.end())
            if (
                nxt
                # "Đài Phát thanh - Truyền hình tỉnh": the one compound joined after a lower word
                and (is_capitalized(prev) or canon.startswith("Truyền hình", hy.end()))
                and is_capitalized(nxt.group())
                and not TITLE.match(canon, hy.end())
                and not ROLE.match(canon, hy.end())
            ):
                p = hy.end()
                continue
        break
    return end


# the last word of a post ("Trưởng ban", "Phó Trưởng Ban Thường trực") written before the
# board it heads: no body's name opens with it
_POST_WORDS = re.compile(r"[Bb]an(?:[ \t]+[Tt]hường[ \t]+trực)?[ \t]+(?=Ban[ \t])")


# -- enterprises named by their brand --------------------------------------------------
# An enterprise or a bank is named by its brand once its full name has been introduced with
# it in brackets ("Tập đoàn Điện lực Việt Nam (EVN)", "Công ty Cổ phần Nước - Môi trường Bình
# Dương (Biwase)"), then alone ("bầu EVN làm Khối trưởng") or with its branch's place
# ("VietinBank Nghệ An", "Agribank Chi nhánh An Giang"). A brand is written in Latin letters
# with no tone mark, and is no Vietnamese syllable: an abbreviation of three or more capitals
# ("BIDV", "ACB"), a word with an inner capital ("VietinBank", "MobiFone"), or a word no
# syllable spells ("Viettel", "Agribank", "Petrolimex"). Written alone it names a body only
# when the page introduced it; with a place after it, it does anyway.
_LATIN = re.compile(r"(?<![\w’'])[A-Z][A-Za-z]*(?![\w’'])")
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
                       r"(?:ch|ng|nh|[cmnpt])?", re.IGNORECASE)
# the capitals of Vietnamese abbreviations and headings that are no brand
_NO_BRAND = frozenset({
    "TP", "TX", "TT", "TW", "UBND", "HĐND", "MTTQ", "TAND", "VKSND", "THPT", "THCS", "CLB",
    "HTX", "CCB", "BCH", "BTV", "BTC", "TNHH", "MTV", "TMCP", "CP", "NHNN", "CT", "NQ", "KL",
    "QĐ", "TB", "HD", "KH", "BC", "VN", "TNCS", "HCM", "II", "III", "IV", "VI", "VII", "VIII",
    "IX", "XI", "XII", "XIII", "XIV", "XV", "LĐLĐ", "CAND", "QĐND", "PGS", "TS", "ThS", "GS",
    "BTCTU", "BTGTU", "BDVTU", "VPTU", "UBKT", "HLHPN", "CNVC", "CBCCVC", "NLĐ", "ATTP", "PCCC",
})
_BRANCH = re.compile(r"[ \t]+[Cc]hi[ \t]+nhánh(?![\w’'])")
_ALIAS = re.compile(r"\((?P<alias>[A-Z][A-Za-z]*(?:[ \t][A-Z][A-Za-z]*|[ \t]\d{1,2}){0,2})\)")
_CAP_RUN = re.compile(rf"[ \t]+(?P<w>[{UPPER}][\w’']*(?:[ \t]+[{UPPER}][\w’']*){{0,3}})")


def brand_shaped(token: str) -> bool:
    """True when `token` (Latin letters) is written as a brand, not as a Vietnamese word."""
    if token in _NO_BRAND or not token.isascii() or len(token) < 2:
        return False
    if token.isupper():
        return len(token) >= 3
    if any(c.isupper() for c in token[1:]):
        return True
    return len(token) >= 5 and not _SYLLABLE.fullmatch(token)


def introduced(doc: Doc) -> dict[str, tuple[int, str | None]]:
    """The brands the page introduces in brackets after a name: "(EVN)", "(Becamex IDC)",
    "(MB)" (a short one too: the brackets say it is a name; not a body's usual abbreviation,
    "(BTG)"), each with where its first
    brackets open and the body's full name before them (None when no head opens it: "các
    ngân hàng: Ngoại thương (Vietcombank)"). Read once a page."""
    found = doc.__dict__.get("_brand_intro")
    if found is None:
        found = doc.__dict__["_brand_intro"] = {}
        for m in _ALIAS.finditer(doc.canon):
            alias, first = m.group("alias"), m.group("alias").split()[0]
            if alias in found or first in _NO_BRAND or ORG_HEAD.fullmatch(first) or not (
                    brand_shaped(first) or first.isupper() and m.start() > 0
                    and doc.canon[m.start() - 1] == " "):
                continue
            full = parse_backward(doc, m.start()) if m.start() > 0 else None
            found[alias] = (m.start(), full.text if full else None)
    return found


def _by_first_word(doc: Doc) -> dict[str, list[str]]:
    """The introduced brands by their first word (looked up in constant time)."""
    found = doc.__dict__.get("_brand_first")
    if found is None:
        found = doc.__dict__["_brand_first"] = {}
        for alias in introduced(doc):
            found.setdefault(alias.split()[0], []).append(alias)
    return found


# a party organization of an enterprise: "Đảng bộ Agribank", "Đảng ủy TKV"
_PARTY_OF = re.compile(r"(?:Đảng[ \t]+bộ|Đảng[ \t]+ủy|Chi[ \t]+bộ)[ \t]+")


def introduced_as(doc: Doc, text: str) -> tuple[int, str | None] | None:
    """Where the brand that names `text` ("EVN", "Đảng ủy TKV", "BIDV Nghệ An") was
    introduced, and the full name it was introduced for; None when no introduced brand opens
    it."""
    party = _PARTY_OF.match(text)
    rest = text[party.end():] if party else text
    best = None
    for alias in _by_first_word(doc).get(rest.split()[0] if rest.split() else "", []):
        if (rest == alias or rest.startswith(alias + " ")) and (
                best is None or len(alias) > len(best[0])):
            best = (alias, introduced(doc)[alias])
    return best[1] if best else None


def _place_after(doc: Doc, pos: int) -> int | None:
    """End of the place name (capitalized words a gazetteer knows) right after `pos`."""
    from pbkg.extract import places  # loaded on first use only

    m = _CAP_RUN.match(doc.canon, pos)
    if m is None:
        return None
    words = list(re.finditer(r"[^ \t]+", m.group("w")))
    for n in range(len(words), 0, -1):
        text = m.group("w")[: words[n - 1].end()]
        if places.is_place_name(text):
            return m.start("w") + words[n - 1].end()
    return None


def brand_forward(doc: Doc, pos: int) -> Unit | None:
    """The enterprise named by its brand at `pos`: a brand the page introduced ("EVN",
    "Becamex IDC"), or one shaped as a brand followed by its branch's place ("Viettel Hà
    Tĩnh", "Agribank Chi nhánh An Giang"); None otherwise."""
    canon = doc.canon
    tok = _LATIN.match(canon, pos)
    if tok is None:
        return None
    end = None
    for alias in _by_first_word(doc).get(tok.group(), []):
        if canon.startswith(alias, pos) and not _TOKEN.match(canon, pos + len(alias)):
            end = max(end or 0, pos + len(alias))
    if end is None and not brand_shaped(tok.group()):
        return None
    introduced = end is not None
    end = end or tok.end()
    branch = _BRANCH.match(canon, end)
    place = _place_after(doc, branch.end() if branch else end)
    if place is not None:
        end = place
    elif not introduced:
        return None
    text = doc.slice(pos, end)
    return Unit(pos, end, text, text)


def parse_forward(
    doc: Doc, pos: int, *, bare_ok: bool = False, head_ci: bool = False, max_tokens: int = 14
) -> Unit | None:
    """The organization name starting at `pos` (after spaces), or None.

    The name must open with an organization head ("Ban", "Huyện ủy", "BTC TU", ...) unless
    `bare_ok`, when a capitalized word or a level word ("phường") will do.
    """
    canon = doc.canon
    while pos < len(canon) and canon[pos] in " \t":
        pos += 1
    post = _POST_WORDS.match(canon, pos)
    if post:  # "(Phó Trưởng) ban Ban Tổ chức", "Ban Thường trực Ban Tổ chức": the inner body
        pos = post.end()
    head = (ORG_HEAD_CI if head_ci else ORG_HEAD).match(canon, pos)
    if head and _NOT_ORG.match(canon, pos):
        return None
    if not head and (brand := brand_forward(doc, pos)) is not None:
        return brand
    if not head:
        if not bare_ok:
            return None
        tok = _TOKEN.match(canon, pos)
        if not tok or not (is_capitalized(tok.group()) or _LEVEL.match(canon, pos)):
            return None
        if NAME_STOP.match(canon, pos) or TITLE.match(canon, pos):
            return None
    end = _tokens_forward(doc, pos, max_tokens)
    if end is None or end <= pos:
        return None
    text = doc.slice(pos, end)
    return Unit(pos, end, text, text)


def parse_backward(doc: Doc, end: int, *, strict: bool = False, window: int = 160) -> Unit | None:
    """The organization name ending at `end` (before trailing spaces), or None.

    Looks back to the clause start; the name is the earliest organization head from which a
    clean name runs exactly to `end`. With `strict`, the name must start the clause.
    """
    canon = doc.canon
    while end > 0 and canon[end - 1] in " \t":
        end -= 1
    lo = max(0, end - window)
    chunk = canon[lo:end]
    cut = 0
    for b in _BOUNDARY.finditer(chunk):
        cut = b.end()
    clause_start = lo + cut
    for c in COMPOUND_HEAD.finditer(canon, lo, end):  # a comma inside a name is no boundary
        if c.start() < clause_start <= c.end():
            clause_start = c.start()
    while clause_start < end and canon[clause_start] in " \t":
        clause_start += 1
    # a name opened by a body's head, else an enterprise by its brand
    for opener, read in ((ORG_HEAD, parse_forward), (_LATIN, brand_forward)):
        for head in opener.finditer(canon, clause_start, end):
            if strict and head.start() != clause_start:
                lead = canon[clause_start : head.start()].strip().lower()
                if lead not in {"và", "các", "đơn vị", "còn", "đồng thời"}:
                    continue
            unit = read(doc, head.start())
            if unit and unit.end == end:
                return unit
    return None


def place_prefix(text: str) -> str:
    """The part of a unit name before its trailing place name ("Ban Tổ chức Tỉnh ủy " of
    "Ban Tổ chức Tỉnh ủy Kiên Giang"); "" when there is no trailing place name."""
    tokens = list(re.finditer(r"[\w’']+", text))
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1].group()
        if is_capitalized(tok) and not tok.isupper() and not ORG_HEAD.fullmatch(tok):
            i -= 1
            continue
        break
    if i == len(tokens) or i == 0:
        return ""
    return text[: tokens[i].start()]


def parse_list(doc: Doc, pos: int, *, first_bare_ok: bool = False, limit: int = 40) -> list[Unit]:
    """A list of units starting at `pos`: "A, B và C"; items after the first may be bare place
    names, which get the first item's prefix in `full`."""
    first = parse_forward(doc, pos, bare_ok=first_bare_ok)
    if not first:
        return []
    items = [first]
    prefix = place_prefix(first.text)
    p = first.end
    while len(items) < limit:
        sep = _LIST_SEP.match(doc.canon, p)
        if not sep:
            break
        nxt = parse_forward(doc, sep.end())
        if nxt is None:
            nxt = parse_forward(doc, sep.end(), bare_ok=True, max_tokens=5)
            if nxt is None:
                break
            full = f"{prefix}{nxt.text}" if prefix else nxt.text
            nxt = Unit(nxt.start, nxt.end, nxt.text, full)
        items.append(nxt)
        p = nxt.end
    return items


_TAIL_ITEM = re.compile(r"(?:[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+)"
                        r"(?P<item>(?:(?![ \t]và[ \t])[^,;:.()\n]){2,40})$")


def parse_list_backward(doc: Doc, end: int, *, limit: int = 12) -> list[Unit]:
    """A list of units ending at `end` whose items after the first are bare place names:
    "Trường Chính trị tỉnh Nam Định, Ninh Bình" or "Ban Tổ chức Tỉnh ủy Bạc Liêu và Sóc
    Trăng" (before "là Cụm phó"). The bare items get the first item's prefix in `full`;
    [] when the text before `end` is no such list."""
    from pbkg.extract import places  # the gazetteer loads on first use only

    canon = doc.canon
    while end > 0 and canon[end - 1] in " \t":
        end -= 1
    bare: list[tuple[int, int]] = []
    while len(bare) < limit:
        m = _TAIL_ITEM.search(canon, max(0, end - 60), end)
        if not m or not places.is_place_name(m.group("item").strip()):
            return []
        s, e = doc.trimmed(m.start("item"), end)
        bare.insert(0, (s, e))
        end = m.start()
        head = parse_backward(doc, end)
        if head is not None:
            prefix = place_prefix(head.text)
            if not prefix:
                return []
            items = [head]
            for s, e in bare:
                text = doc.slice(s, e)
                items.append(Unit(s, e, text, prefix + text))
            return items
    return []


_NOTE_BEFORE = re.compile(r"[ \t]*\([^()\n]{1,60}\)[ \t]*$")


def bare_item_backward(doc: Doc, end: int, *, limit: int = 12) -> Unit | None:
    """The bare place name ending at `end` that is an item of a distributive list whose items
    may carry notes in brackets: "Ea Kar" in "Huyện ủy Krông Pắc (Cụm trưởng), Ea Kar" (before
    "(Cụm phó)"), with the first item's prefix in `full`; None when it is no such item."""
    from pbkg.extract import places  # the gazetteer loads on first use only

    canon = doc.canon
    while end > 0 and canon[end - 1] in " \t":
        end -= 1
    item: tuple[int, int] | None = None
    p = end
    for _ in range(limit):
        m = _TAIL_ITEM.search(canon, max(0, p - 60), p)
        if not m or not places.is_place_name(m.group("item").strip()):
            return None
        if item is None:
            item = doc.trimmed(m.start("item"), p)
        p = m.start()
        note = _NOTE_BEFORE.search(canon, max(0, p - 64), p)
        if note:
            p = note.start()
        head = parse_backward(doc, p)
        if head is not None:
            prefix = place_prefix(head.text)
            if not prefix:
                return None
            text = doc.slice(*item)
            return Unit(item[0], item[1], text, prefix + text)
    return None


# a local body written in lower case, as a district's own report names its peers: "văn phòng
# huyện Thăng Bình", "ban tuyên giáo huyện A", or the district alone, "huyện Đại Lộc"
_LOWER_UNIT = re.compile(
    r"(?:(?:văn\s+phòng|ban\s+(?:tổ\s+chức|tuyên\s+giáo|dân\s+vận)|ủy\s+ban\s+kiểm\s+tra|"
    r"trung\s+tâm\s+chính\s+trị)(?:\s+cấp\s+ủy)?\s+)?"
    r"(?:huyện|quận|thị\s+xã|thành\s+phố|phường|xã|thị\s+trấn)\s+"
    rf"(?P<place>[{UPPER}][\w’']*(?:\s+[{UPPER}][\w’']*){{0,3}})$")


_BY = re.compile(r"(?<![\w])(?:do|và)[ \t]+")


def lower_unit_backward(doc: Doc, end: int) -> Unit | None:
    """The lower-case local body that opens its clause and ends at `end`: "văn phòng huyện
    Thăng Bình" before "làm cụm trưởng"; its place must be a known one."""
    from pbkg.extract import places  # the gazetteer loads on first use only

    canon = doc.canon
    while end > 0 and canon[end - 1] in " \t":
        end -= 1
    start = max(0, end - 80)
    for b in _BOUNDARY.finditer(canon, start, end):
        start = b.end()
    # "Cụm ... do X làm cụm trưởng": the subject starts after the clause's last "do"
    for by in _BY.finditer(canon, start, end):
        start = by.end()
    start, _ = doc.trimmed(start, end)
    m = _LOWER_UNIT.match(canon, start, end)
    if m is None or m.end() != end or not places.is_place_name(m.group("place")):
        return None
    text = doc.slice(start, end)
    return Unit(start, end, text, text)


_JOIN_BEFORE = re.compile(r"(?:[ \t]*,|[ \t]+và)[ \t]*$")


def parse_units_backward(doc: Doc, end: int, *, limit: int = 8) -> list[Unit]:
    """Full unit names ending at `end`, joined by "và" (and commas when a "và" joins the
    last two): "Huyện ủy Châu Thành và Thành ủy Rạch Giá"; [] when none ends there."""
    last = parse_backward(doc, end)
    if last is None:
        return []
    units, seps = [last], []
    while len(units) < limit:
        sep = _JOIN_BEFORE.search(doc.canon, max(0, units[0].start - 8), units[0].start)
        if not sep:
            break
        prev = parse_backward(doc, sep.start())
        if prev is None:
            break
        units.insert(0, prev)
        seps.insert(0, "và" in sep.group())
    # commas alone join clauses as often as units: a chain counts only when "và" joins its
    # last two units ("A, B và C", "A và B")
    if not seps or not seps[-1]:
        return [last]
    return units
