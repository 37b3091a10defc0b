"""Property-based tests of the whole HTTP API from its own OpenAPI description (schemathesis,
in-process over ASGI). For every operation: the documented parameter examples, then generated
valid and invalid requests, judged by every check schemathesis has (`--checks all`): no server
error; status codes, content types, headers and bodies as documented; invalid requests refused
and valid ones accepted (MAY_REFUSE_VALID lists what a schema cannot express). Bounded per
operation (about a minute in all)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.checks import CHECKS, load_all_checks  # noqa: E402
from schemathesis.generation.modes import GenerationMode  # noqa: E402

from api.app import create_app  # noqa: E402
from pbkg.paths import ProjectPaths, paths  # noqa: E402
from pbkg.settings import Settings  # noqa: E402

load_all_checks()
ALL_CHECKS = CHECKS.get_all()
POSITIVE_EXAMPLES = 30
NEGATIVE_EXAMPLES = 15
_METHODS = ("get", "post", "put", "patch", "delete")


def _spec() -> dict:
    # The description does not depend on the data: an app without a store is enough to read it.
    return create_app(settings=Settings(), project=paths()).openapi()


SPEC = _spec()
OPERATIONS = sorted((path, method) for path, item in SPEC["paths"].items()
                    for method in item if method in _METHODS)


@pytest.fixture(scope="module")
def fuzz_app(store, built_dist, project: ProjectPaths):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PBKG_DIST", str(built_dist))
        yield create_app(settings=Settings(), store=store, project=project)


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


def _examples(path: str, method: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The first documented example of each parameter, or None if a path one has none."""
    path_params: dict[str, Any] = {}
    query: dict[str, Any] = {}
    for param in SPEC["paths"][path][method].get("parameters", []):
        examples = param.get("examples") or param.get("schema", {}).get("examples") or []
        if isinstance(examples, dict):
            examples = [e.get("value") for e in examples.values()]
        if not examples:
            if param["in"] == "path":
                return None
            continue
        (path_params if param["in"] == "path" else query)[param["name"]] = examples[0]
    return path_params, query


# Schema-valid requests that may still be refused, per operation, and why: what JSON Schema
# cannot say. Every other operation must accept every schema-valid request (2xx, or 404 for
# an unknown id, 403 a refused update). Each status here is still checked to be documented and problem+json.
MAY_REFUSE_VALID = {
    # The SPARQL text and graph IRIs are a language, not a pattern: a malformed query is a 400;
    # a format that cannot carry the query's result (turtle for a SELECT) is a 406.
    ("/sparql", "GET"): {400, 406},
    ("/sparql", "POST"): {400, 406},
    # Cluster names and node types are matched against the data, and from <= to relates two
    # parameters: 422 with the parameter named.
    ("/api/graph", "GET"): {422},
    ("/api/graph/export", "GET"): {422},
    ("/api/graph/timeline", "GET"): {422},
}
POSITIVE_OK = {401, 403, 404}  # as schemathesis allows for valid data


def _check(case, failures: list[str]) -> None:
    response = case.call()
    refusable = MAY_REFUSE_VALID.get((case.path, case.method.upper()))
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    if refusable is not None and positive and response.status_code >= 400:
        if response.status_code not in refusable | POSITIVE_OK:
            failures.append(f"{case.method} {case.formatted_path} {case.query}: valid request "
                            f"refused with {response.status_code} {response.text[:300]}")
        checks = [c for c in ALL_CHECKS if c.__name__ != "positive_data_acceptance"]
    else:
        checks = ALL_CHECKS
    if response.status_code >= 500:
        failures.append(f"{case.method} {case.formatted_path} {case.query}: "
                        f"{response.status_code} {response.text[:300]}")
        return
    try:
        # Every check schemathesis has (`--checks all`): status codes, content types, headers
        # and bodies as documented, invalid data refused, valid data accepted...
        case.validate_response(response, checks=checks)
    except BaseException as exc:  # schemathesis raises a group of failures
        failures.append(f"{case.method} {case.formatted_path} {case.query}: {exc}"[:800])


def _fuzz(operation, mode: GenerationMode, n: int, failures: list[str]) -> None:
    @settings(max_examples=n, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case) -> None:
        _check(case, failures)

    try:
        run()
    except Unsatisfiable:
        # No invalid request exists for an operation without parameters.
        assert mode is GenerationMode.NEGATIVE


@pytest.mark.parametrize("path,method", OPERATIONS, ids=[f"{m.upper()} {p}" for p, m in OPERATIONS])
def test_no_server_error(api_schema, path: str, method: str):
    operation = api_schema[path][method.upper()]
    failures: list[str] = []
    examples = _examples(path, method)
    if examples is not None:
        path_params, query = examples
        _check(operation.Case(path_parameters=path_params or None, query=query or None), failures)
    _fuzz(operation, GenerationMode.POSITIVE, POSITIVE_EXAMPLES, failures)
    _fuzz(operation, GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES, failures)
    assert not failures, "\n".join(sorted(set(failures))[:10])


def test_every_named_query_is_an_operation_with_its_parameters(project):
    from pbkg.catalog import load_catalog

    for name, query in load_catalog(project.queries).items():
        operation = SPEC["paths"][f"/api/queries/{name}"]["get"]
        documented = {p["name"]: p for p in operation["parameters"]}
        assert set(documented) == {"format"} | {p.name for p in query.params}, name
        for param in query.params:
            assert documented[param.name]["schema"] == param.schema()
    chairs = SPEC["paths"]["/api/queries/cluster-chairs"]["get"]["parameters"]
    assert {p["name"] for p in chairs} >= {"cluster", "year"}


def test_every_lookup_operation_is_fuzzed():
    lookups = {p for p, _ in OPERATIONS if p.startswith("/api/") and "queries" not in p}
    assert {"/api/clusters", "/api/clusters/{cluster_id}", "/api/search", "/api/awards",
            "/api/provinces/{province_id}"} <= lookups
    assert ("/id/{path}", "get") in OPERATIONS and ("/.well-known/void", "get") in OPERATIONS
