"""Does a quote's text occur in a source's text: exactly, once typography is folded, with some
words changed (and which), or not at all. Pure functions over text; no file is read here.

Folding makes equal what a retyped or re-encoded copy changes without changing the words:
curly and straight quote marks, apostrophes, dashes and hyphens, runs of spaces, line breaks
and no-break spaces, invisible characters, composed and decomposed accents. Case, spelling and
punctuation other than those are words, never folded.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

_FOLD = str.maketrans(
    {
        **dict.fromkeys("“”„‟«»〝〞＂″‶", '"'),
        **dict.fromkeys("‘’‚‛‹›′‵＇`´", "'"),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－⸺⸻", "-"),
        }
)

CONTEXT_WORDS = 2
"""Words of the text both share shown before a difference (after it, when it is at the start)."""
SHOWN_HUNKS = 3
"""Differences spelled out in one line; more are counted."""


class QuoteState(StrEnum):
    """How a quote stands against its source's archived copy."""

    VERBATIM = "verbatim"
    """Its words (and context) occur in the archived text exactly."""
    NORMALISED = "normalised"
    """They occur once quote marks, dashes, apostrophes and spaces are folded."""
    DIFFERS = "differs"
    """A passage of the archived text is close, but some words differ."""
    MISSING = "missing"
    """Nothing in the archived text is close to them."""
    NOT_ARCHIVED = "not archived"
    """Its source has no archived copy to check against."""
    UNCHECKED = "unchecked"
    """Its source's archived copy is missing, changed since it was captured, or unreadable."""

    @property
    def mark(self) -> str:
        """The mark the quotes list and the full view show."""
        return _MARKS[self]

    @property
    def fails(self) -> bool:
        """Whether it is a problem: the store's words are not known to be the source's."""
        return self in (QuoteState.DIFFERS, QuoteState.MISSING)


_MARKS = {
    QuoteState.VERBATIM: "✓", QuoteState.NORMALISED: "≈", QuoteState.DIFFERS: "≠", QuoteState.MISSING: "✗",
    QuoteState.NOT_ARCHIVED: "·", QuoteState.UNCHECKED: "?",
}
_RANK = {QuoteState.VERBATIM: 0, QuoteState.NORMALISED: 1, QuoteState.DIFFERS: 2, QuoteState.MISSING: 3}


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_TOKEN = re.compile(r"[^\W_]+(?:['’‘`´-][^\W_]+)*|\S")
"""A word (letters and digits, with apostrophes or hyphens inside it), or one other visible character."""


def _clean(text: str) -> str:
    """`text` without invisible characters, accents composed: what is shown of a passage."""
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE))


class Tokens:
    """A text's words and punctuation, where each stands in it, and each folded."""

    __slots__ = ("text", "spans", "folded")

    def __init__(self, text: str) -> None:
        self.text = _clean(text)
        found = list(_TOKEN.finditer(self.text))
        self.spans = [m.span() for m in found]
        self.folded = [m.group().translate(_FOLD) for m in found]

    def shown(self, first: int, end: int) -> str:
        """Tokens `first` to `end` (excluded) as the text writes them, spaces and all."""
        if end <= first:
            return ""
        return " ".join(self.text[self.spans[first][0]:self.spans[end - 1][1]].split())

    def back(self, index: int, words: int) -> int:
        """The token from which `words` words (not counting punctuation) run up to `index`."""
        while index > 0 and words > 0:
            index -= 1
            if self.folded[index][0].isalnum():
                words -= 1
        return index

    def ahead(self, index: int, words: int) -> int:
        while index < len(self.folded) and words > 0:
            if self.folded[index][0].isalnum():
                words -= 1
            index += 1
        return index


def fold(text: str) -> str:
    """`text` with its typography folded, one space between its words and punctuation."""
    return " ".join(Tokens(text).folded)


class SourceText:
    """A source's text made ready to search: built once per archived copy, then shared."""

    __slots__ = ("text", "tokens", "folded", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = Tokens(text)
        self.folded = " ".join(self.tokens.folded)
        starts, at = [], 0
        for token in self.tokens.folded:
            starts.append(at)
            at += len(token) + 1
        self.starts = starts
        """Where each folded token starts in `folded`."""


@dataclass(frozen=True)
class Found:
    """How one text (a quote's words, or its context) stands in a source's text."""

    state: QuoteState
    hunks: tuple[tuple[str, str], ...] = ()
    """For DIFFERS: each difference as (the store's words, the source's), with a few words around it."""
    more: int = 0
    """Differences beyond those in `hunks`."""

    @property
    def diff(self) -> str:
        """E.g. "store: *erased, then perhaps*; source: *erased, then of course*"."""
        said = " · ".join(f"store: *{mine or '(nothing)'}*; source: *{theirs or '(nothing)'}*" for mine, theirs in self.hunks)
        return said + (f" (and {self.more} more difference{'s' if self.more != 1 else ''})" if self.more else "")


def find(text: str, source: SourceText) -> Found:
    """Where `text` stands in `source`: verbatim, normalised, differs (with the word diff against
    the closest passage) or missing."""
    if not text.strip():
        return Found(QuoteState.MISSING)
    if occurs(text, source.text):
        return Found(QuoteState.VERBATIM)
    mine = Tokens(text)
    if not mine.folded:
        return Found(QuoteState.MISSING)
    if f" {' '.join(mine.folded)} " in f" {source.folded} ":
        return Found(QuoteState.NORMALISED)
    return _closest(mine, source)


def occurs(text: str, within: str) -> bool:
    """Whether `text` occurs in `within` as whole words: "welcome" is not in "welcomed"."""
    if not text:
        return False
    head, tail = text[0].isalnum(), text[-1].isalnum()
    at = within.find(text)
    while at >= 0:
        end = at + len(text)
        if not (head and at > 0 and within[at - 1].isalnum()) and not (tail and end < len(within) and within[end].isalnum()):
            return True
        at = within.find(text, at + 1)
    return False


def worse(a: Found, b: Found) -> bool:
    """Whether `b` is worse than `a` (a quote is as good as its worst part)."""
    return _RANK[b.state] > _RANK[a.state]


def _closest(mine: Tokens, source: SourceText) -> Found:
    from difflib import SequenceMatcher

    from rapidfuzz import fuzz

    folded, theirs = mine.folded, source.tokens
    if not theirs.folded:
        return Found(QuoteState.MISSING)
    # The best-aligned stretch of the source, in characters (rapidfuzz, in C++), then widened to
    # whole tokens with room on each side for words the source has and the store has not.
    aligned = fuzz.partial_ratio_alignment(" ".join(folded), source.folded, processor=None)
    if aligned is None:
        return Found(QuoteState.MISSING)
    first = max(bisect_right(source.starts, aligned.dest_start) - 1, 0)
    last = bisect_left(source.starts, aligned.dest_end)
    margin = len(folded) // 2 + 3
    lo, hi = max(first - margin, 0), min(last + margin, len(theirs.folded))
    blocks = [b for b in SequenceMatcher(None, folded, theirs.folded[lo:hi], autojunk=False).get_matching_blocks() if b.size]
    if blocks:
        # The passage: from the first token matched (less the store's tokens before it) to the last
        # (plus the store's after it), so that a changed first or last word is in it, and the
        # quotation marks around the quote in the source are not.
        start = lo + max(blocks[0].b - blocks[0].a, 0)
        end = min(lo + blocks[-1].b + blocks[-1].size + (len(folded) - blocks[-1].a - blocks[-1].size), len(theirs.folded))
    else:  # no token in common: a word or two spelt differently, at most (not the marks around them)
        start, end = first, max(last, first + 1)
        while end - start > 1 and not theirs.folded[start][0].isalnum():
            start += 1
        while end - start > 1 and not theirs.folded[end - 1][0].isalnum():
            end -= 1
    matcher = SequenceMatcher(None, folded, theirs.folded[start:end], autojunk=False)
    words = sum(1 for token in folded if token[0].isalnum())
    if not (matcher.ratio() >= 0.5 or (words <= 3 and aligned.score >= 85)):
        return Found(QuoteState.MISSING)
    hunks = _hunks(mine, theirs, start, matcher.get_opcodes())
    return Found(QuoteState.DIFFERS, tuple(hunks[:SHOWN_HUNKS]), max(len(hunks) - SHOWN_HUNKS, 0))


def _hunks(mine: Tokens, theirs: Tokens, offset: int, opcodes: Sequence[tuple[str, int, int, int, int]]) -> list[tuple[str, str]]:
    """Each run of changed tokens, with up to CONTEXT_WORDS of the words both share before it
    (after it, at the very start); runs that close together are one. `offset`: where the
    passage starts among the source's tokens."""
    merged: list[list[int]] = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            continue
        if merged and mine.back(i1, CONTEXT_WORDS) < merged[-1][1]:
            merged[-1][1], merged[-1][3] = i2, j2 + offset
        else:
            merged.append([i1, i2, j1 + offset, j2 + offset])
    out = []
    for i1, i2, j1, j2 in merged:
        a1 = mine.back(i1, CONTEXT_WORDS)
        b1 = j1 - (i1 - a1)
        a2, b2 = i2, j2
        if a1 == i1:  # nothing before it: the words after it instead
            a2 = mine.ahead(i2, CONTEXT_WORDS)
            b2 = j2 + (a2 - i2)
        out.append((mine.shown(a1, a2), theirs.shown(b1, b2)))
    return out
