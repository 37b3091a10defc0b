"""Entity lookups: clusters, organizations, provinces, people, documents, awards, conferences.

Each function runs queries from queries/lookup/ (no SPARQL here), or reads what an entity and
its facts state from the build's table of subjects when the store has one (pbkg.subjects), and
returns plain dicts ready to be sent as JSON. Every fact in a result carries its source article
(IRI, title, URL), its evidence quotes and whether it is inferred; names come from the store's
label index (pbkg.search), built once per store. Unknown ids raise NotFound, malformed ones
InvalidParameter.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from .asof import in_force, in_year
from .catalog import NamedQuery, parse_query_file
from .errors import InvalidParameter, NotFound
from .namespaces import DCTERMS, FOAF, ORG, PBO, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from .overview import built_cluster, overview_for
from .periods import period_bounds
from .search import SearchIndex, index_for
from .settings import Settings
from .store import Store
from .subjects import Subjects, subjects_for
from .terms import JsonTerm

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG)
_INTEGER_TYPES = {str(XSD[t]) for t in ("integer", "nonNegativeInteger", "positiveInteger",
                                         "int", "long", "short", "gYear")}
_BOOLEAN = str(XSD.boolean)

# Properties by short name. Namespace attributes can shadow str methods (PBO.count, PBO.title),
# so terms are looked up by item.
_PBO_TERMS = """evidence inferred inferredFrom year person decidedAt cluster count countQualifier
    clusterType clusterLevel clusterNumber sector coordinatedBy area boardKind committeeLevel
    conferenceKind date place host attendee attendingUnitCount outcome awardKind awardStatus
    conferredBy proposedTo proposedBy announcedBy recipientsUnstated presentedBy recipient
    collectiveCount individualCount period reviewedPeriod movement
    achievement holder post attestedOn attestedIn attestedNotAfter postRole document citedAt
    documentKind plenumNumber
    effectiveDate presentedAt presenterUnit presenter validFrom validUntil""".split()
P = {
    **{name: str(PBO[name]) for name in _PBO_TERMS},
    **{name: str(ORG[name]) for name in ("member", "organization", "role", "unitOf",
                                         "subOrganizationOf", "postIn")},
    **{name: str(DCTERMS[name]) for name in ("identifier", "issued", "creator", "title",
                                             "references")},
    "type": str(RDF["type"]), "derivedFrom": str(PROV["wasDerivedFrom"]),
    "note": str(SKOS["note"]), "editorialNote": str(SKOS["editorialNote"]),
    "asWritten": str(PBO["identifierAsWritten"]), "foafName": str(FOAF["name"]),
    "headline": str(SCHEMA["headline"]),
}
C = {name: str(PBO[name]) for name in (
    "EmulationCluster", "ClusterMembership", "ClusterRoleAssignment", "MemberCount",
    "Conference", "AwardDecision", "MovementAdoption", "PostAttestation", "DocumentCitation",
    "ConferencePaper", "Person", "ProvincialUnit", "Document")}
GENERATIONS = ("pre-2025", "post-2025")


# Answers kept per store, most recently used first (a median cluster's is ~0.5 MB of dicts).
ANSWER_CACHE_SIZE = 256
_ANSWERS = "_pbkg_answer_cache"
_ANSWERS_LOCK = threading.Lock()
_F = TypeVar("_F")


def answer_cache(store: Store) -> OrderedDict | None:
    """The store's cache of whole answers, or None when its data can change (only the build's
    read-only store, which `pbkg serve` opens, is immutable; an update moves it to a copy)."""
    if not getattr(store, "immutable", False):
        return None
    cache = getattr(store, _ANSWERS, None)
    if cache is None:
        with _ANSWERS_LOCK:
            cache = getattr(store, _ANSWERS, None)
            if cache is None:
                cache = OrderedDict()
                setattr(store, _ANSWERS, cache)
    return cache


def cached_answer(method: _F) -> _F:
    """Keep a lookup's answer on its store while the store cannot change: the same request
    then costs a dictionary read. Callers must not modify an answer (it is shared)."""
    @functools.wraps(method)  # type: ignore[arg-type]
    def wrapper(self: Lookup, *args: Any, **kwargs: Any) -> Any:
        cache = answer_cache(self.store)
        if cache is None:
            return method(self, *args, **kwargs)  # type: ignore[operator]
        key = (method.__qualname__, self.queries_dir, self.settings, args,  # type: ignore[attr-defined]
               tuple(sorted(kwargs.items())))
        with _ANSWERS_LOCK:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        answer = method(self, *args, **kwargs)  # type: ignore[operator]
        with _ANSWERS_LOCK:
            cache[key] = answer
            while len(cache) > ANSWER_CACHE_SIZE:
                cache.popitem(last=False)
        return answer
    return wrapper  # type: ignore[return-value]


@lru_cache(maxsize=64)
def _load(path: Path) -> NamedQuery:
    return parse_query_file(path)


def value(term: JsonTerm | None) -> Any:
    """A result term as a JSON value: IRIs and most literals as text, numbers, booleans."""
    if term is None:
        return None
    if term["type"] != "literal":
        return term["value"]
    datatype = term.get("datatype")
    if datatype in _INTEGER_TYPES:
        try:
            return int(term["value"])
        except ValueError:
            return term["value"]
    if datatype == _BOOLEAN:
        return term["value"] in ("true", "1")
    return term["value"]


@dataclass
class Node:
    """The statements of one resource, grouped by property."""

    iri: str
    props: dict[str, list[JsonTerm]] = field(default_factory=lambda: defaultdict(list))
    links: set[str] = field(default_factory=set)

    # Each property's values sorted once (a page asks for them thousands of times), with the
    # count they were sorted at: a value added later makes them sorted again.
    _sorted: dict[str, tuple[int, list[JsonTerm]]] = field(
        default_factory=dict, repr=False, compare=False)

    def all(self, prop: str) -> list[JsonTerm]:
        values = self.props.get(P.get(prop, prop))
        if not values:
            return []
        if len(values) == 1:  # most properties: nothing to sort
            return [values[0]]
        kept = self._sorted.get(prop)
        if kept is None or kept[0] != len(values):
            kept = self._sorted[prop] = (len(values), sorted(
                values, key=lambda t: (t["value"], t.get("xml:lang", ""))))
        return list(kept[1])

    def one(self, prop: str) -> JsonTerm | None:
        values = self.all(prop)
        return values[0] if values else None

    def iris(self, prop: str) -> list[str]:
        return [t["value"] for t in self.all(prop) if t["type"] == "uri"]

    def first_iri(self, prop: str) -> str | None:
        values = self.iris(prop)
        return values[0] if values else None

    def value(self, prop: str) -> Any:
        return value(self.one(prop))

    @property
    def types(self) -> set[str]:
        return set(self.iris("type"))


def group_facts(rows: list[dict], subject: str = "fact") -> dict[str, Node]:
    """Rows of (?fact, ?p, ?o[, ?link]) as one Node per fact."""
    nodes: dict[str, Node] = {}
    for row in rows:
        if subject not in row or "p" not in row:
            continue
        iri = row[subject]["value"]
        node = nodes.setdefault(iri, Node(iri))
        term = row["o"]
        bucket = node.props[row["p"]["value"]]
        if term not in bucket:
            bucket.append(term)
        if "link" in row:
            node.links.add(row["link"]["value"])
    return nodes


def _node(iri: str, pairs: Iterable[tuple[str, JsonTerm]], links: set[str] | None = None) -> Node:
    node = Node(iri, links=links if links is not None else set())
    for p, o in pairs:
        node.props[p].append(o)
    return node


class Lookup:
    """Lookups over one store; cheap to create (queries are parsed once per process)."""

    def __init__(self, store: Store, queries_dir: Path, settings: Settings | None = None) -> None:
        self.store = store
        self.queries_dir = queries_dir
        self.settings = settings or Settings()
        self.base = self.settings.base_iri
        self.id_base = self.base + "id/"
        self._periods: dict[str, dict] = {}

    # Plumbing -----------------------------------------------------------------------------

    @functools.cached_property
    def index(self) -> SearchIndex:
        # Asked thousands of times a page; the store keeps one index for good.
        return index_for(self.store, self.queries_dir, self.id_base)

    def query(self, name: str) -> NamedQuery:
        return _load(self.queries_dir / "lookup" / f"{name}.rq")

    def rows(self, name: str, among: tuple[str, list[str]] | None = None,
             whole_graph: bool = False, **params: str | None) -> list[dict]:
        """The rows of a lookup query with its parameters bound; ``among`` = (variable, IRIs)
        restricts that variable to those candidates (NamedQuery.restrict). A query over the
        whole graph (a list with no bound on its size) runs under the time limit, as /sparql
        queries do; the others, bounded by the entity they start from, run here."""
        bound = {k: v for k, v in params.items() if v is not None and v != ""}
        query = self.query(name)
        if among is not None:
            query = query.restrict(*among)
        timeout = self.settings.query_timeout if whole_graph else None
        return self.store.query(query.bind(bound), timeout=timeout).rows  # type: ignore[union-attr]

    def iri(self, kind: str, slug: str, name: str = "id") -> str:
        if not isinstance(slug, str) or not _SLUG.match(slug):
            raise InvalidParameter(name, f"expected a slug of lower-case letters, digits and "
                                         f"hyphens (as in /id/{kind}/<slug>), got {slug!r}")
        return f"{self.id_base}{kind}/{slug}"

    @property
    def subjects(self) -> Subjects | None:
        """The build's table of what each subject states, when the store has one."""
        return subjects_for(self.store)

    def entity(self, iri: str) -> Node:
        return self.entities([iri])[iri]

    def entities(self, iris: list[str]) -> dict[str, Node]:
        """The statements of each IRI: those the build's table holds in one read of it, the
        others (no table, or a subject it does not hold) from the store, one by one."""
        table = self.subjects
        found = table.statements(iris) if table is not None and iris else {}
        out: dict[str, Node] = {}
        for iri in iris:
            pairs = found.get(iri)
            if pairs is None:
                pairs = [(row["p"]["value"], row["o"]) for row in self.rows("entity", entity=iri)]
            out[iri] = _node(iri, pairs)
        return out

    def require(self, kind: str, slug: str, cls: str | None, what: str) -> Node:
        iri = self.iri(kind, slug)
        node = self.entity(iri)
        if not node.props or (cls is not None and C[cls] not in node.types):
            raise NotFound(f"no {what} '{slug}' (no {iri} in the graph)")
        return node

    def facts_about(self, iri: str) -> list[Node]:
        nodes = self._fact_nodes(iri)
        # What the facts link to is named next: its index entries read a few hundred a query.
        self.index.prefetch(sorted({t["value"] for n in nodes.values()
                                    for terms in n.props.values() for t in terms
                                    if t["type"] == "uri"}))
        return sorted(nodes.values(), key=lambda n: n.iri)

    @cached_answer
    def referenced_by(self, iri: str) -> list[dict]:
        """The subjects and properties linking to ``iri`` (rows of referenced-by.rq)."""
        return self.rows("referenced-by", entity=iri)

    def _fact_nodes(self, iri: str) -> dict[str, Node]:
        """The fact nodes linking to ``iri``, with all their statements and the linking
        properties. With the build's table: what links to it (one index scan), which of those
        are facts (the search index), their statements (one read of the table); else, or when
        the table lacks one of them, the facts-about query."""
        table = self.subjects
        if table is not None:
            links: dict[str, set[str]] = defaultdict(set)
            for row in self.referenced_by(iri):
                if row["s"]["type"] == "uri":
                    links[row["s"]["value"]].add(row["p"]["value"])
            self.index.prefetch(sorted(links))
            facts = [s for s in links if (e := self.index.get(s)) is not None and e.is_fact]
            found = table.statements(facts)
            if len(found) == len(facts):
                return {fact: _node(fact, found[fact], links[fact]) for fact in facts}
        return group_facts(self.rows("facts-about", entity=iri))

    # Shapes of the output -----------------------------------------------------------------

    def ref(self, iri: str | None) -> dict | None:
        """A link to another resource: its id (the slug after /id/<kind>/), kind, IRI, labels."""
        if iri is None:
            return None
        out: dict[str, Any] = {"id": None, "kind": None, "iri": iri,
                               "labels": self.index.labels(iri)}
        if iri.startswith(self.id_base):
            kind, _, rest = iri[len(self.id_base):].partition("/")
            out["kind"], out["id"] = kind, rest or None
        return out

    def refs(self, iris: list[str]) -> list[dict]:
        out = [self.ref(i) for i in iris]
        return sorted(out, key=_ref_key)  # type: ignore[arg-type]

    def notation(self, iri: str | None) -> str | None:
        if iri is None:
            return None
        return self.index.notation(iri) or iri.rstrip("/").rsplit("/", 1)[-1]

    def source(self, iri: str | None) -> dict | None:
        if iri is None:
            return None
        return {"iri": iri, "title": self.index.title(iri), "url": self.index.url(iri)}

    def provenance(self, node: Node) -> dict:
        """Where a fact comes from: article, quotes, whether inferred (and from what), notes."""
        articles = node.iris("derivedFrom")
        return {
            "fact": node.iri,
            "inferred": bool(node.value("inferred")),
            "inferred_from": node.iris("inferredFrom"),
            "source": self.source(articles[0] if articles else None),
            "evidence": [t["value"] for t in node.all("evidence")],
            "notes": [t["value"] for t in node.all("note")],
        }

    def summary(self, node: Node) -> dict:
        """id, IRI, labels and alternative labels of a resource."""
        entry = self.index.get(node.iri)
        return {"id": self.ref(node.iri)["id"], "iri": node.iri,  # type: ignore[index]
                "labels": self.index.labels(node.iri),
                "alt_labels": entry.alt_labels() if entry else []}

    def is_person(self, iri: str) -> bool:
        entry = self.index.get(iri)
        return bool(entry and C["Person"] in entry.types)

    # Facts of each kind -------------------------------------------------------------------

    def role_fact(self, f: Node) -> dict:
        member = f.first_iri("member")
        person = f.first_iri("person") or (member if member and self.is_person(member) else None)
        unit = member if member and not self.is_person(member) else None
        return {"cluster": self.ref(f.first_iri("organization")), "year": f.value("year"),
                "role": self.notation(f.first_iri("role")), "unit": self.ref(unit),
                "person": self.ref(person), "decided_at": self.ref(f.first_iri("decidedAt")),
                **self.provenance(f)}

    def membership_fact(self, f: Node) -> dict:
        return {"cluster": self.ref(f.first_iri("organization")), "year": f.value("year"),
                "unit": self.ref(f.first_iri("member")), **self.provenance(f)}

    def count_fact(self, f: Node) -> dict:
        return {"year": f.value("year"), "count": f.value("count"),
                "qualifier": self.notation(f.first_iri("countQualifier")), **self.provenance(f)}

    @cached_answer
    def period(self, iri: str | None) -> dict | None:
        """A pbo:Period node: id, IRI, labels, first and last day (read once per lookup)."""
        if iri is None:
            return None
        if iri not in self._periods:
            node = self.entity(iri)
            # A label without a language (the slug, "2016-2020") is shown as the Vietnamese one.
            plain = node.all(str(RDFS.label))
            labels = self.index.labels(iri) or ({"vi": plain[0]["value"]} if plain else {})
            start, end = node.value("validFrom"), node.value("validUntil")
            bounds = period_bounds(iri)
            if bounds and (start is None or end is None):
                start, end = bounds[0].isoformat(), bounds[1].isoformat()
            self._periods[iri] = {**self.ref(iri), "labels": labels,  # type: ignore[dict-item]
                                  "start": start, "end": end}
        return self._periods[iri]

    def holds_in(self, f: Node, as_of: date) -> bool:
        """Whether a fact holds in the year of as_of: its pbo:year, else its period (first to
        last year), else the day a post was attested or a conference held."""
        period = self.period(f.first_iri("period"))
        if period and (period["start"] or period["end"]):
            start, end = period["start"] or period["end"], period["end"] or period["start"]
            return str(start)[:4] <= f"{as_of.year:04d}" <= str(end)[:4]
        for prop in ("year", "attestedOn", "attestedIn", "attestedNotAfter", "date"):
            found = f.value(prop)
            if found is not None:
                return in_year(found, as_of)
        return False

    def award_fact(self, f: Node) -> dict:
        period = self.period(f.first_iri("period"))
        return {
            "kind": self.notation(f.first_iri("awardKind")),
            "kind_labels": self.index.labels(f.first_iri("awardKind") or ""),
            "status": self.notation(f.first_iri("awardStatus")),
            "recipients": self.refs(f.iris("recipient")),
            "collective_count": f.value("collectiveCount"),
            "individual_count": f.value("individualCount"),
            "count_qualifier": self.notation(f.first_iri("countQualifier")),
            "year": f.value("year"),
            # The period node, and its first and last years for clients of the first model
            # (which had them as xsd:gYear on the award).
            "period": period,
            "period_start": int(period["start"][:4]) if period and period["start"] else None,
            "period_end": int(period["end"][:4]) if period and period["end"] else None,
            # "giver" kept for clients of the old model: who conferred it, else whom it is
            # proposed to; conferred_by and proposed_to tell them apart.
            "giver": self.ref(f.first_iri("conferredBy") or f.first_iri("proposedTo")),
            "conferred_by": self.ref(f.first_iri("conferredBy")),
            "proposed_to": self.ref(f.first_iri("proposedTo")),
            "proposed_by": self.ref(f.first_iri("proposedBy")),
            "announced_by": self.ref(f.first_iri("announcedBy")),
            "recipients_unstated": bool(f.value("recipientsUnstated")),
            "presented_by": self.ref(f.first_iri("presentedBy")),
            "movement": self.ref(f.first_iri("movement")), "achievement": f.value("achievement"),
            "cluster": self.ref(f.first_iri("cluster")),
            "decided_at": self.ref(f.first_iri("decidedAt")),
            **self.provenance(f),
        }

    def conference_fact(self, f: Node) -> dict:
        reviewed = self.period(f.first_iri("reviewedPeriod"))
        return {
            "id": self.ref(f.iri)["id"], "iri": f.iri,  # type: ignore[index]
            "labels": self.index.labels(f.iri),
            "kind": self.notation(f.first_iri("conferenceKind")), "date": f.value("date"),
            "place": self.ref(f.first_iri("place")), "cluster": self.ref(f.first_iri("cluster")),
            "reviewed_period": reviewed,
            "hosts": self.refs(f.iris("host")), "attendees": self.refs(f.iris("attendee")),
            "attending_unit_count": f.value("attendingUnitCount"),
            "outcomes": [t["value"] for t in f.all("outcome")],
            **self.provenance(f),
        }

    def post_fact(self, f: Node, post: Node | None = None) -> dict:
        post_iri = f.first_iri("post")
        post = post or (self.entity(post_iri) if post_iri else None)
        return {"person": self.ref(f.first_iri("holder")), "post": self.ref(post_iri),
                "organization": self.ref(post.first_iri("postIn")) if post else None,
                "post_role": self.notation(post.first_iri("postRole")) if post else None,
                "attested_on": f.value("attestedOn"), "attested_in": f.value("attestedIn"),
                "attested_not_after": f.value("attestedNotAfter"), **self.provenance(f)}

    def citation_fact(self, f: Node) -> dict:
        return {"document": self.ref(f.first_iri("document")),
                "article": self.source((f.iris("derivedFrom") or [None])[0]),
                "conference": self.ref(f.first_iri("citedAt")),
                "identifier_as_written": f.value("asWritten"), **self.provenance(f)}

    def paper_fact(self, f: Node) -> dict:
        return {"title": f.value("title"), "conference": self.ref(f.first_iri("presentedAt")),
                "unit": self.ref(f.first_iri("presenterUnit")),
                "person": self.ref(f.first_iri("presenter")), **self.provenance(f)}

    def movement_fact(self, f: Node) -> dict:
        return {"year": f.value("year"), "movement": self.ref(f.first_iri("movement")),
                **self.provenance(f)}

    # Clusters -----------------------------------------------------------------------------

    @property
    def overview(self) -> dict | None:
        """The build's whole-graph answers but the leadership table (overview.json) when
        serving its store as built."""
        return overview_for(self.store, self.id_base)

    @property
    def built_leadership(self) -> dict | None:
        """The build's leadership table (leadership.json) when serving its store as built."""
        return overview_for(self.store, self.id_base, "leadership")

    def clusters(self) -> list[dict]:
        """Every cluster: the build's list when it made one, else asked (every fact of every
        cluster: seconds at 10^6 triples), and kept while the store cannot change."""
        built = self.overview
        return built["clusters"] if built is not None else self._clusters()

    @cached_answer
    def _clusters(self) -> list[dict]:
        out = []
        for row in self.rows("clusters"):
            iri = row["cluster"]["value"]
            out.append({**self.cluster_entry(iri, row)})
        return out

    def cluster_entry(self, iri: str, row: dict) -> dict:
        years = sorted({int(y) for y in value(row.get("years")).split()
                        if y.isdigit()}) if row.get("years") else []
        return {"id": self.ref(iri)["id"], "iri": iri,  # type: ignore[index]
                "labels": self.index.labels(iri), "type": value(row.get("type")),
                "level": value(row.get("level")), "number": value(row.get("number")),
                "years": years}

    @cached_answer
    def cluster(self, slug: str, as_of: date | None = None) -> dict:
        """One cluster; with as_of, only the facts of that year (members, leadership, counts,
        conferences, awards, movements)."""
        node = self.require("cluster", slug, "EmulationCluster", "cluster")
        head = built_cluster(self.store, self.id_base, node.iri)
        if head is None:
            (row,) = self.rows("clusters", cluster=node.iri) or [{}]
            head = self.cluster_entry(node.iri, row)
        members: dict[int, list] = defaultdict(list)
        roles: dict[int, list] = defaultdict(list)
        counts, conferences, awards, movements = [], [], [], []
        for f in self.facts_about(node.iri):
            types = f.types
            if as_of is not None and not self.holds_in(f, as_of):
                continue
            if C["ClusterMembership"] in types and P["organization"] in f.links:
                item = self.membership_fact(f)
                members[item["year"]].append(item)
            elif C["ClusterRoleAssignment"] in types and P["organization"] in f.links:
                item = self.role_fact(f)
                roles[item["year"]].append(item)
            elif C["MemberCount"] in types:
                counts.append(self.count_fact(f))
            elif C["Conference"] in types:
                conferences.append(self.conference_fact(f))
            elif C["AwardDecision"] in types:
                awards.append(self.award_fact(f))
            elif C["MovementAdoption"] in types:
                movements.append(self.movement_fact(f))
        entry = self.index.get(node.iri)
        return {
            **head,
            "alt_labels": entry.alt_labels() if entry else [],
            "sector": node.value("sector"),
            "coordinated_by": self.ref(node.first_iri("coordinatedBy")),
            "area": self.ref(node.first_iri("area")),
            "members": [{"year": y, "members": sorted(members[y], key=_unit_key)}
                        for y in sorted(members)],
            "leadership": [{"year": y, "roles": sorted(roles[y], key=_role_key)}
                           for y in sorted(roles)],
            "member_counts": sorted(counts, key=lambda c: (c["year"] or 0, c["fact"])),
            "conferences": sorted(conferences, key=_dated_key),
            "awards": sorted(awards, key=_award_key),
            "movements": sorted(movements, key=lambda m: (m["year"] or 0, m["fact"])),
        }

    # Organizations ------------------------------------------------------------------------

    @cached_answer
    def organization(self, slug: str, as_of: date | None = None) -> dict:
        """One organization; with as_of, whether it existed that day and only the facts of
        that year (memberships, roles, awards, papers, conferences, post holders)."""
        node = self.require("org", slug, None, "organization")
        memberships, roles, awards, papers, hosted = [], [], [], [], []
        for f in self.facts_about(node.iri):
            types = f.types
            if as_of is not None and not self.holds_in(f, as_of):
                continue
            if C["ClusterMembership"] in types and P["member"] in f.links:
                memberships.append(self.membership_fact(f))
            elif C["ClusterRoleAssignment"] in types and P["member"] in f.links:
                roles.append(self.role_fact(f))
            elif C["AwardDecision"] in types and P["recipient"] in f.links:
                awards.append(self.award_fact(f))
            elif C["ConferencePaper"] in types:
                papers.append(self.paper_fact(f))
            elif C["Conference"] in types and P["host"] in f.links:
                hosted.append(self.conference_fact(f))
        posts = self._posts_in(node.iri)
        if as_of is not None:
            for post in posts:
                post["holders"] = [h for h in post["holders"]
                                   if in_year(h["attested_on"], as_of)]
        valid_from, valid_until = node.value("validFrom"), node.value("validUntil")
        types = sorted(node.iris("type"))
        main_type = next((t for t in types if t.startswith(str(PBO))), types[0] if types else None)
        parent = node.first_iri("unitOf") or node.first_iri("subOrganizationOf")
        return {
            **self.summary(node),
            "type": self._class(main_type),
            "parent": self.ref(parent),
            "area": self.ref(node.first_iri("area")),
            "board_kind": self.notation(node.first_iri("boardKind")),
            "level": self.notation(node.first_iri("committeeLevel")),
            "memberships": sorted(memberships, key=_membership_key),
            "roles": sorted(roles, key=_membership_key),
            "awards": sorted(awards, key=_award_key),
            "posts": posts,
            "papers": sorted(papers, key=lambda p: p["fact"]),
            "conferences_hosted": sorted(hosted, key=_dated_key),
            "valid_from": valid_from, "valid_until": valid_until,
            "in_force": in_force(valid_from, valid_until, as_of) if as_of else None,
        }

    def _class(self, iri: str | None) -> dict | None:
        if iri is None:
            return None
        return {"iri": iri, "name": re.split(r"[#/]", iri)[-1], "labels": self.index.labels(iri)}

    def _posts_in(self, org_iri: str) -> list[dict]:
        rows = self.rows("organization-posts", organization=org_iri)
        posts: dict[str, list[dict]] = {}
        for row in rows:
            posts.setdefault(row["post"]["value"], [])
        for fact in group_facts(rows).values():
            post_iri = fact.first_iri("post")
            if post_iri in posts:
                posts[post_iri].append(fact)  # type: ignore[arg-type]
        out = []
        for post_iri, facts in sorted(posts.items()):
            post = self.entity(post_iri)
            holders = [self.post_fact(f, post) for f in facts]  # type: ignore[arg-type]
            for h in holders:
                del h["post"], h["organization"], h["post_role"]
            out.append({"post": self.ref(post_iri),
                        "role": self.notation(post.first_iri("postRole")),
                        "holders": sorted(holders, key=lambda h: (str(h["attested_on"]),
                                                                  h["fact"]))})
        return out

    # Provinces ----------------------------------------------------------------------------

    def provinces(self, generation: str | None = None) -> list[dict]:
        if generation is not None and generation not in GENERATIONS:
            raise InvalidParameter("generation", f"expected one of {', '.join(GENERATIONS)}, "
                                                 f"got {generation!r}")
        return [self._province_head(row) for row in self.rows("provinces", generation=generation)]

    def _province_head(self, row: dict) -> dict:
        iri = row["province"]["value"]
        gen = value(row.get("generationNode"))
        return {"id": self.ref(iri)["id"], "iri": iri,  # type: ignore[index]
                "labels": self.index.labels(iri), "code": value(row.get("code")),
                "unit_type": value(row.get("unitType")),
                "generation": value(row.get("generationName")),
                "valid_from": value(row.get("validFrom")),
                "valid_until": value(row.get("validUntil")),
                "successor": self.ref(value(row.get("successor"))),
                "_generation": {"iri": gen, "labels": self.index.labels(gen or ""),
                                "valid_from": value(row.get("generationFrom")),
                                "valid_until": value(row.get("generationUntil"))}}

    @cached_answer
    def province(self, slug: str, as_of: date | None = None) -> dict:
        """One provincial unit; with as_of, whether it was in force that day and, in both
        directions of its lineage, which units were (itself, what it became, or what it came
        from)."""
        iri = self.iri("province", slug)
        rows = self.rows("provinces", province=iri)
        if not rows:
            raise NotFound(f"no provincial unit '{slug}' (no {iri} in the graph)")
        head = self._province_head(rows[0])
        generation = head.pop("_generation")
        became, came_from = [], []
        for row in self.rows("province-changes", province=iri):
            change = {"unit": self.ref(row["unit"]["value"]),
                      "change": self.ref(row["change"]["value"]),
                      "kind": value(row.get("kind")), "date": value(row.get("effective")),
                      "legal_basis": {**self.ref(value(row["basis"])),  # type: ignore[dict-item]
                                      "identifier": value(row.get("basisIdentifier"))}
                      if row.get("basis") else None}
            (became if value(row["direction"]) == "became" else came_from).append(change)
        bodies = self.rows("province-bodies", province=iri)
        committee = value(bodies[0]["committee"]) if bodies else None
        board = value(bodies[0].get("board")) if bodies else None
        entry = self.index.get(iri)
        as_of_view = None
        if as_of is not None:
            here = in_force(head["valid_from"], head["valid_until"], as_of)
            lineage = [c["unit"] for c in came_from + became]
            as_of_view = {
                "date": as_of.isoformat(), "in_force": here,
                "in_force_units": [self.ref(iri)] if here else [
                    u for u in lineage if u and self._in_force(u["iri"], as_of)]}
        return {
            **head,
            "as_of": as_of_view,
            "alt_labels": entry.alt_labels() if entry else [],
            "generation_period": generation,
            "became": became[0] if became else None,
            "came_from": sorted(came_from, key=lambda c: _ref_key(c["unit"])),
            "party_committee": self.ref(committee),
            "organization_board": self.ref(board),
        }

    def _in_force(self, province_iri: str, as_of: date) -> bool:
        rows = self.rows("provinces", province=province_iri)
        return bool(rows) and in_force(value(rows[0].get("validFrom")),
                                       value(rows[0].get("validUntil")), as_of)

    # People -------------------------------------------------------------------------------

    @cached_answer
    def person(self, slug: str, as_of: date | None = None) -> dict:
        """One person; with as_of, only the posts attested and roles held that year."""
        node = self.require("person", slug, "Person", "person")
        posts, roles, attended, papers = [], [], [], []
        for f in self.facts_about(node.iri):
            types = f.types
            if as_of is not None and not self.holds_in(f, as_of):
                continue
            if C["PostAttestation"] in types and P["holder"] in f.links:
                posts.append(self.post_fact(f))
            elif C["ClusterRoleAssignment"] in types:
                roles.append(self.role_fact(f))
            elif C["ConferencePaper"] in types:
                papers.append(self.paper_fact(f))
            elif C["Conference"] in types and P["attendee"] in f.links:
                attended.append(self.conference_fact(f))
        for p in posts:
            del p["person"]
        return {
            **self.summary(node),
            "name": node.value("foafName"),
            "posts": sorted(posts, key=lambda p: (str(p["attested_on"]), _ref_key(p["post"]))),
            "cluster_roles": sorted(roles, key=_membership_key),
            "papers": sorted(papers, key=lambda p: p["fact"]),
            "conferences_attended": sorted(attended, key=_dated_key),
        }

    # Documents ----------------------------------------------------------------------------

    def documents(self) -> list[dict]:
        out = []
        for row in self.rows("documents", whole_graph=True):
            iri = row["document"]["value"]
            out.append({"id": self.ref(iri)["id"], "iri": iri,  # type: ignore[index]
                        "identifier": value(row.get("identifier")),
                        "labels": self.index.labels(iri), "kind": value(row.get("kind")),
                        "issued": _text(value(row.get("issued"))),
                        "issuer": self.ref(value(row.get("issuer"))),
                        "citations": value(row.get("citations")) or 0,
                        "citing_articles": value(row.get("articles")) or 0})
        return out

    @cached_answer
    def document(self, slug: str) -> dict:
        node = self.require("document", slug, "Document", "document")
        citations = [self.citation_fact(f) for f in self.facts_about(node.iri)
                     if C["DocumentCitation"] in f.types and P["document"] in f.links]
        for c in citations:
            del c["document"]
        articles = sorted({c["source"]["iri"] for c in citations if c["source"]})
        return {
            **self.summary(node),
            "identifier": node.value("identifier"),
            "kind": self.notation(node.first_iri("documentKind")),
            "issued": _text(node.value("issued")),
            "effective_date": node.value("effectiveDate"),
            "issuer": self.ref(node.first_iri("creator")),
            "title": node.value("title"),
            "plenum_number": node.value("plenumNumber"),
            "references": self.refs(node.iris("references")),
            "editorial_notes": [t["value"] for t in node.all("editorialNote")],
            "citing_articles": [self.source(a) for a in articles],
            "citations": sorted(citations, key=lambda c: (c["source"]["iri"] if c["source"]
                                                          else "", c["fact"])),
        }

    # Awards and conferences ---------------------------------------------------------------

    def _cluster_filter(self, cluster: str | None) -> str | None:
        if cluster is None or cluster == "":
            return None
        iri = self.iri("cluster", cluster, name="cluster")
        if C["EmulationCluster"] not in self.entity(iri).types:
            raise NotFound(f"no cluster '{cluster}' (no {iri} in the graph)")
        return iri

    def _in_cluster(self, cluster: str | None) -> tuple[str, list[str]] | None:
        """For a list filtered by cluster, its candidate facts: the subjects linking to the
        cluster by pbo:cluster, read from the object's index (as entity pages read what links
        to them). The query's own filter still decides; without candidates it tests every fact
        of the graph (0.6-0.9 s at 10^6 triples, against a few ms)."""
        if cluster is None:
            return None
        return ("fact", sorted({row["s"]["value"] for row in self.referenced_by(cluster)
                                if row["p"]["value"] == P["cluster"]
                                and row["s"]["type"] == "uri"}))

    def awards(self, status: str | None = None, cluster: str | None = None,
               year: int | None = None) -> list[dict]:
        if year is not None and not 1000 <= year <= 9999:
            raise InvalidParameter("year", "expected a four-digit year")
        iri = self._cluster_filter(cluster)
        if iri is not None:
            return self._cluster_awards(iri, status, year)
        return self._awards(None, status, year)

    @cached_answer
    def _cluster_awards(self, iri: str, status: str | None, year: int | None) -> list[dict]:
        # Kept: a cluster's list is small, and its first answer costs 15-20 ms at 10^6 triples.
        return self._awards(iri, status, year)

    def _awards(self, iri: str | None, status: str | None, year: int | None) -> list[dict]:
        nodes = self._listed_facts("awards", "award-facts", iri, status=status,
                                   year=None if year is None else str(year))
        return sorted((self.award_fact(f) for f in nodes.values()), key=_award_key)

    def conferences(self, cluster: str | None = None, kind: str | None = None) -> list[dict]:
        iri = self._cluster_filter(cluster)
        if iri is not None:
            return self._cluster_conferences(iri, kind)
        return self._conferences(None, kind)

    @cached_answer
    def _cluster_conferences(self, iri: str, kind: str | None) -> list[dict]:
        return self._conferences(iri, kind)

    def _conferences(self, iri: str | None, kind: str | None) -> list[dict]:
        nodes = self._listed_facts("conferences", "conference-facts", iri, kind=kind)
        return sorted((self.conference_fact(f) for f in nodes.values()), key=_dated_key)

    def _listed_facts(self, query: str, facts_query: str, cluster: str | None,
                      **params: str | None) -> dict[str, Node]:
        """The facts a list matches, with all their statements. A cluster's: the query's rows
        (a few facts linking to it). The whole graph's, with the build's table: the facts named
        by `facts_query`, their statements read from the table; joining every matching fact
        to its statements in the store cost 38 s for the awards of a 10^6 graph (README)."""
        if cluster is None and self.subjects is not None:
            rows = self.rows(facts_query, whole_graph=True, **params)
            return self.entities(sorted({row["fact"]["value"] for row in rows}))
        return group_facts(self.rows(query, among=self._in_cluster(cluster),
                                     whole_graph=cluster is None, cluster=cluster, **params))

    # Search -------------------------------------------------------------------------------

    def search(self, q: str, limit: int = 20, kind: str | None = None) -> dict:
        if kind is not None and not _SLUG.match(kind):
            raise InvalidParameter("kind", f"expected a kind such as cluster, org, province, "
                                           f"got {kind!r}")
        hits = self.index.search(q, limit=limit, kind=kind)
        results = []
        for h in hits:
            types = h.entry.types
            main = next((t for t in types if t.startswith(str(PBO))), types[0] if types else None)
            ref = self.ref(h.entry.iri)
            results.append({**ref, "type": self._class(main),  # type: ignore[dict-item]
                            "matched_label": h.name.text, "matched_language": h.name.lang,
                            "match": ("exact", "prefix", "words")[h.score]})
        return {"query": q, "count": len(results), "results": results}


def _text(v: Any) -> str | None:
    return None if v is None else str(v)


def _label_key(ref: dict | None) -> str:
    if not ref:
        return ""
    labels = ref.get("labels") or {}
    return labels.get("vi") or labels.get("en") or ref.get("iri", "")


def _ref_key(ref: dict | None) -> tuple[str, str]:
    return (_label_key(ref), (ref or {}).get("iri", ""))


def _unit_key(item: dict) -> tuple:
    return (_label_key(item.get("unit")), item["fact"])


def _role_key(item: dict) -> tuple:
    # Notations sort chair < standing-vice-chair < vice-chair, the order of rank.
    return (item["role"] or "", _label_key(item.get("unit")), _label_key(item.get("person")),
            item["fact"])


def _membership_key(item: dict) -> tuple:
    return (_label_key(item.get("cluster")), item.get("year") or 0, item.get("role") or "",
            item["fact"])


def _dated_key(item: dict) -> tuple:
    return (str(item.get("date") or ""), item.get("iri") or item["fact"])


def _award_key(item: dict) -> tuple:
    return (item.get("year") or item.get("period_end") or 0, item["kind"] or "", item["fact"])
