"""Vietnamese collation: a sort key that orders names as a Vietnamese reader expects.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (with f j w z placed
as in Latin for foreign names); tone marks are secondary (a à á ả ã ạ), so "Bà" sorts with "Ba"
rather than after "Bz", and case is tertiary. Runs of digits compare as numbers, so "Cụm 5" comes
before "Cụm 10". Code-point order would put "Đ" after "Z" and "Ă" after every ASCII letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_RANK = {letter: i for i, letter in enumerate(ALPHABET)}
# Marks that make a letter of their own (ă â ê ô ơ ư) versus tone marks (secondary).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_TOKEN = re.compile(r"\d+|\D")
_DIGIT_RANK = -2          # numbers before letters
_OTHER_RANK = -1          # spaces and punctuation before both (word boundaries sort first)


@lru_cache(maxsize=4096)  # a page sorts the same few hundred letters thousands of times
def _letter(ch: str) -> tuple[int, int, int]:
    """(primary, tone, case) of one character."""
    lower = ch.lower()
    case = 0 if ch == lower else 1
    if lower == "đ":
        return (_RANK["đ"], 0, case)
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], decomposed[1:]
    tone = 0
    letter = base
    for m in marks:
        if m in _LETTER_MARKS:
            letter += m
        elif m in _TONES:
            tone = _TONES[m]
    letter = unicodedata.normalize("NFC", letter)
    if letter in _RANK:
        return (_RANK[letter], tone, case)
    return (_OTHER_RANK if not base.isalnum() else 1000 + ord(base), tone, case)


_SPACE = (_OTHER_RANK, 0)


@lru_cache(maxsize=65536)  # names and values recur across the facts of a page
def sort_key(text: str) -> tuple:
    """The collation key of a text: compare keys to sort in Vietnamese order, as
    key_by_character would. A fact's label ("Thành viên cụm Cụm 5 năm 2023: Ban Tổ chức ...") is
    keyed as its two sides, each kept: a page's facts share the first, pages share the second."""
    head, sep, tail = text.rpartition(": ")
    if sep and head.strip() and tail.strip():
        return _joined(_side_key(head), _side_key(tail))
    return _words_key(text)


def _joined(a: tuple, b: tuple) -> tuple:
    """The key of a text "A: B" from those of A and B: the ": " and any spaces or signs around
    it are one boundary, as a run of them is within a text."""
    first, second = a[0], b[0]
    if first[-1:] != (_SPACE,):
        first += (_SPACE,)
    if second[:1] == (_SPACE,):
        second = second[1:]
    return (first + second, a[1] + b[1], a[2] + b[2])


@lru_cache(maxsize=65536)  # one side of "A: B" (a text of many ": " is split once, not each)
def _side_key(text: str) -> tuple:
    return _words_key(text)


def _words_key(text: str) -> tuple:
    """sort_key worked out a word at a time (the words of a page's labels recur)."""
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for i, word in enumerate(unicodedata.normalize("NFC", text.strip()).split(" ")):
        if i and not (primary and primary[-1] == _SPACE):
            primary.append(_SPACE)    # the space before the word; a run counts once
        if not word:
            continue
        first, tones, cases = _word_key(word)
        start = 1 if first and first[0] == _SPACE and primary and primary[-1] == _SPACE else 0
        primary.extend(first[start:])
        secondary.extend(tones)
        tertiary.extend(cases)
    return (tuple(primary), tuple(secondary), tuple(tertiary))


def key_by_character(text: str) -> tuple:
    """sort_key worked out one character at a time (what sort_key must equal; tested)."""
    return _key_of(unicodedata.normalize("NFC", text.strip()))


@lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple:
    return _key_of(word)


def _key_of(text: str) -> tuple:
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for token in _TOKEN.findall(text):
        if token.isdecimal():  # a run of \d; "²" or "①" is a sign of its own (int() fails)
            primary.append((_DIGIT_RANK, int(token)))
            continue
        rank, tone, case = _letter(token)
        if rank == _OTHER_RANK:
            if primary and primary[-1] == _SPACE:
                continue          # runs of spaces and punctuation count once
            primary.append(_SPACE)
            continue
        primary.append((rank, 0))
        secondary.append(tone)
        tertiary.append(case)
    return (tuple(primary), tuple(secondary), tuple(tertiary))


def sorted_vi(items: Iterable, key=lambda x: x) -> list:
    """Items sorted by the Vietnamese collation of key(item)."""
    return sorted(items, key=lambda item: sort_key(key(item) or ""))
