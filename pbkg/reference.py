"""Reference data: the provincial-level units of 2008-2025 and of 2025 on, as RDF.

The two CSV files in data/reference/ are the source of truth (see its README.md for where each
fact was checked). This module validates them and derives everything else: labels and spelling
variants, the 2025 reorganization as change events, and each pre-2025 unit's party committee
and organization board, which the source articles name as cluster members.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from pbkg.errors import InputError
from pbkg.namespaces import CONCEPT, ID, ORG, PBO, PREFIXES, RDF, RDFS, SKOS
from pbkg.text import nfc, slugify

PRE_2025_CSV = "provinces-2008.csv"
POST_2025_CSV = "provinces-2025.csv"
PRE_2025_COLUMNS = ("code", "name", "type", "slug", "valid_from", "successor_code")
POST_2025_COLUMNS = ("code", "name", "type", "slug", "valid_from")
UNIT_TYPES = ("province", "city")

# The generation boundary is the day the new provincial governments began to operate; Resolution
# 202/2025/QH15 itself took effect on adoption (2025-06-12), see documents.ttl.
GENERATION_2008 = ID["generation/63-units-2008"]
GENERATION_2025 = ID["generation/34-units-2025"]
GENERATION_2008_START = date(2008, 8, 1)
GENERATION_2008_END = date(2025, 6, 30)
REORGANIZATION_DAY = date(2025, 7, 1)
RESOLUTION_202 = ID["document/202-2025-qh15-2025"]
# A unit that changed before the reorganization, by its 2025 code: Thừa Thiên Huế became the
# centrally-run city of Huế on 2025-01-01 under Resolution 175/2024/QH15 (see the README).
EARLIER_CHANGES = {"46": (date(2025, 1, 1), ID["document/175-2024-qh15-2024"])}

_CODE = re.compile(r"\d{2}")
# Tone marks that the old placement moves to the second vowel of a final oa/oe/uy ("Hoà", "uỷ").
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Unit:
    """One row of a province table, validated."""

    code: str
    name: str
    type: str
    slug: str
    valid_from: date | None
    successor_code: str | None
    line: int

    @property
    def iri(self) -> URIRef:
        return ID[f"province/{self.slug}"]

    @property
    def is_city(self) -> bool:
        return self.type == "city"


def old_tone_spelling(text: str) -> str:
    """The same text with old-style tone placement: "Hòa Bình" -> "Hoà Bình", "ủy" -> "uỷ".

    Only a word-final oa, oe or uy moves its mark ("Hoàng", "Thuận" and "quý" do not change).
    """

    def move(match: re.Match[str]) -> str:
        word = unicodedata.normalize("NFD", match.group(0))
        base = [ch for ch in word if not unicodedata.combining(ch)]
        if len(base) < 2:
            return match.group(0)
        pair = "".join(base[-2:]).lower()
        if pair not in ("oa", "oe", "uy") or (pair == "uy" and "".join(base[-3:-2]).lower() == "q"):
            return match.group(0)
        # Split the decomposed word into base letters with their marks.
        clusters: list[list[str]] = []
        for ch in word:
            if unicodedata.combining(ch) and clusters:
                clusters[-1].append(ch)
            else:
                clusters.append([ch])
        first, last = clusters[-2], clusters[-1]
        tones = [m for m in first[1:] if m in _TONES]
        if not tones or any(m in _TONES for m in last[1:]):
            return match.group(0)
        clusters[-2] = [first[0]] + [m for m in first[1:] if m not in _TONES]
        clusters[-1] = last + tones
        return unicodedata.normalize("NFC", "".join("".join(c) for c in clusters))

    return _WORD.sub(move, nfc(text))


def load_units(path: Path, *, post_2025: bool) -> list[Unit]:
    """Read and check one province table; any malformed row raises InputError with its line."""
    columns = POST_2025_COLUMNS if post_2025 else PRE_2025_COLUMNS
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(path, f"cannot read the province table: {exc.strerror}") from exc
    with handle:
        try:
            units = _read_rows(path, csv.reader(handle), columns, post_2025=post_2025)
        except UnicodeDecodeError:
            raise InputError(path, "the province table is not UTF-8 text") from None
    if not units:
        raise InputError(path, "the province table has no rows")
    return units


def _read_rows(
    path: Path, reader: Iterator[list[str]], columns: tuple[str, ...], *, post_2025: bool
) -> list[Unit]:
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != columns:
        raise InputError(path, f"expected the header {','.join(columns)}", line=1)
    units: list[Unit] = []
    seen_codes: dict[str, int] = {}
    seen_slugs: dict[str, int] = {}
    line = 1
    for row in reader:
        # csv.reader counts physical lines, so a quoted multi-line field still reports its end.
        line = getattr(reader, "line_num", line + 1)
        if not any(cell.strip() for cell in row):
            continue
        unit = _parse_row(path, row, columns, line, post_2025=post_2025)
        for key, seen in ((unit.code, seen_codes), (unit.slug, seen_slugs)):
            if key in seen:
                raise InputError(path, f"'{key}' already used on line {seen[key]}", line=line)
            seen[key] = line
        units.append(unit)
    return units


def _parse_row(
    path: Path, row: list[str], columns: tuple[str, ...], line: int, *, post_2025: bool
) -> Unit:
    if len(row) != len(columns):
        raise InputError(path, f"expected {len(columns)} fields, found {len(row)}", line=line)
    cells = dict(zip(columns, (cell.strip() for cell in row), strict=True))
    code, name, unit_type, slug = cells["code"], nfc(cells["name"]), cells["type"], cells["slug"]
    if not _CODE.fullmatch(code):
        raise InputError(path, f"code '{code}' is not two digits", line=line)
    if not name:
        raise InputError(path, "empty name", line=line)
    if unit_type not in UNIT_TYPES:
        allowed = ", ".join(UNIT_TYPES)
        raise InputError(path, f"type '{unit_type}' is not one of {allowed}", line=line)
    # Slugs are minted once and written down, so a changed name cannot silently move an IRI.
    expected = slugify(name) + ("-2025" if post_2025 else "")
    if slug != expected:
        raise InputError(path, f"slug '{slug}' should be '{expected}'", line=line)
    valid_from = None
    if cells["valid_from"]:
        try:
            valid_from = date.fromisoformat(cells["valid_from"])
        except ValueError:
            raise InputError(
                path, f"valid_from '{cells['valid_from']}' is not a YYYY-MM-DD date", line=line
            ) from None
    elif post_2025:
        raise InputError(path, "valid_from is required for a post-2025 unit", line=line)
    successor = None
    if not post_2025:
        successor = cells["successor_code"]
        if not _CODE.fullmatch(successor):
            raise InputError(path, f"successor_code '{successor}' is not two digits", line=line)
    return Unit(code, name, unit_type, slug, valid_from, successor, line)


def load_province_tables(ref_dir: Path) -> tuple[list[Unit], list[Unit]]:
    """The 63 pre-2025 units and the 34 post-2025 units, with their links checked."""
    pre_path, post_path = ref_dir / PRE_2025_CSV, ref_dir / POST_2025_CSV
    pre = load_units(pre_path, post_2025=False)
    post = load_units(post_path, post_2025=True)
    post_codes = {u.code for u in post}
    for unit in pre:
        if unit.successor_code not in post_codes:
            raise InputError(
                pre_path, f"successor_code '{unit.successor_code}' is not in {POST_2025_CSV}",
                line=unit.line,
            )
    with_predecessor = {u.successor_code for u in pre}
    for unit in post:
        if unit.code not in with_predecessor:
            raise InputError(post_path, f"unit {unit.code} has no predecessor", line=unit.line)
    return pre, post


def reference_graphs(ref_dir: Path) -> dict[Path, Graph]:
    """One graph per province table, keyed by the CSV path."""
    pre, post = load_province_tables(ref_dir)
    by_code = {u.code: u for u in post}
    pre_graph, post_graph = _new_graph(), _new_graph()

    _add_generation(pre_graph, GENERATION_2008, 63, GENERATION_2008_START, GENERATION_2008_END)
    _add_generation(post_graph, GENERATION_2025, 34, REORGANIZATION_DAY, None)
    merged = {code for code in by_code if len(predecessors(pre, code)) > 1}
    for unit in pre:
        _add_unit(pre_graph, unit, GENERATION_2008)
        earlier = EARLIER_CHANGES.get(unit.successor_code)
        until = earlier[0] - timedelta(days=1) if earlier else GENERATION_2008_END
        pre_graph.add((unit.iri, PBO.validUntil, _date(until)))
        pre_graph.add((unit.iri, PBO.successor, by_code[unit.successor_code].iri))
        ends = GENERATION_2008_END if unit.successor_code in merged else None
        _add_committee_and_board(pre_graph, unit, until=ends)
        if earlier:
            # The bodies continue under the new name (Thành ủy Huế from 2025-01-01).
            new = by_code[unit.successor_code]
            committee, board = body_iris(unit)
            word = "Thành ủy" if new.is_city else "Tỉnh ủy"
            _alt_labels(pre_graph, committee, [f"{word} {new.name}"], exclude="")
            _alt_labels(pre_graph, board, [f"Ban Tổ chức {word} {new.name}"], exclude="")
    for unit in post:
        _add_unit(post_graph, unit, GENERATION_2025)
        originals = predecessors(pre, unit.code)
        _add_change(post_graph, unit, originals)
        if unit.code in merged:
            # A merged province's party committee and boards are new bodies; those of a
            # province that was not merged continue under their pre-2025 IRIs.
            _add_committee_and_board(post_graph, unit, since=REORGANIZATION_DAY)
            _add_body_changes(post_graph, unit, originals)
    return {ref_dir / PRE_2025_CSV: pre_graph, ref_dir / POST_2025_CSV: post_graph}


def predecessors(pre: list[Unit], code: str) -> list[Unit]:
    """The pre-2025 units that became the 2025 unit `code` (one for a continuation)."""
    return [u for u in pre if u.successor_code == code]


def body_iris(unit: Unit) -> tuple[URIRef, URIRef]:
    """The party committee and organization board IRIs of a unit (either generation)."""
    prefix = "thanh-uy" if unit.is_city else "tinh-uy"
    return ID[f"org/{prefix}-{unit.slug}"], ID[f"org/ban-to-chuc-{prefix}-{unit.slug}"]


def continuing_bodies(ref_dir: Path) -> dict[URIRef, URIRef]:
    """For each 2025 unit that was not merged, the IRIs its bodies would have had under the
    2025 slug, mapped to the pre-2025 bodies that continue (one node across 2025)."""
    pre, post = load_province_tables(ref_dir)
    out: dict[URIRef, URIRef] = {}
    for unit in post:
        originals = predecessors(pre, unit.code)
        if len(originals) == 1:
            for new, kept in zip(body_iris(unit), body_iris(originals[0]), strict=True):
                out[new] = kept
    return out


def _new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _date(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def _vi(text: str) -> Literal:
    return Literal(nfc(text), lang="vi")


def _en(text: str) -> Literal:
    return Literal(nfc(text), lang="en")


def _alt_labels(graph: Graph, node: URIRef, labels: list[str], exclude: str) -> None:
    """Add each variant and its old-tone spelling, skipping the preferred label itself."""
    variants: list[str] = []
    for label in labels:
        for variant in (label, old_tone_spelling(label)):
            if variant != exclude and variant not in variants:
                variants.append(variant)
    for variant in variants:
        graph.add((node, SKOS.altLabel, _vi(variant)))


def _add_generation(
    graph: Graph, node: URIRef, count: int, start: date, end: date | None
) -> None:
    span_vi = f"{start.year}–{end.year}" if end else f"từ {start.year}"
    span_en = f"{start.year}–{end.year}" if end else f"from {start.year}"
    graph.add((node, RDF.type, PBO.AdministrativeGeneration))
    graph.add((node, RDFS.label, _vi(f"{count} đơn vị hành chính cấp tỉnh ({span_vi})")))
    graph.add((node, RDFS.label, _en(f"{count} provincial-level units ({span_en})")))
    graph.add((node, PBO.validFrom, _date(start)))
    if end:
        graph.add((node, PBO.validUntil, _date(end)))


def _add_unit(graph: Graph, unit: Unit, generation: URIRef) -> None:
    node = unit.iri
    graph.add((node, RDF.type, PBO.ProvincialUnit))
    graph.add((node, RDFS.label, _vi(unit.name)))
    graph.add((node, RDFS.label, _en(f"{unit.name} {'City' if unit.is_city else 'Province'}")))
    if unit.is_city:
        variants = [f"Thành phố {unit.name}", f"TP. {unit.name}", f"TP {unit.name}"]
    else:
        variants = [f"Tỉnh {unit.name}"]
    _alt_labels(graph, node, [unit.name, *variants], exclude=unit.name)
    graph.add((node, PBO.adminCode, Literal(unit.code)))
    graph.add((node, PBO.unitType, CONCEPT[f"unit-type/{unit.type}"]))
    graph.add((node, PBO.generation, generation))
    if unit.valid_from:
        graph.add((node, PBO.validFrom, _date(unit.valid_from)))


def _add_change(graph: Graph, result: Unit, originals: list[Unit]) -> None:
    node = ID[f"change/2025-{result.slug.removesuffix('-2025')}"]
    merger = len(originals) > 1
    graph.add((node, RDF.type, PBO.ProvinceChange))
    for original in originals:
        graph.add((node, PBO.originalUnit, original.iri))
    graph.add((node, PBO.resultingUnit, result.iri))
    earlier = EARLIER_CHANGES.get(result.code)
    kind = "merger" if merger else "city-status" if earlier else "continuation"
    graph.add((node, PBO.changeKind, CONCEPT[f"change-kind/{kind}"]))
    graph.add((node, PBO.effectiveDate, _date(earlier[0] if earlier else REORGANIZATION_DAY)))
    graph.add((node, PBO.legalBasis, earlier[1] if earlier else RESOLUTION_202))
    kind_vi = "thành phố" if result.is_city else "tỉnh"
    kind_en = "City" if result.is_city else "Province"
    if earlier:
        old = originals[0].name
        graph.add((node, RDFS.label, _vi(
            f"{old} trở thành thành phố {result.name} trực thuộc trung ương "
            f"({earlier[0].isoformat()})")))
        graph.add((node, RDFS.label, _en(
            f"{old} became the centrally-run city of {result.name} ({earlier[0].isoformat()})")))
    elif merger:
        names = [u.name for u in originals]
        listed_vi, listed_en = ", ".join(names), f"{', '.join(names[:-1])} and {names[-1]}"
        graph.add((node, RDFS.label, _vi(
            f"Hợp nhất {listed_vi} thành {kind_vi} {result.name} (2025)")))
        graph.add((node, RDFS.label, _en(
            f"Merger of {listed_en} into {result.name} {kind_en} (2025)")))
    else:
        graph.add((node, RDFS.label, _vi(f"Giữ nguyên {kind_vi} {result.name} (2025)")))
        graph.add((node, RDFS.label, _en(f"Continuation of {result.name} {kind_en} (2025)")))


def _add_body_changes(graph: Graph, result: Unit, originals: list[Unit]) -> None:
    """The merger of the predecessors' committees (and organization boards) into the new
    unit's, dated 2025-07-01 and tied to the province change, whose legal basis it follows."""
    province_change = ID[f"change/2025-{result.slug.removesuffix('-2025')}"]
    kinds = (("committee", "ban chấp hành đảng bộ", "party committees"),
             ("organization-board", "ban tổ chức", "organization boards"))
    for index, (slug, vi, en) in enumerate(kinds):
        node = ID[f"change/2025-{result.slug.removesuffix('-2025')}-{slug}"]
        graph.add((node, RDF.type, PBO.BodyChange))
        for original in originals:
            graph.add((node, ORG.originalOrganization, body_iris(original)[index]))
        graph.add((node, ORG.resultingOrganization, body_iris(result)[index]))
        graph.add((node, PBO.changeKind, CONCEPT["change-kind/merger"]))
        graph.add((node, PBO.effectiveDate, _date(REORGANIZATION_DAY)))
        graph.add((node, PBO.followsChange, province_change))
        graph.add((node, PBO.legalBasis, RESOLUTION_202))
        names = ", ".join(u.name for u in originals)
        graph.add((node, RDFS.label, _vi(f"Hợp nhất {vi} {names} (2025)")))
        graph.add((node, RDFS.label, _en(
            f"Merger of the {en} of {names} into those of {result.name} (2025)")))


def _add_committee_and_board(graph: Graph, unit: Unit, *, until: date | None = None,
                             since: date | None = None) -> None:
    # A centrally-run city has a Thành ủy, a province a Tỉnh ủy; both are written "TU" in short.
    committee_vi = "Thành ủy" if unit.is_city else "Tỉnh ủy"
    committee_en = "Municipal" if unit.is_city else "Provincial"
    prefix = "thanh-uy" if unit.is_city else "tinh-uy"
    name = unit.name

    committee = ID[f"org/{prefix}-{unit.slug}"]
    for body in body_iris(unit):
        if until:
            graph.add((body, PBO.validUntil, _date(until)))
        if since:
            graph.add((body, PBO.validFrom, _date(since)))
    committee_label = f"{committee_vi} {name}"
    graph.add((committee, RDF.type, PBO.PartyCommittee))
    graph.add((committee, RDFS.label, _vi(committee_label)))
    since_en = f" (from {since.year})" if since else ""
    graph.add((committee, RDFS.label, _en(f"{name} {committee_en} Party Committee{since_en}")))
    variants = [committee_label, f"TU {name}"]
    if unit.is_city:
        variants.append(f"{committee_vi} TP. {name}")
    _alt_labels(graph, committee, variants, exclude=committee_label)
    graph.add((committee, PBO.area, unit.iri))
    graph.add((committee, PBO.committeeLevel, CONCEPT["level/provincial"]))

    board = ID[f"org/ban-to-chuc-{prefix}-{unit.slug}"]
    board_label = f"Ban Tổ chức {committee_vi} {name}"
    graph.add((board, RDF.type, PBO.PartyBoard))
    graph.add((board, RDFS.label, _vi(board_label)))
    graph.add((board, RDFS.label, _en(
        f"Organization Board of the {name} {committee_en} Party Committee{since_en}")))
    _alt_labels(graph, board, [board_label], exclude=board_label)
    if unit.is_city:
        abbreviations = [f"BTC {committee_vi} {name}", f"BTC TU {name}"]
    else:
        abbreviations = [f"BTC TU {name}", f"BTCTU {name}"]
    for abbreviation in abbreviations:
        graph.add((board, PBO.abbreviation, _vi(abbreviation)))
    graph.add((board, ORG.unitOf, committee))
    graph.add((board, PBO.boardKind, CONCEPT["board-kind/organization"]))
    graph.add((board, PBO.area, unit.iri))
