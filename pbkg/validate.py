"""Validate the graph against the SHACL shapes in shapes/.

Three engines, one result set:

- ``"fast"`` (the build's default): the Rust validator ``shacl`` (PyPI) for SHACL Core, fed the
  N-Quads of an Oxigraph store directly (no rdflib round trip), and each SHACL-SPARQL constraint
  run once over the whole graph on Oxigraph, as in ``"split"`` (the Rust engine does not fill
  ``{?var}`` in messages). About 25x faster than pyshacl on the Core shapes at 10^5 triples.
- ``"pyshacl"``: pyshacl on everything (SHACL Core and SHACL-SPARQL, advanced features, no
  inference). The reference semantics.
- ``"split"``: pyshacl for SHACL Core only; each SHACL-SPARQL constraint runs once over
  the whole graph on Oxigraph, its targets joined in. pyshacl runs a SPARQL constraint once per
  focus node on rdflib's engine, which costs about 90 % of its time and grows super-linearly
  (see the design note performance.md). The shapes' queries are written to be correct with
  ``$this`` unbound (shapes/rules.ttl says how), and the tests check that both engines agree.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import deque
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
import shacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node
from rdflib.util import from_n3

from pbkg.errors import InputError, InvalidParameter

if TYPE_CHECKING:  # rdflib's SPARQL engine is imported when pyshacl runs only
    from rdflib.plugins.sparql.sparql import Query
from pbkg.namespaces import OWL, PBS, PREFIXES, RDF, RDFS, SH, XSD

ENGINES = ("fast", "split", "pyshacl")

# Shape predicates that select or describe, as opposed to constrain: a shape left with only these
# once its SPARQL constraints are taken out has nothing for pyshacl to do.
_NOT_CONSTRAINTS = {
    RDF.type,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
    SH.name,
    SH.description,
    SH.message,
    SH.severity,
    SH.deactivated,
    SH.order,
    SH.group,
    RDFS.label,
    RDFS.comment,
}
_THIS = re.compile(r"\$this\b")
_SELECT_CLAUSE = re.compile(r"\bSELECT\s+(.*?)\s*(?:WHERE\b|\{)", re.IGNORECASE | re.DOTALL)
_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")


@dataclass(frozen=True)
class Violation:
    """One validation result. IRIs are plain strings; a literal value is in N-Triples form."""

    focus: str
    path: str | None
    value: str | None
    component: str
    shape: str
    message: str
    severity: str
    source_file: str | None = None


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation]

    def to_text(self) -> str:
        if self.conforms:
            return "Conforms: the data satisfies every shape.\n"
        count = len(self.violations)
        lines = [f"Does not conform: {count} violation{'s' if count != 1 else ''}."]
        for number, v in enumerate(self.violations, 1):
            lines += [
                "",
                f"{number}. {_compact(v.severity).removeprefix('sh:')}",
                f"   node:     {v.focus}",
                f"   property: {_compact(v.path) if v.path else '-'}",
            ]
            if v.value is not None and v.value != v.focus:
                lines.append(f"   value:    {v.value}")
            lines += [
                f"   rule:     {_compact(v.shape)} ({_component_name(v.component)})",
                f"   message:  {v.message}",
                f"   file:     {v.source_file or '(unknown)'}",
            ]
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        body = {"conforms": self.conforms, "violations": [asdict(v) for v in self.violations]}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"

    def to_turtle(self) -> str:
        graph = Graph()
        graph.bind("sh", SH)
        graph.bind("pbs", PBS)
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        report = BNode()
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.add((report, SH.conforms, Literal(self.conforms)))
        for v in self.violations:
            result = BNode()
            graph.add((report, SH.result, result))
            graph.add((result, RDF.type, SH.ValidationResult))
            graph.add((result, SH.focusNode, _node(v.focus)))
            if v.path and _ABSOLUTE_IRI.match(v.path):
                graph.add((result, SH.resultPath, URIRef(v.path)))
            if v.value is not None:
                graph.add((result, SH.value, _node(v.value)))
            graph.add((result, SH.sourceConstraintComponent, URIRef(v.component)))
            graph.add((result, SH.sourceShape, _node(v.shape)))
            graph.add((result, SH.resultSeverity, URIRef(v.severity)))
            graph.add((result, SH.resultMessage, Literal(v.message)))
        return graph.serialize(format="turtle")


def load_shapes(shapes_dir: Path) -> Graph:
    """All shapes/*.ttl in one graph; a syntax error names the file and the line."""
    files = sorted(Path(shapes_dir).glob("*.ttl"))
    if not files:
        raise InputError(shapes_dir, "no shapes files (*.ttl) found")
    graph = Graph()
    for path in files:
        _parse_turtle_into(graph, path)
    return graph


def graph_to_store(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store holding ``graph`` in its default graph."""
    try:
        data = graph.serialize(format="nt", encoding="utf-8")
    except Exception:  # rdflib refuses to write an IRI its own parser let in ("a b", newlines)
        data = "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in graph).encode("utf-8")
    store = ox.Store()
    # parse + bulk_extend keeps blank node labels (Store.load renames them), so both engines
    # name a blank focus node alike; lenient: a malformed IRI is for the shapes to report.
    store.bulk_extend(ox.parse(data, format=ox.RdfFormat.N_TRIPLES, lenient=True))
    return store


_NOT_IN_IRIREF = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _nt(term: Node) -> str:
    if isinstance(term, URIRef):
        return "<" + _NOT_IN_IRIREF.sub(lambda m: f"\\u{ord(m.group()):04X}", str(term)) + ">"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    text = (
        str(term)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )
    if term.language:
        return f'"{text}"@{term.language}'
    return f'"{text}"' + (f"^^{_nt(term.datatype)}" if term.datatype else "")


def validate(
    data: Graph,
    shapes: Graph,
    *,
    source_of: Mapping[str, str] | None = None,
    store: ox.Store | None = None,
    engine: str = "fast",
) -> ValidationReport:
    """Validate ``data`` (ontology, vocabularies and instance data in one graph) against ``shapes``.

    ``source_of`` maps a subject IRI to the file it came from, for the report. ``store`` is an
    Oxigraph store holding the same triples in its default graph (the split engine builds one
    from ``data`` if it is not given).
    """
    if engine == "fast":
        store = store if store is not None else graph_to_store(data)
        try:
            return validate_store(store, shapes, source_of=source_of)
        except ValueError:
            # The Rust parser refuses an IRI that rdflib let in ("a b"); pyshacl reports it.
            engine = "split"
    if engine == "pyshacl":
        violations = _run_pyshacl(data, shapes)
    elif engine == "split":
        core, constraints = split_shapes(shapes)
        violations = _run_pyshacl(data, core)
        if constraints:
            store = store if store is not None else graph_to_store(data)
            for constraint in constraints:
                violations += constraint.run(store)
    else:
        raise InvalidParameter("engine", f"one of {', '.join(ENGINES)}, not {engine!r}")
    return _report(violations, source_of)


def validate_store(store: ox.Store, shapes: Graph, *,
                   source_of: Mapping[str, str] | None = None,
                   nquads: Path | None = None) -> ValidationReport:
    """The fast engine: validate every graph of an Oxigraph store, taken as one graph.

    The data never leaves Rust as terms: the store is dumped as N-Quads (the validator reads all
    graphs as one; ``nquads`` is a file already holding that dump), SHACL-SPARQL constraints are
    queried on the store itself.
    """
    core, constraints = split_shapes(shapes)
    compiled = _compiled(core.serialize(format="nt", encoding="utf-8"))
    # Both engines release the GIL: the Core shapes run in a thread beside the SPARQL ones.
    with ThreadPoolExecutor(max_workers=1) as pool:
        if nquads is not None and nquads.suffix == ".nq":
            core_run = pool.submit(compiled.validate_file, str(nquads))
        else:
            data = store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8")
            core_run = pool.submit(compiled.validate_text, data, format="nquads")
        violations = [v for constraint in constraints for v in constraint.run(store, union=True)]
        violations += [_from_rust(result) for result in core_run.result().results]
    return _report(violations, source_of)


def sparql_rule_violations(store: ox.Store, shapes: Graph) -> list[Violation]:
    """The SHACL-SPARQL constraints the fast engine runs itself, over all graphs of ``store``."""
    _, constraints = split_shapes(shapes)
    return [v for constraint in constraints for v in constraint.run(store, union=True)]


def report_of(violations: list[Violation],
              source_of: Mapping[str, str] | None = None) -> ValidationReport:
    """A report of these results: each once, sorted."""
    return _report(violations, source_of)


def _report(violations: list[Violation], source_of: Mapping[str, str] | None) -> ValidationReport:
    if source_of:
        violations = [replace(v, source_file=source_of.get(v.focus)) for v in violations]
    unique = sorted(set(violations), key=_sort_key)
    return ValidationReport(conforms=not unique, violations=unique)


_COMPILED: dict[str, shacl.Shapes] = {}


def _compiled(shapes_nt: bytes) -> shacl.Shapes:
    """Compiled shapes, kept by content: compiling is a fair share of a small validation."""
    key = hashlib.sha256(shapes_nt).hexdigest()
    if key not in _COMPILED:
        _COMPILED.clear()
        _COMPILED[key] = shacl.Shapes.from_text(shapes_nt.decode("utf-8"), format="ntriples")
    return _COMPILED[key]


# The Rust validator prefixes blank node labels with the index of the graph they came from
# (0: data, 1: shapes); the labels after it are those of the N-Triples it was given.
_RUST_BNODE = re.compile(r"^_:[01]_")


def _from_rust(result: shacl.Result) -> Violation:
    path = result.path
    if path is not None and path.startswith("<") and path.endswith(">") and " " not in path:
        path = path[1:-1]
    return Violation(
        focus=_rust_term(result.focus_node),
        path=path,
        value=_rust_term(result.value) if result.value is not None else None,
        component=result.component_iri,
        shape=_rust_term(result.source_shape or ""),
        message=" ".join(sorted(result.messages)),
        severity=result.severity_iri,
    )


def _rust_term(text: str) -> str:
    """An N-Triples term as the report writes it (the form pyshacl's results take)."""
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    if text.startswith("_:"):
        return _RUST_BNODE.sub("_:", text)
    if text.startswith('"'):
        triple = next(iter(ox.parse(f"<x:s> <x:p> {text} .", format=ox.RdfFormat.N_TRIPLES)))
        return _text(_from_ox(triple.object))
    return text


@dataclass(frozen=True)
class SparqlConstraint:
    """A SHACL-SPARQL constraint of a node shape, as one query over the whole graph."""

    shape: Node
    query: str
    messages: tuple[str, ...]
    severity: str
    body: str = ""  # the constraint's own SELECT, within ``query``
    # The query with the targets as a filter, ``{body}`` to fill: for a body seeded with a few
    # terms, testing each of its solutions costs less than listing every focus node.
    seeded: str = ""

    def run(self, store: ox.Store, union: bool = False,
            query: str | None = None) -> list[Violation]:
        """Run on the store's default graph, or with ``union`` on all its graphs as one."""
        found = []
        solutions = store.query(query or self.query, use_default_graph_as_union=union)
        names = [variable.value for variable in solutions.variables]
        for solution in solutions:
            bound = {name: _from_ox(solution[name]) for name in names if solution[name] is not None}
            if "this" not in bound or "failure" in bound:
                continue
            focus = bound["this"]
            path = bound.get("path")
            # SHACL: without ?value, the value of a node shape's result is the focus node.
            value = bound.get("value", focus)
            found.append(
                Violation(
                    focus=_text(focus),
                    path=_text(path) if path is not None else None,
                    value=_text(value),
                    component=str(SH.SPARQLConstraintComponent),
                    shape=_text(self.shape),
                    message=" ".join(_fill(m, bound) for m in self.messages)
                    or "SPARQL constraint violated",
                    severity=self.severity,
                )
            )
        return found


    def run_seeded(self, store: ox.Store,
                   terms: list[ox.NamedNode | ox.Literal]) -> list[Violation]:
        """The results whose solution binds one of the constraint's variables to one of
        ``terms``, on all graphs: the query once per variable, that variable bound by a
        VALUES block at the start of the constraint's own pattern (so the engine starts from
        those terms instead of scanning the graph)."""
        if not terms:
            return []
        at = _WHERE.search(self.body)
        if at is None or not self.seeded:
            return self.run(store, union=True)
        values = " ".join(str(t) for t in terms)
        found: list[Violation] = []
        for variable in _seed_variables(self.body):
            body = _anti_joins(self.body, variable)
            seeded = _bind_in_groups(body, variable, f"VALUES ?{variable} {{ {values} }}")
            found += self.run(store, union=True, query=self.seeded.replace("{body}", seeded, 1))
        return found


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$](\w+)")
_ASSIGNED = re.compile(r"\bAS\s+[?$](\w+)", re.IGNORECASE)


# A SPARQL token that may hold a brace or '#' without opening a group or a comment.
_OPAQUE = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_OPTIONAL_UNBOUND = re.compile(
    r"OPTIONAL\s*\{(?P<bgp>[^{}]*)\}\s*FILTER\s*\(\s*!\s*BOUND\s*\(\s*\?(?P<var>\w+)\s*\)\s*\)",
    re.IGNORECASE)


def _anti_joins(body: str, seeded: str) -> str:
    """``OPTIONAL { BGP } FILTER (!BOUND(?m))``, ?m a variable of the BGP used nowhere else,
    as ``FILTER NOT EXISTS { BGP }``: the same solutions. A rule written for a run over every
    node prefers the first (one join); a run over a few seeded rows, the second (a lookup per
    row instead of every match of the BGP) unless the ``seeded`` variable is in the BGP (the
    seeds then narrow the BGP itself: _bind_in_groups)."""
    def rewrite(match: re.Match) -> str:
        var = match["var"]
        rest = body[:match.start()] + body[match.end():]
        if not re.search(rf"[?$]{var}\b", match["bgp"]) or re.search(rf"[?$]{var}\b", rest) \
                or re.search(rf"[?$]{seeded}\b", match["bgp"]):
            return match.group(0)
        return f"FILTER NOT EXISTS {{{match['bgp']}}}"

    if _OPAQUE.search(body) and any(m.group(0).startswith("#") for m in _OPAQUE.finditer(body)):
        body = _OPAQUE.sub(lambda m: "" if m.group(0).startswith("#") else m.group(0), body)
    return _OPTIONAL_UNBOUND.sub(rewrite, body)


def _bind_in_groups(body: str, variable: str, values: str) -> str:
    """``values`` (a VALUES block binding ``variable``) at the start of every group of
    ``body`` that mentions the variable: the top one, UNION branches, OPTIONAL and EXISTS
    parts. The top one alone gives the answer (inner groups only ever join with rows whose
    ``variable`` is bound there); the inner ones let the engine start each part from the seeds
    instead of evaluating it whole. Without nested SELECTs only (they scope variables)."""
    opaque = [(m.start(), m.end()) for m in _OPAQUE.finditer(body)]
    braces, skip = [], dict(opaque)
    i = 0
    while i < len(body):
        if i in skip:
            i = skip[i]
            continue
        if body[i] in "{}":
            braces.append(i)
        i += 1
    # Each group's span, from its opening brace to the matching closing one.
    stack, spans = [], []
    for at in braces:
        if body[at] == "{":
            stack.append(at)
        elif stack:
            spans.append((stack.pop(), at))
    nested_select = len(re.findall(r"\bSELECT\b", body, re.IGNORECASE)) > 1
    mention = re.compile(rf"[?$]{variable}\b")
    starts = sorted((start for start, end in spans if mention.search(body, start, end)
                     and (not nested_select or start == min(s for s, _ in spans))),
                    reverse=True)
    for start in starts:
        body = f"{body[:start + 1]} {values} {body[start + 1:]}"
    return body


def _seed_variables(body: str) -> list[str]:
    """The variables a seeded run binds: the projected ones (all, for SELECT *), except those
    an expression assigns (BIND, or AS in the projection: a VALUES before them is an error)."""
    match = _SELECT_CLAUSE.search(body)
    projected = match.group(1) if match and match.group(1).strip() != "*" else body
    assigned = set(_ASSIGNED.findall(body))
    return sorted(set(_VARIABLE.findall(projected)) - assigned)


_SPLIT: list = []  # the last graph split and its parts (an incremental build asks four times)


def split_shapes(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """The shapes without the SPARQL constraints the split engine runs itself, and those
    (the same objects for the same, unchanged graph: callers only read them)."""
    if _SPLIT and _SPLIT[0] is shapes and _SPLIT[1] == len(shapes):
        return _SPLIT[2]
    parts = _split_shapes(shapes)
    _SPLIT[:] = [shapes, len(shapes), parts]
    return parts


def _split_shapes(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """split_shapes, computed.

    A constraint stays with pyshacl when it cannot run alone with the same meaning: on a
    property shape ($PATH, value nodes), using $shapesGraph, not projecting $this, or with a
    custom target type.
    """
    core = Graph()
    for triple in shapes:
        core.add(triple)
    for prefix, namespace in shapes.namespaces():
        core.bind(prefix, namespace)
    constraints: list[SparqlConstraint] = []
    emptied: set[Node] = set()
    for shape, node in sorted(shapes.subject_objects(SH.sparql)):
        if _is_true(shapes.value(shape, SH.deactivated)) or _is_true(
            shapes.value(node, SH.deactivated)
        ):
            core.remove((shape, SH.sparql, node))
            _remove_tree(core, node)
            emptied.add(shape)
            continue
        constraint = _standalone(shapes, shape, node)
        if constraint is None:
            continue
        if constraint.query:
            constraints.append(constraint)
        core.remove((shape, SH.sparql, node))
        _remove_tree(core, node)
        emptied.add(shape)
    # A shape with nothing left to check would still make pyshacl compute its focus nodes.
    for shape in emptied:
        if not any(p not in _NOT_CONSTRAINTS for p in core.predicates(shape)):
            _remove_tree(core, shape)
    return core, constraints


def _standalone(shapes: Graph, shape: Node, node: Node) -> SparqlConstraint | None:
    select = shapes.value(node, SH.select)
    if select is None or shapes.value(shape, SH.path) is not None:
        return None
    text = str(select)
    if "$shapesGraph" in text or "$PATH" in text or not _projects_this(text):
        return None
    prefixes = _prefixes(shapes, node)
    targets = _target_patterns(shapes, shape, prefixes)
    if targets is None:
        return None
    messages = sorted(str(m) for m in shapes.objects(node, SH.message))
    messages += sorted(str(m) for m in shapes.objects(shape, SH.message))
    severity = str(shapes.value(shape, SH.severity) or SH.Violation)
    if not targets:
        return SparqlConstraint(shape, "", tuple(messages), severity)
    body = _THIS.sub("?this", text)
    if isinstance(shape, URIRef):
        body = body.replace("$currentShape", shape.n3())
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))
    query = (
        f"{prologue}SELECT * WHERE {{\n"
        f"  {{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(targets)} }} }}\n"
        f"  {{\n{body}\n  }}\n}}\n"
    )
    return SparqlConstraint(shape, query, tuple(messages), severity, body,
                            f"{prologue}SELECT * WHERE {{\n  {{\n{{body}}\n  }}\n"
                            f"  FILTER EXISTS {{ {' UNION '.join(targets)} }}\n}}\n")


def _target_patterns(shapes: Graph, shape: Node, prefixes: dict[str, str]) -> list[str] | None:
    """SPARQL groups binding ?this to the shape's focus nodes; None for a target not expressible."""
    patterns = []
    classes = list(shapes.objects(shape, SH.targetClass))
    # An implicit class target: a shape that is also a class targets its instances.
    if any(t in (RDFS.Class, OWL.Class) for t in shapes.objects(shape, RDF.type)):
        classes.append(shape)
    subclass_path = f"{RDF.type.n3()}/{RDFS.subClassOf.n3()}*"
    patterns += [f"{{ ?this {subclass_path} {c.n3()} }}" for c in sorted(classes)]
    patterns += [
        f"{{ BIND ({n.n3()} AS ?this) }}" for n in sorted(shapes.objects(shape, SH.targetNode))
    ]
    patterns += [
        f"{{ ?this {p.n3()} [] }}" for p in sorted(shapes.objects(shape, SH.targetSubjectsOf))
    ]
    patterns += [
        f"{{ [] {p.n3()} ?this }}" for p in sorted(shapes.objects(shape, SH.targetObjectsOf))
    ]
    for target in sorted(shapes.objects(shape, SH.target)):
        select = shapes.value(target, SH.select)
        if select is None:
            return None
        for prefix, namespace in _prefixes(shapes, target).items():
            if prefixes.setdefault(prefix, namespace) != namespace:
                return None
        patterns.append(f"{{ {select} }}")
    return patterns


def _prefixes(shapes: Graph, node: Node) -> dict[str, str]:
    """The sh:declare prefixes reachable through the node's sh:prefixes (SHACL 5.2.1)."""
    found = {}
    for holder in shapes.objects(node, SH.prefixes):
        for declaration in shapes.objects(holder, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                found[str(prefix)] = str(namespace)
    return found


def _projects_this(select: str) -> bool:
    match = _SELECT_CLAUSE.search(select)
    return bool(match) and (
        match.group(1).strip() == "*" or re.search(r"[?$]this\b", match.group(1)) is not None
    )


class _PreparedQueryGraph(Graph):
    """A view of a graph (same store, no copy) on which each SPARQL text is parsed once.

    pyshacl sends a SPARQL constraint's text again for every focus node, and rdflib parses it
    again each time: parsing was ~95 % of pyshacl's run on pbkg's shapes. Evaluation is unchanged.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(
            store=graph.store,
            identifier=graph.identifier,
            namespace_manager=graph.namespace_manager,
        )

    def query(self, query_object, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str) -> Query:
    from rdflib.plugins.sparql import prepareQuery

    # A prepared query is an algebra tree that evaluation only reads: safe to share across runs.
    return prepareQuery(text)


def _run_pyshacl(data: Graph, shapes: Graph) -> list[Violation]:
    # Imported here: pyshacl and rdflib's SPARQL engine cost a quarter second to import, and
    # the fast engine (every build) needs neither.
    import pyshacl

    # A plain Graph gets the parse cache; inplace spares the copy pyshacl's advanced mode makes
    # for sh:rule, of which pbkg has none (and inference is off), so nothing is written to it.
    target = _PreparedQueryGraph(data) if type(data) is Graph else data
    _, results, _ = pyshacl.validate(
        target,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        inplace=True,
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
    )
    violations = []
    # Only the report's own results: those of nested shapes (sh:node, sh:or) hang below them
    # as sh:detail and say the same thing less precisely.
    top = [
        r
        for report in results.subjects(RDF.type, SH.ValidationReport)
        for r in results.objects(report, SH.result)
    ]
    for result in top:
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        violations.append(
            Violation(
                focus=_text(results.value(result, SH.focusNode)),
                path=_path_text(results, path) if path is not None else None,
                value=_text(value) if value is not None else None,
                component=str(results.value(result, SH.sourceConstraintComponent)),
                shape=_text(results.value(result, SH.sourceShape)),
                message=" ".join(messages),
                severity=str(results.value(result, SH.resultSeverity) or SH.Violation),
            )
        )
    return violations


def _parse_turtle_into(graph: Graph, path: Path) -> None:
    try:
        text = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the file: {error.strerror}") from error
    # Oxigraph first: its syntax errors carry the line; rdflib's often do not.
    try:
        deque(ox.parse(text, format=ox.RdfFormat.TURTLE), maxlen=0)
    except SyntaxError as error:
        raise InputError(path, error.msg, error.lineno) from error
    try:
        graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    except Exception as error:  # rdflib raises many types; all mean the same to the user
        line = getattr(error, "lines", None)
        raise InputError(path, str(error), line + 1 if isinstance(line, int) else None) from error


def _remove_tree(graph: Graph, node: Node) -> None:
    """Remove the node's triples and, recursively, those of the blank nodes it points to."""
    for _, _, obj in list(graph.triples((node, None, None))):
        if isinstance(obj, BNode):
            _remove_tree(graph, obj)
    graph.remove((node, None, None))


def _from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    # rdflib reads "x" in Turtle as a plain literal; xsd:string would print differently.
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def _text(term: Node | None) -> str:
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return term.n3()
    return str(term)


def _node(text: str) -> Node:
    if text.startswith("_:"):
        return BNode(text[2:])
    if text.startswith('"'):
        return from_n3(text)
    return URIRef(text)


def _path_text(graph: Graph, path: Node) -> str:
    if isinstance(path, URIRef):
        return str(path)
    from pyshacl.helper.path_helper import shacl_path_to_sparql_path

    try:  # a complex path (inverse, sequence, ...) as SPARQL property path text
        return str(shacl_path_to_sparql_path(graph, path))
    except Exception:
        return _text(path)


def _fill(message: str, bound: Mapping[str, Node]) -> str:
    """Substitute {?var} and {$var} with the bound value, as pyshacl does."""
    return _PLACEHOLDER.sub(
        lambda m: str(bound[m.group(1)]) if m.group(1) in bound else m.group(0), message
    )


def _is_true(node: Node | None) -> bool:
    return isinstance(node, Literal) and node.toPython() is True


def _sort_key(v: Violation) -> tuple[str, ...]:
    return (v.source_file or "", v.focus, v.path or "", v.shape, v.value or "", v.message)


_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
_COMPACT = {**PREFIXES, "pbs": str(PBS), "sh": str(SH)}


def _compact(iri: str) -> str:
    for prefix, namespace in _COMPACT.items():
        if iri.startswith(namespace) and len(iri) > len(namespace) and prefix not in ("id", "c"):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _component_name(component: str) -> str:
    return _compact(component).removeprefix("sh:").removesuffix("ConstraintComponent")


__all__ = [
    "ENGINES",
    "PBS",
    "SparqlConstraint",
    "ValidationReport",
    "Violation",
    "graph_to_store",
    "load_shapes",
    "split_shapes",
    "reach",
    "report_of",
    "sparql_rule_violations",
    "validate",
    "validate_core_of",
    "validate_store",
]


# Incremental validation ---------------------------------------------------------------------
#
# A focus node's SHACL Core result depends only on the triples whose subject lies within a few
# hops of it along the shapes' paths (the values, their types, the values of nested shapes), and
# on the class hierarchy. reach() says how many hops: a build that changed some triples need only
# validate again the nodes from which a changed subject is within that many hops (pbkg.build).

_NESTED = (SH.node, SH.qualifiedValueShape, SH["not"])
_LISTS = (SH["or"], SH["and"], SH.xone)
_LOCAL_TARGET = re.compile(
    r"^\s*SELECT\s+DISTINCT\s+\?this\s+WHERE\s*\{\s*\?this\s+a\s+\?\w+\s*\.\s*"
    r"(FILTER\s*\((?:[^{}])*\)\s*)*\}\s*$", re.IGNORECASE | re.DOTALL)


def reach(shapes: Graph) -> int | None:
    """The largest number of hops from a focus node to a subject whose triples its Core result
    depends on; None where that cannot be bounded here (inverse or recursive paths, a SPARQL
    target that looks beyond the focus node's own types): validate everything then. Object
    targets (sh:targetObjectsOf) count at least one hop: the triple that targets a node belongs
    to its subject (pbkg.build also touches the objects of changed triples with those
    predicates, object_target_predicates)."""
    core, _ = split_shapes(shapes)
    for target in core.objects(None, SH.target):
        select = core.value(target, SH.select)
        if select is None or not _LOCAL_TARGET.match(str(select)):
            return None
    memo: dict[Node, int | None] = {}
    deepest = 0

    def shape_reach(shape: Node, seen: frozenset[Node]) -> int | None:
        if shape in seen:
            return None  # a recursive shape
        if shape in memo:
            return memo[shape]
        seen = seen | {shape}
        depth = 0
        nested = [n for p in _NESTED for n in core.objects(shape, p)]
        for p in _LISTS:
            for head in core.objects(shape, p):
                nested += list(Collection(core, head))
        values = 0
        path = core.value(shape, SH.path)
        if path is not None:
            if isinstance(path, URIRef):
                values = 1
            elif (path, RDF.first, None) in core:
                steps = list(Collection(core, path))
                if not all(isinstance(s, URIRef) for s in steps):
                    return None
                values = len(steps)
            else:
                return None  # inverse, alternative or repeated paths
            depth = values - 1
            if (shape, SH["class"], None) in core:
                depth = max(depth, values)  # the values' rdf:type
        for inner in nested:
            inner_reach = shape_reach(inner, seen)
            if inner_reach is None:
                return None
            depth = max(depth, values + inner_reach)
        if path is None and (shape, SH["class"], None) in core:
            depth = max(depth, 0)
        for prop in core.objects(shape, SH.property):
            inner_reach = shape_reach(prop, seen)
            if inner_reach is None:
                return None
            depth = max(depth, inner_reach)
        memo[shape] = depth
        return depth

    if any(core.triples((None, SH.targetObjectsOf, None))):
        deepest = 1
    shapes_with_targets = set(core.subjects(RDF.type, SH.NodeShape)) | set(
        core.subjects(RDF.type, SH.PropertyShape))
    for shape in shapes_with_targets:
        found = shape_reach(shape, frozenset())
        if found is None:
            return None
        deepest = max(deepest, found)
    return deepest


def object_target_predicates(shapes: Graph) -> set[str]:
    """The predicates whose triples' objects are focus nodes (sh:targetObjectsOf)."""
    core, _ = split_shapes(shapes)
    return {str(p) for p in core.objects(None, SH.targetObjectsOf)}


def validate_core_of(subgraph_nquads: str, shapes: Graph, focus: set[str]) -> list[Violation]:
    """The fast engine's Core results for the given focus nodes only, on a subgraph that holds
    every triple within reach() hops of them (and the ontology)."""
    core, _ = split_shapes(shapes)
    compiled = _compiled(core.serialize(format="nt", encoding="utf-8"))
    report = compiled.validate_text(subgraph_nquads, format="nquads")
    return [v for v in map(_from_rust, report.results) if v.focus in focus]
