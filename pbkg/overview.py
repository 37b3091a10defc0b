"""The site's whole-graph answers as the build writes them into its version directory
(``overview.json``, listed in the manifest) and a server reads them: the home page's counts,
fact count, latest sources and clusters, the /api/clusters list and the leadership overview.

Computing them costs minutes at 10^7 triples (every role, every cluster, every article), and
they do not depend on the request; the build computes them once (pbkg.overview_build). A store
without the file (a remote endpoint, an older build, a store changed by an update) has them
computed by the queries, as before (pbkg.site).

The answers are normalized: rows name IRIs, and the names and article titles they need are
given once each (``names``, ``articles``), so that a row costs a few hundred bytes. They are
written as two files, each with the names it needs: ``overview.json`` (counts, sources, the
cluster list: kilobytes to a few megabytes) and ``leadership.json`` (every role: 130 MB at 10^7
triples), so that the home page and /api/clusters never read the leadership table.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

OVERVIEW = "overview.json"
LEADERSHIP = "leadership.json"
# Raised when the files' layout changes: a server then computes instead of misreading them.
FORMAT = 2
PARTS = ("home", "leadership")
_ATTR = "_pbkg_overview_"  # + part
_BY_IRI = "_pbkg_overview_clusters"
_LOCK = threading.Lock()
_ABSENT = object()


def dumps(data: dict[str, Any]) -> bytes:
    """The file's bytes: sorted keys, no spaces, no timestamps (two builds of the same inputs
    write the same bytes, whichever path they took)."""
    return json.dumps({"format": FORMAT, **data}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8") + b"\n"


def split(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The answers as the two files hold them: each part with the names and titles it needs."""
    home = {k: data[k] for k in ("id_base", "counts", "facts", "sources", "clusters")}
    lead = {"id_base": data["id_base"], "leadership": data["leadership"]}
    named = {"home": {c["iri"] for c in data["clusters"]}
             | {s["publisher"] for s in data["sources"] if s["publisher"]},
             "leadership": {r[k] for r in data["leadership"] for k in ("cluster", "unit", "person")
                            if r[k]}}
    cited = {"home": {s["iri"] for s in data["sources"]},
             "leadership": {r["source"] for r in data["leadership"] if r["source"]}}
    out = {"home": home, "leadership": lead}
    for part, body in out.items():
        body["names"] = {i: n for i, n in data["names"].items() if i in named[part]}
        body["articles"] = {i: a for i, a in data["articles"].items() if i in cited[part]}
    return out


def part_path(path: Path, part: str) -> Path:
    """The file of one part, beside ``path`` (overview.json)."""
    return path if part == "home" else path.with_name(LEADERSHIP)


def write_overview(path: Path, data: dict[str, Any]) -> None:
    """Both files: ``path`` (overview.json) and leadership.json beside it."""
    for part, body in split(data).items():
        part_path(path, part).write_bytes(dumps(body))


def read_part(path: Path | None, id_base: str) -> dict[str, Any] | None:
    """One file's answers; None when it is absent, unreadable, of another layout or made for
    another id base (the names then differ)."""
    if path is None:
        return None
    try:
        data = json.loads(Path(path).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT \
            or data.get("id_base") != id_base:
        return None
    return data


def read_overview(path: Path | None, id_base: str) -> dict[str, Any] | None:
    """All the answers (both files, as the build computed them), or None when either is not
    readable (see read_part)."""
    if path is None:
        return None
    home, lead = (read_part(part_path(Path(path), part), id_base) for part in PARTS)
    if home is None or lead is None:
        return None
    out = {**home, "leadership": lead["leadership"]}
    out["names"] = dict(sorted({**home["names"], **lead["names"]}.items()))
    out["articles"] = dict(sorted({**home["articles"], **lead["articles"]}.items()))
    del out["format"]
    return out


def overview_for(store: Any, id_base: str, part: str = "home") -> dict[str, Any] | None:
    """One part of the build's answers for this store (each read once per store, when first
    asked), or None: only the build's read-only store has them (``overview_path``, set by
    EmbeddedStore.from_dist)."""
    attr = _ATTR + part
    found = getattr(store, attr, _ABSENT)
    if found is _ABSENT:
        with _LOCK:
            found = getattr(store, attr, _ABSENT)
            if found is _ABSENT:
                path = getattr(store, "overview_path", None)
                found = read_part(part_path(path, part) if path else None, id_base)
                setattr(store, attr, found)
    return found  # type: ignore[return-value]


def forget(store: Any) -> None:
    """Drop what was read (the store changed: its answers are asked again)."""
    for part in PARTS:
        store.__dict__.pop(_ATTR + part, None)
    store.__dict__.pop(_BY_IRI, None)


def built_cluster(store: Any, id_base: str, iri: str) -> dict[str, Any] | None:
    """A cluster's entry in the build's cluster list (what its page heads with, without the
    query over its facts' years), or None without the build's answers."""
    data = overview_for(store, id_base)
    if data is None:
        return None
    by_iri = getattr(store, _BY_IRI, None)
    if by_iri is None:
        by_iri = {}
        for c in data["clusters"]:
            by_iri.setdefault(c["iri"], c)
        setattr(store, _BY_IRI, by_iri)
    return by_iri.get(iri)
