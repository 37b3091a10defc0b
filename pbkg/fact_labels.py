"""Readable names for facts and for bodies that share a name.

A fact node (a role, a membership, an award, a post held...) has no rdfs:label; pages used to show
its slug. Its label is generated here from its statements, generically: whatever the class, the
parts come from properties by the part they play in a sentence, and every word comes from the
labels of the ontology, the vocabularies and the entities (so a new class or property needs no
code, only labels):

    kind    what the fact is: a concept it points to (org:role, pbo:awardKind...) or its class
    scope   the body it is about (org:organization, pbo:cluster, pbo:citedAt...)
    time    pbo:year, or a date
    who     the unit or person it names (org:member, pbo:holder, pbo:recipient...), else a count

    vi: "Cụm trưởng Cụm thi đua số 5 năm 2023: Ban Tổ chức Tỉnh ủy Kiên Giang"
    en: "Chair unit, Emulation Cluster No. 5, 2023: Organization Board of ..."

On the page of one of the fact's parts, that part is left out (`omit`), since the page says it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .namespaces import ORG, PBO, RDF
from .periods import PREFIX as PERIOD_PREFIX
from .periods import format_period

LANGS = ("vi", "en")
_P = lambda ns, *names: [str(ns[n]) for n in names]  # noqa: E731

# Properties by the part they play; the first that has a value wins for kind, scope and time.
KIND = _P(ORG, "role") + _P(PBO, "awardKind", "post", "movement", "conferenceKind", "document",
                            "documentKind")
STATUS = _P(PBO, "awardStatus")
SCOPE = _P(ORG, "organization") + _P(PBO, "cluster", "citedAt", "presentedAt", "decidedAt")
TIME = _P(PBO, "year", "date", "attestedOn", "effectiveDate")
# A period node (id/period/...) when no date or year is stated on the fact itself.
PERIOD = _P(PBO, "period", "reviewedPeriod")
WHO = _P(ORG, "member") + _P(PBO, "holder", "recipient", "person", "presenter", "presenterUnit",
                             "attendee", "host")
COUNT = _P(PBO, "count", "collectiveCount", "individualCount", "attendingUnitCount")
TYPE = str(RDF["type"])
_ROLE, _ORGANIZATION = str(ORG["role"]), str(ORG["organization"])
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_OURS = str(PBO)

Labels = Callable[[str], dict[str, str]]
# An entity's first and last day, either unknown.
Days = tuple[str | None, str | None]


def _first_part(label: str) -> str:
    """'cụm trưởng, trưởng khối' -> 'Cụm trưởng': the first of a label's synonyms, capitalized."""
    head = label.split(",")[0].strip()
    return head[:1].upper() + head[1:]


# A "khối" (block) names its leaders otherwise than a "cụm" (cluster): its chair is the Trưởng
# khối, not the Cụm trưởng. By role notation; a cluster keeps the role's own label.
BLOCK_ROLE_VI = {"chair": "Trưởng khối", "standing-vice-chair": "Khối phó thường trực",
                 "vice-chair": "Khối phó"}
_ROLE_SCHEME = "/concept/cluster-role/"


def role_labels(role_iri: str, labels: dict[str, str], block: bool) -> dict[str, str]:
    """A cluster role as a reader writes it: 'Cụm trưởng' in a cluster, 'Trưởng khối' in a
    block (its first synonym, capitalized, otherwise)."""
    out = {lang: _first_part(text) for lang, text in labels.items()}
    notation = role_iri.rsplit(_ROLE_SCHEME, 1)[-1] if _ROLE_SCHEME in role_iri else None
    if block and notation in BLOCK_ROLE_VI:
        out["vi"] = BLOCK_ROLE_VI[notation]
    return out


def format_time(value: str, lang: str) -> str:
    """A year, an ISO date or a period IRI as a reader writes it: 'năm 2023', 'ngày 15/07/2020',
    'giai đoạn 2016-2020'; '2023'."""
    if value.startswith(PERIOD_PREFIX):
        return format_period(value, lang) or value
    m = _DATE.match(value)
    if not m:
        return value
    year, month, day = m.groups()
    if lang == "vi":
        if day:
            return f"ngày {day}/{month}/{year}"
        if month:
            return f"tháng {int(month)}/{year}"
        return f"năm {year}"
    return "-".join(x for x in (year, month, day) if x)


@dataclass(frozen=True)
class FactParts:
    kind: dict[str, str]
    status: dict[str, str]
    scope: list[str]
    time: str | None
    who: list[str]
    count: str | None


def parts(props: dict[str, list[dict]], labels: Labels,
          is_block: Callable[[str], bool] = lambda iri: False) -> FactParts:
    """The parts of a fact from its statements (property IRI -> JSON terms); `is_block(iri)`
    tells a block (khối) from a cluster (cụm), whose roles are named differently."""
    # Each property's IRIs (sorted) and first literal, read once: the parts below ask for
    # some thirty properties, of which a fact has about ten.
    uris: dict[str, list[str]] = {}
    literals: dict[str, str] = {}
    for prop, terms in props.items():
        if len(terms) == 1:  # most properties: one value, nothing to sort
            term = terms[0]
            if term["type"] == "uri":
                uris[prop] = [term["value"]]
            elif term["type"] == "literal":
                literals[prop] = term["value"]
            continue
        found = sorted(t["value"] for t in terms if t["type"] == "uri")
        if found:
            uris[prop] = found
        values = [t["value"] for t in terms if t["type"] == "literal"]
        if values:
            literals[prop] = min(values)

    def iris(prop: str) -> list[str]:
        return uris.get(prop, [])

    def literal(prop: str) -> str | None:
        return literals.get(prop)

    kind: dict[str, str] = {}
    for p in KIND:
        for iri in iris(p):
            if p == _ROLE:
                block = any(is_block(c) for c in iris(_ORGANIZATION))
                kind = role_labels(iri, labels(iri), block)
            else:
                kind = {lang: _first_part(text) for lang, text in labels(iri).items()}
            break
        if kind:
            break
    if not kind:
        classes = [t for t in iris(TYPE) if t.startswith(_OURS)] or iris(TYPE)
        for cls in classes:
            kind = {lang: _first_part(text) for lang, text in labels(cls).items()}
            if kind:
                break
    status: dict[str, str] = {}
    for p in STATUS:
        for iri in iris(p):
            status = labels(iri)
    scope = next((iris(p) for p in SCOPE if iris(p)), [])
    time = next((literal(p) for p in TIME if literal(p)), None)
    if time is None:
        time = next((iris(p)[0] for p in PERIOD if iris(p)), None)
    who = [i for p in WHO for i in iris(p)]
    count = next((literal(p) for p in COUNT if literal(p)), None)
    return FactParts(kind, status, scope[:1], time, list(dict.fromkeys(who)), count)


def fact_label(props: dict[str, list[dict]], name: Callable[[str, str], str],
               labels: Labels, omit: Iterable[str] = (),
               is_block: Callable[[str], bool] = lambda iri: False) -> dict[str, str]:
    """{'vi': ..., 'en': ...} for a fact; `name(iri, lang)` names an entity, `labels(iri)` gives
    the labels of a term; the parts in `omit` (the page's own subject) are left out."""
    omitted = set(omit)
    p = parts(props, labels, is_block)
    out = {}
    for lang in LANGS:
        kind = p.kind.get(lang) or p.kind.get("vi") or p.kind.get("en") or ""
        status = p.status.get(lang) or p.status.get("vi") or ""
        scope = [name(i, lang) for i in p.scope if i not in omitted]
        who = [name(i, lang) for i in p.who if i not in omitted]
        if not who and p.count is not None:
            who = [p.count]
        time = format_time(p.time, lang) if p.time else ""
        if lang == "vi":
            head = " ".join(x for x in (kind, *scope, time) if x)
        else:
            head = ", ".join(x for x in (kind, *scope, time) if x)
        if status:
            head += f" ({status})"
        text = f"{head}: {'; '.join(who)}" if who and head else (head or "; ".join(who))
        out[lang] = text
    return out


# Names that two bodies share --------------------------------------------------------------------

def period(valid_from: str | None, valid_until: str | None) -> str | None:
    """'(2025–)', '(–2025)', '(2008–2025)' from validity dates; None when neither is known."""
    start = valid_from[:4] if valid_from else ""
    end = valid_until[:4] if valid_until else ""
    if not start and not end:
        return None
    return f"({start}–{end})"


class Names:
    """Entity names, with the validity period added where two entities share a label. Which
    ones do is asked per entity, when its name is first wanted (a page names a few hundred; a
    table of every entity's labels costs minutes at 10^7 triples)."""

    def __init__(self, labels: Labels, shares_label: Callable[[str], bool],
                 validity: Callable[[str], tuple[str | None, str | None]],
                 validities: Callable[[list[str]], dict[str, Days]],
                 sharing: Callable[[list[str]], set[str]] | None = None) -> None:
        self._labels = labels
        self._shares_label = shares_label
        self._sharing = sharing or (lambda iris: {i for i in iris if shares_label(i)})
        self._validity = validity
        self._validities = validities
        self._suffixes: dict[str, str | None] = {}

    def prefetch(self, iris: list[str]) -> None:
        """The suffixes of many entities at once: their periods in one call of ``validities``
        instead of one query each (the build names every cluster, unit and person of the
        leadership table)."""
        new = [i for i in dict.fromkeys(iris) if i not in self._suffixes]
        sharing = self._sharing(new)
        shared = [i for i in new if i in sharing]
        found = self._validities(shared)
        self._bound(len(new))
        for i in new:
            self._suffixes[i] = period(*found[i]) if i in found else None

    def _bound(self, more: int) -> None:
        # Kept per entity (a benign race: two threads compute the same value), bounded.
        if len(self._suffixes) + more > 200_000:
            self._suffixes.clear()

    def _suffix(self, iri: str) -> str | None:
        if iri not in self._suffixes:
            self._bound(1)
            self._suffixes[iri] = (period(*self._validity(iri)) if self._shares_label(iri)
                                   else None)
        return self._suffixes[iri]

    def __call__(self, iri: str, lang: str) -> str:
        labels = self._labels(iri)
        text = labels.get(lang) or labels.get("vi") or labels.get("en") or _tail(iri)
        suffix = self._suffix(iri)
        return f"{text} {suffix}" if suffix else text

    def labels(self, iri: str) -> dict[str, str]:
        """Both languages' names of an entity (with the period where needed)."""
        return {lang: self(iri, lang) for lang in LANGS}


def _tail(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/"))[-1]


