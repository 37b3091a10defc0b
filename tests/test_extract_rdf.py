"""The extractor's facts as RDF (`pbkg extract --format trig`) and entity resolution against
the graph. The article below is written for the test (no shared text needed); the last tests
use the development articles and skip without them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from datetime import date
from decimal import Decimal

import pyoxigraph as ox
import pytest

from pbkg.dataset import SourceFile, assemble, source_files
from pbkg.extract.article import read_article
from pbkg.ingest import extract_article
from pbkg.resolve import Context, Resolver

ID = "https://w3id.org/pbkg/id/"
PBO = "https://w3id.org/pbkg/ontology#"
ORG = "http://www.w3.org/ns/org#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SKOS_NOTE = "http://www.w3.org/2004/02/skos/core#note"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

ARTICLE = """url: https://baotayninh.vn/cum-thi-dua-so-7-tong-ket-nam-2023-a1.html
title: Cụm thi đua số 7 ngành Tổ chức xây dựng Đảng tổng kết năm 2023
---
Thứ ba, 12/12/2023

Sáng 5/12, Cụm thi đua số 7 ngành Tổ chức xây dựng Đảng tổ chức hội nghị tổng kết công tác thi \
đua, khen thưởng năm 2023.

Cụm thi đua số 7 gồm 3 đơn vị: BTC TU Sóc Trăng, Ban Tổ chức Tỉnh uỷ Bến Tre và Ban Tổ chức Tỉnh \
ủy Tây Ninh.

Dự hội nghị có đồng chí Nguyễn Văn An, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy Tây \
Ninh, Cụm trưởng Cụm thi đua số 7 năm 2023.

Hội nghị thống nhất bầu Ban Tổ chức Tỉnh ủy Bến Tre làm Cụm trưởng năm 2024.

Hội nghị đề nghị Ban Tổ chức Trung ương tặng Cờ thi đua cho BTC TU Sóc Trăng.

Các đơn vị tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và Kết luận số 40-TB/TW \
ngày 18-7-2022 của Bộ Chính trị.
"""
KEY = "test-cum-7-2023"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, project):
    path = tmp_path_factory.mktemp("article") / "cum-7.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article, result, rdf = extract_article(path, KEY, project)
    quads = list(ox.parse(rdf.trig().encode(), format=ox.RdfFormat.TRIG))
    return article, result, rdf, quads, path


@pytest.fixture(scope="module")
def resolver(project):
    return Resolver.from_project(project)


def _by_subject(quads):
    out: dict[str, dict[str, list]] = {}
    for q in quads:
        out.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object)
    return out


def _typed(quads, cls):
    return {q.subject.value for q in quads if q.predicate.value == RDF_TYPE
            and q.object.value == PBO + cls}


def test_trig_is_the_articles_named_graph(synthetic):
    _, _, rdf, quads, _ = synthetic
    assert quads and {q.graph_name.value for q in quads} == \
        {f"https://w3id.org/pbkg/graph/extracted/{KEY}"}
    art = _by_subject(quads)[f"{ID}article/{KEY}"]
    assert art["https://schema.org/publisher"][0].value == f"{ID}org/bao-tay-ninh"
    assert art["https://schema.org/url"][0].value.startswith("https://baotayninh.vn/")
    assert art["https://schema.org/headline"][0].language == "vi"
    # the page's display date is kept apart from the event date
    assert art[PBO + "displayDate"][0].value == "Thứ ba, 12/12/2023"
    assert art[PBO + "eventDate"][0].value == "2023-12-05"
    dates = {o.value for q in quads if q.predicate.value == PBO + "date" for o in [q.object]}
    assert "2023-12-12" not in dates


def test_every_fact_quotes_the_text_at_its_offsets(synthetic):
    article, _, _, quads, _ = synthetic
    subjects = _by_subject(quads)
    facts = [s for s, p in subjects.items() if PBO + "evidenceStart" in p]
    assert len(facts) >= 10
    for s in facts:
        p = subjects[s]
        start, end = int(p[PBO + "evidenceStart"][0].value), int(p[PBO + "evidenceEnd"][0].value)
        quotes = {o.value for o in p[PBO + "evidence"]}
        assert article.text[start:end] in quotes, s
        assert all(unicodedata.is_normalized("NFC", x) for x in quotes)
        assert p["http://www.w3.org/ns/prov#wasDerivedFrom"][0].value == f"{ID}article/{KEY}"
        assert p[PBO + "extractionMethod"][0].value == "pbkg-rules/0.1"
        conf = p[PBO + "extractionConfidence"][0]
        assert conf.datatype.value.endswith("#decimal") and 0 < Decimal(conf.value) <= 1


def test_a_role_stated_of_a_person_is_one_node_with_an_inferred_unit(synthetic):
    _, _, _, quads, _ = synthetic
    subjects = _by_subject(quads)
    roles = _typed(quads, "ClusterRoleAssignment")
    person = f"{ID}person/nguyen-van-an"
    board = f"{ID}org/ban-to-chuc-tinh-uy-tay-ninh"
    # one node: the person on it as pbo:person, never as org:member
    assert not [r for r in roles if person in {o.value for o in subjects[r].get(ORG + "member", [])}]
    with_person = [r for r in roles if person in {o.value for o in subjects[r].get(PBO + "person", [])}]
    assert len(with_person) == 1
    unit = subjects[with_person[0]]
    assert unit[ORG + "member"][0].value == board
    assert unit[PBO + "inferred"][0].value == "true"
    assert PBO + "inferredFrom" not in unit
    assert unit[ORG + "role"][0].value.endswith("cluster-role/chair")
    assert unit[PBO + "year"][0].value == "2023"
    assert any("Unit inferred" in n.value for n in unit[SKOS_NOTE])
    # the unit is a member that year
    members = {(subjects[m][ORG + "member"][0].value, subjects[m][PBO + "year"][0].value)
               for m in _typed(quads, "ClusterMembership")}
    assert (board, "2023") in members


def test_an_elected_role_is_decided_at_the_review_and_a_proposal_is_not_conferred(synthetic):
    _, _, _, quads, _ = synthetic
    subjects = _by_subject(quads)
    ben_tre = f"{ID}org/ban-to-chuc-tinh-uy-ben-tre"
    role = next(subjects[r] for r in _typed(quads, "ClusterRoleAssignment")
                if subjects[r][ORG + "member"][0].value == ben_tre)
    assert role[PBO + "year"][0].value == "2024"
    conference = next(iter(_typed(quads, "Conference")))
    assert role[PBO + "decidedAt"][0].value == conference
    award = subjects[next(iter(_typed(quads, "AwardDecision")))]
    assert award[PBO + "awardStatus"][0].value.endswith("award-status/proposed")
    assert award[PBO + "recipient"][0].value == f"{ID}org/ban-to-chuc-tinh-uy-soc-trang"


def test_a_reviewed_period_is_a_period_node_in_the_articles_graph(synthetic):
    """`pbkg ingest` writes the one period pattern: pbo:reviewedPeriod to id/period/2023, the
    node itself (label, first and last day) in the article's graph, no retired term."""
    _, _, rdf, quads, _ = synthetic
    subjects = _by_subject(quads)
    conference = subjects[next(iter(_typed(quads, "Conference")))]
    (period,) = [o.value for o in conference[PBO + "reviewedPeriod"]]
    assert period == f"{ID}period/2023"
    node = subjects[period]
    assert [o.value for o in node[RDF_TYPE]] == [PBO + "Period"]
    assert [(o.value, o.language) for o in node[RDFS_LABEL]] == [("năm 2023", "vi")]
    assert [o.value for o in node[PBO + "validFrom"]] == ["2023-01-01"]
    assert [o.value for o in node[PBO + "validUntil"]] == ["2023-12-31"]
    assert {q.graph_name.value for q in quads if q.subject.value == period} == {rdf.graph}
    retired = {PBO + p for p in ("periodStart", "periodEnd", "reviewedPeriodStart",
                                 "reviewedPeriodEnd")}
    assert not [q for q in quads if q.predicate.value in retired]


def test_period_iris_name_their_days():
    from datetime import date

    from pbkg.periods import format_period, period_bounds, period_iri, period_slug

    assert period_slug(date(2016, 1, 1), date(2020, 12, 31)) == "2016-2020"
    assert period_slug(date(2020, 1, 1), date(2020, 12, 31)) == "2020"
    assert period_slug(date(2024, 1, 1), date(2024, 6, 30)) == "2024-01-01--2024-06-30"
    for start, end in [(date(2016, 1, 1), date(2020, 12, 31)), (date(2020, 1, 1),
                       date(2020, 12, 31)), (date(2024, 1, 1), date(2024, 6, 30))]:
        assert period_bounds(period_iri(start, end)) == (start, end)
    assert period_bounds(f"{ID}period/nhiem-ky-2020-2025") is None
    assert period_bounds(f"{ID}period/2024-02-30--2024-06-30") is None
    assert format_period(f"{ID}period/2016-2020", "vi") == "giai đoạn 2016-2020"
    assert format_period(f"{ID}period/2020", "vi") == "năm 2020"
    assert format_period(f"{ID}period/2024-01-01--2024-06-30", "en") == "2024-01-01 to 2024-06-30"


def test_a_new_cluster_gets_a_new_ascii_iri_and_labels(synthetic, resolver):
    _, _, rdf, quads, _ = synthetic
    new = f"{ID}cluster/to-chuc-xay-dung-dang-cum-7"
    assert resolver.entity(new) is None  # not in the graph before
    assert new in {b.subject for b in rdf.entities}
    assert re.fullmatch(r"https://w3id\.org/pbkg/id/cluster/[a-z0-9]+(-[a-z0-9]+)*", new)
    labels = {(o.value, o.language) for o in _by_subject(quads)[new][RDFS_LABEL]}
    assert ("Cụm thi đua số 7 ngành Tổ chức xây dựng Đảng", "vi") in labels
    assert any(lang == "en" and "Emulation Cluster No. 7" in v for v, lang in labels)
    # known things are not minted again
    minted = {b.subject for b in rdf.entities}
    assert f"{ID}org/ban-to-chuc-tinh-uy-soc-trang" not in minted
    assert f"{ID}document/05-ct-tw-2016" not in minted


def test_board_spellings_resolve_to_one_existing_node(resolver):
    ctx = Context(date(2022, 12, 1))
    nfd = unicodedata.normalize("NFD", "Ban Tổ chức Tỉnh uỷ Sóc Trăng")
    iris = {resolver.unit(t, ctx).iri for t in
            ("BTC TU Sóc Trăng", "Ban Tổ chức Tỉnh uỷ Sóc Trăng", "Ban Tổ chức Tỉnh ủy Sóc Trăng",
             nfd, "BTCTU Sóc Trăng", "ban to chuc tinh uy soc trang")}
    assert iris == {f"{ID}org/ban-to-chuc-tinh-uy-soc-trang"}
    assert resolver.unit("BTCTU Bến Tre", ctx).iri == f"{ID}org/ban-to-chuc-tinh-uy-ben-tre"
    assert resolver.unit("Ban Tổ chức Tỉnh uỷ Cà Mau", ctx).iri == \
        f"{ID}org/ban-to-chuc-tinh-uy-ca-mau"
    assert resolver.unit("BTC TU Cần Thơ", ctx).iri == f"{ID}org/ban-to-chuc-thanh-uy-can-tho"
    assert resolver.unit("Ban Nội chính Trung ương", ctx).iri == \
        f"{ID}org/ban-noi-chinh-trung-uong"
    assert not resolver.minted


def test_distributive_lists_and_bare_names_take_the_context(resolver):
    ctx = Context(date(2024, 6, 20))
    prefix = "Ban Tổ chức tỉnh ủy, thành ủy"
    assert resolver.unit("Hà Nội", ctx, prefix=prefix).iri == f"{ID}org/ban-to-chuc-thanh-uy-ha-noi"
    assert resolver.unit("Sơn La", ctx, prefix=prefix).iri == f"{ID}org/ban-to-chuc-tinh-uy-son-la"
    # a board named without its province is nobody's without a context, the context's with one
    assert resolver.unit("Ban Tuyên giáo Tỉnh ủy", Context(date(2020, 7, 15))) is None
    ha_nam = Context(date(2020, 7, 15), resolver.province("Hà Nam"))
    assert resolver.unit("Ban Tuyên giáo Tỉnh uỷ", ha_nam).iri == \
        f"{ID}org/ban-tuyen-giao-tinh-uy-ha-nam"


def test_provinces_follow_the_date_of_the_event(project):
    r = Resolver.from_project(project)
    assert r.province("Thanh Hoá", date(2024, 6, 1)).iri == f"{ID}province/thanh-hoa"
    assert r.province("Thanh Hóa", date(2025, 11, 18)).iri == f"{ID}province/thanh-hoa-2025"
    assert r.province("TP. Hồ Chí Minh", date(2020, 1, 1)).iri == f"{ID}province/ho-chi-minh"
    after = Context(date(2025, 11, 18))
    # Thanh Hóa was not merged: its board is one node across 2025, never a "-2025" twin
    board = r.unit("Ban Tổ chức Tỉnh ủy Thanh Hóa", after).iri
    assert board == f"{ID}org/ban-to-chuc-tinh-uy-thanh-hoa"
    assert r.committee(r.province("Thanh Hóa", date(2025, 11, 18))).iri == \
        f"{ID}org/tinh-uy-thanh-hoa"
    before = Context(date(2024, 6, 1))
    assert r.unit("Ban Tổ chức Tỉnh ủy Thanh Hóa", before).iri == \
        f"{ID}org/ban-to-chuc-tinh-uy-thanh-hoa"
    # Bắc Ninh was merged with Bắc Giang: a new board from 2025-07-01, the old one before
    assert r.unit("Ban Tổ chức Tỉnh ủy Bắc Ninh", after).iri == \
        f"{ID}org/ban-to-chuc-tinh-uy-bac-ninh-2025"
    assert r.unit("Ban Tổ chức Tỉnh ủy Bắc Ninh", before).iri == \
        f"{ID}org/ban-to-chuc-tinh-uy-bac-ninh"


def test_documents_by_identifier_description_and_mistyped_identifier(project):
    r = Resolver.from_project(project)
    doc = f"{ID}document/05-ct-tw-2016"
    assert [x.iri for x in r.document("05-CT/TW", kind="Chỉ thị", number="05", issuer=None,
                                      issued=None)] == [doc]
    by_words = r.document("Chỉ thị 05 của Bộ Chính trị", kind="Chỉ thị", number="05",
                          issuer="Bộ Chính trị", issued=None)
    assert [x.iri for x in by_words] == [doc] and by_words[0].note
    two = r.document("Nghị quyết Trung ương 4 (khóa XI, XII)", kind="Nghị quyết", number=None,
                     issuer=None, issued=None)
    assert {x.iri for x in two} == {f"{ID}document/12-nq-tw-2012", f"{ID}document/04-nq-tw-2016"}
    # a mistyped identifier is linked only when number, date and issuer agree: marked inferred
    typo = r.document("40-TB/TW", kind="Kết luận", number="40", issuer="Bộ Chính trị",
                      issued="2022-07-18")
    assert typo[0].iri == f"{ID}document/40-kl-tw-2022" and typo[0].inferred
    other = r.document("40-TB/TW", kind="Kết luận", number="40", issuer="Bộ Chính trị",
                       issued="2023-01-02")
    assert other[0].iri != f"{ID}document/40-kl-tw-2022" and not other[0].inferred


def test_the_extracted_citations_keep_the_identifier_as_written(synthetic):
    _, _, _, quads, _ = synthetic
    subjects = _by_subject(quads)
    cites = {subjects[c][PBO + "identifierAsWritten"][0].value: subjects[c]
             for c in _typed(quads, "DocumentCitation")}
    assert cites["40-TB/TW"][PBO + "document"][0].value == f"{ID}document/40-kl-tw-2022"
    assert cites["40-TB/TW"][PBO + "inferred"][0].value == "true"
    assert cites["05-CT/TW"][PBO + "document"][0].value == f"{ID}document/05-ct-tw-2016"


def test_the_extracted_graph_passes_the_shapes_with_the_project(synthetic, project, tmp_path):
    from pbkg.build import validate_assembly

    _, _, rdf, _, _ = synthetic
    trig = tmp_path / f"{KEY}.trig"
    trig.write_text(rdf.trig(), encoding="utf-8")
    files = source_files(project) + [SourceFile(trig, rdf.graph)]
    report = validate_assembly(assemble(files, root=project.root), project)
    assert report.conforms, report.to_text()


def test_cli_extract_json_and_trig(synthetic):
    _, _, _, _, path = synthetic
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-m", "pbkg.cli", "extract", str(path)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert '"clusters"' in out.stdout
    out = subprocess.run([sys.executable, "-m", "pbkg.cli", "extract", str(path), "--format",
                          "trig", "--key", KEY], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    quads = list(ox.parse(out.stdout.encode(), format=ox.RdfFormat.TRIG))
    assert any(q.predicate.value == PBO + "extractionMethod" for q in quads)


def _dev(shared_dir, n: str):
    path = shared_dir / "corpus" / "dev" / "articles" / f"{n}.txt"
    if not path.is_file():
        pytest.skip(f"the development articles are absent ({path})")
    return path


def test_hosting_is_not_chairing(shared_dir, project):
    _, _, rdf = extract_article(_dev(shared_dir, "08"), "test-dev-08", project)
    host = f"{ID}org/huyen-uy-ea-hleo-dak-lak"
    roles = [b for b in rdf.facts if b.types == [PBO + "ClusterRoleAssignment"]]
    assert roles and all(str(o) != host for b in roles for p, o in b.pairs
                         if p == ORG + "member")
    chairs = {str(o) for b in roles for p, o in b.pairs if p == ORG + "member"}
    assert chairs == {f"{ID}org/huyen-uy-krong-buk-dak-lak"}


def test_a_display_date_is_not_an_event_date(shared_dir, project):
    path = _dev(shared_dir, "03")
    _, _, rdf = extract_article(path, "test-dev-03", project)
    pairs = dict(rdf.article.pairs)
    assert str(pairs[PBO + "displayDate"]) == "Thứ Bảy, 22/6/2024"
    assert PBO + "eventDate" not in pairs
    assert read_article(path).text  # the text is read, and nothing is dated 2024-06-22
    assert not any(str(o) == "2024-06-22" for b in rdf.blocks for _, o in b.pairs)


def test_an_undated_post_is_attested_not_after_the_article_date(tmp_path, project):
    path = tmp_path / "undated.txt"
    path.write_text("title: Thử nghiệm\ndate: 2023-03-15\n---\nĐồng chí Nguyễn Văn Bình, Trưởng "
                    "Ban Tổ chức Tỉnh ủy Tây Ninh, phát biểu về công tác thi đua của Cụm thi đua "
                    "số 4.\n", encoding="utf-8")
    _, _, rdf = extract_article(path, "test-undated", project)
    quads = list(ox.parse(rdf.trig().encode(), format=ox.RdfFormat.TRIG))
    subjects = _by_subject(quads)
    (post,) = [s for s, p in subjects.items()
               if any(o.value == PBO + "PostAttestation" for o in p.get(RDF_TYPE, []))]
    assert [o.value for o in subjects[post][PBO + "attestedNotAfter"]] == ["2023-03-15"]
    assert PBO + "attestedOn" not in subjects[post]
    assert any("not after the article's date" in n.value for n in subjects[post][SKOS_NOTE])


def test_a_conference_only_the_headline_reports_quotes_the_headline(project, tmp_path):
    """The body reports no conference, the headline does: the conference's evidence is the
    headline (it has no offsets in the body), and the graph passes the shapes."""
    from pbkg.build import validate_assembly

    path = tmp_path / "headline.txt"
    path.write_text("url: https://baotayninh.vn/cum-7-tong-ket-2023-a2.html\n"
                    "title: Cụm thi đua số 7 tổ chức hội nghị tổng kết năm 2023\n"
                    "date: 2023-12-20\n---\n"
                    "Đến dự có đồng chí Nguyễn Văn An, Phó Trưởng Ban Tổ chức Tỉnh ủy Tây Ninh.\n",
                    encoding="utf-8")
    _, result, rdf = extract_article(path, "test-headline", project)
    assert [e["start"] for e in result["events"]] == [None]
    quads = list(ox.parse(rdf.trig().encode(), format=ox.RdfFormat.TRIG))
    conference = _typed(quads, "Conference")
    assert len(conference) == 1
    evidence = [q.object.value for q in quads
                if q.subject.value in conference and q.predicate.value == PBO + "evidence"]
    assert evidence == ["Cụm thi đua số 7 tổ chức hội nghị tổng kết năm 2023"]
    trig = tmp_path / "headline.trig"
    trig.write_text(rdf.trig(), encoding="utf-8")
    files = source_files(project) + [SourceFile(trig, rdf.graph)]
    report = validate_assembly(assemble(files, root=project.root), project)
    assert report.conforms, report.to_text()
