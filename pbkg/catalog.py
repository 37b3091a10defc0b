"""Named queries: queries/NAME.rq files with a header, and safe parameter binding.

Header lines start with "#+ " and come before the PREFIX lines:
    #+ title@en: Who chaired which cluster in which year
    #+ title@vi: ...
    #+ description@en: ...
    #+ param: cluster | iri | optional | https://w3id.org/pbkg/id/cluster/ | The cluster
    #+ columns: cluster, clusterLabel, year, ...
Parameters are checked against their type and serialized by rdflib (never by formatting raw
input into the query). `render` binds them with a VALUES block at the start of the outermost
WHERE group; `bind` writes the term in place of the variable where that keeps the query's
meaning (engines plan constants far better than a VALUES join: an entity page on Oxigraph, 50 to
90x), and falls back to VALUES for a variable used where a constant cannot stand. The file itself
runs unchanged in any SPARQL editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from .errors import InputError, InvalidParameter, NotFound

PARAM_TYPES = ("iri", "gYear", "integer", "string", "date", "boolean")
# What an IRI parameter may be: a web IRI of plain ASCII path characters (every IRI of the
# data is one), so that every value accepted is one the store's IRI parser accepts too. The
# same patterns are the parameters' documented JSON Schema (Param.schema).
_IRI = re.compile(r"^https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?(?:#[A-Za-z0-9._~-]*)?$")
_SLUG = re.compile(r"^[a-z0-9]+(?:[-/][a-z0-9]+)*$")
_LEXICAL = {
    "gYear": re.compile(r"^-?[0-9]{4}$"),
    "integer": re.compile(r"^[+-]?[0-9]{1,18}$"),
    "date": re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
    "boolean": re.compile(r"^(true|false)$"),
}
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    description: str
    prefix: str | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        """For a string parameter, the 4th header field lists the allowed values."""
        if self.type != "string" or not self.prefix:
            return ()
        return tuple(c.strip() for c in self.prefix.split(",") if c.strip())

    def term(self, raw: str) -> str:
        """The parameter's value as a SPARQL term, or InvalidParameter. Values are taken as
        given (no trimming), so that what is accepted is exactly what schema() documents."""
        if self.type == "iri":
            slug = _SLUG.match(raw) if self.prefix else None
            if slug:
                raw = f"{self.prefix}{slug.group()}"
            iri = _IRI.match(raw)
            if not iri:
                hint = f" or a slug under {self.prefix}" if self.prefix else ""
                raise InvalidParameter(self.name, f"expected an IRI (http or https, ASCII){hint}, "
                                                  f"got {raw!r}")
            return URIRef(iri.group()).n3()
        if self.type == "string":
            if len(raw) > 500:
                raise InvalidParameter(self.name, "longer than 500 characters")
            if self.choices and raw not in self.choices:
                raise InvalidParameter(self.name, f"expected one of {', '.join(self.choices)}, "
                                                  f"got {raw!r}")
            return Literal(raw).n3()
        lexical = _LEXICAL[self.type].match(raw)
        if not lexical:
            raise InvalidParameter(self.name, f"expected a {self.type}, got {raw!r}")
        raw = lexical.group()
        if self.type == "date":
            from datetime import date

            try:
                date.fromisoformat(raw)
            except ValueError:
                raise InvalidParameter(self.name, f"not a calendar date: {raw!r}") from None
        return Literal(raw, datatype=XSD[self.type]).n3()


    def schema(self) -> dict[str, object]:
        """The JSON Schema of the values term() accepts (for the OpenAPI document). An empty
        value of an optional parameter means "not given"."""
        empty = [] if self.required else [""]
        if self.type == "string":
            if self.choices:
                return {"type": "string", "enum": [*self.choices, *empty]}
            return {"type": "string", "maxLength": 500}
        if self.type == "iri":
            patterns = [_IRI.pattern] + ([_SLUG.pattern] if self.prefix else [])
        else:
            patterns = [_LEXICAL[self.type].pattern]
        inner = "|".join(p.removeprefix("^").removesuffix("$") for p in patterns)
        schema: dict[str, object] = {"type": "string",
                                     "pattern": f"^(?:{inner}){'?' if empty else ''}$"}
        if self.type == "date":
            schema["format"] = "date"
        return schema


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    title: dict[str, str]
    description: dict[str, str]
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    extra: dict[str, str] = field(default_factory=dict)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise InvalidParameter(name, f"unknown for query '{self.name}' (known: {known})")

    def render(self, values: Mapping[str, str] | None = None) -> str:
        """The query with its parameters bound; checks names, types and required ones."""
        values = dict(values or {})
        for p in self.params:
            if p.required and not values.get(p.name):
                raise InvalidParameter(p.name, f"required by query '{self.name}'")
            # An empty date is not "no date": the OpenAPI format is date, so refuse it.
            if p.type == "date" and values.get(p.name) == "":
                raise InvalidParameter(p.name, "expected a date YYYY-MM-DD, got ''")
        bound = [f"VALUES ?{self.param(k).name} {{ {self.param(k).term(v)} }}"
                 for k, v in sorted(values.items()) if v != ""]
        if not bound:
            return self.text
        match = _WHERE.search(_strip_comments(self.text))
        if match is None:
            raise InputError(self.path, "a query with parameters needs a WHERE clause")
        cut = match.end()
        return self.text[:cut] + "\n  " + "\n  ".join(bound) + self.text[cut:]

    def bind(self, values: Mapping[str, str] | None = None) -> str:
        """The query with its parameters bound, each term written in place of its variable
        where that is safe (see inline_variable), in a VALUES block otherwise."""
        values = {k: v for k, v in dict(values or {}).items() if v != ""}
        for p in self.params:
            if p.required and not values.get(p.name):
                raise InvalidParameter(p.name, f"required by query '{self.name}'")
        text, rest = self.text, {}
        for name, raw in sorted(values.items()):
            term = self.param(name).term(raw)
            inlined = inline_variable(text, name, term)
            if inlined is None:
                rest[name] = raw
            else:
                text = inlined
        if not rest:
            return text
        return replace(self, text=text).render(rest)

    def restrict(self, name: str, iris: Iterable[str]) -> NamedQuery:
        """The query with ``?name`` restricted to the given IRIs, by a VALUES block at the start
        of its WHERE clause, where the engine starts from it: for a caller that already knows
        the few candidates a filter of the file would otherwise test the whole graph for. The
        file's own patterns and filters still decide which of them answer."""
        terms = " ".join(URIRef(iri).n3() for iri in iris)
        match = _WHERE.search(_strip_comments(self.text))
        if match is None:
            raise InputError(self.path, "a restricted query needs a WHERE clause")
        cut = match.end()
        return replace(self, text=f"{self.text[:cut]}\n  VALUES ?{name} {{ {terms} }}"
                                  f"{self.text[cut:]}")

    def bind_many(self, name: str, raws: list[str]) -> str:
        """The query with each empty block ``VALUES ?name { }`` of its text (the file runs
        as is and answers nothing) holding the given values: for a query asked about many
        entities at once, the block placed by the file where the engine starts from it (at the
        start of each UNION branch, say: a block before the union is joined after it, 10x
        slower on Oxigraph)."""
        terms = " ".join(self.param(name).term(raw) for raw in raws)
        marker = re.compile(rf"VALUES\s+\?{re.escape(name)}\s*\{{\s*\}}")
        text, found = marker.subn(lambda _: f"VALUES ?{name} {{ {terms} }}", self.text)
        if not found:
            raise InputError(self.path, f"no empty 'VALUES ?{name} {{ }}' block to fill")
        return text

    def as_dict(self) -> dict:
        return {
            "name": self.name, "title": self.title, "description": self.description,
            "params": [{"name": p.name, "type": p.type, "required": p.required,
                        "description": p.description,
                        "prefix": None if p.type == "string" else p.prefix,
                        "choices": list(p.choices)} for p in self.params],
            "columns": list(self.columns),
        }


# Tokens that matter for substitution; everything else is copied as is.
_LONG_STRINGS = r'"{3}(?:[^"\\]|\\.|"(?!""))*"{3}' + "|" + r"'{3}(?:[^'\\]|\\.|'(?!''))*'{3}"
_SHORT_STRINGS = r'"(?:[^"\\\n]|\\.)*"' + "|" + r"'(?:[^'\\\n]|\\.)*'"
_TOKENS = re.compile("|".join([
    r"(?P<comment>#[^\n]*)",
    f"(?P<string>{_LONG_STRINGS}|{_SHORT_STRINGS})",
    r'(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)',
    r"(?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)",
    r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
    r"(?P<punct>[(){}*])",
]))
# After these keywords a variable names a result column or a group key: no constant there.
_NOT_A_TERM = {"AS", "GROUP", "ORDER", "HAVING", "VALUES", "BOUND"}


def inline_variable(text: str, name: str, term: str) -> str | None:
    """`text` with the variable `name` replaced by `term` (a serialized RDF term), or None when
    that could change the query's meaning: under SELECT *, in a subquery, a VALUES block, GROUP
    BY, ORDER BY, HAVING, BOUND() or after AS. In the top-level projection `?name` becomes
    `(term AS ?name)`, so the result keeps its column."""
    plan = _substitution_plan(text, name)
    if plan is None:
        return None
    out: list[str] = []
    pos = 0
    for start, end, projected in plan:
        out.append(text[pos:start])
        out.append(f"({term} AS {text[start:end]})" if projected else term)
        pos = end
    out.append(text[pos:])
    return "".join(out)


@lru_cache(maxsize=256)
def _substitution_plan(text: str, name: str) -> tuple[tuple[int, int, bool], ...] | None:
    """Where `?name` occurs in `text` (start, end, in the top-level projection), or None when a
    constant cannot stand in its place (see inline_variable). Cached: a query's text is fixed."""
    spans: list[tuple[int, int, bool]] = []
    selects = 0
    in_projection = False
    blocked_by: str | None = None  # the keyword whose clause we are in
    depth = 0  # parentheses inside the projection
    for m in _TOKENS.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind == "word":
            upper = tok.upper()
            if upper == "SELECT":
                selects += 1
                if selects > 1:
                    return None if spans or _mentions(text[m.end():], name) else tuple(spans)
                in_projection = True
            elif upper == "WHERE":
                in_projection = False
            elif upper in _NOT_A_TERM:
                blocked_by = upper
            continue
        if kind == "punct":
            if tok == "{":
                in_projection = False
                if blocked_by in ("GROUP", "ORDER", "HAVING", "AS", "BOUND"):
                    blocked_by = None
            elif tok == "}" and blocked_by == "VALUES":
                blocked_by = None
            elif tok == "(" and in_projection:
                depth += 1
            elif tok == ")" and in_projection:
                depth -= 1
            if tok == ")" and blocked_by in ("AS", "BOUND"):
                blocked_by = None
            continue
        if kind != "var" or tok[1:] != name:
            if kind == "var" and blocked_by == "AS":
                blocked_by = None
            continue
        if blocked_by is not None:
            return None
        spans.append((m.start(), m.end(), in_projection and depth == 0))
    if selects and _star_projection(text):
        return None
    return tuple(spans)


def _mentions(text: str, name: str) -> bool:
    return any(m.lastgroup == "var" and m.group()[1:] == name for m in _TOKENS.finditer(text))


def _star_projection(text: str) -> bool:
    return re.search(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", _strip_comments(text),
                     re.IGNORECASE) is not None


def _strip_comments(text: str) -> str:
    """Blank out comments (keeping offsets) so a WHERE inside a comment is not matched."""
    out = []
    for line in text.splitlines(keepends=True):
        idx = line.find("#")
        # A '#' inside an IRI (<...#x>) is not a comment.
        while idx >= 0 and line.count("<", 0, idx) > line.count(">", 0, idx):
            idx = line.find("#", idx + 1)
        out.append(line if idx < 0 else line[:idx] + " " * (len(line) - idx - 1)
                   + ("\n" if line.endswith("\n") else ""))
    return "".join(out)


def parse_query_file(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read: {exc}") from None
    title: dict[str, str] = {}
    description: dict[str, str] = {}
    params: list[Param] = []
    columns: tuple[str, ...] = ()
    extra: dict[str, str] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#+"):
            continue
        key, sep, value = line[2:].strip().partition(":")
        if not sep:
            raise InputError(path, "header line needs 'key: value'", line=lineno)
        key, value = key.strip(), value.strip()
        base, _, lang = key.partition("@")
        if base == "title":
            title[lang or "en"] = value
        elif base == "description":
            description[lang or "en"] = value
        elif base == "param":
            params.append(_parse_param(path, lineno, value))
        elif base == "columns":
            columns = tuple(c.strip() for c in value.split(",") if c.strip())
        else:
            extra[key] = value
    if "en" not in title or "vi" not in title:
        raise InputError(path, "the header needs '#+ title@en:' and '#+ title@vi:' lines")
    return NamedQuery(path.stem, path, text, title, description, tuple(params), columns, extra)


def _parse_param(path: Path, lineno: int, spec: str) -> Param:
    parts = [s.strip() for s in spec.split("|")]
    if len(parts) != 5:
        raise InputError(path, "param needs 'name | type | required|optional | prefix | text'",
                         line=lineno)
    name, kind, need, prefix, text = parts
    if kind not in PARAM_TYPES:
        raise InputError(path, f"param type {kind!r} is not one of {PARAM_TYPES}", line=lineno)
    if need not in ("required", "optional"):
        raise InputError(path, "param must be 'required' or 'optional'", line=lineno)
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise InputError(path, f"param name {name!r} is not a SPARQL variable name", line=lineno)
    return Param(name, kind, need == "required", text, prefix or None)


def load_catalog(queries_dir: Path) -> dict[str, NamedQuery]:
    return {q.name: q for q in (parse_query_file(f) for f in sorted(queries_dir.glob("*.rq")))}


def get_query(catalog: Mapping[str, NamedQuery], name: str) -> NamedQuery:
    if name not in catalog:
        known = ", ".join(sorted(catalog))
        raise NotFound(f"no named query '{name}' (known: {known})")
    return catalog[name]
