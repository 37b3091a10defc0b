"""The text being read: the NFC original (for evidence and names as written), its same-length
canonical copy (for matching), its sentences, and the page's display-date lines, which are
page furniture and never an event's date."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from pbkg.extract.patterns import UPPER, CharMap, canonical, spelled_years
from pbkg.text import nfc

# Invisible characters (zero-width spaces and joiners, word joiner, soft hyphen, BOM,
# direction marks, other Unicode "format" characters) are removed: left in, they split
# words ("Ban Tổ\u200bchức") and lists silently lose their members.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Letters that text converted from legacy Vietnamese encodings (TCVN3, VNI) writes for "Đ"
# and "đ": the Icelandic eth and the African D look the same and match no pattern.
_LOOKALIKES = CharMap(str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ"}))


def clean_text(text: str) -> str:
    """NFC text without invisible format characters or control characters (a tab stays);
    line ends as "\n". Idempotent, so offsets into the result are stable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LOOKALIKES(nfc(_CONTROL.sub(" ", _INVISIBLE.sub("", text))))

_SENT_BREAK = re.compile(rf"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[{UPPER}\d])")
# "TX. Buôn Hồ" (town), "TT. Phước An" (township) end no sentence, in brackets too ("(TP. Đà Lạt)")
_ABBREV_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?:TP|Tp|TX|Tx|TT|ThS|TS|PGS|GS|St|Th|Q|P|H|Đ/c|Mr|Ms)\.$")
_SCRAPER_DATE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*")
_DISPLAY = [
    re.compile(r"^\s*(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}", re.I),
    re.compile(r"\d{1,2}:\d{2}['’]?(?::\d{2})?\s*,?\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}", re.I),
    re.compile(r"\d{1,2}/\d{1,2}/\d{4}\s*[-–,|]?\s*\d{1,2}:\d{2}", re.I),
    re.compile(r"^\s*(?:cập\s+nhật|đăng\s+(?:ngày|lúc|tải)|ngày\s+đăng|xuất\s+bản)\b", re.I),
    re.compile(r"lượt\s+xem|sign\s+in", re.I),
]
_DISPLAY_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2})")


class Spans:
    """A set of [start, end) spans answering "is this offset inside one?" in log time, so that
    a long text with many matches stays linear."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans or [])
        self._max_len = max((e - s for s, e in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))
        self._max_len = max(self._max_len, end - start)

    def covers(self, pos: int) -> bool:
        # spans starting after pos - max_len and at or before pos are the only candidates
        i = bisect.bisect_right(self._spans, (pos, 1 << 62))
        while i > 0:
            i -= 1
            s, e = self._spans[i]
            if s <= pos < e:
                return True
            if s < pos - self._max_len:
                return False
        return False


# The longest piece read as one sentence (see Doc._bounded).
MAX_SENTENCE = 4000


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


class Doc:
    def __init__(self, text: str) -> None:
        self.text = clean_text(text)
        self.canon = spelled_years(canonical(self.text))
        self.display_spans: list[tuple[int, int]] = []
        self.display_dates: list[tuple[int, int, int]] = []  # (year, month, day)
        self.sentences = self._split()

    def _split(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        pos = 0
        for line in self.canon.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            m = _SCRAPER_DATE.match(line)
            if m:
                self._note_display(start, start + m.end(), line[: m.end()])
                start += m.end()
                line = line[m.end() :]
            if not line.strip():
                continue
            if len(line.strip()) < 80 and any(p.search(line) for p in _DISPLAY):
                self._note_display(start, end, line)
                continue
            cut = start
            for b in _SENT_BREAK.finditer(line):
                # look only at the few characters before the break: linear in the line
                if _ABBREV_BEFORE.search(line, max(0, b.start() - 8), b.start()):
                    continue
                sentences.extend(self._bounded(cut, start + b.start()))
                cut = start + b.end()
            sentences.extend(self._bounded(cut, end))
        return [s for s in sentences if self.canon[s.start : s.end].strip()]

    def _bounded(self, start: int, end: int) -> list[Sentence]:
        """The sentence start-end, cut into pieces of at most MAX_SENTENCE characters (at the
        last ";", else ",", else space before the limit) when it is longer: a run-on with no
        full stop (a flattened table, a pasted list) would make every list, role and award
        read to its end quadratic in its length. The longest sentence of the corpus and seeds
        is 2,256 characters."""
        out = []
        while end - start > MAX_SENTENCE:
            limit = start + MAX_SENTENCE
            cut = max(self.canon.rfind(";", start + 1, limit), -1)
            for mark in (",", " "):
                if cut <= start:
                    cut = self.canon.rfind(mark, start + 1, limit)
            if cut <= start:
                cut = limit - 1
            out.append(Sentence(start, cut))
            start = cut + 1
        out.append(Sentence(start, end))
        return out

    def _note_display(self, start: int, end: int, line: str) -> None:
        self.display_spans.append((start, end))
        for m in _DISPLAY_DATE.finditer(line):
            if m.group(1):
                d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                y, mo, d = int(m.group(4)), int(m.group(5)), int(m.group(6))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                self.display_dates.append((y, mo, d))

    def in_display(self, pos: int) -> bool:
        i = bisect.bisect_right(self.display_spans, (pos, len(self.canon) + 1)) - 1
        return i >= 0 and self.display_spans[i][0] <= pos < self.display_spans[i][1]

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos <= self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_before(self, sent: Sentence) -> Sentence | None:
        """The sentence right before `sent`, None for the first."""
        i = bisect.bisect_left(self._starts, sent.start) - 1
        return self.sentences[i] if i >= 0 else None

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """Shrink [start, end) to exclude surrounding whitespace and trailing commas."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:"):
            end -= 1
        return start, end
