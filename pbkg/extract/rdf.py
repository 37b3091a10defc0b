"""The extractor's facts in the project's model: one article's named graph.

`article_rdf(article, result, resolver, key)` maps the dict of `pbkg.extract.extract` to
blocks of triples: the schema:NewsArticle (url, headline, publisher when the header tells it,
the page's display date kept apart from the event date), one pbo:Conference per event, and one
fact node per fact (pbo:ClusterMembership, pbo:ClusterRoleAssignment, pbo:MemberCount,
pbo:PostAttestation, pbo:DocumentCitation, pbo:AwardDecision), each with prov:wasDerivedFrom,
a verbatim pbo:evidence, its offsets in the article body (pbo:evidenceStart/End),
pbo:extractionMethod and pbo:extractionConfidence. Names are resolved to the graph's nodes
(`pbkg.resolve`); the nodes that had to be minted come with the article.

A role stated through a person's titles ("Trưởng Ban Tuyên giáo Tỉnh ủy, Trưởng khối thi đua
năm 2020") is one role node: the person (pbo:person) as stated and the body the person heads or
belongs to as the unit, marked pbo:inferred with a note giving the reason, plus the membership
that implies (inferred too); when no body can be told, pbo:noUnitInferred true and no unit. A
person is never an org:member. Hosting is not
chairing (a host is pbo:host of the conference, never a role); a proposed award has status
proposed; a page's display date is pbo:displayDate, never pbo:date or pbo:eventDate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from pbkg.extract.article import Article
from pbkg.extract.doc import Doc
from pbkg.namespaces import (
    CONCEPT,
    DCTERMS,
    FOAF,
    GRAPH,
    ID,
    ORG,
    PBO,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
)
from pbkg.periods import period_triples
from pbkg.resolve import Block, Context, Entity, Resolution, Resolver, count_in, rkey
from pbkg.text import nfc, slugify

METHOD = "pbkg-rules/0.1"
REVIEW_METHOD = "manual-review"

_KINDS = {  # extractor event kind -> (concept, slug, vi, en)
    "tổng kết": ("year-end-review", "tong-ket", "Hội nghị tổng kết", "Year-end review"),
    "sơ kết": ("mid-year-review", "so-ket", "Hội nghị sơ kết", "Mid-year review"),
    "ký kết giao ước": ("agreement-signing", "ky-ket-giao-uoc",
                        "Hội nghị ký kết giao ước thi đua", "Emulation agreement signing"),
    "other": ("other", "hoi-nghi", "Hội nghị", "Meeting"),
}
_ROLE_VI = {"chair": "cụm trưởng, trưởng khối", "vice-chair": "cụm phó, khối phó",
            "standing-vice-chair": "cụm phó thường trực, khối phó thường trực"}


@dataclass
class ArticleRDF:
    key: str
    article_iri: str
    graph: str
    article: Block
    conferences: list[Block] = field(default_factory=list)
    facts: list[Block] = field(default_factory=list)
    entities: list[Block] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        return [self.article, *self.conferences, *self.facts, *self.entities]

    def quads(self) -> list[ox.Quad]:
        g = ox.NamedNode(self.graph)
        return [ox.Quad(t.subject, t.predicate, t.object, g) for t in block_triples(self.blocks)]

    def _sections(self) -> list[tuple[str, list[Block]]]:
        return [("The article (metadata only: the text stays in the shared corpus)",
                 [self.article]),
                ("Conferences (events) the article reports", self.conferences),
                ("Facts", self.facts),
                ("Nodes new to the graph, minted by this extraction", self.entities)]

    def trig(self, header: list[str] | None = None) -> str:
        """The article's named graph, graph/extracted/KEY, as TriG."""
        return write_turtle(self._sections(), prefixes(self.key), header or [], self.graph)

    def turtle(self, header: list[str] | None = None) -> str:
        return write_turtle(self._sections(), prefixes(self.key), header or [])


# -- writing -----------------------------------------------------------------------------


def prefixes(key: str) -> dict[str, str]:
    base = str(ID)
    return {
        "pbo": str(PBO), "org": str(ORG), "prov": str(PROV), "skos": str(SKOS),
        "schema": str(SCHEMA), "dct": str(DCTERMS), "foaf": str(FOAF), "rdfs": str(RDFS),
        "xsd": str(XSD), "art": base + "article/", "cl": base + "cluster/",
        "o": base + "org/", "pr": base + "province/", "pe": base + "person/",
        "po": base + "post/", "pl": base + "place/", "doc": base + "document/",
        "conf": base + "conference/", "role": base + "concept/cluster-role/",
        "award": base + "concept/award-kind/", "status": base + "concept/award-status/",
        "ckind": base + "concept/conference-kind/", "count": base + "concept/count-qualifier/",
        "level": base + "concept/level/", "ctype": base + "concept/cluster-type/",
        "board": base + "concept/board-kind/", "prole": base + "concept/post-role/",
        "dkind": base + "concept/document-kind/", "f": base + f"fact/{key}/",
    }


def _term(obj) -> ox.NamedNode | ox.Literal:
    if isinstance(obj, URIRef):
        return ox.NamedNode(str(obj))
    if isinstance(obj, Literal):
        if obj.language:
            return ox.Literal(str(obj), language=obj.language)
        return ox.Literal(str(obj), datatype=ox.NamedNode(str(obj.datatype or XSD.string)))
    raise TypeError(f"not an RDF term: {obj!r}")


def block_triples(blocks: list[Block]) -> list[ox.Triple]:
    out = []
    for b in blocks:
        s = ox.NamedNode(b.subject)
        for t in b.types:
            out.append(ox.Triple(s, ox.NamedNode(str(RDF.type)), ox.NamedNode(t)))
        for p, o in b.pairs:
            out.append(ox.Triple(s, ox.NamedNode(p), _term(o)))
    return out


_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")


def _qname(iri: str, pfx: list[tuple[str, str]]) -> str:
    for name, ns in pfx:
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
            return f"{name}:{iri[len(ns):]}"
    return f"<{iri}>"


def _string(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def _literal(lit: Literal, pfx: list[tuple[str, str]]) -> str:
    if lit.language:
        return f"{_string(str(lit))}@{lit.language}"
    dt = str(lit.datatype or XSD.string)
    if dt == str(XSD.string):
        return _string(str(lit))
    if dt == str(XSD.integer) and re.fullmatch(r"-?\d+", str(lit)):
        return str(lit)
    if dt == str(XSD.boolean):
        return str(lit).lower()
    if dt == str(XSD.decimal) and re.fullmatch(r"-?\d+\.\d+", str(lit)):
        return str(lit)
    return f"{_string(str(lit))}^^{_qname(dt, pfx)}"


def write_turtle(sections: list[tuple[str, list[Block]]], prefix_map: dict[str, str],
                 header: list[str], graph: str | None = None) -> str:
    """Readable Turtle (or, with `graph`, TriG): prefixes, then one block per node under a
    comment line per section."""
    pfx = sorted(prefix_map.items(), key=lambda kv: -len(kv[1]))
    head = [f"# {h}".rstrip() for h in header]
    if head:
        head.append("")
    width = max(len(n) for n in prefix_map) + 1
    for name, ns in prefix_map.items():
        head.append(f"@prefix {(name + ':').ljust(width)} <{ns}> .")
    lines: list[str] = []
    for title, blocks in sections:
        if not blocks:
            continue
        lines += ["", "#" * 92, f"# {title}", "#" * 92]
        for b in blocks:
            lines.append("")
            if b.comment:
                lines += [f"# {c}".rstrip() for c in b.comment.split("\n")]
            subject = _qname(b.subject, pfx)
            grouped: dict[str, list[str]] = {}
            for p, o in b.pairs:
                text = _qname(str(o), pfx) if isinstance(o, URIRef) else _literal(o, pfx)
                grouped.setdefault(p, [])
                if text not in grouped[p]:
                    grouped[p].append(text)
            parts = []
            if b.types:
                parts.append("a " + " , ".join(_qname(t, pfx) for t in b.types))
            for p, objs in grouped.items():
                parts.append(f"{_qname(p, pfx)} " + " ,\n        ".join(objs))
            lines.append(f"{subject} " + " ;\n    ".join(parts) + " .")
    if graph is not None:
        body = "\n".join(lines).split("\n")
        lines = ["", f"<{graph}> {{"] + [f"    {ln}" if ln else "" for ln in body] + ["}"]
    return "\n".join(head + lines) + "\n"


# -- helpers -----------------------------------------------------------------------------


def _vi(text: str) -> Literal:
    return Literal(nfc(text), lang="vi")


def _en(text: str) -> Literal:
    return Literal(nfc(text), lang="en")


def _year(value) -> Literal:
    return Literal(str(value), datatype=XSD.gYear)


def _date_literal(value: str | None) -> Literal | None:
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return None


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def default_key(article: Article, result: dict, resolver: Resolver | None = None) -> str:
    """A stable article key: publisher slug and event date, else the file stem."""
    from pbkg.resolve import publisher_for_url

    known = publisher_for_url(article.url)
    when = next((e["date"] for e in result.get("events", []) if e.get("date")), None)
    if known and when:
        return slugify(f"{known[0]}-{when}")
    return slugify(article.id or "article") or "article"


class _Mapper:
    def __init__(self, article: Article, result: dict, resolver: Resolver, key: str,
                 source_file: str | None) -> None:
        self.article = article
        self.result = result
        self.r = resolver
        self.key = key
        self.source_file = source_file
        self.doc = Doc(article.text)
        self.text = self.doc.text
        self.art = str(ID[f"article/{key}"])
        self.facts: list[Block] = []
        self.conferences: list[Block] = []
        self.skipped: list[str] = []
        self.assumed: list[str] = []
        self._names: set[str] = set()
        self.memberships: dict[tuple[str, str, str], str] = {}
        self.clusters: dict[str, Entity] = {}
        self.main_conference: str | None = None
        self.main_conference_year: int | None = None
        self.main_conference_kind: str | None = None
        self.event_date: str | None = None
        self.periods: dict[str, Block] = {}

    # -- shared pieces

    def period(self, start: date, end: date, label_vi: str) -> URIRef:
        """The pbo:Period node of a span the article names, written into the article's graph
        with the same triples as in every other file that names it."""
        triples = period_triples(start, end, _vi(label_vi))
        node = triples[0][0]
        if str(node) not in self.periods:
            block = Block(str(node), [str(PBO.Period)])
            for _, p, o in triples[1:]:
                block.add(p, o)
            self.periods[str(node)] = block
        return node

    def fact_iri(self, name: str) -> str:
        base = "x-" + slugify(name)[:80].strip("-")
        candidate, n = base, 2
        while candidate in self._names:
            candidate, n = f"{base}-{n}", n + 1
        self._names.add(candidate)
        return str(ID[f"fact/{self.key}/{candidate}"])

    def provenance(self, block: Block, start: int | None, end: int | None,
                   confidence: float | None) -> Block:
        block.add(PROV.wasDerivedFrom, URIRef(self.art))
        if start is not None and end is not None and 0 <= start < end <= len(self.text):
            block.add(PBO.evidence, _vi(self.text[start:end]))
            block.add(PBO.evidenceStart, Literal(start, datatype=XSD.integer))
            block.add(PBO.evidenceEnd, Literal(end, datatype=XSD.integer))
        block.add(PBO.extractionMethod, Literal(METHOD))
        if confidence is not None:
            block.add(PBO.extractionConfidence,
                      Literal(Decimal(str(round(float(confidence), 2))), datatype=XSD.decimal))
        return block

    def span_of(self, needle: str, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
        if not needle:
            return None
        lo, hi = within or (0, len(self.text))
        pos = self.text.find(needle, lo, hi)
        if pos < 0:
            key = needle.replace("’", "'")
            pos = self.text.replace("’", "'").find(key, lo, hi)
        return (pos, pos + len(needle)) if pos >= 0 else None

    # -- context

    def context(self) -> Context:
        events = self.result.get("events", [])
        when = next((_parse_date(e.get("date")) for e in events if _parse_date(e.get("date"))),
                    None)
        if when is not None:
            self.event_date = when.isoformat()
        if when is None and self.doc.display_dates:
            y, m, d = self.doc.display_dates[0]
            try:
                when = date(y, m, d)
            except ValueError:
                when = None
        if when is None:
            years = [int(e["year_covered"]) for e in events
                     if str(e.get("year_covered") or "").isdigit()]
            if years:
                when = date(years[0], 6, 30)
        province = None
        in_title = self.r.provinces_in(self.article.title or "", when)
        if len(in_title) == 1:
            province = in_title[0]
        if province is None:
            province = self.r.at(self.r.publisher_province(self.article.url), when)
        if province is None:
            in_text = self.r.provinces_in(self.text[:4000], when, strict=True)
            if len(in_text) == 1:
                province = in_text[0]
        if province is not None:
            how = ("the title" if len(in_title) == 1 else
                   "the publisher" if self.r.publisher_province(self.article.url) else "the text")
            self.assumed.append(f"a 'Tỉnh ủy' or 'tỉnh' without a name is {province.label_vi}'s "
                                f"({province.iri.rsplit('/', 1)[-1]}), from {how}")
        if when is not None:
            self.assumed.append(f"province generation of {when.isoformat()}: "
                                + ("the 34 units of 2025" if when >= date(2025, 7, 1)
                                   else "the 63 units of 2008-2025"))
        return Context(when, province)

    # -- the article

    def article_block(self) -> Block:
        a = self.article
        block = Block(self.art, [str(SCHEMA.NewsArticle)])
        headline = (a.title or "").strip()
        headline = re.sub(r"\s*\((?:title from URL slug)\)\s*$", "", headline)
        if not headline:
            first = next((ln.strip() for ln in self.text.split("\n") if ln.strip()
                          and not self.doc.in_display(self.text.find(ln))), "")
            headline = first[:200]
        if headline:
            block.add(SCHEMA.headline, _vi(headline))
        publisher = self.r.publisher(a.url, a.publisher)
        if publisher is not None:
            block.add(SCHEMA.publisher, publisher)
        else:
            self.skipped.append("publisher: the header names none that is known")
        if a.url:
            block.add(SCHEMA.url, Literal(a.url.strip(), datatype=XSD.anyURI))
        block.add(SCHEMA.inLanguage, Literal("vi"))
        for s, e in self.doc.display_spans:
            shown = " ".join(self.text[s:e].split())
            shown = re.sub(r"^date\s+", "", shown)
            shown = re.sub(r"\s*(?:Số\s+)?lượt\s+xem.*$", "", shown, flags=re.IGNORECASE)
            if re.search(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}", shown):
                block.add(PBO.displayDate, Literal(shown))
                break
        if self.event_date:
            block.add(PBO.eventDate, Literal(self.event_date, datatype=XSD.date))
        if self.source_file:
            block.add(PBO.sourceFile, Literal(self.source_file))
        return block

    # -- clusters and conferences

    def graph_level(self, c: dict) -> str:
        level = c.get("level") or "other"
        if level != "other":
            return level
        key = rkey(c.get("name"))
        if "trung uong" in key:
            return "central"
        members = [rkey(m) for m in c.get("members") or []]
        if any(m.startswith(("phuong ", "xa ")) for m in members) or "phuong" in rkey(
                c.get("member_prefix")):
            return "ward"
        return "other"

    def map_clusters(self, ctx: Context) -> None:
        for c in self.result.get("clusters", []):
            kind = c.get("kind") or ("block" if rkey(c["name"]).startswith("khoi") else "cluster")
            entity = self.r.cluster(c["name"], level=self.graph_level(c), number=c.get("number"),
                                    kind=kind, ctx=ctx)
            self.clusters[c["name"]] = entity

    def cluster_for(self, name: str | None) -> Entity | None:
        if name and name in self.clusters:
            return self.clusters[name]
        if len(set(e.iri for e in self.clusters.values())) == 1:
            return next(iter(self.clusters.values()))
        return None

    def map_events(self, ctx: Context) -> None:
        for e in self.result.get("events", []):
            cluster = self.cluster_for(e.get("cluster"))
            concept, kslug, kvi, ken = _KINDS.get(e.get("kind"), _KINDS["other"])
            year = e.get("year_covered") or (e.get("date") or "")[:4] or None
            if cluster is None:
                self.skipped.append(f"event \"{e.get('kind')}\": no cluster to attach it to")
                continue
            existing = self.r.conference(cluster, concept, e.get("date"), year)
            if existing is not None:
                iri = existing.iri
            else:
                local = cluster.iri.rsplit("/", 1)[-1]
                base = f"{local}-{kslug}{f'-{year}' if year else ''}"
                iri, n = str(ID[f"conference/{base}"]), 2
                while iri in self.r.index.entities or any(b.subject == iri
                                                          for b in self.conferences):
                    iri, n = str(ID[f"conference/{base}-{n}"]), n + 1
                block = Block(iri, [str(PBO.Conference)])
                year_vi = f" năm {year}" if year else ""
                block.add(RDFS.label, _vi(f"{kvi}{year_vi}, {cluster.label_vi}"))
                block.add(RDFS.label, _en(f"{ken}{f' {year}' if year else ''} of "
                                          f"{cluster.label_en or cluster.label_vi}"))
                block.add(PBO.conferenceKind, CONCEPT[f"conference-kind/{concept}"])
                block.add(PBO.cluster, cluster)
                block.add(PBO.date, _date_literal(e.get("date")))
                place = self.r.place(e.get("place"), ctx)
                block.add(PBO.place, place)
                if year and str(year).isdigit() and concept in ("year-end-review",
                                                                "mid-year-review"):
                    y = int(year)
                    if concept == "year-end-review":
                        reviewed = self.period(date(y, 1, 1), date(y, 12, 31), f"năm {y}")
                    else:
                        reviewed = self.period(date(y, 1, 1), date(y, 6, 30),
                                               f"6 tháng đầu năm {y}")
                    block.add(PBO.reviewedPeriod, reviewed)
                self.provenance(block, e.get("start"), e.get("end"), e.get("confidence"))
                if e.get("start") is None and e.get("evidence"):
                    # a conference only the headline reports: the headline is its quote (it
                    # has no offsets in the body)
                    block.add(PBO.evidence, _vi(e["evidence"]))
                block.comment = f"event: {e.get('kind')}, {e.get('date') or 'no date in the text'}"
                self.conferences.append(block)
                self.r.mint(Block(iri, [str(PBO.Conference)],
                                  [(str(PBO.cluster), URIRef(cluster.iri)),
                                   (str(PBO.conferenceKind),
                                    CONCEPT[f"conference-kind/{concept}"])]))
                self.r.minted.pop(iri, None)
            if self.main_conference is None:
                self.main_conference = iri
                self.main_conference_kind = concept
                self.main_conference_year = int(year) if year and str(year).isdigit() else None

    # -- memberships and counts

    def membership(self, unit: str, cluster: Entity, year: int, start: int | None,
                   end: int | None, confidence: float | None, *, inferred_from: str | None = None,
                   note: str | None = None, comment: str | None = None) -> str:
        k = (unit, cluster.iri, str(year))
        if k in self.memberships:
            return self.memberships[k]
        unit_slug = unit.rsplit("/", 1)[-1]
        iri = self.fact_iri(f"member-{year}-{unit_slug}")
        b = Block(iri, [str(PBO.ClusterMembership)])
        b.add(ORG.member, URIRef(unit)).add(ORG.organization, cluster).add(PBO.year, _year(year))
        if inferred_from:
            b.add(PBO.inferred, Literal(True)).add(PBO.inferredFrom, URIRef(inferred_from))
            b.add(SKOS.note, _en(note or "Inferred from the role: a unit that holds a role in a "
                                 "cluster for a year is a member that year."))
        elif note:
            b.add(SKOS.note, _en(note))
        self.provenance(b, start, end, confidence)
        b.comment = comment
        self.facts.append(b)
        self.memberships[k] = iri
        return iri

    def year_of_lists(self) -> int | None:
        for e in self.result.get("events", []):
            y = e.get("year_covered")
            if y and str(y).isdigit():
                return int(y)
        years = [r["year"] for r in self.result.get("roles", []) if r.get("year")]
        return min(years) if years else None

    def map_members(self, ctx: Context) -> None:
        year = self.year_of_lists()
        for c in self.result.get("clusters", []):
            cluster = self.clusters[c["name"]]
            span = (c["start"], c["end"]) if c.get("start") is not None else None
            if year is None:
                continue
            if c.get("member_count"):
                self.member_count(cluster, c, year, span)
            if span is None:
                continue
            members = c.get("members") or []
            prefix = c.get("member_prefix")
            head = self._list_head(members) if not prefix else None
            for m in members:
                where = self.span_of(m, span)
                if where is None:
                    continue  # a role's unit, added by the extractor: the role records it
                res = self.r.unit(m, ctx, prefix=prefix or head, siblings=members)
                if res is None:
                    self.skipped.append(f"member \"{m}\": cannot tell which unit it is")
                    continue
                self.membership(res.iri, cluster, year, span[0], span[1], c.get("confidence"),
                                comment=f"member as written: \"{m}\""
                                        + (f" (list prefix \"{prefix or head}\")"
                                           if (prefix or head) and m != (prefix or head) else ""))

    @staticmethod
    def _list_head(members: list[str]) -> str | None:
        """The head word of a list written "Huyện ủy Ea H'leo, Krông Pắc, ..." (no prefix)."""
        if len(members) < 2:
            return None
        first = rkey(members[0])
        for word, vi in (("huyen uy", "Huyện ủy"), ("thi uy", "Thị ủy"), ("quan uy", "Quận ủy")):
            if first.startswith(word + " "):
                return vi
        return None

    def member_count(self, cluster: Entity, c: dict, year: int,
                     span: tuple[int, int] | None) -> None:
        n = c["member_count"]
        where = None
        pattern = re.compile(rf"(?<![\d/]){n}(?:/{n})?(?!\d)\s+(?:[\w’]+\s+){{0,3}}?"
                             r"(?:đơn vị|cơ quan|ban tổ chức|tỉnh|thành viên|phường|huyện)",
                             re.IGNORECASE)
        for lo, hi in ([span] if span else []) + [(0, len(self.text))]:
            m = pattern.search(self.text, lo, hi)
            if m:
                where = (m.start(), m.end())
                break
        note = None
        if where is None and span is not None:
            members = c.get("members") or []
            if len(members) == n:
                where, note = span, f"Not written as a number: the article lists {n} members."
        if where is None:
            self.skipped.append(f"member count {n}: no quote found")
            return
        s, e = where
        sent = self.doc.sentence_at(s) if note is None else None
        if sent is not None:
            s, e = self._count_window(sent.start, sent.end, s, e)
        b = Block(self.fact_iri(f"member-count-{year}"), [str(PBO.MemberCount)])
        b.add(PBO.cluster, cluster).add(PBO.year, _year(year))
        b.add(PBO["count"], Literal(n, datatype=XSD.integer))
        b.add(PBO.countQualifier, CONCEPT["count-qualifier/exact"])
        if note:
            b.add(SKOS.note, _en(note))
        self.provenance(b, s, e, c.get("confidence"))
        self.facts.append(b)

    _CLUSTER_MENTION = re.compile(r"(?:cụm|khối)\s+thi\s+đua(?:\s+số\s+\d+)?", re.IGNORECASE)

    def _count_window(self, lo: int, hi: int, s: int, e: int) -> tuple[int, int]:
        """A readable quote around a count: from the cluster named before it (or the clause
        start) to the cluster named after it (or the next punctuation)."""
        before = [m for m in self._CLUSTER_MENTION.finditer(self.text, max(lo, s - 100), s)]
        if before:
            start = before[-1].start()
        else:
            clause = max((m.end() for m in re.finditer(r"[;:]\s*", self.text[lo:s])), default=0)
            start = max(lo + clause, s - 60)
            if start > lo and self.text[start - 1].isalnum():
                nxt = self.text.find(" ", start, s)
                start = nxt + 1 if nxt >= 0 else s
        after = self._CLUSTER_MENTION.search(self.text, e, min(hi, e + 60))
        if after:
            end = after.end()
        else:
            stop = re.compile(r"[,:;.]").search(self.text, e, min(hi, e + 60))
            end = stop.start() if stop else e
        return _word_bounds(self.text, start, end, (s, e))

    # -- roles

    def map_roles(self, ctx: Context) -> None:
        for role in self.result.get("roles", []):
            cluster = self.cluster_for(role.get("cluster"))
            if cluster is None or not role.get("year"):
                self.skipped.append(f"role {role.get('role')} of \"{role.get('unit')}\": "
                                    "no cluster or year")
                continue
            year = int(role["year"])
            res = self.r.unit(role.get("unit_full") or role.get("unit"), ctx)
            person = self.r.person(role["person"]) if role.get("person") else None
            concept = CONCEPT[f"cluster-role/{role['role']}"]
            s, e, conf = role.get("start"), role.get("end"), role.get("confidence")
            note_year = None
            if role.get("year_explicit") is False:
                note_year = ("Year not written in the role phrase; taken from the context "
                             f"({role.get('via')}).")
            decided = None
            if (self.main_conference and self.main_conference_kind == "year-end-review"
                    and self.main_conference_year is not None
                    and year == self.main_conference_year + 1):
                decided = self.main_conference
            via = role.get("via")
            if via == "person-title" and person is not None:
                self.person_role(role, ctx, res, person, cluster, year, note_year)
                continue
            if res is None:
                self.skipped.append(f"role {role['role']} {year}: cannot tell which unit "
                                    f"\"{role.get('unit')}\" is")
                continue
            uslug = res.iri.rsplit("/", 1)[-1]
            b = Block(self.fact_iri(f"role-{year}-{role['role']}-{uslug}"),
                      [str(PBO.ClusterRoleAssignment)])
            b.add(ORG.member, URIRef(res.iri)).add(ORG.organization, cluster)
            b.add(ORG.role, concept).add(PBO.year, _year(year))
            if person is not None:
                b.add(PBO.person, person)
            b.add(PBO.decidedAt, URIRef(decided) if decided else None)
            if note_year:
                b.add(SKOS.note, _en(note_year))
            self.provenance(b, s, e, conf)
            b.comment = f"role as written: \"{role.get('unit')}\", {role['role']} {year} ({via})"
            self.facts.append(b)
            self.membership(res.iri, cluster, year, s, e, conf,
                            comment="a unit named in a role of the cluster is a member that year")

    def person_role(self, role: dict, ctx: Context, res: Resolution | None, person: Entity,
                    cluster: Entity, year: int, note_year: str | None) -> None:
        """A role the source gives to a person: one node with the person as stated and, as the
        unit, the body the person heads or belongs to, marked inferred with the reason; or,
        when no body can be told, pbo:noUnitInferred and no unit (never the person as member)."""
        s, e, conf = role.get("start"), role.get("end"), role.get("confidence")
        name = role.get("person")
        unit = self.r.entity(res.iri) if res is not None else None
        slug = (res.iri if res is not None else person.iri).rsplit("/", 1)[-1]
        b = Block(self.fact_iri(f"role-{year}-{role['role']}-{slug}"),
                  [str(PBO.ClusterRoleAssignment)])
        b.add(ORG.organization, cluster).add(ORG.role, CONCEPT[f"cluster-role/{role['role']}"])
        b.add(PBO.year, _year(year)).add(PBO.person, person)
        if res is None:
            b.add(PBO.noUnitInferred, Literal(True))
            if role.get("unit"):
                note = (f"The source gives the {role['role']} role to {name}; no body can be "
                        f"told from \"{role.get('unit')}\", so no unit is recorded.")
                self.skipped.append(f"unit of {name}'s role: cannot tell which unit "
                                    f"\"{role.get('unit')}\" is")
            else:  # the role is the person's only post written
                note = (f"The source gives the {role['role']} role to {name} and names no body "
                        "of theirs, so no unit is recorded.")
        else:
            label = (unit.label_en or unit.label_vi) if unit else role.get("unit")
            b.add(ORG.member, URIRef(res.iri)).add(PBO.inferred, Literal(True))
            note = (f"Unit inferred: the source gives the {role['role']} role to {name}; the "
                    f"unit is {label}, the body in which the quote places the person's post "
                    "(the body the person heads or belongs to). That the unit holds the role "
                    "is not stated.")
        if note_year:
            note += " " + note_year
        b.add(SKOS.note, _en(note))
        self.provenance(b, s, e, conf if res is None else (conf or 0.8) * 0.9)
        b.comment = f"role stated of a person: {name}, {role['role']} {year}"
        self.facts.append(b)
        if res is not None:
            self.membership(res.iri, cluster, year, s, e, (conf or 0.8) * 0.9,
                            inferred_from=b.subject,
                            note="Inferred from the inferred role: a role-holding unit is a "
                                 "member that year.")

    # -- awards

    def map_awards(self, ctx: Context) -> None:
        for a in self.result.get("awards", []):
            kind = _award_kind(a.get("award"))
            status = a.get("status") or "conferred"
            recipient = a.get("recipient")
            collectives, individuals = count_in(recipient)
            res = None
            if collectives is None and individuals is None:
                if not recipient or not recipient[:1].isupper():
                    self.skipped.append(f"award \"{a.get('award')}\" to \"{recipient}\": "
                                        "recipient neither named nor counted")
                    continue
                prefix = None
                res = self.r.unit(recipient, ctx, prefix=prefix)
                if res is None:
                    self.skipped.append(f"award recipient \"{recipient}\": unknown unit")
                    continue
            cluster = self.cluster_for(None)
            name = f"award-{kind}-{status}-" + (res.iri.rsplit("/", 1)[-1] if res else "count")
            b = Block(self.fact_iri(name), [str(PBO.AwardDecision)])
            b.add(PBO.awardKind, CONCEPT[f"award-kind/{kind}"])
            b.add(PBO.awardStatus, CONCEPT[f"award-status/{status}"])
            # Conferred by vs proposed to: the status decides which authority the giver is.
            giver = self._giver(a.get("giver"), ctx)
            b.add(PBO.conferredBy if status == "conferred" else PBO.proposedTo, giver)
            if res is not None:
                b.add(PBO.recipient, URIRef(res.iri))
            if collectives is not None:
                b.add(PBO.collectiveCount, Literal(collectives, datatype=XSD.integer))
            if individuals is not None:
                b.add(PBO.individualCount, Literal(individuals, datatype=XSD.integer))
            if collectives is not None or individuals is not None:
                b.add(PBO.countQualifier, CONCEPT["count-qualifier/exact"])
            period = str(a.get("year_or_period") or "")
            m = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", period)
            if m and m.group(1) <= m.group(2):
                first, last = int(m.group(1)), int(m.group(2))
                b.add(PBO.period, self.period(date(first, 1, 1), date(last, 12, 31),
                                              f"giai đoạn {first}-{last}"))
            elif re.fullmatch(r"\d{4}", period):
                b.add(PBO.year, _year(period))
            if cluster is not None:
                b.add(PBO.cluster, cluster)
            if self.main_conference:
                b.add(PBO.decidedAt, URIRef(self.main_conference))
            self.provenance(b, a.get("start"), a.get("end"), a.get("confidence"))
            b.comment = (f"award as written: \"{a.get('award')}\" to \"{recipient}\""
                         f"{f' by {giver_text}' if (giver_text := a.get('giver')) else ''}, "
                         f"{status}")
            self.facts.append(b)

    def _giver(self, text: str | None, ctx: Context) -> str | None:
        if not text:
            return None
        posts = self.r.index.find(text, [ORG.Post])
        if posts:
            return posts[0].iri
        res = self.r.unit(text, ctx)
        return res.iri if res else None

    # -- officials

    def map_officials(self, ctx: Context) -> None:
        when = _date_literal(self.event_date)
        # Undated: the article's date from its header is an upper bound (the post was held by
        # then), never the date the post was held. A date shown on the page is not used: a
        # display date may be a repost's (see pbo:displayDate).
        bound = None
        header_day = _parse_date(self.article.date)
        if when is None and header_day is not None:
            bound = Literal(header_day.isoformat(), datatype=XSD.date)
        for o in self.result.get("officials", []):
            if when is None and bound is None:
                self.skipped.append(f"posts of {o['name']}: neither the text nor the header "
                                    "gives a date to attest them by")
                continue
            person = self.r.person(o["name"])
            for position in o.get("positions") or []:
                committee = committee_for(position, ctx, self.r)
                if committee is not None:
                    self.committee_membership(o, position, person, committee, when, bound)
                    continue
                post = post_for(position, ctx, self.r, self.cluster_for(None))
                if post is None:
                    if not _is_cluster_role(position):
                        self.skipped.append(f"post \"{position}\" of {o['name']}: not understood")
                    continue
                b = Block(self.fact_iri(f"post-{person.iri.rsplit('/', 1)[-1]}-"
                                        f"{post.iri.rsplit('/', 1)[-1]}"),
                          [str(PBO.PostAttestation)])
                b.add(PBO.holder, person).add(PBO.post, post)
                if when is not None:
                    b.add(PBO.attestedOn, when)
                else:
                    b.add(PBO.attestedNotAfter, bound)
                    b.add(SKOS.note, _en("Undated in the text: attested not after the "
                                         "article's date."))
                self.provenance(b, o.get("start"), o.get("end"), o.get("confidence"))
                b.comment = f"position as written: \"{position}\""
                self.facts.append(b)

    def committee_membership(self, o: dict, position: str, person: Entity, committee: Entity,
                             when: Literal | None, bound: Literal | None) -> None:
        """"Ủy viên Ban Thường vụ", "Ủy viên Trung ương Đảng": membership of that committee,
        for the term in force on the day when it is the Central Committee's."""
        b = Block(self.fact_iri(f"committee-{person.iri.rsplit('/', 1)[-1]}-"
                                f"{committee.iri.rsplit('/', 1)[-1]}"),
                  [str(PBO.CommitteeMembership)])
        b.add(PBO.holder, person).add(PBO.committee, committee)
        if when is not None:
            b.add(PBO.attestedOn, when)
        else:
            b.add(PBO.attestedNotAfter, bound)
            b.add(SKOS.note, _en("Undated in the text: attested not after the article's date."))
        if committee.iri == str(ID["org/ban-chap-hanh-trung-uong"]):
            term = self.r.central_committee_term(_parse_date(str(when or bound)))
            if term is not None:
                b.add(PBO.term, term)
                b.add(SKOS.note, _en(f"Term: {term.label_en or term.label_vi}, in force on the "
                                     "day; the source names no term."))
        self.provenance(b, o.get("start"), o.get("end"), o.get("confidence"))
        b.comment = f"committee membership as written: \"{position}\""
        self.facts.append(b)

    # -- documents

    def map_documents(self) -> None:
        for d in self.result.get("documents", []):
            found = self.r.document(d["id"], kind=d.get("kind"), number=d.get("number"),
                                    issuer=d.get("issuer"), issued=d.get("date"))
            for res in found:
                b = Block(self.fact_iri("cites-" + res.iri.rsplit("/", 1)[-1]),
                          [str(PBO.DocumentCitation)])
                b.add(PBO.document, URIRef(res.iri))
                b.add(PBO.identifierAsWritten, Literal(nfc(d["id"])))
                if self.main_conference:
                    b.add(PBO.citedAt, URIRef(self.main_conference))
                if res.inferred:
                    b.add(PBO.inferred, Literal(True))
                if res.note:
                    b.add(SKOS.note, _en(res.note))
                self.provenance(b, d.get("start"), d.get("end"), d.get("confidence"))
                self.facts.append(b)

    def run(self) -> ArticleRDF:
        ctx = self.context()
        article = self.article_block()
        self.map_clusters(ctx)
        self.map_events(ctx)
        self.map_members(ctx)
        self.map_roles(ctx)
        self.map_awards(ctx)
        self.map_officials(ctx)
        self.map_documents()
        # memberships and roles first in reading order of the file: sort facts by kind
        order = [PBO.ClusterMembership, PBO.MemberCount, PBO.ClusterRoleAssignment,
                 PBO.AwardDecision, PBO.PostAttestation, PBO.DocumentCitation]
        rank = {str(c): i for i, c in enumerate(order)}
        facts = sorted(self.facts, key=lambda b: rank.get(b.types[0], 99))
        minted = [b for iri, b in self.r.minted.items()] + list(self.periods.values())
        return ArticleRDF(self.key, self.art, str(GRAPH[f"extracted/{self.key}"]), article,
                          self.conferences, facts, minted, self.skipped, self.assumed)


def _word_bounds(text: str, s: int, e: int, keep: tuple[int, int]) -> tuple[int, int]:
    """Shrink a window to whole words (never past `keep`) and trim spaces and commas."""
    if s < keep[0] and s > 0 and text[s - 1].isalnum():
        while s < keep[0] and not text[s].isspace():
            s += 1
    if e > keep[1] and e < len(text) and text[e].isalnum():
        while e > keep[1] and not text[e - 1].isspace():
            e -= 1
    while s < e and text[s] in " ,;:\n":
        s += 1
    while e > s and text[e - 1] in " ,;:\n":
        e -= 1
    return s, e


def _award_kind(text: str | None) -> str:
    key = rkey(text)
    if "luan luu" in key:
        return "rotating-flag"
    if "bang khen" in key:
        return "certificate-of-merit"
    if "dan dau" in key:
        return "leading-unit"
    if key.startswith("co") or " co " in f" {key} ":
        return "emulation-flag"
    if "hoan thanh xuat sac" in key:
        return "excellent-completion"
    return "commendation"


_CLUSTER_ROLE = re.compile(r"\b(?:(?:cum|khoi) (?:truong|pho)|(?:pho )?truong (?:cum|khoi)"
                           r"|don vi (?:truong|pho))\b")


def _is_cluster_role(position: str) -> bool:
    return bool(_CLUSTER_ROLE.search(rkey(position)))


def _after_words(text: str, n: int) -> str:
    words = list(re.finditer(r"[^\W_]+", text))
    return text[words[n].start():].strip() if len(words) > n else ""


# Heads of provincial state bodies: the folded title (group 1: the deputy's "pho", group 2: the
# rest naming the province), the body's name, the post in Vietnamese and English, the role.
_PROVINCIAL_HEADS = (
    (r"(pho )?chu tich hoi dong nhan dan tinh(.*)", "HĐND tỉnh {p}", "Chủ tịch HĐND tỉnh {p}",
     "Chair of the {p} Provincial People's Council", "chair"),
    (r"(pho )?chu tich uy ban nhan dan tinh(.*)", "UBND tỉnh {p}", "Chủ tịch UBND tỉnh {p}",
     "Chair of the {p} Provincial People's Committee", "chair"),
    (r"(pho )?chu tich uy ban mat tran to quoc(?: viet nam)? tinh(.*)",
     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {p}", "Chủ tịch Ủy ban MTTQ tỉnh {p}",
     "Chair of the {p} Vietnam Fatherland Front Committee", "chair"),
    (r"()truong doan dai bieu quoc hoi tinh(.*)", "Đoàn đại biểu Quốc hội tỉnh {p}",
     "Trưởng Đoàn đại biểu Quốc hội tỉnh {p}", "Head of the {p} National Assembly Delegation",
     "delegation-head"),
)


def committee_for(position: str, ctx: Context, r: Resolver) -> Entity | None:
    """The committee a membership position names: the Central Committee ("Ủy viên Ban Chấp
    hành Trung ương Đảng") or a provincial standing committee ("Ủy viên Ban Thường vụ Tỉnh
    ủy"); None for any other position or when the province cannot be told."""
    key = rkey(position)
    if re.fullmatch(r"uy vien (?:ban chap hanh )?trung uong(?: dang)?", key):
        return r.entity(str(ID["org/ban-chap-hanh-trung-uong"]))
    m = re.fullmatch(r"uy vien ban thuong vu(?: (?:tinh|thanh) uy)?(.*)", key)
    if m:
        named = r.provinces_in(m.group(1), ctx.when)
        province = named[-1] if named else ctx.province
        return r.standing_committee(province) if province is not None else None
    return None


def post_for(position: str, ctx: Context, r: Resolver, cluster: Entity | None) -> Entity | None:
    """The org:Post a position names ("Trưởng Ban Tuyên giáo Tỉnh ủy", "Bí thư Tỉnh ủy Thái
    Bình", "Phó Chủ tịch HĐND tỉnh"), resolved or minted; None for what is not understood and
    for cluster roles (those are role facts)."""
    key = rkey(position)
    if re.match(r"^lanh dao phu trach (?:khoi|cum)", key) and cluster is not None:
        return r.post(f"Lãnh đạo phụ trách {cluster.label_vi}",
                      f"Leader in charge of the {cluster.label_en or cluster.label_vi}",
                      cluster, "leader-in-charge")
    if _is_cluster_role(position):
        return None

    def province_of(rest: str) -> Entity | None:
        named = r.provinces_in(rest, ctx.when)
        return named[-1] if named else ctx.province

    def suffix(org: Entity) -> str:
        return "-2025" if org.iri.endswith("-2025") else ""

    # Committee membership ("Ủy viên Ban Thường vụ", "Ủy viên Trung ương") is not a post:
    # see committee_for.
    m = re.fullmatch(r"(pho bi thu thuong truc|pho bi thu|bi thu) (?:tinh|thanh) uy(.*)", key)
    if m:
        province = province_of(m.group(2))
        if province is None:
            return None
        org = r.committee(province)
        role, vi, en = {"pho bi thu thuong truc": ("standing-deputy-secretary",
                                                    "Phó Bí thư Thường trực",
                                                    "Standing Deputy Secretary"),
                        "pho bi thu": ("deputy-secretary", "Phó Bí thư", "Deputy Secretary"),
                        "bi thu": ("secretary", "Bí thư", "Secretary")}[m.group(1)]
        return r.post(f"{vi} {org.label_vi}", f"{en}, {org.label_en}", org, role, suffix(org))
    for pattern, body, post_vi, post_en, role in _PROVINCIAL_HEADS:
        m = re.fullmatch(pattern, key)
        if not m:
            continue
        province = province_of(m.group(2))
        if province is None:
            return None
        res = r.unit(body.format(p=province.label_vi), ctx)
        org = r.entity(res.iri) if res else None
        if org is None:
            return None
        deputy = bool(m.group(1))
        return r.post(("Phó " if deputy else "") + post_vi.format(p=province.label_vi),
                      ("Deputy " if deputy else "") + post_en.format(p=province.label_vi),
                      org, "deputy-chair" if deputy else role, suffix(org))
    m = re.match(r"^(pho )?(truong|vu truong|giam doc tong bien tap|giam doc|tong bien tap"
                 r"|hieu truong|chanh van phong) (ban|vu|nha xuat ban|bao|truong|tap chi"
                 r"|van phong|uy ban kiem tra)\b", key)
    if m:
        n_title = len((m.group(1) or "").split()) + len(m.group(2).split())
        org_text = _after_words(position, n_title)
        res = r.unit(org_text, ctx)
        org = r.entity(res.iri) if res else None
        if org is None:
            return None
        deputy = bool(m.group(1))
        title = " ".join(position.split()[:len(position.split()) - len(org_text.split())])
        title = title.strip(" -–,")
        if m.group(2) == "truong":
            title = "Phó Trưởng" if deputy else "Trưởng"
        en_title = "Deputy Head" if deputy else "Head"
        return r.post(f"{title} {org.label_vi}", f"{en_title} of the "
                      f"{org.label_en or org.label_vi}", org,
                      "deputy-head" if deputy else "head", suffix(org))
    return None


def article_rdf(article: Article, result: dict, resolver: Resolver, key: str,
                source_file: str | None = None) -> ArticleRDF:
    """The article's named graph: metadata, conferences, facts and newly minted nodes."""
    return _Mapper(article, result, resolver, key, source_file).run()


__all__ = ["METHOD", "REVIEW_METHOD", "ArticleRDF", "article_rdf", "block_triples",
           "default_key", "post_for", "prefixes", "write_turtle"]
