"""Entity resolution: what an article names, mapped to the nodes the graph already has.

A `Resolver` loads one lookup table from the graph (the assembled project files, or a built
dist/pbkg.nq): every province, committee, board, department, school, newspaper, state body,
cluster, person, post, place, document and conference, under each of its labels, alt labels,
abbreviations, names and identifiers, compared by a key that ignores diacritics, tone-mark
placement, Unicode form, case and punctuation and spells abbreviations out ("BTC TU Sóc Trăng",
"Ban Tổ chức Tỉnh uỷ Sóc Trăng" and its NFD form share one key).

What resolves is reused; only what is new is minted, as an ASCII-slug IRI under
https://w3id.org/pbkg/id/<kind>/ with an @vi label (and an @en label), and the new node is
registered at once so that a second mention in the same article resolves to it. The minted
nodes, with their triples, are in `Resolver.minted`.

Time matters for provinces: an event before 2025-07-01 names the 63 units of 2008-2025, an event
from that day the 34 units of 2025. The committee and boards of a province that was not merged
are one node across 2025 (the pre-2025 IRI); those of a merged province are new nodes from
2025-07-01 (the reference data holds both); other boards of a 2025 unit are minted on first use.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from pbkg.extract.patterns import norm_key, roman_to_int
from pbkg.namespaces import CONCEPT, DCTERMS, FOAF, ID, ORG, PBO, RDF, RDFS, SKOS
from pbkg.paths import ProjectPaths
from pbkg.periods import period_bounds
from pbkg.text import nfc, slugify

REORGANIZATION_DAY = date(2025, 7, 1)

# Classes an organization can have (the shapes' pbs:Unit).
UNIT_CLASSES = {str(PBO[c]) for c in (
    "PartyCommittee", "PartyBoard", "Department", "PoliticalSchool", "PressOrgan", "StateBody",
    "OtherOrganization", "CentralBody", "CommitteeTerm")}
INDEXED_CLASSES = UNIT_CLASSES | {str(PBO[c]) for c in (
    "ProvincialUnit", "EmulationCluster", "Person", "Place", "Document", "Conference",
    "EmulationMovement")} | {str(ORG.Post)}
_LABEL_PREDICATES = {str(RDFS.label), str(SKOS.altLabel), str(SKOS.prefLabel),
                     str(PBO.abbreviation), str(FOAF.name), str(DCTERMS.identifier)}
_PROPERTY_PREDICATES = {str(p) for p in (
    PBO.area, PBO.clusterNumber, PBO.clusterLevel, PBO.clusterType, PBO.generation,
    PBO.validFrom, PBO.validUntil, PBO.successor, PBO.unitType, DCTERMS.issued, DCTERMS.creator,
    PBO.documentKind, ORG.unitOf, PBO.boardKind, PBO.committeeLevel, ORG.postIn, PBO.postRole,
    PBO.conferenceKind, PBO.cluster, PBO.date, PBO.reviewedPeriod, PBO.coordinatedBy,
    PBO.termNumber, PBO.plenumNumber, DCTERMS.identifier)}


def rkey(text: str | None) -> str:
    """The comparison key of a name: folded, punctuation-free, abbreviations spelled out."""
    key = norm_key(nfc(text or ""), expand=True)
    # "TP. Cần Thơ" spells out to "thanh pho can tho"; "Thừa Thiên - Huế" loses its dash.
    return key


def loose_key(key: str) -> str:
    """A second, looser key: a city's "Thành ủy" and a province's "Tỉnh ủy" are one word."""
    return key.replace("thanh uy", "tinh uy")


# -- the lookup table --------------------------------------------------------------------


@dataclass
class Entity:
    iri: str
    types: set[str] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    label_vi: str | None = None
    label_en: str | None = None
    props: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def prop(self, predicate) -> str | None:
        values = self.props.get(str(predicate))
        return values[0] if values else None

    def is_a(self, *classes) -> bool:
        return any(str(c) in self.types for c in classes)


@dataclass
class Block:
    """One subject and its triples, as it will be written (one block per node)."""

    subject: str
    types: list[str]
    pairs: list[tuple[str, object]] = field(default_factory=list)
    comment: str | None = None

    def add(self, predicate, obj) -> Block:
        if obj is None:
            return self
        if isinstance(obj, Entity):
            obj = URIRef(obj.iri)
        elif type(obj) is str and obj.startswith("https://"):
            obj = URIRef(obj)
        self.pairs.append((str(predicate), obj))
        return self


def _vi(text: str) -> Literal:
    return Literal(nfc(text), lang="vi")


def _en(text: str) -> Literal:
    return Literal(nfc(text), lang="en")


class Index:
    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.by_loose: dict[str, set[str]] = defaultdict(set)

    def add_label(self, entity: Entity, label: str) -> None:
        key = rkey(label)
        if not key:
            return
        entity.labels.append(label)
        self.by_key[key].add(entity.iri)
        self.by_loose[loose_key(key)].add(entity.iri)

    def find(self, text: str | None, classes: Iterable[str] | None = None,
             loose: bool = True) -> list[Entity]:
        key = rkey(text)
        if not key:
            return []
        iris = set(self.by_key.get(key, ()))
        if not iris and loose:
            iris = set(self.by_loose.get(loose_key(key), ()))
        wanted = {str(c) for c in classes} if classes else None
        found = [self.entities[i] for i in sorted(iris) if i in self.entities]
        if wanted is not None:
            found = [e for e in found if e.types & wanted]
        return found


def index_from_quads(quads: Iterable) -> Index:
    subjects: dict[str, Entity] = {}
    for q in quads:
        if not isinstance(q.subject, ox.NamedNode):
            continue
        s = q.subject.value
        p = q.predicate.value
        if p == str(RDF.type):
            subjects.setdefault(s, Entity(s)).types.add(q.object.value)
        elif p in _LABEL_PREDICATES or p in _PROPERTY_PREDICATES:
            e = subjects.setdefault(s, Entity(s))
            value = q.object.value
            if p in _LABEL_PREDICATES and isinstance(q.object, ox.Literal):
                lang = q.object.language
                e.props.setdefault("labels", []).append(value)
                if p == str(RDFS.label) and lang == "vi" and e.label_vi is None:
                    e.label_vi = value
                if p == str(RDFS.label) and lang == "en" and e.label_en is None:
                    e.label_en = value
            if p in _PROPERTY_PREDICATES:
                e.props[p].append(value)
    index = Index()
    for iri, e in subjects.items():
        if not e.types & INDEXED_CLASSES:
            continue
        labels = e.props.pop("labels", [])
        index.entities[iri] = e
        for label in labels:
            index.add_label(e, label)
    return index


def project_quads(p: ProjectPaths, exclude: Iterable[Path] = ()) -> list:
    """The quads of the project's files (ontology, reference, entities, articles, extracted),
    leaving out `exclude` (the file being re-ingested)."""
    from pbkg.dataset import parse_file, source_files

    skip = {Path(x).resolve() for x in exclude}
    quads: list = []
    for sf in source_files(p):
        if sf.path.resolve() in skip:
            continue
        quads.extend(parse_file(sf.path, sf.graph))
    return quads


def dist_quads(dist: Path) -> list:
    return list(ox.parse(path=str(dist / "pbkg.nq"), format=ox.RdfFormat.N_QUADS))


# -- what the sources name ---------------------------------------------------------------

# Boards of a party committee: key, kind, Vietnamese and English names.
BOARDS = (
    ("ban tuyen giao va dan van", "propaganda", "Ban Tuyên giáo và Dân vận",
     "Propaganda and Mass Mobilization Board"),
    ("ban to chuc", "organization", "Ban Tổ chức", "Organization Board"),
    ("ban tuyen giao", "propaganda", "Ban Tuyên giáo", "Propaganda and Education Board"),
    ("ban dan van", "mass-mobilization", "Ban Dân vận", "Mass Mobilization Board"),
    ("ban noi chinh", "internal-affairs", "Ban Nội chính", "Internal Affairs Board"),
    ("uy ban kiem tra", "inspection", "Ủy ban Kiểm tra", "Inspection Commission"),
    ("van phong", "office", "Văn phòng", "Office"),
)
# Party committees: key, level, Vietnamese word, English word.
COMMITTEES = (
    ("dang uy phuong", "ward", "Đảng ủy phường", "Ward"),
    ("dang uy xa", "ward", "Đảng ủy xã", "Commune"),
    ("tinh uy", "provincial", "Tỉnh ủy", "Provincial"),
    ("thanh uy", "provincial", "Thành ủy", "Municipal"),
    ("huyen uy", "district", "Huyện ủy", "District"),
    ("thi uy", "district", "Thị ủy", "Town"),
    ("quan uy", "district", "Quận ủy", "Urban District"),
)
_DISTRICT_EN = {"huyen uy": "District", "thi uy": "Town", "quan uy": "Urban District",
                "thanh uy": "City"}
_SCHOOL = re.compile(r"^truong chinh tri\b")


@dataclass
class UnitName:
    """A unit name taken apart: board (or none), committee word, locality as written."""

    board: tuple[str, str, str, str] | None
    committee: tuple[str, str, str, str] | None
    locality: str  # as written, may be ""
    text: str


def _tail_words(text: str, n: int) -> str:
    """The last `n` words of `text` as written (words as norm_key splits them)."""
    if n <= 0:
        return ""
    words = list(re.finditer(r"[^\W_]+", text))
    if len(words) < n:
        return text.strip()
    return text[words[-n].start():].strip(" .,;:")


def parse_unit(text: str) -> UnitName | None:
    key = rkey(text)
    board = next((b for b in BOARDS if key.startswith(b[0] + " ") or key == b[0]), None)
    rest = key[len(board[0]):].strip() if board else key
    committee = next((c for c in COMMITTEES if rest.startswith(c[0] + " ") or rest == c[0]),
                     None)
    if committee is None:
        if board and rest in ("trung uong", "trung uong dang"):
            return UnitName(board, None, "", text)
        return None
    locality_key = rest[len(committee[0]):].strip()
    n = len(locality_key.split()) if locality_key else 0
    # the locality as written: count words from the end (abbreviations expand only in front)
    return UnitName(board, committee, _tail_words(text, n) if n else "", text)


_VN_NUMBERS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7,
               "tam": 8, "chin": 9, "muoi": 10}


def count_in(text: str | None) -> tuple[int | None, int | None]:
    """(collectives, individuals) counted in a recipient phrase: "3 tập thể, 4 cá nhân",
    "ba đơn vị", "một đơn vị"."""
    if not text:
        return None, None
    key = rkey(text)
    collectives = individuals = None
    for m in re.finditer(r"\b(\d+|" + "|".join(_VN_NUMBERS) + r")\s+(tap the|don vi|ca nhan"
                         r"|co quan|ban to chuc)\b", key):
        n = int(m.group(1)) if m.group(1).isdigit() else _VN_NUMBERS[m.group(1)]
        if m.group(2) == "ca nhan":
            individuals = n
        else:
            collectives = n
    return collectives, individuals


# -- publishers by web address -------------------------------------------------------------

# host (and path prefix) -> (IRI slug, vi label, en label, class, province of the pre-2025 map)
PUBLISHERS: dict[str, tuple[str, str, str, str, str | None]] = {
    "xaydungdang.org.vn": ("tap-chi-xay-dung-dang", "Tạp chí Xây dựng Đảng",
                           "Party Building Magazine", "PressOrgan", None),
    "baotayninh.vn": ("bao-tay-ninh", "Báo Tây Ninh", "Tây Ninh Newspaper", "PressOrgan",
                      "Tây Ninh"),
    "baosonla.org.vn": ("bao-son-la", "Báo Sơn La", "Sơn La Newspaper", "PressOrgan", "Sơn La"),
    "baolangson.vn": ("bao-lang-son", "Báo Lạng Sơn", "Lạng Sơn Newspaper", "PressOrgan",
                      "Lạng Sơn"),
    "baohanam.com.vn": ("bao-ha-nam", "Báo Hà Nam", "Hà Nam Newspaper", "PressOrgan", "Hà Nam"),
    "baothanhhoa.vn": ("bao-thanh-hoa", "Báo Thanh Hóa", "Thanh Hóa Newspaper", "PressOrgan",
                       "Thanh Hóa"),
    "danvan.vn": ("ban-dan-van-trung-uong", "Ban Dân vận Trung ương",
                  "Central Mass Mobilization Commission", "PartyBoard", None),
    "snv.bacninh.gov.vn": ("so-noi-vu-tinh-bac-ninh", "Sở Nội vụ tỉnh Bắc Ninh",
                           "Bắc Ninh Department of Home Affairs", "StateBody", "Bắc Ninh"),
    "tuyenquangtv.vn": ("dai-phat-thanh-va-truyen-hinh-tuyen-quang",
                        "Đài Phát thanh và Truyền hình Tuyên Quang",
                        "Tuyên Quang Radio and Television", "PressOrgan", "Tuyên Quang"),
    "baokhanhhoa.vn": ("bao-khanh-hoa", "Báo Khánh Hòa", "Khánh Hòa Newspaper", "PressOrgan",
                       "Khánh Hòa"),
    "baonghean.vn": ("bao-nghe-an", "Báo Nghệ An", "Nghệ An Newspaper", "PressOrgan", "Nghệ An"),
    "baodaklak.vn": ("bao-dak-lak", "Báo Đắk Lắk", "Đắk Lắk Newspaper", "PressOrgan", "Đắk Lắk"),
    "dangcongsan.org.vn/tinhuykiengiang": ("tinh-uy-kien-giang", "Tỉnh ủy Kiên Giang",
                                           "Kiên Giang Provincial Party Committee",
                                           "PartyCommittee", "Kiên Giang"),
    "sggp.org.vn": ("bao-sai-gon-giai-phong", "Báo Sài Gòn Giải Phóng",
                    "Saigon Giai Phong Newspaper", "PressOrgan", "Hồ Chí Minh"),
}


def publisher_for_url(url: str | None) -> tuple[str, str, str, str, str | None] | None:
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "amp.", "m."):
        host = host.removeprefix(prefix)
    path = parts.path.lower()
    for site, value in sorted(PUBLISHERS.items(), key=lambda kv: -len(kv[0])):
        site_host, _, site_path = site.partition("/")
        if host == site_host and (not site_path or path.startswith("/" + site_path)):
            return value
    return None


# -- the resolver ------------------------------------------------------------------------


@dataclass
class Context:
    """What an article lets one assume: the day (for the province generation) and the
    province a bare "Tỉnh ủy" refers to."""

    when: date | None = None
    province: Entity | None = None  # of the generation of `when`

    @property
    def post_2025(self) -> bool:
        return self.when is not None and self.when >= REORGANIZATION_DAY


@dataclass
class Resolution:
    iri: str
    minted: bool = False
    note: str | None = None  # how it was resolved, when that is an inference
    inferred: bool = False


class Resolver:
    def __init__(self, index: Index) -> None:
        self.index = index
        self.minted: dict[str, Block] = {}

    # -- construction

    @classmethod
    def from_quads(cls, quads: Iterable) -> Resolver:
        return cls(index_from_quads(quads))

    @classmethod
    def from_project(cls, p: ProjectPaths, exclude: Iterable[Path] = (),
                     use_dist: bool = False) -> Resolver:
        if use_dist and not list(exclude):
            from pbkg.build import is_stale

            if not is_stale(p):
                return cls.from_quads(dist_quads(p.dist))
        return cls.from_quads(project_quads(p, exclude))

    # -- registration of new nodes

    def mint(self, block: Block, labels: Iterable[str] = ()) -> Entity:
        if block.subject in self.index.entities:
            return self.index.entities[block.subject]
        entity = Entity(block.subject, types=set(block.types))
        for predicate, obj in block.pairs:
            if isinstance(obj, Literal) and predicate in _LABEL_PREDICATES:
                if predicate == str(RDFS.label) and obj.language == "vi":
                    entity.label_vi = entity.label_vi or str(obj)
                if predicate == str(RDFS.label) and obj.language == "en":
                    entity.label_en = entity.label_en or str(obj)
                self.index.add_label(entity, str(obj))
            if predicate in _PROPERTY_PREDICATES:
                entity.props[predicate].append(str(obj))
        for label in labels:
            self.index.add_label(entity, label)
        self.index.entities[block.subject] = entity
        self.minted[block.subject] = block
        return entity

    def entity(self, iri: str) -> Entity | None:
        return self.index.entities.get(str(iri))

    # -- provinces

    def provinces(self) -> list[Entity]:
        return [e for e in self.index.entities.values() if e.is_a(PBO.ProvincialUnit)]

    def province(self, name: str | None, when: date | None = None) -> Entity | None:
        """The provincial-level unit a name denotes at `when` (pre-2025 when unknown)."""
        found = self.index.find(name, [PBO.ProvincialUnit], loose=False)
        if not found:
            return None
        post = when is not None and when >= REORGANIZATION_DAY
        generation = "34-units-2025" if post else "63-units-2008"
        same = [e for e in found if (e.prop(PBO.generation) or "").endswith(generation)]
        if same:
            return same[0]
        # a pre-2025 name after the reorganization: the unit it became part of
        if post:
            successor = found[0].prop(PBO.successor)
            return self.entity(successor) if successor else found[0]
        return found[0]

    def at(self, province: Entity | None, when: date | None) -> Entity | None:
        """The same province in the generation of `when`."""
        if province is None:
            return None
        post = when is not None and when >= REORGANIZATION_DAY
        is_post = (province.prop(PBO.generation) or "").endswith("34-units-2025")
        if post and not is_post:
            successor = province.prop(PBO.successor)
            return self.entity(successor) if successor else province
        if not post and is_post:
            return self.province(province.label_vi, None) or province
        return province

    def provinces_in(self, text: str, when: date | None = None,
                     strict: bool = False) -> list[Entity]:
        """Provinces named in a text (as whole words), in order of first mention. "Hồ Chí Minh"
        counts only after "thành phố"/"TP." (otherwise it is the person); with `strict`, every
        name must follow "tỉnh", "thành phố", "Tỉnh ủy" or "Thành ủy"."""
        key = f" {rkey(text)} "
        names: dict[str, int] = {}
        for e in self.provinces():
            if not (e.prop(PBO.generation) or "").endswith("63-units-2008"):
                continue
            for label in e.labels:
                k = rkey(label)
                if len(k) < 4:
                    continue
                for m in re.finditer(f" {re.escape(k)} ", key):
                    before = key[:m.start()].split()[-2:]
                    admin = before[-1:] == ["tinh"] or before in (["thanh", "pho"],
                                                                 ["tinh", "uy"], ["thanh", "uy"])
                    if (strict or k == "ho chi minh") and not admin and \
                            not k.startswith(("tinh ", "thanh pho ")):
                        continue
                    pos = m.start()
                    if e.iri not in names or pos < names[e.iri]:
                        names[e.iri] = pos
                    break
        ordered = sorted(names, key=names.get)
        out = [self.at(self.entity(i), when) for i in ordered]
        return [e for e in out if e is not None]

    @staticmethod
    def _province_slug(province: Entity) -> str:
        return province.iri.rsplit("/", 1)[-1]

    @staticmethod
    def _is_city(province: Entity) -> bool:
        return (province.prop(PBO.unitType) or "").endswith("/city")

    # -- party committees and boards

    def continued_from(self, province: Entity) -> Entity | None:
        """For a 2025 unit that was not merged, the pre-2025 unit it continues."""
        if not (province.prop(PBO.generation) or "").endswith("34-units-2025"):
            return None
        before = [e for e in self.provinces() if e.prop(PBO.successor) == province.iri]
        return before[0] if len(before) == 1 else None

    def body_area(self, province: Entity) -> Entity:
        """The province under whose IRI a province's bodies are kept: the pre-2025 unit for a
        2025 unit that continues one (its bodies are one node across 2025)."""
        return self.continued_from(province) or province

    def committee(self, province: Entity) -> Entity:
        """The party committee of a provincial unit (minted for the 2025 units)."""
        province = self.body_area(province)
        city = self._is_city(province)
        word = "thanh-uy" if city else "tinh-uy"
        iri = str(ID[f"org/{word}-{self._province_slug(province)}"])
        if iri in self.index.entities:
            return self.index.entities[iri]
        name = province.label_vi or ""
        vi = f"{'Thành ủy' if city else 'Tỉnh ủy'} {name}"
        en = f"{name} {'Municipal' if city else 'Provincial'} Party Committee (from 2025)"
        block = Block(iri, [str(PBO.PartyCommittee)])
        block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(en))
        block.add(PBO.area, province).add(PBO.committeeLevel, CONCEPT["level/provincial"])
        return self.mint(block)

    def standing_committee(self, province: Entity) -> Entity:
        """The standing committee (Ban Thường vụ) of a provincial party committee, minted on
        first use: committee membership is membership of it, not a shared post."""
        committee = self.committee(province)
        slug = committee.iri.rsplit("/", 1)[-1]
        iri = str(ID[f"org/ban-thuong-vu-{slug}"])
        if iri in self.index.entities:
            return self.index.entities[iri]
        block = Block(iri, [str(PBO.PartyCommittee)])
        block.add(RDFS.label, _vi(f"Ban Thường vụ {committee.label_vi}"))
        of = (committee.label_en or committee.label_vi or "").replace(" (from 2025)", "")
        block.add(RDFS.label, _en(f"Standing Committee of the {of}"))
        block.add(ORG.subOrganizationOf, committee)
        block.add(PBO.committeeLevel, CONCEPT["level/provincial"])
        area = committee.prop(PBO.area)
        if area:
            block.add(PBO.area, URIRef(area))
        return self.mint(block)

    def central_committee_term(self, when: date | None) -> Entity | None:
        """The term of the Central Committee in force on a day (khóa XIII from 2021-02-01)."""
        if when is None:
            return None
        prefix = str(ID["org/ban-chap-hanh-trung-uong-khoa-"])
        day = when.isoformat()
        for entity in self.index.entities.values():
            since, until = entity.prop(PBO.validFrom), entity.prop(PBO.validUntil)
            if entity.iri.startswith(prefix) and since and since <= day and \
                    (until is None or day <= until):
                return entity
        return None

    def board(self, province: Entity, board: tuple[str, str, str, str]) -> Entity:
        province = self.body_area(province)
        committee = self.committee(province)
        city = self._is_city(province)
        found = self.index.find(f"{board[2]} {'Thành ủy' if city else 'Tỉnh ủy'} "
                                f"{province.label_vi}", UNIT_CLASSES)
        found = [e for e in found if e.prop(PBO.area) == province.iri]
        if found:
            return found[0]
        word = "thanh-uy" if city else "tinh-uy"
        iri = str(ID[f"org/{slugify(board[2])}-{word}-{self._province_slug(province)}"])
        vi = f"{board[2]} {'Thành ủy' if city else 'Tỉnh ủy'} {province.label_vi}"
        en = (f"{board[3]} of the {province.label_vi} "
              f"{'Municipal' if city else 'Provincial'} Party Committee")
        block = Block(iri, [str(PBO.PartyBoard)])
        block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(en))
        block.add(ORG.unitOf, committee).add(PBO.boardKind, CONCEPT[f"board-kind/{board[1]}"])
        block.add(PBO.area, province)
        return self.mint(block)

    def local_committee(self, committee: tuple[str, str, str, str], locality: str,
                        province: Entity | None) -> Entity:
        """A district, town or ward party committee (Huyện ủy Ea H'leo)."""
        word_vi = committee[2]
        if committee[0] == "thanh uy":  # a city below provincial level
            word_vi = "Thành ủy"
        vi = f"{word_vi} {locality}"
        found = self.index.find(vi, [PBO.PartyCommittee])
        if province is not None:
            found = [e for e in found if e.prop(PBO.area) in (province.iri, None)]
        if found:
            return found[0]
        level = "ward" if committee[1] == "ward" else "district"
        suffix = f"-{slugify(province.label_vi or '')}" if province is not None else ""
        iri = str(ID[f"org/{slugify(word_vi)}-{slugify(locality.replace('’', ''))}{suffix}"])
        if level == "ward":
            en = f"{locality} {committee[3]} Party Committee"
        else:
            en = f"{locality} {_DISTRICT_EN.get(committee[0], 'District')} Party Committee"
        block = Block(iri, [str(PBO.PartyCommittee)])
        block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(en))
        block.add(PBO.committeeLevel, CONCEPT[f"level/{level}"])
        if province is not None:
            block.add(PBO.area, province)
            block.add(ORG.subOrganizationOf, self.committee(province))
        return self.mint(block)

    def local_board(self, board: tuple[str, str, str, str], committee: Entity) -> Entity:
        vi = f"{board[2]} {committee.label_vi}"
        found = [e for e in self.index.find(vi, [PBO.PartyBoard])
                 if e.prop(ORG.unitOf) == committee.iri]
        if found:
            return found[0]
        iri = str(ID[f"org/{slugify(board[2])}-{committee.iri.rsplit('/', 1)[-1]}"])
        en = f"{board[3]} of the {committee.label_en or committee.label_vi}"
        block = Block(iri, [str(PBO.PartyBoard)])
        block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(en))
        block.add(ORG.unitOf, committee).add(PBO.boardKind, CONCEPT[f"board-kind/{board[1]}"])
        area = committee.prop(PBO.area)
        if area:
            block.add(PBO.area, area)
        return self.mint(block)

    # -- units in general

    def unit(self, text: str | None, ctx: Context, prefix: str | None = None,
             siblings: Iterable[str] = ()) -> Resolution | None:
        """The organization a name denotes; minted when new, None when it cannot be told
        (a bare "Tỉnh ủy" board with no province in the context)."""
        if not text or not rkey(text):
            return None
        text = nfc(text).strip()
        full = self._with_prefix(text, prefix, siblings)
        province = ctx.province
        for candidate in dict.fromkeys([full, text]):
            generic = _is_generic(candidate)
            hits = [h for h in self.index.find(candidate, UNIT_CLASSES)
                    if self._fits(h, ctx, generic)]
            if hits:
                return Resolution(hits[0].iri)
            if province is not None and generic:
                qualified = self._qualify(candidate, province)
                hits = [h for h in self.index.find(qualified, UNIT_CLASSES)
                        if self._fits(h, ctx, False)]
                if hits:
                    return Resolution(hits[0].iri)
        parsed = parse_unit(full)
        if parsed is not None:
            return self._structured(parsed, ctx)
        # a bare province in a list of organization boards
        bare = self.province(full, ctx.when)
        if bare is not None:
            return Resolution(self.board(bare, BOARDS[1]).iri)
        return self._other(full, ctx)

    def _fits(self, hit: Entity, ctx: Context, generic: bool) -> bool:
        """Whether a unit found by name fits the context: of the province generation of the
        event, and for a name without a place ("Ban Tuyên giáo Tỉnh ủy"), of its province."""
        area = self.entity(hit.prop(PBO.area) or "")
        if not self._exists_at(hit, ctx):
            return False
        if area is not None and area.is_a(PBO.ProvincialUnit):
            is_post = (area.prop(PBO.generation) or "").endswith("34-units-2025")
            # a pre-2025 body with no end date continues after the reorganization
            continues = not is_post and hit.prop(PBO.validUntil) is None and \
                hit.prop(PBO.area) is not None and self._has_continuation(area)
            if is_post != ctx.post_2025 and not (ctx.post_2025 and continues):
                return False
        if generic:
            if ctx.province is None or area is None:
                return False
            return area.iri in (ctx.province.iri, self.body_area(ctx.province).iri)
        return True

    def _has_continuation(self, province: Entity) -> bool:
        successor = self.entity(province.prop(PBO.successor) or "")
        return successor is not None and self.continued_from(successor) is not None

    @staticmethod
    def _exists_at(hit: Entity, ctx: Context) -> bool:
        """Whether a body with validity dates existed on the article's day."""
        if ctx.when is None:
            return True
        since, until = hit.prop(PBO.validFrom), hit.prop(PBO.validUntil)
        if since and ctx.when.isoformat() < since:
            return False
        return not (until and ctx.when.isoformat() > until)

    @staticmethod
    def _with_prefix(text: str, prefix: str | None, siblings: Iterable[str] = ()) -> str:
        """Put a distributive list's shared prefix back: ("Hà Nội", "Ban Tổ chức tỉnh ủy,
        thành ủy") -> "Ban Tổ chức Tỉnh ủy Hà Nội"; ("Tân Uyên", "các Văn phòng Đảng ủy", with
        a sibling "phường Bến Cát") -> "Văn phòng Đảng ủy phường Tân Uyên"."""
        if not prefix:
            return text
        key = rkey(text)
        if key.startswith(tuple(b[0] for b in BOARDS) + tuple(c[0] for c in COMMITTEES)):
            return text
        head = " ".join(w for w in rkey(prefix).split() if not w.isdigit() and w != "cac")
        board = next((b for b in BOARDS if f" {b[0]} " in f" {head} "), None)
        rest = f" {head.split(board[0], 1)[1]} " if board else f" {head} "
        sibling_keys = [rkey(s) for s in siblings] + [key]
        committee = None
        if any(k.startswith("phuong ") for k in sibling_keys) and " dang uy " in f"{rest} ":
            committee = COMMITTEES[0]
        elif any(k.startswith("xa ") for k in sibling_keys) and " dang uy " in f"{rest} ":
            committee = COMMITTEES[1]
        elif " huyen " in rest:
            committee = COMMITTEES[4]
        elif " quan " in rest:
            committee = COMMITTEES[6]
        elif " tinh " in rest or " thanh " in rest:
            committee = COMMITTEES[2]
        words = [w for w in ((board[2] if board else None), (committee[2] if committee else None))
                 if w]
        if not words:
            return text
        body = re.sub(r"^(?:phường|xã)\s+", "", text, flags=re.IGNORECASE)
        return " ".join(words + [body])

    @staticmethod
    def _qualify(text: str, province: Entity) -> str:
        """ "Ban Tuyên giáo Tỉnh ủy" -> "Ban Tuyên giáo Tỉnh ủy Hà Nam"; "Trường Chính trị tỉnh"
        -> "Trường Chính trị tỉnh Nghệ An"."""
        name = province.label_vi or ""
        key = rkey(text)
        if key.endswith(("tinh uy", "thanh uy", "tinh", "thanh pho")):
            return f"{text} {name}"
        return text

    def _structured(self, parsed: UnitName, ctx: Context) -> Resolution | None:
        board, committee, locality = parsed.board, parsed.committee, parsed.locality
        if committee is None:  # a central board not in the reference data
            return None
        if committee[1] == "provincial":
            province = self.province(locality, ctx.when) if locality else ctx.province
            if province is None:
                return None
            if board is None:
                return Resolution(self.committee(province).iri)
            return Resolution(self.board(province, board).iri)
        if not locality:
            return None
        local = self.local_committee(committee, locality, ctx.province)
        if board is None:
            return Resolution(local.iri)
        return Resolution(self.local_board(board, local).iri)

    def _other(self, text: str, ctx: Context) -> Resolution | None:
        """An organization of no board or committee pattern: a state body, a school, a
        newspaper, a publishing house, ..."""
        key = rkey(text)
        if not text[:1].isupper() and not key.startswith(("phuong ", "xa ")):
            return None  # "các tập thể ...", "ba đơn vị": not a name
        province = ctx.province
        known = self._known_body(key, text, province, ctx)
        if known is not None:
            return known
        vi = self._qualify(text, province) if province is not None else text
        if vi == text and province is not None and key.startswith("dang uy khoi") and \
                not self.provinces_in(text):
            vi = f"{text} tỉnh {province.label_vi}"
        if province is None and _is_generic(text):
            return None
        if _SCHOOL.match(key):
            cls = PBO.PoliticalSchool
        elif key.startswith(("bao ", "dai phat thanh", "tap chi")):
            cls = PBO.PressOrgan
        elif key.startswith(("uy ban nhan dan", "hoi dong nhan dan", "so ", "chinh phu")):
            cls = PBO.StateBody
        elif key.startswith("dang uy khoi"):
            cls = PBO.PartyCommittee
        elif key.startswith("vu "):
            cls = PBO.Department
        else:
            cls = PBO.OtherOrganization
        found = self.index.find(vi, UNIT_CLASSES)
        if found:
            return Resolution(found[0].iri)
        iri = str(ID[f"org/{slugify(vi.replace('’', ''))}"])
        block = Block(iri, [str(cls)])
        block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(_english_name(vi, "")))
        if cls == PBO.PartyCommittee:
            block.add(PBO.committeeLevel, CONCEPT["level/provincial" if province else
                                                  "level/central"])
        if cls == PBO.Department:
            parent = re.split(r",\s*", text, maxsplit=1)
            if len(parent) == 2:
                up = self.index.find(parent[1], UNIT_CLASSES)
                if up:
                    block.add(ORG.unitOf, up[0])
        if province is not None and vi != text:
            block.add(PBO.area, province)
        return Resolution(self.mint(block).iri, minted=True)

    def _known_body(self, key: str, text: str, province: Entity | None,
                    ctx: Context) -> Resolution | None:
        """State bodies and central organizations written in a few fixed ways."""
        for pattern, slug, vi, en, cls in _CENTRAL_BODIES:
            if re.fullmatch(pattern, key):
                found = self.index.find(vi, UNIT_CLASSES)
                if found:
                    return Resolution(found[0].iri)
                block = Block(str(ID[f"org/{slug}"]), [str(cls)])
                block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(en))
                if rkey(text) != rkey(vi):
                    block.add(SKOS.altLabel, _vi(text))
                return Resolution(self.mint(block).iri, minted=True)
        m = re.fullmatch(r"(uy ban nhan dan|hoi dong nhan dan|uy ban mat tran to quoc(?: viet nam)?"
                         r"|doan dai bieu quoc hoi|ban thuong vu) (tinh uy|thanh uy|thanh pho"
                         r"|tinh)(?: (.+))?", key)
        if not m:
            return None
        where = self.province(_tail_words(text, len(m.group(3).split())), ctx.when) \
            if m.group(3) else province
        if where is None:
            return None
        name = where.label_vi
        city = self._is_city(where)
        unit_vi = "thành phố" if city else "tỉnh"
        pslug = self._province_slug(where)
        body = m.group(1)
        if body == "ban thuong vu":
            committee = self.committee(where)
            vi = f"Ban Thường vụ {committee.label_vi}"
            iri = str(ID[f"org/ban-thuong-vu-{committee.iri.rsplit('/', 1)[-1]}"])
            en = f"Standing Committee of the {committee.label_en}"
            cls, extra = PBO.PartyCommittee, [(ORG.subOrganizationOf, committee),
                                              (PBO.committeeLevel, CONCEPT["level/provincial"])]
            short = None
        else:
            table = {
                "uy ban nhan dan": ("Ủy ban nhân dân", "UBND", "ubnd", "People's Committee"),
                "hoi dong nhan dan": ("Hội đồng nhân dân", "HĐND", "hdnd", "People's Council"),
                "doan dai bieu quoc hoi": ("Đoàn đại biểu Quốc hội", "Đoàn ĐBQH", "doan-dbqh",
                                           "National Assembly Delegation"),
            }
            if body.startswith("uy ban mat tran"):
                long_vi, short, slug = ("Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ",
                                        "uy-ban-mttq")
                body_en = "Vietnam Fatherland Front Committee"
            else:
                long_vi, short, slug, body_en = table[body]
            vi = f"{long_vi} {unit_vi} {name}"
            iri = str(ID[f"org/{slug}-{'thanh-pho' if city else 'tinh'}-{pslug}"])
            level = "City" if city else "Provincial"
            en = f"{name} {level} {body_en}" if body != "doan dai bieu quoc hoi" else \
                f"{name} {body_en}"
            cls, extra = (PBO.StateBody if "mat tran" not in body else PBO.OtherOrganization), []
        found = [e for e in self.index.find(vi, UNIT_CLASSES) if e.prop(PBO.area) in
                 (where.iri, None)]
        if found:
            return Resolution(found[0].iri)
        if iri in self.index.entities:
            return Resolution(iri)
        block = Block(iri, [str(cls)])
        block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(en))
        if short:
            block.add(SKOS.altLabel, _vi(f"{short} {unit_vi} {name}"))
        for pred, obj in extra:
            block.add(pred, obj)
        block.add(PBO.area, where)
        return Resolution(self.mint(block).iri, minted=True)

    # -- clusters

    def cluster(self, name: str, *, level: str, number: int | None, kind: str,
                ctx: Context) -> Entity:
        """The cluster a name denotes; a national-sector cluster is known by its number."""
        clusters = [e for e in self.index.entities.values() if e.is_a(PBO.EmulationCluster)]
        if level == "national-sector" and number is not None:
            for e in clusters:
                if (e.prop(PBO.clusterLevel) or "").endswith("/national-sector") and \
                        e.prop(PBO.clusterNumber) == str(number):
                    return e
            return self._mint_sector_cluster(number, name)
        area = ctx.province if level not in ("central", "national-sector") else None
        qualified = self._qualify(name, area) if area is not None else name
        for candidate in dict.fromkeys([name, qualified]):
            for e in self.index.find(candidate, [PBO.EmulationCluster]):
                if area is None or e.prop(PBO.area) in (area.iri, None):
                    if (e.prop(PBO.clusterNumber) or None) in (None, str(number) if number
                                                               else None):
                        return e
        return self._mint_cluster(name, level=level, number=number, kind=kind, area=area)

    def _mint_sector_cluster(self, number: int, written: str) -> Entity:
        iri = str(ID[f"cluster/to-chuc-xay-dung-dang-cum-{number}"])
        block = Block(iri, [str(PBO.EmulationCluster)])
        block.add(RDFS.label, _vi(f"Cụm thi đua số {number} ngành Tổ chức xây dựng Đảng"))
        block.add(RDFS.label, _en(f"Emulation Cluster No. {number} of the Party Organization "
                                  "Sector"))
        if rkey(written) != rkey(f"Cụm thi đua số {number} ngành Tổ chức xây dựng Đảng"):
            block.add(SKOS.altLabel, _vi(written))
        block.add(PBO.clusterType, CONCEPT["cluster-type/cluster"])
        block.add(PBO.clusterLevel, CONCEPT["level/national-sector"])
        block.add(PBO.clusterNumber, Literal(number))
        block.add(PBO.sector, _vi("Tổ chức xây dựng Đảng"))
        block.add(PBO.coordinatedBy, ID["org/ban-to-chuc-trung-uong"])
        return self.mint(block)

    def _mint_cluster(self, name: str, *, level: str, number: int | None, kind: str,
                      area: Entity | None) -> Entity:
        vi = name
        if area is not None and not self.provinces_in(name):
            key = rkey(name)
            if key.endswith(("tinh uy", "tinh", "thanh uy")):
                vi = f"{name} {area.label_vi}"
            else:
                vi = f"{name}, {'thành phố' if self._is_city(area) else 'tỉnh'} {area.label_vi}"
        vi = vi[0].upper() + vi[1:]
        core = re.sub(r"\b(thi dua|cac|cua)\b", " ", rkey(name))
        core = re.sub(r"\bso (\d+)\b", r"\1", core)
        slug = slugify(core)
        if area is not None:
            slug = f"{slugify(area.label_vi or '')}-{slug}"
        iri = str(ID[f"cluster/{slug}"])
        n = 2
        while iri in self.index.entities:
            iri = str(ID[f"cluster/{slug}-{n}"])
            n += 1
        en = _cluster_english(name, kind, number, area, level)
        block = Block(iri, [str(PBO.EmulationCluster)])
        block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(en))
        if rkey(vi) != rkey(name):
            block.add(SKOS.altLabel, _vi(name))
        ctype = "block" if kind == "block" else "cluster"
        block.add(PBO.clusterType, CONCEPT[f"cluster-type/{ctype}"])
        block.add(PBO.clusterLevel, CONCEPT[f"level/{level}"])
        if number:
            block.add(PBO.clusterNumber, Literal(number))
        if area is not None:
            block.add(PBO.area, area)
        return self.mint(block)

    # -- people, posts and places

    def person(self, name: str) -> Entity:
        found = self.index.find(name, [PBO.Person], loose=False)
        if found:
            return found[0]
        iri = str(ID[f"person/{slugify(name)}"])
        block = Block(iri, [str(PBO.Person)])
        block.add(RDFS.label, _vi(name)).add(FOAF.name, Literal(nfc(name)))
        return self.mint(block)

    def post(self, label_vi: str, label_en: str | None, org: Entity, role: str,
             suffix: str = "") -> Entity:
        found = [e for e in self.index.find(label_vi, [ORG.Post])
                 if e.prop(ORG.postIn) == org.iri]
        if found:
            return found[0]
        iri = str(ID[f"post/{slugify(label_vi)}{suffix}"])
        block = Block(iri, [str(ORG.Post)])
        block.add(RDFS.label, _vi(label_vi))
        if label_en:
            block.add(RDFS.label, _en(label_en))
        block.add(ORG.postIn, org).add(PBO.postRole, CONCEPT[f"post-role/{role}"])
        return self.mint(block)

    def place(self, name: str | None, ctx: Context) -> Entity | None:
        if not name:
            return None
        province = self.province(name, ctx.when)
        if province is not None:
            return province
        found = self.index.find(name, [PBO.Place])
        if found:
            return found[0]
        m = re.match(r"(phường|xã|huyện|quận|thị xã|thị trấn|thành phố)\s+(.+)$", name.strip(),
                     re.IGNORECASE)
        kind_en = {"phường": "Ward", "xã": "Commune", "huyện": "District", "quận": "District",
                   "thị xã": "Town", "thị trấn": "Township", "thành phố": "City"}
        en = f"{m.group(2)} {kind_en[m.group(1).lower()]}" if m else name
        slug = slugify(name.replace("’", ""))
        if ctx.province is not None:
            slug += f"-{slugify(ctx.province.label_vi or '')}"
        block = Block(str(ID[f"place/{slug}"]), [str(PBO.Place)])
        block.add(RDFS.label, _vi(name)).add(RDFS.label, _en(en))
        if ctx.province is not None:
            block.add(PBO.area, ctx.province)
        return self.mint(block)

    # -- publishers

    def publisher(self, url: str | None, name: str | None = None) -> Entity | None:
        known = publisher_for_url(url)
        if known is not None:
            slug, vi, en, cls, province_name = known
            iri = str(ID[f"org/{slug}"])
            if iri in self.index.entities:
                return self.index.entities[iri]
            found = self.index.find(vi, UNIT_CLASSES)
            if found:
                return found[0]
            block = Block(iri, [str(PBO[cls])])
            block.add(RDFS.label, _vi(vi)).add(RDFS.label, _en(en))
            province = self.province(province_name) if province_name else None
            if province is not None:
                block.add(PBO.area, province)
            return self.mint(block)
        if name:
            found = self.index.find(name, UNIT_CLASSES)
            if found:
                return found[0]
            block = Block(str(ID[f"org/{slugify(name)}"]), [str(PBO.PressOrgan)])
            block.add(RDFS.label, _vi(name)).add(RDFS.label, _en(_english_name(name, "")))
            return self.mint(block)
        return None

    def publisher_province(self, url: str | None) -> Entity | None:
        known = publisher_for_url(url)
        return self.province(known[4]) if known and known[4] else None

    # -- documents

    def document(self, written: str, *, kind: str | None, number: str | None,
                 issuer: str | None, issued: str | None) -> list[Resolution]:
        """The document(s) a citation names. A plenum resolution of two terms ("Nghị quyết
        Trung ương 4 (khóa XI, XII)") names two documents. A mistyped identifier is linked
        only when number, date and issuer agree with one document (marked inferred)."""
        docs = [e for e in self.index.entities.values() if e.is_a(PBO.Document)]
        written = nfc(written).strip()
        m = re.search(r"trung uong (\d+) khoa ((?:[ivx]+ ?)+)$", rkey(written))
        if m and len(m.group(2).split()) > 1:
            out = []
            for term in m.group(2).split():
                label = f"Nghị quyết Trung ương {m.group(1)} khóa {term.upper()}"
                found = self.index.find(label, [PBO.Document])
                if found:
                    out.append(Resolution(found[0].iri))
            if out:
                return out
        code = _CODE.search(written)
        if code:
            ident = code.group(0)
            by_id = [d for d in docs if rkey(d.prop(DCTERMS.identifier)) == rkey(ident)]
            if by_id:
                return [Resolution(by_id[0].iri)]
            match = self._mistyped(ident, docs, issuer, issued)
            if match is not None:
                return [match]
            return [Resolution(self._mint_document(ident, kind, issuer, issued).iri, True)]
        found = self.index.find(written, [PBO.Document]) or self.index.find(
            _congress(written), [PBO.Document])
        if found:
            return [Resolution(found[0].iri)]
        if number and kind:
            same = [d for d in docs if _doc_kind(kind) and
                    (d.prop(PBO.documentKind) or "").endswith("/" + _doc_kind(kind)) and
                    (d.prop(DCTERMS.identifier) or "").split("-")[0].lstrip("0") ==
                    number.lstrip("0")]
            body = self.index.find(issuer, UNIT_CLASSES) if issuer else []
            if body:
                same = [d for d in same if d.prop(DCTERMS.creator) in {b.iri for b in body}]
            if issued:  # a date written with the citation must agree
                same = [d for d in same if d.prop(DCTERMS.issued) in (None, issued)]
            if len(same) == 1:
                by = (["kind", "number"] + (["issuer"] if body else [])
                      + (["date"] if issued else []))
                return [Resolution(same[0].iri, note=(
                    f"Cited as \"{written}\"; resolved to {same[0].prop(DCTERMS.identifier)} "
                    f"by its {', '.join(by[:-1])} and {by[-1]}."))]
        return [Resolution(self._mint_document(written, kind, issuer, issued).iri, True)]

    def _mistyped(self, ident: str, docs: list[Entity], issuer: str | None,
                  issued: str | None) -> Resolution | None:
        if not issued:
            return None
        number = ident.split("-")[0].lstrip("0")
        body = self.index.find(issuer, UNIT_CLASSES) if issuer else []
        for d in docs:
            did = d.prop(DCTERMS.identifier) or ""
            if did.split("-")[0].lstrip("0") != number or d.prop(DCTERMS.issued) != issued:
                continue
            if body and d.prop(DCTERMS.creator) not in {b.iri for b in body}:
                continue
            return Resolution(d.iri, inferred=True, note=(
                f"Identifier as written, {ident}, names no known document; linked to {did}, "
                f"which has the same number, date ({issued})"
                + (" and issuer." if body else ".")))
        return None

    def _mint_document(self, written: str, kind: str | None, issuer: str | None,
                       issued: str | None) -> Entity:
        code = _CODE.search(written)
        kind_slug = _doc_kind(kind) or (_kind_from_code(code.group(0)) if code else None) \
            or "resolution"
        year = issued[:4] if issued else None
        base = slugify(code.group(0) if code else written)
        iri = str(ID[f"document/{base}{f'-{year}' if year else ''}"])
        if iri in self.index.entities:
            return self.index.entities[iri]
        block = Block(iri, [str(PBO.Document)])
        kind_vi, kind_en = _KIND_NAMES[kind_slug]
        if code:
            block.add(DCTERMS.identifier, Literal(code.group(0)))
            block.add(RDFS.label, _vi(f"{kind_vi} {code.group(0)}"))
            block.add(RDFS.label, _en(f"{kind_en} {code.group(0)}"))
        else:
            block.add(RDFS.label, _vi(written))
        block.add(PBO.documentKind, CONCEPT[f"document-kind/{kind_slug}"])
        if issued and re.fullmatch(r"\d{4}-\d{2}-\d{2}", issued):
            block.add(DCTERMS.issued, Literal(issued, datatype=XSD.date))
        creator = self.issuer(issuer, issued)
        if creator is not None:
            block.add(DCTERMS.creator, creator)
        return self.mint(block)

    def issuer(self, issuer: str | None, issued: str | None) -> Entity | None:
        if not issuer:
            return None
        key = rkey(issuer)
        if key.startswith("ban chap hanh trung uong"):
            m = re.search(r"khoa ([ivx]+)", key)
            terms = [e for e in self.index.entities.values() if e.is_a(PBO.CommitteeTerm)]
            for t in terms:
                if m and (t.prop(PBO.termNumber) or "").lower() == m.group(1):
                    return t
                if not m and issued:
                    start, end = t.prop(PBO.validFrom), t.prop(PBO.validUntil) or "9999"
                    if start and start <= issued <= end:
                        return t
        found = self.index.find(re.sub(r"\s*\(.*\)$", "", issuer), UNIT_CLASSES)
        return found[0] if found else None

    # -- conferences already in the graph

    def conference(self, cluster: Entity, kind: str, when: str | None,
                   year: str | None) -> Entity | None:
        for e in self.index.entities.values():
            if not e.is_a(PBO.Conference) or e.prop(PBO.cluster) != cluster.iri:
                continue
            if not (e.prop(PBO.conferenceKind) or "").endswith("/" + kind):
                continue
            if when and e.prop(PBO.date) == when:
                return e
            reviewed = period_bounds(e.prop(PBO.reviewedPeriod) or "")
            start = reviewed[0].isoformat() if reviewed else e.prop(PBO.date) or ""
            if not when and year and start.startswith(str(year)):
                return e
        return None


# Central bodies not in the reference data: key pattern, slug, vi, en, class.
_CENTRAL_BODIES = (
    (r"chinh phu(?: nuoc .*)?", "chinh-phu", "Chính phủ", "Government of Vietnam", PBO.StateBody),
    (r"ban thi dua khen thuong trung uong", "ban-thi-dua-khen-thuong-trung-uong",
     "Ban Thi đua - Khen thưởng Trung ương", "Central Emulation and Commendation Board",
     PBO.StateBody),
    (r"nha xuat ban chinh tri quoc gia(?: su that)?", "nha-xuat-ban-chinh-tri-quoc-gia-su-that",
     "Nhà xuất bản Chính trị quốc gia Sự thật", "Sự thật National Political Publishing House",
     PBO.OtherOrganization),
)

_CODE = re.compile(r"\d+\s*[-/]\s*[A-ZĐ]{2,3}(?:-[A-Za-z]+)?\s*/\s*[A-Z]{2,4}\d*"
                   r"|\d+/\d{4}/[A-Z]{2,4}\d*")
_KIND_NAMES = {
    "resolution": ("Nghị quyết", "Resolution"), "directive": ("Chỉ thị", "Directive"),
    "conclusion": ("Kết luận", "Conclusion"), "regulation": ("Quy định", "Regulation"),
    "notice": ("Thông báo", "Notice"), "law-resolution": ("Nghị quyết", "Resolution"),
}


def _doc_kind(kind: str | None) -> str | None:
    key = rkey(kind)
    for words, slug in (("nghi quyet", "resolution"), ("chi thi", "directive"),
                        ("ket luan", "conclusion"), ("quy dinh", "regulation"),
                        ("thong bao", "notice")):
        if key.startswith(words):
            return slug
    return None


def _kind_from_code(code: str) -> str | None:
    letters = re.search(r"[-/]\s*([A-ZĐ]{2,3})", code)
    return {"NQ": "resolution", "CT": "directive", "KL": "conclusion", "QĐ": "regulation",
            "QD": "regulation", "TB": "notice"}.get(letters.group(1) if letters else "")


def _is_generic(text: str) -> bool:
    """A unit name that needs a province to mean anything ("Ban Tuyên giáo Tỉnh ủy",
    "Trường Chính trị tỉnh", "Văn phòng Tỉnh ủy")."""
    key = rkey(text)
    parsed = parse_unit(text)
    if parsed is not None and parsed.committee is not None:
        return parsed.committee[1] == "provincial" and not parsed.locality
    return key.endswith((" tinh", " tinh uy", " thanh uy"))


def _congress(written: str) -> str:
    """ "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII" -> "Nghị quyết Đại hội XIII"."""
    m = re.search(r"đại\s+hội\b.*?\b([IVXL]+)\b", written, re.IGNORECASE)
    return f"Nghị quyết Đại hội {m.group(1).upper()}" if m and roman_to_int(m.group(1)) else written


_CLUSTER_EN = (  # what a cluster's name says its members are
    (r"cac ban xay dung dang", "party-building boards"),
    (r"cac ban co quan cua dang", "boards and agencies of the Party"),
    (r"cac co quan tham muu cua tinh uy", "advisory agencies of the Provincial Party Committee"),
    (r"cac co quan dang trung uong", "central Party agencies"),
    (r"cac co quan dang", "Party agencies"),
)


def _cluster_english(name: str, kind: str, number: int | None, area: Entity | None,
                     level: str) -> str:
    kind_en = "Block" if kind == "block" else "Cluster"
    head = f"Emulation {kind_en}{f' No. {number}' if number else ''}"
    key = rkey(name)
    members = next((en for pattern, en in _CLUSTER_EN if re.search(pattern, key)), None)
    where = f"{area.label_vi}" if area is not None else ""
    if members:
        return f"{head} of {members}{f', {where}' if where else ''}"
    if key.endswith("tinh uy") and where:
        return f"{head} of the {where} Provincial Party Committee"
    if where:
        return f"{head} ({level} level), {where}"
    return f"{head} ({level} level)"


def _english_name(vi: str, kind: str) -> str:
    """A readable English label for a minted organization (the Vietnamese name, typed)."""
    m = re.match(r"Báo (.+)$", vi)
    if m:
        return f"{m.group(1)} Newspaper"
    m = re.match(r"Trường Chính trị (?:tỉnh )?(.+)$", vi)
    if m:
        return f"{m.group(1)} Political School"
    for pattern, english in (
            (r"Đảng ủy Khối các cơ quan tỉnh (.+)$", "{} Provincial Agencies Party Committee"),
            (r"Đảng ủy Khối Doanh nghiệp tỉnh (.+)$", "{} Provincial Enterprises Party Committee"),
            (r"Ban Bảo vệ,? chăm sóc sức khỏe cán bộ tỉnh (.+)$",
             "{} Provincial Board for Cadres' Health Care")):
        m = re.match(pattern, vi)
        if m:
            return english.format(m.group(1))
    m = re.match(r"Nhà xuất bản (.+)$", vi)
    if m:
        return f"{m.group(1)} Publishing House"
    return vi


__all__ = ["Block", "Context", "Entity", "Index", "Resolution", "Resolver", "count_in",
           "parse_unit", "publisher_for_url", "rkey"]
