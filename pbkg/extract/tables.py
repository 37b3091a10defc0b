"""Roles written in a table or in a rotation list (the corpus files are web pages as text: a
table is a run of lines whose cells are split by "|" or tabs, its first line the header).

Two shapes state roles:
  - a rotation by year, one row a year, one column a role:
        | Năm | Cụm trưởng | Cụm phó |
        | 2019 | Huyện ủy A | Huyện ủy B |
    (A chairs in 2019, B is vice-chair in 2019);
  - the cluster's units with their duty, one row a unit:
        STT | Đơn vị | Nhiệm vụ trong cụm
        1 | UBKT Huyện ủy A | Cụm trưởng
    (A chairs; the year is the one the line opening the table gives, "Thành phần Cụm thi đua
    số 3 năm 2024:", else the article's).
A rotation list is read the same way: "Cụm trưởng được luân phiên theo năm: năm 2025 là A, năm
2026 là B" (A chairs in 2025, B in 2026).
A cell is taken only when it is one body's whole name; a table a proposal opens ("Dự kiến
phân công Cụm trưởng như sau:") states no role. The table is the cluster's named last before it.
"""

from __future__ import annotations

import bisect
import re

from pbkg.extract.clusters import Cluster, Mention, resolve
from pbkg.extract.doc import Doc
from pbkg.extract.patterns import ROLE, ROLE_NAMES, YEAR, find_role_words
from pbkg.extract.units import parse_forward

_ROW = re.compile(r"^[^\n]*[|\t][^\n]*$", re.MULTILINE)
_CELL_SEP = re.compile(r"[|\t]")
_YEAR_CELL = re.compile(rf"(?:[Nn]ăm[ \t]+)?(?P<year>{YEAR})")
_YEAR_HEAD = re.compile(r"(?:[Nn]ăm|NĂM|[Tt]hời[ \t]+gian|[Nn]hiệm[ \t]+kỳ)")
_UNIT_HEAD = re.compile(r"(?:[Tt]ên[ \t]+)?(?:[Đđ]ơn[ \t]+vị|[Cc]ơ[ \t]+quan)")
# (a column of notes holds a unit's duty too: "STT | Đơn vị | Ghi chú", "1 | A | Cụm trưởng"; the
# duty's year may close its head: "Nhiệm vụ trong cụm năm 2024")
_DUTY_HEAD = re.compile(r"(?:(?:[Nn]hiệm[ \t]+vụ|[Vv]ai[ \t]+trò|[Vv]ị[ \t]+trí|[Cc]hức[ \t]+danh)"
                        r"(?:[ \t]+(?:trong|của)[ \t]+(?:cụm|khối|Cụm|Khối))?|[Gg]hi[ \t]+chú)"
                        rf"(?:[ \t]+năm[ \t]+(?P<year>{YEAR}))?")
_LEAD_YEAR = re.compile(rf"(?<![\w])năm[ \t]+(?P<year>{YEAR})(?![\d])", re.IGNORECASE)
_PROPOSAL = re.compile(r"(?<![\w])(?:dự[ \t]+kiến|đề[ \t]+xuất|đề[ \t]+nghị|kiến[ \t]+nghị|"
                       r"dự[ \t]+thảo|trình)(?![\w])", re.IGNORECASE)
MAX_ROWS = 60  # a table of roles is never longer: the work per table stays bounded


def _cells(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed spans of a row's cells, the empty ones at its two edges dropped."""
    spans = []
    cell_start = start
    for sep in [*_CELL_SEP.finditer(doc.text, start, end), None]:
        cell_end = sep.start() if sep else end
        spans.append(doc.trimmed(cell_start, cell_end))
        cell_start = sep.end() if sep else end
    while spans and spans[0][0] >= spans[0][1]:
        spans.pop(0)
    while spans and spans[-1][0] >= spans[-1][1]:
        spans.pop()
    return spans


def _role_of(cell: str) -> str | None:
    m = ROLE.fullmatch(cell)
    return ROLE_NAMES[m.lastgroup or "chair"] if m else None


_CLUSTER_COL = re.compile(r"(?:[Tt]ên[ \t]+)?(?:[Cc]ụm|[Kk]hối)(?:[ \t]+thi[ \t]+đua)?")
_HEAD_YEAR = re.compile(rf"[ \t]+năm[ \t]+(?P<year>{YEAR})$")


def _role_year_head(cell: str) -> tuple[str, int | None] | None:
    """A head cell that is a role word, maybe with its year: "Khối trưởng năm 2024"."""
    y = _HEAD_YEAR.search(cell)
    role = _role_of(cell[: y.start()] if y else cell)
    return (role, int(y.group("year")) if y else None) if role else None


def _unit(doc: Doc, span: tuple[int, int]):
    s, e = span
    unit = parse_forward(doc, s) if e > s else None
    return unit if unit is not None and unit.end == e else None


def _tables(doc: Doc) -> list[list[tuple[int, int]]]:
    """Runs of two lines or more that hold cells: each a list of line spans."""
    runs: list[list[tuple[int, int]]] = []
    if "|" not in doc.text and "\t" not in doc.text:
        return runs  # most texts hold no table: the line scan is skipped
    last_end = -2
    for m in _ROW.finditer(doc.text):
        if m.group(0).strip(" \t|-:") == "":  # a rule ("|---|---|") between header and rows
            last_end = m.end()
            continue
        if runs and m.start() == last_end + 1 and len(runs[-1]) < MAX_ROWS + 1:
            runs[-1].append((m.start(), m.end()))
        else:
            runs.append([(m.start(), m.end())])
        last_end = m.end()
    return [r for r in runs if len(r) >= 2]


def find_table_roles(doc: Doc, mentions: list[Mention], clusters: list[Cluster],
                     context_year: int | None) -> list[dict]:
    canon = doc.canon
    starts = [m.start for m in mentions]
    out: list[dict] = []
    for rows in _tables(doc):
        head = [canon[s:e] for s, e in _cells(doc, *rows[0])]
        roles = [_role_of(c) for c in head]
        year_col = next((i for i, c in enumerate(head) if _YEAR_HEAD.fullmatch(c)), None)
        unit_col = next((i for i, c in enumerate(head) if _UNIT_HEAD.fullmatch(c)), None)
        duty_col = next((i for i, c in enumerate(head) if _DUTY_HEAD.fullmatch(c)), None)
        rotation = year_col is not None and any(roles)
        duties = unit_col is not None and duty_col is not None
        # a row a cluster, a column a role of the year its head gives: "| Khối | Khối trưởng
        # năm 2024 | Khối phó năm 2024 |" then "| Khối thứ nhất | A | B |"
        by_cluster = [_role_year_head(c) for c in head]
        by_cluster_col = next((i for i, c in enumerate(head) if _CLUSTER_COL.fullmatch(c)), None)
        if rotation or duties or by_cluster_col is None or not any(by_cluster):
            by_cluster = []
        if not rotation and not duties and not by_cluster:
            continue
        # the line that opens the table: a proposal's table states no role
        lead = _table_lead(canon, rows[0][0])
        if _PROPOSAL.search(lead):
            continue
        k = bisect.bisect_left(starts, rows[0][0])
        cluster = resolve(mentions[k - 1] if k > 0 else None, clusters)
        if cluster is None:
            continue
        lead_year = _LEAD_YEAR.search(lead)
        if duties and (head_year := _DUTY_HEAD.fullmatch(head[duty_col])).group("year"):
            lead_year = head_year  # "| Nhiệm vụ trong cụm năm 2024 |": the duties' year
        for s, e in rows[1:]:
            cells = _cells(doc, s, e)
            if len(cells) != len(head):
                continue
            found: list[tuple[str, int | None, bool, tuple[int, int]]] = []
            if by_cluster:
                fallback = int(lead_year.group("year")) if lead_year else None
                found = [(r[0], r[1] or fallback, bool(r[1] or fallback), cells[i])
                         for i, r in enumerate(by_cluster) if r is not None]
                found = [f for f in found if f[1] is not None]
            elif rotation:
                y = _YEAR_CELL.fullmatch(canon[slice(*cells[year_col])])
                if y is None:
                    continue
                found = [(r, int(y.group("year")), True, cells[i])
                         for i, r in enumerate(roles) if r is not None]
            else:
                role = _role_of(canon[slice(*cells[duty_col])])
                if role is not None:
                    year = int(lead_year.group("year")) if lead_year else context_year
                    found = [(role, year, lead_year is not None, cells[unit_col])]
            for role, year, explicit, span in found:
                unit = _unit(doc, span)
                if unit is None:
                    continue
                out.append({
                    "cluster": cluster.name,
                    "year": year,
                    "role": role,
                    "unit": unit.text,
                    "person": None,
                    "evidence": doc.slice(s, e),
                    "start": s,
                    "end": e,
                    "confidence": 0.85 if explicit else 0.75,
                    "year_explicit": explicit,
                    "via": "table",
                })
    return out


# a colon, then a year with its unit: where a rotation list may start (a role word before it)
_COLON_YEAR = re.compile(rf":[ \t]*(?=[Nn]ăm[ \t]+{YEAR}[ \t]*(?:là|:|[-–]))")
_ROLE_BEFORE = 110  # a role word this far before the colon at most, in the same clause
_CLAUSE_MARK = re.compile(r"[.;:!?\n]")
_YEAR_ITEM = re.compile(rf"(?:[Nn]ăm[ \t]+)(?P<year>{YEAR})[ \t]*(?:là|:|[-–])[ \t]*")
_ITEM_SEP = re.compile(r"[ \t]*[,;][ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")
MAX_ITEMS = 20


def find_rotation_lists(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> list[dict]:
    canon = doc.canon
    starts = [m.start for m in mentions]
    out: list[dict] = []
    for colon in _COLON_YEAR.finditer(canon):
        lo = colon.start() - _ROLE_BEFORE
        marks = list(_CLAUSE_MARK.finditer(canon, max(0, lo), colon.start()))
        lo = marks[-1].end() if marks else max(0, lo)
        words = find_role_words(canon[lo : colon.start()])
        if not words:
            continue
        w = words[0]  # "Cụm trưởng được luân phiên theo năm:"
        w_start = lo + w.start()
        if _PROPOSAL.search(canon, max(0, w_start - 200), colon.end()):
            continue  # "Dự kiến Cụm trưởng các năm tới: năm 2026 là A": a plan
        role = ROLE_NAMES[w.lastgroup or "chair"]
        k = bisect.bisect_left(starts, w_start)
        cluster = resolve(mentions[k - 1] if k > 0 else None, clusters)
        pos = colon.end()
        for _ in range(MAX_ITEMS):
            item = _YEAR_ITEM.match(canon, pos)
            unit = parse_forward(doc, item.end()) if item else None
            if item is None or unit is None:
                break
            out.append({
                "cluster": cluster.name if cluster else None,
                "year": int(item.group("year")),
                "role": role,
                "unit": unit.text,
                "person": None,
                "evidence": doc.slice(item.start(), unit.end),
                "start": item.start(),
                "end": unit.end,
                "confidence": 0.85,
                "year_explicit": True,
                "via": "rotation-list",
            })
            sep = _ITEM_SEP.match(canon, unit.end)
            if sep is None:
                break
            pos = sep.end()
    return out


# the cluster's count of its units, written before a table of them: "Khối có 8 đơn vị thành viên"
_CLUSTER_COUNT = re.compile(r"(?<![\w])(?:[Cc]ụm|[Kk]hối)(?:[ \t]+thi[ \t]+đua)?[ \t]+"
                            r"(?:hiện[ \t]+(?:nay[ \t]+)?)?(?:có|gồm)[ \t]+(?P<n>\d{1,2})[ \t]+"
                            r"(?:đơn[ \t]+vị|cơ[ \t]+quan)(?:[ \t]+thành[ \t]+viên)?(?![\w])")
_COUNT_BEFORE = 600  # how far before a table its count is looked for
_NOTE_END = re.compile(r"[ \t]*\([^()\n]{1,40}\)$")  # "Ban Tổ chức Tỉnh ủy (Khối trưởng)"


def find_table_members(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> None:
    """A table of the cluster's units ("STT | Đơn vị | Điểm | Xếp loại", one row a unit) lists
    its members when it holds as many units, each one body's whole name (a note in brackets
    aside), as the count the text gives the cluster just before it ("Khối có 8 đơn vị thành
    viên"); a table of fewer or more, or with a row that is no unit, lists none."""
    canon = doc.canon
    starts = [m.start for m in mentions]
    for rows in _tables(doc):
        head = [canon[s:e] for s, e in _cells(doc, *rows[0])]
        unit_col = next((i for i, c in enumerate(head) if _UNIT_HEAD.fullmatch(c)), None)
        if unit_col is None:
            continue
        counts = list(_CLUSTER_COUNT.finditer(canon, max(0, rows[0][0] - _COUNT_BEFORE),
                                              rows[0][0]))
        if not counts or int(counts[-1].group("n")) != len(rows) - 1:
            continue
        k = bisect.bisect_left(starts, rows[0][0])
        cluster = resolve(mentions[k - 1] if k > 0 else None, clusters)
        if cluster is None:
            continue
        units = []
        for s, e in rows[1:]:
            cells = _cells(doc, s, e)
            if len(cells) != len(head):
                break
            cs, ce = cells[unit_col]
            note = _NOTE_END.search(canon, cs, ce)
            unit = _unit(doc, (cs, note.start() if note else ce))
            if unit is None:
                break
            units.append(unit)
        if len(units) != len(rows) - 1:
            continue
        for unit in units:
            cluster.add_member(unit.text, unit.start, unit.end)
        if cluster.member_count is None:
            cluster.member_count = len(units)
# -- awards in a table ------------------------------------------------------------------
# "| Đơn vị | Hình thức | Tình trạng |" then "| A | Cờ thi đua của UBND tỉnh | Đề nghị ... |", or
# "| Hình thức | Đơn vị |" under "hội nghị thống nhất đề nghị:": one award a row, its recipients
# the units of the unit's cell (split at ';' or ','), its status the row's own or the lead's
_RECIPIENT_HEAD = re.compile(r"(?:[Tt]ên[ \t]+)?(?:[Đđ]ơn[ \t]+vị|[Cc]ơ[ \t]+quan|[Tt]ập[ \t]+thể)"
                             r"(?:[ \t]+(?:được[ \t]+)?(?:đề[ \t]+nghị|nhận|khen[ \t]+thưởng))?")
_KIND_HEAD = re.compile(r"(?:[Hh]ình[ \t]+thức|[Dd]anh[ \t]+hiệu|[Kk]hen[ \t]+thưởng)"
                        r"(?:[ \t]+(?:khen[ \t]+thưởng|thi[ \t]+đua))?")
_STATUS_HEAD = re.compile(r"[Tt]ình[ \t]+trạng|[Tt]rạng[ \t]+thái|[Kk]ết[ \t]+quả|[Gg]hi[ \t]+chú")
_AWARD_CELL = re.compile(r"(?:Cờ|Bằng[ \t]+khen|Giấy[ \t]+khen|Huân[ \t]+chương|Danh[ \t]+hiệu)"
                         r"(?![\w])[^|\t\n]{0,100}")
_CONFERRED_CELL = re.compile(r"(?:[Đđ]ã[ \t]+(?:được[ \t]+)?|[Đđ]ược[ \t]+)(?:trao[ \t]+)?"
                             r"(?:tặng|trao|nhận)(?![\w])")
_CONFERRED_LEAD = re.compile(r"(?<![\w])(?:đã|được)[ \t]+(?:trao[ \t]+)?(?:tặng|trao|khen)"
                             r"(?![\w])", re.IGNORECASE)
_RECIPIENT_SEP = re.compile(r"[ \t]*[;,][ \t]*|[ \t]+và[ \t]+")


def _status_of(text: str) -> str | None:
    if _PROPOSAL.search(text):
        return "proposed"
    if _CONFERRED_CELL.match(text.strip()):
        return "conferred"
    return None


def find_table_awards(doc: Doc, context_year: int | None) -> list[dict]:
    """Awards a table states, one a row: its head names a column of units and one of the
    award's kind; each row's status is its status cell's ("Đề nghị Chủ tịch UBND tỉnh tặng",
    "Đã được tặng"), else the line opening the table's (a proposal: "hội nghị thống nhất đề
    nghị:"; a gift: "đã được tặng"); a row whose status is not said states none."""
    canon = doc.canon
    out: list[dict] = []
    for rows in _tables(doc):
        head = [canon[s:e] for s, e in _cells(doc, *rows[0])]
        unit_col = next((i for i, c in enumerate(head) if _RECIPIENT_HEAD.fullmatch(c)), None)
        kind_col = next((i for i, c in enumerate(head) if _KIND_HEAD.fullmatch(c)), None)
        if unit_col is None or kind_col is None:
            continue
        status_col = next((i for i, c in enumerate(head) if _STATUS_HEAD.fullmatch(c)), None)
        lead = _table_lead(canon, rows[0][0])
        lead_status = ("proposed" if _PROPOSAL.search(lead) else
                       "conferred" if _CONFERRED_LEAD.search(lead) else None)
        lead_year = _LEAD_YEAR.search(lead)
        period = lead_year.group("year") if lead_year else (
            str(context_year) if context_year else None)
        for s, e in rows[1:]:
            cells = _cells(doc, s, e)
            if len(cells) != len(head):
                continue
            award = _AWARD_CELL.fullmatch(canon[slice(*cells[kind_col])])
            if award is None:
                continue
            status = (_status_of(canon[slice(*cells[status_col])]) if status_col is not None
                      else None) or (lead_status if status_col is None else None)
            if status is None:
                continue
            units = []
            pos, end = cells[unit_col]
            while pos < end and len(units) < MAX_ROWS:
                unit = parse_forward(doc, pos)
                if unit is None or unit.end > end:
                    units = []
                    break
                units.append(unit)
                sep = _RECIPIENT_SEP.match(canon, unit.end, end)
                if unit.end == end:
                    break
                if sep is None:
                    units = []
                    break
                pos = sep.end()
            for unit in units:
                out.append({"award": " ".join(award.group(0).split()), "giver": None,
                            "recipient": unit.text, "year_or_period": period, "status": status,
                            "evidence": doc.slice(s, e), "start": s, "end": e,
                            "confidence": 0.75})
    return out


# -- awards listed a line a kind --------------------------------------------------------
# "Hội nghị thống nhất đề nghị khen thưởng năm 2022 như sau:" then "1. Cờ thi đua của UBND tỉnh:
# A." and "2. Bằng khen của Chủ tịch UBND tỉnh: B và C.": each line an award and its units
_AWARD_LINE = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-–+•*])?[ \t]*"
                         r"(?P<award>(?:Cờ|Bằng[ \t]+khen|Giấy[ \t]+khen|Huân[ \t]+chương|"
                         r"Danh[ \t]+hiệu)(?![\w])[^:\n]{0,100}?)[ \t]*:[ \t]*", re.MULTILINE)
_LINE_END = re.compile(r"[ \t]*[.;]?[ \t]*$")


def _units_to(doc: Doc, pos: int, end: int) -> list:
    """The units of canon[pos:end], split at ',', ';' or 'và', every part a unit; else []."""
    canon = doc.canon
    units = []
    while pos < end and len(units) < MAX_ROWS:
        unit = parse_forward(doc, pos)
        if unit is None or unit.end > end:
            return []
        units.append(unit)
        if _LINE_END.fullmatch(canon, unit.end, end):
            return units
        sep = _RECIPIENT_SEP.match(canon, unit.end, end)
        if sep is None:
            return []
        pos = sep.end()
    return []


def find_listed_awards(doc: Doc, context_year: int | None) -> list[dict]:
    """Awards listed a line a kind under a line that ends with a colon: proposed when that
    line proposes, conferred when it says they were given, else none."""
    canon = doc.canon
    out: list[dict] = []
    run_end, status, period = -2, None, None
    for m in _AWARD_LINE.finditer(canon):
        line_end = canon.find("\n", m.end())
        line_end = len(canon) if line_end < 0 else line_end
        if m.start() != run_end + 1:  # a new run: its lead is the line before, a colon's
            lead_end = m.start() - 1
            lead_start = canon.rfind("\n", 0, max(0, lead_end)) + 1
            for _ in range(4):  # over blank lines, a few
                if lead_start == 0 or canon[lead_start:lead_end].strip():
                    break
                lead_end = lead_start - 1
                lead_start = canon.rfind("\n", 0, max(0, lead_end)) + 1
            lead = canon[lead_start:max(lead_start, lead_end)].rstrip()
            status = None
            if lead.endswith(":"):
                status = ("proposed" if _PROPOSAL.search(lead) else
                          "conferred" if _CONFERRED_LEAD.search(lead) else None)
            lead_year = _LEAD_YEAR.search(lead)
            period = lead_year.group("year") if lead_year else (
                str(context_year) if context_year else None)
        run_end = line_end
        if status is None:
            continue
        award = " ".join(m.group("award").split())
        for unit in _units_to(doc, m.end(), line_end):
            out.append({"award": award, "giver": None, "recipient": unit.text,
                        "year_or_period": period, "status": status,
                        "evidence": doc.slice(m.start(), line_end), "start": m.start(),
                        "end": line_end, "confidence": 0.75})
    return out


def _table_lead(canon: str, first_row: int) -> str:
    """The line that opens a table whose first row starts at ``first_row``, over a few blank
    lines."""
    lead_start = canon.rfind("\n", 0, max(0, first_row - 1)) + 1
    for _ in range(4):
        if lead_start == 0 or canon[lead_start:first_row].strip():
            break
        lead_start = canon.rfind("\n", 0, lead_start - 1) + 1
    return canon[lead_start:first_row]
