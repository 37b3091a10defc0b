"""Rule-based, gazetteer-driven extraction of facts from Vietnamese news articles about
emulation clusters: `read_article(path)`, `extract(article)`, `extract_text(text)`.
Scoring against gold files lives in `pbkg.extract.evaluate`."""

from pbkg.extract.article import Article, read_article
from pbkg.extract.pipeline import extract, extract_text

__all__ = ["Article", "extract", "extract_text", "read_article"]
