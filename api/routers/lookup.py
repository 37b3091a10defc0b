"""The lookup API: /api/clusters, organizations, provinces, people, documents, awards,
conferences and search, as JSON. Each handler maps HTTP to one function of pbkg.lookup.Lookup;
path ids are the slugs after /id/<kind>/. Every fact carries its source article, its evidence
quotes and whether it is inferred."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from pbkg.linked_data import Links
from pbkg.lookup import SLUG, Lookup
from pbkg.search import MAX_LIMIT, MAX_QUERY_LENGTH

router = APIRouter(prefix="/api", tags=["lookup"])


def get_lookup(request: Request) -> Lookup:
    state = request.app.state
    return Lookup(state.store, state.project.queries, state.settings)


def send(request: Request, data: Any) -> Any:
    """IRIs under the base rewritten to the public base when one is set."""
    return Links.from_settings(request.app.state.settings).json(data)


LookupDep = Annotated[Lookup, Depends(get_lookup)]

# Response models (for the OpenAPI description and to keep answers to their documented shape).

CM5 = "https://w3id.org/pbkg/id/cluster/to-chuc-xay-dung-dang-cum-5"
ARTICLE = "https://w3id.org/pbkg/id/article/xay-dung-dang-2022-12"


class Labels(BaseModel):
    vi: str | None = Field(None, description="Vietnamese label")
    en: str | None = Field(None, description="English label")


class Ref(BaseModel):
    """A link to another resource."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "ban-to-chuc-tinh-uy-kien-giang", "kind": "org",
        "iri": "https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-kien-giang",
        "labels": {"vi": "Ban Tổ chức Tỉnh ủy Kiên Giang",
                   "en": "Organization Board of the Kiên Giang Provincial Party Committee"}}]})
    id: str | None = Field(None, description="The slug after /id/<kind>/")
    kind: str | None = Field(None, description="The kind segment of the IRI (cluster, org, ...)")
    iri: str
    labels: Labels


class EntityHead(BaseModel):
    """What every entity in a response starts with."""

    id: str | None = Field(description="The slug after /id/<kind>/")
    iri: str
    labels: Labels


class Entity(EntityHead):
    alt_labels: list[str]


class ClassRef(BaseModel):
    iri: str
    name: str = Field(description="The class's local name (PartyBoard)")
    labels: Labels


class Source(BaseModel):
    """The news article a fact comes from."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "iri": ARTICLE, "title": "Cụm Thi đua số 5 (Ban Tổ chức Trung ương) tổ chức Hội nghị "
                                 "tổng kết công tác thi đua – khen thưởng năm 2022",
        "url": "https://xaydungdang.org.vn/thoi-su-chinh-tri/..."}]})
    iri: str
    title: str | None = None
    url: str | None = None


class Provenance(BaseModel):
    fact: str = Field(description="The IRI of the fact node")
    inferred: bool = Field(description="True when the source does not state the fact itself "
                                       "but it is inferred from stated facts")
    inferred_from: list[str] = Field(default_factory=list)
    source: Source | None = Field(description="The source article")
    evidence: list[str] = Field(description="Verbatim quotes of the source")
    notes: list[str] = Field(default_factory=list, description="Editorial notes (skos:note)")


class Membership(Provenance):
    cluster: Ref | None = None
    year: int | None = None
    unit: Ref | None = None


class Role(Provenance):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "cluster": {"id": "to-chuc-xay-dung-dang-cum-5", "kind": "cluster", "iri": CM5,
                    "labels": {"vi": "Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng"}},
        "year": 2023, "role": "chair",
        "unit": {"id": "ban-to-chuc-tinh-uy-kien-giang", "kind": "org",
                 "iri": "https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-kien-giang",
                 "labels": {"vi": "Ban Tổ chức Tỉnh ủy Kiên Giang"}},
        "person": None, "decided_at": None,
        "fact": "https://w3id.org/pbkg/id/fact/xay-dung-dang-2022-12/role-2023-chair",
        "inferred": False, "inferred_from": [], "source": {"iri": ARTICLE, "title": "…"},
        "evidence": ["bầu ra Cụm trưởng Cụm Thi đua số 5 năm 2023 là BTC TU Kiên Giang"],
        "notes": []}]})
    cluster: Ref | None = None
    year: int | None = None
    role: str | None = Field(None, description="chair, standing-vice-chair or vice-chair")
    unit: Ref | None = Field(None, description="The unit holding the role, if the source "
                                               "(or an inference) names one")
    person: Ref | None = Field(None, description="The person described as holding the role")
    decided_at: Ref | None = Field(None, description="The conference that elected the unit")


class MemberCount(Provenance):
    year: int | None = None
    count: int | None = None
    qualifier: str | None = Field(None, description="exact or more-than")


class Period(BaseModel):
    """A pbo:Period node (id/period/2016-2020): its labels and its first and last days."""
    id: str | None = None
    kind: str | None = None
    iri: str | None = None
    labels: Labels = Field(default_factory=Labels)
    start: str | None = Field(None, description="first day, xsd:date")
    end: str | None = Field(None, description="last day, xsd:date")


class Conference(Provenance):
    id: str | None = None
    iri: str
    labels: Labels
    kind: str | None = Field(None, description="year-end-review, mid-year-review, "
                                               "agreement-signing or other")
    date: str | None = Field(None, description="xsd:date or xsd:gYearMonth (never a page's "
                                               "display date)")
    place: Ref | None = None
    cluster: Ref | None = None
    reviewed_period: Period | None = None
    hosts: list[Ref] = Field(default_factory=list, description="Hosting is not chairing")
    attendees: list[Ref] = Field(default_factory=list)
    attending_unit_count: int | None = None
    outcomes: list[str] = Field(default_factory=list)


class Award(Provenance):
    kind: str | None = Field(None, description="emulation-flag, rotating-flag, "
                                               "certificate-of-merit, ...")
    kind_labels: Labels
    status: str | None = Field(None, description="conferred, proposed (not conferred) or "
                                                 "ranking")
    recipients: list[Ref] = Field(default_factory=list)
    collective_count: int | None = None
    individual_count: int | None = None
    count_qualifier: str | None = None
    year: int | None = None
    period: Period | None = Field(None, description="the period the award is for (pbo:period)")
    period_start: int | str | None = Field(None, description="first year of the period")
    period_end: int | str | None = Field(None, description="last year of the period")
    giver: Ref | None = Field(None, description="conferred_by, else proposed_to (kept for "
                                                "clients of the first model)")
    conferred_by: Ref | None = Field(None, description="who conferred it (conferred awards)")
    proposed_to: Ref | None = Field(None, description="the authority a proposed or ranked award "
                                                      "goes to")
    proposed_by: Ref | None = None
    announced_by: Ref | None = None
    recipients_unstated: bool = Field(False, description="the source names no recipient and "
                                                         "gives no count")
    presented_by: Ref | None = None
    movement: Ref | None = None
    achievement: str | None = None
    cluster: Ref | None = None
    decided_at: Ref | None = None


class Movement(Provenance):
    year: int | None = None
    movement: Ref | None = None


class YearMembers(BaseModel):
    year: int | None
    members: list[Membership]


class YearRoles(BaseModel):
    year: int | None
    roles: list[Role]


class ClusterSummary(EntityHead):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "to-chuc-xay-dung-dang-cum-5", "iri": CM5,
        "labels": {"vi": "Cụm thi đua số 5 ngành Tổ chức xây dựng Đảng",
                   "en": "Emulation Cluster No. 5 of the Party Organization Sector"},
        "type": "cluster", "level": "national-sector", "number": 5, "years": [2022, 2023]}]})
    type: str | None = Field(None, description="cluster (cụm) or block (khối)")
    level: str | None = Field(None, description="national-sector, provincial, district, ...")
    number: int | None = None
    years: list[int] = Field(description="Years the graph has facts for")


class Cluster(ClusterSummary):
    alt_labels: list[str]
    sector: str | None = None
    coordinated_by: Ref | None = None
    area: Ref | None = None
    members: list[YearMembers]
    leadership: list[YearRoles]
    member_counts: list[MemberCount]
    conferences: list[Conference]
    awards: list[Award]
    movements: list[Movement]


class Holder(Provenance):
    person: Ref | None = None
    attested_on: str | None = Field(None, description="xsd:date or xsd:gYearMonth")
    attested_in: int | None = Field(None, description="the year, when only the year is given")
    attested_not_after: str | None = Field(None, description="undated in the text: the "
                                                             "article's date, an upper bound")


class PostInOrganization(BaseModel):
    post: Ref
    role: str | None = None
    holders: list[Holder]


class Paper(Provenance):
    title: str | None = None
    conference: Ref | None = None
    unit: Ref | None = None
    person: Ref | None = None


class Organization(Entity):
    type: ClassRef | None = None
    parent: Ref | None = None
    area: Ref | None = None
    board_kind: str | None = None
    level: str | None = None
    memberships: list[Membership]
    roles: list[Role]
    awards: list[Award]
    posts: list[PostInOrganization]
    papers: list[Paper]
    conferences_hosted: list[Conference]
    valid_from: str | None = Field(None, description="first day of the body, when known")
    valid_until: str | None = Field(None, description="last day of the body, when it ended")
    in_force: bool | None = Field(None, description="with as_of: whether it existed that day")


class ProvinceSummary(EntityHead):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "bac-lieu", "iri": "https://w3id.org/pbkg/id/province/bac-lieu",
        "labels": {"vi": "Bạc Liêu", "en": "Bạc Liêu Province"}, "code": "95",
        "unit_type": "province", "generation": "pre-2025", "valid_from": "1997-01-01",
        "valid_until": "2025-06-30",
        "successor": {"id": "ca-mau-2025", "kind": "province",
                      "iri": "https://w3id.org/pbkg/id/province/ca-mau-2025",
                      "labels": {"vi": "Cà Mau", "en": "Cà Mau Province"}}}]})
    code: str | None = None
    unit_type: str | None = Field(None, description="province or city")
    generation: str | None = Field(None, description="pre-2025 or post-2025")
    valid_from: str | None = None
    valid_until: str | None = None
    successor: Ref | None = Field(None, description="The post-2025 unit it became part of")


class LegalBasis(Ref):
    identifier: str | None = None


class ProvinceChange(BaseModel):
    unit: Ref
    change: Ref
    kind: str | None = Field(None, description="merger or continuation")
    date: str | None = None
    legal_basis: LegalBasis | None = None


class GenerationPeriod(BaseModel):
    iri: str | None = None
    labels: Labels
    valid_from: str | None = None
    valid_until: str | None = None


class ProvinceAsOf(BaseModel):
    date: str
    in_force: bool = Field(description="whether this unit was in force that day")
    in_force_units: list[Ref] = Field(description="this unit if in force, else the units of "
                                                  "its lineage (what it became or came from) "
                                                  "that were")


class Province(ProvinceSummary):
    alt_labels: list[str]
    generation_period: GenerationPeriod
    became: ProvinceChange | None = Field(None, description="For a pre-2025 unit: what it "
                                                            "became, when, by which document")
    came_from: list[ProvinceChange] = Field(description="For a post-2025 unit: the units it "
                                                        "came from")
    party_committee: Ref | None = None
    organization_board: Ref | None = None
    as_of: ProvinceAsOf | None = Field(None, description="with as_of: which units of its "
                                                         "lineage were in force that day")


class PersonPost(Provenance):
    post: Ref | None = None
    organization: Ref | None = None
    post_role: str | None = None
    attested_on: str | None = None
    attested_in: int | None = None
    attested_not_after: str | None = None


class Person(Entity):
    name: str | None = None
    posts: list[PersonPost]
    cluster_roles: list[Role]
    papers: list[Paper]
    conferences_attended: list[Conference]


class DocumentSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "05-ct-tw-2016", "iri": "https://w3id.org/pbkg/id/document/05-ct-tw-2016",
        "identifier": "05-CT/TW", "labels": {"vi": "Chỉ thị 05-CT/TW", "en": "Directive 05-CT/TW"},
        "kind": "directive", "issued": "2016-05-15",
        "issuer": {"id": "bo-chinh-tri", "kind": "org",
                   "iri": "https://w3id.org/pbkg/id/org/bo-chinh-tri",
                   "labels": {"vi": "Bộ Chính trị", "en": "Politburo"}},
        "citations": 2, "citing_articles": 2}]})
    id: str | None
    iri: str
    identifier: str | None = None
    labels: Labels
    kind: str | None = None
    issued: str | None = None
    issuer: Ref | None = None
    citations: int
    citing_articles: int


class Citation(Provenance):
    article: Source | None = None
    conference: Ref | None = None
    identifier_as_written: str | None = Field(None, description="As the source wrote it, "
                                                                "even mistyped")


class Document(Entity):
    identifier: str | None = None
    kind: str | None = None
    issued: str | None = None
    effective_date: str | None = None
    issuer: Ref | None = None
    title: str | None = None
    plenum_number: int | None = None
    references: list[Ref]
    editorial_notes: list[str]
    citing_articles: list[Source]
    citations: list[Citation]


class SearchResult(Ref):
    type: ClassRef | None = None
    matched_label: str
    matched_language: str | None = None
    match: Literal["exact", "prefix", "words"]


class SearchResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "query": "BTC TU Soc Trang", "count": 1, "results": [{
            "id": "ban-to-chuc-tinh-uy-soc-trang", "kind": "org",
            "iri": "https://w3id.org/pbkg/id/org/ban-to-chuc-tinh-uy-soc-trang",
            "labels": {"vi": "Ban Tổ chức Tỉnh ủy Sóc Trăng"},
            "type": {"iri": "https://w3id.org/pbkg/ontology#PartyBoard", "name": "PartyBoard",
                     "labels": {"en": "party board"}},
            "matched_label": "BTC TU Sóc Trăng", "matched_language": "vi", "match": "exact"}]}]})
    query: str
    count: int
    results: list[SearchResult]


class ErrorBody(BaseModel):
    error: str = Field(examples=["NotFound"])
    message: str = Field(examples=["no cluster 'cum-99' (no https://w3id.org/pbkg/id/cluster/"
                                   "cum-99 in the graph)"])


NOT_FOUND = {404: {"model": ErrorBody, "description": "No such resource"}}
BAD_PARAM = {422: {"description": "A parameter is malformed (FastAPI's validation error "
                                  "list, or {error, message} from the core)"}}
# A list over the whole graph runs under the time limit, as /sparql queries do.
TIMED_OUT = {503: {"model": ErrorBody, "description": "The list took longer than the time "
                   "limit (PBKG_QUERY_TIMEOUT); narrow it (a cluster, a year, a status)"}}


AsOf = Annotated[date | None, Query(
    description="As of a date (YYYY-MM-DD): only the facts of that year; for bodies and "
                "provinces, whether they were in force that day", examples=["2021-06-30"])]


def _slug(kind: str, example: str) -> Any:
    return Path(pattern=SLUG, max_length=200, examples=[example],
                description=f"The slug after /id/{kind}/ in the resource's IRI")


ClusterFilter = Annotated[str | None, Query(
    pattern=SLUG, max_length=200, examples=["to-chuc-xay-dung-dang-cum-5"],
    description="Only this cluster (the slug after /id/cluster/)")]


# Routes --------------------------------------------------------------------------------------

@router.get("/clusters", response_model=list[ClusterSummary], summary="List emulation clusters",
            description="Every emulation cluster or block (national-sector and provincial), with "
                        "type, level, number and the years the graph has facts for.")
def list_clusters(request: Request, lookup: LookupDep) -> Any:
    return send(request, lookup.clusters())


@router.get("/clusters/{cluster_id}", response_model=Cluster, responses={**NOT_FOUND, **BAD_PARAM},
            summary="One emulation cluster",
            description="Labels, level, coordinating body, area; members by year; leadership by "
                        "year (chair, standing vice-chair, vice-chair: unit, person, whether "
                        "inferred, source article, evidence); member counts; conferences; awards; "
                        "movements.")
def get_cluster(request: Request, lookup: LookupDep,
                cluster_id: Annotated[str, _slug("cluster", "to-chuc-xay-dung-dang-cum-5")],
                as_of: AsOf = None) -> Any:
    return send(request, lookup.cluster(cluster_id, as_of=as_of))


@router.get("/organizations/{org_id}", response_model=Organization,
            responses={**NOT_FOUND, **BAD_PARAM}, summary="One organization",
            description="Labels, type, parent, area; cluster memberships by cluster and year; "
                        "leadership roles held; awards received; posts in it with their holders "
                        "as attested; papers presented; conferences hosted.")
def get_organization(request: Request, lookup: LookupDep,
                     org_id: Annotated[str, _slug("org", "ban-to-chuc-tinh-uy-kien-giang")],
                     as_of: AsOf = None) -> Any:
    return send(request, lookup.organization(org_id, as_of=as_of))


@router.get("/provinces", response_model=list[ProvinceSummary], responses=BAD_PARAM,
            summary="List provincial-level units",
            description="The 63 units valid until 2025-06-30 (pre-2025) and the 34 from "
                        "2025-07-01 (post-2025).")
def list_provinces(request: Request, lookup: LookupDep,
                   generation: Annotated[Literal["pre-2025", "post-2025"] | None, Query(
                       description="Only one generation")] = None) -> Any:
    return send(request, lookup.provinces(generation))


@router.get("/provinces/{province_id}", response_model=Province,
            responses={**NOT_FOUND, **BAD_PARAM}, summary="One provincial-level unit",
            description="Code, type, validity; for a pre-2025 unit what it became, when and by "
                        "which document; for a post-2025 unit the units it came from; its party "
                        "committee and organization board.")
def get_province(request: Request, lookup: LookupDep,
                 province_id: Annotated[str, _slug("province", "bac-lieu")],
                 as_of: AsOf = None) -> Any:
    return send(request, lookup.province(province_id, as_of=as_of))


@router.get("/people/{person_id}", response_model=Person, responses={**NOT_FOUND, **BAD_PARAM},
            summary="One person",
            description="Posts as attested (with dates, sources and quotes), cluster roles the "
                        "sources describe of the person, papers, conferences attended.")
def get_person(request: Request, lookup: LookupDep,
               person_id: Annotated[str, _slug("person", "nguyen-van-phong")],
               as_of: AsOf = None) -> Any:
    return send(request, lookup.person(person_id, as_of=as_of))


@router.get("/documents", response_model=list[DocumentSummary], responses=TIMED_OUT,
            summary="List documents",
            description="Party and state documents the sources cite, with identifier, kind, "
                        "date, issuer and how often they are cited.")
def list_documents(request: Request, lookup: LookupDep) -> Any:
    return send(request, lookup.documents())


@router.get("/documents/{document_id}", response_model=Document,
            responses={**NOT_FOUND, **BAD_PARAM}, summary="One document",
            description="Identifier, kind, date, issuer, title; who cited it where: article, "
                        "conference, the identifier as written, whether the link is inferred "
                        "(a mistyped identifier resolved by date, issuer and subject).")
def get_document(request: Request, lookup: LookupDep,
                 document_id: Annotated[str, _slug("document", "05-ct-tw-2016")]) -> Any:
    return send(request, lookup.document(document_id))


@router.get("/awards", response_model=list[Award],
            responses={**NOT_FOUND, **BAD_PARAM, **TIMED_OUT},
            summary="List awards",
            description="Award facts: kind, status (proposed is not conferred), named recipients "
                        "or unnamed counts, year or period, giver, cluster, source and evidence.")
def list_awards(request: Request, lookup: LookupDep,
                status: Annotated[Literal["conferred", "proposed", "ranking"] | None, Query(
                    description="Only this status")] = None,
                cluster: ClusterFilter = None,
                year: Annotated[int | None, Query(
                    ge=1000, le=9999, examples=[2022],
                    description="Awards for this year, or for a period that contains it")] = None
                ) -> Any:
    return send(request, lookup.awards(status=status, cluster=cluster, year=year))


@router.get("/conferences", response_model=list[Conference],
            responses={**NOT_FOUND, **BAD_PARAM, **TIMED_OUT},
            summary="List conferences",
            description="Reviews, agreement signings and other meetings, with date, place, "
                        "cluster, period reviewed, hosts, attendees, outcomes, source and "
                        "evidence.")
def list_conferences(request: Request, lookup: LookupDep,
                     cluster: ClusterFilter = None,
                     kind: Annotated[Literal["year-end-review", "mid-year-review",
                                             "agreement-signing", "other"] | None, Query(
                         description="Only this kind")] = None) -> Any:
    return send(request, lookup.conferences(cluster=cluster, kind=kind))


@router.get("/search", response_model=SearchResponse, responses=BAD_PARAM,
            summary="Search entities by name",
            description="Labels, alternative labels and abbreviations in Vietnamese and English, "
                        "ignoring case, diacritics, tone-mark placement, Unicode form and "
                        "punctuation ('ca mau', 'Tỉnh uỷ Cà Mau', 'BTC TU Soc Trang'). Ranked: "
                        "exact match, then prefix, then all words contained.")
def search(request: Request, lookup: LookupDep,
           q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_LENGTH, pattern=r"\w",
                                   examples=["BTC TU Soc Trang"],
                                   description="The text (at least one letter or digit)")],
           limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many")] = 20,
           kind: Annotated[str | None, Query(pattern=SLUG, max_length=50, examples=["org"],
                                             description="Only IRIs of this kind "
                                                         "(cluster, org, province, person, ...)")
                           ] = None) -> Any:
    return send(request, lookup.search(q, limit=limit, kind=kind))

