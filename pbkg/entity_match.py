"""What a user typed for an entity (a cluster, a person, a document...) -> the node's IRI.

One resolver for the command line's named-query parameters and for `pbkg viz --cluster`, so
both accept the same things: the IRI, its slug (to-chuc-xay-dung-dang-cum-5), an IRI of the same
kind under another base (a public host), a unique end of a slug (cum-5), a unique part of a slug,
or words of a label with or without diacritics ("Cụm 5", "lang son"). Anything else, or an
ambiguous text, is an InvalidParameter that lists the closest candidates.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from pathlib import Path

from .catalog import NamedQuery
from .errors import InvalidParameter
from .store import Store
from .text import fold

MAX_SUGGESTIONS = 5
_PLURALS = {"person": "people", "org": "organizations"}


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def match_entity(text: str, candidates: Mapping[str, Iterable[str]], *, param: str,
                 kind: str) -> str:
    """The IRI among `candidates` (IRI -> labels) that `text` names, or InvalidParameter."""
    text = text.strip()
    if not text:
        raise InvalidParameter(param, f"a {kind} is required")
    if text in candidates:
        return text
    slugs = {_slug(iri): iri for iri in candidates}
    if text in slugs:
        return slugs[text]
    if "/" in text:  # an IRI under another base (a public one): its kind and slug decide
        if f"/{kind}/" in text and _slug(text) in slugs:
            return slugs[_slug(text)]
        raise _unknown(text, slugs, param, kind)
    for rule in (lambda s: s.endswith("-" + text), lambda s: text in s):
        hits = sorted(s for s in slugs if rule(s))
        if len(hits) == 1:
            return slugs[hits[0]]
        if hits:
            raise _ambiguous(text, hits, param, kind)
    words = fold(text).replace("-", " ").split()
    hits = []
    for iri, labels in candidates.items():
        hay = " ".join(fold(label) for label in labels).split()
        if words and all(w in hay for w in words):
            hits.append(_slug(iri))
    if len(hits) == 1:
        return slugs[hits[0]]
    if hits:
        raise _ambiguous(text, sorted(hits), param, kind)
    raise _unknown(text, slugs, param, kind)


def _ambiguous(text: str, slugs: list[str], param: str, kind: str) -> InvalidParameter:
    shown = ", ".join(slugs[:MAX_SUGGESTIONS]) + (", ..." if len(slugs) > MAX_SUGGESTIONS else "")
    plural = _PLURALS.get(kind, f"{kind}s")
    return InvalidParameter(param, f"{text!r} matches several {plural}: {shown}; "
                                   "give the whole slug")


def _unknown(text: str, slugs: Mapping[str, str], param: str, kind: str) -> InvalidParameter:
    if not slugs:
        return InvalidParameter(param, f"no {kind} matches {text!r} (the graph has none)")
    close = difflib.get_close_matches(_slug(text), list(slugs), n=MAX_SUGGESTIONS, cutoff=0.4)
    if not close:
        close = sorted(slugs)[:MAX_SUGGESTIONS]
        hint = f"some are: {', '.join(close)}"
    else:
        hint = f"close matches: {', '.join(close)}"
    return InvalidParameter(param, f"no {kind} matches {text!r}; {hint}")


def kind_of(prefix: str) -> str:
    """The kind an IRI prefix names: https://w3id.org/pbkg/id/cluster/ -> cluster."""
    return prefix.rstrip("/").rsplit("/", 1)[-1] or "node"


def resolve_query_params(query: NamedQuery, values: Mapping[str, str], store: Store,
                         queries_dir: Path, id_base: str) -> dict[str, str]:
    """The named query's parameter values with each IRI parameter (one that has an IRI prefix)
    resolved to a node of the graph under that prefix; other values as given."""
    from .search import index_for

    out = dict(values)
    for name, raw in values.items():
        param = query.param(name)
        if param.type != "iri" or not param.prefix or not raw.strip():
            continue
        index = index_for(store, queries_dir, id_base)
        candidates = {entry.iri: [n.text for n in entry.names]
                      for entry in index.entries_under(param.prefix)
                      if entry.types and not entry.is_fact}
        out[name] = match_entity(raw, candidates, param=name, kind=kind_of(param.prefix))
    return out
