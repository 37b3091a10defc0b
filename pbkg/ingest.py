"""`pbkg ingest ARTICLE.txt [--key KEY]`: extract an article's facts, resolve them against the
graph and write them, with the nodes that had to be minted, to data/extracted/KEY.ttl: one
reviewable Turtle file, one block per fact, under a header saying it was machine-extracted.

`pbkg build` loads data/extracted/*.ttl into graph/extracted/KEY. A curated file for the same
article key (data/curated/KEY.ttl) overrides the extracted one: `drop_overridden` removes the
extracted facts that state the same thing (same class and key properties) as a curated fact,
and points what referred to them at the curated nodes.

An article already in the graph is refused: the same URL as an article of data/sources,
data/curated or data/extracted, or the same text after normalisation (the text of a
`pbo:sourceFile` in the shared folder, or the fingerprint an extracted file's header records).
Ingesting it again under a second key would state each of its facts twice. `replace=True`
(`pbkg ingest --replace`) writes it anyway and removes the earlier extracted file of it;
a curated article under another key is never replaced (ingest it under that key instead).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from pbkg.articles import check_key, source_file_name
from pbkg.dataset import without_curated
from pbkg.errors import InputError
from pbkg.extract.article import Article, read_article
from pbkg.extract.doc import clean_text
from pbkg.extract.pipeline import extract
from pbkg.extract.rdf import METHOD, ArticleRDF, article_rdf, default_key
from pbkg.namespaces import PBO
from pbkg.overrides import FACT_KEYS, drop_overridden
from pbkg.paths import ProjectPaths, paths
from pbkg.resolve import Resolver
from pbkg.text import fold

REVIEW_LINE = "reviewed against the gold and the text"
FINGERPRINT_LINE = "text fingerprint:"
_SCHEMA_URL = "https://schema.org/url"
_SOURCE_FILE = str(PBO.sourceFile)
_FINGERPRINT = re.compile(rf"^#\s*{re.escape(FINGERPRINT_LINE)}\s*(sha256:[0-9a-f]{{64}})", re.M)
_NON_WORD = re.compile(r"[^\w]+")


@dataclass
class IngestResult:
    path: Path
    key: str
    facts: int
    minted: int
    skipped: list[str] = field(default_factory=list)


def extract_article(path: Path | str, key: str | None = None, p: ProjectPaths | None = None,
                    resolver: Resolver | None = None) -> tuple[Article, dict, ArticleRDF]:
    """Read, extract, resolve: the article, the extractor's dict and the RDF mapping."""
    p = p or paths()
    path = Path(path)
    article = read_article(path)
    result = extract(article)
    if key is None:
        key = default_key(article, result)
    key = check_key(key)
    from pbkg.review import without_rejected  # a reviewer's rejections stay rejected

    result = without_rejected(article, result, key, p)
    if resolver is None:
        resolver = Resolver.from_project(p, exclude=[p.extracted / f"{key}.ttl"])
    rdf = article_rdf(article, result, resolver, key, source_file_name(path, p))
    return article, result, rdf


def text_fingerprint(text: str) -> str:
    """A digest of an article body that ignores Unicode form, invisible characters, case,
    diacritics, punctuation and spacing: two copies of one text get the same one."""
    key = " ".join(_NON_WORD.sub(" ", fold(clean_text(text))).split())
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def url_key(url: str | None) -> str:
    """A URL without scheme, "www."/"amp." host prefix, fragment or trailing slash."""
    if not url:
        return ""
    u = url.strip().split("#", 1)[0].lower()
    u = re.sub(r"^[a-z][a-z0-9+.-]*://", "", u)
    u = re.sub(r"^(?:www\d?|amp|m)\.", "", u)
    return u.rstrip("/")


@dataclass
class Duplicate:
    """An article of the graph that is the one being ingested."""

    file: Path
    key: str
    why: str  # "same URL" | "same text"
    extracted: bool


def find_duplicates(article: Article, p: ProjectPaths) -> list[Duplicate]:
    """The articles of data/sources, data/curated and data/extracted that have the URL or
    the normalised text of `article`."""
    want_url = url_key(article.url) if article.url and "://" in article.url else ""
    want_text = text_fingerprint(article.text) if article.text.strip() else ""
    digests: dict[Path, str] = {}
    out: list[Duplicate] = []
    for folder in (p.sources, p.curated, p.extracted):
        for f in sorted(folder.glob("*.ttl")) if folder.is_dir() else []:
            try:
                text = f.read_text(encoding="utf-8")
                quads = list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))
            except (OSError, UnicodeDecodeError, SyntaxError):
                continue  # the build reports unreadable data files; ingest judges the rest
            why = None
            urls = {url_key(q.object.value) for q in quads if q.predicate.value == _SCHEMA_URL}
            if want_url and want_url in urls:
                why = "same URL"
            elif want_text:
                prints = set(_FINGERPRINT.findall(text.split("@prefix", 1)[0]))
                for q in quads:
                    if q.predicate.value == _SOURCE_FILE:
                        src = (p.shared / q.object.value).resolve()
                        if src not in digests:
                            digests[src] = _file_fingerprint(src)
                        prints.add(digests[src])
                if want_text in prints:
                    why = "same text"
            if why:
                out.append(Duplicate(f, f.stem, why, folder == p.extracted))
    return out


def _file_fingerprint(path: Path) -> str:
    try:
        return text_fingerprint(read_article(path).text)
    except InputError:
        return ""


def header_lines(article: Article, rdf: ArticleRDF, source: str) -> list[str]:
    lines = [
        f"Machine-extracted by `pbkg ingest` ({METHOD}) from {source}",
        f"({article.url})." if article.url else "(no URL in the header).",
        "It MUST BE REVIEWED against the article text before it is trusted: correct what is",
        "wrong, remove what the text does not say, add what was missed (verbatim evidence),",
        "then add the line '# reviewed against ...' below. Extracted facts carry",
        "pbo:extractionMethod and pbo:extractionConfidence; pbo:evidenceStart/End are character",
        "offsets into the article body (the NFC text after the header). The article text itself",
        "is not copied here.",
        f"{FINGERPRINT_LINE} {text_fingerprint(article.text)}",
    ]
    if rdf.assumed:
        lines.append("")
        lines.append("Assumed (check):")
        lines += [f"  - {s}" for s in rdf.assumed]
    if rdf.skipped:
        lines.append("")
        lines.append("Not recorded (for the reviewer):")
        lines += [f"  - {s}" for s in rdf.skipped]
    return lines


def ingest(path: Path | str, key: str | None = None, p: ProjectPaths | None = None,
           out_dir: Path | None = None, replace: bool = False) -> IngestResult:
    p = p or paths()
    path = Path(path)
    article = read_article(path)
    if not article.text.strip():
        raise InputError(path, "the article is empty: nothing to ingest")
    duplicates = find_duplicates(article, p)
    if key is None:
        key = default_key(article, extract(article))
    key = check_key(key)
    # nodes minted by an earlier extracted copy are not reused: that file may be replaced
    resolver = Resolver.from_project(p, exclude=[p.extracted / f"{key}.ttl",
                                                 *(d.file for d in duplicates if d.extracted)])
    article, result, rdf = extract_article(path, key, p, resolver)
    curated_elsewhere = [d for d in duplicates if not d.extracted and d.key != rdf.key]
    if curated_elsewhere:
        d = curated_elsewhere[0]
        raise InputError(path, f"the article is already in the graph as '{d.key}' ({d.why}, "
                               f"{d.file}); ingest it with --key {d.key} to add extracted "
                               "facts beside the curated ones")
    target = (out_dir or p.extracted) / f"{rdf.key}.ttl"
    if target.exists() and not replace and not any(d.file == target for d in duplicates):
        raise InputError(path, f"{target} already holds another article; choose another "
                               "--key, or use --replace to overwrite it")
    if duplicates and not replace:
        listed = "; ".join(f"'{d.key}' ({d.why}, {d.file})" for d in duplicates)
        raise InputError(path, f"the article is already in the graph: {listed}. Its facts "
                               "would be stated twice; use --replace to replace it")
    n_facts = len(rdf.facts) + len(rdf.conferences)
    if n_facts == 0:
        raise InputError(path, "no facts found in the article: nothing to ingest")
    if not any(pred == "https://schema.org/publisher" for pred, _ in rdf.article.pairs):
        raise InputError(path, "cannot tell the article's publisher: add a 'url:' or "
                               "'publisher:' line to its header")
    out_dir = out_dir or p.extracted
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{rdf.key}.ttl"
    text = rdf.turtle(header_lines(article, rdf, source_file_name(path, p)))
    # check that it parses before it replaces anything
    ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)
    tmp = target.with_suffix(".ttl.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    for d in duplicates:  # replace: the earlier extracted copy goes
        if d.extracted and d.file.resolve() != target.resolve():
            d.file.unlink(missing_ok=True)
    return IngestResult(target, rdf.key, n_facts, len(rdf.entities), rdf.skipped)


__all__ = ["FACT_KEYS", "Duplicate", "IngestResult", "check_key", "drop_overridden",
           "extract_article", "find_duplicates", "header_lines", "ingest", "text_fingerprint",
           "without_curated"]
