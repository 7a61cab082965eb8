"""A quote the finder proposes: the article's words, verbatim, with who said them and how it is known."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tui.core.model.vocab import Medium


@dataclass(frozen=True)
class Proposal:
    """One direct quote of an article, for an editor to accept, correct or leave out.

    Every text in it is the article's own: `words` is exactly `text[start:end]` (the marks around
    it left out), `speaker` exactly `text[speaker_start:speaker_end]`, `context` the sentence or
    sentences around the quote. What is not in the article stays empty: no speaker is invented for
    a quote the article does not attribute (those are not proposed at all).
    """

    words: str
    start: int
    end: int
    speaker: str | None
    """The speaker as the article writes them: a name ("Lavrov") or a description ("a U.S. official")."""
    speaker_start: int | None
    speaker_end: int | None
    person: str | None
    """The id of the store's person the speaker is, when they are one."""
    party: str | None
    """The person's party, or the party an unnamed speaker's description names."""
    cue: str
    """The words that attribute the quote: "told reporters", "said", "wrote on X", "according to him"."""
    medium: Medium
    reported_by: tuple[str, ...]
    """How the words reached the article, step by step, in its own words ("told Axios")."""
    context: str
    context_start: int
    role: str = ""
    """The speaker's title or role where the article gives it beside the name ("Financial Times journalist")."""
    pronoun: bool = False
    """The article names the speaker here by a pronoun ("According to him"), resolved to the nearest
    named person before it; `mention_start`/`mention_end` are where the pronoun stands."""
    mention_start: int | None = None
    mention_end: int | None = None
    """Where this quote's own attribution names its speaker: the pronoun, or the speaker's words."""
    date: dt.date | None = None
    """The article's publication date when it was given: the day it printed the words, not
    necessarily the day they were said."""
    duplicate: bool = False
    """The store already holds these words for this speaker."""
    paragraphs: int = 1
    """How many paragraphs the quote runs over (the re-opening marks between them are in `words`)."""

    def as_json(self) -> dict[str, Any]:
        """The proposal as plain JSON data, for `--json` and other programs."""
        return {
            "words": self.words,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "person": self.person,
            "party": self.party,
            "cue": self.cue,
            "medium": self.medium.value,
            "context": self.context,
            "context_start": self.context_start,
            "reported_by": list(self.reported_by),
            "role": self.role,
            "pronoun": self.pronoun,
            "mention_start": self.mention_start,
            "mention_end": self.mention_end,
            "date": self.date.isoformat() if self.date else None,
            "date_is": "the article's publication date" if self.date else None,
            "duplicate": self.duplicate,
            "paragraphs": self.paragraphs,
        }
