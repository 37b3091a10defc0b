"""The knowledge graph projected into a networkx MultiDiGraph, and its filters.

The projection is defined by the CONSTRUCT queries in queries/network/ (one per family of edges,
plus nodes.rq and award-nodes.rq), which return nodes and edges described in the small vocabulary of
queries/network/vocabulary.ttl (namespace pbn:). This module only runs them and turns their
answer into networkx objects; it never walks the knowledge graph itself.

Nodes are keyed by IRI and carry: type (cluster, organization, person, province, conference,
award, document), iri, label (Vietnamese, else English), label_vi, label_en, class (a CURIE),
class_vi, class_en and, where known, year, year_end, date, valid_from, valid_until.

Edges are keyed by a stable id (the projecting fact and the relation, base IRI left out) and
carry: relation (member_of, chaired, ... see vocabulary.ttl), year and year_end (ints), date,
provenance (the source article; for the 2025 lineage its legal basis), fact, inferred and
extracted (bools: inferred rather than stated; machine-extracted rather than curated), cluster
(the cluster the fact concerns), status (awards), detail_vi / detail_en (the post, the award
kind, the role, the identifier as written, the paper's title) and conference (where a role or
award was decided). Attributes that are unknown are absent, never None.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pyoxigraph as ox

from ..catalog import NamedQuery, parse_query_file
from ..errors import InputError, InvalidParameter
from ..formats import FORMATS
from ..namespaces import ID, PREFIXES
from ..paths import paths
from ..results import shorten

if TYPE_CHECKING:  # imported where used: networkx takes ~0.15 s, not paid by `pbkg serve`
    import networkx as nx

NET = "https://w3id.org/pbkg/network#"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_BASE = str(ID)
VOCABULARY_FILE = "vocabulary.ttl"
ROLE_RELATIONS = ("chaired", "standing_vice_chaired", "vice_chaired")


def network_dir(queries_dir: Path | None = None) -> Path:
    """queries/network/ of the project (or of the given queries folder)."""
    return (queries_dir or paths().queries) / "network"


# --- vocabulary: node types and relations with their labels --------------------------------

@dataclass(frozen=True)
class Category:
    """A node type or a relation of the projection, as vocabulary.ttl defines it."""

    notation: str
    label_vi: str
    label_en: str
    order: int

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi


@dataclass(frozen=True)
class Vocabulary:
    node_types: dict[str, Category]
    relations: dict[str, Category]


@lru_cache(maxsize=8)
def _load_vocabulary(path: Path) -> Vocabulary:
    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(path, f"cannot be read: {exc}") from None
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        props[t.subject.value][t.predicate.value].append(t.object)
    schemes = {NET + "node-types": "node", NET + "relations": "relation"}
    out: dict[str, dict[str, Category]] = {"node": {}, "relation": {}}
    for p in props.values():
        scheme = next((schemes[s.value] for s in p.get(_SKOS + "inScheme", [])
                       if s.value in schemes), None)
        if scheme is None:
            continue
        labels = {lit.language: lit.value for lit in p.get(_SKOS + "prefLabel", [])}
        notation = p[_SKOS + "notation"][0].value
        order = int(p[NET + "order"][0].value) if NET + "order" in p else 999
        out[scheme][notation] = Category(notation, labels.get("vi", notation),
                                         labels.get("en", notation), order)
    ordered = {k: dict(sorted(v.items(), key=lambda kv: (kv[1].order, kv[0])))
               for k, v in out.items()}
    return Vocabulary(ordered["node"], ordered["relation"])


def vocabulary(queries_dir: Path | None = None) -> Vocabulary:
    return _load_vocabulary(network_dir(queries_dir) / VOCABULARY_FILE)


def network_queries(queries_dir: Path | None = None) -> list[NamedQuery]:
    """The projection's CONSTRUCT queries, in name order."""
    folder = network_dir(queries_dir)
    files = sorted(folder.glob("*.rq"))
    if not files:
        raise InputError(folder, "no network queries (*.rq) found")
    return [parse_query_file(f) for f in files]


# --- running the queries ---------------------------------------------------------------------

def _construct(store, sparql: str) -> list[ox.Triple]:
    from ..store import EmbeddedStore, query_serialized

    if isinstance(store, EmbeddedStore):
        # In process: Oxigraph's triples as they come, without a round trip through N-Triples.
        # The union of the named graphs is the default graph, as for every query (store.py).
        try:
            result = store.store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise InputError("queries/network", f"malformed query: {exc}") from None
        if not isinstance(result, ox.QueryTriples):
            raise InputError("queries/network", "a network query must be a CONSTRUCT query")
        return list(result)
    result = query_serialized(store, sparql, results_format=FORMATS["json"],
                              graph_format=FORMATS["ntriples"])
    if result.kind != "graph":
        raise InputError("queries/network", "a network query must be a CONSTRUCT query")
    return list(ox.parse(result.body, format=ox.RdfFormat.N_TRIPLES))


def _year(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _short_id(iri: str) -> str:
    """An edge id: its projection IRI without the base, percent-escapes decoded."""
    return unquote(iri).replace(_BASE, "")


def _pick(values: list) -> str | None:
    return min(v.value for v in values) if values else None


def _lang_values(values: list) -> dict[str, str]:
    """{'vi': ..., 'en': ...} from literals; an untagged literal serves both languages."""
    out: dict[str, str] = {}
    for lit in sorted(values, key=lambda v: v.value):
        lang = getattr(lit, "language", None)
        if lang in ("vi", "en"):
            out.setdefault(lang, lit.value)
        elif lang is None:
            out.setdefault("", lit.value)
    vi = out.get("vi") or out.get("") or out.get("en")
    en = out.get("en") or out.get("") or out.get("vi")
    return {k: v for k, v in (("vi", vi), ("en", en)) if v}


def build_projection(store, queries_dir: Path | None = None) -> nx.MultiDiGraph:
    """Run every query of queries/network/ and assemble the whole network (no filters)."""
    vocab = vocabulary(queries_dir)
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for query in network_queries(queries_dir):
        for t in _construct(store, query.text):
            props[t.subject.value][t.predicate.value].append(t.object)

    import networkx as nx

    graph = nx.MultiDiGraph(name="pbkg network")
    order = {n: c.order for n, c in vocab.node_types.items()}
    for subject in sorted(props):
        p = props[subject]
        types = sorted((v.value for v in p.get(NET + "type", [])),
                       key=lambda t: (order.get(t, 999), t))
        if not types:
            continue
        graph.add_node(subject, **_node_attributes(subject, types[0], p, props))

    dropped = 0
    edges = []
    for subject, p in props.items():
        if NET + "relation" not in p:
            continue
        source, target = _pick(p.get(NET + "from", [])), _pick(p.get(NET + "to", []))
        if source not in graph or target not in graph:
            dropped += 1  # an endpoint the projection has no node for (a place, a post...)
            continue
        edges.append((source, target, _short_id(subject), _edge_attributes(p)))
    for source, target, key, data in sorted(edges, key=lambda e: e[2]):
        graph.add_edge(source, target, key=key, **data)
    graph.graph["dropped_edges"] = dropped
    return graph


def _node_attributes(iri: str, node_type: str, p: dict, props: dict) -> dict:
    labels = _lang_values(p.get(_RDFS_LABEL, []))
    fallback = iri.rsplit("/", 1)[-1]
    data: dict = {"type": node_type, "iri": iri,
                  "label": labels.get("vi", fallback),
                  "label_vi": labels.get("vi", fallback),
                  "label_en": labels.get("en", fallback)}
    classes = sorted(v.value for v in p.get(NET + "class", []))
    if classes:
        data["class"] = shorten(classes[0], PREFIXES)
        class_labels = _lang_values(props.get(classes[0], {}).get(_RDFS_LABEL, []))
        if class_labels:
            data["class_vi"], data["class_en"] = class_labels["vi"], class_labels["en"]
    for key, prop in (("year", "year"), ("year_end", "yearEnd")):
        value = _year(_pick(p.get(NET + prop, [])))
        if value is not None:
            data[key] = value
    if "year" in data and "year_end" not in data:
        data["year_end"] = data["year"]
    for key, prop in (("date", "date"), ("valid_from", "validFrom"),
                      ("valid_until", "validUntil")):
        value = _pick(p.get(NET + prop, []))
        if value:
            data[key] = value
    return data


def _edge_attributes(p: dict) -> dict:
    data: dict = {"relation": _pick(p[NET + "relation"])}
    year = _year(_pick(p.get(NET + "year", [])))
    if year is not None:
        data["year"] = year
        data["year_end"] = _year(_pick(p.get(NET + "yearEnd", []))) or year
    for key in ("date", "provenance", "fact", "cluster", "status", "conference"):
        value = _pick(p.get(NET + key, []))
        if value:
            data[key] = value
    data["inferred"] = _pick(p.get(NET + "inferred", [])) in ("true", "1")
    data["extracted"] = _pick(p.get(NET + "extracted", [])) in ("true", "1")
    detail = _lang_values(p.get(NET + "detail", []))
    if detail:
        data["detail_vi"], data["detail_en"] = detail["vi"], detail["en"]
    return data


# --- one projection per store, reused --------------------------------------------------------

_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def _fingerprint(store) -> object:
    from ..store import EmbeddedStore

    if isinstance(store, EmbeddedStore):
        return len(store)
    return None  # a remote store may change under us: never cached


def full_projection(store, queries_dir: Path | None = None) -> nx.MultiDiGraph:
    """The whole network of a store. An embedded store's projection is computed once and kept
    while the store lives and its size is unchanged; do not mutate the returned graph."""
    fingerprint = _fingerprint(store)
    if fingerprint is None:
        return build_projection(store, queries_dir)
    key = (str(network_dir(queries_dir)), fingerprint)
    with _cache_lock:
        try:
            cached = _cache.get(store)
        except TypeError:
            cached = None
    if cached and key in cached:
        return cached[key]
    graph = build_projection(store, queries_dir)
    with _cache_lock:
        try:
            _cache[store] = {key: graph}
        except TypeError:
            pass
    return graph


# --- filters ---------------------------------------------------------------------------------

YearRange = tuple[int | None, int | None]


def year_range(years: int | tuple | range | None) -> YearRange | None:
    """None, a year, (from, to) with either end open (None), or a range."""
    if years is None:
        return None
    if isinstance(years, int):
        return (years, years)
    if isinstance(years, range):
        return (years.start, years.stop - 1)
    low, high = years
    if low is not None and high is not None and low > high:
        raise InvalidParameter("from", f"the first year ({low}) is after the last ({high})")
    if low is None and high is None:
        return None
    return (low, high)


def resolve_clusters(graph: nx.MultiDiGraph, values: Iterable[str] | None) -> list[str]:
    """Cluster IRIs for what a user typed, as pbkg.entity_match reads it (the same resolver as
    the named queries' parameters): an IRI, a slug (to-chuc-xay-dung-dang-cum-5), a unique end
    of a slug (cum-5), or words of a label, diacritics optional ("Cụm 5", "lang son")."""
    from ..entity_match import match_entity

    if not values:
        return []
    if isinstance(values, str):
        values = [values]
    candidates = {n: [d.get("label_vi", ""), d.get("label_en", "")]
                  for n, d in graph.nodes(data=True) if d.get("type") == "cluster"}
    out: list[str] = []
    for raw in values:
        if not raw.strip():
            continue
        found = match_entity(raw, candidates, param="cluster", kind="cluster")
        if found not in out:
            out.append(found)
    return out


def resolve_cluster(graph: nx.MultiDiGraph, value: str | None) -> str:
    """One cluster IRI (see resolve_clusters); an empty value is refused."""
    found = resolve_clusters(graph, [value or ""])
    if not found:
        raise InvalidParameter("cluster", "a cluster is required")
    return found[0]


def check_types(types: Iterable[str] | None, queries_dir: Path | None = None) -> list[str]:
    """Node type names (repeated or comma-separated), checked against vocabulary.ttl."""
    if not types:
        return []
    if isinstance(types, str):
        types = [types]
    vocab = vocabulary(queries_dir)
    out = []
    for raw in types:
        for t in (x.strip() for x in raw.split(",")):
            if not t:
                continue
            if t not in vocab.node_types:
                raise InvalidParameter("type", f"{t!r} is not a node type (known: "
                                       f"{', '.join(vocab.node_types)})")
            if t not in out:
                out.append(t)
    return out


def _year_ok(data: dict, years: YearRange | None) -> bool:
    if years is None or "year" not in data:
        return True
    low, high = years
    first, last = data["year"], data.get("year_end", data["year"])
    return (low is None or last >= low) and (high is None or first <= high)


def filter_graph(graph: nx.MultiDiGraph, *, clusters: Iterable[str] | None = None,
                 years: int | tuple | range | None = None,
                 types: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """A new graph with what the filters select.

    clusters: the edges of the clusters' facts (memberships, roles, conferences, awards,
    citations at their conferences) and the edges touching the cluster nodes, then, from the
    nodes they reach, the standing edges that belong to no cluster (organization structure,
    places, posts, the 2025 lineage) followed outwards. years: dated edges whose year (or
    period) meets the range; with no cluster filter, these are the seeds followed outwards
    the same way. types: keep nodes of these types only (and drop the nodes left isolated).
    """
    cluster_set = set(clusters or ())
    span = year_range(years)
    type_set = set(types or ())
    if not cluster_set and span is None and not type_set:
        return graph.copy()

    if cluster_set or span is not None:
        nodes, edges = _select(graph, cluster_set, span)
    else:
        nodes = set(graph.nodes)
        edges = {(u, v, k) for u, v, k in graph.edges(keys=True)}

    if type_set:
        had_edges = {n for u, v, _ in edges for n in (u, v)}
        nodes = {n for n in nodes if graph.nodes[n].get("type") in type_set}
        edges = {(u, v, k) for u, v, k in edges if u in nodes and v in nodes}
        still = {n for u, v, _ in edges for n in (u, v)}
        nodes = {n for n in nodes if n in still or n not in had_edges or n in cluster_set}

    import networkx as nx

    out = nx.MultiDiGraph(**graph.graph)
    out.graph["filters"] = {"clusters": sorted(cluster_set), "years": list(span or ()),
                            "types": sorted(type_set)}
    for n in sorted(nodes):
        out.add_node(n, **graph.nodes[n])
    for u, v, k in sorted(edges, key=lambda e: e[2]):
        out.add_edge(u, v, key=k, **graph.edges[u, v, k])
    return out


def _select(graph: nx.MultiDiGraph, cluster_set: set[str],
            span: YearRange | None) -> tuple[set[str], set[tuple]]:
    edges: set[tuple] = set()
    nodes: set[str] = {c for c in cluster_set if c in graph}
    for u, v, k, d in graph.edges(keys=True, data=True):
        if not _year_ok(d, span):
            continue
        if cluster_set:
            seed = d.get("cluster") in cluster_set or u in cluster_set or v in cluster_set
        else:
            seed = "year" in d
        if seed:
            edges.add((u, v, k))
            nodes.update((u, v))
    # Follow the standing edges (no cluster of their own) outwards from what was reached.
    queue = sorted(nodes)
    while queue:
        node = queue.pop()
        for _, target, key, d in graph.out_edges(node, keys=True, data=True):
            if d.get("cluster") or not _year_ok(d, span):
                continue
            if cluster_set and graph.nodes[target].get("type") == "cluster" \
                    and target not in cluster_set:
                continue
            edges.add((node, target, key))
            if target not in nodes:
                nodes.add(target)
                queue.append(target)
    return nodes, edges


def project(store, *, clusters: Iterable[str] | None = None,
            years: int | tuple | range | None = None, types: Iterable[str] | None = None,
            queries_dir: Path | None = None) -> nx.MultiDiGraph:
    """The network of a store, filtered: clusters by IRI, slug or label words; years as a year,
    (from, to) or a range; types among the node types of vocabulary.ttl."""
    full = full_projection(store, queries_dir)
    return filter_graph(full, clusters=resolve_clusters(full, clusters),
                        years=years, types=check_types(types, queries_dir))
