"""As of a date: the one parameter that restricts named queries and lookups to a day or year.

A named query that is time-dependent declares `#+ param: asOf | date | optional | ...`; the
command line (`pbkg query NAME --as-of 2021-06-30`) and the API (`?as_of=`) bind it through
`bind_as_of`. Lookups use `in_year` and `in_force` on their plain-dict results.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .catalog import NamedQuery
from .errors import InvalidParameter

AS_OF_PARAM = "asOf"


def parse_as_of(raw: str | date | None, name: str = "as_of") -> date | None:
    """A YYYY-MM-DD date, or None; anything else is an InvalidParameter naming `name`."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, date):
        return raw
    try:
        if len(raw) != 10:
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidParameter(name, f"expected a date YYYY-MM-DD, got {raw!r}") from None


def supports_as_of(query: NamedQuery) -> bool:
    return any(p.name == AS_OF_PARAM for p in query.params)


def bind_as_of(query: NamedQuery, params: Mapping[str, str], as_of: date | None) -> dict[str, str]:
    """The query's parameters with asOf set; a query that is not time-dependent refuses it."""
    out = dict(params)
    if as_of is None:
        return out
    if not supports_as_of(query):
        dated = "a time-dependent query"
        raise InvalidParameter("as_of", f"query '{query.name}' does not take a date; use "
                                        f"{dated} (one with an asOf parameter)")
    out[AS_OF_PARAM] = as_of.isoformat()
    return out


def in_year(item_year: object, as_of: date | None) -> bool:
    """Whether a fact's year (an int, a "YYYY" or "YYYY-MM[-DD]" string) is the year of as_of."""
    if as_of is None:
        return True
    if item_year is None:
        return False
    return str(item_year)[:4] == f"{as_of.year:04d}"


def in_force(valid_from: object, valid_until: object, as_of: date | None) -> bool:
    """Whether something valid from..until (ISO dates, None when open) was in force on as_of."""
    if as_of is None:
        return True
    day = as_of.isoformat()
    return (valid_from is None or str(valid_from) <= day) and \
        (valid_until is None or day <= str(valid_until))
