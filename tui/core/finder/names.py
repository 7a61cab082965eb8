"""Who a speaker as written is among the store's people: "Lavrov" is Sergey Lavrov, "Zelenskyy" and
"Зеленський" are Zelensky (through his `aliases`), "a Trump administration official" is nobody known
but speaks for the United States.

A name is matched by its words, folded (case, accents, curly apostrophes, a possessive ’s): the
full name or an alias anywhere in the speaker's words, or its last word (the surname) alone. Words
of six letters or more also match when spelt a little differently (Zelenskiy, Zelenskyy), by
rapidfuzz's ratio; shorter ones only exactly, since a letter more makes another name of them
(Putin, Putina). A surname two people share names nobody, unless one of them was named in full.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from tui.core.model.snapshot import Snapshot

FUZZY_FROM = 6
"""Words this long or longer match a slightly different spelling."""
FUZZY_SCORE = 88.0
"""rapidfuzz's ratio (0–100) from which two spellings are one word: Zelensky/Zelenskyy is 94, Lavrov/Lavrova 92."""


@dataclass(frozen=True)
class KnownPerson:
    """A person of the store, as the finder needs them."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    party: str | None = None
    party_names: tuple[str, ...] = ()
    """Their party's name and short name ("United States", "U.S."), to tell whom an unnamed official speaks for."""
    title: str = ""


def known_people(snapshot: Snapshot) -> tuple[KnownPerson, ...]:
    """Every person of every party in the snapshot."""
    return tuple(
        KnownPerson(person.id, person.name, tuple(person.aliases), party.id, tuple(n for n in (party.name, party.short) if n), person.title)
        for party in snapshot.parties
        for person in party.people
    )


def fold(word: str) -> str:
    """A word as names compare: no case, no accents, straight apostrophes, no possessive ’s."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    plain = plain.casefold().replace("’", "'").replace("‘", "'")
    return plain[:-2] if plain.endswith("'s") else plain.rstrip("'")


@dataclass(frozen=True)
class Found:
    person: KnownPerson
    first: int
    """Index of the first word of the match in the words given."""
    last: int
    full: bool
    """Matched by a whole name or alias, not by a surname alone."""


class Roster:
    """The store's people, indexed by the last word of each of their names."""

    def __init__(self, people: Iterable[KnownPerson]) -> None:
        self.people = tuple(people)
        self._by_last: dict[str, list[tuple[KnownPerson, tuple[str, ...]]]] = {}
        for person in self.people:
            for name in (person.name, *person.aliases):
                words = tuple(fold(w) for w in name.split() if fold(w))
                if words:
                    self._by_last.setdefault(words[-1], []).append((person, words))
        self._long = [w for w in self._by_last if len(w) >= FUZZY_FROM]

    def __bool__(self) -> bool:
        return bool(self.people)

    def _last(self, word: str) -> list[tuple[KnownPerson, tuple[str, ...]]]:
        exact = self._by_last.get(word)
        if exact is not None or len(word) < FUZZY_FROM or not self._long:
            return exact or []
        best = process.extractOne(word, self._long, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return self._by_last[best[0]] if best else []

    def find(self, words: Sequence[str], named: frozenset[str] = frozenset()) -> Found | None:
        """The person the words name, the last one if several (a speaker's name ends their words).
        `named`: ids of people named in full earlier, who win a surname two people share."""
        folded = [fold(w) for w in words]
        for last in range(len(folded) - 1, -1, -1):
            if not folded[last] or words[last][:1].islower():
                continue
            candidates = self._last(folded[last])
            full = [(p, v) for p, v in candidates if len(v) > 1 and _ends_with(folded[: last + 1], v)]
            if full:
                person, variant = full[0]
                return Found(person, last - len(variant) + 1, last, True)
            single = [p for p, v in candidates if len(v) == 1]
            people = {p.id: p for p, _ in candidates}
            if len(people) == 1:
                return Found(next(iter(people.values())), last, last, bool(single))
            chosen = [p for p in people.values() if p.id in named]
            if len(chosen) == 1:
                return Found(chosen[0], last, last, False)
        return None

    def party_named(self, words: Sequence[str]) -> str | None:
        """The party an unnamed speaker's words name: a known person's name ("a Trump administration
        official"), a party's name or short name ("a U.S. official"), or its people ("a Russian diplomat")."""
        found = self.find(words)
        if found is not None:
            return found.person.party
        folded = {fold(w) for w in words}
        for person in self.people:
            for name in person.party_names:
                key = fold(name)
                if " " in key and key in " ".join(fold(w) for w in words) or key in folded:
                    return person.party
                stem = key[:-1] if key[-1:] in "aeiou" else key
                if len(stem) >= 4 and any(w.startswith(stem) and len(w) - len(stem) <= 3 for w in folded):
                    return person.party
        return None


def _ends_with(words: Sequence[str], variant: tuple[str, ...]) -> bool:
    if len(words) < len(variant):
        return False
    tail = words[len(words) - len(variant):]
    return all(a == b or len(b) >= FUZZY_FROM and fuzz.ratio(a, b) >= FUZZY_SCORE for a, b in zip(tail, variant, strict=True))
