"""`pbkg review`: a person checks the facts extracted from one article before they enter the
graph. Each candidate fact has a stable id (its category and what it states), its text span and
its fields; a decision accepts, rejects or corrects it (unit, year, role, status). Decisions are
kept in data/review/KEY.json, so a later extraction of the same article does not bring back a
rejected fact nor ask again about a decided one. Writing puts the accepted and corrected facts,
as curated facts, in data/curated/KEY.ttl, each marked with who reviewed it and when
(dct:contributor, prov:generatedAtTime); the build then prefers them to any extracted file
of the same article.

The HTTP page lives in api/review.py; this module is the part scripts and the page share.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from pbkg.errors import InputError, InvalidParameter
from pbkg.extract.article import Article, read_article
from pbkg.extract.doc import Doc
from pbkg.extract.patterns import norm_key
from pbkg.extract.pipeline import extract
from pbkg.paths import ProjectPaths, paths

DECISIONS = ("accept", "reject", "correct")
CORRECTABLE = ("unit", "year", "role", "status")
ROLES = ("chair", "vice-chair", "standing-vice-chair")
STATUSES = ("conferred", "proposed", "ranking")
_DCT_CONTRIBUTOR = "http://purl.org/dc/terms/contributor"
_GENERATED = "http://www.w3.org/ns/prov#generatedAtTime"
_EXTRACTION = ("https://w3id.org/pbkg/ontology#extractionMethod",
               "https://w3id.org/pbkg/ontology#extractionConfidence")


@dataclass
class Candidate:
    id: str
    category: str  # roles | members | officials | documents | awards | events
    label: str
    fields: dict
    start: int | None
    end: int | None
    evidence: str | None
    decision: str | None = None  # None while pending
    corrected: dict = field(default_factory=dict)
    by: str | None = None
    at: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def _cid(category: str, *parts: object) -> str:
    key = "|".join([category, *(norm_key(str(p)) if p is not None else "" for p in parts)])
    return category[:1] + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _span(doc: Doc, text: str, within: tuple[int, int] | None) -> tuple[int, int] | None:
    for lo, hi in ([within] if within else []) + [(0, len(doc.text))]:
        pos = doc.text.find(text, lo, hi)
        if pos != -1:
            return pos, pos + len(text)
    return None


def candidates_of(article: Article, result: dict) -> list[Candidate]:
    """Every fact of an extraction result as a candidate with a stable id and its span."""
    doc = Doc(article.text)
    out: list[Candidate] = []

    def add(category: str, label: str, fields: dict, item: dict, *key: object,
            span: tuple[int, int] | None = None) -> None:
        s, e = span if span else (item.get("start"), item.get("end"))
        evidence = doc.text[s:e] if isinstance(s, int) and isinstance(e, int) else None
        out.append(Candidate(_cid(category, *key), category, label, fields, s, e, evidence))

    for c in result.get("clusters", []):
        within = (c["start"], c["end"]) if c.get("start") is not None else None
        for m in c.get("members", []):
            add("members", f"member of {c['name']}: {m}", {"unit": m, "cluster": c["name"]},
                {}, c["name"], m, span=_span(doc, m, within))
    for r in result.get("roles", []):
        # A role stated of a person alone has no unit (none is guessed): the person names it.
        holder = r.get("unit_full") or r["unit"] or r.get("person")
        add("roles", f"{r['role']} {r['year']}: {r['unit'] or r.get('person')}",
            {"unit": r["unit"], "year": r["year"], "role": r["role"], "cluster": r["cluster"],
             "person": r.get("person")}, r, r["role"], r["year"], holder)
    for a in result.get("awards", []):
        add("awards", f"{a['status']} {a['award']}: {a['recipient']}",
            {"unit": a["recipient"], "year": a.get("year_or_period"), "status": a["status"],
             "award": a["award"]}, a, a["award"], a["recipient"], a["status"])
    for o in result.get("officials", []):
        add("officials", f"{o['name']}: {'; '.join(o['positions'])}",
            {"name": o["name"], "positions": o["positions"]}, o, o["name"])
    for d in result.get("documents", []):
        add("documents", f"document {d['id']}", {"id": d["id"], "date": d.get("date")}, d,
            d["id"])
    for ev in result.get("events", []):
        add("events", f"{ev['kind']} {ev.get('date') or ''}".strip(),
            {"kind": ev["kind"], "date": ev.get("date"), "place": ev.get("place")}, ev,
            ev["kind"], ev.get("date"))
    seen: set[str] = set()
    unique = []
    for c in out:
        if c.id not in seen:
            seen.add(c.id)
            unique.append(c)
    return unique


# -- decisions -------------------------------------------------------------------------------


def decisions_path(key: str, p: ProjectPaths) -> Path:
    return p.data / "review" / f"{key}.json"


def load_decisions(key: str, p: ProjectPaths) -> dict[str, dict]:
    path = decisions_path(key, p)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a review decisions file: {exc}") from None
    decisions = data.get("decisions") if isinstance(data, dict) else None
    if not isinstance(decisions, dict):
        raise InputError(path, "not a review decisions file: no 'decisions' object")
    return decisions


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _check_correction(fields: dict) -> dict:
    out = {}
    for name, value in fields.items():
        if name not in CORRECTABLE:
            raise InvalidParameter(name, f"only {', '.join(CORRECTABLE)} can be corrected")
        if name == "year":
            if value in (None, ""):
                out[name] = None
                continue
            try:
                year = int(value)
            except (TypeError, ValueError):
                raise InvalidParameter("year", f"not a year: {value!r}") from None
            if not 1930 <= year <= 2100:
                raise InvalidParameter("year", f"not a plausible year: {year}")
            out[name] = year
        elif name == "role" and value not in ROLES:
            raise InvalidParameter("role", f"one of {', '.join(ROLES)}")
        elif name == "status" and value not in STATUSES:
            raise InvalidParameter("status", f"one of {', '.join(STATUSES)}")
        elif name == "unit":
            if not isinstance(value, str) or not value.strip() or len(value) > 200:
                raise InvalidParameter("unit", "a unit name of 1 to 200 characters")
            out[name] = " ".join(value.split())
        else:
            out[name] = value
    return out


@dataclass
class Session:
    """One article under review: its candidates with the decisions taken so far."""

    article: Article
    key: str
    project: ProjectPaths
    candidates: list[Candidate]
    result: dict

    @property
    def text(self) -> str:
        return Doc(self.article.text).text

    def get(self, cid: str) -> Candidate:
        for c in self.candidates:
            if c.id == cid:
                return c
        raise InvalidParameter("id", f"no candidate {cid!r} in article {self.key}")

    def decide(self, cid: str, decision: str, by: str, corrected: dict | None = None) -> Candidate:
        if decision not in DECISIONS:
            raise InvalidParameter("decision", f"one of {', '.join(DECISIONS)}")
        if not by or not by.strip():
            raise InvalidParameter("by", "say who reviews (a name)")
        c = self.get(cid)
        fix = _check_correction(corrected or {}) if decision == "correct" else {}
        if decision == "correct" and not fix:
            raise InvalidParameter("fields", "a correction changes unit, year, role or status")
        c.decision, c.corrected, c.by = decision, fix, by.strip()
        c.at = datetime.now(UTC).replace(microsecond=0).isoformat()
        self.save()
        return c

    def save(self) -> None:
        kept = load_decisions(self.key, self.project)
        for c in self.candidates:
            if c.decision:
                kept[c.id] = {"decision": c.decision, "corrected": c.corrected, "by": c.by,
                              "at": c.at, "category": c.category, "label": c.label}
        data = {"article": self.article.path, "url": self.article.url, "decisions": kept}
        _write_atomic(decisions_path(self.key, self.project),
                      json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def pending(self) -> list[Candidate]:
        return [c for c in self.candidates if c.decision is None]

    def write_curated(self) -> Path:
        """Write the accepted and corrected facts to data/curated/KEY.ttl (atomically)."""
        from pbkg.articles import check_key, source_file_name
        from pbkg.extract.rdf import article_rdf
        from pbkg.resolve import Resolver

        chosen = {c.id: c for c in self.candidates if c.decision in ("accept", "correct")}
        if not chosen:
            raise InputError(self.article.path or self.key, "no accepted fact to write")
        result = _filtered(self.result, self.article, chosen)
        key = check_key(self.key)
        target = self.project.curated / f"{key}.ttl"
        resolver = Resolver.from_project(
            self.project, exclude=[target, self.project.extracted / f"{key}.ttl"])
        source = source_file_name(Path(self.article.path or key), self.project)
        rdf = article_rdf(self.article, result, resolver, key, source)
        if not any(pred == "https://schema.org/publisher" for pred, _ in rdf.article.pairs):
            raise InputError(self.article.path or key,
                             "cannot tell the article's publisher: add a 'url:' or "
                             "'publisher:' line to its header")
        reviewers = sorted({c.by for c in chosen.values() if c.by})
        when = max(c.at for c in chosen.values() if c.at)
        for block in rdf.facts + rdf.conferences:
            block.pairs = [(p, o) for p, o in block.pairs if p not in _EXTRACTION]
            for name in reviewers:
                block.add(_DCT_CONTRIBUTOR, _literal(name))
            block.add(_GENERATED, _datetime(when))
        header = [
            f"Reviewed with `pbkg review` by {', '.join(reviewers)} (last decision {when})",
            f"from {source}" + (f" ({self.article.url})." if self.article.url else "."),
            f"{len(chosen)} facts accepted or corrected; rejected ones are kept in "
            f"data/review/{key}.json so that a new extraction does not bring them back.",
            "Each fact carries dct:contributor (who reviewed it) and prov:generatedAtTime (when).",
        ]
        text = rdf.turtle(header)
        ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)  # parses before it replaces
        _write_atomic(target, text)
        return target


def _literal(text: str):
    from rdflib import Literal

    return Literal(text)


def _datetime(iso: str):
    from rdflib import Literal
    from rdflib.namespace import XSD

    return Literal(iso, datatype=XSD.dateTime)


def _filtered(result: dict, article: Article, chosen: dict[str, Candidate]) -> dict:
    """The extraction result with only the chosen facts, corrections applied."""
    out = copy.deepcopy(result)
    by_id = {c.id: c for c in candidates_of(article, result)}
    keep = {cid: chosen[cid] for cid in by_id if cid in chosen}

    def pick(category: str, items: list[dict], key) -> list[dict]:
        kept = []
        for item in items:
            cid = _cid(category, *key(item))
            if cid in keep:
                fix = keep[cid].corrected
                item = dict(item)
                if category == "roles":
                    for f in ("unit", "year", "role"):
                        if f in fix:
                            item[f] = fix[f]
                    if "unit" in fix:
                        item.pop("unit_full", None)
                    if "year" in fix:  # the reviewer read the year: no longer from context
                        item["year_explicit"] = True
                elif category == "awards":
                    if "unit" in fix:
                        item["recipient"] = fix["unit"]
                    if "status" in fix:
                        item["status"] = fix["status"]
                    if "year" in fix:
                        item["year_or_period"] = str(fix["year"]) if fix["year"] else None
                kept.append(item)
        return kept

    out["roles"] = pick("roles", out.get("roles", []),
                        lambda r: (r["role"], r["year"], r.get("unit_full") or r["unit"]))
    out["awards"] = pick("awards", out.get("awards", []),
                         lambda a: (a["award"], a["recipient"], a["status"]))
    out["officials"] = pick("officials", out.get("officials", []), lambda o: (o["name"],))
    out["documents"] = pick("documents", out.get("documents", []), lambda d: (d["id"],))
    out["events"] = pick("events", out.get("events", []),
                         lambda e: (e["kind"], e.get("date")))
    for c in out.get("clusters", []):
        members = []
        for m in c.get("members", []):
            cid = _cid("members", c["name"], m)
            if cid in keep:
                members.append(keep[cid].corrected.get("unit", m))
        c["members"] = members
    # a role's unit is a member: keep the cluster's list consistent with the roles kept
    return out


def without_rejected(article: Article, result: dict, key: str,
                     p: ProjectPaths | None = None) -> dict:
    """The extraction result minus the facts a reviewer rejected (data/review/KEY.json)."""
    decided = load_decisions(key, p or paths())
    rejected = {cid for cid, d in decided.items() if d.get("decision") == "reject"}
    if not rejected:
        return result
    keep = {c.id: c for c in candidates_of(article, result) if c.id not in rejected}
    for c in keep.values():
        c.decision = "accept"
    return _filtered(result, article, keep)


def open_session(article_path: Path | str, key: str | None = None,
                 p: ProjectPaths | None = None) -> Session:
    """Extract an article and lay the decisions already taken over its candidates; rejected
    facts stay rejected (and out of what is written) however often it is extracted again."""
    from pbkg.articles import check_key
    from pbkg.extract.rdf import default_key

    p = p or paths()
    article = read_article(article_path)
    if not article.text.strip():
        raise InputError(article_path, "the article is empty: nothing to review")
    result = extract(article)
    key = check_key(key or default_key(article, result))
    cands = candidates_of(article, result)
    decided = load_decisions(key, p)
    for c in cands:
        d = decided.get(c.id)
        if d:
            c.decision, c.corrected = d.get("decision"), d.get("corrected") or {}
            c.by, c.at = d.get("by"), d.get("at")
    return Session(article, key, p, cands, result)


def summary_lines(session: Session) -> list[str]:
    lines = [f"article {session.key}: {len(session.candidates)} candidate facts, "
             f"{len(session.pending())} pending"]
    for c in session.candidates:
        mark = {"accept": "+", "reject": "-", "correct": "~", None: "?"}[c.decision]
        where = f"@{c.start}-{c.end}" if c.start is not None else ""
        fix = f"  -> {json.dumps(c.corrected, ensure_ascii=False)}" if c.corrected else ""
        lines.append(f"{mark} {c.id} {c.category:<9} {c.label} {where}{fix}")
    return lines


_ASSIGN = re.compile(r"^(?P<name>[a-z]+)=(?P<value>.*)$")


def parse_assignments(items: list[str]) -> dict:
    """"year=2023" "role=chair" ... from the command line."""
    out = {}
    for item in items:
        m = _ASSIGN.match(item)
        if not m:
            raise InvalidParameter("set", f"expected FIELD=VALUE, got {item!r}")
        out[m.group("name")] = m.group("value")
    return out


__all__ = ["CORRECTABLE", "DECISIONS", "Candidate", "Session", "candidates_of",
           "decisions_path", "load_decisions", "open_session", "parse_assignments",
           "summary_lines", "without_rejected"]
