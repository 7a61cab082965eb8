"""The speaker an attribution gives, as written: a name without its titles ("Rustem Umerov" of
"Ukrainian National Security Council Secretary Rustem Umerov"), a description ("A Trump
administration official", the outlets that cited them left to `reported_by`), or a pronoun."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.finder.cues import DETERMINERS, PRONOUNS, TITLES, UNNAMED
from tui.core.finder.names import KnownPerson, Roster
from tui.core.finder.sentences import Token

_PARTY_WORDS = frozenset("republican democratic democrat gop independent libertarian green conservative labour liberal".split())
_PARTICLES = frozenset("von van der den de la le du da di al el bin ibn".split())
_REPORTED = frozenset("cited quoted interviewed".split())


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    role: str
    person: KnownPerson | None
    party: str | None
    kind: str
    """"name", "described" or "pronoun"."""
    mention: tuple[int, int]
    """Where the attribution names them (for a pronoun, the pronoun)."""
    unnamed: bool = False
    """Described as an official, a source, an aide: not named, so their words are anonymous."""


def speaker_of(text: str, tokens: tuple[Token, ...], np: tuple[int, int], roster: Roster, named: frozenset[str],
               named_at: tuple[int, int] | None = None) -> Speaker:
    """The speaker of the tokens `np`; `named_at`, the tokens where the attribution names them, if not those."""
    words = tokens[np[0]: np[1] + 1]
    where = named_at or np
    mention = (tokens[where[0]].start, tokens[where[1]].end)
    if len(words) == 1 and words[0].low in PRONOUNS:
        return Speaker(*mention, "", None, None, "pronoun", mention)
    cut = next((i for i, t in enumerate(words) if t.low in _REPORTED and i + 1 < len(words) and words[i + 1].low == "by"), len(words))
    core = words[:cut] or words
    of = next((i for i, t in enumerate(core) if t.low == "of" and i), None)
    if of is not None and _name_start(core[:of]) is not None:
        core = core[:of]  # "Scott Hawkins of Cheyenne"; but "Secretary of State John Kerry" whole
    found = roster.find([t.text for t in core], named) if roster else None
    if found is not None and found.last == len(core) - 1:
        run = _name_start(core)
        begins = min(found.first, run) if run is not None else found.first  # "Sergei Lavrov", matched by "Lavrov"
        name = core[begins: found.last + 1]
        end = _without_possessive(name[-1])
        return Speaker(name[0].start, end, _role(text, core[:begins]), found.person, found.person.party, "name", mention)
    first = _name_start(core)
    party = roster.party_named([t.text for t in core]) if roster else None
    if first is not None:
        return Speaker(core[first].start, _without_possessive(core[-1]), _role(text, core[:first]), None, party, "name", mention)
    start, end = core[0].start, core[-1].end
    return Speaker(start, end, "", None, party, "described", mention, UNNAMED.search(text[start:end]) is not None)


def _without_possessive(last: Token) -> int:
    """Where a name ends: before its possessive ("In Lavrov’s words" names Lavrov)."""
    return last.end - 2 if last.low.endswith("'s") and last.end - last.start > 2 else last.end


def _name_start(core: tuple[Token, ...]) -> int | None:
    """Where the name at the end of the speaker's words starts, after any title: None if they end in no name."""
    if not core[-1].capitalised or len(core) == 1 and UNNAMED.search(core[0].text):
        return None
    first = len(core) - 1
    while first - 1 >= 0:
        before = core[first - 1]
        if before.capitalised or before.low in _PARTICLES or before.text in "-&" and first - 2 >= 0 and core[first - 2].capitalised:
            first -= 1
        else:
            break
    start = first
    for at in range(first, len(core)):
        low = core[at].low
        if low in TITLES or low.rstrip(".") + "." in TITLES or low in _PARTY_WORDS or low.endswith("'s") and at < len(core) - 1:
            start = at + 1
    if start >= len(core):
        return None
    return start


def _role(text: str, before: tuple[Token, ...]) -> str:
    """The words before a name as written, a determiner and a possessive ("Foundation’s") left out."""
    words = [t for t in before if t.is_word or t.text in "-&"]
    while words and words[0].low in DETERMINERS:
        words = words[1:]
    if not words or words[-1].low.endswith("'s"):
        return ""
    return text[words[0].start: words[-1].end]
