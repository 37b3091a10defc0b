"""What a SPARQL request is, and whether the public endpoint may run it.

The text is read with a tokenizer that knows SPARQL's strings, IRIs, comments, variables and
prefixed names, so a keyword counts only where it is a keyword: `SERVICE` inside a string, an
IRI, a comment, `?service` or `ex:SERVICE` is not a federated query. The tokenizer does not
validate: a malformed request passes it and the store's own parser reports the error. It runs
in linear time (no parser on the request path): where it cannot tell a '<' from an IRI as a
parser would and the text holds SERVICE or LOAD anywhere, the request is refused.

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


class QueryTooLarge(QueryError):
    """A request text over the size limit (PBKG_MAX_QUERY_BYTES)."""

    http_status = 413


def check_size(size: int, max_bytes: int) -> None:
    """Raise QueryTooLarge when a request text of `size` bytes is over `max_bytes`."""
    if size > max_bytes:
        raise QueryTooLarge(f"the request is {size:,} bytes; the limit is {max_bytes:,} "
                            "(PBKG_MAX_QUERY_BYTES)")


@dataclass(frozen=True)
class Operation:
    """What a request text is: a query (with its form) or an update; and what it uses."""

    is_update: bool
    form: str | None  # SELECT, CONSTRUCT, DESCRIBE or ASK for a query; None for an update
    keywords: frozenset[str]  # every keyword, upper-case
    # SERVICE or LOAD found where the text cannot be read without a parser (see scan)
    unclear: frozenset[str] = frozenset()

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


# Tokens after which, inside parentheses (an expression), '<' is the less-than operator.
_OPERANDS = frozenset(("var", "string", "number", "iri", "pname", "bnode", "lang", "word"))
_OPEN = {"(": ")", "{": "}", "[": "]"}
_CLOSE = frozenset(_OPEN.values())
# SERVICE or LOAD as a whole word (not ?service, ex:service or service:x), wherever it is.
_RISKY = re.compile(r"(?<![\w?$:])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)


@dataclass(frozen=True)
class Scan:
    """One pass of the tokenizer over a text."""

    words: list[str]
    ambiguous: bool  # an IRI token stands where the parser may read '<' as less-than


def scan(text: str) -> Scan:
    """Words and '<' ambiguity of `text`, in linear time."""
    words: list[str] = []
    stack: list[str] = []
    ambiguous = False
    previous = ""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "ws" or kind == "comment":
            continue
        if kind == "word":
            words.append(m.group().upper())
        elif kind == "iri":
            # `?a<?b && ?c>'x'` is one IRI token to the tokenizer and a comparison to the
            # parser; past such a token the two may disagree on what is a string.
            if stack and stack[-1] == "(" and (previous in _OPERANDS or previous in (")", "]")):
                ambiguous = True
        elif kind == "other":
            char = m.group()
            if char in _OPEN:
                stack.append(char)
            elif char in _CLOSE and stack:
                stack.pop()
            previous = char
            continue
        previous = kind or ""
    return Scan(words, ambiguous)


def inspect(text: str) -> Operation:
    """What `text` is and which keywords it uses (cached for texts up to 20,000 characters:
    clients and named queries send the same texts again and again). Linear in the text: about
    50 ms a megabyte, never a full parse."""
    return _inspect_cached(text) if len(text) <= 20_000 else _inspect(text)


@functools.lru_cache(maxsize=512)
def _inspect_cached(text: str) -> Operation:
    return _inspect(text)


def _inspect(text: str) -> Operation:
    found = scan(text)
    words = found.words
    first = next((w for w in words if w not in ("PREFIX", "BASE")), None)
    is_update = first in UPDATE_KEYWORDS
    form = first if first in QUERY_FORMS else None
    seen = set(words)
    unclear: set[str] = set()
    if found.ambiguous:
        # Where the tokenizer and the parser may disagree, SERVICE or LOAD anywhere in the text
        # (a string, a comment) could be a keyword to the parser: refuse rather than guess.
        unclear = {m.group().upper() for m in _RISKY.finditer(text)} - seen
    return Operation(is_update, None if is_update else form, frozenset(seen),
                     unclear=frozenset(unclear))


def check(op: Operation, *, as_update: bool = False, update_token: str | None = None,
          presented_token: str | None = None) -> None:
    """Raise QueryRefused unless the public endpoint may run `op`.

    `as_update` says the request came as an update (update= or application/sparql-update).
    """
    if "SERVICE" in op.keywords:
        raise QueryRefused("federated queries (SERVICE) are not allowed on this endpoint")
    if op.unclear:
        raise QueryRefused(
            f"the query mentions {' and '.join(sorted(op.unclear))} and has a '<' that reads "
            "both as an IRI and as less-than; write comparisons with spaces ('?a < ?b')")
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
