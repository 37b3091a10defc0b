"""pbkg.dumps.shadowed_triples: which triples of a graph an earlier graph also states."""

from __future__ import annotations

import pyoxigraph as ox

from pbkg.dumps import shadowed_triples


def quad(s: str, o: str, g: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"https://x/{s}"), ox.NamedNode("https://x/p"), ox.Literal(o),
                   ox.NamedNode(f"https://g/{g}"))


def test_every_graph_but_the_first_in_iri_order_shadows_a_repeated_triple() -> None:
    store = ox.Store()
    for g in ("c", "a", "b"):
        store.add(quad("period", "2020", g))  # in three graphs
    store.add(quad("only", "x", "b"))  # in one
    store.add(quad("pair", "y", "c"))
    store.add(quad("pair", "y", "b"))
    # The default graph is not a graph of the dumps: it shadows nothing.
    store.add(ox.Quad(ox.NamedNode("https://x/only"), ox.NamedNode("https://x/p"), ox.Literal("x")))
    found = shadowed_triples(store)
    period = quad("period", "2020", "a").triple
    assert found == {"https://g/b": {period},
                     "https://g/c": {period, quad("pair", "y", "c").triple}}


def test_nothing_repeated_nothing_shadowed() -> None:
    store = ox.Store()
    store.add(quad("a", "1", "a"))
    store.add(quad("a", "2", "b"))
    assert shadowed_triples(store) == {}


def test_union_chunks_leave_out_exactly_the_shadowed_triples_in_every_format() -> None:
    """A graph's union chunk in each format holds its triples but those an earlier graph
    states, literals with escapes, languages, datatypes and blank nodes among them."""
    from pbkg.dumps import _FRAMES, DUMPS, graph_chunks

    store = ox.Store()
    hard = [ox.Literal('tab\tnew\nline "q" \\ đ'), ox.Literal("Tỉnh ủy", language="vi"),
            ox.Literal("2020-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))]
    for g in ("a", "b"):
        for i, lit in enumerate(hard):
            store.add(ox.Quad(ox.NamedNode(f"https://x/s{i}"), ox.NamedNode("https://x/p"), lit,
                              ox.NamedNode(f"https://g/{g}")))
    store.add(quad("own", "only in b", "b"))
    store.add(ox.Quad(ox.BlankNode("b1"), ox.NamedNode("https://x/p"), ox.Literal("x"),
                      ox.NamedNode("https://g/b")))
    shadowed = shadowed_triples(store)["https://g/b"]
    assert len(shadowed) == 3
    for name in ("ntriples", "turtle", "jsonld", "rdfxml"):
        header, _, trailer = _FRAMES[name]
        body = graph_chunks(store, "https://g/b", shadowed, (name,))[name]
        text = b"[" + body + b"]" if name == "jsonld" else header + body + trailer
        got = {q.triple for q in ox.parse(text, format=DUMPS[name][1])}
        assert {(t.predicate, t.object) for t in got} == {
            (ox.NamedNode("https://x/p"), ox.Literal("only in b")),
            (ox.NamedNode("https://x/p"), ox.Literal("x"))}, name


def test_lines_left_out_of_n_triples_even_when_written_otherwise() -> None:
    from pbkg.dumps import without

    t = quad("s", "x", "a").triple
    other = quad("s", "y", "a").triple
    text = b"%s .\n%s .\n" % (str(t).encode(), str(other).encode())
    assert without(text, {t}) == b"%s .\n" % str(other).encode()
    # Spaces the serializer does not write: the fallback parses and serializes again.
    loose = text.replace(b" .\n", b"  .\n", 1)
    assert {q.triple for q in ox.parse(without(loose, {t}), format=ox.RdfFormat.N_TRIPLES)} == {
        other}
