"""What the site's own pages show: the home page overview, the leadership overview (every
cluster by year) and the compact leadership table at the top of entity pages, search results,
and "did you mean" for a path that names nothing.

Plain data for templates; the queries are in queries/site/. Computed once per store where the
answer does not depend on the request (the store is read-only while served).
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from .asof import in_force
from .catalog import parse_query_file
from .collation import sort_key
from .errors import InvalidParameter, NotFound
from .fact_labels import Names, fact_label, role_labels
from .lookup import Lookup, Node
from .namespaces import ORG, PBO
from .search import key as search_key

_LOCK = threading.Lock()
_ATTR = "_pbkg_site_cache"
CHAIR = "chair"
# Role order in tables: chair first, then standing vice-chair, then vice-chair.
ROLE_ORDER = {"chair": 0, "standing-vice-chair": 1, "vice-chair": 2}
# Clusters a page of the leadership overview shows.
LEADERSHIP_PAGE = 200
# Home-page counts: class local name -> the entity kind in /id/<kind>/.
COUNTED = ("EmulationCluster", "PartyBoard", "PartyCommittee", "Person", "Document",
           "ProvincialUnit", "Conference", "AwardDecision")


class Site(Lookup):
    """The site's pages over one store."""

    def _cache(self) -> dict[str, Any]:
        cache = getattr(self.store, _ATTR, None)
        if cache is None:
            with _LOCK:
                cache = getattr(self.store, _ATTR, None)
                if cache is None:
                    cache = {}
                    setattr(self.store, _ATTR, cache)
        return cache

    def _cached(self, name: str, make) -> Any:
        cache = self._cache()
        if name not in cache:
            value = make()
            with _LOCK:
                cache.setdefault(name, value)
        return cache[name]

    def site_rows(self, name: str, bind: bool = False, **params: str | None) -> list[dict]:
        """A site query's rows; ``bind`` writes the parameters in place where that is safe (an
        IRI the engine then starts from) instead of a VALUES block."""
        bound = {k: v for k, v in params.items() if v}
        query = _site_query(self.queries_dir / "site" / f"{name}.rq", parse_query_file)
        text = query.bind(bound) if bind else query.render(bound)
        return self.store.query(text).rows  # type: ignore[union-attr]

    # Names ----------------------------------------------------------------------------------

    def validity_of(self, iri: str) -> tuple[str | None, str | None]:
        """First and last day of a unit or body (or of its area), if it has them: asked per
        entity, since the whole table costs minutes at 10^7 triples. From the build's table of
        subjects where it holds the entity and its areas (a name a page did not prefetch)."""
        found: dict[str, tuple] = {}
        if not self._validities_in_table([iri], found):
            return found[iri][1] if iri in found else (None, None)
        rows = self.site_rows("validity-of", entity=iri, bind=True)
        return (_v(rows[0].get("from")), _v(rows[0].get("until"))) if rows else (None, None)

    @property
    def own_validity(self) -> dict[str, tuple[str | None, str | None]]:
        """First and last day of what states them itself (not through its area)."""
        def make() -> dict[str, tuple[str | None, str | None]]:
            return {r["entity"]["value"]: (_v(r.get("from")), _v(r.get("until")))
                    for r in self.site_rows("own-validity")}
        return self._cached("own-validity", make)

    def in_force_on(self, iri: str, as_of: date) -> bool | None:
        """Whether a unit or body existed on as_of, by its own first and last day; None when
        it states neither (a body that continued across 2025, a person, a cluster)."""
        if iri not in self.own_validity:
            return None
        return in_force(*self.own_validity[iri], as_of)

    @property
    def names(self) -> Names:
        names = self.__dict__.get("_names")
        if names is None:  # asked thousands of times a page: kept on the instance too
            names = self.__dict__["_names"] = self._store_names()
        return names

    def _store_names(self) -> Names:
        def make() -> Names:
            return Names(self.index.labels, self.index.shares_label, self.validity_of,
                         self.validities, self.index.sharing)
        return self._cached("names", make)

    def validities(self, iris: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """validity_of of many entities, 2,000 to a query (the build names thousands: one
        query each cost 3 s at 10^6 triples, these 0.2 s); those with neither day are left
        out. Each keeps its first row in validity-of's order: own days before its area's,
        then by first and last day, an unbound one first (as ORDER BY puts it). Read from the
        build's table of subjects where it holds them and their areas (a page's few cost 2-3
        ms as a query at 10^7 triples), else from the store."""
        best: dict[str, tuple] = {}
        rest = self._validities_in_table(iris, best)
        query = _site_query(self.queries_dir / "site" / "validity-of-many.rq", parse_query_file)
        for start in range(0, len(rest), 2000):
            text = query.bind_many("entity", rest[start:start + 2000])
            for r in self.store.query(text).rows:  # type: ignore[union-attr]
                _keep_first(best, r["entity"]["value"], int(r["own"]["value"]),
                            _v(r.get("from")), _v(r.get("until")))
        return {iri: days for iri, (_, days) in best.items()}

    def _validities_in_table(self, iris: list[str], best: dict[str, tuple]) -> list[str]:
        """validities' rows of the entities whose statements and areas' the table holds, the
        query's rows worked out from them (own days, else each area's, every combination of a
        first and a last day); the entities it cannot answer are returned."""
        table = self.subjects
        if table is None or not iris:
            return iris
        stated = table.statements(iris)
        areas = sorted({o["value"] for i in stated for p, o in stated[i]
                        if p == _AREA and o["type"] == "uri"})
        area_stated = table.statements(areas) if areas else {}
        rest = []
        for iri in iris:
            own = stated.get(iri)
            mine = [o["value"] for p, o in own or () if p == _AREA and o["type"] == "uri"]
            if own is None or any(a not in area_stated for a in mine):
                rest.append(iri)
                continue
            for rank, statements in [(1, own)] + [(2, area_stated[a]) for a in mine]:
                for start_day, end_day in _days(statements):
                    _keep_first(best, iri, rank, start_day, end_day)
        return rest

    def prefetch_names(self, iris: list[str]) -> None:
        """Read what the names of many entities need in a few queries (see Names.prefetch)."""
        self.index.prefetch(iris)
        self.names.prefetch(iris)

    def name_labels(self, iri: str | None) -> dict[str, str]:
        return self.names.labels(iri) if iri else {}

    def is_block(self, cluster: str) -> bool:
        """Whether a cluster is a block (khối), whose roles are named otherwise: asked per
        cluster (the list of every cluster costs seconds at 10^7 triples), kept per store."""
        known = self._cached("blocks", dict)
        if cluster not in known:
            types = self._cluster_types_in_table(cluster)
            if types is None:
                types = [_v(r.get("type")) for r in
                         self.site_rows("cluster-type", cluster=cluster, bind=True)]
            known[cluster] = any((t or "").rsplit("/", 1)[-1] == "block" for t in types)
        return known[cluster]

    def _cluster_types_in_table(self, cluster: str) -> list[str] | None:
        """cluster-type's answer from the table of subjects (the cluster's types and their
        notations), or None where the table does not hold them."""
        table = self.subjects
        stated = table.statements([cluster]).get(cluster) if table is not None else None
        if stated is None:
            return None
        kinds = [o["value"] for p, o in stated if p == _CLUSTER_TYPE and o["type"] == "uri"]
        described = table.statements(kinds) if kinds else {}  # type: ignore[union-attr]
        if len(described) < len(set(kinds)):
            return None
        return [o["value"] for k in described for p, o in described[k] if p == _NOTATION]

    def know_blocks(self, clusters: list[dict]) -> None:
        """Which clusters are blocks, from the cluster list (entries with their type, one per
        type: is_block's answer without its query per cluster)."""
        known = self._cached("blocks", dict)
        for c in clusters:
            known[c["iri"]] = known.get(c["iri"], False) or (c["type"] or "").rsplit(
                "/", 1)[-1] == "block"

    def fact_labels(self, node: Node, omit: tuple[str, ...] = ()) -> dict[str, str]:
        return fact_label(node.props, self.names, self.index.labels, omit,
                          is_block=self.is_block)

    def link(self, iri: str | None) -> dict | None:
        if not iri:
            return None
        return {"iri": iri, "labels": self.name_labels(iri)}

    # Home -----------------------------------------------------------------------------------

    def home(self) -> dict:
        return self._cached("home", self._home)

    def _home(self) -> dict:
        built = self.overview
        if built is None:
            counts, facts = self.class_counts(), self.fact_count()
            clusters, sources = self.clusters(), self.latest_sources()
            names, articles = self.name_labels, self.source
        else:
            counts, facts, clusters = built["counts"], built["facts"], built["clusters"]
            sources = built["sources"]
            names, articles = _names_of(built), _articles_of(built)
        levels: dict[str, list[dict]] = defaultdict(list)
        for c in clusters:
            levels[c["level"] or "other"].append({
                "iri": c["iri"], "labels": names(c["iri"]), "level": c["level"] or "other",
                "type": c["type"], "years": c["years"]})
        for level in levels.values():
            level.sort(key=lambda c: sort_key(c["labels"].get("vi", c["iri"])))
        return {
            "counts": {name: counts.get(name, 0) for name in COUNTED},
            "sources_count": counts.get("NewsArticle", 0),
            "facts": facts,
            "levels": [{"level": lv, "clusters": levels[lv]}
                       for lv in sorted(levels, key=_level_key)],
            "sources": [_source_entry(s, names, articles) for s in sources],
        }

    def class_counts(self) -> dict[str, int]:
        """How many resources of each pbkg class (and news articles), by local name."""
        return {r["class"]["value"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]: int(r["n"]["value"])
                for r in self.site_rows("counts")}

    def fact_count(self) -> int:
        (row,) = self.site_rows("fact-count")
        return int(row["n"]["value"])

    def latest_sources(self) -> list[dict]:
        """The 12 latest articles: IRI, date, publisher IRI, number of facts."""
        return [{"iri": r["article"]["value"], "date": _v(r.get("date")),
                 "publisher": _v(r.get("publisher")), "facts": int(r["facts"]["value"])}
                for r in self.site_rows("latest-sources")]

    # Leadership -----------------------------------------------------------------------------

    def leadership_rows(self, entity: str | None = None, as_of: date | None = None,
                        facts: list[Node] | None = None) -> list[dict]:
        """Role facts as rows (year, role, cluster, unit, person, source, quote), by cluster
        name, year and role; `entity` keeps those naming it (its own query: an entity page does
        not read every role of the graph; or read from `facts`, the entity's facts_about when
        the caller has them), `as_of` those of its year. The whole table is the build's
        (overview.json) or computed once per store; the date filters it, so the cache does not
        depend on it."""
        if entity is None:
            rows = self._cached("leadership", self._leadership_table)
        elif facts is not None:
            rows = self._leadership(_role_rows(facts))
        else:
            # A row found through two links (a unit that is also the cluster) is kept once.
            found = {json.dumps(r, sort_keys=True): r
                     for via in (ORG.organization, ORG.member, PBO.person)
                     for r in self.site_rows("leadership-of", entity=entity, via=str(via),
                                             bind=True)}
            rows = self._leadership(list(found.values()))
        if as_of is not None:
            rows = [r for r in rows if r["year"] == as_of.year]
        return rows

    def _leadership_table(self) -> list[dict]:
        built = self.built_leadership
        if built is None:
            return self._leadership(self.site_rows("leadership"))
        names, articles = _names_of(built), _articles_of(built)
        links: dict[str, dict] = {}  # one dict per IRI, shared by its rows

        def link(iri: str | None) -> dict | None:
            if iri is None:
                return None
            if iri not in links:
                links[iri] = {"iri": iri, "labels": names(iri)}
            return links[iri]
        return expand_roles(built["leadership"], link, articles)

    def _leadership(self, found: list[dict]) -> list[dict]:
        rows = sorted((self.role_row(r) for r in found),
                      key=lambda r: role_order(r, self.name_labels))
        return expand_roles(rows, self.link, self.source)

    def role_row(self, r: dict) -> dict:
        """One leadership row with IRIs for its cluster, unit, person and source (what the
        build stores; expand_roles puts names and titles in their place)."""
        member = _v(r.get("member"))
        person = _v(r.get("person"))
        unit = member if member and not self.is_person(member) else None
        if person is None and member and self.is_person(member):
            person = member
        role_iri = r["role"]["value"]
        return {
            "fact": r["fact"]["value"], "year": int(r["year"]["value"][:4]),
            "role": self.index.notation(role_iri) or role_iri.rsplit("/", 1)[-1],
            "role_labels": role_labels(role_iri, self.index.labels(role_iri),
                                       self.is_block(r["cluster"]["value"])),
            "cluster": r["cluster"]["value"], "unit": unit, "person": person,
            "inferred": r["inferred"]["value"] in ("true", "1"),
            "source": _v(r.get("source")), "quote": _v(r.get("quote")),
        }

    def leadership(self, page: int = 1, per_page: int = LEADERSHIP_PAGE) -> dict:
        """The overview: one row per cluster, one column per year, each cell the chair and
        vice-chairs of that year (with the fact, its quote and source); ``per_page`` clusters a
        page (at 10^7 triples the whole table is 10^5 roles, a 180 MB page), the years those
        of the page's rows. A page past the last raises NotFound."""
        rows = self._cached("leadership-grid", self._leadership_grid)
        clusters, count = rows["clusters"], rows["count"]
        pages = max(1, -(-len(clusters) // per_page))
        if page < 1 or page > pages:
            raise NotFound(f"no page {page} of the leadership overview (pages 1 to {pages})")
        shown = clusters[(page - 1) * per_page : page * per_page]
        years = sorted({y for c in shown for y in c["cells"]})
        return {"years": years, "clusters": shown, "count": count, "page": page,
                "pages": pages, "clusters_count": len(clusters)}

    def _leadership_grid(self) -> dict:
        rows = self.leadership_rows()
        clusters: dict[str, dict] = {}
        for r in rows:
            c = clusters.setdefault(r["cluster"]["iri"], {"cluster": r["cluster"], "cells": {}})
            c["cells"].setdefault(r["year"], []).append(r)
        return {"clusters": list(clusters.values()), "count": len(rows)}

    # Search and suggestions -----------------------------------------------------------------

    def search_page(self, q: str, limit: int = 50) -> list[dict]:
        hits = self.index.search(q, limit=limit)
        out = []
        for h in hits:
            iri = h.entry.iri
            kind = iri[len(self.id_base):].split("/", 1)[0]
            out.append({"iri": iri, "kind": kind, "labels": self.name_labels(iri),
                        "matched": h.name.text})
        return out

    def suggest(self, path: str, limit: int = 5) -> list[dict]:
        """Resources a mistyped path may have meant: /id/doc/x -> /id/document/x, and names
        sharing words with the path's last segment."""
        segments = [s for s in path.strip("/").split("/") if s]
        if segments and segments[0] == "id":
            segments = segments[1:]
        if not segments:
            return []
        slug = segments[-1].split(".")[0]
        kinds = sorted({i[len(self.id_base):].split("/", 1)[0]
                        for i in self.index.iris(self.id_base)})
        out: list[dict] = []
        seen: set[str] = set()
        for kind in kinds:
            iri = f"{self.id_base}{kind}/{slug}"
            if iri not in seen and self.index.get(iri) is not None:
                seen.add(iri)
                out.append({"iri": iri, "labels": self.name_labels(iri)})
        words = search_key(slug.replace("-", " "))
        if words and len(out) < limit:
            try:
                for hit in self.search_page(words, limit=limit):
                    if hit["iri"] not in seen:
                        seen.add(hit["iri"])
                        out.append({"iri": hit["iri"], "labels": hit["labels"]})
            except InvalidParameter:  # a slug of stop words: no suggestion
                pass
        return out[:limit]


_QUERIES: dict[Path, Any] = {}


def _site_query(path: Path, parse) -> Any:
    if path not in _QUERIES:
        _QUERIES[path] = parse(path)
    return _QUERIES[path]


_ROLE_LINKS = {str(ORG.organization), str(ORG.member), str(PBO.person)}
_ROLE_FACT = str(PBO.ClusterRoleAssignment)


def _role_rows(facts: list[Node]) -> list[dict]:
    """The rows of queries/site/leadership-of.rq, read from an entity's fact nodes (each with
    all its statements and the properties by which it links to the entity): one per role
    fact linking to it as cluster, member or person, and per member, person and source."""
    rows = []
    for f in facts:
        if _ROLE_FACT not in f.types or not f.links & _ROLE_LINKS:
            continue
        cluster, role, year = f.one("organization"), f.one("role"), f.one("year")
        if cluster is None or role is None or year is None:
            continue
        quotes = [t["value"] for t in f.all("evidence")]
        base = {"fact": {"type": "uri", "value": f.iri}, "cluster": cluster, "role": role,
                "year": year, "inferred": {"type": "literal", "value": "true" if any(
                    t["value"] in ("true", "1") for t in f.all("inferred")) else "false"}}
        if quotes:
            base["quote"] = {"type": "literal", "value": min(quotes)}
        for member in f.all("member") or [None]:
            for person in f.all("person") or [None]:
                for source in f.all("derivedFrom") or [None]:
                    row = dict(base)
                    for name, term in (("member", member), ("person", person),
                                       ("source", source)):
                        if term is not None:
                            row[name] = term
                    rows.append(row)
    return rows


_AREA, _FROM, _UNTIL = (str(PBO[n]) for n in ("area", "validFrom", "validUntil"))
_CLUSTER_TYPE = str(PBO["clusterType"])
_NOTATION = "http://www.w3.org/2004/02/skos/core#notation"


def _days(statements: list[tuple[str, dict]]) -> list[tuple[str | None, str | None]]:
    """Every (first day, last day) pair a subject states, an unstated one None; none if it
    states neither (as validity-of-many's OPTIONALs)."""
    starts = [o["value"] for p, o in statements if p == _FROM]
    ends = [o["value"] for p, o in statements if p == _UNTIL]
    if not starts and not ends:
        return []
    return [(s, e) for s in starts or [None] for e in ends or [None]]


def _keep_first(best: dict[str, tuple], iri: str, own: int, start_day: str | None,
                end_day: str | None) -> None:
    rank = (own, start_day is not None, start_day or "", end_day is not None, end_day or "")
    if iri not in best or rank < best[iri][0]:
        best[iri] = (rank, (start_day, end_day))


def _v(term: dict | None) -> str | None:
    return term["value"] if term else None


def _level_key(level: str) -> tuple[int, str]:
    order = {"central": 0, "national-sector": 1, "provincial": 2, "district": 3, "ward": 4}
    return (order.get(level, 5), level)


def role_order(row: dict, names: Callable[[str], dict[str, str]]) -> tuple:
    """The leadership table's order: cluster name, year, chair first, then the fact (and the
    rest of the row, so that two rows of one fact keep one order whichever store read them)."""
    return (sort_key(names(row["cluster"]).get("vi", "")), row["year"],
            ROLE_ORDER.get(row["role"], 9), row["fact"], row["unit"] or "",
            row["person"] or "", row["source"] or "", row["quote"] or "")


def expand_roles(rows: list[dict], link: Callable[[str | None], dict | None],
                 source: Callable[[str | None], dict | None]) -> list[dict]:
    """Stored leadership rows (IRIs) as the pages show them (names, the source's title)."""
    return [{**r, "cluster": link(r["cluster"]), "unit": link(r["unit"]),
             "person": link(r["person"]), "source": source(r["source"])} for r in rows]


def _source_entry(s: dict, names: Callable[[str], dict[str, str]],
                  articles: Callable[[str | None], dict | None]) -> dict:
    """A latest source as the home page shows it: its publisher named, its title and URL."""
    article = articles(s["iri"]) or {}
    publisher = {"iri": s["publisher"], "labels": names(s["publisher"])} \
        if s["publisher"] else None
    return {**s, "publisher": publisher, "title": article.get("title"),
            "url": article.get("url")}


def _names_of(built: dict) -> Callable[[str], dict[str, str]]:
    names = built["names"]
    return lambda iri: names.get(iri, {})


def _articles_of(built: dict) -> Callable[[str | None], dict | None]:
    articles = built["articles"]

    def source(iri: str | None) -> dict | None:
        if iri is None:
            return None
        title, url = articles.get(iri, (None, None))
        return {"iri": iri, "title": title, "url": url}
    return source
