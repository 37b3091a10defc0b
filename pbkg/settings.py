"""Settings, read from the environment (prefix PBKG_) when asked for, never at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import InvalidParameter
from .namespaces import BASE


@dataclass(frozen=True)
class Settings:
    # The base the data is minted under; serving under another host rewrites links to public_base.
    base_iri: str = BASE
    public_base: str | None = None
    # A SPARQL 1.1 query endpoint: when set, queries go there instead of the embedded store.
    sparql_endpoint: str | None = None
    # Bounds on every query through the public endpoint.
    query_timeout: float = 10.0
    result_limit: int = 10_000
    update_token: str | None = None
    # Bounds on a request's text: bytes of a query or update (413 over it) and bracket nesting
    # (400 over it: a parser recursing deeper can exhaust its stack).
    max_query_bytes: int = 1_048_576
    max_query_depth: int = 100
    # Fair scheduling of those queries (pbkg.scheduler): worker processes (None: twice the cores,
    # 4 to 8), queries one client address may run at once (None: half the workers) and have
    # waiting, and the memory one query may allocate, in MB.
    query_workers: int | None = None
    client_queries: int | None = None
    client_queue: int = 64
    query_memory_mb: int = 1024
    # "fast": Rust SHACL Core + SHACL-SPARQL on Oxigraph; "split": pyshacl Core + SPARQL on
    # Oxigraph; "pyshacl" is the slow reference path.
    validation_engine: str = "fast"


def _float(env: Mapping[str, str], key: str, default: float) -> float:
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise InvalidParameter(key, f"expected a number, got {raw!r}") from None
    if value <= 0:
        raise InvalidParameter(key, "must be positive")
    return value


def _int(env: Mapping[str, str], key: str, default: int | None) -> int | None:
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    if not raw.strip().isdigit() or int(raw) < 1:
        raise InvalidParameter(key, f"expected a positive whole number, got {raw!r}")
    return int(raw)


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    engine = env.get("PBKG_VALIDATION_ENGINE", "fast")
    if engine not in ("fast", "split", "pyshacl"):
        raise InvalidParameter("PBKG_VALIDATION_ENGINE", "expected 'fast', 'split' or 'pyshacl'")
    return Settings(
        public_base=env.get("PBKG_PUBLIC_BASE") or None,
        sparql_endpoint=env.get("PBKG_SPARQL_ENDPOINT") or None,
        query_timeout=_float(env, "PBKG_QUERY_TIMEOUT", 10.0),
        result_limit=int(_float(env, "PBKG_RESULT_LIMIT", 10_000)),
        update_token=env.get("PBKG_UPDATE_TOKEN") or None,
        max_query_bytes=int(_float(env, "PBKG_MAX_QUERY_BYTES", 1_048_576)),
        max_query_depth=int(_float(env, "PBKG_MAX_QUERY_DEPTH", 100)),
        query_workers=_int(env, "PBKG_QUERY_WORKERS", None),
        client_queries=_int(env, "PBKG_CLIENT_QUERIES", None),
        client_queue=_int(env, "PBKG_CLIENT_QUEUE", 64) or 64,
        query_memory_mb=_int(env, "PBKG_QUERY_MEMORY", 1024) or 1024,
        validation_engine=engine,
    )
