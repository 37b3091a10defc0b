"""The text being read: the NFC original (for evidence and names as written), its same-length
canonical copy (for matching), its sentences, and the page's display-date lines, which are
page furniture and never an event's date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from pbkg.extract.patterns import UPPER, canonical
from pbkg.text import nfc

_SENT_BREAK = re.compile(rf"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[{UPPER}\d])")
_ABBREV_BEFORE = re.compile(r"(?:^|\s)(?:TP|Tp|ThS|TS|PGS|GS|St|Th|Q|P|H|Đ/c|Mr|Ms)\.$")
_SCRAPER_DATE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*")
_DISPLAY = [
    re.compile(r"^\s*(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}", re.I),
    re.compile(r"\d{1,2}:\d{2}['’]?(?::\d{2})?\s*,?\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}", re.I),
    re.compile(r"\d{1,2}/\d{1,2}/\d{4}\s*[-–,|]?\s*\d{1,2}:\d{2}", re.I),
    re.compile(r"^\s*(?:cập\s+nhật|đăng\s+(?:ngày|lúc|tải)|ngày\s+đăng|xuất\s+bản)\b", re.I),
    re.compile(r"lượt\s+xem|sign\s+in", re.I),
]
_DISPLAY_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


class Doc:
    def __init__(self, text: str) -> None:
        self.text = nfc(text)
        self.canon = canonical(self.text)
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
                if _ABBREV_BEFORE.search(line[: b.start()]):
                    continue
                sentences.append(Sentence(cut, start + b.start()))
                cut = start + b.end()
            sentences.append(Sentence(cut, end))
        return [s for s in sentences if self.canon[s.start : s.end].strip()]

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
        return any(s <= pos < e for s, e in self.display_spans)

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        import bisect

        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos <= self.sentences[i].end:
            return self.sentences[i]
        return None

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """Shrink [start, end) to exclude surrounding whitespace and trailing commas."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:"):
            end -= 1
        return start, end
