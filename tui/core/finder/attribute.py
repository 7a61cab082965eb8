"""Who a sentence says spoke a quotation in it: the cue (a reporting verb, "according to") and its speaker.

A cue reaches the quotes after it ("Lavrov said Russia had “welcomed” …", "Gingrich said: “…”"),
and, when it closes its sentence, the quotes before it ("“…,” Lavrov told reporters.", "It’s
‘a reward to a dictator,’ says Natalia Arno."). A cue followed by a clause of its own ("“Hannity,”
Gingrich said if …") does not reach back: the quote before it is a title, not his words. A
quotation in a sentence without a cue is nobody's words (a scare quote, a show's name), unless
the sentence is nothing but the quote and the one before it in the paragraph was attributed: a
speaker going on.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.finder.cues import AFTER_ONLY, AFTER_QUOTE, CLAUSE, DETERMINERS, NOUNS, PHRASAL, PLATFORMS, SKIPPED, VERBS
from tui.core.finder.phrases import MAX_NP, OPENERS, PARTICLES, TIME, adverb, forward_np, looks_like_speaker, main_subject, np_word, subject
from tui.core.finder.sentences import Sentence, Token

_PREPOSITIONS = frozenset(
    "on in at during to from after before with while as when according about of via through for over without despite amid following "
    "near inside outside under behind across toward towards alongside until since upon".split()
)
_PASSIVE = frozenset("was were been being is are be am get got".split())
_CONTENT = frozenset("that if whether how what why who".split())
_OBJECTS = frozenset("reporters journalists him her them me us you".split())


@dataclass(frozen=True)
class Cue:
    """A reporting verb (or "according to") and the speaker the sentence gives it."""

    verb: int
    """The verb's token index in its sentence."""
    np: tuple[int, int] | None
    """The speaker's tokens, first and last (inclusive), or None."""
    cue_end: int
    """The last token of the cue ("told Axios", "wrote on X", "according to him")."""
    reaches_back: bool
    """Whether it attributes the quotes before it (it closes its sentence)."""
    reaches_on: bool = True
    mention: tuple[int, int] | None = None
    """Where the sentence names the speaker when that is not `np` ("Beck, who")."""
    weak: bool = False
    """A noun's owner ("Obama’s words"), who speaks only when no verb in the sentence reaches the quote."""


@dataclass(frozen=True)
class Attribution:
    """A quotation's attribution: the sentence's cue, or a speaker going on from the quote before."""

    sentence: Sentence
    cue: Cue | None
    follows: int | None = None
    """For a quote that only goes on: the index of the earlier quotation whose speaker it keeps."""


def cues_of(sentence: Sentence) -> list[Cue]:
    """Every cue of the sentence that has a speaker, in order."""
    tokens = sentence.tokens
    found: list[Cue] = []
    for at, token in enumerate(tokens):
        if not token.is_word and token.text != ":":
            continue
        low = token.low
        if low == "according" and at + 1 < len(tokens) and tokens[at + 1].low == "to":
            np = forward_np(tokens, at + 2)
            if np is not None:
                first = all(t.low in OPENERS or not t.is_word for t in tokens[:at])
                found.append(Cue(at, np, np[1], reaches_back=not first))
            continue
        if token.text == ":" and at + 1 < len(tokens) and tokens[at + 1].quote >= 0:
            cue = _colon(tokens, at)
            if cue is not None:
                found.append(cue)
            continue
        if low in NOUNS and at and (tokens[at - 1].low.endswith("'s") or tokens[at - 1].low in ("his", "her", "their", "its")):
            cue = _owned(tokens, at)
            if cue is not None:
                found.append(cue)
            continue
        if low not in VERBS or not _verb_here(tokens, at):
            continue
        cue = _participle(tokens, at, found) if low.endswith("ing") else _relative(tokens, at) or _cue(tokens, at)
        if cue is not None:
            found.append(cue)
    return found


def _owned(tokens: tuple[Token, ...], noun: int) -> Cue | None:
    """"In Lavrov’s words, “…”", "Clinton’s response was: “…”", "her remark that “…”": the owner speaks."""
    end = noun - 1
    if tokens[end].low in ("his", "her", "their", "its"):
        return Cue(noun, (end, end), noun, reaches_back=False, weak=True)
    start = end
    while start - 1 >= 0 and noun - start < MAX_NP and (tokens[start - 1].capitalised and tokens[start - 1].low not in CLAUSE
                                                          or tokens[start - 1].low in PARTICLES):
        start -= 1
    if start - 1 >= 0 and tokens[start - 1].low in DETERMINERS:
        start -= 1  # "the school’s Facebook post"
    return Cue(noun, (start, end), noun, reaches_back=False, weak=True) if looks_like_speaker(tokens, start, end) else None


def _colon(tokens: tuple[Token, ...], colon: int) -> Cue | None:
    """"… surprise Republican pollster Daron Shaw: “…”": a name of two words or more, or one with its
    title before it, then a colon and the quote."""
    end = colon - 1
    if end < 0 or not tokens[end].capitalised:
        return None
    start = end
    while start - 1 >= 0 and (tokens[start - 1].capitalised or tokens[start - 1].low in PARTICLES) and tokens[start - 1].low not in DETERMINERS:
        start -= 1
    if end - start > 3 or start and (not tokens[start - 1].is_word or tokens[start - 1].low in CLAUSE):
        return None  # a heading ("— David Wasserman: “…”") or an article's byline ("by Times’ Ben Sisario:")
    return Cue(colon, (start, end), colon, reaches_back=False)


def _cue(tokens: tuple[Token, ...], at: int) -> Cue | None:
    """A verb with its speaker before it ("Lavrov said"), or after it ("…,’ says Natalia Arno")."""
    low = tokens[at].low
    np = subject(tokens, at)
    if np is None and at > 2 and tokens[at - 1].low == "to" and tokens[at - 2].low == "on" and tokens[at - 3].low in ("went", "goes", "go", "going"):
        np = subject(tokens, at - 3)  # "The email went on to say, “…”"
    elif np is None and at and tokens[at - 1].low in ("and", "but"):
        np = main_subject(tokens, at)  # "He praised those who left but said, “…”"
    if np is not None:
        end = _cue_end(tokens, at)
        back = _before_is_quote_side(tokens, np[0]) and _closes(tokens, end + 1)
        if low in AFTER_QUOTE and not back:
            return None
        return Cue(at, np, end, reaches_back=back, reaches_on=low not in AFTER_QUOTE)
    if low in AFTER_ONLY or not at:
        return None
    if tokens[at - 1].quote >= 0 or tokens[at - 1].text in ",—–" and at > 1 and tokens[at - 2].quote >= 0:
        np = forward_np(tokens, at + 1)
        if np is not None and tokens[np[0]].low not in CLAUSE:
            return Cue(at, np, at, reaches_back=True, reaches_on=_closes(tokens, np[1] + 1))
    return None


def _verb_here(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether a reporting verb's word is a verb here: not a name ("the Washington Post"), a noun
    ("a joke", "his comments"), a passive ("was told") or an infinitive ("to say")."""
    if not at:
        return True
    before = tokens[at - 1]
    if tokens[at].capitalised and before.quote < 0 and before.text not in ":—–":
        return False
    if tokens[at].low in PHRASAL and (at + 1 >= len(tokens) or tokens[at + 1].low != "back"):
        return False
    if before.low in DETERMINERS or before.low.endswith("'s") or before.low in ("my", "our", "your"):
        return False
    if before.low == "to":
        return at > 2 and tokens[at - 2].low == "on" and tokens[at - 3].low in ("went", "goes", "go", "going")
    return not (before.low in _PASSIVE and not tokens[at].low.endswith("ing"))


def _participle(tokens: tuple[Token, ...], at: int, found: list[Cue]) -> Cue | None:
    """"Kasich is telling …" (its subject before the auxiliary); "…, saying “…”" (the speaker of the
    sentence's cue before it, or the sentence's subject)."""
    if not at:
        return None
    before = tokens[at - 1]
    if before.low in _PASSIVE or before.low in ("'s", "'re"):
        np = subject(tokens, at - 1)
        return Cue(at, np, _cue_end(tokens, at), reaches_back=False) if np else None
    if before.low in NOUNS:
        np = main_subject(tokens, at)  # "Black Lives Matter issued a statement saying …"
        return Cue(at, np, _cue_end(tokens, at), reaches_back=False) if np else None
    if before.text != ",":
        return None
    if found:
        return Cue(at, found[-1].np, _cue_end(tokens, at), reaches_back=False, mention=found[-1].mention)
    np = main_subject(tokens, at)
    return Cue(at, np, _cue_end(tokens, at), reaches_back=False) if np else None


def _relative(tokens: tuple[Token, ...], at: int) -> Cue | None:
    """"…, said Beck, who said there were “…”", "a headline that said, “…”": the speaker is what the
    relative pronoun stands for, and the attribution names them from there to the pronoun."""
    rel = at - 1
    while rel >= 0 and tokens[rel].low in SKIPPED:
        rel -= 1
    if rel < 1 or tokens[rel].low not in ("who", "which", "that"):
        return None
    end = rel - 1 - (tokens[rel - 1].text == ",")
    if end < 0 or not tokens[end].is_word or tokens[end].low in CLAUSE or tokens[end].low in VERBS:
        return None
    start = end
    while start - 1 >= 0 and end - start < MAX_NP and np_word(tokens, start - 1):
        start -= 1
    return Cue(at, (start, end), _cue_end(tokens, at), reaches_back=False, mention=(start, rel))


def attribute(sentence: Sentence, quote_tokens: list[int], cues: list[Cue]) -> dict[int, Cue]:
    """Each quotation token of the sentence that a cue reaches, with that cue."""
    out: dict[int, Cue] = {}
    for at in quote_tokens:
        back = [c for c in cues if c.reaches_back and _front(c) > at]
        on = [c for c in cues if c.reaches_on and c.cue_end < at and not _names_where(sentence.tokens, c, at)]
        on = [c for c in on if not c.weak] or on
        adjacent = [c for c in back if _gap(sentence.tokens, at, _front(c)) == 0]
        if adjacent:
            out[at] = adjacent[0]
        elif on:
            out[at] = on[-1]
        elif back:
            out[at] = back[0]
    return out


def _names_where(tokens: tuple[Token, ...], cue: Cue, quote: int) -> bool:
    """Whether the quote after a cue only names where the words were said or to whom: a show or a
    paper ("said on NBC’s “Meet the Press.”", "told “Fox and Friends”"), not the words."""
    between = tokens[cue.cue_end + 1: quote]
    while between and between[0].low in TIME:
        between = between[1:]  # "said Sunday on NBC’s “Meet the Press.”"
    if any(t.text in ",:;—–" or t.low in _CONTENT for t in between):
        return False
    if not between:
        return tokens[cue.verb].low.startswith(("told", "tell"))
    return between[0].low in ("on", "in", "at", "during", "from") and len(between) <= 8


def _front(cue: Cue) -> int:
    """The attribution's first token: its speaker's, or the verb's when the speaker comes after it."""
    return min(cue.verb, cue.np[0]) if cue.np else cue.verb


def alone(sentence: Sentence) -> bool:
    """Whether the sentence is one quotation and nothing else but punctuation (a speaker going on)."""
    words = [t for t in sentence.tokens if t.quote >= 0 or t.is_word]
    return len(words) == 1 and words[0].quote >= 0


def _gap(tokens: tuple[Token, ...], quote: int, target: int) -> int:
    return sum(1 for t in tokens[quote + 1:target] if t.is_word or t.quote >= 0)


def _cue_end(tokens: tuple[Token, ...], verb: int) -> int:
    """The cue's last token: the verb, or the verb with whom it was told ("told Axios", "told the
    newspaper") or where it was written ("wrote on X")."""
    low = tokens[verb].low
    if low.startswith(("told", "tell")):
        at = verb + 1
        if at < len(tokens) and tokens[at].low in _OBJECTS:
            return at
        if at < len(tokens) and tokens[at].low in DETERMINERS:
            at += 1
        while at < len(tokens) and at - verb < 6 and tokens[at].is_word and (tokens[at].capitalised or tokens[at].low not in CLAUSE and not adverb(tokens[at])):
            at += 1
        return max(verb, at - 1)
    if verb + 2 < len(tokens) and tokens[verb + 1].low == "on" and tokens[verb + 2].low in PLATFORMS:
        end = verb + 2
        while end + 1 < len(tokens) and tokens[end + 1].capitalised:
            end += 1
        return end
    if verb + 1 < len(tokens) and tokens[verb + 1].low == "back":
        return verb + 1
    return verb


def _before_is_quote_side(tokens: tuple[Token, ...], np_start: int) -> bool:
    """Whether the speaker stands after a quote or a comma: "“…,” Lavrov said", "It is “…”, Smith said"."""
    before = np_start - 1
    return before >= 0 and (tokens[before].quote >= 0 or tokens[before].text in ",:—–" and before > 0)


def _closes(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether what follows a cue ends it: the end of the sentence, a comma, where and when it was
    said ("at the outset of a debate …"), but no clause of its own ("said that …", "said the plan …",
    "said on Tuesday that …")."""
    phrase = -1
    while at < len(tokens):
        token = tokens[at]
        if token.quote >= 0 or token.text in ".,;!?)—–":
            return True
        low = token.low
        if token.text == ":" or low in _CONTENT and (phrase < 0 or low in ("that", "whether") and at - phrase < 6):
            return False
        if phrase < 0 and low in _PREPOSITIONS:
            phrase = at
        elif phrase < 0 and not (token.capitalised or low in TIME or low in SKIPPED or low in _OBJECTS or adverb(token) or not token.is_word
                                 or low in DETERMINERS and at + 1 < len(tokens) and tokens[at + 1].low in TIME):
            return False
        at += 1
    return True
