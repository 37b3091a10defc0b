"""Search: case, diacritics, tone-mark placement, Unicode form, punctuation and abbreviations
do not matter; exact matches rank first; the index is built once per store."""

from __future__ import annotations

import json
import unicodedata

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from pbkg.search import index_for, key
from pbkg.settings import Settings

ID = "https://w3id.org/pbkg/id/"
NFC = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


@pytest.fixture(scope="module")
def client(store, project):
    return TestClient(create_app(settings=Settings(), store=store, project=project))


def search(client, q: str, **params) -> list[dict]:
    response = client.get("/api/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["query"] == q and body["count"] == len(body["results"])
    return body["results"]


def first_ids(results: list[dict], n: int) -> set[str]:
    return {r["iri"][len(ID):] for r in results[:n]}


def test_keys_ignore_case_marks_tone_placement_and_form():
    forms = ["Tỉnh uỷ Cà Mau", "Tỉnh ủy Cà Mau", NFD("Tỉnh ủy Cà Mau"), NFD("Tỉnh uỷ Cà Mau"),
             "tinh uy ca mau", "TỈNH ỦY CÀ MAU", "Tỉnh ủy  Cà Mau."]
    assert {key(f) for f in forms} == {"tinh uy ca mau"}
    assert key("Hoà Bình") == key("Hòa Bình") == "hoa binh"
    assert key("Đảng") == "dang"
    assert key("Bà Rịa - Vũng Tàu") == "ba ria vung tau"


@pytest.mark.parametrize("q", ["ca mau", "Ca Mau", NFC("Cà Mau"), NFD("Cà Mau"), "CÀ MAU"])
def test_ca_mau_finds_both_provinces_first(client, q):
    results = search(client, q)
    assert first_ids(results, 2) == {"province/ca-mau", "province/ca-mau-2025"}
    assert [r["match"] for r in results[:2]] == ["exact", "exact"]
    assert results[0]["matched_label"] == "Cà Mau"


@pytest.mark.parametrize("q", ["Tỉnh uỷ Cà Mau", "Tỉnh ủy Cà Mau", NFD("Tỉnh uỷ Cà Mau"),
                               NFD("Tỉnh ủy Cà Mau"), "tinh uy ca mau", "TU Cà Mau"])
def test_party_committee_of_ca_mau_first(client, q):
    results = search(client, q)
    assert results[0]["iri"] == ID + "org/tinh-uy-ca-mau"
    assert results[0]["match"] == "exact"
    assert results[0]["type"]["name"] == "PartyCommittee"
    assert results[0]["labels"]["vi"] == "Tỉnh ủy Cà Mau"


@pytest.mark.parametrize("q,expected", [
    ("BTC TU Soc Trang", "org/ban-to-chuc-tinh-uy-soc-trang"),
    ("BTC TU Sóc Trăng", "org/ban-to-chuc-tinh-uy-soc-trang"),
    ("btc tu soc trang", "org/ban-to-chuc-tinh-uy-soc-trang"),
    ("BTCTU Bến Tre", "org/ban-to-chuc-tinh-uy-ben-tre"),
    ("Ban To chuc Tinh uy Kien Giang", "org/ban-to-chuc-tinh-uy-kien-giang"),
    ("Hoà Bình", "province/hoa-binh"),
    ("Hòa Bình", "province/hoa-binh"),
    ("Cụm 5", "cluster/to-chuc-xay-dung-dang-cum-5"),
    ("cum thi dua so 5", "cluster/to-chuc-xay-dung-dang-cum-5"),
    ("Nguyen Van Phong", "person/nguyen-van-phong"),
    ("05-CT/TW", "document/05-ct-tw-2016"),
    ("Emulation Cluster No. 4", "cluster/to-chuc-xay-dung-dang-cum-4"),
    ("BTC TW", "org/ban-to-chuc-trung-uong"),
])
def test_expected_entity_first(client, q, expected):
    results = search(client, q)
    assert results and results[0]["iri"] == ID + expected, [r["iri"] for r in results[:3]]


def test_ranking_exact_then_prefix_then_words(client):
    results = search(client, "Cà Mau", limit=50)
    order = {"exact": 0, "prefix": 1, "words": 2}
    ranks = [order[r["match"]] for r in results]
    assert ranks == sorted(ranks) and set(ranks) == {0, 1, 2}
    words = [r for r in results if r["match"] == "words"]
    assert ID + "org/ban-to-chuc-tinh-uy-ca-mau" in {r["iri"] for r in words}


def test_type_ahead_prefix_of_last_word(client):
    results = search(client, "Kiên Gia")
    assert ID + "province/kien-giang" in {r["iri"] for r in results[:3]}


def test_result_shape_limit_and_kind(client):
    results = search(client, "ban to chuc", limit=3)
    assert len(results) == 3
    r = results[0]
    assert set(r) >= {"id", "kind", "iri", "type", "labels", "matched_label", "match"}
    assert r["iri"].endswith(f"/{r['kind']}/{r['id']}")
    only = search(client, "Cà Mau", kind="province")
    assert only and {x["kind"] for x in only} == {"province"}
    assert search(client, "zzzz qqqq") == []


def test_index_is_built_once_per_store(store, project):
    class Counting:
        def __init__(self, inner):
            self.inner, self.queries = inner, []

        def query(self, sparql, **kw):
            self.queries.append(sparql)
            return self.inner.query(sparql, **kw)

    counting = Counting(store)
    client = TestClient(create_app(settings=Settings(), store=counting, project=project))
    for q in ("ca mau", "Kiên Giang", "BTC TU Soc Trang"):
        assert client.get("/api/search", params={"q": q}).status_code == 200
    label_scans = [q for q in counting.queries if "schema:headline" in q]
    assert len(label_scans) == 1
    assert index_for(counting, project.queries, ID) is index_for(counting, project.queries, ID)


def test_the_build_index_on_disk_answers_as_the_in_memory_index(store, project, built_dist):
    """The API's store (opened from dist/) searches the build's SQLite FTS5 index; the index
    built in memory from the same store gives the same hits, names and labels."""
    from pbkg.search import DiskIndex, SearchIndex

    disk = index_for(store, project.queries, ID)
    assert isinstance(disk, DiskIndex) and disk.path == (built_dist / "search.sqlite").resolve()

    class Plain:  # the same store without its on-disk index
        def query(self, sparql, **kw):
            return store.query(sparql, **kw)

    memory = index_for(Plain(), project.queries, ID)
    assert type(memory) is SearchIndex
    queries = ["ca mau", "Cà Mau", NFD("Tỉnh uỷ Cà Mau"), "tinh uy", "BTC TU Soc Trang", "cum",
               "xay dung dang", "ban to chuc t", "2023", "zzzz qqqq", "đảng"]
    for q in queries:
        for kind in (None, "org", "province"):
            got = [(h.entry.iri, h.score, h.name.text) for h in disk.search(q, 50, kind)]
            want = [(h.entry.iri, h.score, h.name.text) for h in memory.search(q, 50, kind)]
            assert got == want, (q, kind)
    assert any(disk.search(q, 5) for q in queries)
    for iri in list(memory.entries)[:200]:
        assert disk.labels(iri) == memory.labels(iri)
        assert disk.get(iri) == memory.get(iri)
        assert (disk.title(iri), disk.url(iri), disk.notation(iri)) == \
            (memory.title(iri), memory.url(iri), memory.notation(iri))
    assert disk.get(ID + "no-such-thing") is None
    # Which entities share a label with another, asked one by one and for all at once.
    everything = sorted(memory.entries)
    one_by_one = {i for i in everything if memory.shares_label(i)}
    assert one_by_one  # the real graph has bodies that kept their name across 2025
    assert {i for i in everything if disk.shares_label(i)} == one_by_one
    assert disk.sharing(everything) == memory.sharing(everything) == one_by_one


def test_serve_opens_the_build_store_without_the_dumps(built_dist, tmp_path, project):
    """The server opens dist/store read-only and never reparses a dump: it works with the
    dumps gone."""
    import shutil

    from pbkg.store import EmbeddedStore

    copy = tmp_path / "dist"
    shutil.copytree(built_dist, copy, symlinks=True)
    for dump in copy.glob("pbkg.*"):
        dump.unlink()
    opened = EmbeddedStore.from_dist(copy)
    try:
        manifest = json.loads((copy / "manifest.json").read_text())
        assert len(opened) == manifest["quads"]
        client = TestClient(create_app(settings=Settings(), store=opened, project=project))
        assert search(client, "ca mau")
        with pytest.raises(RuntimeError, match="read-write"):  # the build's files stay as built
            opened.store.add(opened.store.quads_for_pattern(None, None, None).__next__())
    finally:
        opened.close()


def test_fold_is_the_whole_string_decomposed_without_marks() -> None:
    """fold maps each character through a table; the result is the definition's: the
    case-folded string's NFD without combining marks, đ as d, spaces collapsed, on text in
    NFC, NFD and odd mixes (marks alone, stacked marks, ß, Đ, other scripts)."""
    import random
    import re
    import unicodedata

    from pbkg.text import fold

    def reference(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.casefold())
        kept = "".join(c for c in decomposed if not unicodedata.combining(c))
        kept = kept.replace("đ", "d").replace("Đ", "d").replace("ð", "d")
        return re.sub(r"\s+", " ", kept).strip()

    rnd = random.Random(20261207)
    pools = [(0x20, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x0, 0x30000)]
    samples = ["Tỉnh uỷ Bà Rịa – Vũng Tàu", "ĐẢNG  bộ\tkhối", "Straße", "e\u0301\u0323", "\u0301x"]
    for _ in range(20_000):
        samples.append("".join(chr(rnd.randrange(*rnd.choice(pools)))
                               for _ in range(rnd.randrange(0, 8))))
    for text in samples:
        for form in (text, unicodedata.normalize("NFD", text), unicodedata.normalize("NFC", text)):
            assert fold(form) == reference(form), repr(form)
    assert fold("Tỉnh uỷ") == fold("Tỉnh ủy") == fold("tinh uy") == "tinh uy"
    assert fold("Ðảng ủy") == fold("Đảng ủy") == "dang uy"  # the eth of legacy encodings


def test_searches_answered_in_rank_order_are_the_full_text_search_s(built_dist):
    """Names whose key starts with the query rank first: when they fill the page they are read
    group by group from name_order (rank, key length, key, IRI). The same hits as the
    full-text path, on every name's prefixes (and, under a kind, on the same queries)."""
    import sqlite3

    from pbkg.search import DiskIndex

    index = DiskIndex(built_dist / "search.sqlite", "https://w3id.org/pbkg/id/")
    conn = sqlite3.connect(built_dist / "search.sqlite")
    keys = sorted({k for (k,) in conn.execute("SELECT key FROM name")})

    def in_range(q: str, prefix: str) -> int:  # entries whose key starts with the query
        return conn.execute("SELECT COUNT(DISTINCT iri) FROM name WHERE key >= ? AND key < ? "
                            "AND iri >= ? AND iri < ?",
                            (q, q + "\U0010ffff", prefix, prefix + "\U0010ffff")).fetchone()[0]
    queries = sorted({k[:n] for k in keys[::7] for n in (2, 4, 8, 16)} | {"ban to chuc", "tinh uy"})
    assert len(queries) > 200

    def hits(q: str, kind: str | None, limit: int) -> list[str]:
        return [h.entry.iri for h in index.search(q, limit, kind)]

    ranged = 0
    for q in queries:
        for kind, limit in ((None, 20), (None, 3), ("org", 5)):
            index._shapes = None
            fast = hits(q, kind, limit)
            index._shapes = []  # the full-text path alone
            assert fast == hits(q, kind, limit), (q, kind, limit)
            ranged += in_range(q, index.id_base + (f"{kind}/" if kind else "")) >= limit
    conn.close()
    assert ranged > 50  # the ordered names answered many of them


def test_an_index_written_before_name_order_is_searched_and_gets_it_on_update(
        built_dist, store, project, tmp_path):
    """A search index without name_order or name_key (written by an earlier pbkg) is searched
    through the full-text table with the same hits; the next incremental update adds both."""
    import shutil
    import sqlite3

    from pbkg.search import DiskIndex, update_index

    old = tmp_path / "search.sqlite"
    shutil.copy(built_dist / "search.sqlite", old)
    with sqlite3.connect(old) as conn:
        conn.execute("DROP INDEX name_order")
        conn.execute("DROP TABLE name_length")
        conn.execute("DROP INDEX name_key")  # older still: no key index either
    conn.close()
    current = DiskIndex(built_dist / "search.sqlite", ID)
    earlier = DiskIndex(old, ID)
    for q in ("ban to chuc", "cum", "tinh uy", "ca mau", "c"):
        assert [h.entry.iri for h in earlier.search(q, 5)] == \
            [h.entry.iri for h in current.search(q, 5)]
    assert earlier._shapes == []  # no name_order: the full-text path
    update_index(store.store, project.queries, old, set())
    assert DiskIndex(old, ID)._lengths(sqlite3.connect(old)) == current._lengths(
        sqlite3.connect(built_dist / "search.sqlite"))
    updated = DiskIndex(old, ID)
    for q in ("ban to chuc", "cum", "c"):
        assert [h.entry.iri for h in updated.search(q, 5)] == \
            [h.entry.iri for h in current.search(q, 5)]


def _word_queries(conn) -> list[str]:
    """Queries that match names by their words, not their start: a later word, two later
    words, a later word and the prefix of the next."""
    queries = set()
    for (k,) in conn.execute("SELECT DISTINCT key FROM name ORDER BY key"):
        words = k.split()
        if len(words) >= 3:
            queries |= {words[1], words[-1], f"{words[1]} {words[2]}",
                        f"{words[-2]} {words[-1][:2]}", words[2][:1]}
    return sorted(queries)


def test_words_matches_are_read_in_the_order_the_build_wrote_the_names(
        built_dist, store, project, tmp_path):
    """The build writes names in search order, so a query matched by words reads matches in
    rowid order and stops after the page's last entity: the same hits as ranking every
    match, on the words of every name; also after an update appended names out of order
    (the entities whose names came last in order among them, whose rowids SQLite would
    otherwise hand out again)."""
    import shutil
    import sqlite3

    from pbkg.search import _UNREAD, DiskIndex, update_index

    updated = tmp_path / "search.sqlite"
    shutil.copy(built_dist / "search.sqlite", updated)
    with sqlite3.connect(updated) as conn:
        last = conn.execute("SELECT last FROM name_ordered").fetchone()[0]
        assert last == conn.execute("SELECT MAX(rowid) FROM name").fetchone()[0]
        keys = [k for (k,) in conn.execute("SELECT key FROM name ORDER BY rowid")]
        order = conn.execute("SELECT rank, length(key), key, iri FROM name ORDER BY rowid")
        assert list(order) == sorted(conn.execute("SELECT rank, length(key), key, iri FROM name"))
        moved = {i for (i,) in conn.execute("SELECT iri FROM name ORDER BY rowid DESC LIMIT 40")}
        moved |= {i for (i,) in conn.execute("SELECT iri FROM name WHERE rowid % 17 = 0")}
        queries = _word_queries(conn)[::3]
    conn.close()
    assert len(queries) > 100 and len(keys) > 500
    update_index(store.store, project.queries, updated, moved)
    with sqlite3.connect(updated) as conn:
        tail = {i for (i,) in conn.execute("SELECT iri FROM name WHERE rowid > ?", (last,))}
    conn.close()
    assert tail == moved  # appended after the ordered names, none in their rowids

    walked = 0
    for path in (built_dist / "search.sqlite", updated):
        index = DiskIndex(path, ID)
        for q in queries:
            for kind, limit in ((None, 20), (None, 3), ("org", 5)):
                index._ordered = None  # as if not written in order: every match ranked
                ranked = [h.entry.iri for h in index.search(q, limit, kind)]
                index._ordered = _UNREAD  # read again: the walk in order
                fast = [h.entry.iri for h in index.search(q, limit, kind)]
                assert fast == ranked, (path.name, q, kind, limit)
                walked += len(fast) == limit
    assert walked > 100  # many queries filled their page from the walk


def test_which_entities_share_a_label_is_read_from_the_build_s_table_and_kept_by_updates(
        built_dist, store, project, tmp_path):
    """The build writes each entry's labels beside its names, and sharing reads who else bears
    one from there: the same answer as comparing every bearer's entry, on the build's index,
    after an update that gave one entity another's label and took a shared one away, and on
    an index written before the table (which an update leaves without it)."""
    import shutil
    import sqlite3

    import pyoxigraph as ox

    from pbkg.search import DiskIndex, SearchIndex, update_index

    class Plain:  # a store without an on-disk index: the index is built in memory
        def __init__(self, store):
            self.store = store

        def query(self, sparql, **kw):
            from pbkg.store import EmbeddedStore
            return EmbeddedStore(self.store).query(sparql, **kw)

    memory = index_for(Plain(store.store), project.queries, ID)
    everything = sorted(memory.entries)
    shared = sorted(memory.sharing(everything))
    lonely = [i for i in everything if i.startswith(ID) and i not in shared
              and memory.labels(i).get("vi")]
    assert len(shared) >= 2 and lonely
    disk = DiskIndex(built_dist / "search.sqlite", ID)
    assert disk.sharing(everything) == set(shared)

    # One entity takes a shared label; one bearer of a shared label loses its names.
    changed = ox.Store()
    changed.bulk_extend(store.store.quads_for_pattern(None, None, None, None))
    taker, giver = ox.NamedNode(lonely[0]), ox.NamedNode(shared[0])
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for q in list(changed.quads_for_pattern(taker, label, None, None)):
        changed.remove(q)
    vi = memory.labels(shared[0])["vi"]
    changed.add(ox.Quad(taker, label, ox.Literal(vi, language="vi"), ox.DefaultGraph()))
    dropped = next(i for i in shared[1:] if memory.labels(i).get("vi") != vi)
    for q in list(changed.quads_for_pattern(ox.NamedNode(dropped), None, None, None)):
        if q.predicate.value in {label.value, "http://www.w3.org/2004/02/skos/core#prefLabel",
                                 "http://xmlns.com/foaf/0.1/name"}:
            changed.remove(q)
    want = index_for(Plain(changed), project.queries, ID)
    assert type(want) is SearchIndex and taker.value in want.sharing([taker.value])
    after = sorted(want.entries)
    for name, drop_table in (("current.sqlite", False), ("earlier.sqlite", True)):
        path = tmp_path / name
        shutil.copy(built_dist / "search.sqlite", path)
        if drop_table:
            with sqlite3.connect(path) as conn:
                conn.execute("DROP TABLE label")
            conn.close()
        update_index(changed, project.queries, path, {taker.value, giver.value, dropped})
        updated = DiskIndex(path, ID)
        assert updated.sharing(after) == want.sharing(after), name
        assert updated._holds(updated._connect(), "label") is not drop_table
