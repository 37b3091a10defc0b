"""Entity declarations in XML input, checked before an XML parser sees the file.

Oxigraph's RDF/XML parser expands the entities a DOCTYPE declares, and expands nested ones
eagerly: a 1 KB "billion laughs" file (entities of entities of "lol") takes gigabytes. RDF/XML
written by ontology editors does use simple entities as namespace abbreviations
(`<!ENTITY owl "http://www.w3.org/2002/07/owl#">`), so those stay accepted. Refused, with the
file and line:
- an entity whose value refers to another entity (the nesting that makes expansion exponential);
- external entities (SYSTEM, PUBLIC: the parser would read another file or a URL) and
  parameter entities (%name;);
- flat entities whose references would add more than MAX_EXPANSION characters in total.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError

MAX_EXPANSION = 16 * 1024 * 1024  # characters added by expanding every entity reference
_DOCTYPE = re.compile(rb"<!DOCTYPE\b")
_ENTITY = re.compile(rb"<!ENTITY\s+(?P<pe>%\s+)?(?P<name>[^\s%;&<>\"']+)\s+"
                     rb"(?:(?P<external>SYSTEM|PUBLIC)\b|\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')")
_ANY_ENTITY = re.compile(rb"<!ENTITY\b")
_REFERENCE = re.compile(rb"[&%][A-Za-z_:][\w.:\-]*;")


def check_entities(path: Path | str, data: bytes) -> None:
    """Raise InputError (naming `path` and the line) if `data` declares entities whose expansion
    could be unbounded or reach outside the file."""
    doctype = _DOCTYPE.search(data)
    if doctype is None:
        return
    subset_start = data.find(b"[", doctype.end())
    root_start = data.find(b">", doctype.end())
    if subset_start < 0 or (0 <= root_start < subset_start):
        return  # a DOCTYPE without an internal subset declares nothing
    subset_end = data.find(b"]", subset_start)
    subset = data[subset_start:subset_end if subset_end >= 0 else len(data)]
    body = data[subset_end:] if subset_end >= 0 else b""
    declared = 0
    lengths: dict[bytes, int] = {}
    for match in _ENTITY.finditer(subset):
        declared += 1
        line = data.count(b"\n", 0, subset_start + match.start()) + 1
        name = match.group("name").decode("utf-8", "replace")
        if match.group("pe"):
            raise InputError(path, f"the parameter entity '%{name};' is not accepted "
                                   "(entity declarations are limited to plain text values)", line)
        if match.group("external"):
            raise InputError(path, f"the external entity '{name}' is not accepted (it would "
                                   "make the parser read another file or a URL)", line)
        value = match.group("dq") if match.group("dq") is not None else match.group("sq")
        if _REFERENCE.search(value):
            raise InputError(path, f"the entity '{name}' refers to another entity; nested "
                                   "entities are not accepted (their expansion grows "
                                   "exponentially: the 'billion laughs' attack)", line)
        lengths[match.group("name")] = len(value)
    if declared != len(_ANY_ENTITY.findall(subset)):
        line = data.count(b"\n", 0, subset_start) + 1
        raise InputError(path, "an entity declaration that pbkg cannot check is not accepted "
                               "(use plain quoted values)", line)
    added = 0
    for ref in _REFERENCE.finditer(body):
        added += lengths.get(ref.group()[1:-1], 0)
        if added > MAX_EXPANSION:
            line = data.count(b"\n", 0, subset_end + ref.start()) + 1
            raise InputError(path, f"its entity references would expand the file by more than "
                                   f"{MAX_EXPANSION:,} characters", line)
