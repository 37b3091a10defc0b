"""Emulation clusters and blocks ("Cụm thi đua số 4", "Khối thi đua các cơ quan Đảng tỉnh",
"Cụm thi đua số IV"): their mentions, names, numbers, levels, member lists (distributive lists
included: "Huyện ủy Ea H'leo, Krông Pắc và Thị ủy Buôn Hồ") and member counts."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from pbkg.extract import enumerations, places
from pbkg.extract.doc import Doc, Sentence, Spans
from pbkg.extract.enumerations import COUNT, count_value
from pbkg.extract.patterns import (
    CAP_WORD,
    CLUSTER_BARE,
    CLUSTER_HEAD,
    CONFERENCE_VERB,
    LOWER,
    NAME_STOP,
    NUMBER,
    ORG_HEAD,
    PERSON,
    UPPER,
    canonical,
    contains_words,
    first_char_led,
    norm_key,
    roman_to_int,
)
from pbkg.extract.units import parse_backward, parse_forward
from pbkg.text import fold

_QUALIFIERS = [
    re.compile(r"\s*\(\s*(?:Khối|Cụm|khối|cụm)\s+(?:số\s+)?(?P<num>\d{1,3})\s*\)"),
    # the central board that runs a national sector's clusters ("Cụm thi đua số 3 (Ban Tổ chức
    # Trung ương)", "Cụm thi đua số 2, Ban Tuyên giáo Trung ương")
    re.compile(r"\s*\(\s*Ban(?:\s+[\w’']+){1,4}?\s+Trung\s+ương\s*\)"),
    re.compile(r"\s*,\s*Ban(?:\s+[\w’']+){1,4}?\s+Trung\s+ương(?![\w])"),
    re.compile(r"\s+(?:[Nn]gành|của\s+ngành)\s+[Tt]ổ\s+chức(?:\s+[Xx]ây\s+dựng)?\s+Đảng(?![\w])"),
    re.compile(rf"\s+(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+ủy(?:\s+(?!Cụm|Khối){CAP_WORD}){{0,3}}"
               rf"(?![\w])"),
]
_DESCRIPTOR_START = re.compile(r"\s+các\s+")
# the kind of body a cluster gathers, written in lower case: "Cụm thi đua văn phòng cấp ủy ...",
# "Cụm thi đua trường chính trị khu vực ..." (not "ban" alone: "ban hành" is a verb)
_BODY_KIND = (r"(?:văn\s+phòng|ban\s+(?:tổ\s+chức|tuyên\s+giáo|dân\s+vận|nội\s+chính)|"
              r"ủy\s+ban\s+kiểm\s+tra|trường\s+chính\s+trị|trung\s+tâm\s+chính\s+trị)(?![\w])")
# a descriptor that is a name: "Khối thi đua Mặt trận Tổ quốc", "Cụm thi đua Tuyên giáo",
# "Cụm thi đua khu vực miền Đông", "Khối thi đua ngành Nội chính"
# (the words that name none are tested where the word starts, before its first letter is read)
_NAME_START = re.compile(
    r"[ \t]+(?!(?:Cụm|Khối|Trưởng|Phó|Năm|Ngày|Hội\s+nghị|Tháng)(?![\w])"
    # a conference's verb written with a capital: "cụm thi đua Phát biểu ..." names none
    rf"|{CONFERENCE_VERB})"
    rf"(?=khu\s+vực|ngành|lĩnh\s+vực|cơ\s+quan|{_BODY_KIND}|[{UPPER}])")
_DESC_TOKEN = re.compile(r"[\w’']+")
_DESC_SPACE = re.compile(rf"[ \t]+(?=[\w’'])|[ \t]*[-–][ \t]*(?=[{LOWER}])")  # "chính trị - xã hội"
# "các cơ quan tham mưu, giúp việc Tỉnh ủy": the fixed phrase holds a comma
# "các cơ quan Đảng, đoàn thể tỉnh", "các cơ quan Đảng, Mặt trận và đoàn thể"
# "Ban Tổ chức các tỉnh ủy, thành ủy khu vực ...": a pair of committee kinds
_DESC_COMMA = re.compile(r",[ \t]+(?=cơ\s+quan|giúp\s+việc|đoàn\s+thể|Mặt\s+trận|MTTQ)"
                         r"|(?<=ủy),[ \t]+(?=(?:tỉnh|thành|huyện|quận|thị)\s+ủy(?![\w]))")
# "khu vực miền Trung - Tây Nguyên": a dash between two capitalized words joins a region's name
_DASH_IN = re.compile(r"[-–]")
_DESC_REGION_DASH = re.compile(rf"[ \t]+[-–][ \t]+(?=[{UPPER}])")
# ("các cơ quan Đảng, Mặt trận và đoàn thể tỉnh": "và đoàn thể" too)
_VA_CO_QUAN = re.compile(r"và\s+(?:cơ\s+quan|đoàn\s+thể|"
                         r"các\s+(?:đoàn\s+thể|cơ\s+quan|tổ\s+chức|đơn\s+vị))")
_DESC_STOPS = re.compile(
    r"(?:tổ\s+chức|tổng\s+kết|sơ\s+kết|có|gồm|đã|vừa|đang|sẽ|năm|ký|triển\s+khai|đề\s+nghị|"
    r"thông\s+qua|tiếp\s+tục|xác\s+định|là|được|cũng|cùng|với|tại|trong|để|nhằm|đạt|"
    r"hoàn\s+thành|đăng\s+ký|phát\s+động|ban\s+hành|thực\s+hiện|dẫn\s+đầu|làm|do|bao\s+gồm|"
    r"họp|giao\s+ban|bình\s+chọn|bình\s+xét|chấm\s+điểm|quyết\s+tâm|phấn\s+đấu|luôn|đều|"
    r"nỗ\s+lực|tích\s+cực|chủ\s+động|trao|tặng|nhận|ra|và|theo|lần|đối\s+với|"
    r"thảo\s+luận|trao\s+đổi|chia\s+sẻ|cho\s+thấy|hưởng\s+ứng|góp\s+ý|hiện|khen|"
    # verbs of a conference's people: "Khối thi đua ... Tỉnh ủy chủ trì hội nghị"
    r"chủ\s+trì|phát\s+biểu|khai\s+mạc|bế\s+mạc|tham\s+dự|dự|báo\s+cáo|kết\s+luận|"
    r"chúc\s+mừng|quán\s+triệt|nhất\s+trí|thống\s+nhất|bầu|suy\s+tôn|biểu\s+dương)(?![\w’'])"
)
# "có 5 đơn vị", "còn 6 thành viên", "có bốn thành viên", "có 6 trường": what a cluster has
_HAS_MEMBERS = (rf"(?:hiện\s+)?(?:có|còn)\s+(?:\d{{1,3}}|{enumerations.NUMBER_WORD})\s+"
                r"(?:đơn\s+vị|thành\s+viên|cơ\s+quan|đài|trường(?:\s+chính\s+trị)?|"
                r"trung\s+tâm(?:\s+chính\s+trị)?|"
                # "Cụm có 7 tổ chức cơ sở đảng:", "Cụm có 4 đảng bộ:": party organizations
                r"tổ\s+chức(?:\s+cơ\s+sở)?\s+đảng|đảng\s+bộ|chi\s+bộ)(?:\s+thành\s+viên)?"
                # "Khối có 12 cơ quan, đơn vị gồm": two nouns for the one count
                r"(?:\s*,\s*(?:đơn\s+vị|cơ\s+quan))?")
# what a cluster's founding or reorganisation is stated with before its list: "được thành lập
# khi thành phố vận hành chính quyền hai cấp, gồm", "họp với thành phần 8 đơn vị sau khi sắp
# xếp đơn vị hành chính, gồm" (a clause with no comma, closed by one)
_FOUNDED = (r"được\s+thành\s+lập\s+(?:khi|từ\s+khi|sau\s+khi|theo)\s+[^,;:.()\n]{1,100}?,\s*")
_COMPOSED = (rf"(?:họp\s+)?với\s+thành\s+phần\s+(?:\d{{1,3}}|{enumerations.NUMBER_WORD})\s+"
             r"(?:đơn\s+vị|thành\s+viên)(?:\s+sau\s+(?:khi\s+)?(?:sắp\s+xếp|hợp\s+nhất|sáp\s+nhập)"
             r"[^,;:.()\n]{0,100}?)?,\s*")
# when a reorganisation took effect, after its verb: "được kiện toàn từ tháng 7/2025, gồm",
# "sau khi sắp xếp từ ngày 01-7-2025 gồm", "được kiện toàn năm 2025, gồm"
_SINCE = (r"(?:\s+(?:từ|vào|trong)\s+(?:(?:ngày|tháng)\s+)?\d{1,2}(?:[/.-]\d{1,2})?[/.-]\d{4}"
          r"|\s+(?:(?:từ|vào|trong)\s+)?năm\s+\d{4})?")
_REFORMED = (r"(?:được\s+|sau\s+(?:khi\s+)?(?:được\s+)?)(?:kiện\s+toàn|sắp\s+xếp(?:\s+lại)?|"
             rf"hợp\s+nhất|sáp\s+nhập|điều\s+chỉnh){_SINCE}\s*,?\s*")
_GENERIC = re.compile(
    # "KTĐ gồm", "CTĐ gồm": the kind's initials (Khối / Cụm thi đua)
    rf"(?<![\w])(?P<kind>Cụm|Khối|cụm|khối|[KC]TĐ(?![\w]))"
    rf"(?=\s+(?:{_FOUNDED}|{_COMPOSED}|{_REFORMED}|{_HAS_MEMBERS}\s*,?\s*)?"
    r"(?:bao\s+)?gồm(?![\w])"
    # "Cụm hiện có 5 đơn vị: A, B", "Cụm có 3 đơn vị là A, B và C", "Cụm có bốn thành viên –
    # A; B", "Cụm có 6 trường (A, B, ...)"
    rf"|\s+{_HAS_MEMBERS}\s*(?::|là\s|[–—]\s|\()"
    # "Cụm có 13 cơ quan báo Đảng (A, B, ...)": a short descriptor of the count, then the list
    rf"|\s+{_HAS_MEMBERS}(?:\s+[\w’']+){{1,3}}\s*\()"
    # "lãnh đạo Ban Tổ chức Tỉnh ủy các tỉnh trong Cụm: A, B, C"
    r"|(?:(?<=trong )|(?<=thuộc )|(?<=của ))(?P<kind2>Cụm|Khối|cụm|khối)"
    r"(?=\s*(?::|(?:bao\s+)?gồm(?![\w])))"
)
_GENERIC = first_char_led(_GENERIC, "CcKk")
_INITIALS = {"ktđ": "khối", "ctđ": "cụm"}
_BETWEEN_OK = re.compile(
    # "hiện gồm", "hiện nay có", "được thành lập năm 2020 gồm": a cluster's state, no other verb
    # "được kiện toàn gồm", "sau sắp xếp gồm", "sau khi hợp nhất gồm": after a reorganisation
    # (both: "được kiện toàn, hiện gồm")
    r"^[\s,]*(?:được\s+thành\s+lập(?:\s+(?:từ\s+)?năm\s+\d{4})?\s+"
    r"|(?:được\s+|sau\s+(?:khi\s+)?(?:được\s+)?)(?:kiện\s+toàn|sắp\s+xếp(?:\s+lại)?|hợp\s+nhất|"
    rf"sáp\s+nhập|điều\s+chỉnh){_SINCE}[\s,]+)?(?:hiện(?:\s+nay)?\s+)?"
    # "có 3 đơn vị gồm", "với 3 đơn vị thành viên gồm"
    # "tiếp tục duy trì 8 thành viên, gồm": the count it keeps
    r"(?:(?:có|với|(?:tiếp\s+tục\s+|vẫn\s+)?duy\s+trì)\s+)?"
    r"(?:\d+\s+(?:đơn\s+vị|thành\s+viên|cơ\s+quan|tập\s+thể)"
    r"(?:\s+thành\s+viên)?)?[\s,]*(?:[–—]\s*)?$"  # "Cụm thi đua số 3 ngành X – gồm"
    rf"|^[\s,]*(?:{_FOUNDED}|{_COMPOSED})$"
)
_COUNT_ANY = re.compile(
    r"(?<![\w/])(?P<n>\d{1,3})(?:/(?P=n))?\s+(?:đơn\s+vị|cơ\s+quan(?:,\s+đơn\s+vị)?|"
    r"(?:ban\s+tổ\s+chức\s+)?tỉnh\s+ủy,\s+thành\s+ủy)(?:\s+thành\s+viên)?\s+"
    r"(?:trong|thuộc|của)\s+(?:[Cc]ụm|[Kk]hối)"
)
_COUNT_ANY = first_char_led(_COUNT_ANY, "0-9")
_HAS_COUNT = re.compile(r"\bcó\s+(?P<n>\d{1,3})\s+đơn\s+vị(?:\s+thành\s+viên)?")


# more members than any cluster has: what a text names beyond is not kept, and adding a member
# stays bounded in time
MAX_MEMBERS = 500


@dataclass(eq=False)
class Mention:
    start: int
    end: int
    kind: str  # "cụm" | "khối"
    number: int | None
    named: bool  # has a number or a descriptor (so it names a cluster)
    bare: bool = False  # "Cụm 5" without "thi đua"
    cluster: Cluster | None = field(default=None, repr=False)  # set when grouped


@dataclass(eq=False)
class Cluster:
    kind: str
    number: int | None
    mentions: list[Mention] = field(default_factory=list)
    name: str = ""
    members: list[dict] = field(default_factory=list)  # {"text","full","start","end"}
    member_count: int | None = None
    list_prefix: str | None = None
    evidence: tuple[int, int] | None = None
    level: str = "other"
    implicit: bool = False  # named by no mention: kept only if a list gives it members
    _keys: list[tuple[str, str]] = field(default_factory=list, repr=False)  # (full, bare)
    # the items of one list are distinct units even when one name holds another ("huyện ủy
    # Hồng Ngự, ... và Thị ủy Hồng Ngự"): only members before the list are compared by words
    _list_from: int = field(default=MAX_MEMBERS, repr=False)

    def add_list(self, items: list[tuple[str, int, int]]) -> bool:
        """Add the items of one enumeration as members; a list of people's names ("gồm các
        đồng chí: Lê Văn An, Trần Thị Hoa") names no member."""
        if all(PERSON.fullmatch(text) and not places.is_place_name(text) for text, _, _ in items):
            return False
        self._list_from = len(self._keys)
        try:
            for text, s, e in items:
                self.add_member(text, s, e)
        finally:
            self._list_from = MAX_MEMBERS
        return True

    def abbreviates(self, text: str) -> bool:
        """True if a member is an abbreviation of `text` by its words' initials: "BDV TU" or
        "UBMTTQ VN tỉnh" of "Ban Dân vận Tỉnh ủy", "Ủy ban MTTQ Việt Nam tỉnh"; "VP" of "Văn
        phòng Tỉnh ủy" when the committee is left to the list ("VP, BTC, ..., BNC Tỉnh ủy")."""
        full = _initials(text)
        if len(full) < 3:
            return False
        for m in self.members[:MAX_MEMBERS]:
            short = m["text"]
            if not _ABBREVIATED.search(short):
                continue
            key = _initials(short)
            if key == full or (_COMMITTEE_END.search(text) and not _COMMITTEE_END.search(short)
                               and len(key) >= 2 and full == key + "tu"):
                return True
        return False

    @property
    def first(self) -> int:
        return self.mentions[0].start if self.mentions else 0

    def add_member(self, text: str, start: int, end: int, full: str | None = None) -> bool:
        if len(self.members) >= MAX_MEMBERS:  # each new member is compared with all the others
            return False
        key = norm_key(full or text, expand=True)
        for i, (other, bare) in enumerate(self._keys):
            if key == other or i < self._list_from and (
                    contains_words(key, bare) or contains_words(other, key)):
                return False
        self.members.append({"text": text, "full": full or text, "start": start, "end": end})
        self._keys.append((key, norm_key(text, expand=True)))
        return True


_ABBREVIATED = re.compile(r"(?<![\w])[A-ZĐ]{2,}(?![\w])")
_COMMITTEE_END = re.compile(r"(?:[Tt]ỉnh|[Tt]hành|[Tt]hị)\s+ủy$|(?<![\w])TU$")


def _initials(text: str) -> str:
    """The folded initials of a name's words, an abbreviation's letters kept whole."""
    out = []
    for word in re.findall(r"[\w’']+", text):
        out.append(fold(word) if _ABBREVIATED.fullmatch(word) else fold(word[0]))
    return "".join(out)


def mention_at(doc: Doc, pos: int) -> Mention | None:
    """Parse the cluster mention whose head ("Cụm thi đua", "khối thi đua") starts at `pos`."""
    head = CLUSTER_HEAD.match(doc.canon, pos)
    if not head:
        return None
    return _extend(doc, head.start(), head.end(), head.group("kind").lower())


def _extend(doc: Doc, start: int, p: int, kind: str) -> Mention:
    canon = doc.canon
    number = None
    named = False
    num = NUMBER.match(canon, p)
    if num:
        value = roman_to_int(num.group("num"))
        if value is not None and value < 200:
            number, named, p = value, True, num.end()
    for _ in range(3):
        for q in _QUALIFIERS:
            m = q.match(canon, p)
            if m:
                if "num" in q.groupindex and m.group("num") and number is None:
                    number = int(m.group("num"))
                named = True
                p = m.end()
                break
        else:
            break
    if number is not None and (kind_end := _kind_after_number(canon, p)) is not None:
        p = kind_end
    if number is None and not named:
        d = _DESCRIPTOR_START.match(canon, p) or _NAME_START.match(canon, p)
        if d and _places_after_level(doc, p):
            d = None  # "Cụm thi đua các phường A, B, C": the members, not a name
        if d:
            end = _descriptor(doc, d.end())
            if end > d.end():
                named, p = True, end
                for q in _QUALIFIERS[:1]:
                    m = q.match(canon, p)
                    if m:
                        number, p = int(m.group("num")), m.end()
    return Mention(start, p, kind, number, named)


# "Cụm thi đua số 6 các trung tâm chính trị": after the number, the kind of body the cluster
# gathers, in lower case, is still its name; it ends at a verb or at a level word before a
# capital ("các trường chính trị tỉnh A, B" names the members, not the cluster)
_KIND_AFTER_NUMBER = re.compile(rf"[ \t]+các[ \t]+{_BODY_KIND}")
_LOWER_WORD = re.compile(rf"[ \t]+(?P<w>[{LOWER}][\w’']*)")
_LEVEL_BEFORE_NAME = re.compile(rf"(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|phường|xã)[ \t]+"
                                rf"[{UPPER}]")


def _kind_after_number(canon: str, p: int) -> int | None:
    """End of "các trường chính trị (khu vực ...)" after a cluster's number, or None."""
    m = _KIND_AFTER_NUMBER.match(canon, p)
    if m is None:
        return None
    end = m.end()
    for _ in range(3):
        region = _REGION_AFTER.match(canon, end)
        if region is not None:  # "... khu vực Tây Bắc": a region's name ends it
            return region.end()
        w = _LOWER_WORD.match(canon, end)
        if w is None or _DESC_STOPS.match(canon, w.start("w")) or _LEVEL_BEFORE_NAME.match(
                canon, w.start("w")):
            break
        end = w.end()
    return end


_REGION_AFTER = re.compile(rf"[ \t]+(?:khu[ \t]+vực|miền)(?:[ \t]+[{UPPER}][\w’']*){{1,4}}")


# "các phường A, B", "của các huyện, thị xã A, B": a level word and places right after a mention
_LEVEL_WORD = (r"(?:huyện|quận|thị\s+xã|thành\s+phố|tỉnh|phường|xã|thị\s+trấn|khu\s+phố|"
               r"tổ\s+dân\s+phố|ấp|thôn)(?:\s+ủy)?")
_LEVEL_LIST = re.compile(
    rf"[ \t]*,?[ \t]*(?:của[ \t]+)?(?P<list>các[ \t]+{_LEVEL_WORD}(?:[ \t]*,[ \t]*{_LEVEL_WORD})*"
    rf"[ \t]+(?P<first>[{UPPER}][\w’']*(?:[ \t]+[{UPPER}][\w’']*){{0,3}})"
    rf"(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)[{UPPER}\d])")


def _places_after_level(doc: Doc, p: int) -> re.Match[str] | None:
    """The match of "các <level> A, B ..." at `p` when A is a known place's name."""
    m = _LEVEL_LIST.match(doc.canon, p)
    return m if m and places.is_place_name(m.group("first")) else None


def _descriptor(doc: Doc, p: int) -> int:
    """End of "các cơ quan Đảng tỉnh", "các Ban, cơ quan của Đảng", ... starting at `p`."""
    canon = doc.canon
    end, count = p, 0
    while count < 16:
        m = _DESC_TOKEN.match(canon, p)
        if not m or _DESC_STOPS.match(canon, p) and count > 0:
            if m and canon.startswith("và", p) and _VA_CO_QUAN.match(canon, p):
                pass
            else:
                break
        end, count = m.end(), count + 1
        nxt = _DESC_SPACE.match(canon, end)
        if nxt and not (canon[m.start()].isupper() and _DASH_IN.search(nxt.group())):
            # (a dash joins two lower-case words, "chính trị - xã hội"; after a place's name it
            # opens an aside: "Khối ... tỉnh Bắc Giang - nơi ...")
            p = nxt.end()
            continue
        dash = _DESC_REGION_DASH.match(canon, end)
        # no body after the dash: "Cụm thi đua các tỉnh Tây Bắc - Ban Tổ chức ..." names its owner
        if dash and canon[m.start()].isupper() and not ORG_HEAD.match(canon, dash.end()):
            p = dash.end()
            continue
        comma = _DESC_COMMA.match(canon, end)
        if comma:
            p = comma.end()
            continue
        break
    return end


def find_mentions(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    for head in CLUSTER_HEAD.finditer(doc.canon):
        if doc.in_display(head.start()):
            continue
        out.append(_extend(doc, head.start(), head.end(), head.group("kind").lower()))
    for generic in _GENERIC.finditer(doc.canon):
        kind = (generic.group("kind") or generic.group("kind2")).lower()
        kind = _INITIALS.get(kind, kind)
        out.append(Mention(generic.start(), generic.end(), kind, None, False))
    covered = Spans([(m.start, m.end) for m in out])
    for bare in CLUSTER_BARE.finditer(doc.canon):
        if covered.covers(bare.start()):
            continue
        out.append(
            Mention(bare.start(), bare.end(), bare.group("kind").lower(),
                    int(bare.group("num")), True, bare=True)
        )
    out.sort(key=lambda m: m.start)
    return out


# the place an unnumbered cluster's name ends with: "Khối thi đua các cơ quan Đảng Thành ủy Huế"
_NAME_PLACE = re.compile(rf"(?:[Tt]ỉnh[ \t]+ủy|[Tt]hành[ \t]+ủy|tỉnh|thành[ \t]+phố)[ \t]+"
                         rf"(?P<place>[{UPPER}][\w’']*(?:[ \t]+[{UPPER}][\w’']*){{0,3}})$")


def _split_by_place(doc: Doc, groups: dict, kind: str) -> None:
    """Unnumbered clusters of one kind named for two places are two clusters: "Khối thi đua
    các cơ quan Đảng Thành ủy Huế ... học tập kinh nghiệm của Khối thi đua các cơ quan Đảng
    Thành ủy Đà Nẵng". A mention naming no place stays with the first."""
    group = groups[(kind, None)]
    by_place: dict[str, list[Mention]] = {}
    for m in group.mentions:
        p = _NAME_PLACE.search(doc.canon, m.start, m.end)
        if p is not None and places.is_place_name(p.group("place")):
            by_place.setdefault(norm_key(p.group("place")), []).append(m)
    if len(by_place) < 2:
        return
    first, *others = sorted(by_place.values(), key=lambda ms: ms[0].start)
    moved = {id(m) for ms in others for m in ms}
    group.mentions = [m for m in group.mentions if id(m) not in moved]
    for i, ms in enumerate(others):
        # an unnumbered cluster's key: its kind, and a negative index no number takes
        groups[(kind, -1 - i)] = Cluster(kind, None, list(ms))


# what a descriptor's key leaves out: "thi đua" and the committee or place that closes it
# ("Khối thi đua các cơ quan Đảng tỉnh Bình Định" is "Khối các cơ quan Đảng tỉnh")
_DESC_HEAD = re.compile(r"^(?:cum|khoi)\s+(?:thi\s+dua\s+|td\s+)?")
_DESC_TAIL = re.compile(r"\s+(?:(?:tinh|thanh|huyen|quan|thi|dang)\s+uy|tinh|thanh\s+pho)"
                        r"(?:\s+\S+){0,3}$")
_MAX_BLOCKS = 12  # distinct descriptors kept apart: each mention is compared with these only


def _descriptor_key(doc: Doc, m: Mention) -> str:
    """The words of an unnumbered mention's descriptor, folded: "cac co quan dang"."""
    return _DESC_HEAD.sub("", norm_key(doc.canon[m.start : m.end]))


def _same_descriptor(a: str, b: str) -> bool:
    """Whether two descriptors' keys name one cluster: one holds the other at word bounds, they
    open with the same four words, or they differ only in the committee or place that closes
    them."""
    if not a or not b or contains_words(a, b) or contains_words(b, a):
        return True
    wa, wb = a.split(), b.split()
    if len(wa) >= 4 and len(wb) >= 4 and wa[:4] == wb[:4]:
        return True  # "văn phòng cấp ủy 9 huyện" and "văn phòng cấp ủy đảng khối đồng bằng"
    ta, tb = _DESC_TAIL.sub("", a), _DESC_TAIL.sub("", b)
    return bool(ta) and bool(tb) and (contains_words(ta, tb) or contains_words(tb, ta))


def _split_by_descriptor(doc: Doc, groups: dict, kind: str) -> None:
    """Unnumbered clusters of one kind named by two descriptors, neither holding the other, are
    two clusters: a year-end page of several blocks ("Khối thi đua các cơ quan Đảng tỉnh ...
    Cùng ngày, Khối thi đua Doanh nghiệp tỉnh ..."). "Khối thi đua các cơ quan Đảng" and
    "Khối thi đua các cơ quan Đảng tỉnh Bình Định" stay one."""
    group = groups[(kind, None)]
    subs: list[tuple[str, list[Mention]]] = []
    for m in group.mentions:
        key = _descriptor_key(doc, m)
        for skey, ms in subs:
            if _same_descriptor(key, skey):
                ms.append(m)
                break
        else:
            if len(subs) < _MAX_BLOCKS:
                subs.append((key, [m]))
            else:
                subs[0][1].append(m)
    if len(subs) < 2:
        return
    group.mentions = subs[0][1]
    for i, (_, ms) in enumerate(subs[1:]):
        groups[(kind, -100 - i)] = Cluster(kind, None, ms)


def group_clusters(doc: Doc, mentions: list[Mention]) -> list[Cluster]:
    groups: dict[tuple[str, int | None], Cluster] = {}
    for m in mentions:
        if not m.named or m.bare:
            continue
        key = (m.kind, m.number)
        groups.setdefault(key, Cluster(m.kind, m.number)).mentions.append(m)
    for kind in ("cụm", "khối"):
        numbered = [c for (k, n), c in groups.items() if k == kind and n is not None]
        if len(numbered) == 1 and (kind, None) in groups:
            numbered[0].mentions.extend(groups.pop((kind, None)).mentions)
            numbered[0].mentions.sort(key=lambda m: m.start)
    for kind in ("cụm", "khối"):
        if (kind, None) in groups:
            _split_by_place(doc, groups, kind)
    for kind in ("cụm", "khối"):
        if (kind, None) in groups:
            _split_by_descriptor(doc, groups, kind)
    for m in mentions:
        if m.bare and (m.kind, m.number) in groups:
            groups[(m.kind, m.number)].mentions.append(m)
    if not groups:
        # no mention names a cluster ("Cụm thi đua gồm các đơn vị: ..."): the one the article
        # is about, unnamed; dropped later unless a list gives it members
        plain = [m for m in mentions if not m.named and not m.bare and CLUSTER_HEAD.match(
            doc.canon, m.start) and not _PLURAL_BEFORE.search(doc.canon, max(0, m.start - 12),
                                                             m.start)]
        if plain:
            kind = plain[0].kind
            groups[(kind, None)] = Cluster(kind, None, [m for m in plain if m.kind == kind],
                                           implicit=True)
    for c in groups.values():
        c.mentions.sort(key=lambda m: m.start)
    clusters = sorted(groups.values(), key=lambda c: c.first)
    for c in clusters:
        for m in c.mentions:
            m.cluster = c
        best = max(  # the longest, not a heading in capitals
            (m for m in c.mentions if not m.bare),
            key=lambda m: (not doc.canon[m.start : m.end].isupper(), m.end - m.start, -m.start),
        )
        c.name = doc.slice(best.start, best.end).strip()
    return clusters


# the region that ends a cluster's name: "Cụm thi đua các trường chính trị khu vực Tây Nguyên"
_REGION_TAIL = re.compile(rf"(?<![\w])(?:khu\s+vực|miền|vùng)\s+(?P<tail>[{UPPER}][\w’']*"
                          rf"(?:\s+[\w’']+){{0,4}})$")
_MAX_ALIASES = 20  # one alternation per cluster named by a region: the scan stays linear


def add_aliases(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> list[Mention]:
    """Mentions by a short name, "Cụm Tây Nguyên" ("Cụm" and the region that ends a named
    cluster's name, in any case), each tied to that cluster; `mentions` and the aliases, sorted.
    Only the region of a cluster the article names is read so: "Cụm" and any capitalized words
    may be something else ("Cụm công nghiệp")."""
    tails: dict[str, Cluster] = {}  # the region's key -> its cluster
    written: list[str] = []  # the regions as written, each word a piece of the alternation
    for c in clusters:
        m = _REGION_TAIL.search(canonical(c.name))  # matched against the canonical text
        key = norm_key(m.group("tail")) if m else ""
        if m and key not in tails and len(tails) < _MAX_ALIASES:
            tails[key] = c
            written.append(r"[ \t]+".join(re.escape(w) for w in m.group("tail").split()))
    if not tails:
        return mentions
    alias = re.compile(rf"(?<![\w])(?P<kind>[Cc]ụm|[Kk]hối)[ \t]+(?P<region>(?i:khu[ \t]+vực|miền|"
                       rf"vùng)[ \t]+)?(?P<tail>(?i:{'|'.join(written)}))(?![\w’'])")
    covered = Spans([(m.start, m.end) for m in mentions])
    out = list(mentions)
    for a in alias.finditer(doc.canon):
        c = tails.get(norm_key(a.group("tail")))
        if c is None or c.kind != a.group("kind").lower() or covered.covers(a.start()):
            continue
        if " " not in a.group("tail").strip() and not a.group("region"):
            continue  # "Khối Trung ương" is no "Khối ... miền Trung": one word needs its "miền"
        m = Mention(a.start(), a.end(), c.kind, c.number, True, bare=True, cluster=c)
        c.mentions.append(m)
        c.mentions.sort(key=lambda x: x.start)
        out.append(m)
    out.sort(key=lambda m: m.start)
    return out


_PLURAL_BEFORE = re.compile(r"(?<![\w])(?:các|những|mỗi|từng|giữa|cho)\s+$", re.IGNORECASE)

# a cluster's short name, without "thi đua": "Khối Lực lượng vũ trang gồm ...", "Khối các cơ
# quan Đảng có 8 thành viên", "Khối I gồm" (after "Khối thi đua ... (Khối I)")
_SHORT_HEAD = re.compile(r"(?<![\w])(?P<kind>Cụm|Khối|CỤM|KHỐI)[ \t]+"
                         r"(?!(?:thi|trưởng|phó|TĐ)(?![\w]))")
_SHORT_HEAD = first_char_led(_SHORT_HEAD, "CK")
_ROMAN_OR_DIGIT = re.compile(r"(?:số[ \t]+|thứ[ \t]+)?(?P<num>\d{1,3}|[IVX]{1,5})(?![\w/])")
# a body's own name holds "Khối": "Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ Khối Doanh nghiệp"
_BODY_BEFORE = re.compile(r"(?:ủy|bộ|đoàn|[Bb]an|[Đđ]ảng)[ \t]+$")
# the alias in brackets after a named mention: "Khối thi đua các cơ quan Đảng (Khối I)"
_ALIAS_PAREN = re.compile(r"[ \t]*\([ \t]*(?:Khối|Cụm)[ \t]+(?P<num>\d{1,3}|[IVX]{1,5})[ \t]*\)")


def add_short_names(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> list[Mention]:
    """Mentions of the article's clusters by a short name, each tied to its cluster: "Khối"
    and a descriptor one cluster's descriptor alone holds, or the numeral of its bracketed
    alias ("Khối thi đua A (Khối I) và Khối thi đua B (Khối II) ... Khối I gồm ..."). Only on a
    page of several unnumbered clusters or bracketed aliases; a name a body's own holds
    ("Đảng ủy Khối các cơ quan tỉnh") is none. `mentions` and the new ones, sorted."""
    canon = doc.canon
    keyed: list[tuple[str, Cluster]] = []
    numerals: dict[tuple[str, str], Cluster] = {}
    for c in clusters:
        for m in c.mentions:
            if m.bare:
                continue
            a = _ALIAS_PAREN.match(canon, m.end)
            if a is not None:
                numerals.setdefault((c.kind, a.group("num")), c)
        if c.number is None and not c.implicit and c.mentions:
            first = next((m for m in c.mentions if not m.bare), None)
            key = _DESC_TAIL.sub("", _descriptor_key(doc, first)) if first else ""
            if key:
                keyed.append((key, c))
    if len(keyed) < 2 and not numerals:
        return mentions
    covered = Spans([(m.start, m.end) for m in mentions])
    out = list(mentions)
    added = False
    for h in _SHORT_HEAD.finditer(canon):
        if covered.covers(h.start()) or _BODY_BEFORE.search(canon, max(0, h.start() - 8),
                                                             h.start()):
            continue
        kind = h.group("kind").lower()
        num = _ROMAN_OR_DIGIT.match(canon, h.end())
        if num is not None:
            c = numerals.get((kind, num.group("num")))
            if c is not None and (c.number is None or not num.group("num").isdigit()):
                m = Mention(h.start(), num.end(), kind, c.number, True, bare=True, cluster=c)
                c.mentions.append(m)
                out.append(m)
                added = True
            continue
        end = _descriptor(doc, h.end())
        key = norm_key(canon[h.end() : end])
        if len(key.split()) < 2 or end - h.end() > 120:
            continue
        key = _DESC_TAIL.sub("", key) or key
        found = [c for k, c in keyed if c.kind == kind and (contains_words(k, key) or (
            contains_words(key, k)))]
        if len(found) == 1:
            m = Mention(h.start(), end, kind, None, True, bare=True, cluster=found[0])
            found[0].mentions.append(m)
            out.append(m)
            added = True
    if not added:
        return mentions
    for c in clusters:
        c.mentions.sort(key=lambda x: x.start)
    out.sort(key=lambda m: m.start)
    return out


def main_cluster(clusters: list[Cluster]) -> Cluster | None:
    if not clusters:
        return None
    return max(clusters, key=lambda c: (len(c.mentions), -c.first))


def resolve(mention: Mention | None, clusters: list[Cluster]) -> Cluster | None:
    """The cluster a mention refers to (a generic mention refers to the main cluster)."""
    if mention is not None:
        if any(c is mention.cluster for c in clusters):
            return mention.cluster
        for c in clusters:
            if mention.number is not None and (c.kind, c.number) == (mention.kind, mention.number):
                return c
    return main_cluster(clusters)


# -- member lists -----------------------------------------------------------------------


_OPENERS = re.compile(
    # "gồm", "(gồm", "bao gồm", "gồm có"
    r"(?P<paren>\(\s*)?(?<![\w])(?:bao\s+)?gồm(?:\s+có(?![\w]))?(?![\w])"
    r"|(?<![\w])(?:BAO\s+)?GỒM(?![\w])"  # a heading in capitals: "CỤM THI ĐUA SỐ 4 GỒM:"
    # "có 6 đơn vị thành viên:", "có thêm 2 thành viên mới là"
    rf"|(?<![\w])(?:hiện\s+)?(?:có|với|còn)\s+(?:thêm\s+)?(?=\d{{1,3}}\s|các\s|"
    rf"{enumerations.NUMBER_WORD}\s)"
    r"|(?P<bare>\()"  # "Cụm thi đua số 5 (A, B, C)"
    r"|(?P<colon>:)"  # "Cụm thi đua số 5: Ban Tổ chức Tỉnh ủy Bến Tre, Trà Vinh, Vĩnh Long"
    # "... có sự tham gia của 3 đơn vị thành viên là A, B và C": only right after a count of
    # member units, in an article about one cluster
    r"|(?<=thành viên )(?P<is>là)(?=[ \t])"
)
_OPENERS = first_char_led(_OPENERS, "(gbhcvl:GB")
# what may stand between a cluster's mention and its list
# "- Ban Tuyên giáo Thành ủy", "ngành Tuyên giáo", "Tuyên giáo": a name's tail, no verb in it
_QUALIFIER_ORG = re.compile(
    # "của Ban Tuyên giáo Tỉnh ủy X": the body whose cluster it is
    rf"^\s*(?:[-–—,]\s*[{UPPER}]|(?:của\s+)?(?:ngành|lĩnh\s+vực|các)\s+[\w’']"
    rf"|(?:của\s+|thuộc\s+)?[{UPPER}])"
    # "Cụm thi đua số 1 của Ban Dân vận Tỉnh ủy X, gồm": a comma or a dash may close it
    rf"[\w’']*(?:\s+[\w’'.]+){{0,9}}?\s*(?=\(|[ \t]*[,–—]?[ \t]*$)"
)
_IN_OF = re.compile(r"(?:trong|thuộc|của)\s*$")
_UNDER = re.compile(rf"(?<![\w])trực\s+thuộc\s+(?=[{UPPER}])")
_OWNER = re.compile(rf"^\s*thuộc\s+(?=[{UPPER}])")
_OWNED_BY = re.compile(r"[ \t]*,?[ \t]*(?:thuộc|trực[ \t]+thuộc|của|trong)[ \t]+")
_UNITS_NOUN = re.compile(rf"các\s+{enumerations.COUNT_NOUN}(?![\w])", re.IGNORECASE)
_LIST_INTRO = re.compile(r":|(?<![\w])(?:là|gồm)(?![\w])|\(|[–—]")


_ROLE_CLAUSE = re.compile(
    r"^[ \t]*(?:,[^,;:.()\n]{0,100}?(?<![\w])(?:[Cc]ụm|[Kk]hối)[ \t]+(?:trưởng|phó)(?![\w])"
    r"[^,;:.()\n]{0,40},"
    # "do X làm Cụm trưởng gồm", no commas: the clause runs from "do" to the role word
    r"|[ \t]*do[ \t]+[^,;:.()\n]{1,100}?[ \t](?:làm|là)[ \t]+(?:[Cc]ụm|[Kk]hối)[ \t]+"
    r"(?:trưởng|phó)(?![\w])(?:[ \t]+năm[ \t]+\d{4})?[ \t]*,?)[ \t]*")
_PAREN_NOTE = re.compile(r"[ \t]*\([^()\n]{1,80}\)")  # "(ngành Tổ chức xây dựng Đảng)"
_YEAR_NOTE = re.compile(r"[ \t]*,?[ \t]*(?:năm|nhiệm\s+kỳ)[ \t]+\d{4}(?:[ \t]*[-–][ \t]*\d{4})?")
# a lower-case descriptor of the sector: "khối tuyên giáo", "ngành dân vận", "khu vực miền Tây"
# ("Cụm thi đua số 4 - ngành Tuyên giáo gồm"), or the place whose cluster it is ("Cụm thi đua
# số 2 huyện Krông Pắc gồm các xã")
_PLACE_NOTE = re.compile(rf"^[ \t]*[,–-]?[ \t]*(?:của[ \t]+)?{_LEVEL_WORD}[ \t]+"
                         rf"(?P<place>[{UPPER}][\w’']*(?:[ \t]+[{UPPER}][\w’']*){{0,3}})[ \t]*")
# (its levels maybe listed: "khối dân vận các huyện, thành, thị ủy")
_SECTOR_NOTE = re.compile(r"^[ \t]*[,–-]?[ \t]*(?:của[ \t]+)?(?:khối|ngành|lĩnh\s+vực|khu\s+vực)"
                          r"(?:[ \t]+[\w’']+){1,5}(?:[ \t]*,[ \t]*(?:tỉnh|thành|huyện|quận|thị)"
                          r"(?:[ \t]+ủy)?){0,4}[ \t]*,?[ \t]*")


# the levels a body's name lists after "các": "Ủy ban Kiểm tra các huyện, thành, thị ủy", "Ban
# Tổ chức các tỉnh ủy, thành ủy" (one descriptor, its commas no clause's)
_LEVELS_LISTED = re.compile(r"(?<![\w])các[ \t]+(?:tỉnh|thành|huyện|quận|thị)(?:[ \t]+ủy)?"
                            r"(?:[ \t]*,[ \t]*(?:tỉnh|thành|huyện|quận|thị)(?:[ \t]+ủy)?)+")


def _between_ok(text: str) -> bool:
    text = _IN_OF.sub("", text)
    text = _LEVELS_LISTED.sub("các cấp ủy", text)
    # "Cụm thi đua số 4, do X làm Cụm trưởng, gồm": a clause set off by commas names its chair
    text = _ROLE_CLAUSE.sub("", text)
    if not text.rstrip().endswith("("):  # "(gồm": the bracket opens the list
        text = _YEAR_NOTE.sub("", _PAREN_NOTE.sub("", text))
    sector = _SECTOR_NOTE.match(text)
    if sector and not NAME_STOP.search(sector.group(0)):
        text = text[sector.end() :]
    place = _PLACE_NOTE.match(text)
    if place and places.is_place_name(place.group("place")):
        text = text[place.end() :]
    q = _QUALIFIER_ORG.match(text)
    # "các Đảng bộ trực thuộc Đảng ủy Khối X": "trực thuộc" describes, "thuộc" alone ends a name;
    # "Cụm thi đua số 2 thuộc Ban Tuyên giáo Tỉnh ủy gồm": the body the cluster belongs to
    if q and not NAME_STOP.search(_UNDER.sub("", _OWNER.sub("", q.group(0)))):
        text = text[q.end() :]
    text = re.sub(r"\(\s*$", "", text)
    return bool(_BETWEEN_OK.match(text))


# "Khối thi đua các cơ quan Đảng (gồm 08 đơn vị): A, B": the count in brackets before the colon
_COUNT_NOTE = re.compile(rf"[ \t]*\([ \t]*(?:(?:bao[ \t]+)?gồm[ \t]+|có[ \t]+)?"
                         rf"(?:\d{{1,3}}|{enumerations.NUMBER_WORD})[ \t]+"
                         r"(?:đơn[ \t]+vị|thành[ \t]+viên|cơ[ \t]+quan)(?:[ \t]+thành[ \t]+viên)?"
                         r"[ \t]*\)[ \t]*")


# after a list, a clause of its own: "; Cụm thi đua số 5 gồm ...", "; Khối X (ngành Y) gồm:"
_OWN_LIST_AFTER = re.compile(r"[ \t]*(?:\([^()]{0,80}\)[ \t]*)?(?:(?:bao[ \t]+)?gồm|:)",
                             re.IGNORECASE)
_CLAUSE_END = re.compile(r";[ \t]*$")


def _next_clause_list(canon: str, mentions: list[Mention], starts: list[int], start: int,
                      end: int) -> int:
    """Where a list opened at ``start`` ends at the latest: before the semicolon that opens
    another cluster's own list in the same sentence ("Cụm thi đua số 4 gồm các tỉnh A, B; Cụm
    thi đua số 5 gồm ..."), else ``end``. A cluster named inside a list (a block's clusters)
    does not end it: only one after a semicolon and followed by its own list does."""
    k = bisect.bisect_left(starts, start)
    for m in mentions[k : k + 50]:  # a list is never longer than this: the work stays bounded
        if m.start >= end:
            break
        semicolon = _CLAUSE_END.search(canon, max(start, m.start - 8), m.start)
        if semicolon and _OWN_LIST_AFTER.match(canon, m.end, end):
            return semicolon.start()
    return end


def find_member_lists(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> None:
    canon = doc.canon
    starts = [m.start for m in mentions]  # mentions are sorted by start
    done_until = -1
    for op in _OPENERS.finditer(canon):
        if op.start() < done_until:
            continue
        sent = doc.sentence_at(op.start())
        if sent is None:
            continue
        lead_count, count_at = None, -1
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, op.start())
        before = [m for m in mentions[lo:hi] if m.end <= op.start()]
        if op.group("is") and (before or not _COUNTED_MEMBERS.search(
                canon, max(sent.start, op.start() - 40), op.start())):
            continue
        if not before:
            # "Các đơn vị thành viên gồm: A, B, C" in an article about one cluster
            # "... có lãnh đạo 3 đơn vị thành viên: A, B và C": a count of members, a colon
            # A lead is a few words: a longer stretch before the opener is no lead (matching
            # it, "((((" x 500 before each of 1,500 brackets cost seconds a megabyte)
            lead = (_MEMBERS_LEAD.match(canon[sent.start : op.start()])
                    if op.start() - sent.start <= _LEAD_SPAN else None)
            if lead is not None and lead.groupdict().get("n") and op.group("bare") is None:
                lead = None  # a counted lead opens only a list in parentheses
            if lead is None and op.group("bare") is not None:
                # "lãnh đạo ban tổ chức các tỉnh ủy, thành ủy trong Cụm (A, B, C)"
                lead = _LEVEL_MEMBERS_LEAD.search(canon, max(sent.start, op.start() - 80),
                                                  op.start())
            lead_count = (int(lead.group("n")) if lead is not None and lead.groupdict().get("n")
                          else None)
            count_at = sent.start + lead.start("n") if lead_count is not None else -1
            counted = _COUNTED_MEMBERS.search(canon, max(sent.start, op.start() - 40),
                                              op.start())
            if lead is None and counted is not None and _INCLUDES.match(op.group(0)):
                # "... của 5 đơn vị thành viên gồm A, B, C": "gồm" after the count too, the
                # count fitting the list
                lead_count, count_at = int(counted.group("n")), counted.start()
            if len(clusters) == 1 and (
                    lead is not None or lead_count is not None
                    or (op.group("colon") or op.group("is")) and counted is not None):
                before = [Mention(op.start(), op.start(), clusters[0].kind, clusters[0].number,
                                  False, cluster=clusters[0])]
            else:
                continue
        mention = last = before[-1]
        # "Cụm thi đua số 2 thuộc Khối thi đua Dân vận gồm ...": the list is the subject's
        while len(before) > 1 and _OWNED_BY.fullmatch(canon, before[-2].end, mention.start):
            before.pop()
            mention = before[-1]
        if len(before) > 1 and before[-2].named and _JOINED_MENTIONS.fullmatch(
                canon, before[-2].end, mention.start):
            continue  # "Cụm thi đua số 4 và Cụm thi đua số 5 gồm ...": whose is not said
        if _PAST.search(canon, max(sent.start, mention.start - 200), mention.start):
            continue  # "Trước khi sáp nhập, Cụm thi đua số 4 gồm ...": no longer its members
        if _NOT_MEMBERS_HEAD.search(canon, max(sent.start, mention.start - 60), mention.start):
            continue  # "Đoàn kiểm tra của Cụm X gồm: A, B": the delegation's, not the cluster's
        between = canon[last.end : op.start()]
        bare = op.group("bare") is not None or op.group("colon") is not None or op.group(
            "is") is not None
        # "Thành phần Cụm thi đua số 3 năm 2024:": a year may stand before the colon
        if bare and between.strip() and not (op.group("colon") and (
                _YEAR_NOTE.fullmatch(between) or _COUNT_NOTE.fullmatch(between))):
            continue
        if not bare and not _between_ok(between):
            continue
        cluster = resolve(mention, clusters)
        if cluster is None:
            continue
        in_parens = op.group("paren") is not None or op.group("bare") is not None or (
            between.count("(") > between.count(")"))  # a closed "(ngành ...)" is a note
        end = _next_clause_list(canon, mentions, starts, op.end(), sent.end)
        found = enumerations.parse(doc, op.end(), end, in_parens=in_parens)
        if found is None or _PAST_AFTER.match(canon, found.end, end):
            continue  # "Cụm X gồm A, B, C trước đây": a past state
        if bare and (not _all_units(found, lead_count is not None)
                     or _CREDIT.match(found.prefix)):
            continue  # "Cụm thi đua số 4 (Ảnh: Báo A, Báo B)": a photo's credit
        if not op.group(0).lstrip("(").strip().lower().startswith(("gồm", "bao")) and not bare and (
                (found.count is None and not _UNITS_NOUN.match(found.prefix))
                or not _LIST_INTRO.search(canon, op.end(), found.items[0][1])):
            continue  # "có 10 đơn vị", "có các đơn vị" open a list only before a colon or "là"
        if not op.group(0).lstrip("(").strip().lower().startswith(("gồm", "bao")) and not bare and (
                _qualified_units(found.prefix)):
            continue  # "có 3 đơn vị dẫn đầu: A, B, C": some of its units, not its members
        if lead_count is not None and lead_count != len(found.items):
            continue  # "9 đơn vị trong Khối (A, B)": the list is not all of them
        if not cluster.add_list(found.items):
            continue
        if found.prefix:
            cluster.list_prefix = found.prefix
        cluster.evidence = (mention.start, found.end)
        count_between = COUNT.search(between)
        if lead_count is not None:
            count_between = None
            cluster.evidence = (count_at, found.end)
        if found.count is not None:
            cluster.member_count = found.count
        elif count_between:
            cluster.member_count = count_value(count_between.group("n"))
        else:  # a complete enumeration with no stated count
            cluster.member_count = len(found.items)
        done_until = found.end
    _lists_around_mentions(doc, mentions, clusters)
    _labelled_members(doc, mentions, clusters)
    _level_lists_after_mentions(doc, mentions, clusters)
    _joining_lists(doc, clusters)
    _units_of_cluster(doc, clusters)
    _heads_of_units(doc, clusters)
    for c in clusters:
        if c.member_count is None:
            c.member_count = _count_elsewhere(doc, c)


# a unit labelled with the cluster it belongs to, right before the cluster's name: "Ban Tổ chức
# Thành ủy X (Cụm thi đua số 2)", "Trường Chính trị tỉnh Y, thành viên (của) Cụm thi đua số 3"
_MEMBER_LABEL = re.compile(r"(?:[ \t]*\([ \t]*|[ \t]*[,–—-][ \t]*(?:là[ \t]+)?"
                           r"(?:đơn[ \t]+vị[ \t]+)?thành[ \t]+viên"
                           r"(?:[ \t]+(?:của|thuộc|trong))?[ \t]+)$")
_LABEL_CLOSE = re.compile(r"[ \t]*\)")
_IN_A_RUN = re.compile(r"(?:[,;]|(?<![\w])và)[ \t]*$")


def _labelled_members(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> None:
    canon = doc.canon
    for i, m in enumerate(mentions):
        if not m.named or m.bare:
            continue
        if i > 0 and mentions[i - 1].end >= m.start - 3:
            continue  # "Khối thi đua ... Tỉnh ủy X (Khối thi đua số 1)": the cluster's other name
        label = _MEMBER_LABEL.search(canon, max(0, m.start - 40), m.start)
        if label is None or (label.group(0).strip().startswith("(")
                             and not _LABEL_CLOSE.match(canon, m.end)):
            continue
        unit = parse_backward(doc, label.start())
        if unit is not None and label.group(0).strip().startswith("(") and _IN_A_RUN.search(
                canon, max(0, unit.start - 6), unit.start):
            # "A, B, C (Cụm thi đua số 2)", "Trưởng Ban X, Báo Y (Cụm ...)": the bracket may
            # label the whole list or the person; only a unit standing alone is labelled
            continue
        cluster = resolve(m, clusters)
        if unit is not None and cluster is not None:
            cluster.add_member(unit.text, unit.start, unit.end)


# a sentence that opens with who takes part in the cluster or in its agreement, the list its
# rest: "Tham gia cụm có A, B và C.", "Tham gia giao ước có A, B.", "Tham gia ký kết là A, B.",
# "Cụm có A, B, C." (the cluster itself, no name, the subject)
_JOINING_OPEN = re.compile(
    r"\W*(?:(?:năm|trong\s+năm)\s+\d{4}\s*,\s*)?(?:"
    r"(?:[Cc]ác\s+đơn\s+vị\s+)?[Tt]ham\s+gia\s+(?:vào\s+)?(?:(?P<ck>cụm|khối)(?:\s+thi\s+đua)?|"
    r"(?:ký\s+kết\s+|ký\s+)?(?:bản\s+)?giao\s+ước(?:\s+thi\s+đua)?|ký\s+kết)"
    r"(?:\s+năm\s+\d{4})?\s+(?:có|là|gồm)"
    # "Cụm có 5 đảng bộ, là A, B, ...": counted, the count that of the list
    rf"|(?P<ck2>Cụm|Khối)\s+(?:hiện\s+(?:nay\s+)?)?(?:còn\s+)?có(?=\s+[{UPPER}]|\s+\d{{1,3}}\s))\s+")


# "Ngoài A, B, C, Khối còn có D.", "Bên cạnh A (Cụm trưởng) và B, Cụm còn có C và D.": the
# units named besides, then the ones the cluster also has
# (the first unit maybe described: "Ngoài đơn vị đăng cai là A và B (Cụm trưởng), ...")
_BESIDES = re.compile(r"\W*(?:Ngoài|Bên\s+cạnh)\s+(?:(?:đơn\s+vị|cơ\s+quan)\s+[^,;:.()\n]{1,30}?"
                      r"\s+là\s+)?(?=[\w’'])")
# (or "..., các thành viên còn lại là D, E": the cluster's other members, named)
_ALSO_HAS = re.compile(r"[ \t]*,[ \t]*(?:(?P<ck>Cụm|Khối|cụm|khối)(?:[ \t]+thi[ \t]+đua)?"
                       r"[ \t]+còn[ \t]+có|(?:các|những)[ \t]+"
                       r"(?:thành[ \t]+viên|đơn[ \t]+vị|cơ[ \t]+quan)"
                       r"(?:[ \t]+thành[ \t]+viên)?[ \t]+còn[ \t]+lại[ \t]+(?:là|gồm|có))[ \t]+"
                       rf"(?=[{UPPER}]|(?:ban|văn[ \t]+phòng|ủy[ \t]+ban|đảng[ \t]+ủy|"
                       r"trường|trung[ \t]+tâm|(?:tỉnh|thành|huyện|quận|thị)[ \t]+ủy)[ \t])")


_NOTE_LEFT = re.compile(r"[ \t]*(?:\([^()\n]{0,60}\))?[ \t.;]*")


def _units_to(doc: Doc, start: int, end: int) -> list[tuple[str, int, int]] | None:
    """The units listed from `start` to `end` (one unit, or a list of whole units, a note in
    brackets after the last allowed), or None when the span is not just that."""
    canon = doc.canon
    found = enumerations.parse(doc, start, end)
    if found is not None:
        items, last = found.items, found.end
        if not _whole_units(doc, found):
            return None
    else:
        unit = parse_forward(doc, start)
        if unit is None or unit.end > end:
            return None
        items, last = [(unit.text, unit.start, unit.end)], unit.end
    return items if _NOTE_LEFT.fullmatch(canon, last, end) else None


def _besides_lists(doc: Doc, sent: Sentence, kind: str | None = None
                   ) -> list[tuple[str, int, int]] | None:
    """The members of a sentence "Ngoài A, B, Cụm còn có C, D." or "Ngoài A và B, các thành
    viên còn lại là C, D." (both parts units only, the second the sentence's whole rest), or
    None when it is no such sentence; with `kind`, the cluster word must be of that kind
    ("cụm" / "khối") when one is written."""
    lead = _BESIDES.match(doc.canon, sent.start, sent.end)
    if lead is None:
        return None
    also = _ALSO_HAS.search(doc.canon, lead.end(), sent.end)
    if also is None or kind is not None and also.group("ck") and also.group("ck").lower() != kind:
        return None
    first = _units_to(doc, lead.end(), also.start())
    second = _units_to(doc, also.end(), sent.end) if first else None
    return first + second if first and second else None


def _joining_lists(doc: Doc, clusters: list[Cluster]) -> None:
    """The members named by a sentence about who takes part, in an article about one cluster
    that has no list yet: the list must be the sentence's whole rest, each item a unit."""
    if len(clusters) != 1:
        _besides_of_main(doc, clusters)
        return
    if clusters[0].members:
        return
    cluster = clusters[0]
    canon = doc.canon
    for sent in doc.sentences[:400]:  # an article's members are named early: bounded work
        m = _JOINING_OPEN.match(canon, sent.start, sent.end)
        if m is None:
            besides = _besides_lists(doc, sent)
            if besides is not None and cluster.add_list(besides):
                cluster.evidence = (sent.start, besides[-1][2])
                return
            continue
        found = enumerations.parse(doc, m.end(), sent.end)
        if found is None or canon[found.end : sent.end].strip(" \t.;") or not _whole_units(
                doc, found):
            continue
        if found.count is not None and (found.count != len(found.items)
                                        or _qualified_units(found.prefix)):
            continue  # "Cụm có 2 chi bộ tiêu biểu: A, B", a count not the list's: some of them
        if not cluster.add_list(found.items):
            continue
        if found.prefix:
            cluster.list_prefix = found.prefix
        cluster.evidence = (m.start(), found.end)
        cluster.member_count = found.count or len(found.items)
        return


def _besides_of_main(doc: Doc, clusters: list[Cluster]) -> None:
    """In an article about several clusters, "Ngoài A, khối còn có B, C." names the members of
    the one the article is about, as a generic "khối" refers to it (`main_cluster`: the one
    named most often, or first), of the kind the sentence says, with no members yet."""
    main = main_cluster(clusters)
    if main is None or main.members:
        return
    for sent in doc.sentences[:400]:  # an article's members are named early: bounded work
        besides = _besides_lists(doc, sent, main.kind)
        if besides is not None and main.add_list(besides):
            main.evidence = (sent.start, besides[-1][2])
            return


# some units said to be the cluster's, named: "hai đơn vị trong Khối là A và B", "3 cơ quan
# thuộc Cụm là A, B, C" (members, but not all of them: no count of members, no list evidence)
_UNITS_OF = re.compile(
    rf"(?<![\w/])(?P<n>\d{{1,3}}|(?i:{enumerations.NUMBER_WORD}))\s+(?:đơn\s+vị|cơ\s+quan)\s+"
    r"(?:(?:trong|thuộc)\s+(?:Cụm|Khối|cụm|khối)(?:\s+thi\s+đua)?\s+là\s+"
    # "đại diện lãnh đạo 8 đơn vị thành viên gồm: A, B, ...": the members, counted, of the
    # article's one cluster
    r"|thành\s+viên\s*,?\s*(?:bao\s+)?gồm\s*:?\s*)")


def _units_of_cluster(doc: Doc, clusters: list[Cluster]) -> None:
    """Members named as some of the units of the article's one cluster, as many as counted."""
    if len(clusters) != 1:
        return
    canon = doc.canon
    for i, m in enumerate(_UNITS_OF.finditer(canon)):
        sent = doc.sentence_at(m.start())
        if i >= 50 or sent is None:
            break
        found = enumerations.parse(doc, m.end(), sent.end)
        if found is None or len(found.items) != count_value(m.group("n")) or not _whole_units(
                doc, found) or _PAST.search(canon, sent.start, m.start()):
            continue
        for text, s, e in found.items:
            clusters[0].add_member(text, s, e)


# the heads of the cluster's units, named by a body's kind shared by places: "lãnh đạo Ban Tổ
# chức các tỉnh ủy: A, B, C", "các đồng chí trưởng ban tổ chức các tỉnh ủy, thành ủy A, B, C ký
# kết" (the body starts at "ban" in "trưởng ban tổ chức")
_HEADS_OF = re.compile(r"(?<![\w])(?:lãnh\s+đạo|đại\s+diện|(?:các\s+)?(?:đồng\s+chí\s+)?"
                       r"(?:phó\s+)?trưởng(?=\s+ban\s))\s+", re.IGNORECASE)
_HEADS_OF = first_char_led(_HEADS_OF, "lđcptLĐCPT")
_BODY_OF_PLACES = re.compile(r"(?:ban|văn\s+phòng|ủy\s+ban\s+kiểm\s+tra|trường\s+chính\s+trị|"
                             r"trung\s+tâm\s+chính\s+trị)\s+(?:[\w’']+\s+){0,3}?các\s+"
                             r"(?:tỉnh|thành|huyện|quận|thị)", re.IGNORECASE)
_MAX_HEADS_LOOKED_AT = 50


def _heads_of_units(doc: Doc, clusters: list[Cluster]) -> None:
    """In an article about one cluster whose members no list gave, the places whose bodies'
    heads are named together (three or more, the body's kind shared): its members."""
    if len(clusters) != 1 or clusters[0].members:
        return
    canon = doc.canon
    cluster = clusters[0]
    first_named = min((mention.start for mention in cluster.mentions), default=None)
    for i, m in enumerate(_HEADS_OF.finditer(canon)):
        sent = doc.sentence_at(m.start())
        if i >= _MAX_HEADS_LOOKED_AT or sent is None:
            break
        start = m.end()
        if not _BODY_OF_PLACES.match(canon, start):
            continue
        if first_named is None or first_named >= sent.end:
            # heads named before the cluster is, in an earlier sentence: guests of another's
            # meeting ("Hội nghị cộng tác viên của Tạp chí ... Dự có lãnh đạo ban tổ chức các
            # tỉnh ủy: A, B, C", the cluster named later in passing)
            continue
        found = enumerations.parse(doc, start, sent.end)
        if found is None or len(found.items) < 3 or not _BODY_OF_PLACES.match(found.prefix) or not (
                all(_place_item(t) for t, _, _ in found.items)):
            continue
        if not cluster.add_list(found.items):
            continue
        cluster.list_prefix = found.prefix
        cluster.evidence = (start, found.end)
        if cluster.member_count is None:
            cluster.member_count = len(found.items)
        return


# what a list after the cluster belongs to when a noun is its head: "Khách mời của Cụm X gồm",
# "Đại biểu dự hội nghị Cụm X gồm", "Đoàn kiểm tra của Cụm X gồm", "Phong trào thi đua của Cụm"
_NOT_MEMBERS_HEAD = re.compile(
    r"(?<![\w])(?:khách\s+mời|đại\s+biểu|đoàn(?:\s+công\s+tác|\s+kiểm\s+tra|\s+khảo\s+sát)?|"
    r"kế\s+hoạch|phong\s+trào(?:\s+thi\s+đua)?|nội\s+dung|chương\s+trình|hoạt\s+động|"
    r"ban\s+giám\s+khảo|tổ\s+(?:công\s+tác|giúp\s+việc)|hội\s+đồng(?:\s+thi\s+đua)?|tiêu\s+chí|"
    r"giải\s+thưởng|thành\s+phần(?=\s+(?:tham\s+)?dự))(?:\s+(?:dự|tham\s+dự)(?:\s+(?:hội\s+nghị|lễ))?)?"
    r"\s+(?:của\s+|trong\s+)?$", re.IGNORECASE)
_JOINED_MENTIONS = re.compile(r"[ \t]*(?:,|và|cùng|với)[ \t]*")
# a past state: "Trước khi sáp nhập, Cụm X gồm", "A, B thuộc Cụm X trước năm 2020"
# ("Trước đó, ngày 26-9-2025, Cụm X gồm A, B đã ký kết": a dated event told earlier, no past state)
_PAST = re.compile(r"(?<![\w])(?:[Tt]rước[ \t]+(?:đây|khi|năm[ \t]+\d{4})|từng|nguyên"
                   r"|[Tt]rước[ \t]+đó(?![ \t]*,[ \t]*(?:vào[ \t]+)?(?:(?:sáng|chiều|tối)[ \t]+)?"
                   r"ngày[ \t]+\d))(?![\w])")
_PAST_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:trước[ \t]+(?:đây|đó|khi|năm)|cũ|trước[ \t]+kia)"
                         r"(?![\w])")
# what is said of the counted units before the colon that makes them some of the cluster's
# units, not its members: "có 3 đơn vị dẫn đầu:", "có các đơn vị tiêu biểu:", "có 2 tập thể được
# tặng Bằng khen:", "có thêm 2 đơn vị xin gia nhập:"
_COUNTED_HEAD = re.compile(rf"^(?:các\s+)?(?:{enumerations.COUNT_NOUN})?(?:\s+thành\s+viên)?"
                           r"(?:\s+mới)?(?:\s+(?:trong|của|thuộc)\s+(?:cụm|khối)(?:\s+thi\s+đua)?)?"
                           r"(?:\s+(?:như\s+sau|sau|là|gồm))?\s*", re.IGNORECASE)
_QUALIFYING = re.compile(r"(?<![\w])(?:tiêu\s+biểu|điển\s+hình|xin|gia\s+nhập|vắng|khen|"
                         r"thưởng|đăng\s+cai)(?![\w])", re.IGNORECASE)


def _qualified_units(prefix: str) -> bool:
    rest = prefix[_COUNTED_HEAD.match(prefix).end() :]
    return bool(rest.strip()) and bool(NAME_STOP.search(rest) or _QUALIFYING.search(rest))


_COUNT_OF = re.compile(  # "6 đơn vị thành viên của Cụm thi đua số 3 là: ..."
    rf"(?<![\w/])(?P<n>\d{{1,3}})\s+{enumerations.COUNT_NOUN}(?:\s+thành\s+viên)?\s+"
    r"(?:của|trong|thuộc)\s+$", re.IGNORECASE)
_COUNT_COLON = re.compile(
    rf"(?<![\w/])(?P<n>\d{{1,3}})\s+{enumerations.COUNT_NOUN}(?:\s+thành\s+viên)?"
    r"(?:\s+(?:trong|thuộc|của)\s+(?:[Cc]ụm|[Kk]hối)(?:\s+thi\s+đua)?)?\s*:", re.IGNORECASE)
_AFTER_MENTION = re.compile(r"\s*(?:,\s*)?(?:là|gồm|bao\s+gồm)?\s*:")
_MEMBERS_OF = re.compile(
    r"(?<![\w])(?:các\s+)?(?:đơn\s+vị\s+)?thành\s+viên\s+(?:của\s+|trong\s+)?$"
    # "Các đơn vị trong Cụm thi đua số 4 là: ..."
    r"|(?<![\w])các\s+(?:đơn\s+vị|cơ\s+quan)\s+(?:trong|thuộc)\s+$", re.IGNORECASE)
_COUNTED_MEMBERS = re.compile(r"(?<![\w/])(?P<n>\d{1,3})\s+(?:đơn\s+vị|cơ\s+quan|đài)\s+"
                              r"thành\s+viên\s*$",
                              re.IGNORECASE)
_INCLUDES = re.compile(r"(?:bao\s+)?gồm(?![\w])")
# "Các đơn vị thành viên (của) Cụm là:": the generic "Cụm" before "là" is no mention
# "Năm 2024, các đơn vị trong Cụm (A, B, C) đã ...", "Các đơn vị trong Khối gồm: A, B"
_LEAD_SPAN = 300  # characters: the longest lead is some 80
_MEMBERS_LEAD = re.compile(
    r"^\W*(?:(?:năm|trong\s+năm)\s+\d{4}\s*,\s*)?(?:hiện\s+nay\s*,?\s*)?(?:"
    r"(?:các\s+)?(?:đơn\s+vị|thành\s+viên)(?:\s+thành\s+viên)?"
    # "Năm 2022, 9 cơ quan, đơn vị trong Khối (A, B, ...)": counted, the count must fit the list
    r"|(?P<n>\d{1,2})\s+(?:cơ\s+quan|đơn\s+vị)(?:\s*,\s*đơn\s+vị)?"
    r"(?=\s+(?:của|trong|thuộc)\s+(?:cụm|khối)(?:\s+thi\s+đua)?\s*$))"
    r"(?:\s+(?:của\s+|trong\s+)?(?:cụm|khối)(?:\s+thi\s+đua)?(?:\s+là)?)?\s*$", re.IGNORECASE)
_LEVEL = r"(?:tỉnh|thành|huyện|quận|thị)\s+ủy"
_LEVEL_MEMBERS_LEAD = re.compile(
    rf"(?<![\w])(?:các\s+{_LEVEL}(?:\s*,\s*{_LEVEL})*"
    # "lãnh đạo BXD Đảng của 5 đảng ủy phường trong Cụm (A - B, C - D, ...)": counted
    r"|(?P<n>\d{1,2})\s+(?:đảng\s+ủy\s+)?(?:phường|xã|huyện|quận|tỉnh)(?:\s+ủy)?)"
    r"\s+(?:trong|thuộc)\s+(?:cụm|khối)"
    r"(?:\s+thi\s+đua)?\s*$", re.IGNORECASE)
_IS_AFTER = re.compile(r"\s*(?:,\s*)?(?:là|gồm|bao\s+gồm)\s+")
_ARE_MEMBERS = re.compile(r"(?<![\w])(?:đều\s+)?(?:là\s+(?:các\s+)?(?:đơn\s+vị\s+)?thành\s+viên\s+"
                          r"(?:của\s+|trong\s+|thuộc\s+)?"
                          # "Ban Tổ chức Tỉnh ủy A, B và C thuộc Cụm thi đua số 2"
                          r"|(?:cùng\s+)?(?:thuộc|nằm\s+trong)\s+)$", re.IGNORECASE)
_SUBJECT_START = re.compile(r"\W*(?:(?:năm|trong\s+năm)\s+\d{4}\s*,\s*|hiện\s+nay\s*,\s*)?",
                            re.IGNORECASE)
_SUBJECT_IS = re.compile(r"[ \t]*(?:năm[ \t]+\d{4}[ \t]*)?,?[ \t]*là[ \t]*:")
_JOINING = re.compile(r"\W*(?:(?:năm|trong\s+năm)\s+\d{4}\s*,\s*)?(?:[Cc]ác\s+đơn\s+vị\s+)?"
                      r"[Tt]ham\s+gia\s+(?:vào\s+)?")
_JOINED_HAS = re.compile(r"[ \t]*(?:năm[ \t]+\d{4}[ \t]*)?,?[ \t]*có[ \t]+")
_BEFORE_MENTION = re.compile(r"\s+(?:trong|thuộc|của)\s+$")
_LIST_START = re.compile(
    r"(?<![\w])(?:gồm|giữa|là)\s+|:\s*|(?<![\w])(?=các\s+(?:huyện|quận|thị\s+xã|phường|xã|"
    r"khu\s+phố|tổ\s+dân\s+phố|ấp|thôn|tỉnh)(?![\w]))"
    # "Các đơn vị Báo A, Báo B và Báo C trong Cụm thi đua số 4 đã ký kết"
    rf"|(?<![\w])các\s+(?:đơn\s+vị|cơ\s+quan)\s+(?-i:(?=[{UPPER}]))", re.IGNORECASE)


def _lists_around_mentions(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> None:
    """Lists that name the cluster after the count ("6 đơn vị thành viên của Cụm X là: A, B")
    or after the list ("ký giao ước giữa các khu phố A, B và C trong Cụm thi đua số 1")."""
    canon = doc.canon
    for mention in mentions:
        cluster = resolve(mention, clusters)
        sent = doc.sentence_at(mention.start)
        if cluster is None or sent is None or cluster.members and cluster.evidence:
            continue
        count = _COUNT_OF.search(canon, max(sent.start, mention.start - 80), mention.start)
        after = _AFTER_MENTION.match(canon, mention.end, sent.end)
        members_of = _MEMBERS_OF.search(canon, max(sent.start, mention.start - 40), mention.start)
        is_after = _IS_AFTER.match(canon, mention.end, sent.end)
        found = None
        start = mention.start
        if count and after:
            found = enumerations.parse(doc, after.end(), sent.end)
            start = count.start()
        elif members_of and (after or is_after):
            # "Thành viên Cụm thi đua số 2 là các Ban Tổ chức Tỉnh ủy: A, B và C"
            found = enumerations.parse(doc, (after or is_after).end(), sent.end)
            start = members_of.start()
        elif (subject := _SUBJECT_IS.match(canon, mention.end, sent.end)) is not None and (
                _SUBJECT_START.fullmatch(canon, sent.start, mention.start)):
            # "Cụm thi đua số 4 là: A, B": the cluster, the sentence's subject, is its list
            found = enumerations.parse(doc, subject.end(), sent.end)
            if found is not None and not _whole_units(doc, found):
                found = None  # "Cụm X là: A đứng thứ nhất, B đứng thứ hai"
        elif (joined := _JOINED_HAS.match(canon, mention.end, sent.end)) is not None and (
                _JOINING.fullmatch(canon, sent.start, mention.start)):
            # "Tham gia Cụm thi đua số 4 có A, B và C.": the list is the rest of the sentence
            found = enumerations.parse(doc, joined.end(), sent.end)
            if found is not None and (canon[found.end : sent.end].strip(" \t.;")
                                      or not _whole_units(doc, found)):
                found = None
            start = sent.start
        elif (loose := _COUNT_COLON.search(canon, mention.end, sent.end)) is not None:
            # "Khối ... với sự tham dự của lãnh đạo 3 đơn vị thành viên: A, B và C"
            found = enumerations.parse(doc, loose.start(), sent.end)
            if found is not None and (found.count is None or _GIVEN_TO.search(
                    canon, mention.end, loose.start()) or _qualified_units(found.prefix)):
                found = None  # "Khối X trao thưởng cho 3 tập thể: A, B, C": the units awarded
            count, start = loose, mention.start
        elif (member := _ARE_MEMBERS.search(canon, max(sent.start, mention.start - 40),
                                            mention.start)) is not None:
            # "Ban Tổ chức Tỉnh ủy A, B và C là thành viên Cụm thi đua số 5": the sentence's
            # subject, a list that runs to the verb
            cand = _list_ending_at(doc, sent.start, member.start())
            if cand is not None and not _PAST_AFTER.match(canon, mention.end, sent.end) and (
                    not _PAST.search(canon, max(sent.start, mention.start - 200),
                                                 mention.start)):
                found, start = cand, cand.items[0][1]
        elif (inside := _INSIDE.search(canon, max(sent.start, mention.start - 12),
                                       mention.start)) is not None and (
                cand := _list_ending_at(doc, sent.start, inside.start())) is not None and (
                _opens_sentence(doc, sent.start, cand)):
            # "Ngày 10/12, Ban Tổ chức Tỉnh ủy A, B, C trong Cụm thi đua số 5 ký kết": the
            # sentence's subject, a list of units (not a list after a verb: "tặng cờ cho ...")
            found, start = cand, cand.items[0][1]
        elif (cue := _LIST_CUE_BEFORE.search(canon, max(sent.start, mention.start - 40),
                                             mention.start)) is not None:
            # "A, B và C (Cụm thi đua số 2) ký kết", "lãnh đạo A, B, C - các đơn vị thành viên
            # Cụm thi đua số 2": the list right before the mention, the cue between
            closed = not cue.group().strip().startswith("(") or canon.startswith(
                ")", mention.end)  # "(Cụm thi đua số 2)": the mention fills the brackets
            cand = _list_ending_at(doc, sent.start, cue.start()) if closed else None
            if cand is not None:
                found, start = cand, cand.items[0][1]
        elif _BEFORE_MENTION.search(canon, max(sent.start, mention.start - 12), mention.start):
            prep = _BEFORE_MENTION.search(canon, max(sent.start, mention.start - 12),
                                          mention.start)
            for op in _LIST_START.finditer(canon, sent.start, prep.start()):
                if _GIVEN_TO.search(canon, sent.start, op.start()):
                    break  # "tặng cờ cho 2 đơn vị: A, B trong Cụm X": the units awarded
                cand = enumerations.parse(doc, op.end(), prep.start())
                if cand is not None and not canon[cand.end : prep.start()].strip():
                    found, start = cand, op.start()
                    break
        if found is None:
            continue
        if not cluster.add_list(found.items):
            continue
        if found.prefix:
            cluster.list_prefix = found.prefix
        cluster.evidence = (min(start, mention.start), max(found.end, mention.end))
        cluster.member_count = (int(count.group("n")) if count else None) or found.count or len(
            found.items)


_GIVEN_TO = re.compile(r"(?<![\w])(?:tặng|trao|khen\s+thưởng|biểu\s+dương|đề\s+nghị|công\s+nhận|"
                       r"vinh\s+danh|bình\s+chọn|bình\s+xét|suy\s+tôn)(?![\w])", re.IGNORECASE)
_INSIDE = re.compile(r"[ \t]+trong[ \t]+$")
_SENTENCE_LEAD = re.compile(
    r"\W*(?:(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Hh]ôm\s+nay)[^,;:]{0,30},\s*)?"
    r"(?:(?:[Ll]ãnh\s+đạo|[Đđ]ại\s+diện)\s+)?(?:[Cc]ác\s+)?|")


def _opens_sentence(doc: Doc, lo: int, found: enumerations.Enumeration) -> bool:
    """True when the list (its shared prefix included) opens the sentence starting at `lo`,
    after a date and "lãnh đạo", "các" at most."""
    head = doc.canon[lo : found.items[0][1]].rstrip()
    if found.prefix and head.endswith(found.prefix):
        head = head[: len(head) - len(found.prefix)]
    return _SENTENCE_LEAD.fullmatch(head.rstrip() + " " if head.strip() else "") is not None


_LIST_CUE_BEFORE = re.compile(
    r"[ \t]*(?:\(|[-–—,][ \t]*(?:là[ \t]+)?(?:các|những)[ \t]+(?:đơn[ \t]+vị[ \t]+)?"
    r"thành[ \t]+viên[ \t]+(?:của[ \t]+|trong[ \t]+|thuộc[ \t]+)?)[ \t]*$", re.IGNORECASE)
_LIST_LEAD = re.compile(
    r"[ \t]*(?:(?:tại|ở)[ \t]+[^,;:]{1,40},[ \t]*)?(?:(?:lãnh[ \t]+đạo|đại[ \t]+diện)[ \t]+)?"
    r"(?:các[ \t]+(?:đơn[ \t]+vị|cơ[ \t]+quan)[ \t]+)?", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[,;:][ \t]*")


def _list_ending_at(doc: Doc, lo: int, end: int) -> enumerations.Enumeration | None:
    """The list of bodies or places that ends at `end` (spaces aside) and opens a clause of the
    sentence starting at `lo`: the leftmost such start, so that a list holding commas is read
    whole; a lead "lãnh đạo", "các đơn vị", "Năm 2023," is skipped. None when there is none."""
    canon = doc.canon
    cut = max(lo, end - 400)  # a list is never longer: the work per mention stays bounded
    starts = ([lo] if cut == lo else []) + [m.end() for m in _CLAUSE_MARK.finditer(canon, cut, end)]
    for q in starts[:24]:
        if q > lo and canon[q - 1 : q] != ":" and _unit_before_comma(doc, q):
            # "Khen thưởng Báo A, Báo B, Báo C (Cụm X)": the list runs on before this comma,
            # its head is no subject; a tail of it is not the list
            continue
        year = _SUBJECT_START.match(canon, q, end)
        q = year.end() if year else q
        lead = _LIST_LEAD.match(canon, q, end)
        q = lead.end() if lead else q
        cand = enumerations.parse(doc, q, end)
        if cand is not None and not canon[cand.end : end].strip() and _whole_units(doc, cand):
            return cand
    return None


def _unit_before_comma(doc: Doc, q: int) -> bool:
    """True when the clause mark before `q` is a comma that ends a body's name."""
    p = q - 1
    while p > 0 and doc.canon[p] in " \t":
        p -= 1
    if doc.canon[p] != ",":
        return False
    unit = parse_backward(doc, p, window=80)
    return unit is not None and unit.end == p


def _level_lists_after_mentions(doc: Doc, mentions: list[Mention],
                                clusters: list[Cluster]) -> None:
    """Places named right after a mention under a level word: "Cụm thi đua số 3 các phường A, B
    và C tổ chức ...", "Cụm thi đua số 3 của các huyện A, B, C"."""
    for mention in mentions:
        cluster = resolve(mention, clusters)
        sent = doc.sentence_at(mention.start)
        if cluster is None or sent is None or cluster.members:
            continue
        shared = None  # where a prefix the list does not write starts ("các trường ... tỉnh")
        if (m := _places_after_level(doc, mention.end)) is not None:
            start = m.start("list")
        elif (kind := _kind_level_after(doc, mention)) is not None:
            shared, start = kind
        else:
            continue
        # a list is never longer than this: the work per mention stays bounded
        found = enumerations.parse(doc, start, min(sent.end, start + 8000))
        if found is None or not _whole_units(doc, found):
            continue
        if shared is None and not found.prefix:
            continue
        if shared is not None:  # places only, each after the body kind and the level word
            if not all(places.is_place_name(t) for t, _, _ in found.items):
                continue
            found.prefix = doc.slice(shared, start).strip()
        if not cluster.add_list(found.items):
            continue
        cluster.list_prefix = found.prefix
        cluster.evidence = (mention.start, found.end)
        cluster.member_count = found.count or len(found.items)


_KIND_END = re.compile(rf"các\s+{_BODY_KIND}$")
_LEVEL_THEN_NAME = re.compile(rf"[ \t]+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã)[ \t]+(?=[{UPPER}])")


def _kind_level_after(doc: Doc, mention: Mention) -> tuple[int, int] | None:
    """After a mention whose name ends with the kind of body it gathers, a level word that opens
    a list of places: "Cụm thi đua số 5 các trường chính trị | tỉnh A, B và C". The start of the
    shared prefix (the body kind) and of the list (after the level word), or None."""
    canon = doc.canon
    kind = _KIND_END.search(canon, max(mention.start, mention.end - 40), mention.end)
    level = _LEVEL_THEN_NAME.match(canon, mention.end) if kind else None
    return (kind.start(), level.end()) if kind and level else None


def _whole_units(doc: Doc, found: enumerations.Enumeration) -> bool:
    """Every item is one body's whole name or a place's: a sentence's subject read as a list
    ("Hội nghị đánh giá Báo A, Báo B thuộc Cụm ...") is not."""
    numbered = bool(_NUMBERED_PREFIX.search(found.prefix))
    for text, s, e in found.items:
        if numbered and text.isdigit():  # "các khu phố 1, 2, 3 và 4 thuộc Cụm ..."
            continue
        unit = parse_forward(doc, s)
        if not (unit is not None and unit.end == e or places.is_place_name(text)):
            return False
    return True


_NUMBERED_PREFIX = re.compile(r"(?:khu\s+phố|phường|tổ(?:\s+dân\s+phố)?|ấp|khóm|thôn)$",
                              re.IGNORECASE)


def _all_units(found: enumerations.Enumeration, abbreviations: bool = False) -> bool:
    """A bare parenthesised list is a member list only when every item is plainly a unit (or,
    after a count the list fits, an abbreviation: "VP", "BNC Tỉnh ủy")."""
    return all((ORG_HEAD.match(t) and not _NOT_A_UNIT.match(t)
                and not NAME_STOP.search(t.replace(" và ", " ")))
               or _place_item(t)
               or abbreviations and (_ABBREVIATION_ITEM.fullmatch(t) or _NAME_ITEM.fullmatch(t))
               for t, _, _ in found.items)


_LEVEL_WORD = re.compile(r"(?:[Tt]hành\s+phố|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Tt]hị\s+xã)\s+(?=[A-ZĐ])")


def _place_item(text: str) -> bool:
    """A place's name, maybe after its level ("Thành phố Hồ Chí Minh"), or two joined by a dash
    ("Bà Rịa - Vũng Tàu")."""
    lead = _LEVEL_WORD.match(text)
    name = text[lead.end():] if lead else text
    if places.is_place_name(name):
        return True
    parts = re.split(r"\s+[-–]\s+", name)
    return len(parts) == 2 and all(places.is_place_name(p) for p in parts)


# after a count the list fits, a proper name is a unit's: "Xuân Hương - Đà Lạt"
_NAME_ITEM = re.compile(
    rf"{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}}(?:\s+[-–]\s+{CAP_WORD}(?:\s+{CAP_WORD}){{0,2}})?")
_ABBREVIATION_ITEM = re.compile(
    rf"[A-ZĐ]{{2,8}}(?:\s+(?:[A-ZĐ]{{2,8}}|{CAP_WORD}|tỉnh|huyện|ủy|uỷ)){{0,3}}")


_CREDIT = re.compile(r"(?:Ảnh|Nguồn|Theo|Tác\s+giả|Video|Clip|Đồ\s+họa|Thực\s+hiện|Bài)(?![\w])",
                     re.IGNORECASE)
# "Cụm thi đua số 4: Hội nghị diễn ra tại A, B": a conference is no unit
_NOT_A_UNIT = re.compile(r"[Hh]ội\s+(?:nghị|thi|thảo|diễn)(?![\w])")


def _count_elsewhere(doc: Doc, cluster: Cluster) -> int | None:
    canon = doc.canon
    for m in _COUNT_ANY.finditer(canon):
        return int(m.group("n"))
    for mention in cluster.mentions:
        h = _HAS_COUNT.match(canon[mention.end : mention.end + 40].lstrip())
        if h:
            return int(h.group("n"))
    return None


# -- level ------------------------------------------------------------------------------


def assign_level(doc: Doc, cluster: Cluster) -> str:
    name = norm_key(cluster.name)
    prefix = norm_key(cluster.list_prefix or "")
    members = " | ".join(norm_key(m["full"]) for m in cluster.members[:200])
    context = norm_key(" ".join(doc.canon[m.start : m.end + 40] for m in cluster.mentions[:50]))
    if "to chuc xay dung dang" in name or "ban to chuc trung uong" in name:
        return "national-sector"
    if "ban to chuc" in prefix and ("tinh uy" in prefix or "thanh uy" in prefix):
        return "national-sector"
    if re.search(r"\bco quan dang trung uong\b|\bcac ban dang trung uong\b", name):
        return "other"
    if re.search(r"\b(phuong|xa|thi tran)\b", prefix) or re.search(
        r"(^| )(phuong|xa|thi tran|dang uy phuong|dang uy xa) ", members + " "
    ):
        return "other"
    if re.search(r"\b(huyen|quan|thi xa)\b", prefix) or re.search(
        r"(^|\| )(huyen uy|thi uy|quan uy|ban \w+ huyen uy)\b", members
    ):
        return "district"
    if "trung uong" in name:
        return "other"
    if re.search(r"\b(tinh|tinh uy|thanh uy|co quan dang)\b", name + " " + context):
        return "provincial"
    return "provincial" if cluster.kind == "khối" else "other"
