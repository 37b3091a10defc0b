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


# -- finding 5: no entity expansion ----------------------------------------------------------

RDF_HEAD = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://example.org/">\n')


def billion_laughs(path: Path, levels: int = 10) -> Path:
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, levels)]
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(decls)
                    + "\n]>\n" + RDF_HEAD + '<rdf:Description rdf:about="http://example.org/s">'
                    f"<ex:p>&lol{levels - 1};</ex:p></rdf:Description></rdf:RDF>\n",
                    encoding="utf-8")
    return path


def _limit_memory() -> None:  # in the child: 1.5 GB of address space, 60 s of CPU
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))


def test_validate_billion_laughs_is_refused_without_expanding(dist_env, tmp_path):
    # Before: the parser expanded 10^9 "lol"s (12 GB when measured). The child runs under a
    # 1.5 GB address-space limit, so an expansion fails the test instead of the machine.
    bomb = billion_laughs(tmp_path / "laughs.rdf")
    env = dict(os.environ, **dist_env)
    out = subprocess.run([sys.executable, "-m", "pbkg.cli", "validate", str(bomb)],
                         capture_output=True, text=True, env=env, timeout=300,
                         preexec_fn=_limit_memory)
    assert_clean_error(out, "laughs.rdf, line 4: the entity 'lol1' refers to another entity")


@pytest.mark.parametrize("decl,needle", [
    ('<!ENTITY x SYSTEM "file:///etc/passwd">', "external entity 'x'"),
    ('<!ENTITY % p "a">', "parameter entity '%p;'"),
])
def test_external_and_parameter_entities_are_refused(tmp_path, decl, needle):
    from pbkg.dataset import parse_file
    from pbkg.errors import InputError

    path = tmp_path / "e.rdf"
    path.write_text(f"<?xml version='1.0'?>\n<!DOCTYPE rdf:RDF [ {decl} ]>\n{RDF_HEAD}"
                    "</rdf:RDF>\n", encoding="utf-8")
    with pytest.raises(InputError, match=needle) as info:
        parse_file(path, "https://w3id.org/pbkg/graph/test")
    assert info.value.path == str(path) and info.value.line == 2


def test_flat_expansion_is_bounded(tmp_path):
    from pbkg.dataset import parse_file
    from pbkg.errors import InputError
    from pbkg.xml_entities import MAX_EXPANSION

    path = tmp_path / "wide.rdf"
    value = "x" * 10_000
    refs = "&big;" * (MAX_EXPANSION // len(value) + 1)
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY big "{value}"> ]>\n'
                    f'{RDF_HEAD}<rdf:Description rdf:about="http://example.org/s"><ex:p>{refs}'
                    "</ex:p></rdf:Description></rdf:RDF>\n", encoding="utf-8")
    with pytest.raises(InputError, match="would expand the file by more than"):
        parse_file(path, "https://w3id.org/pbkg/graph/test")


def test_namespace_entities_of_ontology_editors_still_parse(tmp_path):
    from pbkg.dataset import parse_file

    path = tmp_path / "ok.rdf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n'
                    '  <!ENTITY ex "http://example.org/">\n]>\n' + RDF_HEAD
                    + '<rdf:Description rdf:about="&ex;s"><ex:p rdf:resource="&ex;o"/>'
                    "</rdf:Description></rdf:RDF>\n", encoding="utf-8")
    quads = parse_file(path, "https://w3id.org/pbkg/graph/test")
    assert [(q.subject.value, q.object.value) for q in quads] == [
        ("http://example.org/s", "http://example.org/o")]
