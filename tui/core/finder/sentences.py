"""An article cut into paragraphs, sentences and words, with every offset kept into the text.

A full stop inside quotation marks does not end the sentence around them ("“We will win.
We always do,” he said." is one sentence), nor does one after an abbreviation or an initial
(U.S., Sen., Donald J. Trump). A sentence ends at a paragraph's end, except inside a quote
that runs on into the next paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from tui.core.finder.marks import DOUBLE, SINGLE, Quoted

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st jr sr inc co corp ltd no vs "
    "jan feb mar apr aug sept sep oct nov dec rev hon pres sec dept univ ft mt est approx etc fig".split()
)
"""Words that end in a full stop without ending a sentence."""

_END = re.compile(r"[.!?…]+[" + re.escape(DOUBLE + SINGLE) + r")\]]*(?=\s+[\"“‘'„«(\[A-Z0-9\u00c0-\u024f\u0400-\u04ff—–-])|\n")
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_](?:[\w]|[’'\-&](?=\w))*\.?|\S")
"""A word (U.S., Zelensky’s, Trump-backed, abbreviations with their full stop) or one other character."""


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    quote: int = -1
    """For a quotation (marks and words as one token), its index in the article's quotations."""

    @property
    def low(self) -> str:
        return self.text.casefold().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.quote < 0 and self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.quote < 0 and self.text[0].isupper()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]


def sentences(text: str, quoted: list[Quoted]) -> list[Sentence]:
    """The article's sentences in order, each with its words and quotations as tokens."""
    spans = [(q.opened, q.closed) for q in quoted]
    opens = [q.opened for q in quoted]
    cuts: list[int] = []
    for match in _END.finditer(text):
        cut = match.end()
        inside = bisect_right(opens, match.start()) - 1
        if inside >= 0 and spans[inside][0] < match.start() < spans[inside][1] - 1 and cut < spans[inside][1]:
            continue  # inside a quotation that goes on
        if match.group() != "\n" and _after_abbreviation(text, match.start()):
            continue
        cuts.append(cut)
    cuts.append(len(text))
    out: list[Sentence] = []
    start, paragraph, last_end = 0, 0, 0
    for cut in cuts:
        while start < cut and text[start].isspace():
            start += 1
        end = cut
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            paragraph += "\n" in text[last_end:start] and bool(out)
            out.append(Sentence(start, end, paragraph, tuple(_tokens(text, start, end, quoted, opens))))
            last_end = end
        start = max(start, cut)
    return out


def _after_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", text[max(0, stop - 12):stop])
    if word is None:
        return False
    letters = word.group(1)
    return letters.casefold().strip(".") in ABBREVIATIONS or len(letters) == 1 and letters.isupper() or "." in letters


def _tokens(text: str, start: int, end: int, quoted: list[Quoted], opens: list[int]) -> list[Token]:
    out: list[Token] = []
    index = max(0, bisect_right(opens, start) - 1)
    at = start
    while at < end:
        while index < len(quoted) and quoted[index].closed <= at:
            index += 1
        stop = quoted[index].opened if index < len(quoted) and quoted[index].opened < end else end
        for match in _WORD.finditer(text, at, max(at, stop)):
            word = match.group()
            initial = len(word) == 2 and word[0].isupper()  # Donald J. Trump
            if word.endswith(".") and len(word) > 1 and "." not in word[:-1] and word[:-1].casefold() not in ABBREVIATIONS and not initial:
                out.append(Token(word[:-1], match.start(), match.end() - 1))
                out.append(Token(".", match.end() - 1, match.end()))
            else:
                out.append(Token(word, match.start(), match.end()))
        if stop >= end:
            break
        q = quoted[index]
        out.append(Token(text[q.opened:q.closed], q.opened, q.closed, index))
        at = q.closed
    return out


def paragraph_of(sentences_: list[Sentence], at: int) -> int:
    starts = [s.start for s in sentences_]
    index = bisect_right(starts, at) - 1
    return sentences_[index].paragraph if index >= 0 else 0
