"""Issue 11, command line: hostile input gets a clear error and an exit code, never a crash,
a traceback or an unbounded expansion; the newcomer's first commands do what they say."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pbkg.query_limits import MAX_CHAIN, MAX_DEPTH, QueryTooComplex, check_structure

EXIT_ERROR = 2


def run(args, env_extra=None, cwd=None, timeout=300):
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "pbkg.cli", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=timeout)


@pytest.fixture(scope="module")
def dist_env(built_dist: Path):
    return {"PBKG_DIST": str(built_dist)}


def assert_clean_error(out, needle: str, code: int = EXIT_ERROR) -> None:
    assert out.returncode == code, (out.returncode, out.stderr)
    assert needle in out.stderr, out.stderr
    assert "Traceback" not in out.stderr


# -- finding 5: parse depth ------------------------------------------------------------------

def test_sparql_ten_thousand_nested_braces_is_a_clear_error_not_a_crash(dist_env):
    # Before: Oxigraph's parser overflowed the stack (SIGSEGV, return code -11, no message).
    query = "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000
    out = run(["sparql", query], dist_env)
    assert_clean_error(out, f"more than {MAX_DEPTH} levels deep")


def test_sparql_long_operator_chain_is_a_clear_error(dist_env, tmp_path):
    q = tmp_path / "chain.rq"
    q.write_text("ASK { FILTER(" + " || ".join(["true"] * 10_000) + ") }", encoding="utf-8")
    out = run(["sparql", str(q)], dist_env)
    assert_clean_error(out, f"more than {MAX_CHAIN} operators")


def test_depth_check_ignores_strings_iris_and_comments():
    deep = "{" * 5000
    check_structure(f'SELECT * WHERE {{ ?s ?p "{deep}" . ?s <http://x/{"("*0}a> ?o }}'
                    f"  # {deep}\n")
    check_structure(f"ASK {{ ?s ?p '''{deep}''' }}")
    check_structure("SELECT * WHERE " + "{" * MAX_DEPTH + "}" * MAX_DEPTH)
    with pytest.raises(QueryTooComplex):
        check_structure("SELECT * WHERE " + "{" * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1))
    with pytest.raises(QueryTooComplex):
        check_structure("ASK { BIND(" + "STR(" * (MAX_DEPTH) + "1" + ")" * MAX_DEPTH + " AS ?x) }")
