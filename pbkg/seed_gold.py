"""Gold for the five seed articles, derived from the curated graph.

The seeds are not annotated in JSON: their facts were curated by hand as RDF
(data/curated/*.ttl). `seed_gold` reads them back from the built graph into the extractor's
schema (the one of shared/corpus/dev/gold/NN.json), so that the extractor can be scored on the
seeds with the same evaluator as on the development set:

- clusters: each cluster the article's facts name, its level, stated member count and members
  (the units of its pbo:ClusterMembership facts, inferred ones included);
- roles: unit-level pbo:ClusterRoleAssignment facts, inferred ones included (the development
  set's convention: when a role is given to a person, the unit that person heads is the role's
  unit); the person, when the fact names one;
- officials: the people of the article's pbo:PostAttestation facts, with their posts;
- documents: the identifiers as written of its pbo:DocumentCitation facts;
- awards: recipients (or counts) with the award's status;
- events: its pbo:Conference facts, kind in the extractor's words and date (xsd:date only).

`evaluate_seeds` extracts each seed text and scores it against that gold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from pbkg.errors import InputError
from pbkg.extract.article import read_article
from pbkg.extract.evaluate import EvalReport, evaluate_pairs
from pbkg.extract.pipeline import extract
from pbkg.paths import ProjectPaths, paths

_PREFIXES = """
PREFIX pbo:    <https://w3id.org/pbkg/ontology#>
PREFIX org:    <http://www.w3.org/ns/org#>
PREFIX prov:   <http://www.w3.org/ns/prov#>
PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf:   <http://xmlns.com/foaf/0.1/>
PREFIX dct:    <http://purl.org/dc/terms/>
PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
"""
_KIND_WORDS = {"year-end-review": "tổng kết", "mid-year-review": "sơ kết",
               "agreement-signing": "ký kết giao ước", "other": "other"}
_STATUS = {"conferred", "proposed", "ranking"}


def _value(solution, name: str) -> str | None:
    term = solution[name]
    return None if term is None else term.value


def _select(store: ox.Store, query: str, article: str) -> list[dict[str, str | None]]:
    text = _PREFIXES + query.replace("$article", f"<{article}>")
    result = store.query(text, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: _value(s, n) for n in names} for s in result]


def store_from_quads(quads: Iterable) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def seed_articles(store: ox.Store) -> dict[str, str]:
    """Seed file name (without .txt) -> article IRI, from pbo:sourceFile "seeds/NAME.txt"."""
    q = _PREFIXES + """
        SELECT ?article ?file WHERE {
            ?article a <https://schema.org/NewsArticle> ; pbo:sourceFile ?file .
            FILTER (STRSTARTS(STR(?file), "seeds/"))
        }"""
    out = {}
    for s in store.query(q, use_default_graph_as_union=True):
        name = Path(s["file"].value).stem
        out[name] = s["article"].value
    return dict(sorted(out.items()))


def gold_for(store: ox.Store, article: str, name: str = "") -> dict:
    """The gold of one article, in the extractor's schema, from the facts derived from it."""
    gold: dict = {"article": name or article.rsplit("/", 1)[-1], "clusters": [], "roles": [],
                  "awards": [], "officials": [], "documents": [], "events": []}

    # clusters and their members
    members: dict[str, list[str]] = defaultdict(list)
    for r in _select(store, """
        SELECT DISTINCT ?cluster ?label WHERE {
            ?f prov:wasDerivedFrom $article ; a pbo:ClusterMembership ;
               org:organization ?cluster ; org:member ?unit .
            ?unit rdfs:label ?label . FILTER (LANG(?label) = "vi")
        } ORDER BY ?cluster ?label""", article):
        if r["label"] not in members[r["cluster"]]:
            members[r["cluster"]].append(r["label"])
    clusters = {r["cluster"] for r in _select(store, """
        SELECT DISTINCT ?cluster WHERE {
            ?f prov:wasDerivedFrom $article .
            { ?f org:organization ?cluster } UNION { ?f pbo:cluster ?cluster }
            ?cluster a pbo:EmulationCluster .
        }""", article)}
    for iri in sorted(clusters):
        info = _select(store, f"""
            SELECT ?label ?level ?number ?count WHERE {{
                <{iri}> rdfs:label ?label . FILTER (LANG(?label) = "vi")
                OPTIONAL {{ <{iri}> pbo:clusterLevel/skos:notation ?level }}
                OPTIONAL {{ <{iri}> pbo:clusterNumber ?number }}
                OPTIONAL {{ ?c prov:wasDerivedFrom $article ; a pbo:MemberCount ;
                             pbo:cluster <{iri}> ; pbo:count ?count }}
            }}""", article)
        first = info[0] if info else {}
        gold["clusters"].append({
            "name": first.get("label"),
            "level": first.get("level"),
            "member_count": int(first["count"]) if first.get("count") else None,
            "members": members.get(iri, []),
            "number": int(first["number"]) if first.get("number") else None,
        })

    # roles held by units (inferred ones included), with the person where named
    for r in _select(store, """
        SELECT ?cluster ?year ?role ?unit ?person ?inferred ?quote WHERE {
            ?f prov:wasDerivedFrom $article ; a pbo:ClusterRoleAssignment ;
               org:organization ?c ; org:role/skos:notation ?role ; pbo:year ?year ;
               org:member ?m .
            FILTER NOT EXISTS { ?m a pbo:Person }
            ?c rdfs:label ?cluster . FILTER (LANG(?cluster) = "vi")
            ?m rdfs:label ?unit . FILTER (LANG(?unit) = "vi")
            OPTIONAL { ?f pbo:person/rdfs:label ?person }
            BIND (EXISTS { ?f pbo:inferred true } AS ?inferred)
            OPTIONAL { ?f pbo:evidence ?quote }
        } ORDER BY ?year ?role ?unit""", article):
        if any(g["year"] == int(r["year"]) and g["role"] == r["role"] and g["unit"] == r["unit"]
               for g in gold["roles"]):
            continue
        gold["roles"].append({"cluster": r["cluster"], "year": int(r["year"]),
                              "role": r["role"], "unit": r["unit"], "person": r["person"],
                              "inferred": r["inferred"] == "true", "evidence": r["quote"]})

    # officials and their posts
    people: dict[str, dict] = {}
    for r in _select(store, """
        SELECT ?name ?post WHERE {
            ?f prov:wasDerivedFrom $article ; a pbo:PostAttestation ;
               pbo:holder ?h ; pbo:post ?p .
            ?h rdfs:label ?name . FILTER (LANG(?name) = "vi")
            ?p rdfs:label ?post . FILTER (LANG(?post) = "vi")
        } ORDER BY ?name ?post""", article):
        entry = people.setdefault(r["name"], {"name": r["name"], "positions": []})
        if r["post"] not in entry["positions"]:
            entry["positions"].append(r["post"])
    gold["officials"] = list(people.values())

    # documents, as written (one item per way of writing, as the extractor reports them)
    seen: set[str] = set()
    for r in _select(store, """
        SELECT ?written ?id ?issued WHERE {
            ?f prov:wasDerivedFrom $article ; a pbo:DocumentCitation ; pbo:document ?d .
            OPTIONAL { ?f pbo:identifierAsWritten ?written }
            OPTIONAL { ?d dct:identifier ?id }
            OPTIONAL { ?d dct:issued ?issued }
        } ORDER BY ?written ?id""", article):
        written = r["written"] or r["id"]
        if written and written not in seen:
            seen.add(written)
            gold["documents"].append({"id": written, "date": None})

    # awards: each recipient with the status; counted awards as "N tập thể, M cá nhân"
    for r in _select(store, """
        SELECT ?f ?status ?recipient ?collectives ?individuals ?kind WHERE {
            ?f prov:wasDerivedFrom $article ; a pbo:AwardDecision ;
               pbo:awardStatus/skos:notation ?status ; pbo:awardKind/skos:prefLabel ?kind .
            FILTER (LANG(?kind) = "vi")
            OPTIONAL { ?f pbo:recipient/rdfs:label ?recipient . FILTER (LANG(?recipient) = "vi") }
            OPTIONAL { ?f pbo:collectiveCount ?collectives }
            OPTIONAL { ?f pbo:individualCount ?individuals }
        } ORDER BY ?f ?recipient""", article):
        if r["recipient"]:
            recipient = r["recipient"]
        else:
            parts = []
            if r["collectives"]:
                parts.append(f"{r['collectives']} tập thể")
            if r["individuals"]:
                parts.append(f"{r['individuals']} cá nhân")
            recipient = ", ".join(parts)
        gold["awards"].append({"award": r["kind"], "recipient": recipient,
                               "status": r["status"]})

    # events: the article's conferences
    for r in _select(store, """
        SELECT ?c ?kind ?date WHERE {
            ?c prov:wasDerivedFrom $article ; a pbo:Conference ;
               pbo:conferenceKind/skos:notation ?kind .
            OPTIONAL { ?c pbo:date ?date }
        } ORDER BY ?c""", article):
        date = r["date"] if r["date"] and len(r["date"]) == 10 else None
        gold["events"].append({"kind": _KIND_WORDS.get(r["kind"], "other"), "date": date})
    return gold


def seed_gold(quads_or_store) -> dict[str, dict]:
    """Gold per seed file name, from the built graph (its quads, or a store holding them)."""
    store = quads_or_store if isinstance(quads_or_store, ox.Store) else \
        store_from_quads(quads_or_store)
    return {name: gold_for(store, iri, name) for name, iri in seed_articles(store).items()}


def built_quads(p: ProjectPaths) -> list:
    """The built graph's quads (dist/pbkg.nq, rebuilt first when stale)."""
    from pbkg.build import build, is_stale

    if is_stale(p):
        build(p)
    return list(ox.parse(path=str(p.dist / "pbkg.nq"), format=ox.RdfFormat.N_QUADS))


def evaluate_seeds(p: ProjectPaths | None = None, quads=None) -> EvalReport:
    """Extract each seed text of shared/seeds and score it against the curated gold."""
    p = p or paths()
    if not p.seeds.is_dir():
        raise InputError(p.seeds, "the seed texts are not there (the shared folder is absent)")
    gold = seed_gold(quads if quads is not None else built_quads(p))
    pairs = []
    for name, g in gold.items():
        path = p.seeds / f"{name}.txt"
        if not path.is_file():
            raise InputError(path, "a curated seed article's text is missing")
        pairs.append((g, extract(read_article(path))))
    return evaluate_pairs(pairs)


__all__ = ["built_quads", "evaluate_seeds", "gold_for", "seed_articles", "seed_gold"]
