"""A speaker's words in a sentence: the subject before a reporting verb, the name after one, the
name before an appositive, the subject that opens the sentence.

Token rules: a speaker's words run back from the verb over names, titles and the words of a
description ("A Trump administration official cited by CNN and CBS News"), never over a clause's
words (that, who, and, was…) or another verb, and start as a speaker does: with a name, a
determiner ("a source", "the campaign"), or a plural ("officials").
"""

from __future__ import annotations

from tui.core.finder.cues import CLAUSE, DETERMINERS, INTRO, PRONOUNS, SKIPPED, VERBS
from tui.core.finder.sentences import Token

TIME = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later last this next
    late early week weekend month year night morning afternoon evening ago here there day hours days weeks months years
    moments minutes""".split()
)
"""Words of when, which may follow a verb that closes its sentence ("Trump said late last week")."""
PARTICLES = frozenset("von van der den de la le du da di al el bin ibn".split())
"""Lower-case words inside a name (Ursula von der Leyen)."""
OPENERS = frozenset("and but so yet however meanwhile".split())
_PHRASE_OPENERS = frozenset("at in on during after before with".split())
MODALS = frozenset("should must can cannot shall would will could may might".split())
MAX_NP = 12
_SEPARATORS = frozenset(",—–-")
"""What sets an appositive apart: "Sergey Lavrov, Russia’s foreign minister, said", "John McCain -- who lost … -- said"."""
"""The most words a speaker's description runs to."""


def main_subject(tokens: tuple[Token, ...], upto: int) -> tuple[int, int] | None:
    """The subject that opens the sentence ("Here in Columbia, Sanders stepped up …"): a name or a pronoun."""
    at = 0
    while at < upto and (tokens[at].low in OPENERS or not tokens[at].is_word):
        at += 1
    first = tokens[at].low if at < upto else ""
    if first in INTRO or first in TIME or first in SKIPPED or first in CLAUSE or first.endswith("ing") or (
            first in DETERMINERS and at + 1 < upto and tokens[at + 1].low in TIME):  # "A month later, he …"
        comma = next((i for i in range(at, upto) if tokens[i].text == ","), None)
        if comma is None:
            return None
        at = comma + 1
    if at >= upto or not tokens[at].is_word:
        return None
    if tokens[at].low in PRONOUNS:
        return (at, at)
    end = at
    if tokens[at].low in DETERMINERS and at + 1 < upto and tokens[at + 1].is_word and tokens[at + 1].low not in CLAUSE:
        end = at + 1  # "The spokesman refused …, adding: “…”"
    while end + 1 < upto and (tokens[end + 1].capitalised or tokens[end + 1].low in PARTICLES):
        end += 1
    return (at, end) if tokens[at].capitalised else None


def subject(tokens: tuple[Token, ...], verb: int) -> tuple[int, int] | None:
    """The speaker before a reporting verb: "Lavrov", "Financial Times journalist Christopher Miller",
    "A Trump administration official cited by CNN and CBS News", "Sergey Lavrov, Russia’s foreign minister,"."""
    at = verb - 1
    while at >= 0 and tokens[at].is_word and not tokens[at].capitalised and (tokens[at].low in SKIPPED or adverb(tokens[at])):
        at -= 1
    if at < 0 or tokens[at].low in MODALS:
        return None  # "the platform should reiterate": what someone should say, not what they said
    if tokens[at].text == "," and at and tokens[at - 1].text == ")":
        at -= 1  # "Gov. John Kasich (R-OH), said"
    elif tokens[at].text in _SEPARATORS:
        return appositive(tokens, at)
    if tokens[at].text == ")":
        opening = next((i for i in range(at - 1, max(-1, at - 8), -1) if tokens[i].text == "("), None)
        if opening is None:
            return None
        at = opening - 1
    if at < 0 or not tokens[at].is_word:
        return None
    if tokens[at].low in PRONOUNS:
        return (at, at)
    if tokens[at].low in CLAUSE or tokens[at].low in VERBS and not tokens[at].capitalised:
        return None
    end, start = at, at
    while start - 1 >= 0 and end - start < MAX_NP and np_word(tokens, start - 1):
        start -= 1
    start = _from_determiner(tokens, start, end)
    while start < end and (tokens[start].low in ("of", "and", "by", "cited", "quoted") or not tokens[start].is_word):
        start += 1
    if start > 1 and tokens[start - 1].low in _PHRASE_OPENERS and not tokens[start].capitalised:
        before = subject(tokens, start - 1)  # "Trump at the time said", "Trump in his speech called"
        if before is not None and tokens[before[1]].capitalised:
            return before
    return (start, end) if looks_like_speaker(tokens, start, end) else None


def _from_determiner(tokens: tuple[Token, ...], start: int, end: int) -> int:
    """A description starts at its determiner: "helped an East German journalist" is "an East German
    journalist" (but "one owner of a shop" keeps its "of a shop")."""
    for at in range(start + 1, end + 1):
        before = tokens[at - 1]
        if tokens[at].low in DETERMINERS and before.low != "of" and before.is_word and not before.capitalised:
            return at
    return start


def looks_like_speaker(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """A name, or a description that starts as one does ("a source", "the campaign", "officials"),
    not the tail of a clause ("release a", "including eliminating")."""
    if any(t.capitalised and t.low not in DETERMINERS for t in tokens[start: end + 1]):
        return True
    first = tokens[start]
    return first.low in DETERMINERS or first.low.endswith("'s") or first.text[0].isdigit() or start == end and first.low.endswith("s")


def np_word(tokens: tuple[Token, ...], at: int) -> bool:
    token = tokens[at]
    if token.quote >= 0:
        return False
    if token.text == "&" and at > 0:
        return True
    if not token.is_word:
        return False
    low = token.low
    if low == "by":
        return at > 0 and tokens[at - 1].low in ("cited", "quoted", "interviewed")
    if low in ("cited", "quoted", "interviewed"):
        return at + 1 < len(tokens) and tokens[at + 1].low == "by"
    if low == "and":
        return at > 0 and tokens[at - 1].capitalised and at + 1 < len(tokens) and tokens[at + 1].capitalised
    if low == "of":
        return at > 0 and tokens[at - 1].is_word and tokens[at - 1].low not in CLAUSE
    if token.capitalised:
        return True
    if low in PARTICLES:
        return at + 1 < len(tokens) and tokens[at + 1].capitalised
    if low in DETERMINERS:
        return True  # "his childhood friend", "a source"
    return low not in CLAUSE and low not in VERBS and low not in SKIPPED and low not in PRONOUNS and not adverb(token)


def adverb(token: Token) -> bool:
    return len(token.low) > 4 and token.low.endswith("ly") and not token.capitalised


def appositive(tokens: tuple[Token, ...], comma: int) -> tuple[int, int] | None:
    """"Sergey Lavrov, Russia’s foreign minister, said", "Clinton, 35, the daughter of …, said", "One
    attendee, who spoke on the condition of anonymity, said": the speaker that opens the clause, before
    the appositive."""
    for at in range(comma - 1, max(-1, comma - 40), -1):
        token = tokens[at]
        if token.quote >= 0 or token.low in VERBS and not token.capitalised and tokens[at - 1].low not in ("who", "which"):
            return None
        if token.text not in _SEPARATORS or at < 1 or not tokens[at - 1].is_word or at + 1 >= comma:
            continue
        name_end = at - 1
        start = name_end
        while start - 1 >= 0 and name_end - start < MAX_NP and np_word(tokens, start - 1):
            start -= 1
        opens_clause = start == 0 or not tokens[start - 1].is_word or tokens[start - 1].low in OPENERS
        if opens_clause and (tokens[name_end].capitalised or looks_like_speaker(tokens, start, name_end)):
            return (start, name_end)
    return None


def forward_np(tokens: tuple[Token, ...], start: int) -> tuple[int, int] | None:
    """The speaker after a verb or "according to": "says Free Russia Foundation’s Natalia Arno"."""
    end = start
    while end < len(tokens) and end - start < MAX_NP:
        token = tokens[end]
        if token.quote >= 0 or not (token.is_word or token.text in "-&"):
            break
        if token.low in CLAUSE and token.low not in ("of",) and end > start:
            break
        if token.low in PRONOUNS and end == start:
            return (start, start)
        end += 1
    if end == start:
        return None
    if tokens[start].low in CLAUSE or tokens[start].low in SKIPPED:
        return None
    return (start, end - 1)
