"""Structural limits on a SPARQL text, checked before any parser sees it.

Oxigraph's parser and evaluator recurse once per level of nesting: 10,000 nested braces, or a
chain of 10,000 `||` or `UNION`, overflow the native stack and kill the process (a segmentation
fault, no message). Real queries nest a few levels and chain a few dozen operators; the limits
below keep a wide margin (measured with pyoxigraph 0.5: nested function calls crash from about
1,000 levels, nested groups from about 3,000, chains from about 10,000).

The scan is linear and skips strings, IRIs, comments, variables and names, so brackets and
operators inside them do not count. It does not validate: the parser reports syntax errors.
Kept apart from pbkg.sparql_policy so the command line and the HTTP layer share it.
"""

from __future__ import annotations

import re

from .errors import QueryError

MAX_DEPTH = 100  # nested (), {} and [] together
MAX_CHAIN = 1000  # binary or unary operators within one bracket level
_OPEN = {"(": ")", "{": "}", "[": "]"}
_CLOSE = frozenset(_OPEN.values())
_OPERATORS = frozenset({"UNION", "||", "&&", "|", "/", "^", "!", "+", "-", "*", "=", "!=", "<",
                        ">", "<=", ">="})
_NAME = r"[\w\u00B7\u00C0-\U000EFFFF]"
_TOKEN = re.compile(
    r"(?P<skip>\s+"
    r"|#[^\n\r]*"
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # an IRI; a lone < is an operator
    rf"|[?$_]?:?{_NAME}(?:{_NAME}|[.\-:%])*"  # variables, names, prefixed names, keywords
    r")|(?P<other>\|\||&&|[!<>]=|.)",
    re.DOTALL,
)


class QueryTooComplex(QueryError):
    """A query nested or chained beyond what the engine can parse safely."""

    http_status = 400


def check_structure(text: str, *, max_depth: int = MAX_DEPTH,
                    max_chain: int = MAX_CHAIN) -> None:
    """Raise QueryTooComplex when `text` nests brackets deeper than `max_depth` or chains more
    than `max_chain` operators at one level. Unbalanced brackets are left to the parser."""
    depth = 0
    chain = [0]
    for match in _TOKEN.finditer(text):
        value = match.group()
        if match.lastgroup == "skip" and value.upper() != "UNION":
            continue
        if value in _OPEN:
            depth += 1
            if depth > max_depth:
                raise QueryTooComplex(
                    f"the query nests brackets more than {max_depth} levels deep; "
                    "flatten it (this limit protects the query engine's stack)")
            chain.append(0)
        elif value in _CLOSE:
            if depth > 0:
                depth -= 1
                chain.pop()
        elif value.upper() in _OPERATORS:
            chain[-1] += 1
            if chain[-1] > max_chain:
                raise QueryTooComplex(
                    f"the query chains more than {max_chain} operators (UNION, ||, &&, +, /, "
                    "...) at one level; use VALUES or IN instead (this limit protects the "
                    "query engine's stack)")
