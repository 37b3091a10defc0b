"""The site's whole-graph answers as the build writes them into its version directory
(``overview.json``, listed in the manifest) and a server reads them: the home page's counts,
fact count, latest sources and clusters, the /api/clusters list and the leadership overview.

Computing them costs minutes at 10^7 triples (every role, every cluster, every article), and
they do not depend on the request; the build computes them once (pbkg.overview_build). A store
without the file (a remote endpoint, an older build, a store changed by an update) has them
computed by the queries, as before (pbkg.site).

The file is normalized: rows name IRIs, and the names and article titles they need are given
once each (``names``, ``articles``), so that a row costs a few hundred bytes.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

OVERVIEW = "overview.json"
# Raised when the file's layout changes: a server then computes instead of misreading it.
FORMAT = 1
_ATTR = "_pbkg_overview"
_LOCK = threading.Lock()
_ABSENT = object()


def dumps(data: dict[str, Any]) -> bytes:
    """The file's bytes: sorted keys, no spaces, no timestamps (two builds of the same inputs
    write the same bytes, whichever path they took)."""
    return json.dumps({"format": FORMAT, **data}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8") + b"\n"


def write_overview(path: Path, data: dict[str, Any]) -> None:
    path.write_bytes(dumps(data))


def read_overview(path: Path | None, id_base: str) -> dict[str, Any] | None:
    """The answers in ``path``; None when it is absent, unreadable, of another layout or made
    for another id base (the names then differ)."""
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


def overview_for(store: Any, id_base: str) -> dict[str, Any] | None:
    """The build's answers for this store (read once per store), or None: only the build's
    read-only store has them (``overview_path``, set by EmbeddedStore.from_dist)."""
    found = getattr(store, _ATTR, _ABSENT)
    if found is _ABSENT:
        with _LOCK:
            found = getattr(store, _ATTR, _ABSENT)
            if found is _ABSENT:
                found = read_overview(getattr(store, "overview_path", None), id_base)
                setattr(store, _ATTR, found)
    return found  # type: ignore[return-value]
