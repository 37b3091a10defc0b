"""Extracted facts that a curated file of the same article overrides.

A curated file for an article key (data/curated/KEY.ttl) overrides the extracted one
(data/extracted/KEY.ttl): `drop_overridden` removes the extracted facts that state the same
thing (same class and key properties) as a curated fact, and points what referred to them at
the curated nodes. Kept apart from pbkg.ingest so that assembling the dataset does not import
the extractor, whose resolver reads the dataset (that was an import cycle).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from pbkg.namespaces import ORG, PBO, RDF
from pbkg.periods import PREFIX as _PERIODS

_TYPE = ox.NamedNode(str(RDF.type))
# The properties that say what a fact states, per class.
FACT_KEYS: dict[str, tuple[str, ...]] = {
    str(PBO.ClusterMembership): (str(ORG.member), str(ORG.organization), str(PBO.year)),
    str(PBO.ClusterRoleAssignment): (str(ORG.member), str(ORG.organization), str(ORG.role),
                                     str(PBO.year)),
    str(PBO.MemberCount): (str(PBO.cluster), str(PBO.year)),
    str(PBO.PostAttestation): (str(PBO.holder), str(PBO.post)),
    str(PBO.DocumentCitation): (str(PBO.document),),
    str(PBO.AwardDecision): (str(PBO.awardKind), str(PBO.awardStatus), str(PBO.recipient),
                             str(PBO.collectiveCount), str(PBO.individualCount), str(PBO.year),
                             str(PBO.period)),
    str(PBO.Conference): (str(PBO.cluster), str(PBO.conferenceKind), str(PBO.date)),
    str(PBO.ConferencePaper): (str(PBO.presenterUnit), str(PBO.presentedAt)),
    str(PBO.MovementAdoption): (str(PBO.movement), str(PBO.cluster), str(PBO.year)),
}


def _signatures(quads: Iterable) -> dict[str, tuple]:
    """Fact subject -> (class, values of its key properties)."""
    props: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    types: dict[str, set[str]] = defaultdict(set)
    for q in quads:
        if not isinstance(q.subject, ox.NamedNode):
            continue
        s = q.subject.value
        if q.predicate == _TYPE:
            types[s].add(q.object.value)
        else:
            props[s][q.predicate.value].add(str(q.object))
    out = {}
    for s, ts in types.items():
        for t in ts:
            if t in FACT_KEYS:
                out[s] = (t, *(tuple(sorted(props[s].get(k, ()))) for k in FACT_KEYS[t]))
    return out


def drop_overridden(extracted: list, curated: list) -> list:
    """The extracted quads minus what a curated file for the same article overrides.

    Dropped: every extracted fact whose class and key properties equal those of a curated
    fact, and every extracted subject the curated file itself describes (a node minted by
    extraction that the curator has since written), but a period's node. Objects that pointed
    to a dropped fact (pbo:inferredFrom, pbo:decidedAt, pbo:citedAt, ...) point to the curated
    one instead."""
    curated_sigs = _signatures(curated)
    by_sig = {sig: s for s, sig in curated_sigs.items()}
    # A period's node is not the curator's to override: every file that names the span writes
    # the same node, and queries read its days from the graph of the fact that names it.
    curated_subjects = {q.subject.value for q in curated if isinstance(q.subject, ox.NamedNode)
                        and q.predicate == _TYPE and not q.subject.value.startswith(_PERIODS)}
    replace: dict[str, str | None] = {}
    for s, sig in _signatures(extracted).items():
        if sig in by_sig:
            replace[s] = by_sig[sig]
    for q in extracted:
        if isinstance(q.subject, ox.NamedNode) and q.subject.value in curated_subjects:
            replace.setdefault(q.subject.value, None)
    if not replace:
        return list(extracted)
    out = []
    for q in extracted:
        if isinstance(q.subject, ox.NamedNode) and q.subject.value in replace:
            continue
        obj = q.object
        if isinstance(obj, ox.NamedNode) and replace.get(obj.value):
            obj = ox.NamedNode(replace[obj.value])
        out.append(ox.Quad(q.subject, q.predicate, obj, q.graph_name))
    # a fact that was inferred from a dropped one, and lost it, keeps its note
    return out
