"""The HTML of property tables: a property's name, a value (a link, or a literal with its
language or datatype tag), and the table of a resource's or a fact's statements.

Written in Python rather than as Jinja macros: a median cluster page holds about 500 values,
and as macros they were half of its rendering time (a macro call costs about 10 µs).
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

# Datatypes a value is shown without: its text says what it is.
_PLAIN = frozenset(("xsd:string", "xsd:integer", "xsd:date", "xsd:gYear"))


class Cells:
    """Property names, values and tables in one page's language, linked by its href()."""

    def __init__(self, href: Callable[[str], str | None], label: Callable[..., str],
                 lang: str) -> None:
        self.href = href
        self.label = label
        self.lang = lang

    def prop_name(self, p: dict) -> Markup:
        link = escape(self.href(p["iri"]))
        if p["labels"]:
            return Markup(f'{escape(self.label(p["labels"]))} <a class="curie" href="{link}">'
                          f'{escape(p["curie"])}</a>')
        return Markup(f'<a class="curie plain" href="{link}">{escape(p["curie"])}</a>')

    def value(self, v: dict, this: str | None = None) -> Markup:
        if v["type"] == "uri":
            name = escape(self.label(v["labels"], v["curie"]))
            if this and v["iri"] == this:
                return Markup(f'<strong class="this">{name}</strong>')
            link = self.href(v["iri"])
            if link:
                external = "" if v["local"] else ' class="external"'
                return Markup(f'<a href="{escape(link)}"{external}>{name}</a>')
            return Markup(f'<span class="iri">{name}</span>')
        lang, datatype = v.get("lang"), v.get("datatype")
        attribute = f' lang="{escape(lang)}"' if lang else ""
        out = f'<span class="literal"{attribute}>{escape(v["value"])}</span>'
        if lang and lang != self.lang:
            out += f' <span class="tag">@{escape(lang)}</span>'
        elif datatype and datatype not in _PLAIN:
            out += f' <span class="tag">{escape(datatype)}</span>'
        return Markup(out)

    def property_table(self, groups: list[dict], this: str | None = None) -> Markup:
        if not groups:
            return Markup("")
        rows = ["<table class=\"props\">\n"]
        for g in groups:
            values = "".join(f"<div>{self.value(v, this)}</div>" for v in g["values"])
            rows.append(f'<tr><th scope="row">{self.prop_name(g["property"])}</th>\n'
                        f"<td>{values}</td></tr>\n")
        rows.append("</table>\n")
        return Markup("".join(rows))
