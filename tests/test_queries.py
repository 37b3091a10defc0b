"""Golden results for the named queries: tests/cases/queries/NAME[.VARIANT].json.

Rows are compared as sets over the listed columns; IRIs under the project's base are written
without it ("cluster/..."), unbound values as "".
"""

import json
from pathlib import Path

import pytest

from pbkg.catalog import load_catalog
from pbkg.namespaces import ID

CASES = sorted((Path(__file__).parent / "cases" / "queries").glob("*.json"))


def _value(row: dict, column: str) -> str:
    if column not in row:
        return ""
    value = row[column]["value"]
    return value[len(str(ID)):] if value.startswith(str(ID)) else value


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_named_query_golden_result(case: Path, project, store):
    spec = json.loads(case.read_text(encoding="utf-8"))
    query = load_catalog(project.queries)[case.stem.split(".")[0]]
    result = store.query(query.render(spec["params"]))
    got = [tuple(_value(r, c) for c in spec["columns"]) for r in result.rows]
    expected = [tuple(r) for r in spec["rows"]]
    assert sorted(set(got)) == sorted(set(expected))
    assert len(got) == len(set(got)), "duplicate rows"


def test_every_named_query_has_a_case(project):
    names = {c.stem.split(".")[0] for c in CASES}
    assert set(load_catalog(project.queries)) <= names
