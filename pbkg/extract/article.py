"""Reading an article file: UTF-8 text, optionally preceded by a header of `key: value` lines
(url, title, publisher, date) closed by a line `---`.

Malformed input (binary data, UTF-16, Windows-1258 or other non-UTF-8 bytes, a file over the
size limit) raises InputError with a clear message; an empty file gives an Article with empty text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pbkg.errors import InputError
from pbkg.extract.doc import clean_text

MAX_BYTES = 10 * 1024 * 1024
_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z_-]{0,30})\s*:\s?(.*?)\s*$")
_HEADER_END = re.compile(r"^\s*-{3,}\s*$")
_MAX_HEADER_LINES = 30


@dataclass
class Article:
    """One article: its id (the file stem), header fields and NFC body text."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    header: dict[str, str] = field(default_factory=dict)
    path: str | None = None


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split an optional `key: value` header closed by `---` from the body.

    Without a closing `---` within the first lines, the whole text is the body.
    """
    lines = text.split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines[: _MAX_HEADER_LINES + 1]):
        if _HEADER_END.match(line):
            if not header:
                return {}, text
            return header, "\n".join(lines[i + 1 :])
        if not line.strip():
            continue
        m = _HEADER_LINE.match(line)
        if not m:
            return {}, text
        header[m.group(1).lower()] = m.group(2)
    return {}, text


def article_from_text(text: str, article_id: str = "", path: str | None = None) -> Article:
    text = clean_text(text)
    header, body = split_header(text)
    return Article(
        id=article_id,
        text=body,
        url=header.get("url") or None,
        title=header.get("title") or None,
        publisher=header.get("publisher") or None,
        date=header.get("date") or None,
        header=header,
        path=path,
    )


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "the file is UTF-16 encoded; expected UTF-8 text")
    if b"\x00" in data[:65536]:
        # UTF-16 without a byte-order mark has a NUL in every other byte.
        sample = data[:4096]
        if len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or
                                 sample[0::2].count(0) > len(sample) // 4):
            raise InputError(path, "the file looks UTF-16 encoded; expected UTF-8 text")
        raise InputError(path, "the file holds binary data (NUL bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"the file is not valid UTF-8 (byte {exc.start}); convert it to UTF-8 "
            "(it may be Windows-1258, Windows-1252 or another legacy encoding)",
        ) from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(path, "the file holds binary data (control characters); expected text")
    return text


def read_article(path: Path | str) -> Article:
    """Read one article file; the article id is the file stem."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror or exc}") from None
    if not path.is_file():
        raise InputError(path, "not a regular file")
    if size > MAX_BYTES:
        raise InputError(
            path, f"the file is {size:,} bytes; articles over {MAX_BYTES:,} bytes are refused"
        )
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise InputError(path, f"the file is over {MAX_BYTES:,} bytes; refused")
    if not data.strip():
        return Article(id=path.stem, text="", path=str(path))
    return article_from_text(_decode(path, data), path.stem, str(path))
