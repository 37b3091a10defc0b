"""Conferences: the year-end review ("tổng kết"), the mid-year review ("sơ kết"), the signing
of the emulation agreement ("ký kết giao ước") and others ("giao ban", "bình chọn").

An event is read from a lead sentence that opens with its date ("Chiều 10-12, tại Thái Bình,
...", "LSO-Chiều nay (30/12), ...", "Ngày 20/6, ...") or, failing that, from one that reports
it done without a date ("Vừa qua, ... đã tổ chức Hội nghị ...", "... vừa tổ chức Hội nghị ...").
A page's display date is never an event date. A date without a year takes the year of the
period the sentence reviews (a year-end review held in January-March belongs to the next
year), else the page's display date, else it is left out."""

from __future__ import annotations

import bisect
import re

from pbkg.extract.clusters import Cluster, Mention, find_mentions, resolve
from pbkg.extract.doc import Doc, Sentence
from pbkg.extract.patterns import (
    CAP_WORD,
    LOWER,
    NAM_YEAR,
    ORG_HEAD,
    UPPER,
    YEAR,
    valid_day_month,
)

_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*"
# "Sáng 15/12", "Sáng thứ Sáu (15/12)", "Thứ Năm, ngày 14/12/2023", "Hôm qua (15/12)"
_DATE_LEAD = (
    rf"(?:(?:sáng|chiều|tối|trưa|đêm)\s+(?:nay\s+|qua\s+)?(?:hôm\s+qua\s+)?(?:{_WEEKDAY})?(?:ngày\s+)?"
    # "Cũng trong ngày 18/12": the day of the conference before it
    # "Trong hai ngày 24 và 25/10", "Ngày 24-25/10": a conference of two or three days, its
    # first (not a span "từ ngày 14 đến 17/12", which may hold several conferences)
    rf"|(?:{_WEEKDAY})?(?:(?:cũng\s+)?trong\s+(?:(?:hai|ba|[23])\s+)?)?ngày\s+"
    r"|hôm\s+(?:nay|qua)\s+)"
    r"\(?(?P<d>\d{1,2})(?:\s*(?:và|,)\s*\d{1,2}(?=\s*[/.]\s*\d)"
    r"|\s*[-–]\s*\d{1,2}(?=\s*/\s*\d))?\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})"
    rf"(?:\s*(?P=sep)\s*(?P<y>{YEAR}))?\)?(?![\d])"
)
# byline: "(Baonghean.vn) - ", "LSO-", or a dateline of a place's capitalized words ("Bến Tre -
# ", "Hà Nội – ")
_BYLINE = (
    # a source in brackets, of up to three words, with or without a dash: "(HNTV) ", "(LĐ
    # online) - "
    # (its abbreviation maybe joined by "&" or "-": "(BTG&DV) - ", "BR-VT - ")
    r"(?:\([\w.]{2,20}(?:[&-][\w.]{1,12}){0,2}(?:[ \t]+[\w.]{2,12}){0,2}\)[ \t]*"
    r"(?:[-–][ \t]*)?)?"
    r"(?:(?:\(?[\w.]{2,25}(?:[&-][\w.]{1,12}){0,2}\)?"
    r"|(?-i:[" + UPPER + r"][\w’']*(?:[ \t]+[" + UPPER + r"][\w’']*){1,3}))\s*[-–]\s*)?"
    # a dateline of the place and the day of the dispatch, before the event's own date: "Nghệ
    # An, 19/12 – Chiều qua (18/12), ..."
    r"(?:(?-i:[" + UPPER + r"][\w’']*(?:[ \t]+[" + UPPER + r"][\w’']*){0,3})[ \t]*,[ \t]*"
    r"\d{1,2}/\d{1,2}(?:/\d{4})?[ \t]*[-–][ \t]*)?"
)
_LEAD_DATE = re.compile(r"^\W{0,3}" + _BYLINE + _DATE_LEAD, re.IGNORECASE)
# the date after an opening clause: "Thực hiện Kế hoạch số 10, sáng 15/12, ...", "Tại thành phố
# Thái Bình, chiều 15/12, ..."; the clause holds no date of its own
_LEAD_CLAUSE_DATE = re.compile(r"^\W{0,3}[^,.;:()\n]{3,100}?,\s*" + _DATE_LEAD, re.IGNORECASE)
# a photo caption run into the lead, then the byline: "... các đội thi (Thanhuytphcm.vn) - Chiều
# 9/8, ..."
_LEAD_BYLINE_DATE = re.compile(r"^[^.;:\n]{0,200}?\([\w.]{2,25}\)\s*[-–]\s*" + _DATE_LEAD,
                               re.IGNORECASE)
# a full date in the event's sentence ("(01/8/1930-01/8/2024)"): the year of a day-month lead
_FULL_DATE = re.compile(rf"(?<![\d/])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{YEAR})(?![\d])")
_LEAD_WORDY = re.compile(
    r"^\W{0,3}" + _BYLINE +
    # "Ngày 5 tháng 12", "Chiều (ngày) 5 tháng 12"
    r"(?:(?:sáng|chiều|tối|trưa)\s+(?:ngày\s+)?|ngày\s+)"
    rf"(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})(?:\s+năm\s+(?P<y>{YEAR}))?",
    re.IGNORECASE,
)
_INNER_DATE = re.compile(
    r"(?<![\w])(?:vào|diễn\s+ra(?:\s+vào)?|được\s+tổ\s+chức(?:\s+vào)?)\s+"
    r"(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?"
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})"
    rf"(?:\s*(?P=sep)\s*(?P<y>{YEAR}))?(?![\d])",
    re.IGNORECASE,
)
# a conference named, then the day it was held, with no clause of its own: "Hội nghị tổng kết
# công tác năm 2021 của Khối tổ chức ngày 14/12/2021 tại ...", "tại Hội nghị sơ kết được tổ
# chức vào chiều 5/7/2022"; whether it was held is read between the two
_HELD_ON = re.compile(
    r"(?<![\w])hội\s+nghị(?![\w])[^.;:()\n]{1,150}?(?<![\w])(?:được\s+)?tổ\s+chức\s+(?:vào\s+)?"
    r"(?:(?:sáng|chiều|tối|trưa)\s+)?ngày\s+"
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})"
    rf"\s*(?P=sep)\s*(?P<y>{YEAR})(?![\d])",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"(?<![\w])(?:sẽ|dự\s+kiến|chuẩn\s+bị|kế\s+hoạch|tiến\s+tới)(?![\w])",
                     re.IGNORECASE)
# a conference not held (yet): planned, postponed, cancelled or negated ("ban hành kế hoạch tổ
# chức hội nghị", "hoãn hội nghị", "chưa tổ chức hội nghị"), read between the lead and the
# conference's word
_NOT_HELD = re.compile(
    r"(?<![\w])(?:sẽ|dự\s+kiến|chuẩn\s+bị|kế\s+hoạch|tiến\s+tới|(?:tạm\s+)?hoãn|lùi|dời|"
    r"hủy|huỷ|chưa|không(?!\s+(?:ngừng|chỉ|những|ít))|đề\s+nghị|đề\s+xuất|thống\s+nhất\s+thời\s+gian|"
    # a letter or a notice about the conference: "có văn bản gửi các đơn vị về việc tổ chức hội
    # nghị", "thông báo thời gian tổ chức hội nghị"
    r"văn\s+bản|công\s+văn|giấy\s+mời|thông\s+báo|về\s+việc|"
    # a report, a deadline, an interview about it: "là hạn cuối gửi báo cáo tổng kết", "phóng
    # viên trao đổi với ... về hội nghị tổng kết"
    r"báo\s+cáo|hạn(?:\s+cuối|\s+chót)?|gửi|trao\s+đổi|phỏng\s+vấn|phóng\s+viên)"
    r"(?![\w])", re.IGNORECASE)
_UNDATED = re.compile(
    # "Hội nghị tổng kết công tác thi đua cụm số 3, ...": a sentence that names the conference
    r"^\W{0,3}[Hh]ội\s+nghị\s+(?=tổng\s+kết|sơ\s+kết|ký\s+kết)|"
    r"^\W{0,3}vừa\s+qua\s*,|(?<![\w])(?:(?:vừa|đã)\s+)?tổ\s+chức\s+(?:thành\s+công\s+)?"
    r"[Hh]ội\s+nghị",
    re.IGNORECASE,
)
_KINDS = [
    ("tổng kết", re.compile(r"(?<![\w])tổng\s+kết(?![\w])", re.IGNORECASE)),
    ("sơ kết", re.compile(r"(?<![\w])sơ\s+kết(?![\w])", re.IGNORECASE)),
    ("ký kết giao ước", re.compile(r"(?<![\w])ký(?:\s+kết)?\s+(?:bản\s+)?giao\s+ước",
                                   re.IGNORECASE)),
]
_EVENT_WORD = re.compile(r"(?<![\w])(?:hội\s+nghị|tổng\s+kết|sơ\s+kết|giao\s+ước|"
                         r"giao\s+ban|bình\s+chọn|bình\s+xét|họp|họp\s+mặt|hội\s+thảo|"
                         # "hội thao": a cluster's sports meet
                         r"tọa\s+đàm|kiểm\s+tra\s+chéo|giao\s+lưu|hội\s+thi|hội\s+thao)(?![\w])",
                         re.IGNORECASE)
# a cluster's activity other than a conference: a study visit, a charity visit, a volunteers'
# day
_ACTIVITY = re.compile(r"(?<![\w])(?:học\s+tập\s+kinh\s+nghiệm|thăm\s*,?\s*(?:và\s+)?tặng\s+quà|"
                       r"ra\s+quân)(?![\w])", re.IGNORECASE)
_PLACE = re.compile(
    r"(?<![\w])tại\s+(?P<place>(?:(?:huyện|tỉnh|thành\s+phố|TP\.?|phường|xã|quận|thị\s+xã)\s+)?"
    rf"{CAP_WORD}(?:\s+(?:{CAP_WORD}|ủy)){{0,5}})(?=\s*[,.;(]|\s+(?:Cụm|Khối|cụm|khối))"
)
_PERIOD_6M = re.compile(rf"6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+(?P<year>{YEAR}))?", re.IGNORECASE)


_CK_WORD = re.compile(r"(?<![\w])(?:cụm|khối)(?![\w])", re.IGNORECASE)
# the subject after the lead is a body: "..., (tại X,) Ban Tổ chức Tỉnh ủy A tổ chức ..."
# (the place maybe with the province it is in: "tại thành phố Hạ Long, tỉnh Quảng Ninh,")
_UNIT_SUBJECT = re.compile(rf"[\s,]*(?:tại[^,.;]{{1,60}},[ \t]*(?:(?:tỉnh|thành[ \t]+phố)[ \t]+"
                           rf"[^,.;]{{1,30}},[ \t]*)?)?(?:{ORG_HEAD.pattern})")
# "họp đánh giá công tác Tuyên giáo năm 2017": a meeting that reviews a year is its review
_REVIEWS_YEAR = re.compile(r"(?<![\w])(?:họp|hội\s+nghị)\s+đánh\s+giá\s+(?:kết\s+quả\s+)?"
                           r"(?:công\s+tác|hoạt\s+động|phong\s+trào)[^.;]{0,80}?năm\s+\d{4}",
                           re.IGNORECASE)


def _kind(text: str) -> tuple[str, int | None]:
    """The event's kind and where its keyword is in `text`."""
    best: tuple[int, str] | None = None
    for name, rx in _KINDS:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best is None and (review := _REVIEWS_YEAR.search(text)) is not None:
        best = (review.start(), "tổng kết")
    if best is None:
        return "other", None
    return best[1], best[0]


def _covered(text: str, kind_pos: int | None) -> int | None:
    start = kind_pos or 0
    y = NAM_YEAR.search(text, start) or NAM_YEAR.search(text)
    if y:
        return int(y.group("year"))
    six = _PERIOD_6M.search(text)
    if six and six.group("year"):
        return int(six.group("year"))
    return None


def _year_for(day: int, month: int, kind: str, covered: int | None,
              display: list[tuple[int, int, int]], header_date: str | None) -> int | None:
    shifted = None
    if covered is not None:
        if kind == "tổng kết" and month <= 3:
            shifted = covered + 1
        elif kind == "ký kết giao ước" and month >= 10:
            shifted = covered - 1
        else:
            return covered
    refs = list(display)
    if header_date:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", header_date)
        if m:
            refs.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    if refs:
        y, mo, d = refs[0]
        shown = y if (month, day) <= (mo, d) else y - 1
        # the period's year, shifted by the season (a review held early in the next year, an
        # agreement signed late in the year before), unless the page's date says the event was
        # held in the period's own year: "ký kết giao ước thi đua năm 2025" on 14-10, on a page
        # of 15/10/2025
        if shifted is not None and shown != covered:
            return shifted
        return shown
    return shifted


def _year_of_full_dates(text: str, day: int, month: int) -> int | None:
    """The latest year of the sentence's full dates that fall on or before day/month in their
    year: "Chiều 9/8, ... kỷ niệm 94 năm Ngày truyền thống (01/8/1930-01/8/2024)" is 2024."""
    years = [int(m.group("y")) for m in _FULL_DATE.finditer(text)
             if valid_day_month(int(m.group("d")), int(m.group("m")))
             and (int(m.group("m")), int(m.group("d"))) <= (month, day)]
    # a month of a year, on or before the day's: "Sáng 14/10, ... trong đợt mưa lũ đầu tháng
    # 10/2023" is 2023
    years += [int(m.group("y")) for m in _MONTH_YEAR.finditer(text)
              if 1 <= int(m.group("m")) <= month]
    return max(years) if years else None


_MONTH_YEAR = re.compile(rf"(?<![\w])tháng[ \t]+(?P<m>\d{{1,2}})[ \t]*(?:/|[ \t]năm[ \t]+)[ \t]*"
                         rf"(?P<y>{YEAR})(?![\d])", re.IGNORECASE)


# a second kind the same conference holds, joined to the first: "hội nghị tổng kết công tác
# năm 2023 và ký kết giao ước thi đua năm 2024"
_JOINED_KIND = re.compile(r"(?:[ \t]+và|[ \t]*,)[ \t]+(?:tổ[ \t]+chức[ \t]+)?"
                          r"(?:hội[ \t]+nghị[ \t]+|lễ[ \t]+)?$", re.IGNORECASE)
# a conference "the same day": "Cùng ngày, Cụm thi đua số 1 cũng tổ chức ký kết giao ước"
_SAME_DAY = re.compile(r"\W{0,3}(?:[Cc]ùng|[Cc]ũng[ \t]+trong|[Tt]rong[ \t]+cùng)[ \t]+ngày[ \t]*,")


def _second_kinds(text: str, kind: str, kind_pos: int | None) -> list[tuple[str, int]]:
    """The other kinds the sentence's conference is of, each joined to the one before by "và"
    or a comma, none of them put off or planned."""
    if kind_pos is None:
        return []
    out: list[tuple[str, int]] = []
    for name, rx in _KINDS:
        if name == kind:
            continue
        m = rx.search(text, kind_pos + 1, kind_pos + 200)  # bounded: the joined kind is near
        if m is None or _NOT_HELD.search(text, kind_pos, m.start()) or not _JOINED_KIND.search(
                text, max(kind_pos, m.start() - 30), m.start()):
            continue
        # the clause between is the first kind's own: no verb of its own, no other subject
        if re.search(r"[;:.()]", text[kind_pos : m.start()]) or m.start() - kind_pos > 160:
            continue
        out.append((name, m.start()))
    return out


_MAX_BROKEN_LINES = 3  # a lead copied as short lines: this many lines more at most
# a line that stops mid-sentence: after a comma, or a word the next line (in lower case) goes on
_LINE_GOES_ON = re.compile(r",[ \t]*$")
_WORD_END = re.compile(r"\w[ \t]*$")
_LOWER_START = re.compile(rf"[ \t]*[{LOWER}]")


def _broken_lines(doc: Doc, i: int) -> Sentence:
    """The sentence `doc.sentences[i]` with the lines it goes on in, when a page copied it as
    short lines ("Chiều ngày 15 tháng 12 năm 2023, tại Trụ sở Quận ủy Hoàng Mai,\nCụm thi đua số
    4 ...\ntổ chức Hội nghị tổng kết ..."): each line that ends with a comma, or with a word when
    the next begins in lower case, goes on in the next one, up to a few lines."""
    canon, sents = doc.canon, doc.sentences
    sent = sents[i]
    end = sent.end
    for nxt in sents[i + 1 : i + 1 + _MAX_BROKEN_LINES]:
        if canon[end:nxt.start].strip() or "\n" not in canon[end:nxt.start]:
            break  # not the next line
        if not (_LINE_GOES_ON.search(canon, sent.start, end)
                or (_WORD_END.search(canon, sent.start, end)
                    and _LOWER_START.match(canon, nxt.start))):
            break
        end = nxt.end
        sent = Sentence(sent.start, end)
    return sent


def find_events(doc: Doc, mentions: list[Mention], clusters: list[Cluster],
                header_date: str | None = None, bodys_own: list[int] | None = None) -> list[dict]:
    """The events the text dates or reports; `bodys_own`, when given, gets where each
    conference starts that a body, not the article's cluster, held (no event)."""
    canon = doc.canon
    out: list[dict] = []
    seen: set[tuple] = set()
    dated: list[tuple[Sentence, re.Match[str]]] = []
    mention_starts = [m.start for m in mentions]  # sorted
    for i, sent in enumerate(doc.sentences):
        text = canon[sent.start : sent.end]
        if doc.in_display(sent.start):
            continue  # a page's display date ("Thứ Bảy, ngày 22/6/2024") dates no event
        lead = (_LEAD_DATE.match(text) or _LEAD_WORDY.match(text)
                or _LEAD_CLAUSE_DATE.match(text) or _LEAD_BYLINE_DATE.match(text))
        if lead and not _EVENT_WORD.search(text, lead.end()):
            sent = _broken_lines(doc, i)
            text = canon[sent.start : sent.end]
        word = _EVENT_WORD.search(text, lead.end()) if lead else None
        if word is None and lead is not None and (act := _ACTIVITY.search(text, lead.end())):
            # "Sáng 14/10, đoàn công tác Khối thi đua X đã đến thăm, tặng quà ...", "Ngày
            # 21-9, đoàn cán bộ Cụm thi đua số 1 có chuyến học tập kinh nghiệm tại ...": an
            # activity of the cluster named as its subject, before the verb
            i0 = bisect.bisect_left(mention_starts, sent.start + lead.end())
            i1 = bisect.bisect_left(mention_starts, sent.start + act.start())
            named = any(m.named and m.end <= sent.start + act.start() for m in mentions[i0:i1])
            word = act if named else None
        if word and not _NOT_HELD.search(text, lead.end(), word.start()):
            dated.append((sent, lead))
    if not dated:
        for sent in doc.sentences:
            text = canon[sent.start : sent.end]
            inner = _INNER_DATE.search(text)
            lo, hi = 0, inner.start() if inner else 0
            if inner is None and (inner := _HELD_ON.search(text)) is not None:
                # (only the conference's own words, and those right before it, say it was not
                # held: "đề nghị hoãn Hội nghị ...")
                lo, hi = max(0, inner.start() - 30), inner.start("d")
            if inner and _EVENT_WORD.search(text) and not _NOT_HELD.search(text, lo, hi):
                dated.append((sent, inner))
                break
    candidates: list[tuple[Sentence, re.Match[str] | None]] = list(dated)
    starts = [m.start for m in mentions]  # sorted
    held_by: dict[tuple, set[int]] = {}  # an event's key -> the clusters holding it
    day_years: dict[tuple[int, int], int] = {}  # (day, month) of a dated lead -> its year
    if not dated:
        for sent in doc.sentences:
            text = canon[sent.start : sent.end]
            und = _UNDATED.search(text)
            if (und and _EVENT_WORD.search(text) and (_kind(text)[0] != "other"
                                                      or re.search(r"vừa|đã", und.group(0), re.I))
                    # before the verb, or anywhere in a sentence that opens with the conference
                    and not _NOT_HELD.search(text, 0, und.start() or len(text))):
                if und.start() == 0 and not _CK_WORD.search(text):
                    continue  # a line "Hội nghị tổng kết" alone (an item, a heading) reports none
                candidates.append((sent, None))
                break
    for sent, lead in candidates:
        text = canon[sent.start : sent.end]
        kind, kind_pos = _kind(text)
        covered = _covered(text, kind_pos)
        if lead is not None and kind_pos is not None and _NOT_HELD.search(text, lead.end(),
                                                                          kind_pos):
            # "Ngày 10/12, Cụm X họp bàn công tác chuẩn bị hội nghị tổng kết năm 2023": a
            # meeting held, the review it prepares (and the year that review covers) not
            kind, kind_pos, covered = "other", None, None
        date = None
        if lead is not None:
            day, month = int(lead.group("d")), int(lead.group("m"))
            if not valid_day_month(day, month):
                continue
            year = int(lead.group("y")) if lead.group("y") else _year_for(
                day, month, kind, covered, doc.display_dates, header_date)
            if year is None:
                year = _year_of_full_dates(text, day, month)
            if year is None:
                # "Cũng trong ngày 18/12, ..." after "Chiều 18/12/2023, ...": the day's year
                year = day_years.get((day, month))
            if year is not None:
                date = f"{year:04d}-{month:02d}-{day:02d}"
                day_years.setdefault((day, month), year)
        key = (kind, date)
        late = key in seen
        if late and not _another_cluster(mentions, starts, sent, clusters,
                                         held_by.get(key, set())):
            continue
        place = None
        pm = _PLACE.search(text)
        if pm and (kind_pos is None or pm.start() < kind_pos or lead is not None):
            place = doc.slice(sent.start + pm.start("place"), sent.start + pm.end("place"))
        in_sentence = [m for m in mentions if sent.start <= m.start < sent.end and m.named]
        cluster = resolve(in_sentence[0] if in_sentence else None, clusters)
        if not in_sentence and not _CK_WORD.search(text) and _UNIT_SUBJECT.match(
                text, lead.end() if lead is not None else 0):
            # "Sáng 25/12, Ban Tổ chức Tỉnh ủy A tổ chức hội nghị tổng kết công tác ...": a
            # body's own conference, which the article's cluster did not hold: no event of a
            # cluster, so none (no gold set records an event without its cluster)
            if bodys_own is not None:
                bodys_own.append(sent.start)
            continue
        seen.add(key)
        held_by.setdefault(key, set()).add(id(cluster))
        s, e = doc.trimmed(sent.start, sent.end)
        out.append({
            "kind": kind,
            "date": date,
            "place": place,
            "cluster": cluster.name if cluster else None,
            "year_covered": str(covered) if covered else None,
            "evidence": doc.slice(s, e),
            "start": s,
            "end": e,
            "confidence": 0.85 if date else 0.7,
        })
        if late:
            out[-1]["_late"] = True  # a "Cùng ngày, ..." before it may state it first
        for other in _joint_clusters(doc, in_sentence, cluster, kind_pos, sent.start):
            out.append({**out[-1], "cluster": other.name})
        if lead is None:
            continue
        for kind2, pos2 in _second_kinds(text, kind, kind_pos):
            if (kind2, date) in seen:
                continue
            seen.add((kind2, date))
            covered2 = _covered(text, pos2)
            out.append({**out[-1], "kind": kind2,
                        "year_covered": str(covered2) if covered2 else None})
    _same_day(doc, mentions, clusters, out)
    for e in out:
        e.pop("_late", None)
    return out


def _another_cluster(mentions: list[Mention], starts: list[int], sent: Sentence,
                     clusters: list[Cluster], held: set[int]) -> bool:
    """Whether the sentence's first named cluster is not one already holding a conference of
    that kind and date: "Chiều 18/12, Khối A tổng kết ... Cũng trong ngày 18/12, Khối B tổng
    kết" are two events (looked up by bisection: linear over the article's sentences)."""
    i = bisect.bisect_left(starts, sent.start)
    while i < len(mentions) and mentions[i].start < sent.end and not mentions[i].named:
        i += 1
    if i >= len(mentions) or mentions[i].start >= sent.end:
        return False
    c = resolve(mentions[i], clusters)
    return c is not None and id(c) not in held


# between two clusters that hold one conference together: "Khối thi đua A (Khối 1) và Khối thi
# đua B (Khối 2) tổ chức hội nghị liên tịch tổng kết", "Khối A, Khối B và Khối C tổng kết"
_JOINT = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:,|và|cùng)[ \t]*")


def _joint_clusters(doc: Doc, in_sentence: list[Mention], first: Cluster | None,
                    kind_pos: int | None, start: int) -> list[Cluster]:
    """The other clusters of a subject that names several, joined by commas or "và", before
    the conference's word: each holds the conference (one event a cluster)."""
    out: list[Cluster] = []
    if first is None or kind_pos is None or not in_sentence or in_sentence[0].cluster is not first:
        return out
    prev = in_sentence[0]
    for m in in_sentence[1:]:
        if m.bare and m.cluster is prev.cluster:
            continue  # its own alias in brackets: "Khối thi đua A (Khối I) và ..."
        if m.start >= start + kind_pos or m.start < prev.end:
            break
        if not _JOINT.fullmatch(doc.canon, prev.end, m.start):
            break
        if m.cluster is not None and m.cluster is not first and m.cluster not in out:
            out.append(m.cluster)
        prev = m
    return out


def _same_day(doc: Doc, mentions: list[Mention], clusters: list[Cluster],
              out: list[dict]) -> None:
    """A conference held "the same day" as the dated one before it: "Cùng ngày, Cụm thi đua
    số 1 cũng tổ chức ký kết giao ước" is an event of that date, of the cluster it names."""
    canon = doc.canon
    dated = sorted((e for e in out if e["date"] and e["start"] is not None),
                   key=lambda e: e["end"])
    if not dated:
        return
    # Looked up by position and by key, so that each sentence costs a bisection, not a scan
    # of the article's events and mentions (linear time on a long text of such sentences).
    ends = [e["end"] for e in dated]
    starts = [m.start for m in mentions]
    known = {(e["kind"], e["date"], e["cluster"]): e for e in out}
    for sent in doc.sentences:
        if sent.start < ends[0] or not _SAME_DAY.match(canon, sent.start, sent.end):
            continue
        text = canon[sent.start : sent.end]
        kind, kind_pos = _kind(text)
        word = _EVENT_WORD.search(text)
        if word is None or _NOT_HELD.search(text, 0, word.start()) or _FUTURE.search(text):
            continue
        before = dated[bisect.bisect_right(ends, sent.start) - 1]
        i = bisect.bisect_left(starts, sent.start)
        while i < len(mentions) and mentions[i].start < sent.end and not mentions[i].named:
            i += 1
        named = i < len(mentions) and mentions[i].start < sent.end
        cluster = resolve(mentions[i] if named else None, clusters)
        name = cluster.name if cluster else None
        held = known.get((kind, before["date"], name))
        if held is not None and not (held.get("_late") and held["start"] > sent.start):
            continue
        covered = _covered(text, kind_pos)
        pm = _PLACE.search(text)
        s, e = doc.trimmed(sent.start, sent.end)
        if held is not None:  # the same conference, stated first here: its evidence is this
            out.remove(held)
        out.append({
            "kind": kind,
            "date": before["date"],
            "place": doc.slice(sent.start + pm.start("place"), sent.start + pm.end("place"))
            if pm else None,
            "cluster": name,
            "year_covered": str(covered) if covered else None,
            "evidence": doc.slice(s, e),
            "start": s,
            "end": e,
            "confidence": 0.75,
        })
        known[(kind, before["date"], name)] = out[-1]


_KIND_INITIALS = re.compile(r"(?<![\w])[CK]TĐ(?=[ \t]+(?:số[ \t]+)?\w)")
_SPELLED = {"CTĐ": "Cụm thi đua", "KTĐ": "Khối thi đua"}


def headline_event(title: str | None, clusters: list[Cluster]) -> list[dict]:
    """The conference a headline reports ("Khối thi đua VII tổng kết năm 2019") when the body
    dates or names none: a review or a signing said of a named cluster, not one to come. Its
    date is not in a headline; its evidence is the headline, which has no offsets in the body."""
    if not title:
        return []
    # "CTĐ số 1 ... tổng kết năm 2017": a headline's initials of the kind spelled out
    verbatim = Doc(title).text.strip()
    title = _KIND_INITIALS.sub(lambda m: _SPELLED[m.group(0)], title)
    tdoc = Doc(title)
    text = tdoc.canon
    kind, kind_pos = _kind(text)
    named = [m for m in find_mentions(tdoc) if m.named and not m.bare]
    if kind == "other" or not named or _FUTURE.search(text):
        return []
    cluster = resolve(Mention(0, 0, named[0].kind, named[0].number, True), clusters)
    covered = _covered(text, kind_pos)
    return [{
        "kind": kind,
        "date": None,
        "place": None,
        "cluster": cluster.name if cluster else None,
        "year_covered": str(covered) if covered else None,
        "evidence": verbatim,
        "start": None,
        "end": None,
        "confidence": 0.6,
    }]


# a conference the text refers to as held: "Dự Hội nghị có ...", "Tại Hội nghị, ...", "chủ trì
# Hội nghị", "tại lễ trao giải", "kết thúc hội thi"
# (not a conference named after another body: "Tại Hội nghị Ban Chấp hành Đảng bộ tỉnh", "Dự Hội
# nghị Trung ương 8")
_REFERRED = re.compile(
    r"(?<![\w])(?:dự|tại|chủ\s+trì|phát\s+biểu\s+tại|kết\s+thúc|bế\s+mạc|việc\s+tổ\s+chức)\s+"
    r"(?:hội\s+nghị|lễ\s+trao\s+giải|hội\s+thi|lễ\s+ký\s+kết)(?![\w])"
    rf"(?![ \t]+(?-i:(?!Cụm|Khối)[{UPPER}]))", re.IGNORECASE)
# a descriptor after the conference's word that names another conference or one to come: "hội
# nghị giao ban ... toàn quốc", "hội nghị tổng kết của tỉnh", "hội nghị tập huấn", "hội nghị
# sắp tới", "Dự hội nghị dự kiến có"
_OTHER_CONFERENCE = re.compile(
    r"[^,.;:\n]{0,60}?(?<![\w])(?:của[ \t]+(?!các[ \t]+đơn[ \t]+vị|[Cc]ụm|[Kk]hối)(?=\w)"
    r"|(?:toàn[ \t]+quốc|sắp|tới|giao[ \t]+ban|tập[ \t]+huấn|quán[ \t]+triệt|học[ \t]+tập|"
    r"chuyên[ \t]+đề|sẽ|dự[ \t]+kiến)(?![\w]))")
_MAX_REFERRALS = 50  # enough to tell; the scan of a long text stops there
# a conference announced: "Hội nghị sẽ diễn ra ngày 20/12", "dự kiến tổ chức hội nghị"
_PLANNED = re.compile(r"(?<![\w])(?:sẽ|dự\s+kiến|chuẩn\s+bị)\s+(?:được\s+)?"
                      r"(?:tổ\s+chức|diễn\s+ra|khai\s+mạc|họp)(?![\w])", re.IGNORECASE)


def referred_event(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> list[dict]:
    """The conference of a cluster the text refers to twice or more as held ("Dự Hội nghị có
    ...", "Tại Hội nghị, ...") when no sentence dates or reports it and the headline gives none:
    an event with no date, whose kind is a review's or a signing's only when a sentence that
    refers to it says so ("other" else). A caption alone ("Quang cảnh hội nghị") is not enough,
    nor is a conference of no cluster the article names."""
    canon = doc.canon
    found: list[tuple[Sentence, re.Match[str]]] = []
    for m in _REFERRED.finditer(canon):
        sent = doc.sentence_at(m.start())
        if sent is None or doc.in_display(m.start()) or _FUTURE.search(canon, sent.start,
                                                                        m.start()):
            continue
        if _OTHER_CONFERENCE.match(canon, m.end(), sent.end):
            continue  # "Tại hội nghị tổng kết của tỉnh, ...": not the cluster's
        found.append((sent, m))
        if len(found) >= _MAX_REFERRALS:
            break
    if len(found) < 2 or not clusters or _PLANNED.search(canon):
        return []  # an article that announces a conference may describe it as if held
    sents = list({s.start: s for s, _ in found}.values())
    starts = [m.start for m in mentions]  # mentions are sorted by start
    kind, covered, mention = "other", None, None
    for sent in sents:
        text = canon[sent.start : sent.end]
        k, pos = _kind(text)
        if kind == "other" and k != "other":
            kind = k
        if covered is None:
            covered = _covered(text, pos)
        i = bisect.bisect_left(starts, sent.start)  # the sentence's mentions, by position
        while mention is None and i < len(mentions) and mentions[i].start < sent.end:
            mention = mentions[i] if mentions[i].named else None
            i += 1
    cluster = resolve(mention, clusters)
    if cluster is None:
        return []
    s, e = doc.trimmed(sents[0].start, sents[0].end)
    return [{
        "kind": kind,
        "date": None,
        "place": None,
        "cluster": cluster.name,
        "year_covered": str(covered) if covered else None,
        "evidence": doc.slice(s, e),
        "start": s,
        "end": e,
        "confidence": 0.6,
    }]


def context_year(doc: Doc, events: list[dict]) -> int | None:
    """The year the article is about: its main event's period, else its most cited year."""
    for ev in events:
        if ev.get("year_covered"):
            return int(ev["year_covered"])
    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    for m in NAM_YEAR.finditer(doc.canon):
        if doc.in_display(m.start()):
            continue
        y = int(m.group("year"))
        counts[y] = counts.get(y, 0) + 1
        first.setdefault(y, m.start())
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], -first[y]))
