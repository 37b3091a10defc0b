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
