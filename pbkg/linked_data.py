"""Linked data: what an instance or ontology IRI dereferences to, in which format, and the
dataset's self-description (VoID + DCAT) and dumps.

- An entity's RDF is its outgoing statements plus every statement of the fact nodes that point at
  it (queries/lookup/describe.rq), so a program gets each fact's source and evidence too.
- Formats are negotiated from Accept (with q-values), `?format=`, or a file extension.
- IRIs are minted under Settings.base_iri. When Settings.public_base is set, every IRI under the
  base is rewritten to the public base in what is sent (Links), so links work on another host;
  when it is not, pages link root-relatively (/id/...) and RDF keeps the canonical IRIs.

No HTTP here: the API's linked-data router maps requests to these functions.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from .build import DUMPS, read_manifest
from .collation import sort_key
from .errors import InvalidParameter, NotFound
from .formats import NotAcceptable, parse_accept
from .lookup import Node, cached_answer, group_facts
from .namespaces import DCTERMS, OWL, PBO, PROV, RDF, RDFS, SERIALIZATION_PREFIXES, SKOS, XSD
from .results import shorten
from .settings import Settings
from .site import Site
from .store import Store
from .terms import json_to_ox

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
FOAF_NS = "http://xmlns.com/foaf/0.1/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
IANA = "https://www.iana.org/assignments/media-types/"
PREFIXES = {**SERIALIZATION_PREFIXES, "void": VOID, "dcat": DCAT}
# A double hyphen only joins the two days of a period (period/2024-01-01--2024-06-30).
_SEGMENT = re.compile(r"^[a-z0-9]+(?:--?[a-z0-9]+)*$")

DATASET_TITLE = {
    "en": "Party-building knowledge graph",
    "vi": "Đồ thị tri thức xây dựng Đảng",
}
DATASET_DESCRIPTION = {
    "en": "Vietnam's party-building organizations, their emulation clusters and blocks, "
          "officials, party documents, awards and conferences, each fact with the news article "
          "it comes from and a verbatim quote; provincial-level units before and after the "
          "2025 reorganization.",
    "vi": "Tổ chức xây dựng Đảng, cụm và khối thi đua, cán bộ, văn bản của Đảng, khen thưởng và "
          "hội nghị, mỗi dữ kiện kèm bài báo nguồn và trích dẫn nguyên văn; đơn vị hành chính "
          "cấp tỉnh trước và sau sắp xếp năm 2025.",
}


# Formats ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    aliases: tuple[str, ...] = ()          # other media types that ask for it
    rdf: ox.RdfFormat | None = None        # None: HTML, or JSON-LD (written with rdflib)


HTML = Format("html", "text/html", "html", ("application/xhtml+xml",))
TURTLE = Format("turtle", "text/turtle", "ttl", ("application/x-turtle",), ox.RdfFormat.TURTLE)
JSONLD = Format("jsonld", "application/ld+json", "jsonld", ("application/json",))
NTRIPLES = Format("ntriples", "application/n-triples", "nt", ("text/plain",),
                  ox.RdfFormat.N_TRIPLES)
RDFXML = Format("rdfxml", "application/rdf+xml", "rdf", ("application/xml", "text/xml"),
                ox.RdfFormat.RDF_XML)
FORMATS = {f.name: f for f in (TURTLE, HTML, JSONLD, NTRIPLES, RDFXML)}
RDF_FORMATS = [TURTLE, JSONLD, NTRIPLES, RDFXML]
PAGE_FORMATS = [TURTLE, HTML, JSONLD, NTRIPLES, RDFXML]   # the first is the default
_FORMAT_NAMES = {**{f.name: f.name for f in FORMATS.values()},
                 **{f.extension: f.name for f in FORMATS.values()},
                 "json-ld": "jsonld", "json": "jsonld", "xml": "rdfxml", "n-triples": "ntriples",
                 "htm": "html"}


def format_names(offered: Sequence[Format]) -> list[str]:
    """Every ?format= value that selects one of `offered` (names, extensions, aliases)."""
    names = {f.name for f in offered}
    return sorted(names | {f.extension for f in offered}
                  | {k for k, v in _FORMAT_NAMES.items() if v in names})


def format_by_name(name: str, offered: Sequence[Format]) -> Format:
    """A format from ?format= or a file extension; InvalidParameter when not offered."""
    wanted = name.lower().strip()
    for f in offered:  # an offered format's own name first (dumps offer plain "json")
        if wanted in (f.name, f.extension):
            return f
    key = _FORMAT_NAMES.get(wanted)
    for f in offered:
        if f.name == key:
            return f
    choices = ", ".join(sorted({f.name for f in offered} | {f.extension for f in offered}))
    raise InvalidParameter("format", f"expected one of {choices}, got {name!r}")


def negotiate(accept: str | None, offered: Sequence[Format]) -> Format:
    """The offered format the Accept header prefers (q-values, then specificity, then the
    order of the header, then the order offered). No header or */* gives the first offered."""
    entries = [(*media.partition("/")[::2], q, index)
               for index, (media, q) in enumerate(parse_accept(accept))]
    best: tuple | None = None
    for rank, fmt in enumerate(offered):
        match: tuple[int, float, int] | None = None
        for kind, sub, q, index in entries:
            for media in (fmt.media_type, *fmt.aliases):
                mk, _, ms = media.partition("/")
                if (kind, sub) == (mk, ms):
                    spec = 2
                elif kind == mk and sub == "*":
                    spec = 1
                elif kind == "*" and sub == "*":
                    spec = 0
                else:
                    continue
                # An alias (application/json for JSON-LD) counts as slightly less specific.
                spec = spec * 2 - (media != fmt.media_type)
                if match is None or (spec, q) > (match[0], match[1]):
                    match = (spec, q, index)
        if match is None or match[1] <= 0:
            continue
        spec, q, index = match
        key = (q, spec, -index, -rank)
        if best is None or key > best[0]:
            best = (key, fmt)
    if best is None:
        kinds = ", ".join(f.media_type for f in offered)
        raise NotAcceptable(f"none of the accepted media types is available; offered: {kinds}")
    return best[1]


def choose(accept: str | None, format_param: str | None, extension: str | None,
           offered: Sequence[Format]) -> Format:
    if format_param:
        return format_by_name(format_param, offered)
    if extension:
        try:
            return format_by_name(extension, offered)
        except InvalidParameter:
            raise NotFound(f"no representation with the extension '.{extension}'") from None
    return negotiate(accept, offered)


def wants_html(accept: str | None) -> bool:
    """For error pages: does the client (a browser) prefer HTML over plain text?"""
    try:
        return negotiate(accept, [Format("text", "text/plain", "txt"), HTML]) is HTML
    except NotAcceptable:
        return False


# Links and public-base rewriting -------------------------------------------------------------

@dataclass(frozen=True)
class Links:
    """Maps canonical IRIs to what is sent: the public base when set, else canonical IRIs
    (and root-relative links in pages)."""

    base: str
    public: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Links:
        public = settings.public_base
        if public and not public.endswith("/"):
            public += "/"
        return cls(settings.base_iri, public or None)

    def iri(self, iri: str) -> str:
        if self.public and iri.startswith(self.base):
            return self.public + iri[len(self.base):]
        return iri

    def href(self, iri: str) -> str:
        """A link in a page: public IRI, or root-relative when no public base is set."""
        if iri.startswith(self.base):
            return (self.public or "/") + iri[len(self.base):]
        return iri

    def path(self, rest: str) -> str:
        """A link to one of our own paths ("dumps/pbkg.ttl")."""
        return (self.public or "/") + rest.lstrip("/")

    def term(self, term: Any) -> Any:
        if self.public and isinstance(term, ox.NamedNode):
            return ox.NamedNode(self.iri(term.value))
        return term

    def triples(self, triples: Iterable[ox.Triple]) -> list[ox.Triple]:
        if not self.public:
            return list(triples)
        return [ox.Triple(self.term(t.subject), self.term(t.predicate), self.term(t.object))
                for t in triples]

    def json(self, obj: Any) -> Any:
        """Rewrite every string that is an IRI under the base (the IRIs of a JSON answer)."""
        if not self.public:
            return obj
        if isinstance(obj, str):
            return self.iri(obj)
        if isinstance(obj, dict):
            return {k: self.json(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [self.json(v) for v in obj]
        return obj

    def data(self, data: bytes) -> bytes:
        """Rewrite a whole serialized dump (its IRIs are written out in full)."""
        if not self.public:
            return data
        return data.replace(self.base.encode(), self.public.encode())

    def prefixes(self) -> dict[str, str]:
        return {k: self.iri(v) for k, v in PREFIXES.items()}


def jsonld_context(links: Links) -> dict:
    """The JSON-LD context published at /context.jsonld: the prefixes of the vocabularies."""
    return {"@context": dict(sorted(links.prefixes().items()))}


def serialize(triples: Iterable[ox.Triple], fmt: Format, links: Links) -> bytes:
    """Triples (canonical IRIs) in an RDF format, IRIs rewritten for the public base."""
    out = sorted(links.triples(triples), key=str)
    if fmt is JSONLD:
        from .terms import ox_triples_to_rdflib

        graph = ox_triples_to_rdflib(out)
        context = jsonld_context(links)["@context"]
        text = graph.serialize(format="json-ld", context=context, auto_compact=True, indent=1)
        if not out:
            text = json.dumps({"@context": context, "@graph": []}, indent=1)
        return text.encode("utf-8")
    if fmt.rdf is None:
        raise InvalidParameter("format", f"{fmt.name} is not an RDF format")
    prefixes = links.prefixes() if fmt.rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(out, format=fmt.rdf, prefixes=prefixes)


# Entities ------------------------------------------------------------------------------------

_FACT_SHOWN_ELSEWHERE = {str(PBO[p]) for p in (
    "evidence", "inferred", "inferredFrom", "extractionMethod", "extractionConfidence",
    "evidenceStart", "evidenceEnd")} | {str(PROV["wasDerivedFrom"]), str(SKOS["note"])}
# Fact cards: who held what comes first, awards last; other classes in between.
_CLASS_ORDER = {str(PBO[c]): i for i, c in enumerate((
    "ClusterRoleAssignment", "ClusterMembership", "PostAttestation", "MemberCount",
    "MovementAdoption", "DocumentCitation", "ConferencePaper"))}
_LAST = {str(PBO["AwardDecision"])}
_HEADER = {str(RDF["type"]), str(RDFS["label"]), str(SKOS["prefLabel"]), str(SKOS["altLabel"]),
           str(PBO["abbreviation"])}


# Facts of each kind an entity page shows whole (the others are listed by name).
FACT_CARDS = 5


class LinkedData(Site):
    """Descriptions of resources, ontology, VoID and dumps, over one store."""

    def __init__(self, store: Store, queries_dir: Path, settings: Settings | None = None) -> None:
        super().__init__(store, queries_dir, settings)
        self.links = Links.from_settings(self.settings)
        self.ontology_iri = self.base + "ontology"
        # What _labels_of found, per IRI: one page names the same members, years and articles
        # in many of its facts (an instance serves one request).
        self._labels_found: dict[str, dict[str, str]] = {}
        # Fact nodes the shown facts link to (a conference...), read for the page at once.
        self._linked_facts: dict[str, Node] = {}
        # Each property as prop() gives it: a page's cards name the same thirty hundreds of times.
        self._props: dict[str, dict] = {}

    # Resolving paths ----------------------------------------------------------------------

    def resolve(self, path: str) -> tuple[str, str | None]:
        """'/id/cluster/x.ttl' (without '/id/') -> (canonical IRI, extension or None).
        A path that cannot name a resource raises NotFound."""
        path = path.strip("/")
        extension = None
        head, dot, tail = path.rpartition(".")
        if dot and tail and "/" not in tail:
            path, extension = head, tail
        segments = path.split("/")
        if len(segments) < 2 or not all(_SEGMENT.match(s) for s in segments):
            raise NotFound(f"no resource at /id/{path}")
        return f"{self.id_base}{path}", extension

    # RDF ----------------------------------------------------------------------------------

    @cached_answer
    def describe(self, iri: str) -> list[ox.Triple]:
        """Outgoing statements + statements of the fact nodes pointing at the resource: read
        from the build's table of subjects where there is one (the same triples as the
        describe query, tested), else from that query."""
        if self.subjects is not None:
            node = self.entity(iri)
            if not node.props:
                raise NotFound(f"no resource {self.links.iri(iri)} in the graph")
            return list(dict.fromkeys(t for n in (node, *self._fact_nodes(iri).values())
                                      for t in _node_triples(n)))
        result = self.store.query(self.query("describe").bind({"entity": iri}))
        triples = result.to_ox()  # type: ignore[union-attr]
        if not any(t.subject == ox.NamedNode(iri) for t in triples):
            raise NotFound(f"no resource {self.links.iri(iri)} in the graph")
        return triples

    def ontology(self) -> list[ox.Triple]:
        result = self.store.query(self.query("ontology").bind({"ontology": self.ontology_iri}))
        return result.to_ox()  # type: ignore[union-attr]

    # Pages (as plain data for a template) ---------------------------------------------------

    def prop(self, iri: str) -> dict:
        found = self._props.get(iri)
        if found is None:
            found = self._props[iri] = {"iri": iri, "curie": shorten(iri, PREFIXES),
                                        "labels": self.index.labels(iri)}
        return found

    def term_value(self, term: dict) -> dict:
        if term["type"] == "uri":
            iri = term["value"]
            return {"type": "uri", "iri": iri, "labels": self._labels_of(iri),
                    "curie": shorten(iri, PREFIXES), "local": iri.startswith(self.base)}
        out = {"type": "literal", "value": term["value"], "lang": term.get("xml:lang"),
               "datatype": None}
        if "datatype" in term:
            out["datatype"] = shorten(term["datatype"], PREFIXES)
        return out

    def property_groups(self, node: Node, hide: set[str]) -> list[dict]:
        groups = []
        for p in node.props:
            if p in hide:
                continue
            values = [self.term_value(t) for t in node.all(p)]
            if len(values) > 1:  # most have one value: no collation key to work out
                values.sort(key=_value_key)
            groups.append({"property": self.prop(p), "values": values})
        return sorted(groups, key=lambda g: _prop_key(g["property"]))

    def fact_provenance(self, node: Node) -> dict:
        prov = self.provenance(node)
        prov["inferred_from"] = [{**self.term_value({"type": "uri", "value": i}),
                                  "fact_labels": self._fact_labels_of(i)}
                                 for i in prov["inferred_from"]]
        method = node.value(str(PBO["extractionMethod"]))
        confidence = node.value(str(PBO["extractionConfidence"]))
        prov["extraction"] = ({"method": method, "confidence": confidence}
                              if method or confidence else None)
        return prov

    def _labels_of(self, iri: str) -> dict[str, str]:
        """An entity's name (with its period where two share it), a fact's generated label,
        a term's labels."""
        found = self._labels_found.get(iri)
        if found is None:
            found = self._labels_found[iri] = self._work_out_labels(iri)
        return dict(found)

    def _work_out_labels(self, iri: str) -> dict[str, str]:
        entry = self.index.get(iri)
        if entry is not None and entry.is_fact:
            return self._fact_labels_of(iri)
        if iri.startswith(self.id_base) and entry is not None and entry.labels():
            return self.name_labels(iri)
        return self.index.labels(iri)

    def _fact_labels_of(self, iri: str) -> dict[str, str]:
        node = self._linked_facts.get(iri)
        return self.fact_labels(node if node is not None else self.entity(iri))

    def _read_linked_facts(self, shown: list[Node]) -> None:
        """The facts that the shown facts link to, and the names those need, read at once
        (each is named by a generated label: one read each cost a few ms a page)."""
        linked = sorted({t["value"] for f in shown for terms in f.props.values() for t in terms
                         if t["type"] == "uri" and t["value"] not in self._linked_facts
                         and (e := self.index.get(t["value"])) is not None and e.is_fact})
        if not linked:
            return
        nodes = self.entities(linked)
        self._linked_facts.update(nodes)
        named = sorted({t["value"] for n in nodes.values() for terms in n.props.values()
                        for t in terms if t["type"] == "uri"})
        self.index.prefetch(named)
        self.names.prefetch([i for i in named if i.startswith(self.id_base)])

    def _class(self, iri: str | None) -> dict | None:  # type: ignore[override]
        if iri is None:
            return None
        return {"iri": iri, "curie": shorten(iri, PREFIXES), "name": re.split(r"[#/]", iri)[-1],
                "labels": self.index.labels(iri)}

    @cached_answer
    def page(self, iri: str, as_of: date | None = None, all_facts: bool = False) -> dict:
        """Everything an HTML page of a resource shows; with as_of, as of that day: only the
        facts of its year (roles, memberships, awards, posts), whether the resource existed
        that day, its lineage in both directions with what existed then, and only the
        referring units and bodies that existed then. Each kind of fact shows its latest
        FACT_CARDS facts whole (statements, quotes, source) and names the others, unless
        all_facts."""
        node = self.entity(iri)
        if not node.props:
            raise NotFound(f"no resource {self.links.iri(iri)} in the graph")
        entry = self.index.get(iri)
        is_fact = bool(entry and entry.is_fact)
        hide = _HEADER | (_FACT_SHOWN_ELSEWHERE if is_fact else set())
        facts: dict[str, list[dict]] = defaultdict(list)
        fact_iris = set()
        about = self.facts_about(iri)
        # Names of what the page links to, with the periods of those sharing a name: read in
        # one query rather than one each (a median cluster's page names about 60 entities).
        self.names.prefetch(sorted({t["value"] for n in (node, *about)
                                    for terms in n.props.values() for t in terms
                                    if t["type"] == "uri" and t["value"].startswith(self.id_base)}))
        for f in about:
            fact_iris.add(f.iri)
            if as_of is not None and not self.holds_in(f, as_of):
                continue
            cls = _main_class(f.iris("type"))
            facts[cls].append({
                "iri": f.iri,
                "labels": self.index.labels(f.iri) or self.fact_labels(f, omit=(iri,)),
                "year": f.value("year"),
                "inferred": bool(f.value("inferred")),
                "node": f,
            })
        for items in facts.values():
            items.sort(key=lambda x: (-(x["year"] or 0), sort_key(x["labels"].get("vi", ""))))
        self._read_linked_facts([node] + [x["node"] for items in facts.values()
                                          for x in (items if all_facts else items[:FACT_CARDS])])
        for items in facts.values():
            # A card costs its statements' names and ~1 KB of HTML: the page is bounded
            # whatever the number of facts (the rest are named, each a link to its own page).
            for n, item in enumerate(items):
                f = item.pop("node")
                whole = all_facts or n < FACT_CARDS
                item["properties"] = _without(self.property_groups(
                    f, _HEADER | _FACT_SHOWN_ELSEWHERE), iri) if whole else None
                item["provenance"] = self.fact_provenance(f) if whole else None
        referenced: dict[str, list[dict]] = defaultdict(list)
        for row in self.referenced_by(iri):
            subject = row["s"]["value"]
            if subject in fact_iris or row["s"]["type"] != "uri":
                continue
            if as_of is not None and self.in_force_on(subject, as_of) is False:
                continue
            referenced[row["p"]["value"]].append(self.term_value(row["s"]))
        labels = self.index.labels(iri) or (self.fact_labels(node) if is_fact else {})
        if not is_fact and labels:
            labels = self.name_labels(iri)
        return {
            "iri": iri,
            "labels": labels,
            "graph_href": None if is_fact else f"graph?focus={quote(iri, safe='')}",
            "timeline_href": (f"graph?cluster={iri.rsplit('/', 1)[-1]}&view=timeline"
                              if str(PBO["EmulationCluster"]) in node.iris("type") else None),
            "leadership": [] if is_fact else self.leadership_rows(iri, as_of, facts=about),
            "as_of": self.as_of_view(iri, as_of) if as_of is not None else None,
            "alt_labels": entry.alt_labels() if entry else [],
            "types": [self._class(t) for t in sorted(node.iris("type"))],
            "is_fact": is_fact,
            "provenance": self.fact_provenance(node) if is_fact else None,
            "properties": self.property_groups(node, hide),
            "facts_named": sum(1 for items in facts.values() for x in items
                               if x["provenance"] is None),
            "facts": [{"class": self._class(cls), "items": items}
                      for cls, items in sorted(facts.items(), key=lambda kv: _class_key(
                          kv[0], self.prop(kv[0])))],
            "referenced_by": [{"property": self.prop(p),
                               "subjects": sorted(v, key=_value_key)}
                              for p, v in sorted(referenced.items(),
                                                 key=lambda kv: _prop_key(self.prop(kv[0])))],
        }

    def as_of_view(self, iri: str, as_of: date) -> dict:
        """The day a page shows, whether the resource existed then (None when it has no
        validity), and its lineage both ways, each unit or body marked in force or not."""
        from_, until = self.own_validity.get(iri, (None, None))
        lineage = []
        for row in self.rows("lineage", entity=iri):
            unit = row["unit"]["value"]
            lineage.append({"direction": row["direction"]["value"], "unit": self.link(unit),
                            "date": (row.get("effective") or {}).get("value"),
                            "in_force": self.in_force_on(unit, as_of)})
        lineage.sort(key=lambda x: (x["direction"] != "from", x["date"] or "",
                                    sort_key(x["unit"]["labels"].get("vi", ""))))
        here = self.in_force_on(iri, as_of)
        return {"date": as_of.isoformat(), "year": as_of.year, "in_force": here,
                "valid_from": from_, "valid_until": until, "lineage": lineage,
                # Under the names they had that day: their own labels, without the years
                # that tell apart two units sharing a name over time.
                "in_force_then": [{"iri": u, "labels": self.index.labels(u)}
                                  for u in ([iri] if here else []) + [
                                      x["unit"]["iri"] for x in lineage if x["in_force"]]]}

    def ontology_page(self) -> dict:
        rows = [{"fact": {"type": "uri", "value": t.subject.value},
                 "p": {"type": "uri", "value": t.predicate.value}, "o": _ox_json(t.object)}
                for t in self.ontology()]
        nodes = group_facts(rows)
        head = nodes.pop(self.ontology_iri, Node(self.ontology_iri))
        classes, properties, other = [], [], []
        hidden = {str(RDF["type"]), str(RDFS["label"]), str(SKOS["definition"])}
        for term in sorted(nodes.values(), key=lambda n: n.iri):
            types = set(term.iris("type"))
            item = {
                "iri": term.iri, "name": term.iri.rsplit("#", 1)[-1],
                "labels": _by_lang(term.all(str(RDFS["label"]))),
                "definitions": _by_lang(term.all(str(SKOS["definition"]))),
                "kind": self.prop(sorted(types)[0]) if types else None,
                "properties": self.property_groups(term, hidden),
                # A retired term stays so that old data is understood; the page says so.
                "deprecated": term.value(str(OWL["deprecated"])) in (True, "true", "1"),
                "replaced_by": [i.rsplit("#", 1)[-1]
                                for i in term.iris(str(DCTERMS["isReplacedBy"]))],
            }
            if str(OWL["Class"]) in types:
                classes.append(item)
            elif types & {str(OWL["ObjectProperty"]), str(OWL["DatatypeProperty"])}:
                properties.append(item)
            else:
                other.append(item)
        return {
            "iri": self.ontology_iri,
            "titles": _by_lang(head.all(str(DCTERMS["title"]))),
            "descriptions": _by_lang(head.all(str(DCTERMS["description"]))),
            "properties": self.property_groups(head, {str(RDF["type"]), str(DCTERMS["title"]),
                                                      str(DCTERMS["description"])}),
            "classes": classes, "object_properties": properties, "other": other,
        }

    # VoID -----------------------------------------------------------------------------------

    # The statistics scan the whole store: computed once per store (read-only while served).
    def counts(self) -> dict[str, int]:
        def make() -> dict[str, int]:
            (row,) = self.rows("void-counts")
            (entities,) = self.rows("void-entities", uriSpace=self.id_base)
            out = {k: int(v["value"]) for k, v in row.items()}
            out["entities"] = int(entities["entities"]["value"])
            return out
        return dict(self._cached("void-counts", make))

    def vocabularies(self) -> list[str]:
        def make() -> list[str]:
            spaces = set()
            for row in self.rows("void-vocabularies"):
                term = row["term"]["value"]
                cut = max(term.rfind("#"), term.rfind("/"))
                spaces.add(term[: cut + 1])
            return sorted(s for s in spaces if s)
        return list(self._cached("void-vocabularies", make))

    def graphs(self) -> list[tuple[str, int]]:
        return list(self._cached("void-graphs", lambda: [
            (r["graph"]["value"], int(r["triples"]["value"])) for r in self.rows("void-graphs")]))

    def void_page(self, dist: Path) -> dict:
        """The VoID description as data for a readable page."""
        return {
            "title": DATASET_TITLE, "description": DATASET_DESCRIPTION, "license": CC_BY,
            "endpoint": self.links.path("sparql"), "uri_space": self.links.iri(self.id_base),
            "counts": self.counts(), "vocabularies": self.vocabularies(),
            "graphs": [{"iri": g, "triples": n, "title": self.index.title(g)}
                       for g, n in self.graphs()],
            "dumps": dumps_index(dist, self.links)["files"],
        }

    def void(self) -> list[ox.Triple]:
        """The VoID + DCAT description of the dataset (canonical IRIs; Links rewrites them)."""
        nn, lit = ox.NamedNode, ox.Literal
        v = lambda local: nn(VOID + local)  # noqa: E731
        d = lambda local: nn(DCAT + local)  # noqa: E731
        dct = lambda local: nn(str(DCTERMS[local]))  # noqa: E731
        a = nn(str(RDF["type"]))
        count = lambda n: lit(str(n), datatype=nn(str(XSD["integer"])))  # noqa: E731
        ds = nn(self.base + ".well-known/void#pbkg")
        out = [ox.Triple(ds, a, v("Dataset")), ox.Triple(ds, a, d("Dataset"))]
        for lang, text in DATASET_TITLE.items():
            out.append(ox.Triple(ds, dct("title"), lit(text, language=lang)))
        for lang, text in DATASET_DESCRIPTION.items():
            out.append(ox.Triple(ds, dct("description"), lit(text, language=lang)))
        out += [
            ox.Triple(ds, dct("license"), nn(CC_BY)),
            ox.Triple(ds, v("uriSpace"), lit(self.links.iri(self.id_base))),
            ox.Triple(ds, v("sparqlEndpoint"), nn(self.base + "sparql")),
            ox.Triple(ds, v("rootResource"), nn(self.ontology_iri)),
            ox.Triple(ds, nn(FOAF_NS + "homepage"), nn(self.base)),
        ]
        names = {"triples": "triples", "entities": "entities", "classes": "classes",
                 "properties": "properties", "subjects": "distinctSubjects",
                 "objects": "distinctObjects"}
        for key, n in self.counts().items():
            out.append(ox.Triple(ds, v(names[key]), count(n)))
        for space in self.vocabularies():
            out.append(ox.Triple(ds, v("vocabulary"), nn(space)))
        for name, (filename, fmt, dataset) in DUMPS.items():
            url = nn(self.base + "dumps/" + filename)
            dist = nn(self.base + ".well-known/void#dump-" + name)
            out += [
                ox.Triple(ds, v("dataDump"), url),
                ox.Triple(ds, d("distribution"), dist),
                ox.Triple(dist, a, d("Distribution")),
                ox.Triple(dist, d("downloadURL"), url),
                ox.Triple(dist, d("accessURL"), nn(self.base + "dumps/")),
                ox.Triple(dist, d("mediaType"), nn(IANA + fmt.media_type)),
                ox.Triple(dist, dct("format"), lit(fmt.media_type)),
                ox.Triple(dist, dct("title"), lit(
                    f"pbkg as {fmt.name}" + (" (named graphs)" if dataset else " (union)"),
                    language="en")),
                ox.Triple(dist, dct("license"), nn(CC_BY)),
            ]
        for graph, n in self.graphs():
            g = nn(graph)
            out += [ox.Triple(ds, v("subset"), g), ox.Triple(g, a, v("Dataset")),
                    ox.Triple(g, v("triples"), count(n))]
        return out


# Dumps -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Dump:
    name: str
    filename: str
    media_type: str
    named_graphs: bool
    path: Path

    @property
    def size(self) -> int | None:
        try:
            return self.path.stat().st_size
        except OSError:
            return None


def dumps(dist: Path) -> list[Dump]:
    """The dump files of a build (pbkg.build.DUMPS), whether or not they exist yet."""
    return [Dump(name, filename, fmt.media_type, dataset, dist / filename)
            for name, (filename, fmt, dataset) in DUMPS.items()]


def dump(dist: Path, filename: str) -> Dump:
    for d in dumps(dist):
        if d.filename == filename:
            if not d.path.is_file():
                raise NotFound(f"{filename} has not been built: run 'pbkg build'")
            return d
    known = ", ".join(d.filename for d in dumps(dist))
    raise NotFound(f"no dump '{filename}' (known: {known})")


def dumps_index(dist: Path, links: Links) -> dict:
    manifest = read_manifest(dist) or {}
    return {
        "files": [{"name": d.name, "filename": d.filename, "media_type": d.media_type,
                   "named_graphs": d.named_graphs, "size": d.size,
                   "url": links.path("dumps/" + d.filename)} for d in dumps(dist)
                  if d.size is not None],
        "quads": manifest.get("quads"), "triples": manifest.get("triples"),
        "graphs": [links.iri(g) for g in manifest.get("graphs", [])],
        "version": manifest.get("pbkg"),
    }


# Helpers ---------------------------------------------------------------------------------------

def _node_triples(node: Node) -> list[ox.Triple]:
    subject = ox.NamedNode(node.iri)
    return [ox.Triple(subject, ox.NamedNode(p), json_to_ox(o))
            for p, values in node.props.items() for o in values]


def _ox_json(term: Any) -> dict:
    from .terms import ox_to_json

    return ox_to_json(term)


def _by_lang(terms: list[dict]) -> dict[str, str]:
    out: dict[str, str] = {}
    for t in terms:
        out.setdefault(t.get("xml:lang") or "", t["value"])
    return out


def _main_class(types: list[str]) -> str:
    ours = sorted(t for t in types if t.startswith(str(PBO)))
    return (ours or sorted(types) or [""])[0]


def _class_key(cls: str, prop: dict) -> tuple:
    rank = len(_CLASS_ORDER) + (1 if cls in _LAST else 0)
    return (_CLASS_ORDER.get(cls, rank), _prop_key(prop))


def _without(groups: list[dict], subject: str) -> list[dict]:
    """A fact card's rows without the page's own subject (the page already says it)."""
    out = []
    for g in groups:
        values = [v for v in g["values"] if not (v["type"] == "uri" and v["iri"] == subject)]
        if values:
            out.append({**g, "values": values})
    return out


def _prop_key(prop: dict) -> tuple[str, str]:
    labels = prop.get("labels") or {}
    return ((labels.get("en") or prop.get("curie") or prop["iri"]).lower(), prop["iri"])


def _value_key(v: dict) -> tuple:
    if v["type"] == "uri":
        labels = v.get("labels") or {}
        return (0, sort_key(labels.get("vi") or labels.get("en") or v["iri"]), v["iri"])
    return (1, sort_key(v["value"]), v.get("lang") or "")


__all__ = ["Format", "FORMATS", "HTML", "JSONLD", "Links", "LinkedData", "NotAcceptable",
           "PAGE_FORMATS", "RDF_FORMATS", "TURTLE", "choose", "dump", "dumps", "dumps_index",
           "jsonld_context", "negotiate", "serialize", "wants_html"]
