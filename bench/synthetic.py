"""A synthetic pbkg project of a chosen size, in the same model as data/curated and data/sources.

    python bench/synthetic.py --triples 100000 --out /tmp/pbkg-100k [--seed 7] [--plant]

`generate(out_root, triples, seed)` writes a project-shaped folder that `pbkg.build.build` builds:

    ontology/ shapes/ queries/ data/reference/   copied from the real project
    data/sources/<key>.ttl                       one schema:NewsArticle per file (metadata)
    data/curated/<key>.ttl                       the facts that article states
    data/curated/entities.ttl                    clusters, synthetic units, people, posts,
                                                 movements and places

Content: emulation clusters at every level (national sector, central, provincial, district, ward,
other); for each cluster a run of consecutive years, and for each cluster-year one article that
reports the year-end review: the members that year (pbo:ClusterMembership), exactly one chair,
one standing vice-chair and one or two vice-chairs, each a member that year (sometimes with a
person described as chair and the chair unit marked as inferred, as in the real data), the member
count, awards of every status, the yearly theme, citations of the real reference documents,
conference papers and the posts of the officials named. Members are the real organization boards
of the reference tables (`id/org/ban-to-chuc-tinh-uy-<slug>`) and central boards where sensible,
plus synthetic boards, newspapers, schools, district and ward committees (IRIs starting `syn-`).

`triples` is the number of triples to generate in data/sources and data/curated (the ontology
and the reference data add about 3,600 more to a build). Generation stops at the first article
that reaches it. Output depends only on (triples, seed) and the copied project files: no clock,
no hash-ordered iteration, so two runs are byte-identical.

`plant_violations(out_root)` adds data/curated/syn-planted-violations.ttl with known defects and
returns the number of validation results the shapes must report for them.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS

from pbkg.namespaces import ID
from pbkg.paths import ProjectPaths, paths
from pbkg.periods import period_iri
from pbkg.reference import load_province_tables, reference_graphs
from pbkg.text import nfc, slugify

BASE = str(ID)
FIRST_YEAR, LAST_YEAR = 2015, 2024
COPIED = ("ontology", "shapes", "queries")
ENTITIES = "entities.ttl"
PLANTED = "syn-planted-violations"

PREFIXES: dict[str, str] = {
    "pbo": "https://w3id.org/pbkg/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "art": BASE + "article/",
    "cl": BASE + "cluster/",
    "o": BASE + "org/",
    "pr": BASE + "province/",
    "pe": BASE + "person/",
    "po": BASE + "post/",
    "mv": BASE + "movement/",
    "pl": BASE + "place/",
    "doc": BASE + "document/",
    "conf": BASE + "conference/",
    "role": BASE + "concept/cluster-role/",
    "ctype": BASE + "concept/cluster-type/",
    "level": BASE + "concept/level/",
    "board": BASE + "concept/board-kind/",
    "prole": BASE + "concept/post-role/",
    "mtype": BASE + "concept/movement-type/",
    "award": BASE + "concept/award-kind/",
    "status": BASE + "concept/award-status/",
    "ckind": BASE + "concept/conference-kind/",
    "count": BASE + "concept/count-qualifier/",
}

# Name pools (NFC is applied on output anyway).
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Quang", "Ngọc", "Thành", "Xuân",
           "Hồng", "Kim", "Công", "Thu", "Anh", "Bảo"]
GIVENS = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương",
          "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn",
          "Tâm", "Thắng", "Thảo", "Thủy", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Đông", "Lợi"]
PLACE_A = ["Tân", "Phú", "An", "Bình", "Long", "Thạnh", "Hòa", "Vĩnh", "Đông", "Tây", "Mỹ",
           "Thuận", "Hưng", "Lạc", "Quảng", "Yên", "Cẩm", "Kim", "Thạch", "Đức"]
PLACE_B = ["Phú", "Yên", "Thành", "Lợi", "Hòa", "Sơn", "Lâm", "Điền", "Xuân", "Khánh", "Định",
           "Trung", "Hiệp", "Mỹ", "Lộc", "Thủy", "Bình", "Phong", "Tường", "Ninh"]
PAPER_TITLES = [
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Công tác phát triển đảng viên trong thanh niên",
    "Đổi mới công tác đánh giá, xếp loại cán bộ",
    "Ứng dụng công nghệ thông tin trong quản lý hồ sơ đảng viên",
    "Công tác bảo vệ chính trị nội bộ",
    "Thực hiện chế độ chính sách đối với đảng viên",
    "Công tác đào tạo, bồi dưỡng cán bộ trẻ",
    "Kinh nghiệm sắp xếp tổ chức bộ máy tinh gọn",
    "Nâng cao chất lượng công tác tham mưu của cơ quan đảng",
    "Công tác kết nạp đảng viên ở vùng đồng bào dân tộc thiểu số",
]
THEMES = [
    "Đoàn kết, kỷ cương, sáng tạo, hiệu quả",
    "Đoàn kết - Kỷ cương - Hành động - Sáng tạo - Trách nhiệm - Nêu gương",
    "Chủ động, sáng tạo, đổi mới, hiệu quả",
    "Kỷ cương, trách nhiệm, hành động, hiệu quả",
    "Đoàn kết, đổi mới, nêu gương, hành động",
]
OUTCOMES = [
    "Ký kết giao ước thi đua năm {next}.",
    "Bầu đơn vị {lead} và các đơn vị {vice} năm {next}.",
    "Đề ra phương hướng, nhiệm vụ công tác thi đua, khen thưởng năm {next}.",
    "Trao Cờ luân lưu cho đơn vị {lead} năm {next}.",
]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]


# ---------------------------------------------------------------------------------------------
# Turtle output: pairs (predicate, [objects]) per subject, every object already a Turtle term.
# ---------------------------------------------------------------------------------------------

def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r"))


def vi(text: str) -> str:
    return f'"{_escape(nfc(text))}"@vi'


def en(text: str) -> str:
    return f'"{_escape(nfc(text))}"@en'


def plain(text: str) -> str:
    return f'"{_escape(nfc(text))}"'


def typed(lexical: str, datatype: str) -> str:
    return f'"{_escape(lexical)}"^^xsd:{datatype}'


def gyear(year: int) -> str:
    return typed(str(year), "gYear")


def xdate(day: date) -> str:
    return typed(day.isoformat(), "date")


def period_block(start: date, end: date, label: str) -> Block:
    """A pbo:Period node, written as every file that names the span writes it."""
    return Block(f"<{period_iri(start, end)}>", [
        ("a", ["pbo:Period"]), ("rdfs:label", [vi(label)]),
        ("pbo:validFrom", [xdate(start)]), ("pbo:validUntil", [xdate(end)])])


def nonneg(n: int) -> str:
    """A count. Written as a plain xsd:integer, as the curated data does and the shapes require
    (an Oxigraph store rewrites xsd:nonNegativeInteger to xsd:integer anyway)."""
    assert n >= 0
    return str(n)


Pairs = list[tuple[str, list[str]]]


@dataclass
class Block:
    subject: str
    pairs: Pairs
    comment: str | None = None

    @property
    def triples(self) -> int:
        return sum(len(objects) for _, objects in self.pairs)

    def turtle(self) -> str:
        lines = [f"# {self.comment}"] if self.comment else []
        lines.append(f"{self.subject}")
        for i, (pred, objects) in enumerate(self.pairs):
            end = " ." if i == len(self.pairs) - 1 else " ;"
            lines.append(f"    {pred} {' , '.join(objects)}{end}")
        return "\n".join(lines) + "\n"


def render(blocks: list[Block], header: str, extra_prefixes: dict[str, str] | None = None) -> str:
    names = {**PREFIXES, **(extra_prefixes or {})}
    out = [f"@prefix {p + ':':<8}<{ns}> ." for p, ns in names.items()]
    out.append("")
    out.extend(f"# {line}" if line else "#" for line in header.splitlines())
    out.append("")
    out.extend(block.turtle() for block in blocks)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# The world: provinces, units, clusters, people
# ---------------------------------------------------------------------------------------------

@dataclass
class Province:
    code: str
    name: str
    slug: str
    is_city: bool

    @property
    def term(self) -> str:
        return f"pr:{self.slug}"

    @property
    def prefix(self) -> str:
        return "thanh-uy" if self.is_city else "tinh-uy"

    @property
    def committee_vi(self) -> str:
        return "Thành ủy" if self.is_city else "Tỉnh ủy"

    @property
    def committee_en(self) -> str:
        return "Municipal" if self.is_city else "Provincial"

    @property
    def kind_vi(self) -> str:
        return "thành phố" if self.is_city else "tỉnh"


@dataclass
class Unit:
    """An organization that can be a cluster member. Real units live in data/reference."""

    local: str                  # local name under id/org/
    label_vi: str
    label_en: str
    kind: str                   # committee, board, press, school, department
    province: Province | None
    real: bool
    pairs: Pairs = field(default_factory=list)   # the entity's own triples (synthetic only)

    @property
    def term(self) -> str:
        return f"o:{self.local}"

    @property
    def head_title(self) -> tuple[str, str, str]:
        """(Vietnamese title, English title, post-role) of the unit's head."""
        if self.kind == "committee":
            return "Bí thư", "Secretary", "secretary"
        if self.kind == "press":
            return "Tổng Biên tập", "Editor-in-chief", "head"
        if self.kind == "school":
            return "Hiệu trưởng", "Principal", "head"
        if self.kind == "department":
            return "Vụ trưởng", "Director", "head"
        if self.label_vi.startswith("Ủy ban Kiểm tra"):
            return "Chủ nhiệm", "Chair", "head"
        if self.label_vi.startswith("Văn phòng"):
            return "Chánh", "Chief", "head"
        return "Trưởng", "Head", "head"


@dataclass
class Cluster:
    local: str
    label_vi: str
    label_en: str
    short_vi: str
    block: bool                 # khối (block) rather than cụm (cluster)
    level: str
    members: list[Unit]
    pairs: Pairs
    province: Province | None   # where its conferences are reported from
    place: str | None = None    # a pbo:Place term for its conferences, if any
    place_block: Block | None = None
    coordinator: Unit | None = None

    @property
    def term(self) -> str:
        return f"cl:{self.local}"

    def role_words(self) -> tuple[str, str, str]:
        if self.block:
            return "Trưởng khối", "Phó khối thường trực", "Phó khối"
        return "Cụm trưởng", "Cụm phó thường trực", "Cụm phó"


@dataclass
class Person:
    local: str
    name: str

    @property
    def term(self) -> str:
        return f"pe:{self.local}"


@dataclass
class Post:
    local: str
    label_vi: str
    label_en: str
    post_in: str
    role: str

    @property
    def term(self) -> str:
        return f"po:{self.local}"


@dataclass
class DocumentRef:
    local: str
    written: str
    label_vi: str
    year: int


class World:
    """Everything the articles refer to, minted on first use, in a fixed order."""

    def __init__(self, rng: random.Random, reference: Path) -> None:
        self.rng = rng
        pre, _post = load_province_tables(reference)
        self.provinces = [Province(u.code, u.name, u.slug, u.is_city) for u in pre]
        graphs = reference_graphs(reference)
        self.ref = Graph()
        for g in graphs.values():
            self.ref += g
        for name in ("central-bodies.ttl", "documents.ttl"):
            self.ref.parse(reference / name, format="turtle")
        self.documents = self._documents()
        self.entities: list[Block] = []     # in order of minting
        self.person_names: dict[str, int] = {}
        self.heads: dict[tuple[str, int], Person] = {}
        self.posts: dict[str, Post] = {}
        self.place_names: dict[str, list[str]] = {}
        self.movements: dict[str, str] = {}
        self.synthetic_units: dict[str, Unit] = {}
        self.central_leaders: dict[int, Person] = {}
        self.deputy_secretaries: dict[tuple[str, int], Person] = {}

    # -- reference data -----------------------------------------------------------------------

    def _label(self, iri: str, lang: str) -> str:
        for value in sorted(self.ref.objects(URIRef(iri), RDFS.label), key=str):
            if isinstance(value, Literal) and value.language == lang:
                return str(value)
        raise KeyError(f"no @{lang} label for {iri} in the reference data")

    def real_unit(self, local: str, kind: str, province: Province | None) -> Unit:
        iri = BASE + "org/" + local
        return Unit(local, self._label(iri, "vi"), self._label(iri, "en"), kind, province, True)

    def _documents(self) -> list[DocumentRef]:
        docs = []
        for subject in sorted(set(self.ref.subjects(DCTERMS.issued, None)), key=str):
            iri = str(subject)
            if not iri.startswith(BASE + "document/"):
                continue
            issued = self.ref.value(subject, DCTERMS.issued)
            identifier = self.ref.value(subject, DCTERMS.identifier)
            label = self._label(iri, "vi")
            docs.append(DocumentRef(iri.removeprefix(BASE + "document/"),
                                    str(identifier) if identifier else label, label,
                                    int(str(issued)[:4])))
        return docs

    def board(self, p: Province) -> Unit:
        return self.real_unit(f"ban-to-chuc-{p.prefix}-{p.slug}", "board", p)

    def committee(self, p: Province) -> Unit:
        return self.real_unit(f"{p.prefix}-{p.slug}", "committee", p)

    # -- synthetic units ----------------------------------------------------------------------

    def synthetic_unit(self, unit: Unit) -> Unit:
        """Register a synthetic unit once; its entity block is written when first used."""
        known = self.synthetic_units.get(unit.local)
        if known is not None:
            return known
        self.synthetic_units[unit.local] = unit
        return unit

    def emit_unit(self, unit: Unit, emitted: dict[str, bool]) -> None:
        if unit.real or emitted.get(unit.local):
            return
        emitted[unit.local] = True
        self.entities.append(Block(unit.term, unit.pairs))

    PROVINCIAL_BOARDS = [
        ("ban-tuyen-giao", "Ban Tuyên giáo", "Propaganda and Education Board", "propaganda"),
        ("ban-dan-van", "Ban Dân vận", "Mass Mobilization Board", "mass-mobilization"),
        ("ban-noi-chinh", "Ban Nội chính", "Internal Affairs Board", "internal-affairs"),
        ("uy-ban-kiem-tra", "Ủy ban Kiểm tra", "Inspection Commission", "inspection"),
        ("van-phong", "Văn phòng", "Office", "office"),
    ]

    def provincial_boards(self, p: Province) -> list[Unit]:
        committee = self.committee(p)
        units = []
        for slug, name_vi, name_en, kind in self.PROVINCIAL_BOARDS:
            label_vi = f"{name_vi} {p.committee_vi} {p.name}"
            label_en = f"{name_en} of the {p.name} {p.committee_en} Party Committee"
            units.append(self.synthetic_unit(Unit(
                f"syn-{slug}-{p.prefix}-{p.slug}", label_vi, label_en, "board", p, False, [
                    ("a", ["pbo:PartyBoard"]),
                    ("rdfs:label", [vi(label_vi), en(label_en)]),
                    ("skos:altLabel", [vi(f"{name_vi} {p.committee_vi}")]),
                    ("org:unitOf", [committee.term]),
                    ("pbo:boardKind", [f"board:{kind}"]),
                    ("pbo:area", [p.term]),
                ])))
        return units

    def newspaper(self, p: Province) -> Unit:
        label_vi, label_en = f"Báo {p.name}", f"{p.name} Newspaper"
        local = f"syn-bao-{p.slug}"
        return self.synthetic_unit(Unit(local, label_vi, label_en, "press", p, False, [
            ("a", ["pbo:PressOrgan"]),
            ("rdfs:label", [vi(label_vi), en(label_en)]),
            ("pbo:area", [p.term]),
        ]))

    def school(self, p: Province) -> Unit:
        label_vi = f"Trường Chính trị {p.kind_vi} {p.name}"
        label_en = f"{p.name} Political School"
        return self.synthetic_unit(Unit(
            f"syn-truong-chinh-tri-{p.slug}", label_vi, label_en, "school", p, False, [
                ("a", ["pbo:PoliticalSchool"]),
                ("rdfs:label", [vi(label_vi), en(label_en)]),
                ("pbo:area", [p.term]),
            ]))

    def magazine(self) -> Unit:
        coc = self.real_unit("ban-to-chuc-trung-uong", "board", None)
        label_vi, label_en = "Tạp chí Xây dựng Đảng", "Party Building Magazine"
        return self.synthetic_unit(Unit("syn-tap-chi-xay-dung-dang", label_vi, label_en, "press",
                                        None, False, [
            ("a", ["pbo:PressOrgan"]),
            ("rdfs:label", [vi(label_vi), en(label_en)]),
            ("org:subOrganizationOf", [coc.term]),
        ]))

    def place_name(self, p: Province) -> str:
        """A new place name in province p, unique there."""
        used = self.place_names.setdefault(p.slug, [])   # slugs: they make the IRIs
        for _ in range(50):
            name = f"{self.rng.choice(PLACE_A)} {self.rng.choice(PLACE_B)}"
            if name.split()[0] != name.split()[1] and slugify(name) not in used:
                used.append(slugify(name))
                return name
        name = f"{self.rng.choice(PLACE_A)} {self.rng.choice(PLACE_B)} {len(used) + 1}"
        used.append(slugify(name))
        return name

    def district(self, p: Province) -> tuple[Unit, str, Block]:
        name = self.place_name(p)
        slug = slugify(name)
        label_vi, label_en = f"Huyện ủy {name}", f"{name} District Party Committee"
        unit = self.synthetic_unit(Unit(
            f"syn-huyen-uy-{slug}-{p.slug}", label_vi, label_en, "committee", p, False, [
                ("a", ["pbo:PartyCommittee"]),
                ("rdfs:label", [vi(label_vi), en(label_en)]),
                ("pbo:committeeLevel", ["level:district"]),
                ("org:subOrganizationOf", [self.committee(p).term]),
                ("pbo:area", [p.term]),
            ]))
        place = f"pl:syn-huyen-{slug}-{p.slug}"
        block = Block(place, [
            ("a", ["pbo:Place"]),
            ("rdfs:label", [vi(f"huyện {name}"), en(f"{name} District")]),
            ("pbo:area", [p.term]),
        ])
        return unit, place, block

    def ward(self, p: Province, district: Unit) -> Unit:
        name = self.place_name(p)
        slug = slugify(name)
        label_vi, label_en = f"Đảng ủy phường {name}", f"{name} Ward Party Committee"
        return self.synthetic_unit(Unit(
            f"syn-dang-uy-phuong-{slug}-{p.slug}", label_vi, label_en, "committee", p, False, [
                ("a", ["pbo:PartyCommittee"]),
                ("rdfs:label", [vi(label_vi), en(label_en)]),
                ("pbo:committeeLevel", ["level:ward"]),
                ("org:subOrganizationOf", [district.term]),
                ("pbo:area", [p.term]),
            ]))

    # -- people and posts ---------------------------------------------------------------------

    def new_person(self) -> tuple[Person, Block]:
        name = (f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLES)} "
                f"{self.rng.choice(GIVENS)}")
        slug = "syn-" + slugify(name)
        n = self.person_names.get(slug, 0) + 1
        self.person_names[slug] = n
        local = slug if n == 1 else f"{slug}-{n}"
        person = Person(local, nfc(name))
        return person, Block(person.term, [
            ("a", ["pbo:Person"]),
            ("rdfs:label", [vi(name)]),
            ("foaf:name", [plain(name)]),
        ])

    def person_for(self, key: tuple[str, int], table: dict) -> Person:
        person = table.get(key)
        if person is None:
            person, block = self.new_person()
            table[key] = person
            self.entities.append(block)
        return person

    def post(self, local: str, label_vi: str, label_en: str, post_in: str, role: str) -> Post:
        post = self.posts.get(local)
        if post is None:
            post = Post(local, label_vi, label_en, post_in, role)
            self.posts[local] = post
            self.entities.append(Block(post.term, [
                ("a", ["org:Post"]),
                ("rdfs:label", [vi(label_vi), en(label_en)]),
                ("org:postIn", [post_in]),
                ("pbo:postRole", [f"prole:{role}"]),
            ]))
        return post

    def head(self, unit: Unit, year: int) -> tuple[Person, Post]:
        """The head of a unit in a year (a new person every five-year term)."""
        person = self.person_for((unit.local, (year - FIRST_YEAR) // 5), self.heads)
        title_vi, title_en, role = unit.head_title
        post = self.post(f"syn-{slugify(title_vi)}-{unit.local.removeprefix('syn-')}",
                         f"{title_vi} {unit.label_vi}", f"{title_en}, {unit.label_en}",
                         unit.term, role)
        return person, post

    def leader(self, cluster: Cluster, year: int) -> tuple[Person, Post]:
        """The official who chairs the review: a provincial standing deputy secretary, or a
        deputy head of the Central Organization Commission."""
        term = (year - FIRST_YEAR) // 5
        p = cluster.province
        if cluster.level in ("provincial", "district", "ward") and p is not None:
            person = self.person_for((p.slug, term), self.deputy_secretaries)
            post = self.post(
                f"syn-pho-bi-thu-thuong-truc-{p.prefix}-{p.slug}",
                f"Phó Bí thư Thường trực {p.committee_vi} {p.name}",
                f"Standing Deputy Secretary, {p.name} {p.committee_en} Party Committee",
                self.committee(p).term, "standing-deputy-secretary")
            return person, post
        person = self.person_for(("central", term), self.central_leaders)
        post = self.post("syn-pho-truong-ban-to-chuc-trung-uong",
                         "Phó Trưởng Ban Tổ chức Trung ương",
                         "Deputy Head of the Central Organization Commission",
                         "o:ban-to-chuc-trung-uong", "deputy-head")
        return person, post

    def movement(self, year: int) -> tuple[str, str]:
        """The yearly emulation theme (mv: term, its name)."""
        local = f"syn-chu-de-thi-dua-{year}"
        name = THEMES[year % len(THEMES)]
        if local not in self.movements:
            self.movements[local] = name
            self.entities.append(Block(f"mv:{local}", [
                ("a", ["pbo:EmulationMovement"]),
                ("rdfs:label", [vi(f"{name} ({year})"), en(f"Emulation theme of {year}")]),
                ("pbo:movementType", ["mtype:theme"]),
                ("pbo:launchedBy", ["o:ban-to-chuc-trung-uong"]),
            ]))
        return f"mv:{local}", name


# ---------------------------------------------------------------------------------------------
# Clusters, level by level, interleaved
# ---------------------------------------------------------------------------------------------

def _cluster_pairs(label_vi: str, label_en: str, short_vi: str, block: bool, level: str,
                   number: int | None, area: Province | None, coordinator: str | None,
                   sector: str | None = None) -> Pairs:
    pairs: Pairs = [
        ("a", ["pbo:EmulationCluster"]),
        ("rdfs:label", [vi(label_vi), en(label_en)]),
        ("skos:altLabel", [vi(short_vi)]),
        ("pbo:clusterType", ["ctype:block" if block else "ctype:cluster"]),
        ("pbo:clusterLevel", [f"level:{level}"]),
    ]
    if number is not None:
        pairs.append(("pbo:clusterNumber", [str(number)]))
    if sector:
        pairs.append(("pbo:sector", [vi(sector)]))
    if coordinator:
        pairs.append(("pbo:coordinatedBy", [coordinator]))
    if area is not None:
        pairs.append(("pbo:area", [area.term]))
    return pairs


def national_clusters(world: World) -> Iterator[Cluster]:
    provinces = list(world.provinces)
    groups = 6
    size = -(-len(provinces) // groups)
    for n in range(1, groups + 1):
        chunk = provinces[(n - 1) * size:n * size]
        label_vi = f"Cụm thi đua số {n} ngành Tổ chức xây dựng Đảng"
        label_en = f"Emulation Cluster No. {n} of the Party Organization Sector"
        yield Cluster(f"syn-to-chuc-xay-dung-dang-cum-{n}", label_vi, label_en,
                      f"Cụm thi đua số {n}", False, "national-sector",
                      [world.board(p) for p in chunk],
                      _cluster_pairs(label_vi, label_en, f"Cụm thi đua số {n}", False,
                                     "national-sector", n, None, "o:ban-to-chuc-trung-uong",
                                     "Tổ chức xây dựng Đảng"),
                      None)


def central_clusters(world: World) -> Iterator[Cluster]:
    boards = ["ban-to-chuc-trung-uong", "ban-tuyen-giao-trung-uong", "ban-dan-van-trung-uong",
              "ban-noi-chinh-trung-uong", "uy-ban-kiem-tra-trung-uong", "van-phong-trung-uong-dang"]
    departments = ["vu-dia-phuong-i", "vu-dia-phuong-ii", "vu-dia-phuong-iii"]
    members = ([world.real_unit(b, "board", None) for b in boards]
               + [world.real_unit(d, "department", None) for d in departments])
    label_vi = "Khối thi đua các ban, cơ quan Đảng Trung ương"
    label_en = "Emulation Block of the Central Party Boards and Agencies"
    yield Cluster("syn-khoi-cac-ban-dang-trung-uong", label_vi, label_en,
                  "Khối thi đua các ban Đảng Trung ương", True, "central", members,
                  _cluster_pairs(label_vi, label_en, "Khối thi đua các ban Đảng Trung ương", True,
                                 "central", None, None, "o:ban-bi-thu"),
                  None)


def press_clusters(world: World) -> Iterator[Cluster]:
    provinces = list(world.provinces)
    size = 9
    for n in range(1, len(provinces) // size + 1):
        chunk = provinces[(n - 1) * size:n * size]
        label_vi = f"Cụm thi đua số {n} các cơ quan báo Đảng địa phương"
        label_en = f"Emulation Cluster No. {n} of Local Party Newspapers"
        yield Cluster(f"syn-cum-bao-dang-dia-phuong-{n}", label_vi, label_en,
                      f"Cụm thi đua số {n} các cơ quan báo Đảng", False, "other",
                      [world.newspaper(p) for p in chunk],
                      _cluster_pairs(label_vi, label_en, f"Cụm thi đua số {n} các cơ quan báo Đảng",
                                     False, "other", n, None, None),
                      None)


def provincial_clusters(world: World) -> Iterator[Cluster]:
    for p in world.provinces:
        members = [world.board(p), *world.provincial_boards(p), world.newspaper(p), world.school(p)]
        label_vi = f"Cụm thi đua các cơ quan đảng {p.kind_vi} {p.name}"
        label_en = f"Emulation Cluster of Party Agencies, {p.name}"
        short = "Cụm thi đua các cơ quan đảng"
        yield Cluster(f"syn-{p.slug}-cum-co-quan-dang", label_vi, label_en, short, False,
                      "provincial", members,
                      _cluster_pairs(label_vi, label_en, short, False, "provincial", None, p,
                                     world.committee(p).term),
                      p)


def district_clusters(world: World, districts: dict[str, list]) -> Iterator[Cluster]:
    """District blocks, one province after another, forever (new districts as needed)."""
    k = 0
    while True:
        k += 1
        for p in world.provinces:
            members = []
            for _ in range(world.rng.randint(5, 8)):
                unit, place, block = world.district(p)
                members.append(unit)
                districts.setdefault(p.slug, []).append((unit, place, block))
            label_vi = f"Cụm thi đua số {k} các huyện ủy {p.kind_vi} {p.name}"
            label_en = f"Emulation Cluster No. {k} of District Party Committees, {p.name}"
            short = f"Cụm thi đua số {k}"
            first = districts[p.slug][-len(members)]
            yield Cluster(f"syn-{p.slug}-cum-huyen-uy-{k}", label_vi, label_en, short, False,
                          "district", members,
                          _cluster_pairs(label_vi, label_en, short, False, "district", k, p,
                                         world.committee(p).term),
                          p, place=first[1], place_block=first[2])


def ward_clusters(world: World, districts: dict[str, list]) -> Iterator[Cluster]:
    """Ward blocks under a district: the districts of the district blocks, then new ones."""
    used: dict[str, int] = {}
    while True:
        for p in world.provinces:
            known = districts.get(p.slug, [])
            i = used.get(p.slug, 0)
            if i < len(known):
                district, place, block = known[i]
            else:
                district, place, block = world.district(p)
                known.append((district, place, block))
                districts[p.slug] = known
            used[p.slug] = i + 1
            members = [world.ward(p, district) for _ in range(world.rng.randint(5, 8))]
            dname = district.label_vi.removeprefix("Huyện ủy ")
            label_vi = (f"Khối thi đua các đảng ủy phường thuộc Huyện ủy {dname}, "
                        f"{p.kind_vi} {p.name}")
            label_en = (f"Emulation Block of Ward Party Committees under the {dname} District "
                        f"Party Committee, {p.name}")
            short = "Khối thi đua các đảng ủy phường"
            local = f"syn-{district.local.removeprefix('syn-huyen-uy-')}-khoi-dang-uy-phuong"
            cluster = Cluster(local,
                              label_vi, label_en, short, True, "ward", members,
                              _cluster_pairs(label_vi, label_en, short, True, "ward", None, p,
                                             district.term),
                              p, place=place, place_block=block, coordinator=district)
            yield cluster


def all_clusters(world: World) -> Iterator[Cluster]:
    """Round-robin over the levels, so that even a small graph has clusters of several levels."""
    districts: dict[str, list] = {}
    streams = [national_clusters(world), provincial_clusters(world),
               district_clusters(world, districts), ward_clusters(world, districts),
               central_clusters(world), press_clusters(world)]
    while streams:
        for stream in list(streams):
            cluster = next(stream, None)
            if cluster is None:
                streams.remove(stream)
            else:
                yield cluster


# ---------------------------------------------------------------------------------------------
# Articles: one per cluster-year
# ---------------------------------------------------------------------------------------------

@dataclass
class Article:
    key: str
    source: list[Block]
    facts: list[Block]
    header: str

    @property
    def triples(self) -> int:
        return sum(b.triples for b in self.source) + sum(b.triples for b in self.facts)


class Writer:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng
        self.seq = 0
        self.emitted: dict[str, bool] = {}
        self.places_emitted: dict[str, bool] = {}
        self.previous_conference: dict[str, str] = {}

    def register_cluster(self, cluster: Cluster) -> None:
        for unit in cluster.members:
            self.world.emit_unit(unit, self.emitted)
        if cluster.place and cluster.place_block and not self.places_emitted.get(cluster.place):
            self.places_emitted[cluster.place] = True
            self.world.entities.append(cluster.place_block)
        self.world.entities.append(Block(cluster.term, cluster.pairs))

    def publisher(self, cluster: Cluster, chair: Unit) -> Unit:
        if cluster.level == "central":
            unit = self.world.magazine()
        elif cluster.level == "other":
            unit = chair
        else:
            p = cluster.province or chair.province
            assert p is not None
            unit = self.world.newspaper(p)
        self.world.emit_unit(unit, self.emitted)
        return unit

    def article(self, cluster: Cluster, year: int, index: int) -> Article:
        rng, world = self.rng, self.world
        self.seq += 1
        members = list(cluster.members)
        if len(members) > 5 and rng.random() < 0.4:      # a member sits out this year
            members.pop(rng.randrange(len(members)))
        # Roles rotate among this year's members.
        start = index % len(members)
        rotation = members[start:] + members[:start]
        chair, standing = rotation[0], rotation[1]
        vices = rotation[2:2 + rng.randint(1, 2)]
        publisher = self.publisher(cluster, chair)
        p = cluster.province or chair.province
        held = date(year, 12, 1) + timedelta(days=rng.randrange(28))
        if rng.random() < 0.25:
            held = date(year + 1, 1, 5) + timedelta(days=rng.randrange(20))
        key = f"syn-{self.seq:05d}-{publisher.local.removeprefix('syn-')}-{held.isoformat()}"
        art = f"art:{key}"
        lead_w, standing_w, vice_w = cluster.role_words()
        derived = ("prov:wasDerivedFrom", [art])

        def fact(local: str) -> str:
            return f"f:{local}"

        # -- the article --------------------------------------------------------------------
        shown = held + timedelta(days=rng.randrange(3))
        headline = f"{cluster.label_vi} tổng kết công tác thi đua, khen thưởng năm {year}"
        source_pairs: Pairs = [
            ("a", ["schema:NewsArticle"]),
            ("schema:headline", [vi(headline)]),
            ("schema:publisher", [publisher.term]),
            ("schema:url", [typed(f"https://synthetic.example/{publisher.local}/{key}.html",
                                  "anyURI")]),
            ("schema:inLanguage", [plain("vi")]),
        ]
        if rng.random() < 0.6:
            byline = f"{rng.choice(GIVENS)} {rng.choice(GIVENS)}"
            source_pairs.append(("pbo:byline", [plain(byline)]))
        source_pairs += [
            ("pbo:displayDate", [plain(f"{WEEKDAYS[shown.weekday()]}, {shown:%d/%m/%Y}")]),
            ("pbo:eventDate", [xdate(held)]),
            ("pbo:sourceFile", [plain(f"synthetic/{key}.txt")]),
        ]
        source = [Block(art, source_pairs)]

        # -- people named -------------------------------------------------------------------
        leader, leader_post = world.leader(cluster, year)
        chair_head, chair_post = world.head(chair, year)
        named: list[tuple[Person, Post, str]] = [
            (leader, leader_post, f"đồng chí {leader.name}, {leader_post.label_vi}"),
            (chair_head, chair_post, f"đồng chí {chair_head.name}, {chair_post.label_vi}"),
        ]

        # -- the conference -----------------------------------------------------------------
        conf_local = f"{cluster.local}-tong-ket-{year}"
        conf = f"conf:{conf_local}"
        facts: list[Block] = []
        place = cluster.place or (p.term if p else "pr:ha-noi")
        attending = len(members) - (1 if rng.random() < 0.3 else 0)
        outcome_vars = {"next": year + 1, "lead": lead_w, "vice": vice_w}
        outcomes = [vi(t.format(**outcome_vars)) for t in rng.sample(OUTCOMES, 2)]
        conf_pairs: Pairs = [
            ("a", ["pbo:Conference"]),
            ("rdfs:label", [
                vi(f"Hội nghị tổng kết công tác thi đua, khen thưởng năm {year}, "
                   f"{cluster.label_vi}"),
                en(f"Year-end review {year} of the {cluster.label_en}")]),
            ("pbo:conferenceKind", ["ckind:year-end-review"]),
            ("pbo:cluster", [cluster.term]),
            ("pbo:date", [xdate(held)]),
            ("pbo:place", [place]),
            ("pbo:host", [chair.term]),
            ("pbo:reviewedPeriod", [f"<{period_iri(date(year, 1, 1), date(year, 12, 31))}>"]),
            ("pbo:attendee", [leader.term, chair_head.term]),
            ("pbo:attendingUnitCount", [nonneg(attending)]),
            ("pbo:outcome", outcomes),
            derived,
            ("pbo:evidence", [
                vi(f"Ngày {held.day}/{held.month}, {cluster.short_vi} tổ chức hội nghị tổng kết "
                   f"công tác thi đua, khen thưởng năm {year}"),
                vi(f"Dự hội nghị có {named[0][2]}; {attending} đơn vị thành viên tham dự")]),
        ]
        facts.append(Block(conf, conf_pairs, comment=f"{cluster.label_vi}, {year}"))
        facts.append(period_block(date(year, 1, 1), date(year, 12, 31), f"năm {year}"))

        # -- members ------------------------------------------------------------------------
        qualifier = "count:exact" if rng.random() < 0.85 else "count:more-than"
        stated = len(members) if qualifier == "count:exact" else len(members) - 1
        listing = ", ".join(u.label_vi for u in members)
        facts.append(Block(fact(f"member-count-{year}"), [
            ("a", ["pbo:MemberCount"]),
            ("pbo:cluster", [cluster.term]),
            ("pbo:year", [gyear(year)]),
            ("pbo:count", [nonneg(stated)]),
            ("pbo:countQualifier", [qualifier]),
            derived,
            ("pbo:evidence", [vi(f"{cluster.short_vi} năm {year} có "
                                 f"{'hơn ' if qualifier == 'count:more-than' else ''}{stated} "
                                 f"đơn vị thành viên")]),
        ]))
        for unit in members:
            if rng.random() < 0.5:
                quote = f"{cluster.short_vi} gồm các đơn vị: {listing}"
            else:
                quote = f"{unit.label_vi} là thành viên {cluster.short_vi} năm {year}"
            facts.append(Block(fact(f"member-{year}-{unit.local}"), [
                ("a", ["pbo:ClusterMembership"]),
                ("org:member", [unit.term]),
                ("org:organization", [cluster.term]),
                ("pbo:year", [gyear(year)]),
                derived,
                ("pbo:evidence", [vi(quote)]),
            ]))

        # -- leadership ---------------------------------------------------------------------
        previous = self.previous_conference.get(cluster.local)
        decided = [("pbo:decidedAt", [previous])] if previous else []
        roles = [("chair", chair, "chair", lead_w), ("standing-vice-chair", standing,
                                                     "standing-vice-chair", standing_w)]
        roles += [(f"vice-chair-{u.local}", u, "vice-chair", vice_w) for u in vices]
        person_chair = rng.random() < 0.15
        for local, unit, role, word in roles:
            quote = f"{unit.label_vi} giữ vai trò {word} {cluster.short_vi} năm {year}"
            pairs: Pairs = [
                ("a", ["pbo:ClusterRoleAssignment"]),
                ("org:member", [unit.term]),
                ("org:organization", [cluster.term]),
                ("org:role", [f"role:{role}"]),
                ("pbo:year", [gyear(year)]),
                *decided,
            ]
            if role == "chair" and person_chair:
                pairs += [
                    ("pbo:person", [chair_head.term]),
                    ("pbo:inferred", ["true"]),
                    ("skos:note", [en("Unit inferred: the source gives the chair role to the "
                                      "head of the unit; the unit as chair is not stated.")]),
                ]
                # one role, one node: the person on it, never a second node with him as member
                quote = (f"Đồng chí {chair_head.name}, {chair_post.label_vi}, {lead_w} "
                         f"năm {year}")
            pairs += [derived, ("pbo:evidence", [vi(quote)])]
            facts.append(Block(fact(f"role-{year}-{local}"), pairs))

        # -- awards: conferred, proposed, ranking -------------------------------------------
        movement, theme = world.movement(year)
        giver = cluster.coordinator.term if cluster.coordinator else (
            "o:ban-to-chuc-trung-uong" if cluster.level in ("national-sector", "central", "other")
            else world.committee(p).term if p else "o:ban-to-chuc-trung-uong")
        achieved = f"hoàn thành xuất sắc nhiệm vụ năm {year}"
        achievement = vi(achieved)
        flag = "award:rotating-flag" if rng.random() < 0.5 else "award:emulation-flag"
        facts.append(Block(fact(f"award-flag-{year}"), [
            ("a", ["pbo:AwardDecision"]),
            ("pbo:awardKind", [flag]),
            ("pbo:awardStatus", ["status:conferred"]),
            ("pbo:conferredBy", [giver]),
            ("pbo:presentedBy", [leader.term]),
            ("pbo:recipient", [chair.term]),
            ("pbo:year", [gyear(year)]),
            ("pbo:achievement", [achievement]),
            ("pbo:movement", [movement]),
            ("pbo:cluster", [cluster.term]),
            ("pbo:decidedAt", [conf]),
            derived,
            ("pbo:evidence", [vi(f"Trao Cờ thi đua cho {chair.label_vi} đã {achieved}")]),
        ]))
        proposed = rng.sample(members, min(len(members), rng.randint(2, 3)))
        facts.append(Block(fact(f"award-certificate-proposed-{year}"), [
            ("a", ["pbo:AwardDecision"]),
            ("pbo:awardKind", ["award:certificate-of-merit"]),
            ("pbo:awardStatus", ["status:proposed"]),
            ("pbo:proposedTo", [giver]),
            ("pbo:recipient", [u.term for u in proposed]),
            ("pbo:year", [gyear(year)]),
            ("pbo:achievement", [achievement]),
            ("pbo:cluster", [cluster.term]),
            ("pbo:decidedAt", [conf]),
            derived,
            ("pbo:evidence", [vi("đề nghị tặng Bằng khen cho "
                                 + ", ".join(u.label_vi for u in proposed))]),
        ]))
        individuals = rng.randint(5, 40)
        ranking: Pairs = [
            ("a", ["pbo:AwardDecision"]),
            ("pbo:awardKind", ["award:excellent-completion"]),
            ("pbo:awardStatus", ["status:ranking"]),
            ("pbo:individualCount", [nonneg(individuals)]),
        ]
        if rng.random() < 0.5:
            ranking.append(("pbo:collectiveCount", [nonneg(rng.randint(1, len(members)))]))
        ranking += [
            ("pbo:countQualifier", ["count:exact"]),
            ("pbo:year", [gyear(year)]),
            ("pbo:cluster", [cluster.term]),
            ("pbo:decidedAt", [conf]),
            derived,
            ("pbo:evidence", [vi(f"bình xét {individuals} cá nhân hoàn thành xuất sắc nhiệm vụ "
                                 f"năm {year}")]),
        ]
        facts.append(Block(fact(f"award-ranking-{year}"), ranking))
        if rng.random() < 0.3:
            who = rng.choice(members)
            first = max(FIRST_YEAR, year - 4)
            span = (date(first, 1, 1), date(year, 12, 31))
            facts.append(Block(fact(f"award-commendation-{year}"), [
                ("a", ["pbo:AwardDecision"]),
                ("pbo:awardKind", ["award:commendation"]),
                ("pbo:awardStatus", ["status:conferred"]),
                ("pbo:conferredBy", [leader_post.term]),
                ("pbo:recipient", [who.term]),
                ("pbo:period", [f"<{period_iri(*span)}>"]),
                ("pbo:cluster", [cluster.term]),
                derived,
                ("pbo:evidence", [vi(f"tặng Giấy khen cho {who.label_vi} giai đoạn "
                                     f"{first}-{year}")]),
            ]))
            facts.append(period_block(*span, f"giai đoạn {first}-{year}"))

        # -- theme, documents, papers -------------------------------------------------------
        facts.append(Block(fact(f"theme-{year}"), [
            ("a", ["pbo:MovementAdoption"]),
            ("pbo:movement", [movement]),
            ("pbo:cluster", [cluster.term]),
            ("pbo:year", [gyear(year)]),
            derived,
            ("pbo:evidence", [vi(f"hưởng ứng phong trào thi đua với chủ đề: “{theme}”")]),
        ]))
        citable = [d for d in world.documents if d.year <= year]
        for doc in rng.sample(citable, min(len(citable), rng.randint(1, 3))):
            facts.append(Block(fact(f"cites-{doc.local}"), [
                ("a", ["pbo:DocumentCitation"]),
                ("pbo:document", [f"doc:{doc.local}"]),
                ("pbo:identifierAsWritten", [plain(doc.written)]),
                ("pbo:citedAt", [conf]),
                derived,
                ("pbo:evidence", [vi(f"tiếp tục quán triệt, triển khai thực hiện {doc.label_vi}")]),
            ]))
        for n, unit in enumerate(rng.sample(members, rng.randint(1, 2)), start=1):
            title = rng.choice(PAPER_TITLES)
            paper: Pairs = [
                ("a", ["pbo:ConferencePaper"]),
                ("dct:title", [vi(title)]),
                ("pbo:presentedAt", [conf]),
                ("pbo:presenterUnit", [unit.term]),
            ]
            if rng.random() < 0.5:
                presenter, post = world.head(unit, year)
                paper.append(("pbo:presenter", [presenter.term]))
                named.append((presenter, post, f"Đồng chí {presenter.name}, {post.label_vi}"))
            paper += [derived, ("pbo:evidence", [vi(f"{unit.label_vi} với tham luận “{title}”")])]
            facts.append(Block(fact(f"paper-{n}"), paper))

        # -- posts as attested --------------------------------------------------------------
        seen: dict[str, bool] = {}
        for person, post, quote in named:
            local = f"post-{person.local}-{post.local}"
            if seen.get(local):
                continue
            seen[local] = True
            facts.append(Block(fact(local), [
                ("a", ["pbo:PostAttestation"]),
                ("pbo:holder", [person.term]),
                ("pbo:post", [post.term]),
                ("pbo:attestedOn", [xdate(held)]),
                derived,
                ("pbo:evidence", [vi(quote)]),
            ]))

        self.previous_conference[cluster.local] = conf
        header = (f"Synthetic facts (bench/synthetic.py): {cluster.label_vi}, year-end review "
                  f"{year}.")
        return Article(key, source, facts, header)


# ---------------------------------------------------------------------------------------------
# generate / plant_violations
# ---------------------------------------------------------------------------------------------

def _copy_project(src: ProjectPaths, out_root: Path) -> None:
    for name in COPIED:
        target = out_root / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(src.root / name, target)
    data = out_root / "data"
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(src.reference, data / "reference")
    (data / "sources").mkdir(parents=True)
    (data / "curated").mkdir(parents=True)


def generate(out_root: Path, triples: int, seed: int = 7,
             source: ProjectPaths | None = None) -> dict:
    """Write a synthetic project of about `triples` generated triples under out_root.

    Returns a summary: generated triples, articles, clusters (by level), people, files.
    """
    src = source or paths()
    out_root = Path(out_root)
    out_root.mkdir(parents=True, exist_ok=True)
    _copy_project(src, out_root)
    rng = random.Random(seed)
    world = World(rng, src.reference)
    writer = Writer(world)
    articles: list[Article] = []
    levels: dict[str, int] = {}
    count = 0

    counted = [0, 0]  # entity blocks counted so far, their triples (blocks are not changed
    # once minted): a running sum, where summing all blocks per article was quadratic

    def entity_triples() -> int:
        blocks = world.entities
        counted[1] += sum(b.triples for b in blocks[counted[0]:])
        counted[0] = len(blocks)
        return counted[1]

    clusters = all_clusters(world)
    done = False
    while not done:
        cluster = next(clusters)
        writer.register_cluster(cluster)
        levels[cluster.level] = levels.get(cluster.level, 0) + 1
        first = rng.randint(FIRST_YEAR, LAST_YEAR - 2)
        span = rng.randint(2, min(6, LAST_YEAR - first + 1))
        for index, year in enumerate(range(first, first + span)):
            article = writer.article(cluster, year, index)
            articles.append(article)
            count += article.triples
            if count + entity_triples() >= triples:
                done = True
                break

    sources, curated = out_root / "data" / "sources", out_root / "data" / "curated"
    for article in articles:
        (sources / f"{article.key}.ttl").write_text(
            render(article.source, "Synthetic article metadata (bench/synthetic.py)."),
            encoding="utf-8")
        (curated / f"{article.key}.ttl").write_text(
            render(article.facts, article.header,
                   {"f": f"{BASE}fact/{article.key}/"}), encoding="utf-8")
    (curated / ENTITIES).write_text(
        render(world.entities, "Synthetic entities (bench/synthetic.py): clusters, units that "
               "are not reference data,\npeople, posts, movements and places."),
        encoding="utf-8")
    total = count + entity_triples()
    return {
        "seed": seed,
        "target_triples": triples,
        "generated_triples": total,
        "articles": len(articles),
        "clusters": sum(levels.values()),
        "clusters_by_level": dict(sorted(levels.items())),
        "entities": len(world.entities),
        "files": 2 * len(articles) + 1,
    }


# Defects planted by plant_violations, with the number of validation results each must give.
# A second chair is reported on both chair nodes (each is a focus node of the rule); an ill-typed
# date fails both the datatype constraint of its property and the date rule.
PLANTED_DEFECTS: list[tuple[str, int]] = [
    ("a second chair unit in a cluster-year (reported on both chair facts)", 2),
    ("a role-holding unit that is not a member that year", 1),
    ("an ill-typed xsd:date, 2021-02-30 (datatype and date rule)", 2),
    ("a Vietnamese label not in NFC", 1),
    ("a fact with no pbo:evidence", 1),
    ("a fact with no prov:wasDerivedFrom", 1),
    ("a year outside 1930-2035", 1),
    ("a cluster membership whose member is a person (member shape and never-a-member rule)", 2),
    ("an award with neither recipient nor count", 1),
    ("a reviewed period that ends before it starts", 1),
    ("an inferred fact with neither pbo:inferredFrom nor a note", 1),
    ("an instance IRI that is not an ASCII slug", 1),
]


def _chair_year(out_root: Path) -> tuple[str, str, str, str, list[str], list[str]]:
    """From the first article (in file order) that names a chair unit and another member that
    year: (article key, cluster, year, chair unit, members that year, role holders that year)."""
    from rdflib.namespace import RDF

    from pbkg.namespaces import ORG, PBO

    curated = out_root / "data" / "curated"
    chair_role = URIRef(BASE + "concept/cluster-role/chair")
    for path in sorted(curated.glob("*.ttl")):
        if path.name in (ENTITIES, f"{PLANTED}.ttl"):
            continue
        g = Graph()
        g.parse(path, format="turtle")
        for fact in sorted(g.subjects(ORG.role, chair_role), key=str):
            unit = str(g.value(fact, ORG.member))
            if unit.startswith(BASE + "person/"):
                continue
            cluster, year = g.value(fact, ORG.organization), g.value(fact, PBO.year)

            def holders(kind: URIRef, g=g, cluster=cluster, year=year) -> list[str]:
                return sorted({str(g.value(m, ORG.member)) for m in g.subjects(RDF.type, kind)
                               if g.value(m, ORG.organization) == cluster
                               and g.value(m, PBO.year) == year})

            members = holders(PBO.ClusterMembership)
            if unit in members and len(members) > 1:
                return (path.stem, str(cluster), str(year), unit, members,
                        holders(PBO.ClusterRoleAssignment))
    raise FileNotFoundError(f"no article in {curated} names a chair unit and another member")


def plant_violations(out_root: Path) -> int:
    """Add data/curated/syn-planted-violations.ttl and return how many validation results the
    shapes must report for it (see PLANTED_DEFECTS). Works on a synthetic project and on a copy
    of the real one: the defects are built around a chair-year found in the data."""
    out_root = Path(out_root)
    key, cluster, year, chair_unit, members, role_holders = _chair_year(out_root)
    others = [m for m in members if m != chair_unit and m not in role_holders]
    other = (others or [m for m in members if m != chair_unit])[0]
    # A real organization board that is not a member of the cluster that year.
    pre, _ = load_province_tables(out_root / "data" / "reference")
    boards = [f"{BASE}org/ban-to-chuc-{'thanh-uy' if u.is_city else 'tinh-uy'}-{u.slug}"
              for u in pre]
    outsider = next(b for b in boards if b not in members)
    article = f"art:{key}"
    derived = ("prov:wasDerivedFrom", [article])
    quote = ("pbo:evidence", [vi("Trích dẫn tổng hợp cho dữ kiện lỗi cố ý")])
    c, y = f"<{cluster}>", gyear(int(year))

    nfd = "Nguye\u0302\u0303n Va\u0306n Lo\u0302\u0303i"   # "Nguyễn Văn Lỗi" decomposed
    blocks = [
        Block("f:second-chair", [
            ("a", ["pbo:ClusterRoleAssignment"]), ("org:member", [f"<{other}>"]),
            ("org:organization", [c]), ("org:role", ["role:chair"]), ("pbo:year", [y]),
            derived, quote], comment=PLANTED_DEFECTS[0][0]),
        Block("f:vice-chair-not-member", [
            ("a", ["pbo:ClusterRoleAssignment"]), ("org:member", [f"<{outsider}>"]),
            ("org:organization", [c]), ("org:role", ["role:vice-chair"]), ("pbo:year", [y]),
            derived, quote], comment=PLANTED_DEFECTS[1][0]),
        Block("f:post-ill-typed-date", [
            ("a", ["pbo:PostAttestation"]), ("pbo:holder", ["pe:syn-planted-person"]),
            ("pbo:post", ["po:syn-planted-post"]),
            ("pbo:attestedOn", [typed("2021-02-30", "date")]),
            derived, quote], comment=PLANTED_DEFECTS[2][0]),
        Block("pe:syn-planted-person", [
            ("a", ["pbo:Person"]), ("rdfs:label", [f'"{nfd}"@vi']),
            ("foaf:name", [plain("Nguyễn Văn Lỗi")])], comment=PLANTED_DEFECTS[3][0]),
        Block("po:syn-planted-post", [
            ("a", ["org:Post"]), ("rdfs:label", [vi("Trưởng ban cố ý lỗi")]),
            ("org:postIn", [f"<{chair_unit}>"]), ("pbo:postRole", ["prole:head"])]),
        Block("f:member-count-no-evidence", [
            ("a", ["pbo:MemberCount"]), ("pbo:cluster", [c]), ("pbo:year", [y]),
            ("pbo:count", [nonneg(len(members))]), derived], comment=PLANTED_DEFECTS[4][0]),
        Block("f:member-count-no-source", [
            ("a", ["pbo:MemberCount"]), ("pbo:cluster", [c]), ("pbo:year", [y]),
            ("pbo:count", [nonneg(len(members))]), quote], comment=PLANTED_DEFECTS[5][0]),
        Block("f:theme-year-out-of-range", [
            ("a", ["pbo:MovementAdoption"]), ("pbo:movement", ["mv:syn-planted-movement"]),
            ("pbo:cluster", [c]), ("pbo:year", [gyear(1925)]), derived, quote],
            comment=PLANTED_DEFECTS[6][0]),
        Block("mv:syn-planted-movement", [
            ("a", ["pbo:EmulationMovement"]), ("rdfs:label", [vi("Phong trào thi đua mẫu")]),
            ("pbo:movementType", ["mtype:movement"])]),
        Block("f:member-is-a-person", [
            ("a", ["pbo:ClusterMembership"]), ("org:member", ["pe:syn-planted-person-2"]),
            ("org:organization", [c]), ("pbo:year", [y]), derived, quote],
            comment=PLANTED_DEFECTS[7][0]),
        Block("pe:syn-planted-person-2", [
            ("a", ["pbo:Person"]), ("rdfs:label", [vi("Trần Thị Lỗi")]),
            ("foaf:name", [plain("Trần Thị Lỗi")])]),
        Block("f:award-to-nobody", [
            ("a", ["pbo:AwardDecision"]), ("pbo:awardKind", ["award:certificate-of-merit"]),
            ("pbo:awardStatus", ["status:proposed"]), ("pbo:year", [y]), derived, quote],
            comment=PLANTED_DEFECTS[8][0]),
        Block("conf:syn-planted-period-reversed", [
            ("a", ["pbo:Conference"]), ("rdfs:label", [vi("Hội nghị có kỳ đánh giá đảo ngược")]),
            ("pbo:conferenceKind", ["ckind:mid-year-review"]), ("pbo:cluster", [c]),
            ("pbo:reviewedPeriod", [f"<{BASE}period/{year}-06-30--{year}-01-01>"]), derived,
            quote], comment=PLANTED_DEFECTS[9][0]),
        Block(f"<{BASE}period/{year}-06-30--{year}-01-01>", [
            ("a", ["pbo:Period"]), ("rdfs:label", [vi(f"6 tháng đầu năm {year}")]),
            ("pbo:validFrom", [xdate(date(int(year), 6, 30))]),
            ("pbo:validUntil", [xdate(date(int(year), 1, 1))])]),
        Block("f:inferred-unexplained", [
            ("a", ["pbo:ClusterMembership"]), ("org:member", [f"<{chair_unit}>"]),
            ("org:organization", [c]), ("pbo:year", [y]), ("pbo:inferred", ["true"]),
            derived, quote], comment=PLANTED_DEFECTS[10][0]),
        Block("<https://w3id.org/pbkg/id/place/Syn_Planted_Place>", [
            ("a", ["pbo:Place"]), ("rdfs:label", [vi("địa điểm có IRI sai")])],
            comment=PLANTED_DEFECTS[11][0]),
    ]
    path = out_root / "data" / "curated" / f"{PLANTED}.ttl"
    path.write_text(render(blocks, "Planted violations (bench/synthetic.py plant_violations): "
                           "every block below breaks one rule.",
                           {"f": f"{BASE}fact/{PLANTED}/"}), encoding="utf-8")
    return sum(n for _, n in PLANTED_DEFECTS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000,
                        help="triples to generate in data/sources and data/curated")
    parser.add_argument("--out", type=Path, required=True, help="the project folder to write")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--plant", action="store_true",
                        help="also add a file of planted violations")
    args = parser.parse_args(argv)
    summary = generate(args.out, args.triples, args.seed)
    if args.plant:
        summary["planted_violations"] = plant_violations(args.out)
    json.dump(summary, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
