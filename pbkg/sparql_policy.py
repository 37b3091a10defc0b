"""What a SPARQL request is, and whether the public endpoint may run it.

The text is read with a tokenizer that knows SPARQL's strings, IRIs, comments, variables and
prefixed names, so a keyword counts only where it is a keyword: `SERVICE` inside a string, an
IRI, a comment, `?service` or `ex:SERVICE` is not a federated query. The tokenizer does not
validate: a malformed request passes it and the store's own parser reports the error.

The endpoint is read-only. Refused, with a message:
- SPARQL Update, unless PBKG_UPDATE_TOKEN is set and the request carries it (403);
- SERVICE (federated queries: the server would fetch other hosts) (403);
- LOAD (the server would fetch a URL), even with the update token (403).
"""

from __future__ import annotations

import functools
import hmac
import re
from dataclasses import dataclass

from .errors import QueryError

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                   "WITH")

_PN_CHARS = r"\w\u00B7\u00C0-\U000EFFFF"
_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
               | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               | '(?:[^'\\\n\r]|\\.)*'
               | "(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][""" + _PN_CHARS + r"""]+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<bnode>_:[""" + _PN_CHARS + r""".\-]*)
    | (?P<pname>(?:[A-Za-z\u00C0-\U000EFFFF][""" + _PN_CHARS + r""".\-]*)?
                :(?:[""" + _PN_CHARS + r""".\-:%]|\\.)*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class QueryRefused(QueryError):
    """A request the public endpoint does not run (updates, SERVICE, LOAD)."""

    http_status = 403


@dataclass(frozen=True)
class Operation:
    """What a request text is: a query (with its form) or an update; and what it uses."""

    is_update: bool
    form: str | None  # SELECT, CONSTRUCT, DESCRIBE or ASK for a query; None for an update
    keywords: frozenset[str]  # every keyword, upper-case

    @property
    def returns_graph(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")

    @property
    def has_dataset_clause(self) -> bool:
        """FROM / FROM NAMED: the query names its own dataset."""
        return "FROM" in self.keywords


def keywords(text: str) -> list[str]:
    """The bare words of a SPARQL text, upper-case, in order (strings, IRIs, comments,
    variables and prefixed names skipped)."""
    return [m.group().upper() for m in _TOKEN.finditer(text) if m.lastgroup == "word"]


def inspect(text: str) -> Operation:
    """What `text` is and which keywords it uses (cached for texts up to 20,000 characters:
    clients and named queries send the same texts again and again)."""
    return _inspect_cached(text) if len(text) <= 20_000 else _inspect(text)


@functools.lru_cache(maxsize=512)
def _inspect_cached(text: str) -> Operation:
    return _inspect(text)


def _inspect(text: str) -> Operation:
    words = keywords(text)
    first = next((w for w in words if w not in ("PREFIX", "BASE")), None)
    is_update = first in UPDATE_KEYWORDS
    form = first if first in QUERY_FORMS else None
    found = set(words)
    # The tokenizer cannot tell every '<' (less-than or IRI) as a parser does. Where the text
    # holds SERVICE or LOAD that it did not see as a keyword (in a string, say), rdflib's
    # parser decides; it is slow (tens of ms), so only then.
    upper = text.upper()
    for word, node in (("SERVICE", "ServiceGraphPattern"), ("LOAD", "Load")):
        if word in upper and word not in found and _parser_finds(text, node, is_update):
            found.add(word)
    return Operation(is_update, None if is_update else form, frozenset(found))


def _parser_finds(text: str, node: str, is_update: bool) -> bool:
    """Whether rdflib's SPARQL parser finds a `node` (ServiceGraphPattern, Load) in the text;
    True when it cannot parse it (refusing what cannot be checked)."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = (parseUpdate if is_update else parseQuery)(text)
    except Exception:  # noqa: BLE001 - any parser failure: cannot check, so refuse
        return True
    stack: list[object] = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == node:
                return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif hasattr(item, "asList") and not isinstance(item, str):
            stack.extend(list(item))
    return False


def check(op: Operation, *, as_update: bool = False, update_token: str | None = None,
          presented_token: str | None = None) -> None:
    """Raise QueryRefused unless the public endpoint may run `op`.

    `as_update` says the request came as an update (update= or application/sparql-update).
    """
    if "SERVICE" in op.keywords:
        raise QueryRefused("federated queries (SERVICE) are not allowed on this endpoint")
    if not (op.is_update or as_update):
        return
    if "LOAD" in op.keywords:
        raise QueryRefused("LOAD is not allowed on this endpoint: the server fetches no URLs")
    if not update_token:
        raise QueryRefused("this endpoint is read-only: SPARQL Update is not allowed")
    if not presented_token or not hmac.compare_digest(presented_token.encode(),
                                                       update_token.encode()):
        raise QueryRefused("SPARQL Update needs the update token "
                           "(Authorization: Bearer <PBKG_UPDATE_TOKEN>)")
    if not as_update:
        raise QueryError("this is an update: send it as 'update=' or with the content type "
                         "application/sparql-update")


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None
