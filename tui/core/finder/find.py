"""find_quotes: an article's direct quotes, verbatim, each with the speaker the article gives it.

One pass: the quotation marks (`marks`), the sentences around them (`sentences`), each sentence's
cues and the quotes they reach (`attribute`), the speaker as written and who they are in the store
(`speakers`, `names`), then what the cue's words say of the medium and the reporting (`cues`).
A quote the article attributes to nobody is not proposed: a scare quote or a show's name is not
anybody's words, and an editor would only have to delete it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.finder.attribute import Attribution, Cue, alone, attribute, cues_of
from tui.core.finder.cues import PERSONAL, medium, steps
from tui.core.finder.marks import Quoted, quotations
from tui.core.finder.names import KnownPerson, Roster, fold
from tui.core.finder.proposal import Proposal
from tui.core.finder.sentences import Sentence, sentences
from tui.core.finder.speakers import Speaker, speaker_of
from tui.core.model.vocab import Medium

if TYPE_CHECKING:
    from tui.core.model.items import Quote
    from tui.core.model.snapshot import Snapshot


def find_quotes(
    text: str,
    people: Iterable[KnownPerson] = (),
    published: dt.date | None = None,
    stored_quotes: Iterable[Quote] = (),
) -> list[Proposal]:
    """The direct quotes of `text` that it attributes, in the order they appear.

    `people`: the store's people (`known_people(snapshot)`), to tell who a speaker is;
    `published`: the article's publication date, given to each proposal as such;
    `stored_quotes`: the store's quotes, to mark the proposals it already holds.
    """
    quoted = quotations(text)
    if not quoted:
        return []
    roster = Roster(people)
    found: list[Proposal] = []
    previous: tuple[Sentence, Proposal] | None = None
    named: set[str] = set()
    introduced: Attribution | None = None
    for sentence in sentences(text, quoted):
        at_quotes = [i for i, t in enumerate(sentence.tokens) if t.quote >= 0]
        if not at_quotes:
            # "The New York Times confirmed that observation, reporting:" and the quote in the next paragraph.
            cues = cues_of(sentence) if sentence.tokens and sentence.tokens[-1].text == ":" else []
            introduced = Attribution(sentence, cues[-1]) if cues and cues[-1].np is not None else None
            continue
        reached = attribute(sentence, at_quotes, cues_of(sentence))
        for at in at_quotes:
            quote = quoted[sentence.tokens[at].quote]
            cue = reached.get(at)
            if cue is not None and cue.np is not None:
                proposal = _proposal(text, quote, Attribution(sentence, cue), roster, frozenset(named), found)
            elif introduced is not None and alone(sentence):
                proposal = _proposal(text, quote, introduced, roster, frozenset(named), found, sentence)
            elif previous is not None and alone(sentence) and _goes_on(text, previous[0], sentence):
                proposal = _going_on(text, quote, sentence, previous[1])
            else:
                continue
            introduced = None
            if proposal.person:
                named.add(proposal.person)
            found.append(proposal)
            previous = (sentence, proposal)
    stored = _stored(stored_quotes)
    return [replace(p, date=published, duplicate=_held(p, roster, stored)) for p in found]


def find_in_snapshot(text: str, snapshot: Snapshot, published: dt.date | None = None) -> list[Proposal]:
    """find_quotes with the snapshot's people and quotes."""
    from tui.core.finder.names import known_people

    return find_quotes(text, known_people(snapshot), published, snapshot.quotes)


def _goes_on(text: str, before: Sentence, now: Sentence) -> bool:
    """Whether a sentence that is only a quote follows an attributed one closely enough to keep its
    speaker: in the same paragraph, or opening the next one right after it."""
    return now.paragraph == before.paragraph or now.paragraph == before.paragraph + 1 and not text[before.end: now.start].strip()


def _proposal(text: str, quote: Quoted, attribution: Attribution, roster: Roster, named: frozenset[str], earlier: list[Proposal],
              quoted_in: Sentence | None = None) -> Proposal:
    """The proposal for a quote its sentence's cue reaches (or, `quoted_in` a sentence of its own,
    the cue of the sentence that introduced it with a colon)."""
    sentence, cue = attribution.sentence, attribution.cue
    assert cue is not None and cue.np is not None
    tokens = sentence.tokens
    speaker = speaker_of(text, tokens, cue.np, roster, named, cue.mention)
    cue_words = text[tokens[cue.verb].start: tokens[max(cue.verb, cue.cue_end)].end]
    if tokens[cue.verb].low == "according":
        cue_words = text[tokens[cue.verb].start: tokens[cue.np[1]].end]
    left, right = _region(sentence, cue)
    said = text[left:right]
    reported = steps(said)
    pronoun = False
    inherited: Proposal | None = None
    if speaker.kind == "pronoun":
        antecedent = _antecedent(text, speaker, earlier, roster, sentence)
        if antecedent is not None:
            speaker, inherited = antecedent
            pronoun = True
    said_medium = medium(said, speaker.unnamed)
    if inherited is not None and said_medium in (Medium.OTHER, Medium.ANONYMOUS) and not reported:
        said_medium, reported = inherited.medium, list(inherited.reported_by)
    return Proposal(
        words=text[quote.start: quote.end],
        start=quote.start,
        end=quote.end,
        speaker=text[speaker.start: speaker.end],
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        person=speaker.person.id if speaker.person else None,
        party=speaker.party,
        cue=cue_words,
        medium=said_medium,
        reported_by=tuple(reported),
        context=text[sentence.start: (quoted_in or sentence).end],
        context_start=sentence.start,
        role=speaker.role or (speaker.person.title if speaker.person else ""),
        pronoun=pronoun,
        mention_start=speaker.mention[0],
        mention_end=speaker.mention[1],
        paragraphs=quote.paragraphs,
    )


def _going_on(text: str, quote: Quoted, sentence: Sentence, before: Proposal) -> Proposal:
    return replace(
        before,
        words=text[quote.start: quote.end],
        start=quote.start,
        end=quote.end,
        context=text[sentence.start: sentence.end],
        context_start=sentence.start,
        paragraphs=quote.paragraphs,
    )


def _region(sentence: Sentence, cue: Cue) -> tuple[int, int]:
    """The words of the sentence around the cue, between the quotes on either side of it."""
    tokens = sentence.tokens
    first = min(cue.verb, cue.np[0]) if cue.np else cue.verb
    last = max(cue.cue_end, cue.np[1]) if cue.np else cue.cue_end
    left = next((t.end for t in reversed(tokens[:first]) if t.quote >= 0), sentence.start)
    right = next((t.start for t in tokens[last + 1:] if t.quote >= 0), sentence.end)
    return left, right


def _antecedent(text: str, pronoun: Speaker, earlier: list[Proposal], roster: Roster, sentence: Sentence) -> tuple[Speaker, Proposal | None] | None:
    """The nearest named person before a pronoun: a store person named in the text, or the speaker of
    an earlier quote; with the earlier quote of theirs, whose medium a pronoun's cue goes on with."""
    at = pronoun.mention[0]
    personal = text[pronoun.mention[0]: pronoun.mention[1]].casefold() in PERSONAL
    best: tuple[int, Speaker, Proposal | None] | None = None
    for proposal in reversed(earlier):
        if proposal.speaker_start is None or proposal.speaker_end is None or proposal.speaker_end > at:
            continue
        if proposal.pronoun or personal and not proposal.person and not _named(proposal):
            continue
        person = next((p for p in roster.people if p.id == proposal.person), None)
        named = Speaker(proposal.speaker_start, proposal.speaker_end, proposal.role, person, proposal.party, "name", pronoun.mention)
        best = (proposal.speaker_end, named, proposal)
        break
    if roster:
        mention = _last_mention(text, roster, at)
        if mention is not None and (best is None or mention[1] > best[0]):
            person, start, end = mention
            quoted_before = next((p for p in reversed(earlier) if p.person == person.id), None)
            best = (end, Speaker(start, end, person.title, person, person.party, "name", pronoun.mention), quoted_before)
    return (best[1], best[2]) if best else None


def _named(proposal: Proposal) -> bool:
    """Whether an earlier speaker is named (Lavrov), not described (a diplomat, the campaign)."""
    speaker = proposal.speaker or ""
    return speaker[:1].isupper() and speaker.split()[0].casefold() not in ("a", "an", "the")


_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


def _last_mention(text: str, roster: Roster, before: int) -> tuple[KnownPerson, int, int] | None:
    """The last store person named in the text before `before` (by full name, alias or surname)."""
    words = list(_WORDS.finditer(text, max(0, before - 4000), before))
    for index in range(len(words) - 1, -1, -1):
        if not words[index].group()[:1].isupper():
            continue
        window = words[max(0, index - 3): index + 1]
        found = roster.find([w.group() for w in window])
        if found is not None and found.last == len(window) - 1:
            first = window[found.first]
            return found.person, first.start(), window[found.last].end()
    return None


def _stored(quotes: Iterable[Quote]) -> list[tuple[str, str]]:
    return [(_folded_words(q.text), fold(q.speaker)) for q in quotes]


def _folded_words(words: str) -> str:
    plain = re.sub(r"[\"“”„‟«»‘’‚‛'‹›]", "'", words)
    return " ".join(fold(w) for w in plain.split()).strip(" ,.;:!?…'—–-")


def _held(proposal: Proposal, roster: Roster, stored: list[tuple[str, str]]) -> bool:
    """Whether the store holds these words for this speaker (the same words, or a long stretch of them)."""
    if not stored:
        return False
    words = _folded_words(proposal.words)
    names = {fold(proposal.speaker or "")}
    person = next((p for p in roster.people if p.id == proposal.person), None)
    if person is not None:
        names |= {fold(n) for n in (person.name, *person.aliases)}
    for text, speaker in stored:
        if speaker not in names:
            continue
        if text == words or len(min(text, words, key=len).split()) >= 4 and (text in words or words in text):
            return True
    return False
