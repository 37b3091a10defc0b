"""`pbkg ingest`: an article into data/extracted/KEY.ttl of a copy of the project, a build that
passes and carries the article's graph with its extraction marks, a curated file that overrides
the extracted facts of the same article, and malformed inputs that fail cleanly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_extract_rdf import ARTICLE  # tests/ is on sys.path under pytest

from pbkg.build import build
from pbkg.errors import InputError
from pbkg.ingest import REVIEW_LINE, drop_overridden, ingest

ID = "https://w3id.org/pbkg/id/"
PBO = "https://w3id.org/pbkg/ontology#"
KEY = "test-cum-7-2023"


def _store(dist: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(dist / "pbkg.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def _rows(store: ox.Store, query: str) -> list[dict[str, str]]:
    result = store.query("PREFIX pbo: <https://w3id.org/pbkg/ontology#> "
                         "PREFIX org: <http://www.w3.org/ns/org#> " + query)
    names = [v.value for v in result.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]


def test_ingest_writes_a_reviewable_file_and_the_build_includes_it(copy, tmp_path):
    result = ingest(tmp_path / "cum-7.txt", KEY, copy)
    path = copy.extracted / f"{KEY}.ttl"
    assert result.path == path and result.facts >= 10 and result.minted >= 1
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Machine-extracted by `pbkg ingest`")
    assert "MUST BE REVIEWED" in text and "@prefix pbo:" in text
    assert "\nf:x-role-2024-chair-ban-to-chuc-tinh-uy-ben-tre a pbo:ClusterRoleAssignment ;" in text
    ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)

    built = build(copy, out_dir=tmp_path / "dist")
    graph = f"https://w3id.org/pbkg/graph/extracted/{KEY}"
    manifest = json.loads((built.out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert graph in manifest["graphs"]
    store = _store(built.out_dir)
    facts = _rows(store, f"""SELECT ?f ?m WHERE {{ GRAPH <{graph}> {{
        ?f pbo:extractionMethod ?m ; pbo:evidenceStart ?s ; pbo:extractionConfidence ?c }} }}""")
    assert len(facts) >= 10 and {r["m"] for r in facts} == {"pbkg-rules/0.1"}
    chairs = _rows(store, f"""SELECT ?unit ?year WHERE {{ GRAPH <{graph}> {{
        ?f a pbo:ClusterRoleAssignment ; org:member ?unit ; pbo:year ?year ;
           org:organization <{ID}cluster/to-chuc-xay-dung-dang-cum-7> }} }}""")
    assert {(r["unit"].rsplit("/", 1)[-1], r["year"]) for r in chairs} == {
        ("ban-to-chuc-tinh-uy-tay-ninh", "2023"),
        ("ban-to-chuc-tinh-uy-ben-tre", "2024")}


CURATED_SOURCE = """@prefix schema: <https://schema.org/> .
@prefix art: <https://w3id.org/pbkg/id/article/> .
@prefix o: <https://w3id.org/pbkg/id/org/> .
art:{key} a schema:NewsArticle ;
    schema:headline "Tổng kết Cụm thi đua số 7 (curated headline)"@vi ;
    schema:publisher o:bao-tay-ninh .
"""
CURATED_FACTS = """@prefix pbo: <https://w3id.org/pbkg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix art: <https://w3id.org/pbkg/id/article/> .
@prefix cl: <https://w3id.org/pbkg/id/cluster/> .
@prefix o: <https://w3id.org/pbkg/id/org/> .
@prefix role: <https://w3id.org/pbkg/id/concept/cluster-role/> .
@prefix f: <https://w3id.org/pbkg/id/fact/{key}/> .
f:role-2024-chair a pbo:ClusterRoleAssignment ;
    org:member o:ban-to-chuc-tinh-uy-ben-tre ; org:organization cl:to-chuc-xay-dung-dang-cum-7 ;
    org:role role:chair ; pbo:year "2024"^^xsd:gYear ;
    prov:wasDerivedFrom art:{key} ;
    pbo:evidence "bầu Ban Tổ chức Tỉnh ủy Bến Tre làm Cụm trưởng năm 2024"@vi .
f:member-2024-ben-tre a pbo:ClusterMembership ;
    org:member o:ban-to-chuc-tinh-uy-ben-tre ; org:organization cl:to-chuc-xay-dung-dang-cum-7 ;
    pbo:year "2024"^^xsd:gYear ;
    prov:wasDerivedFrom art:{key} ;
    pbo:evidence "bầu Ban Tổ chức Tỉnh ủy Bến Tre làm Cụm trưởng năm 2024"@vi .
"""


def test_a_curated_file_of_the_same_article_overrides_the_extracted_facts(copy, tmp_path):
    ingest(tmp_path / "cum-7.txt", KEY, copy)
    (copy.sources / f"{KEY}.ttl").write_text(CURATED_SOURCE.format(key=KEY), encoding="utf-8")
    (copy.curated / f"{KEY}.ttl").write_text(CURATED_FACTS.format(key=KEY), encoding="utf-8")
    built = build(copy, out_dir=tmp_path / "dist")  # passes: no second headline, no duplicates
    store = _store(built.out_dir)
    roles = _rows(store, f"""SELECT ?f ?g ?m WHERE {{ GRAPH ?g {{
        ?f a pbo:ClusterRoleAssignment ; org:member <{ID}org/ban-to-chuc-tinh-uy-ben-tre> ;
           pbo:year "2024"^^<http://www.w3.org/2001/XMLSchema#gYear> .
        OPTIONAL {{ ?f pbo:extractionMethod ?m }} }} }}""")
    assert roles == [{"f": f"{ID}fact/{KEY}/role-2024-chair",
                      "g": f"https://w3id.org/pbkg/graph/article/{KEY}", "m": None}]
    members = _rows(store, f"""SELECT ?f WHERE {{ GRAPH ?g {{ ?f a pbo:ClusterMembership ;
        org:member <{ID}org/ban-to-chuc-tinh-uy-ben-tre> ;
        pbo:year "2024"^^<http://www.w3.org/2001/XMLSchema#gYear> }} }}""")
    assert len(members) == 1
    headlines = _rows(store, f"""SELECT ?h WHERE {{ GRAPH ?g {{ <{ID}article/{KEY}>
        <https://schema.org/headline> ?h }} }}""")
    assert [r["h"] for r in headlines] == ["Tổng kết Cụm thi đua số 7 (curated headline)"]
    # what the curator did not state stays, marked as extracted
    rest = _rows(store, f"""SELECT ?f WHERE {{ GRAPH <https://w3id.org/pbkg/graph/extracted/{KEY}>
        {{ ?f a pbo:ClusterRoleAssignment ; pbo:extractionMethod ?m }} }}""")
    assert len(rest) == 1


def test_drop_overridden_redirects_what_pointed_to_a_dropped_fact():
    g = ox.NamedNode("https://w3id.org/pbkg/graph/extracted/k")
    c = ox.NamedNode("https://w3id.org/pbkg/graph/article/k")
    t = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    def n(x):
        return ox.NamedNode(x if x.startswith("http") else ID + x)
    role, member, year = (n(PBO + "ClusterRoleAssignment"), n("http://www.w3.org/ns/org#member"),
                          n(PBO + "year"))
    y = ox.Literal("2024", datatype=n("http://www.w3.org/2001/XMLSchema#gYear"))
    extracted = [ox.Quad(n("fact/k/x-a"), t, role, g),
                 ox.Quad(n("fact/k/x-a"), member, n("org/u"), g),
                 ox.Quad(n("fact/k/x-a"), year, y, g),
                 ox.Quad(n("fact/k/x-b"), n(PBO + "inferredFrom"), n("fact/k/x-a"), g)]
    curated = [ox.Quad(n("fact/k/a"), t, role, c), ox.Quad(n("fact/k/a"), member, n("org/u"), c),
               ox.Quad(n("fact/k/a"), year, y, c)]
    kept = drop_overridden(extracted, curated)
    assert kept == [ox.Quad(n("fact/k/x-b"), n(PBO + "inferredFrom"), n("fact/k/a"), g)]
    # a different year is another fact: nothing dropped
    other = [ox.Quad(q.subject, q.predicate, ox.Literal("2023", datatype=y.datatype)
                     if q.predicate == year else q.object, q.graph_name) for q in curated]
    assert drop_overridden(extracted, other) == extracted


def test_drop_overridden_keeps_a_period_the_curated_file_also_states():
    # Every file naming a span writes its node, and queries read its days from the fact's own
    # graph: the extracted file keeps it even when the curated one states it too.
    g = ox.NamedNode("https://w3id.org/pbkg/graph/extracted/k")
    c = ox.NamedNode("https://w3id.org/pbkg/graph/article/k")
    t = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    period, cls = ox.NamedNode(ID + "period/2016-2020"), ox.NamedNode(PBO + "Period")
    start = ox.NamedNode(PBO + "validFrom")
    day = ox.Literal("2016-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    unit = ox.NamedNode(ID + "org/u")
    extracted = [ox.Quad(period, t, cls, g), ox.Quad(period, start, day, g),
                 ox.Quad(unit, t, ox.NamedNode(PBO + "Unit"), g)]
    curated = [ox.Quad(period, t, cls, c), ox.Quad(period, start, day, c),
               ox.Quad(unit, t, ox.NamedNode(PBO + "Unit"), c)]
    assert drop_overridden(extracted, curated) == extracted[:2]


def _run(args, home: Path):
    env = dict(os.environ, PBKG_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "pbkg.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


@pytest.mark.parametrize("name,content,needle", [
    ("binary.txt", b"\x00\x01\x02binary\x00" * 100, "binary data"),
    ("utf16.txt", "Cụm thi đua số 5 tổng kết".encode("utf-16"), "UTF-16"),
    ("empty.txt", b"", "empty"),
    ("big.txt", b"a" * (10 * 1024 * 1024 + 1), "refused"),
    ("latin.txt", "Cụm thi đua".encode()[:3] + b"\xff\xfe\x80 text", "not valid UTF-8"),
])
def test_malformed_input_fails_with_a_clear_message(copy, tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_bytes(content)
    out = _run(["ingest", str(path), "--key", "bad-input"], copy.root)
    assert out.returncode == 2, out.stdout
    assert needle in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert not (copy.extracted / "bad-input.ttl").exists()
    with pytest.raises(InputError):
        ingest(path, "bad-input", copy)


def test_extract_of_an_empty_file_is_an_empty_result(copy, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    out = _run(["extract", str(path)], copy.root)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert all(result[k] == [] for k in ("clusters", "roles", "awards", "officials",
                                         "documents", "events"))
    out = _run(["extract", str(path), "--format", "trig", "--key", "empty"], copy.root)
    assert out.returncode == 0, out.stderr
    ox.parse(out.stdout.encode(), format=ox.RdfFormat.TRIG)


def test_a_bad_key_is_refused(copy, tmp_path):
    out = _run(["ingest", str(tmp_path / "cum-7.txt"), "--key", "Bad Key!"], copy.root)
    assert out.returncode == 2 and "ASCII slug" in out.stderr and "Traceback" not in out.stderr


def test_cli_ingest_of_a_development_article_builds(copy, shared_dir, tmp_path):
    article = shared_dir / "corpus" / "dev" / "articles" / "08.txt"
    if not article.is_file():
        pytest.skip(f"the development articles are absent ({article})")
    out = _run(["ingest", str(article), "--key", "dev-08-test"], copy.root)
    assert out.returncode == 0, out.stderr
    assert "wrote" in out.stdout and (copy.extracted / "dev-08-test.ttl").is_file()
    built = build(copy, out_dir=tmp_path / "dist")
    assert "https://w3id.org/pbkg/graph/extracted/dev-08-test" in json.loads(
        (built.out_dir / "manifest.json").read_text(encoding="utf-8"))["graphs"]


def test_the_reviewed_files_say_so(project):
    files = sorted(project.extracted.glob("*.ttl"))
    if not files:
        pytest.skip("no extracted files in this checkout")
    for f in files:
        head = f.read_text(encoding="utf-8").split("@prefix", 1)[0]
        assert f"# {REVIEW_LINE}" in head, f.name


# -- an article already in the graph ---------------------------------------------------------


def _memberships(dist: Path) -> int:
    rows = _rows(_store(dist), """SELECT (COUNT(?f) AS ?n) WHERE { GRAPH ?g {
        ?f a pbo:ClusterMembership ; org:member <https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-ben-tre> } }""")
    return int(rows[0]["n"])


def test_the_same_article_under_a_second_key_is_refused(copy, tmp_path):
    ingest(tmp_path / "cum-7.txt", KEY, copy)
    once = _memberships(build(copy, out_dir=tmp_path / "dist1").out_dir)
    assert once >= 1
    with pytest.raises(InputError, match=f"already in the graph: '{KEY}' \\(same URL"):
        ingest(tmp_path / "cum-7.txt", "second-key", copy)
    # same text, other URL, other Unicode form, spacing and invisible characters
    import unicodedata
    body = ARTICLE.split("---", 1)[1]
    twin = tmp_path / "twin.txt"
    twin.write_text("url: https://example.org/elsewhere\ntitle: t\n---\n"
                    + unicodedata.normalize("NFD", body).replace(" ", "  \u200b"),
                    encoding="utf-8")
    with pytest.raises(InputError, match="same text"):
        ingest(twin, "third-key", copy)
    # the same key again is also refused without --replace
    with pytest.raises(InputError, match="--replace"):
        ingest(tmp_path / "cum-7.txt", KEY, copy)
    assert sorted(f.stem for f in copy.extracted.glob("*.ttl")) == [KEY]
    assert _memberships(build(copy, out_dir=tmp_path / "dist2").out_dir) == once


def test_replace_moves_the_article_to_the_new_key(copy, tmp_path):
    ingest(tmp_path / "cum-7.txt", KEY, copy)
    out = _run(["ingest", str(tmp_path / "cum-7.txt"), "--key", "second-key"], copy.root)
    assert out.returncode == 2 and "already in the graph" in out.stderr
    assert "Traceback" not in out.stderr
    out = _run(["ingest", str(tmp_path / "cum-7.txt"), "--key", "second-key", "--replace"],
               copy.root)
    assert out.returncode == 0, out.stderr
    assert sorted(f.stem for f in copy.extracted.glob("*.ttl")) == ["second-key"]
    head = (copy.extracted / "second-key.ttl").read_text(encoding="utf-8").split("@prefix")[0]
    assert "# text fingerprint: sha256:" in head
    built = build(copy, out_dir=tmp_path / "dist")
    assert _memberships(built.out_dir) >= 1


def test_a_curated_article_is_not_replaced_from_another_key(copy, tmp_path):
    (copy.sources / "curated-cum-7.ttl").write_text(
        CURATED_SOURCE.format(key="curated-cum-7").replace(
            "schema:publisher o:bao-tay-ninh .",
            "schema:publisher o:bao-tay-ninh ;\n    schema:url "
            "\"http://www.baotayninh.vn/cum-thi-dua-so-7-tong-ket-nam-2023-a1.html/\" ."),
        encoding="utf-8")
    for replace in (False, True):
        with pytest.raises(InputError, match="--key curated-cum-7"):
            ingest(tmp_path / "cum-7.txt", KEY, copy, replace=replace)
    assert not (copy.extracted / f"{KEY}.ttl").exists()
    # under the curated article's own key it goes beside the curated facts
    ingest(tmp_path / "cum-7.txt", "curated-cum-7", copy, replace=True)
    assert (copy.extracted / "curated-cum-7.ttl").is_file()


def test_a_key_holding_another_article_is_not_overwritten(copy, tmp_path):
    ingest(tmp_path / "cum-7.txt", KEY, copy)
    other = tmp_path / "other.txt"
    other.write_text("url: https://example.org/other\n---\nChiều 9-12, Cụm thi đua số 3 gồm "
                     "Báo Yên Bái, Báo Lào Cai và Báo Hà Giang tổng kết năm 2023.\n",
                     encoding="utf-8")
    with pytest.raises(InputError, match="another article"):
        ingest(other, KEY, copy)
