"""Where an article's quotation marks open and close: every style a newsroom prints, apostrophes told apart.

Newsrooms quote with “…” and "…", nest ‘…’ or '…' inside, headline with ‘…’ alone, and print
„…“, «…», »…« or ”…” in other languages. The single marks are also apostrophes (Trump’s,
wasn’t, ’90s, the voters’ anger), so a single mark opens a quote only where a quote can open
(at the start of a word) and closes one only where one is open. A quote running over several
paragraphs has no closing mark at the end of each paragraph, and each new paragraph opens
again: the quote goes on over the break, and the re-opening mark is part of the words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DOUBLE = "“”„‟\"«»"
SINGLE = "‘’‚‛'‹›"
MARKS = re.compile("[" + re.escape(DOUBLE + SINGLE) + "\n]")

_OPENS_AFTER = set("([{—–-/…") | set(DOUBLE) | set(SINGLE)
"""Characters after which a mark starts a quote (besides spaces and the start of the text)."""
_CLOSES_BEFORE = set(".,;:!?)]}—–-/…*") | set(DOUBLE) | set(SINGLE)
"""Characters before which a mark ends a quote (besides spaces and the end of the text)."""
_ELISIONS = re.compile(r"(?:em|tis|til|cause|n|s|twas|bout|round|cept)\b", re.IGNORECASE)
"""Words whose first letters an apostrophe stands for: 'em, 'til, 'n' (never a quote's first word)."""

_CLOSERS = {
    "“": "”“\"", "„": "“”", "‟": "”", "\"": "\"”", "«": "»", "»": "«", "”": "”",
    "‘": "’‘", "‚": "‘’", "‛": "’", "'": "'", "‹": "›", "›": "‹", "’": "’",
}
"""Each opening mark and the marks that close it (“ closes „ in German, » opens and « closes in Danish)."""


@dataclass(frozen=True)
class Quoted:
    """A quotation in the text: `text[start:end]` is its words, without the marks around them."""

    start: int
    end: int
    opened: int
    """Where its opening mark stands."""
    closed: int
    """Just after its closing mark."""
    mark: str
    """The opening mark."""
    paragraphs: int = 1
    """How many paragraphs it runs over (each new one opening with a mark of its own)."""


@dataclass
class _Open:
    mark: str
    at: int
    paragraphs: int = 1


def _is_space(char: str) -> bool:
    return not char or char.isspace()


def _is_word(char: str) -> bool:
    return bool(char) and (char.isalnum() or unicodedata.category(char) == "Mn")


def _can_open(before: str, after: str) -> bool:
    return (_is_space(before) or before in _OPENS_AFTER) and not _is_space(after)


def _can_close(before: str, after: str) -> bool:
    return not _is_space(before) and (_is_space(after) or after in _CLOSES_BEFORE)


def _apostrophe(text: str, at: int, before: str, after: str) -> bool:
    """A single mark that is part of a word: Trump’s, wasn’t, ’90s, 'em, rock ’n’ roll."""
    if _is_word(before) and _is_word(after):
        return True
    if (_is_space(before) or before in "([") and after.isdigit():
        return True  # ’90s, '16
    return (_is_space(before) or before in "([") and _ELISIONS.match(text, at + 1) is not None


def quotations(text: str) -> list[Quoted]:
    """Every outermost quotation in `text`, in order (quotes nested inside one are part of its words)."""
    found: list[Quoted] = []
    stack: list[_Open] = []
    skip_to = -1
    for match in MARKS.finditer(text):
        at = match.start()
        if at < skip_to:
            continue
        char = match.group()
        if char == "\n":
            skip_to = _paragraph_break(text, at, stack)
            continue
        before = text[at - 1] if at else ""
        after = text[at + 1] if at + 1 < len(text) else ""
        if char in SINGLE and char not in "‹›‚" and _apostrophe(text, at, before, after):
            continue
        top = stack[-1] if stack else None
        closes = _closing(top, char, before, after, stack)
        if closes is not None:
            opened = stack[closes]
            del stack[closes:]
            if not stack:
                _keep(found, text, opened, at)
            continue
        if _opening(char, before, after, top):
            stack.append(_Open(char, at))
    return found


def _closing(top: _Open | None, char: str, before: str, after: str, stack: list[_Open]) -> int | None:
    """The index in `stack` of the quote that `char` closes, or None."""
    if top is None:
        return None
    if char in _CLOSERS.get(top.mark, "") and (_can_close(before, after) or not _can_open(before, after)):
        if char == top.mark and char in "“‘" and _can_open(before, after):
            return None  # a second opening mark, not a closing one
        return len(stack) - 1
    if char in DOUBLE and char not in "„«" and top.mark in SINGLE and _can_close(before, after):
        # A double mark closes the double quote below an inner single one that never closed (an apostrophe).
        for index in range(len(stack) - 1, -1, -1):
            if char in _CLOSERS.get(stack[index].mark, ""):
                return index
    return None


def _opening(char: str, before: str, after: str, top: _Open | None) -> bool:
    if char in "„«‚‹":
        return True
    if char in "“‘‛":
        return _can_open(before, after) or not _can_close(before, after)
    if char in "”»’›":
        # ”…” (Swedish), »…« (Danish): opening only where a quote can open and none of its kind is open.
        return _can_open(before, after) and not _can_close(before, after) and (top is None or top.mark != char)
    return _can_open(before, after) and not _can_close(before, after)  # straight marks


def _paragraph_break(text: str, at: int, stack: list[_Open]) -> int:
    """At the end of a paragraph: a quote still open goes on if the next paragraph opens with a mark
    of its kind (the re-opening mark then belongs to the words; returns where to read on), else it
    never closed and is dropped."""
    if not stack:
        return -1
    follow = at + 1
    while follow < len(text) and text[follow].isspace():
        follow += 1
    outer = stack[0]
    again = text[follow] if follow < len(text) else ""
    if again == outer.mark or (outer.mark in DOUBLE and again in "“„\"«") or (outer.mark in SINGLE and again in "‘‚'"):
        del stack[1:]
        outer.paragraphs += 1
        return follow + 1
    stack.clear()
    return -1


def _keep(found: list[Quoted], text: str, opened: _Open, close_at: int) -> None:
    start, end = opened.at + len(opened.mark), close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if any(_is_word(c) for c in text[start:end]):
        found.append(Quoted(start, end, opened.at, close_at + 1, opened.mark, opened.paragraphs))
