"""Model v2 (issue 8), asserted against the built graph: one node per role, bodies that continue
across 2025, provinces as places, the Tây Ninh flag not conferred, retired IRIs redirected."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from pbkg.namespaces import ID, ORG, PBO
from pbkg.redirects import kept_iri
from pbkg.reference import continuing_bodies

PREFIXES = """PREFIX pbo: <https://w3id.org/pbkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
THANH_HOA_BOARD = str(ID["org/ban-to-chuc-tinh-uy-thanh-hoa"])
# The provinces the 2025 reorganization left unchanged whose bodies the dev extractions had
# minted a second time, and the merged ones whose bodies are new nodes from 2025-07-01.
CONTINUING = ("thanh-hoa", "quang-ninh", "lang-son", "nghe-an", "ha-tinh")
MERGED = ("hung-yen", "ninh-binh", "bac-ninh", "hai-phong", "ho-chi-minh")


def rows(store, sparql: str) -> list[dict]:
    return store.query(PREFIXES + sparql).rows


def test_cluster_chairs_csv_has_a_unit_on_every_row(project, built_dist) -> None:
    env = {**os.environ, "PBKG_DIST": str(built_dist)}
    out = subprocess.run(
        [sys.executable, "-m", "pbkg.cli", "query", "cluster-chairs", "--format", "csv"],
        cwd=project.root, capture_output=True, text=True, timeout=300, check=True, env=env)
    table = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(table) >= 20
    assert [r for r in table if not r["unit"]] == []
    hung = [r for r in table if r["person"].endswith("/person/nguyen-van-hung")]
    assert [(r["unit"], r["inferred"]) for r in hung] == [(THANH_HOA_BOARD, "true")]


def test_no_person_is_an_org_member(store) -> None:
    found = rows(store, "SELECT ?s ?p WHERE { ?s org:member ?p . ?p a pbo:Person }")
    assert found == []


def test_a_role_given_to_a_person_is_one_node(store) -> None:
    found = rows(store, """
        SELECT ?person (COUNT(DISTINCT ?fact) AS ?n) WHERE {
          ?fact a pbo:ClusterRoleAssignment ; pbo:person ?person ;
                org:organization ?cluster ; org:role ?role ; pbo:year ?year .
        } GROUP BY ?person ?cluster ?role ?year HAVING (COUNT(DISTINCT ?fact) > 1)""")
    assert found == []
    inferred = rows(store, """
        SELECT ?fact WHERE { ?fact a pbo:ClusterRoleAssignment ; pbo:person ?p ; pbo:inferred true .
                             FILTER NOT EXISTS { ?fact skos:note ?note } }""")
    assert inferred == []


def test_thanh_hoa_board_is_one_node_across_2025(store) -> None:
    found = rows(store, f"""
        SELECT ?year ?what WHERE {{
          {{ ?f a pbo:ClusterMembership ; BIND("member" AS ?what) }}
          UNION {{ ?f a pbo:ClusterRoleAssignment ; org:role/skos:notation ?what }}
          ?f org:member <{THANH_HOA_BOARD}> ;
             org:organization <{ID['cluster/to-chuc-xay-dung-dang-cum-2']}> ; pbo:year ?year .
        }}""")
    got = {(r["year"]["value"], r["what"]["value"]) for r in found}
    assert {("2021", "member"), ("2025", "member"), ("2025", "chair")} <= got


@pytest.mark.parametrize("province", CONTINUING)
def test_bodies_of_an_unmerged_province_have_no_2025_twin(store, province: str) -> None:
    for slug in (f"tinh-uy-{province}", f"ban-to-chuc-tinh-uy-{province}"):
        old, kept = ID[f"org/{slug}-2025"], ID[f"org/{slug}"]
        assert rows(store, f"SELECT ?p WHERE {{ <{old}> ?p ?o FILTER(?p != owl:sameAs) }}") == []
        assert rows(store, f"SELECT ?s WHERE {{ ?s ?p <{old}> }}") == []
        assert rows(store, f"SELECT ?k WHERE {{ <{old}> owl:sameAs ?k }}")[0]["k"]["value"] \
            == str(kept)
        assert rows(store, f"SELECT ?u WHERE {{ <{kept}> pbo:validUntil ?u }}") == []


@pytest.mark.parametrize("province", MERGED)
def test_bodies_of_a_merged_province_are_new_nodes_with_a_dated_change(store, province) -> None:
    prefix = "thanh-uy" if province in ("hai-phong", "ho-chi-minh") else "tinh-uy"
    new = ID[f"org/ban-to-chuc-{prefix}-{province}-2025"]
    old = ID[f"org/ban-to-chuc-{prefix}-{province}"]
    found = rows(store, f"""
        SELECT ?date ?basis ?since ?until WHERE {{
          ?change a pbo:BodyChange ; org:originalOrganization <{old}> ;
                  org:resultingOrganization <{new}> ; pbo:effectiveDate ?date ;
                  pbo:followsChange/pbo:legalBasis ?basis .
          <{new}> pbo:validFrom ?since . <{old}> pbo:validUntil ?until .
        }}""")
    assert [(r["date"]["value"], r["since"]["value"], r["until"]["value"]) for r in found] == [
        ("2025-07-01", "2025-07-01", "2025-06-30")]


def test_retired_iris_redirect_to_the_kept_node(project, store) -> None:
    retired = str(ID["org/ban-to-chuc-tinh-uy-thanh-hoa-2025"])
    assert kept_iri(store, project.queries, retired) == THANH_HOA_BOARD
    assert kept_iri(store, project.queries, THANH_HOA_BOARD) is None
    person_role = str(ID["fact/bao-ha-nam-2020-07-15/role-2020-chair-person"])
    assert kept_iri(store, project.queries, person_role) == str(
        ID["fact/bao-ha-nam-2020-07-15/role-2020-chair"])


def test_continuing_bodies_table_covers_the_unchanged_provinces(project) -> None:
    table = continuing_bodies(project.root / "data" / "reference")
    for province in CONTINUING:
        assert table[ID[f"org/ban-to-chuc-tinh-uy-{province}-2025"]] == \
            ID[f"org/ban-to-chuc-tinh-uy-{province}"]
    assert ID["org/ban-to-chuc-tinh-uy-bac-ninh-2025"] not in table


def test_tay_ninh_flag_is_not_conferred(store) -> None:
    found = rows(store, f"""
        SELECT ?status ?quote WHERE {{
          <{ID['fact/bao-tay-ninh-2020-12-04/award-emulation-flag-2016-2020']}>
              pbo:awardStatus/skos:notation ?status ; pbo:evidence ?quote }}""")
    assert [r["status"]["value"] for r in found] == ["ranking"]
    assert "bỏ phiếu bình xét" in found[0]["quote"]["value"]
    assert "một trong hai đơn vị được tặng Cờ thi đua" in found[0]["quote"]["value"]


# W3C ORG properties whose domain or range is org:Organization (or a subclass), from the ORG
# ontology; a provincial unit in such a position would become an organization under RDFS.
ORG_ORGANIZATION_POSITIONS = {
    ORG.originalOrganization: "object", ORG.resultingOrganization: "object",
    ORG.subOrganizationOf: "both", ORG.hasSubOrganization: "both", ORG.unitOf: "both",
    ORG.hasUnit: "both", ORG.organization: "object", ORG.memberOf: "object",
    ORG.headOf: "object", ORG.postIn: "object", ORG.linkedTo: "both", ORG.hasSite: "subject",
    ORG.hasMember: "subject", ORG.hasPost: "subject", ORG.member: "none",
}


def _super_properties(ontology: Graph, prop: URIRef) -> set[URIRef]:
    return set(ontology.transitive_objects(prop, RDFS.subPropertyOf))


def test_no_term_makes_a_province_an_organization_under_rdfs(project, store) -> None:
    ontology = Graph()
    for path in sorted(Path(project.root / "ontology").glob("*.ttl")):
        ontology.parse(path, format="turtle")
    used = rows(store, """
        SELECT DISTINCT ?p ?position WHERE {
          { ?u a pbo:ProvincialUnit . ?s ?p ?u . BIND("object" AS ?position) }
          UNION { ?u a pbo:ProvincialUnit . ?u ?p ?o . BIND("subject" AS ?position) }
        }""")
    assert used
    for row in used:
        prop, position = URIRef(row["p"]["value"]), row["position"]["value"]
        for sup in _super_properties(ontology, prop):
            where = ORG_ORGANIZATION_POSITIONS.get(sup)
            assert where not in (position, "both"), f"{prop} ⊑ {sup} puts a province in org"
            ranges = set(ontology.objects(sup, RDFS.range if position == "object"
                                           else RDFS.domain))
            organizations = {ORG.Organization, ORG.FormalOrganization, ORG.OrganizationalUnit}
            assert not ranges & organizations, f"{sup} makes a province an organization"
    assert (PBO.originalUnit, RDFS.subPropertyOf, ORG.originalOrganization) not in ontology


def test_awards_never_mix_named_recipients_and_counts(store) -> None:
    assert rows(store, """SELECT ?a WHERE { ?a a pbo:AwardDecision ; pbo:recipient ?r .
        { ?a pbo:collectiveCount ?c } UNION { ?a pbo:individualCount ?i } }""") == []


def test_conferred_by_and_proposed_to_follow_the_status(store) -> None:
    assert rows(store, "SELECT ?a WHERE { ?a pbo:giver ?g }") == []
    mixed = rows(store, """SELECT ?a WHERE {
        { ?a pbo:conferredBy ?g ; pbo:awardStatus/skos:notation ?s FILTER(?s != "conferred") }
        UNION { ?a pbo:proposedTo ?g ; pbo:awardStatus/skos:notation "conferred" } }""")
    assert mixed == []


def test_lang_son_proposal_names_no_one_and_counts_no_one(store) -> None:
    found = rows(store, f"""SELECT ?status ?to ?quote WHERE {{
        <{ID['fact/bao-lang-son-2020-12-30/award-proposal-2020']}> pbo:recipientsUnstated true ;
            pbo:awardStatus/skos:notation ?status ; pbo:proposedTo ?to ; pbo:evidence ?quote .
        FILTER NOT EXISTS {{ <{ID['fact/bao-lang-son-2020-12-30/award-proposal-2020']}>
            pbo:recipient|pbo:collectiveCount|pbo:individualCount ?x }} }}""")
    assert [(r["status"]["value"], r["to"]["value"]) for r in found] == [
        ("proposed", str(ID["org/ubnd-tinh-lang-son"]))]
    assert "đề nghị UBND tỉnh xét khen thưởng" in found[0]["quote"]["value"]


def test_cum_5_council_announced_and_proposed_the_2022_awards(store) -> None:
    council = ID["org/hoi-dong-thi-dua-khen-thuong-cum-5"]
    found = rows(store, f"""SELECT ?a WHERE {{ ?a a pbo:AwardDecision ;
        pbo:announcedBy <{council}> ; pbo:proposedBy <{council}> }}""")
    assert len(found) == 3


def test_rotating_flag_hand_over_and_self_assessment_are_not_awards(store) -> None:
    handover = ID["fact/xay-dung-dang-2022-12/flag-handover-2023"]
    assert rows(store, f"SELECT ?t WHERE {{ <{handover}> a pbo:AwardDecision }}") == []
    assert rows(store, f"SELECT ?u WHERE {{ <{handover}> a pbo:FlagHandover ; pbo:handedTo ?u }}")
    score = ID["fact/dev-10-sggp/x-award-excellent-completion-ranking-count"]
    assert rows(store, f"SELECT ?c WHERE {{ <{score}> a pbo:AssessmentResult ; pbo:count ?c }}")
    assert rows(store, f"SELECT ?t WHERE {{ <{score}> a pbo:AwardDecision }}") == []


def test_seed_movements_targets_and_compacts(store) -> None:
    adoptions = rows(store, """SELECT ?cluster ?year ?m ?n WHERE { ?f a pbo:MovementAdoption ;
        pbo:cluster ?cluster ; pbo:year ?year .
        OPTIONAL { ?f pbo:movement ?m } OPTIONAL { ?f pbo:movementCount ?n } }""")
    got = {(r["cluster"]["value"].rsplit("/", 1)[-1], r["year"]["value"],
            r.get("m", {}).get("value", "").rsplit("/", 1)[-1], r.get("n", {}).get("value"))
           for r in adoptions}
    assert {("to-chuc-xay-dung-dang-cum-4", "2020", "cach-lam-hay-mo-hinh-moi", None),
            ("ha-nam-khoi-ban-xay-dung-dang", "2020",
             "dai-hoi-thi-dua-yeu-nuoc-tinh-ha-nam-lan-thu-xi", None),
            ("ha-nam-khoi-ban-xay-dung-dang", "2020", "ky-niem-130-nam-thanh-lap-tinh-ha-nam", None),
            ("ha-nam-khoi-ban-xay-dung-dang", "2020", "chuyen-de-2020-hoc-tap-lam-theo-bac", None),
            ("lang-son-cum-co-quan-dang-tinh", "2020", "", "12")} <= got
    # The seeds' compacts only: the corpus articles add their own.
    compacts = rows(store, """SELECT ?cluster ?year WHERE { ?f a pbo:EmulationCompact ;
        pbo:cluster ?cluster ; pbo:year ?year ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?a .
        FILTER(!CONTAINS(STR(?a), "/article/dev-")) }""")
    assert {(r["cluster"]["value"].rsplit("/", 1)[-1], r["year"]["value"]) for r in compacts} == {
        ("lang-son-cum-co-quan-dang-tinh", "2020"), ("lang-son-cum-co-quan-dang-tinh", "2021"),
        ("to-chuc-xay-dung-dang-cum-4", "2021"), ("to-chuc-xay-dung-dang-cum-5", "2023")}


def test_conferences_presiding_bridge_points_and_visits(store) -> None:
    presided = rows(store, """SELECT ?c ?p WHERE { ?c a pbo:Conference ; pbo:presidedBy ?p }""")
    # Seed 001's review; the corpus articles add their own presiding officials and bridges.
    assert "ngo-van-lien" in {r["p"]["value"].rsplit("/", 1)[-1] for r in presided}
    bridges = rows(store, """SELECT ?b WHERE { ?c a pbo:Conference ; pbo:bridgePoint ?b }""")
    assert {r["b"]["value"].rsplit("/", 1)[-1] for r in bridges} >= {
        "thai-binh", "ban-to-chuc-trung-uong"}
    assert rows(store, "SELECT ?v WHERE { ?v a pbo:Visit , pbo:Conference }") == []
    visit = ID["event/vu-dia-phuong-iii-vieng-den-tho-nguyen-sinh-sac-2022"]
    assert rows(store, f"SELECT ?x WHERE {{ <{visit}> a pbo:Visit ; pbo:visitor ?x }}")


def test_an_award_handed_over_at_a_review_is_presented_there_not_decided(store) -> None:
    found = rows(store, f"""SELECT ?c ?d WHERE {{
        <{ID['fact/bao-tay-ninh-2020-12-04/award-certificate-cach-lam-hay']}>
            pbo:awardPresentedAt ?c . OPTIONAL {{
        <{ID['fact/bao-tay-ninh-2020-12-04/award-certificate-cach-lam-hay']}> pbo:decidedAt ?d }} }}""")
    assert [(r["c"]["value"].rsplit("/", 1)[-1], "d" in r) for r in found] == [
        ("to-chuc-xay-dung-dang-cum-4-tong-ket-2020", False)]


def test_committee_membership_is_not_a_shared_post(store, project) -> None:
    shared = rows(store, """SELECT ?p WHERE { ?p pbo:postRole ?r .
        FILTER(?r IN (<https://w3id.org/pbkg/id/concept/post-role/standing-committee-member>,
                      <https://w3id.org/pbkg/id/concept/post-role/central-committee-member>)) }""")
    assert shared == []
    thanh_hoa = rows(store, f"""SELECT ?who WHERE {{ ?f a pbo:CommitteeMembership ;
        pbo:committee <{ID['org/ban-thuong-vu-tinh-uy-thanh-hoa']}> ; pbo:holder ?who }}""")
    assert {r["who"]["value"].rsplit("/", 1)[-1] for r in thanh_hoa} == {
        "nguyen-van-hung", "do-thi-toan"}
    terms = rows(store, """SELECT DISTINCT ?t ?of WHERE { ?f a pbo:CommitteeMembership ;
        pbo:committee <https://w3id.org/pbkg/id/org/ban-chap-hanh-trung-uong> ; pbo:term ?t .
        OPTIONAL { ?t pbo:termOf ?of } }""")
    # each membership of the Central Committee is for one of its terms (XIII in the seeds)
    assert "ban-chap-hanh-trung-uong-khoa-xiii" in {r["t"]["value"].rsplit("/", 1)[-1] for r in terms}
    assert {r.get("of", {}).get("value") for r in terms} == {
        "https://w3id.org/pbkg/id/org/ban-chap-hanh-trung-uong"}
    old_post = str(ID["post/uy-vien-ban-thuong-vu-tinh-uy-ha-nam"])
    assert kept_iri(store, project.queries, old_post) == str(ID["org/ban-thuong-vu-tinh-uy-ha-nam"])


def test_two_reports_of_one_conference_are_one_node_with_two_sources(project, built_dist) -> None:
    """The real articles report no conference twice, so a second report of Cụm 4's 2020 review
    is added in its own source graph; `conferences` gives one node with two rows, each source
    with the quote taken from it and never the other's."""
    import pyoxigraph as ox

    from pbkg.catalog import load_catalog
    from pbkg.store import EmbeddedStore

    base = EmbeddedStore.from_dist(built_dist).store
    store = ox.Store()
    store.extend(base)
    conference = ox.NamedNode(str(ID["conference/to-chuc-xay-dung-dang-cum-4-tong-ket-2020"]))
    article = ox.NamedNode(str(ID["article/test-second-report-2020-12-05"]))
    graph = ox.NamedNode("https://w3id.org/pbkg/graph/article/test-second-report-2020-12-05")
    quote = "Cụm thi đua số 4 đã tổng kết công tác năm 2020 tại Tây Ninh"
    prov = "http://www.w3.org/ns/prov#"
    store.extend([
        ox.Quad(conference, ox.NamedNode(prov + "wasDerivedFrom"), article, graph),
        ox.Quad(conference, ox.NamedNode(str(PBO.evidence)), ox.Literal(quote, language="vi"),
                graph),
    ])
    query = load_catalog(project.queries)["conferences"]
    result = EmbeddedStore(store).query(query.render({}))
    mine = [r for r in result.rows if r["conference"]["value"] == conference.value]
    by_source = {r["source"]["value"]: r["evidence"]["value"] for r in mine}
    assert len(mine) == 2 and len(by_source) == 2
    assert by_source[article.value] == quote
    tay_ninh = str(ID["article/bao-tay-ninh-2020-12-04"])
    stated = {q.object.value for q in base.quads_for_pattern(
        conference, ox.NamedNode(str(PBO.evidence)), None,
        ox.NamedNode("https://w3id.org/pbkg/graph/article/bao-tay-ninh-2020-12-04"))}
    assert by_source[tay_ninh] in stated and quote not in stated
    # One node: the event's own statements (kind, date, label) are the same on both rows.
    assert len({(r["label"]["value"], r["kind"]["value"], r["date"]["value"]) for r in mine}) == 1


# One period pattern (item 6) ------------------------------------------------------------------

RETIRED_PERIOD_TERMS = (PBO.periodStart, PBO.periodEnd, PBO.reviewedPeriodStart,
                        PBO.reviewedPeriodEnd)


def test_no_data_uses_the_retired_period_terms(store) -> None:
    used = rows(store, """
        SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o }
          FILTER(?p IN (pbo:periodStart, pbo:periodEnd, pbo:reviewedPeriodStart,
                        pbo:reviewedPeriodEnd)) }""")
    assert used == []


def test_retired_period_terms_are_deprecated_and_replaced(project) -> None:
    from rdflib.namespace import DCTERMS, OWL

    ontology = Graph().parse(project.ontology / "pbkg.ttl")
    replaced = {t: ontology.value(t, DCTERMS.isReplacedBy) for t in RETIRED_PERIOD_TERMS}
    assert replaced == {PBO.periodStart: PBO.period, PBO.periodEnd: PBO.period,
                        PBO.reviewedPeriodStart: PBO.reviewedPeriod,
                        PBO.reviewedPeriodEnd: PBO.reviewedPeriod}
    assert all(str(ontology.value(t, OWL.deprecated)) == "true" for t in RETIRED_PERIOD_TERMS)


def test_the_ontology_page_marks_the_retired_period_terms(project, store) -> None:
    from pbkg.linked_data import LinkedData
    from pbkg.settings import Settings

    page = LinkedData(store, project.queries, Settings()).ontology_page()
    terms = {t["name"]: t for t in page["object_properties"] + page["other"] + page["classes"]}
    assert (terms["periodStart"]["deprecated"], terms["periodStart"]["replaced_by"]) == (
        True, ["period"])
    assert terms["reviewedPeriodEnd"]["replaced_by"] == ["reviewedPeriod"]
    assert terms["period"]["deprecated"] is False and terms["period"]["replaced_by"] == []


def test_tay_ninh_flag_period_is_a_period_node(store) -> None:
    found = rows(store, f"""
        SELECT ?period ?from ?until ?label WHERE {{
          <{ID['fact/bao-tay-ninh-2020-12-04/award-emulation-flag-2016-2020']}> pbo:period ?period .
          ?period a pbo:Period ; pbo:validFrom ?from ; pbo:validUntil ?until ;
                  <http://www.w3.org/2000/01/rdf-schema#label> ?label }}""")
    assert [(r["period"]["value"], r["from"]["value"], r["until"]["value"], r["label"]["value"])
            for r in found] == [(str(ID["period/2016-2020"]), "2016-01-01", "2020-12-31",
                                 "giai đoạn 2016-2020")]


def test_reviewed_periods_are_shared_nodes_with_the_slug_days(store) -> None:
    """Every reviewed period is a pbo:Period whose IRI names its days, and a span named by
    several articles (the whole year 2022: Cụm 5's review and Bắc Ninh's) is one node."""
    from datetime import date

    from pbkg.periods import period_bounds

    found = rows(store, """
        SELECT ?conference ?period ?from ?until WHERE {
          ?conference a pbo:Conference ; pbo:reviewedPeriod ?period .
          ?period a pbo:Period ; pbo:validFrom ?from ; pbo:validUntil ?until }""")
    assert len(found) >= 10
    for r in found:
        bounds = period_bounds(r["period"]["value"])
        assert bounds == (date.fromisoformat(r["from"]["value"]),
                          date.fromisoformat(r["until"]["value"])), r
    by_period: dict[str, set[str]] = {}
    for r in found:
        by_period.setdefault(r["period"]["value"], set()).add(r["conference"]["value"])
    assert len(by_period[str(ID["period/2022"])]) >= 2
    half = str(ID["period/2024-01-01--2024-06-30"])
    assert by_period[half] == {str(ID["conference/to-chuc-xay-dung-dang-cum-1-so-ket-2024"])}
