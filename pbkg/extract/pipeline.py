"""The extractor: one article's text in, one JSON-ready dict of facts out (clusters, roles,
awards, officials, documents, events), each fact with a verbatim evidence quote, its character
offsets in the NFC text and a confidence."""

from __future__ import annotations

import re

from pbkg.errors import InputError
from pbkg.extract import places
from pbkg.extract.article import MAX_BYTES, Article, article_from_text
from pbkg.extract.awards import find_awards
from pbkg.extract.clusters import (
    Cluster,
    add_aliases,
    add_short_names,
    assign_level,
    find_member_lists,
    find_mentions,
    group_clusters,
    resolve,
)
from pbkg.extract.doc import Doc
from pbkg.extract.documents import find_documents
from pbkg.extract.events import context_year, find_events, headline_event, referred_event
from pbkg.extract.officials import find_official_mentions, merge_officials
from pbkg.extract.patterns import ORG_HEAD, norm_key
from pbkg.extract.roles import find_roles, fold_committee_roles
from pbkg.extract.tables import (
    find_listed_awards,
    find_rotation_lists,
    find_table_awards,
    find_table_members,
    find_table_roles,
)
from pbkg.extract.units import introduced_as, place_prefix

# As many characters as the largest file `read_article` accepts has bytes: a longer text is
# refused with a message, never cut silently.
MAX_CHARS = MAX_BYTES
_WS = re.compile(r"\s+")
_TEXT_END = set(".!?…”\"’)]»")
# Name-like fields: written as in the text, but with any run of spaces (no-break, tab,
# line break) as one space. Evidence stays verbatim.
_NAME_FIELDS = {
    "clusters": ("name",),
    "roles": ("cluster", "unit", "unit_full", "person"),
    "awards": ("award", "giver", "recipient"),
    "officials": ("name",),
    "documents": ("id", "issuer"),
    "events": ("place", "cluster"),
}


def _tidy(result: dict) -> dict:
    for category, fields in _NAME_FIELDS.items():
        for item in result[category]:
            for f in fields:
                if isinstance(item.get(f), str):
                    item[f] = _WS.sub(" ", item[f]).strip()
            if category == "clusters":
                item["members"] = [_WS.sub(" ", m).strip() for m in item["members"]]
            if category == "officials":
                item["positions"] = [_WS.sub(" ", p).strip() for p in item["positions"]]
    return result


_PRIZE = re.compile(r"[Gg]iải(?![\w])")
# the place a unit is in, in brackets right after its name: "(tỉnh Lạng Sơn)"
_PLACE_NOTE = re.compile(r"[ \t]*\([ \t]*(?:tỉnh|thành[ \t]+phố|huyện|quận|thị[ \t]+xã)?[ \t]*"
                         r"(?P<place>[^()\n]{2,30}?)[ \t]*\)")
MAX_LISTED = 60  # the members a role's place is looked for among (a list is never longer)
_PART_OF = re.compile(rf"\([ \t]*(?:{ORG_HEAD.pattern})")


def _place_key(name: str) -> str:
    """The place a unit's name ends with, as a key ("thai hoa" of "Thị ủy Thái Hòa" and of
    "thị xã Thái Hòa"); the whole name's key when it ends with none."""
    prefix = place_prefix(name)
    return norm_key(name[len(prefix):] if prefix else name)


def _cut_short(name: str) -> bool:
    """True when a name the text's cut end closes was cut inside a place's name: its last
    words are a known place's, their last one cut ("Ban Tổ chức Tỉnh ủy Bạc Li"); "Ban Tổ chức
    Tỉnh ủy Bạc Liêu" and "Đảng bộ Công ty Xổ số kiến thiết" are taken as whole."""
    words = name.split()
    return any(places.cut_inside(" ".join(words[-k:])) for k in (2, 3) if len(words) >= k)


def _ends_cut(fact: dict, name: str | None, body_end: int) -> bool:
    """True when the fact's evidence ends with its unit's name at the text's end, and that
    name was cut there."""
    return bool(name) and (fact.get("end") or 0) >= body_end and fact["evidence"].rstrip(
        ).endswith(name) and _cut_short(name)


def _elected_year(events: list[dict]) -> int | None:
    """The year units elected at the article's main conference lead the cluster (domain rule:
    elected at a year-end review, for the next year; at a signing, for the year signed)."""
    for e in events[:1]:
        if e.get("year_covered"):
            y = int(e["year_covered"])
            return {"tổng kết": y + 1, "ký kết giao ước": y}.get(e["kind"])
    return None


def _headline_cluster(title: str | None, clusters: list[Cluster]) -> list[Cluster]:
    """When the body names no cluster (only "Cụm", "các đơn vị thành viên", or an unnamed
    "cụm thi đua"), the one the headline names is the article's: the body's lists and events
    are then that cluster's. The clusters the body names always win."""
    if not title or any(not c.implicit for c in clusters):
        return clusters
    tdoc = Doc(title)
    named = [m for m in find_mentions(tdoc) if m.named and not m.bare]
    if not named:
        return clusters
    m = named[0]
    same = [c for c in clusters if c.kind == m.kind]
    head = same[0] if same else Cluster(m.kind, m.number)
    head.number, head.implicit = m.number, False
    head.name = tdoc.slice(m.start, m.end).strip()
    return [head] + [c for c in clusters if c is not head]


def _listed_clusters(roles: list[dict], clusters: list[Cluster]) -> None:
    """A role whose cluster was guessed (neither its words nor its sentence name one alone, on
    a page of several clusters) is the role of the one cluster whose list names its unit: "Khối
    1 gồm A, B; Khối 2 gồm C, D. ... năm 2024 A làm Khối trưởng Khối 1; Khối 2 do C làm Khối
    trưởng" gives C's role to Khối 2. Looked up by the members' keys (linear)."""
    owners: dict[str, list[Cluster]] = {}
    if len(clusters) > 1:
        for c in clusters:
            for m in c.members:
                key = norm_key(m["full"], expand=True)
                if c not in owners.setdefault(key, []):
                    owners[key].append(c)
    for role in roles:
        if not role.pop("_guessed", False) or not role["unit"]:
            continue
        found = owners.get(norm_key(role.get("unit_full") or role["unit"], expand=True), [])
        if len(found) == 1:
            role["cluster"] = found[0].name


def _by_brand(doc: Doc, unit: str, cluster: Cluster) -> str | None:
    """For a unit named by a brand the page introduced ("EVN", "Đảng bộ Agribank", "BIDV Nghệ
    An"): "" when a listed member is the body the brand was introduced for (its brackets
    right after the item), else the body's full name; None for a unit named otherwise."""
    intro = introduced_as(doc, unit)
    if intro is None:
        return None
    paren, full = intro
    if any(m["end"] <= paren <= m["end"] + 2 for m in cluster.members[:MAX_LISTED]):
        return ""
    return full or None


def extract(article: Article) -> dict:
    """All facts the article states, in the schema of `pbkg extract`."""
    result: dict = {
        "article": article.id,
        "clusters": [],
        "roles": [],
        "awards": [],
        "officials": [],
        "documents": [],
        "events": [],
    }
    text = article.text
    if len(text) > MAX_CHARS:
        raise InputError(
            article.path or article.id or "<text>",
            f"the text has {len(text):,} characters; texts over {MAX_CHARS:,} are refused",
        )
    if not text.strip():
        return result
    doc = Doc(text)
    mentions = find_mentions(doc)
    clusters = _headline_cluster(article.title, group_clusters(doc, mentions))
    mentions = add_aliases(doc, mentions, clusters)
    mentions = add_short_names(doc, mentions, clusters)
    find_member_lists(doc, mentions, clusters)
    find_table_members(doc, mentions, clusters)
    bodys_own: list[int] = []
    events = find_events(doc, mentions, clusters, article.date, bodys_own)
    if not events and not bodys_own:
        # (a conference the text dates as a body's own is the one it refers to: no other)
        events = headline_event(article.title, clusters) or referred_event(doc, mentions,
                                                                             clusters)
    year = context_year(doc, events)
    official_mentions = find_official_mentions(doc)
    # "Năm nay" is the year of the article's dated event
    this_year = next((int(e["date"][:4]) for e in events if (e.get("date") or "")[:4].isdigit()),
                     None)
    # a role with no year of its own is the article's year: the period its conference reviews,
    # else the year that conference is held in ("Ngày 30/3/2021, Cụm ... giao ban quý I"), only
    # then the most cited year
    role_year = year if any(e.get("year_covered") for e in events) else (this_year or year)
    roles = find_roles(doc, official_mentions, clusters, role_year, _elected_year(events),
                       this_year)
    # roles a table states ("| Năm | Cụm trưởng | Cụm phó |") or a rotation list ("Cụm trưởng
    # luân phiên: năm 2025 là A, năm 2026 là B"), unless a sentence states them too
    stated = {(r["year"], r["role"], norm_key(r.get("unit_full") or r["unit"] or "", expand=True))
              for r in roles}
    for r in [*find_table_roles(doc, mentions, clusters, role_year),
              *find_rotation_lists(doc, mentions, clusters)]:
        key = (r["year"], r["role"], norm_key(r["unit"], expand=True))
        if key not in stated:
            stated.add(key)
            roles.append(r)
    roles.sort(key=lambda r: r["start"])
    _listed_clusters(roles, clusters)
    # (a person's role and a table's or a rotation's of the person's body: one role)
    roles = fold_committee_roles(roles)
    # a unit named in a role of the cluster is also a member
    noted: dict[str, str] = {}  # a unit's key -> the key of the place its brackets give it
    for role in roles:
        cluster = next((c for c in clusters if c.name == role["cluster"]), None) or resolve(
            None, clusters
        )
        if cluster is not None and role["unit"]:  # a person's role with no body names none
            if cluster.abbreviates(role.get("unit_full") or role["unit"]):
                continue  # the member is listed by its abbreviation ("BDV TU")
            placed = _PLACE_NOTE.match(role["evidence"], len(role["unit"])) if role[
                "evidence"].startswith(role["unit"]) else None
            if placed is not None:
                noted[norm_key(role["unit"])] = norm_key(placed.group("place"))
                if noted[norm_key(role["unit"])] in {norm_key(m["text"])
                                                     for m in cluster.members[:MAX_LISTED]}:
                    # "Trường Chính trị Hoàng Văn Thụ (tỉnh Lạng Sơn) là đơn vị Cụm trưởng" with
                    # "Trường Chính trị các tỉnh: ..., Lạng Sơn, ..." listed: that member, by
                    # its place
                    continue
            s, e = role["start"], role["end"]
            if (named := _by_brand(doc, role["unit"], cluster)) is not None:
                # "bầu EVN làm Khối trưởng", "Đảng ủy TKV làm Cụm trưởng": the member the
                # brand was introduced for, by its full name when the list did not hold it
                if named:
                    cluster.add_member(named, s, e)
                continue
            cluster.add_member(role["unit"], s, e, role.get("unit_full"))
    # a text cut in the middle of a name ("... tặng Bằng khen cho A, Ban Tổ chức Tỉnh ủy Bạc Li"):
    # the fact it ends with names no unit the text states whole
    body_end = len(doc.canon.rstrip())
    cut = body_end > 0 and doc.canon[body_end - 1] not in _TEXT_END
    if cut:
        roles = [r for r in roles if not _ends_cut(r, r["unit"], body_end)]
    awards = find_awards(doc, year, roles)
    # awards a table states, unless a sentence states them too
    said = {(a["status"], norm_key(a["recipient"], expand=True)) for a in awards}
    awards += [a for a in [*find_table_awards(doc, year), *find_listed_awards(doc, year)]
               if (a["status"], norm_key(a["recipient"], expand=True)) not in said]
    if cut:
        awards = [a for a in awards if not _ends_cut(a, a["recipient"], body_end)]
    # a unit the cluster votes its lead, or ranks, is a member of it ("Khối suy tôn X và Y là
    # hai đơn vị dẫn đầu"), and so is a body whose team wins a prize of its contest ("giải Ba
    # cho đội Ban X") or that its review proposes for an award ("Hội nghị đề nghị G tặng Cờ thi
    # đua cho Ban X"): in an article about one cluster
    main = resolve(None, clusters) if len(clusters) == 1 else None
    listed = {_place_key(m["text"]) for m in main.members} if main is not None else set()
    for a in awards:
        rec = a["recipient"]
        if main is None or not rec[:1].isupper() or main.abbreviates(rec):
            continue
        if a["status"] != "ranking" and not (
                (_PRIZE.match(a["award"]) or a["status"] == "proposed") and ORG_HEAD.match(rec)):
            continue
        if _PART_OF.search(rec):
            continue  # "Chi bộ Phòng X (Đảng bộ Công ty Y)": a part of a body, no member itself
        if noted.get(norm_key(rec)) in listed:
            continue  # a unit whose place its role's brackets gave, that place listed
        if (named := _by_brand(doc, rec, main)) is not None:
            if named:
                main.add_member(named, a["start"], a["end"], None)
            continue
        if _place_key(rec) not in listed:  # "thị xã X" listed, "Thị ủy X" ranked
            main.add_member(rec, a["start"], a["end"], None)
    clusters = [c for c in clusters if not c.implicit or c.members]
    # a conference of a cluster the article does not record (an unnamed one only proposed, with
    # no member: "dự thảo đề xuất thành lập một cụm thi đua") is no event of a cluster
    kept = {c.name for c in clusters}
    events = [e for e in events if e["cluster"] in kept]
    for role in roles:
        if role["cluster"] and not any(c.name == role["cluster"] for c in clusters):
            role["cluster"] = None
    # a person's title "cụm trưởng" / "cụm phó" with no body named, on a page that records no
    # cluster: the head of a group of another kind (a fan club's "cụm", a "khối" of a ward)
    roles = [r for r in roles if r["unit"] or r["cluster"]]
    # a text cut in the middle of a list shorter than its count ("Cụm gồm 6 tổ chức: ..., Chi bộ
    # Công ty A, Đảng bộ Công ty"): the item it ends with may be cut mid-name, so it is not taken;
    # nor is one, counted or not, that ends with no known place ("..., Lào Cai, Lai Ch")
    for c in clusters:
        if cut and c.members and max(m["end"] for m in c.members) >= body_end and (
                c.member_count and len(c.members) < c.member_count
                or any(m["end"] >= body_end and _cut_short(m["text"]) for m in c.members)):
            c.members = [m for m in c.members if m["end"] < body_end]
        c.level = assign_level(doc, c)
        item: dict = {
            "name": c.name,
            "level": c.level,
            "member_count": c.member_count,
            "members": [m["text"] for m in c.members],
            "kind": "cluster" if c.kind == "cụm" else "block",
            "number": c.number,
        }
        if c.list_prefix:
            item["member_prefix"] = c.list_prefix
        if c.evidence:
            s, e = c.evidence
            item.update(evidence=doc.slice(s, e), start=s, end=e, confidence=0.85)
        result["clusters"].append(item)
    result["roles"] = roles
    result["awards"] = awards
    result["officials"] = merge_officials(doc, official_mentions)
    result["documents"] = find_documents(doc)
    result["events"] = events
    return _tidy(result)


def extract_text(text: str, article_id: str = "") -> dict:
    """Extract from a string (a header closed by `---` is allowed, as in a file)."""
    return extract(article_from_text(text, article_id))
