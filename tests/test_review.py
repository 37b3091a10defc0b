"""`pbkg review`: candidates with stable ids and spans, decisions kept across extractions,
accepted facts written to data/curated/ marked as reviewed and built; the command-line form;
the page's JSON API (errors are 400s), and the page itself driven in headless Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from web import ARTIFACTS, chromium, served

from pbkg.build import build
from pbkg.errors import InputError, InvalidParameter
from pbkg.ingest import ingest
from pbkg.review import load_decisions, open_session

KEY = "review-cum-7-2023"


def _by_label(session, needle: str):
    return next(c for c in session.candidates if needle in c.label)


def test_candidates_have_spans_and_stable_ids(copy, tmp_path):
    s1 = open_session(tmp_path / "cum-7.txt", KEY, copy)
    s2 = open_session(tmp_path / "cum-7.txt", KEY, copy)
    assert [c.id for c in s1.candidates] == [c.id for c in s2.candidates]
    cats = {c.category for c in s1.candidates}
    assert {"roles", "members", "officials", "documents", "awards"} <= cats
    text = s1.text
    for c in s1.candidates:
        if c.start is not None:
            assert text[c.start : c.end] == c.evidence
    member = _by_label(s1, "Ban Tổ chức Tỉnh uỷ Bến Tre")
    assert text[member.start : member.end] == "Ban Tổ chức Tỉnh uỷ Bến Tre"


def test_decisions_are_kept_and_rejected_facts_stay_out(copy, tmp_path):
    session = open_session(tmp_path / "cum-7.txt", KEY, copy)
    chair = _by_label(session, "chair 2024: Ban Tổ chức Tỉnh ủy Bến Tre")
    award = next(c for c in session.candidates if c.category == "awards")
    session.decide(chair.id, "accept", "Reviewer A")
    session.decide(award.id, "reject", "Reviewer A")
    with pytest.raises(InvalidParameter, match="role"):
        session.decide(chair.id, "correct", "Reviewer A", {"role": "boss"})
    with pytest.raises(InvalidParameter, match="year"):
        session.decide(chair.id, "correct", "Reviewer A", {"year": "năm ngoái"})
    with pytest.raises(InvalidParameter, match="by"):
        session.decide(chair.id, "accept", " ")
    with pytest.raises(InvalidParameter, match="no candidate"):
        session.decide("zzz", "accept", "Reviewer A")
    again = open_session(tmp_path / "cum-7.txt", KEY, copy)  # a new extraction
    assert _by_label(again, "chair 2024").decision == "accept"
    assert next(c for c in again.candidates if c.id == award.id).decision == "reject"
    saved = load_decisions(KEY, copy)
    assert saved[award.id]["by"] == "Reviewer A" and saved[award.id]["at"]
    # ingest of the same article leaves the rejected award out
    result = ingest(tmp_path / "cum-7.txt", KEY, copy)
    assert "AwardDecision" not in result.path.read_text(encoding="utf-8")


def test_accepted_and_corrected_facts_are_written_curated_and_build(copy, tmp_path):
    session = open_session(tmp_path / "cum-7.txt", KEY, copy)
    with pytest.raises(InputError, match="no accepted fact"):
        session.write_curated()
    chair = _by_label(session, "chair 2024: Ban Tổ chức Tỉnh ủy Bến Tre")
    session.decide(chair.id, "correct", "Reviewer B", {"year": "2025"})
    member = _by_label(session, "BTC TU Sóc Trăng")
    session.decide(member.id, "accept", "Reviewer B")
    path = session.write_curated()
    assert path == copy.curated / f"{KEY}.ttl"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Reviewed with `pbkg review` by Reviewer B")
    assert 'dct:contributor "Reviewer B"' in text and "prov:generatedAtTime" in text
    assert "pbo:extractionMethod" not in text
    built = build(copy, out_dir=tmp_path / "dist")
    store = ox.Store()
    store.load(path=str(built.out_dir / "pbkg.nq"), format=ox.RdfFormat.N_QUADS)
    rows = list(store.query(f"""PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX pbo: <https://w3id.org/pbkg/ontology#>
        SELECT ?y WHERE {{ GRAPH <https://w3id.org/pbkg/graph/article/{KEY}> {{
          ?f a pbo:ClusterRoleAssignment ; pbo:year ?y ;
             org:member <https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-ben-tre> }} }}"""))
    assert [r["y"].value for r in rows] == ["2025"]


def _run(args, home: Path):
    env = dict(os.environ, PBKG_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "pbkg.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_cli_review(copy, tmp_path):
    article = str(tmp_path / "cum-7.txt")
    out = _run(["review", article, "--key", KEY, "--format", "json"], copy.root)
    assert out.returncode == 0, out.stderr
    cands = json.loads(out.stdout)["candidates"]
    role = next(c for c in cands if c["category"] == "roles" and "Bến Tre" in c["label"])
    doc = next(c for c in cands if c["category"] == "documents")
    out = _run(["review", article, "--key", KEY, "--accept", role["id"]], copy.root)
    assert out.returncode == 2 and "--by" in out.stderr and "Traceback" not in out.stderr
    out = _run(["review", article, "--key", KEY, "--by", "C", "--accept", role["id"],
                "--reject", doc["id"], "--correct", role["id"], "role=vice-chair", "--write"],
               copy.root)
    assert out.returncode == 0, out.stderr
    assert f"~ {role['id']}" in out.stdout and f"- {doc['id']}" in out.stdout
    assert (copy.curated / f"{KEY}.ttl").is_file()
    bad = _run(["review", article, "--key", KEY, "--by", "C", "--correct", role["id"],
                "year=abc"], copy.root)
    assert bad.returncode == 2 and "year" in bad.stderr and "Traceback" not in bad.stderr


# -- the page ------------------------------------------------------------------------------


def test_review_api_rejects_bad_requests_with_400(copy, tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from api.review import create_review_app

    session = open_session(tmp_path / "cum-7.txt", KEY, copy)
    client = TestClient(create_review_app(session, "D"))
    body = client.get("/api/candidates").json()
    assert body["pending"] == len(session.candidates)
    cid = body["candidates"][0]["id"]
    assert client.post(f"/api/decisions/{cid}", content=b"not json").status_code == 400
    assert client.post(f"/api/decisions/{cid}", json={"decision": "maybe"}).status_code == 400
    assert client.post("/api/decisions/nope", json={"decision": "accept"}).status_code == 400
    assert client.post("/api/write").status_code == 400  # nothing accepted yet
    ok = client.post(f"/api/decisions/{cid}", json={"decision": "accept"})
    assert ok.status_code == 200 and ok.json()["candidate"]["by"] == "D"


def test_review_page_in_chromium(copy, tmp_path):
    from api.review import create_review_app

    session = open_session(tmp_path / "cum-7.txt", KEY, copy)
    with served(create_review_app(session, "Reviewer E")) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{url}/")
        # every candidate with offsets is highlighted, at its offsets
        text = page.inner_text("#text")
        assert text == session.text
        with_spans = [c for c in session.candidates if c.start is not None]
        for c in with_spans:
            pieces = page.eval_on_selector_all(
                f'.hl[data-ids~="{c.id}"]', "els => els.map(e => e.textContent).join('')")
            assert pieces == session.text[c.start : c.end], c.label
        chair = _by_label(session, "chair 2024: Ban Tổ chức Tỉnh ủy Bến Tre")
        award = next(c for c in session.candidates if c.category == "awards")
        page.hover(f"#f-{chair.id}")
        assert page.locator(".hl.active").count() >= 1
        page.click(f"#f-{award.id} .reject")
        page.wait_for_selector(f'#f-{award.id}[data-decision="reject"]')
        page.fill(f"#f-{chair.id} input[name=year]", "2025")
        page.click(f"#f-{chair.id} .correct")
        page.wait_for_selector(f'#f-{chair.id}[data-decision="correct"]')
        page.fill(f"#f-{chair.id} input[name=year]", "later")
        page.click(f"#f-{chair.id} .correct")
        page.wait_for_function("document.getElementById('message').textContent.length > 0")
        assert "year" in page.inner_text("#message")
        page.click("#write")
        page.wait_for_selector("#status[data-written]")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "review-page.png"))
        page.reload()
        assert page.get_attribute(f"#f-{award.id}", "data-decision") == "reject"
        assert errors == []
    decided = load_decisions(KEY, copy)
    assert decided[award.id]["decision"] == "reject" and decided[award.id]["by"] == "Reviewer E"
    assert decided[chair.id]["corrected"]["year"] == 2025
    assert "2025" in (copy.curated / f"{KEY}.ttl").read_text(encoding="utf-8")


def test_a_role_stated_of_a_person_alone_is_named_by_the_person():
    """The extractor gives such a role no unit (none is guessed); its candidate is labelled and
    keyed by the person, so two people's roles of one year stay two candidates."""
    from pbkg.extract import extract
    from pbkg.extract.article import Article
    from pbkg.review import candidates_of

    article = Article("stand-in", "Năm 2022, đồng chí Ôn Văn Lực cụm trưởng cụm thi đua số 3 "
                      "Chủ trì hội nghị ký kết giao ước thi đua. Năm 2022, đồng chí Lý Thị Mai "
                      "cụm trưởng cụm thi đua số 5 Chủ trì hội nghị sơ kết.")
    roles = [c for c in candidates_of(article, extract(article)) if c.category == "roles"]
    assert sorted(c.label for c in roles) == ["chair 2022: Lý Thị Mai", "chair 2022: Ôn Văn Lực"]
    assert len({c.id for c in roles}) == 2 and all(c.fields["unit"] is None for c in roles)
