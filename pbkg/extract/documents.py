"""Party documents cited: "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "Kết luận số
21-KL/TW ngày 25-10-2021", "18/CT-TTg", "Chỉ thị 05 của Bộ Chính trị", "Nghị quyết Trung ương 4
(khóa XII)", "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII". The id is the code where one is
written (kept as written, even when it looks mistyped), otherwise the description as written.
A citation by number only ("Kết luận số 21") of a coded document already cited is the same one."""

from __future__ import annotations

import re

from pbkg.extract.doc import Doc, Spans
from pbkg.extract.patterns import FULL_DATE, WORDY_DATE, norm_key, valid_day_month

_KIND = (r"(?:Nghị\s+quyết|Chỉ\s+thị|Kết\s+luận|Quy\s+định|Thông\s+báo(?:\s+kết\s+luận)?|"
         r"Quyết\s+định|Hướng\s+dẫn|Quy\s+chế|Nghị\s+định|Thông\s+tư)")
# (an issuer's part up to nine characters: "1685/NQ-UBTVQH15", the National Assembly's
# Standing Committee of the 15th term)
_CODE = (r"(?P<code>\d{1,4}(?:/\d{4})?\s*[-/]\s*[A-ZĐ][A-ZĐa-z0-9]{0,5}"
         r"(?:\s*[-/]\s*[A-ZĐ][A-ZĐa-z0-9]{0,8}){0,2})")
CODED = re.compile(rf"(?P<kind>{_KIND})?(?:\s+(?:số|s\.)?)?\s*{_CODE}(?![\w/-])")
# the same matches found from the code's digits (a pattern that opens with a digit is scanned
# for quickly; one that opens with an optional word is tried at every character)
_CODE_AT = re.compile(rf"{_CODE}(?![\w/-])")
_KIND_BEFORE = re.compile(rf"(?P<kind>{_KIND})(?:\s+(?:số|s\.)?)?\s*$")


def _coded(canon: str) -> list[tuple[int, int, str | None, int, int]]:
    """(start, end, kind, code start, code end) of each coded citation, as CODED.finditer."""
    out = []
    pos = 0
    while True:
        m = _CODE_AT.search(canon, pos)
        if m is None:
            return out
        k = _KIND_BEFORE.search(canon, max(pos, m.start() - 40), m.start())
        start = k.start("kind") if k else m.start("code")
        out.append((start, m.end(), k.group("kind") if k else None, m.start("code"), m.end()))
        pos = m.end()
NUMBERED = re.compile(rf"(?P<kind>{_KIND})\s+(?:số\s+)?(?P<num>\d{{1,4}})(?![\w/-])")
# a congress's term: "nhiệm kỳ 2020 - 2025" (after an ordinal the gold sets differ: not taken)
_TERM = r"(?:nhiệm\s+kỳ\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?!\d))"
NAMED = re.compile(
    r"(?P<kind>Nghị\s+quyết)\s+(?:"
    r"(?:Hội\s+nghị\s+(?:lần\s+thứ\s+\w+\s+)?)?(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương\s+"
    r"(?:\d{1,2}|[IVX]{1,5}|lần\s+thứ\s+\w+)(?:\s*\(?\s*khóa\s+[IVX]{1,5}(?:\s*,\s*[IVX]{1,5})*"
    r"\s*\)?)?"
    # a party congress: "Đại hội (đại biểu) (Đảng) toàn quốc lần thứ XIII (của Đảng)",
    # "Đại hội XIII của Đảng", "Đại hội Đảng bộ tỉnh Thái Nguyên lần thứ XX / khóa XX"
    r"|Đại\s+hội\s+(?:đại\s+biểu\s+)?"
    r"(?:(?:Đảng\s+)?toàn\s+quốc\s+|Đảng\s+bộ\s+(?:(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|"
    r"xã|phường)\s+)?(?:[A-ZĐ][\w’']*\s+){0,3}|Đảng\s+)?"
    r"(?:lần\s+thứ\s+[IVX]{1,6}|khóa\s+[IVX]{1,6}|[IVX]{1,6}(?=\s+của\s+Đảng))"
    r"(?:\s+của\s+Đảng(?!\s+bộ))?"
    # "Đại hội (đại biểu) Đảng bộ huyện nhiệm kỳ 2020 - 2025": the term alone names it
    r"|Đại\s+hội\s+(?:đại\s+biểu\s+)?Đảng\s+bộ\s+(?:(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|"
    r"xã|phường)\s+)?(?:[A-ZĐ][\w’']*\s+){0,3}" + _TERM + ")"
)
_ISSUER = re.compile(
    r"[ \t]*,?[ \t]*của[ \t]+(?P<issuer>Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+"
    r"Trung\s+ương(?:\s+Đảng)?(?:\s*\(?\s*khóa\s+[IVX]+\s*\)?)?|Trung\s+ương(?:\s+Đảng)?|"
    r"Chính\s+phủ|Thủ\s+tướng(?:\s+Chính\s+phủ)?|Quốc\s+hội|Ban\s+Thường\s+vụ\s+"
    r"(?:Tỉnh|Thành|Huyện)\s+ủy|(?:Tỉnh|Thành|Huyện)\s+ủy|Ban\s+Tổ\s+chức\s+Trung\s+ương)"
)
_DATE_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:ban\s+hành\s+)?ngày[ \t]+")
_CODE_KIND = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quy định",
              "TB": "Thông báo", "HD": "Hướng dẫn", "QC": "Quy chế"}


# the kinds of other documents a code may name without its kind written before it: decrees,
# circulars, plans, official letters, reports, programmes, submissions, the National Assembly's
_OTHER_KINDS = {"NĐ", "TT", "KH", "CV", "BC", "CTr", "TTr", "QH"}


_CARRIED_OUT = re.compile(r"(?<![\w])(?:thực\s+hiện|triển\s+khai|quán\s+triệt|"
                          r"sơ\s+kết|tổng\s+kết)\s+$", re.IGNORECASE)


def _date(doc: Doc, p: int) -> tuple[str | None, int]:
    m = _DATE_AFTER.match(doc.canon, p)
    if not m:
        return None, p
    q = m.end()
    wordy = m.start() + m.group(0).find("ngày")
    d = FULL_DATE.match(doc.canon, q) or WORDY_DATE.match(doc.canon, wordy)
    if not d or not d.groupdict().get("y"):
        return None, p
    day, month, year = int(d.group("d")), int(d.group("m")), int(d.group("y"))
    if not valid_day_month(day, month):
        return None, p
    return f"{year:04d}-{month:02d}-{day:02d}", d.end()


def _kind_key(kind: str | None) -> str:
    return " ".join((kind or "").split()[0:2])


def _kind_of_code(code: str) -> str | None:
    parts = re.split(r"[-/]", re.sub(r"\s", "", code))
    for part in parts[1:]:
        if part in _CODE_KIND:
            return _CODE_KIND[part]
    return None


def find_documents(doc: Doc) -> list[dict]:
    canon = doc.canon
    found: list[dict] = []
    taken = Spans()
    by_number: dict[tuple[int, str], list[dict]] = {}

    def add(id_: str, kind: str | None, number: str | None, start: int, id_end: int,
            confidence: float) -> None:
        date, p = _date(doc, id_end)
        issuer = None
        iss = _ISSUER.match(canon, p)
        if iss:
            issuer = doc.slice(iss.start("issuer"), iss.end("issuer"))
            p = iss.end()
        if date is None:
            date, q = _date(doc, p)
            p = max(p, q)
        item = {"id": id_, "date": date, "evidence": doc.slice(start, p), "start": start,
                "end": p, "confidence": confidence, "kind": kind, "number": number,
                "issuer": issuer}
        found.append(item)
        taken.add(start, p)
        if number:
            by_number.setdefault((int(number), _kind_key(kind)), []).append(item)

    for start, end, kind_text, code_start, code_end in _coded(canon):
        code = re.sub(r"\s+", "", doc.slice(code_start, code_end))
        # an issuer's letters may carry a term number ("202/2025/QH15")
        letters = [re.sub(r"(?<=[A-ZĐa-z])\d{1,2}$", "", part) for part in re.split(r"[-/]", code)]
        if not any(part in _CODE_KIND or part in {"TW", "TTg", "CP", "QH", "BCT", "BBT", "TU"}
                   or re.fullmatch(r"[A-ZĐ]{2,}", part) for part in letters[1:]):
            continue
        if kind_text is None and not re.search(r"[A-Z]{2,}/[A-Z]{2,}|-[A-ZĐ]{2}/|/[A-Z]+-", code):
            continue
        if kind_text is None and not any(part in _CODE_KIND or part in _OTHER_KINDS
                                         for part in letters[1:]):
            continue  # "Mã số hồ sơ 2023/HS-BTC": a code of no document kind
        kind = re.sub(r"\s+", " ", kind_text) if kind_text else _kind_of_code(code)
        number = re.match(r"\d+", code).group(0)
        add(code, kind, number, start, end, 0.95)
    for m in NAMED.finditer(canon):
        if taken.covers(m.start()):
            continue
        id_ = doc.slice(m.start(), m.end()).strip()
        add(id_, "Nghị quyết", None, m.start(), m.end(), 0.85)
    for m in NUMBERED.finditer(canon):
        if taken.covers(m.start()):
            continue
        kind = re.sub(r"\s+", " ", m.group("kind"))
        number = m.group("num")
        same = by_number.get((int(number), _kind_key(kind)), [])
        date, p = _date(doc, m.end())
        iss = _ISSUER.match(canon, p)
        if same:
            # the coded citation is the same document: keep one node, fill in a missing date
            if date and same[0]["date"] is None:
                same[0]["date"] = date
            taken.add(m.start(), m.end())
            continue
        id_ = doc.slice(m.start(), m.end())
        if iss:
            id_ = f"{id_} của {doc.slice(iss.start('issuer'), iss.end('issuer'))}"
        elif not date and not _CARRIED_OUT.search(canon, max(0, m.start() - 40), m.start()):
            # "Chỉ thị 05" alone is too weak a citation; the object of a verb of carrying out
            # a document ("thực hiện Chỉ thị 05", "quán triệt Nghị quyết 57") is one
            continue
        add(id_, kind, number, m.start(), m.end(), 0.8)
    out: dict[str, dict] = {}
    for d in found:
        key = norm_key(d["id"]).replace(" ", "")
        if key in out:
            if out[key]["date"] is None and d["date"]:
                out[key] = d
            continue
        out[key] = d
    # "Nghị quyết Trung ương 4 (khóa XI)" cited again as "Nghị quyết Trung ương 4", before or
    # after: the bare citation is the one the article names with its term
    termed = {_TERMLESS.sub("", k) for k in out if _TERMLESS.search(k)}
    return sorted((d for k, d in out.items() if _TERMLESS.search(k) or k not in termed),
                  key=lambda d: d["start"])


# a resolution's term at the end of its folded key ("...trung uong 4 khoa xi")
_TERMLESS = re.compile(r"khoa[ivx]+$")
