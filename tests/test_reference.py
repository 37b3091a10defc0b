"""The reference data: province tables, their RDF, central bodies and cited documents."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from pbkg.errors import InputError
from pbkg.namespaces import CONCEPT, ID, ORG, PBO
from pbkg.paths import paths
from pbkg.reference import (
    POST_2025_CSV,
    PRE_2025_CSV,
    load_province_tables,
    old_tone_spelling,
    reference_graphs,
)
from pbkg.text import fold

REF = paths().reference
# Through the module: pytest's collection probes module globals, and XSD warns on unknown names.
XSD_DATE, XSD_GYEAR = ns.XSD.date, ns.XSD.gYear
ID_BASE = str(ID)


@pytest.fixture(scope="module")
def tables():
    return load_province_tables(REF)


@pytest.fixture(scope="module")
def graphs() -> dict[Path, Graph]:
    return reference_graphs(REF)


@pytest.fixture(scope="module")
def pre_graph(graphs) -> Graph:
    return graphs[REF / PRE_2025_CSV]


@pytest.fixture(scope="module")
def post_graph(graphs) -> Graph:
    return graphs[REF / POST_2025_CSV]


@pytest.fixture(scope="module")
def central() -> Graph:
    return Graph().parse(REF / "central-bodies.ttl", format="turtle")


@pytest.fixture(scope="module")
def documents() -> Graph:
    return Graph().parse(REF / "documents.ttl", format="turtle")


@pytest.fixture(scope="module")
def vocabularies() -> Graph:
    return Graph().parse(paths().ontology / "vocabularies.ttl", format="turtle")


def province(slug: str) -> URIRef:
    return ID[f"province/{slug}"]


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


# --- the tables --------------------------------------------------------------------------------


def test_unit_counts_and_unique_codes(tables):
    pre, post = tables
    assert len(pre) == 63
    assert len(post) == 34
    assert len({u.code for u in pre}) == 63
    assert len({u.code for u in post}) == 34
    assert sum(u.is_city for u in pre) == 5
    assert sum(u.is_city for u in post) == 6


def test_successors_and_predecessors(pre_graph, post_graph, tables):
    pre, post = tables
    for unit in pre:
        assert len(set(pre_graph.objects(unit.iri, PBO.successor))) == 1, unit.name
    results = set(post_graph.objects(None, PBO.resultingUnit))
    assert results == {u.iri for u in post}
    for unit in post:
        (change,) = post_graph.subjects(PBO.resultingUnit, unit.iri)
        assert len(set(post_graph.objects(change, PBO.originalUnit))) >= 1, unit.name
    # Every pre-2025 unit is an original unit of exactly one change, the one of its successor.
    for unit in pre:
        changes = set(post_graph.subjects(PBO.originalUnit, unit.iri))
        assert len(changes) == 1, unit.name
        (successor,) = pre_graph.objects(unit.iri, PBO.successor)
        assert (changes.pop(), PBO.resultingUnit, successor) in post_graph


def test_post_2025_units_match_vietnam_provinces(tables):
    vp = pytest.importorskip(
        "vietnam_provinces", reason="vietnam_provinces is not installed (pip install pbkg[test])"
    )
    _, post = tables

    def bare(name: str) -> str:
        for prefix in ("Thành phố ", "Tỉnh "):
            name = name.removeprefix(prefix)
        return fold(name)

    theirs = {
        int(p.code): (bare(p.name), p.division_type.name == "THANH_PHO_TRUNG_UONG")
        for p in vp.Province.iter_all()
    }
    ours = {int(u.code): (fold(u.name), u.is_city) for u in post}
    assert ours == theirs


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("bac-lieu", "ca-mau-2025", "merger"),
        ("ca-mau", "ca-mau-2025", "merger"),
        ("kien-giang", "an-giang-2025", "merger"),
        ("ba-ria-vung-tau", "ho-chi-minh-2025", "merger"),
        ("binh-duong", "ho-chi-minh-2025", "merger"),
        ("ha-giang", "tuyen-quang-2025", "merger"),
        ("ha-nam", "ninh-binh-2025", "merger"),
        ("nam-dinh", "ninh-binh-2025", "merger"),
        ("hoa-binh", "phu-tho-2025", "merger"),
        ("kon-tum", "quang-ngai-2025", "merger"),
        ("binh-dinh", "gia-lai-2025", "merger"),
        ("long-an", "tay-ninh-2025", "merger"),
        ("tien-giang", "dong-thap-2025", "merger"),
        ("soc-trang", "can-tho-2025", "merger"),
        ("quang-binh", "quang-tri-2025", "merger"),
        ("son-la", "son-la-2025", "continuation"),
        ("cao-bang", "cao-bang-2025", "continuation"),
        ("ha-noi", "ha-noi-2025", "continuation"),
    ],
)
def test_merger_table_spot_checks(pre_graph, post_graph, old, new, kind):
    assert (province(old), PBO.successor, province(new)) in pre_graph
    (change,) = post_graph.subjects(PBO.resultingUnit, province(new))
    assert (change, PBO.originalUnit, province(old)) in post_graph
    assert (change, PBO.changeKind, CONCEPT[f"change-kind/{kind}"]) in post_graph
    assert (change, PBO.effectiveDate, Literal("2025-07-01", datatype=XSD_DATE)) in post_graph
    assert (change, PBO.legalBasis, ID["document/202-2025-qh15-2025"]) in post_graph


def test_change_iris_drop_the_generation_suffix(post_graph):
    changes = set(post_graph.subjects(RDF.type, PBO.ProvinceChange))
    assert len(changes) == 34
    assert ID["change/2025-ca-mau"] in changes
    assert ID["change/2025-ho-chi-minh"] in changes


def test_units_carry_codes_types_generations_and_dates(pre_graph, post_graph):
    ca_mau = province("ca-mau")
    assert (ca_mau, PBO.adminCode, Literal("96")) in pre_graph
    assert (ca_mau, PBO.unitType, CONCEPT["unit-type/province"]) in pre_graph
    assert (ca_mau, PBO.generation, ID["generation/63-units-2008"]) in pre_graph
    assert (ca_mau, PBO.validFrom, Literal("1997-01-01", datatype=XSD_DATE)) in pre_graph
    assert (ca_mau, PBO.validUntil, Literal("2025-06-30", datatype=XSD_DATE)) in pre_graph
    assert (ca_mau, RDFS.label, vi("Cà Mau")) in pre_graph
    assert (ca_mau, RDFS.label, Literal("Cà Mau Province", lang="en")) in pre_graph
    assert (ca_mau, SKOS.altLabel, vi("Tỉnh Cà Mau")) in pre_graph
    hcm = province("ho-chi-minh-2025")
    assert (hcm, PBO.adminCode, Literal("79")) in post_graph
    assert (hcm, PBO.unitType, CONCEPT["unit-type/city"]) in post_graph
    assert (hcm, PBO.generation, ID["generation/34-units-2025"]) in post_graph
    assert (hcm, RDFS.label, Literal("Hồ Chí Minh City", lang="en")) in post_graph
    assert (hcm, SKOS.altLabel, vi("Thành phố Hồ Chí Minh")) in post_graph
    assert (hcm, SKOS.altLabel, vi("TP. Hồ Chí Minh")) in post_graph
    assert (hcm, PBO.validFrom, Literal("2025-07-01", datatype=XSD_DATE)) in post_graph
    assert not set(post_graph.objects(hcm, PBO.validUntil))
    for generation, graph in ((ID["generation/63-units-2008"], pre_graph),
                              (ID["generation/34-units-2025"], post_graph)):
        assert (generation, RDF.type, PBO.AdministrativeGeneration) in graph
        assert {lbl.language for lbl in graph.objects(generation, RDFS.label)} == {"vi", "en"}
    assert (ID["generation/63-units-2008"], PBO.validUntil,
            Literal("2025-06-30", datatype=XSD_DATE)) in pre_graph


@pytest.mark.parametrize(
    ("slug", "variant"),
    [("hoa-binh", "Hoà Bình"), ("khanh-hoa", "Khánh Hoà"), ("thanh-hoa", "Thanh Hoá")],
)
def test_old_tone_variants_of_unit_names(pre_graph, slug, variant):
    assert (province(slug), SKOS.altLabel, vi(variant)) in pre_graph


def test_old_tone_spelling():
    assert old_tone_spelling("Tỉnh ủy Hòa Bình") == "Tỉnh uỷ Hoà Bình"
    assert old_tone_spelling("Thúy") == "Thuý"
    # A syllable with a final consonant, or qu-, keeps its mark where it is.
    assert old_tone_spelling("Hoàng Văn Thụ") == "Hoàng Văn Thụ"
    assert old_tone_spelling("quý") == "quý"
    assert old_tone_spelling("Cà Mau") == "Cà Mau"


# --- committees and boards ---------------------------------------------------------------------


def test_every_pre_2025_unit_has_committee_and_board(pre_graph, tables):
    pre, _ = tables
    for unit in pre:
        prefix = "thanh-uy" if unit.is_city else "tinh-uy"
        committee = ID[f"org/{prefix}-{unit.slug}"]
        board = ID[f"org/ban-to-chuc-{prefix}-{unit.slug}"]
        assert (committee, RDF.type, PBO.PartyCommittee) in pre_graph, unit.name
        assert (committee, PBO.area, unit.iri) in pre_graph
        assert (committee, PBO.committeeLevel, CONCEPT["level/provincial"]) in pre_graph
        assert (board, RDF.type, PBO.PartyBoard) in pre_graph, unit.name
        assert (board, ORG.unitOf, committee) in pre_graph
        assert (board, PBO.boardKind, CONCEPT["board-kind/organization"]) in pre_graph
        assert (board, PBO.area, unit.iri) in pre_graph
        for node in (committee, board):
            languages = sorted(lbl.language for lbl in pre_graph.objects(node, RDFS.label))
            assert languages == ["en", "vi"], node
    committees = set(pre_graph.subjects(RDF.type, PBO.PartyCommittee))
    boards = set(pre_graph.subjects(RDF.type, PBO.PartyBoard))
    assert len(committees) == len(boards) == 63


def test_committee_and_board_labels(pre_graph):
    committee, board = ID["org/tinh-uy-ca-mau"], ID["org/ban-to-chuc-tinh-uy-ca-mau"]
    assert (committee, RDFS.label, vi("Tỉnh ủy Cà Mau")) in pre_graph
    assert (committee, RDFS.label,
            Literal("Cà Mau Provincial Party Committee", lang="en")) in pre_graph
    assert (committee, SKOS.altLabel, vi("Tỉnh uỷ Cà Mau")) in pre_graph
    assert (committee, SKOS.altLabel, vi("TU Cà Mau")) in pre_graph
    assert (board, RDFS.label, vi("Ban Tổ chức Tỉnh ủy Cà Mau")) in pre_graph
    assert (board, RDFS.label, Literal(
        "Organization Board of the Cà Mau Provincial Party Committee", lang="en")) in pre_graph
    assert (board, SKOS.altLabel, vi("Ban Tổ chức Tỉnh uỷ Cà Mau")) in pre_graph
    assert set(pre_graph.objects(board, PBO.abbreviation)) == {
        vi("BTC TU Cà Mau"), vi("BTCTU Cà Mau")}
    city_board = ID["org/ban-to-chuc-thanh-uy-can-tho"]
    assert (city_board, RDFS.label, vi("Ban Tổ chức Thành ủy Cần Thơ")) in pre_graph
    assert (city_board, ORG.unitOf, ID["org/thanh-uy-can-tho"]) in pre_graph
    assert set(pre_graph.objects(city_board, PBO.abbreviation)) == {
        vi("BTC Thành ủy Cần Thơ"), vi("BTC TU Cần Thơ")}
    assert (ID["org/tinh-uy-hoa-binh"], SKOS.altLabel, vi("Tỉnh uỷ Hoà Bình")) in pre_graph


# --- IRIs and literals in every reference graph ------------------------------------------------


def all_reference_graphs(graphs, central, documents) -> list[tuple[str, Graph]]:
    return [(p.name, g) for p, g in graphs.items()] + [
        ("central-bodies.ttl", central), ("documents.ttl", documents)]


def test_iris_are_ascii_and_instances_live_under_id(graphs, central, documents):
    for name, graph in all_reference_graphs(graphs, central, documents):
        for triple in graph:
            for term in triple:
                if isinstance(term, URIRef):
                    assert str(term).isascii(), (name, term)
        for subject in set(graph.subjects()):
            assert isinstance(subject, URIRef), (name, subject)
            assert str(subject).startswith(ID_BASE), (name, subject)


def test_literals_are_nfc(graphs, central, documents):
    for name, graph in all_reference_graphs(graphs, central, documents):
        for term in graph.objects():
            if isinstance(term, Literal):
                text = str(term)
                assert unicodedata.normalize("NFC", text) == text, (name, text)


def test_concepts_used_exist_in_vocabularies(graphs, central, documents, vocabularies):
    concept_base = str(CONCEPT)
    for name, graph in all_reference_graphs(graphs, central, documents):
        for term in set(graph.objects()):
            if isinstance(term, URIRef) and str(term).startswith(concept_base):
                assert (term, RDF.type, SKOS.Concept) in vocabularies, (name, term)


def test_every_referenced_instance_is_defined(graphs, central, documents):
    merged = Graph()
    for _, graph in all_reference_graphs(graphs, central, documents):
        merged += graph
    concept_base = str(CONCEPT)
    for _, _, obj in merged:
        if isinstance(obj, URIRef) and str(obj).startswith(ID_BASE) \
                and not str(obj).startswith(concept_base):
            assert (obj, RDF.type, None) in merged, obj


# --- central bodies ------------------------------------------------------------------------------


def test_central_bodies(central):
    org = lambda slug: ID[f"org/{slug}"]  # noqa: E731
    expected_types = {
        "ban-chap-hanh-trung-uong": PBO.PartyCommittee,
        "ban-chap-hanh-trung-uong-khoa-xi": PBO.CommitteeTerm,
        "ban-chap-hanh-trung-uong-khoa-xii": PBO.CommitteeTerm,
        "ban-chap-hanh-trung-uong-khoa-xiii": PBO.CommitteeTerm,
        "bo-chinh-tri": PBO.CentralBody,
        "ban-bi-thu": PBO.CentralBody,
        "ban-to-chuc-trung-uong": PBO.PartyBoard,
        "ban-tuyen-giao-trung-uong": PBO.PartyBoard,
        "ban-dan-van-trung-uong": PBO.PartyBoard,
        "ban-noi-chinh-trung-uong": PBO.PartyBoard,
        "uy-ban-kiem-tra-trung-uong": PBO.PartyBoard,
        "van-phong-trung-uong-dang": PBO.PartyBoard,
        "vu-dia-phuong-i": PBO.Department,
        "vu-dia-phuong-ii": PBO.Department,
        "vu-dia-phuong-iii": PBO.Department,
        "quoc-hoi": PBO.StateBody,
    }
    for slug, cls in expected_types.items():
        assert (org(slug), RDF.type, cls) in central, slug
    for node in set(central.subjects()):
        languages = {lbl.language for lbl in central.objects(node, RDFS.label)}
        assert languages == {"vi", "en"}, node
    cc = org("ban-chap-hanh-trung-uong")
    assert (cc, PBO.committeeLevel, CONCEPT["level/central"]) in central
    for numeral in ("xi", "xii", "xiii"):
        term = org(f"ban-chap-hanh-trung-uong-khoa-{numeral}")
        assert (term, PBO.termOf, cc) in central
        assert (term, PBO.termNumber, Literal(numeral.upper())) in central
    for board in ("ban-to-chuc-trung-uong", "ban-tuyen-giao-trung-uong", "ban-dan-van-trung-uong",
                  "ban-noi-chinh-trung-uong", "uy-ban-kiem-tra-trung-uong",
                  "van-phong-trung-uong-dang"):
        assert (org(board), ORG.unitOf, cc) in central
        assert len(set(central.objects(org(board), PBO.boardKind))) == 1
    btc = org("ban-to-chuc-trung-uong")
    assert (btc, PBO.boardKind, CONCEPT["board-kind/organization"]) in central
    assert {vi("BTC TW"), vi("BTCTW")} <= set(central.objects(btc, PBO.abbreviation))
    for numeral in ("i", "ii", "iii"):
        assert (org(f"vu-dia-phuong-{numeral}"), ORG.unitOf, btc) in central
    assert (org("vu-dia-phuong-iii"), RDFS.label, vi("Vụ Địa phương III")) in central
    assert (org("vu-dia-phuong-iii"), RDFS.label,
            Literal("Regional Department III", lang="en")) in central
    inspection = org("uy-ban-kiem-tra-trung-uong")
    assert (inspection, SKOS.altLabel, vi("Uỷ ban Kiểm tra Trung ương")) in central


# --- documents -----------------------------------------------------------------------------------

EXPECTED_DOCUMENTS = {
    "05-ct-tw-2016": ("05-CT/TW", "directive", "bo-chinh-tri"),
    "21-kl-tw-2021": ("21-KL/TW", "conclusion", "ban-chap-hanh-trung-uong-khoa-xiii"),
    "01-kl-tw-2021": ("01-KL/TW", "conclusion", "bo-chinh-tri"),
    "205-qd-tw-2019": ("205-QĐ/TW", "regulation", "bo-chinh-tri"),
    "28-kl-tw-2022": ("28-KL/TW", "conclusion", "bo-chinh-tri"),
    "20-tb-tw-2022": ("20-TB/TW", "notice", "bo-chinh-tri"),
    "40-kl-tw-2022": ("40-KL/TW", "conclusion", "bo-chinh-tri"),
    "04-nq-tw-2016": ("04-NQ/TW", "resolution", "ban-chap-hanh-trung-uong-khoa-xii"),
    "12-nq-tw-2012": ("12-NQ/TW", "resolution", "ban-chap-hanh-trung-uong-khoa-xi"),
    "nghi-quyet-dai-hoi-xiii-2021": (None, "resolution", "dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii"),
    "202-2025-qh15-2025": ("202/2025/QH15", "law-resolution", "quoc-hoi"),
    "175-2024-qh15-2024": ("175/2024/QH15", "law-resolution", "quoc-hoi"),
    "34-ct-tw-2014": ("34-CT/TW", "directive", "bo-chinh-tri"),
    "29-nq-tw-2013": ("29-NQ/TW", "resolution", "ban-chap-hanh-trung-uong-khoa-xi"),
}


def test_documents_are_complete(documents, central):
    found = set(documents.subjects(RDF.type, PBO.Document))
    assert found == {ID[f"document/{slug}"] for slug in EXPECTED_DOCUMENTS}
    for slug, (identifier, kind, issuer) in EXPECTED_DOCUMENTS.items():
        node = ID[f"document/{slug}"]
        (ident,) = documents.objects(node, DCTERMS.identifier)
        if identifier is not None:
            assert str(ident) == identifier
        assert (node, PBO.documentKind, CONCEPT[f"document-kind/{kind}"]) in documents
        (issued,) = documents.objects(node, DCTERMS.issued)
        assert issued.datatype in (XSD_DATE, XSD_GYEAR), slug
        assert str(issued)[:4] == slug[-4:], slug
        (creator,) = documents.objects(node, DCTERMS.creator)
        assert creator == ID[f"org/{issuer}"]
        assert (creator, RDF.type, None) in central, creator
        assert {lbl.language for lbl in documents.objects(node, RDFS.label)} == {"vi", "en"}
        assert [t.language for t in documents.objects(node, DCTERMS.title)] == ["vi"]


def test_document_details(documents):
    doc = lambda slug: ID[f"document/{slug}"]  # noqa: E731
    assert (doc("05-ct-tw-2016"), RDFS.label, vi("Chỉ thị 05-CT/TW")) in documents
    assert (doc("05-ct-tw-2016"), RDFS.label,
            Literal("Directive 05-CT/TW", lang="en")) in documents
    for slug in ("04-nq-tw-2016", "12-nq-tw-2012", "21-kl-tw-2021"):
        assert (doc(slug), PBO.plenumNumber, Literal(4)) in documents
    nq202 = doc("202-2025-qh15-2025")
    assert (nq202, DCTERMS.issued, Literal("2025-06-12", datatype=XSD_DATE)) in documents
    assert set(documents.objects(nq202, PBO.effectiveDate))
    # The public record (issue 8): 29-NQ/TW of the 8th plenum on 2013-11-04, 20-TB/TW of
    # 2022-09-08 by the Politburo; no note calls a confirmed document unconfirmed.
    assert (doc("29-nq-tw-2013"), PBO.plenumNumber, Literal(8)) in documents
    assert (doc("29-nq-tw-2013"), DCTERMS.issued,
            Literal("2013-11-04", datatype=XSD_DATE)) in documents
    assert (doc("20-tb-tw-2022"), DCTERMS.issued,
            Literal("2022-09-08", datatype=XSD_DATE)) in documents
    for slug in ("20-tb-tw-2022", "28-kl-tw-2022", "29-nq-tw-2013"):
        (note,) = documents.objects(doc(slug), SKOS.editorialNote)
        assert "not found" not in note and "not confirmed" not in note, slug
    # The mistyped "40-TB/TW" of one source is not a document of its own.
    assert not set(documents.subjects(DCTERMS.identifier, Literal("40-TB/TW")))


# --- malformed input -----------------------------------------------------------------------------


@pytest.fixture()
def ref_copy(tmp_path: Path) -> Path:
    for name in (PRE_2025_CSV, POST_2025_CSV):
        shutil.copy(REF / name, tmp_path / name)
    return tmp_path


def rewrite_line(path: Path, line: int, transform) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = transform(lines[line - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "line", "transform", "message"),
    [
        (PRE_2025_CSV, 5, lambda s: "6" + s[2:], "not two digits"),
        (PRE_2025_CSV, 7, lambda s: s.replace(",province,", ",provence,"), "type"),
        (PRE_2025_CSV, 9, lambda s: s.replace("2004-01-01", "2004-13-01"), "valid_from"),
        (PRE_2025_CSV, 10, lambda s: s[:-2] + "99", "successor_code '99'"),
        (PRE_2025_CSV, 12, lambda s: s.replace("hoa-binh", "hoa-binh-x"), "slug"),
        (PRE_2025_CSV, 20, lambda s: s + ",extra", "fields"),
        (PRE_2025_CSV, 3, lambda s: "01" + s[2:], "already used"),
        (PRE_2025_CSV, 1, lambda s: s.replace("successor_code", "successor"), "header"),
        (POST_2025_CSV, 4, lambda s: s.replace("2025-07-01", ""), "valid_from"),
    ],
)
def test_malformed_csv_names_path_and_line(ref_copy, name, line, transform, message):
    path = ref_copy / name
    rewrite_line(path, line, transform)
    with pytest.raises(InputError) as caught:
        reference_graphs(ref_copy)
    error = caught.value
    assert error.path == str(path)
    assert error.line == line
    assert message in error.detail
    assert f"{path}, line {line}" in str(error)


def test_post_2025_unit_without_predecessor(ref_copy):
    # Cao Bằng (line 4) said to become part of Tuyên Quang leaves Cao Bằng 2025 (line 3) orphaned.
    rewrite_line(ref_copy / PRE_2025_CSV, 4, lambda s: s[:-2] + "08")
    with pytest.raises(InputError) as caught:
        reference_graphs(ref_copy)
    assert caught.value.path == str(ref_copy / POST_2025_CSV)
    assert caught.value.line == 3
    assert "no predecessor" in caught.value.detail


def test_missing_table_raises_input_error(tmp_path):
    with pytest.raises(InputError) as caught:
        reference_graphs(tmp_path)
    assert caught.value.path == str(tmp_path / PRE_2025_CSV)


def test_hue_became_a_city_on_2025_01_01_under_resolution_175(pre_graph, post_graph):
    (change,) = post_graph.subjects(PBO.resultingUnit, province("hue-2025"))
    assert (change, PBO.effectiveDate, Literal("2025-01-01", datatype=XSD.date)) in post_graph
    assert (change, PBO.legalBasis, ID["document/175-2024-qh15-2024"]) in post_graph
    assert (province("thua-thien-hue"), PBO.validUntil,
            Literal("2024-12-31", datatype=XSD.date)) in pre_graph
    assert (province("hue-2025"), PBO.validFrom,
            Literal("2025-01-01", datatype=XSD.date)) in post_graph
    # its party committee continues as one node, known by its new name too
    committee = ID["org/tinh-uy-thua-thien-hue"]
    assert (committee, SKOS.altLabel, Literal("Thành ủy Huế", lang="vi")) in pre_graph
    assert (committee, PBO.validUntil, None) not in pre_graph
