"""The site's whole-graph answers computed for a build (pbkg.overview holds the file): in full
from the queries of queries/site and queries/lookup, or, when a build changed a few graphs, the
previous build's answers updated where the changed triples can reach them. Both give the same
file (tests/test_overview.py).

What each answer depends on, which the update follows:
- a class count on the rdf:type triples of its instances, the fact count also on the class
  hierarchy (the ontology: a change there computes everything again);
- a cluster's entry on its own triples and those of the facts naming it (org:organization,
  pbo:cluster);
- a leadership row on its fact's triples, the type of its member (person or unit) and whether
  its cluster is a block: the rows of every cluster such a change names are asked again;
- a name on its entity's labels, its period (its own or its area's) and whether another entity
  bears the same label: the names of the changed subjects, of what has them as its area and of
  whatever bears one of their labels, before or after, are made again;
- the latest sources are asked again (one query).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .namespaces import ORG, PBO, RDF, SCHEMA
from .search import SearchIndex
from .settings import Settings
from .site import Site, role_order
from .store import EmbeddedStore

# Most changed subjects an update follows; beyond, everything is computed again.
MAX_CHANGED = 5_000
# Entities named per round (what their names need is read in a few queries a round; the
# caches of what was read stay under their bounds).
_CHUNK = 20_000
_TYPE = ox.NamedNode(str(RDF.type))
_CLUSTER = ox.NamedNode(str(PBO.EmulationCluster))
_NAMING_CLUSTER = (ox.NamedNode(str(ORG.organization)), ox.NamedNode(str(PBO.cluster)))
_NAMING_HOLDER = (ox.NamedNode(str(ORG.member)), ox.NamedNode(str(PBO.person)))
_AREA = ox.NamedNode(str(PBO.area))
_COUNTED_NS = str(PBO)
_ARTICLE = str(SCHEMA.NewsArticle)


def site_over(store: ox.Store, queries: Path, index: Path) -> Site:
    """The site's answers over a store being built and its new search index."""
    embedded = EmbeddedStore(store)
    embedded.search_index_path = index
    return Site(embedded, queries, Settings())


def compute_overview(site: Site) -> dict[str, Any]:
    """Every answer, from the queries."""
    clusters = site.clusters()
    site.know_blocks(clusters)
    found = site.site_rows("leadership")
    site.index.prefetch([r["member"]["value"] for r in found if r.get("member")])
    return _assemble(site, site.class_counts(), site.fact_count(), site.latest_sources(),
                     clusters, [site.role_row(r) for r in found])


def update_overview(site: Site, previous: dict[str, Any], old: ox.Store, new: ox.Store,
                    old_index: SearchIndex, changed: set[ox.Triple]) -> dict[str, Any]:
    """The previous build's answers (``previous``, over ``old`` and ``old_index``) updated for
    the triples that differ (``changed``); computed in full when the change reaches what the
    update does not follow (the vocabulary, blank nodes, many subjects)."""
    base = site.id_base
    touched = {t.subject for t in changed}
    if len(touched) > MAX_CHANGED or any(
            not isinstance(s, ox.NamedNode) or not s.value.startswith(base)
            or s.value.startswith(base + "concept/") for s in touched):
        return compute_overview(site)
    subjects = {s.value for s in touched}
    stores = (old, new)

    counts, facts = dict(previous["counts"]), previous["facts"]
    typed = {(t.subject, t.object) for t in changed if t.predicate == _TYPE
             and isinstance(t.object, ox.NamedNode)}
    for node, cls in typed:
        if cls.value.startswith(_COUNTED_NS) or cls.value == _ARTICLE:
            name = cls.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            counts[name] = counts.get(name, 0) + _has(new, node, cls) - _has(old, node, cls)
            if not counts[name]:
                del counts[name]
    for node in {node for node, _ in typed}:
        facts += _is_fact(new, node) - _is_fact(old, node)

    listed = {c["iri"] for c in previous["clusters"]}
    clusters_now = {s for s in subjects if s in listed or _has(new, ox.NamedNode(s), _CLUSTER)}
    named = {q.object.value for store in stores for s in touched for p in _NAMING_CLUSTER
             for q in store.quads_for_pattern(s, p, None) if isinstance(q.object, ox.NamedNode)}
    redo = clusters_now | (named & listed) | {c for c in named
                                              if _has(new, ox.NamedNode(c), _CLUSTER)}
    clusters = [c for c in previous["clusters"] if c["iri"] not in redo]
    clusters += [site.cluster_entry(c, row) for c in sorted(redo)
                 for row in site.rows("clusters", cluster=c)]

    # Leadership: every row of a cluster that a changed fact, member or cluster reaches.
    retyped = {node for node, _ in typed}
    again = {r["cluster"] for r in previous["leadership"]
             if r["fact"] in subjects or r["cluster"] in subjects
             or r["unit"] in subjects or r["person"] in subjects}
    again |= {q.object.value for s in touched for q in new.quads_for_pattern(
        s, _NAMING_CLUSTER[0], None) if isinstance(q.object, ox.NamedNode)}
    again |= clusters_now
    again |= {q.object.value for m in retyped for p in _NAMING_HOLDER
              for f in new.quads_for_pattern(None, p, m)
              for q in new.quads_for_pattern(f.subject, _NAMING_CLUSTER[0], None)
              if isinstance(q.object, ox.NamedNode)}
    rows = [r for r in previous["leadership"] if r["cluster"] not in again]
    rows += [site.role_row(r) for c in sorted(again)
             for r in site.site_rows("leadership-of", entity=c, via=str(ORG.organization),
                                     bind=True)]

    # Names: of what changed, what has it as its area, what bears one of its labels.
    stale = set(subjects)
    stale |= {q.subject.value for store in stores for s in touched
              for q in store.quads_for_pattern(None, _AREA, s)
              if isinstance(q.subject, ox.NamedNode)}
    for index in (old_index, site.index):
        for s in subjects:
            for text in index.labels(s).values():
                stale |= old_index.bearers(text) | site.index.bearers(text)
    return _assemble(site, counts, facts, site.latest_sources(), clusters, rows,
                     previous, stale)


def _assemble(site: Site, counts: dict[str, int], facts: int, sources: list[dict],
              clusters: list[dict], rows: list[dict], previous: dict[str, Any] | None = None,
              stale: set[str] | None = None) -> dict[str, Any]:
    """The file's content; names and article titles of ``previous`` are kept but for the
    ``stale`` IRIs."""
    def kept(table: str, iri: str) -> Any:
        if previous is None or iri in (stale or ()):
            return None
        return previous[table].get(iri)

    linked = {c["iri"] for c in clusters} | {s["publisher"] for s in sources if s["publisher"]}
    linked |= {r[k] for r in rows for k in ("cluster", "unit", "person") if r[k]}
    names: dict[str, Any] = {}
    ordered = sorted(linked)
    for start in range(0, len(ordered), _CHUNK):
        part = ordered[start:start + _CHUNK]
        site.prefetch_names([i for i in part if kept("names", i) is None])
        names.update({i: kept("names", i) or site.name_labels(i) for i in part})
    cited = {r["source"] for r in rows if r["source"]} | {s["iri"] for s in sources}
    site.index.prefetch([i for i in sorted(cited) if kept("articles", i) is None])
    articles = {iri: kept("articles", iri) or [site.index.title(iri), site.index.url(iri)]
                for iri in sorted(cited)}
    rows.sort(key=lambda r: role_order(r, lambda iri: names.get(iri, {})))
    return {"id_base": site.id_base, "counts": dict(sorted(counts.items())), "facts": facts,
            "sources": sources, "clusters": sorted(clusters, key=cluster_order),
            "leadership": rows, "names": names, "articles": articles}


def cluster_order(c: dict) -> tuple:
    """The order of queries/lookup/clusters.rq: level, number, IRI (unbound first)."""
    number = c["number"]
    return (c["level"] is not None, c["level"] or "", number is not None,
            (0, number, "") if isinstance(number, int) else (1, 0, str(number or "")),
            c["iri"], c["type"] or "")


def _has(store: ox.Store, node: ox.NamedNode, cls: ox.NamedNode) -> int:
    return int(next(iter(store.quads_for_pattern(node, _TYPE, cls)), None) is not None)


def _is_fact(store: ox.Store, node: ox.NamedNode) -> int:
    ask = (f"ASK {{ <{node.value}> <{RDF.type}>/<http://www.w3.org/2000/01/rdf-schema#"
           f"subClassOf>* <{PBO.Fact}> }}")
    return int(bool(store.query(ask, use_default_graph_as_union=True)))
