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


# -- finding 6: newcomer traps -----------------------------------------------------------------

ARTICLE = "xay-dung-dang-2022-12"


def test_validate_unmodified_curated_and_source_files_pass(dist_env, project):
    # Before: the curated file was checked without its article's metadata (data/sources/KEY.ttl)
    # and failed with 44 "must name the article it comes from" violations.
    for path in (project.curated / f"{ARTICLE}.ttl", project.sources / f"{ARTICLE}.ttl"):
        out = run(["validate", str(path)], dist_env)
        assert out.returncode == 0, out.stdout[-2000:] + out.stderr
        assert "Conforms" in out.stdout


def test_validate_copy_elsewhere_brings_its_metadata_and_still_finds_violations(
        dist_env, project, tmp_path):
    text = (project.curated / f"{ARTICLE}.ttl").read_text(encoding="utf-8")
    good = tmp_path / f"{ARTICLE}.ttl"
    good.write_text(text, encoding="utf-8")
    out = run(["validate", str(good)], dist_env)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr
    bad = tmp_path / "bad" / f"{ARTICLE}.ttl"
    bad.parent.mkdir()
    bad.write_text(text.replace(f"prov:wasDerivedFrom art:{ARTICLE}",
                                "prov:wasDerivedFrom art:no-such-article"), encoding="utf-8")
    out = run(["validate", str(bad)], dist_env)
    assert out.returncode == 1, out.stderr
    assert "no-such-article" in out.stdout and "prov:wasDerivedFrom" in out.stdout


@pytest.mark.parametrize("value,needle", [
    ("nope", "no cluster matches 'nope'"),
    ("to-chuc-xay-dung-dang-cum-99", "close matches: to-chuc-xay-dung-dang-cum-"),
    ("https://w3id.org/pbkg/id/cluster/nope", "no cluster matches"),
    ("cum", "matches several clusters"),
])
def test_query_iri_parameter_matching_no_node_is_an_error(dist_env, value, needle):
    # Before: "(0 rows)" and exit 0.
    out = run(["query", "cluster-chairs", "-p", f"cluster={value}"], dist_env)
    assert_clean_error(out, needle)
    assert "0 rows" not in out.stdout


def test_query_and_viz_resolve_a_cluster_the_same_way(dist_env, store):
    import csv
    import io

    from pbkg.network.projection import full_projection, resolve_cluster

    wanted = resolve_cluster(full_projection(store), "cum-5")
    assert wanted.endswith("/cluster/to-chuc-xay-dung-dang-cum-5")
    for value in ("cum-5", "Cụm thi đua số 5", wanted):
        out = run(["query", "cluster-chairs", "-p", f"cluster={value}", "-f", "csv"], dist_env)
        assert out.returncode == 0, out.stderr
        rows = list(csv.DictReader(io.StringIO(out.stdout)))
        assert rows and {r["cluster"] for r in rows} == {wanted}, value


def test_serve_without_the_api_extra_names_the_install_command(dist_env):
    code = ("import sys; sys.modules['fastapi'] = None; from pbkg.cli import main; "
            "sys.exit(main(['serve', '--port', '0']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, **dist_env), timeout=120)
    assert_clean_error(out, "pip install -e '.[api]'", code=3)


def test_unwritable_outputs_are_clear_errors(dist_env, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    cases = [
        (["viz", "--cluster", "cum-5", "-o", str(blocker / "x.svg")], dist_env),
        (["export", "-f", "turtle", "-o", str(blocker / "x.ttl")], dist_env),
        (["network", "export", "-f", "gexf", "-o", str(blocker / "x.gexf")], dist_env),
        (["query", "cluster-chairs"], {"PBKG_DIST": str(blocker / "dist")}),
        (["build"], {"PBKG_DIST": str(blocker)}),
    ]
    for args, env in cases:
        out = run(args, env)
        assert_clean_error(out, str(blocker))
        assert "cannot write" in out.stderr, (args, out.stderr)
    out = run(["build"], {"PBKG_DIST": str(blocker / "dist")})
    assert "PBKG_DIST" in out.stderr


@pytest.mark.parametrize("port", ["99999", "-1", "eighty"])
def test_serve_port_out_of_range_is_refused(port):
    out = run(["serve", "--port", port])
    assert_clean_error(out, "expected a port number from 0 to 65535")


def test_serve_on_a_taken_port_fails_at_once_with_exit_code_3(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # An empty build folder: the port is checked before any build starts.
        out = run(["serve", "--port", str(port)], {"PBKG_DIST": str(tmp_path / "dist")},
                  timeout=60)
    assert_clean_error(out, f"port {port} on 127.0.0.1 is already in use", code=3)
    assert "startup complete" not in out.stderr and "building" not in out.stderr
    assert not (tmp_path / "dist").exists()


def test_serve_port_zero_logs_the_port_it_bound(dist_env, tmp_path):
    import re
    import time
    import urllib.request

    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen([sys.executable, "-m", "pbkg.cli", "serve", "--port", "0"],
                                   stdout=sink, stderr=subprocess.STDOUT,
                                   env=dict(os.environ, **dist_env))
    try:
        deadline = time.monotonic() + 60
        found = None
        while found is None and time.monotonic() < deadline and process.poll() is None:
            found = re.search(r"on http://127\.0\.0\.1:(\d+)/sparql", log.read_text())
            time.sleep(0.2)
        assert found, log.read_text()
        port = int(found.group(1))
        assert port != 0
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/queries",
                                            timeout=2) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)


# -- item 4: version --------------------------------------------------------------------------

def test_version():
    from pbkg import __version__

    out = run(["--version"])
    assert out.returncode == 0 and out.stdout.strip() == f"pbkg {__version__}"


# -- item 4: progress on long steps -----------------------------------------------------------

def test_progress_lines_name_each_step_and_quiet_turns_them_off(dist_env, project):
    target = str(project.curated / f"{ARTICLE}.ttl")
    every_step = dict(dist_env, PBKG_PROGRESS_AFTER="0")  # report every step, however short
    out = run(["validate", target], every_step)
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    assert "pbkg: reading the files…" in lines and "pbkg: validating with SHACL…" in lines
    assert any(line.startswith("pbkg: validating with SHACL: done in ") for line in lines)
    assert "Conforms" in out.stdout and "…" not in out.stdout  # stdout stays the result only
    for args in (["--quiet", "validate", target], ["validate", target, "--quiet"]):
        out = run(args, every_step)
        assert out.returncode == 0 and out.stderr == "", out.stderr


def test_short_steps_print_no_progress(dist_env):
    out = run(["query", "cluster-chairs", "-p", "year=2021", "-f", "csv"], dist_env)
    assert out.returncode == 0 and "…" not in out.stderr, out.stderr
