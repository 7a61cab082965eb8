"""The fields an editor fills in for each kind of item, in the order forms and commands show them.

One table for the dashboard's forms and the command line's options, so the two never
disagree on what a field is called, what it holds or whether it is required. Light (no
pydantic): the UI reads it to build its forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.model.vocab import Described, IssueStatus, Medium, MeetingFormat, Outcome, PartyRole, Stage, Stance


@dataclass(frozen=True)
class Spec:
    """One field: its key in the file, its label, and what it holds.

    `shape` is one of: line (one line of text), text (may be long), date (YYYY-MM-DD), word (one
    of a vocabulary), ref (the id of an item of `refs`), refs (ids of several), lines (one
    entry per line), url.
    """

    key: str
    label: str
    shape: str = "line"
    required: bool = False
    vocab: type[Described] | None = None
    refs: str = ""
    hint: str = ""

    @property
    def option(self) -> str:
        """Its command-line option: `--speaker-role`."""
        return "--" + self.key.replace("_", "-")

    @property
    def is_list(self) -> bool:
        return self.shape in ("refs", "lines")


_SOURCE = Spec("source", "Source", "ref", refs="sources", hint="where it comes from")
_DATE_HINT = "YYYY-MM-DD; empty unless the source dates it"

FIELDS: dict[str, tuple[Spec, ...]] = {
    "story": (
        Spec("title", "Title", required=True),
        Spec("covers", "What it covers", "text"),
        Spec("as_of", "Current as of", "date", required=True, hint="YYYY-MM-DD: the date the store is brought up to"),
    ),
    "deal status": (
        Spec("headline", "Headline", required=True, hint="the state of play in one line"),
        Spec("summary", "Summary", "text"),
        Spec("since", "Since", "date", hint=_DATE_HINT),
        _SOURCE,
    ),
    "earlier stage": (
        Spec("stage", "Stage", "word", required=True, vocab=Stage),
        Spec("date", "Date", "date", hint=_DATE_HINT),
        Spec("when", "When, in words", hint='if there is no exact date, e.g. "last week"'),
        Spec("headline", "Headline"),
        _SOURCE,
    ),
    "deadline": (
        Spec("date", "Date", "date", required=True, hint="YYYY-MM-DD"),
        Spec("what", "What is due", required=True),
        Spec("outcome", "Outcome", "word", vocab=Outcome, hint="once the date has passed, as the sources say"),
        _SOURCE,
    ),
    "party": (
        Spec("name", "Name", required=True, hint="the full name"),
        Spec("short", "Short name", hint='for narrow columns, e.g. "U.S."'),
        Spec("role", "Role", "word", required=True, vocab=PartyRole),
    ),
    "person": (
        Spec("name", "Name", required=True),
        Spec("title", "Title", hint="their title or role, as the sources give it"),
        Spec("aliases", "Other names", "lines", hint="other spellings the sources use, one per line (Zelenskyy, Зеленський)"),
    ),
    "issue": (
        Spec("title", "Title", required=True, hint="a few words"),
        Spec("status", "Status", "word", required=True, vocab=IssueStatus),
        Spec("why", "Why it matters", "text"),
        _SOURCE,
    ),
    "position": (
        Spec("stance", "Stance", "word", required=True, vocab=Stance),
        Spec("says", "Says", "text", hint="the position in a sentence, as the sources state it"),
        Spec("quotes", "Quotes", "refs", refs="quotes"),
        Spec("events", "Events", "refs", refs="events"),
        Spec("source", "Source", "ref", required=True, refs="sources", hint="where it comes from"),
    ),
    "quote": (
        Spec("text", "Words, exactly as quoted", "text", required=True),
        Spec("context", "Context", "text", hint="the sentence the source wraps a fragment in"),
        Spec("speaker", "Speaker", required=True),
        Spec("speaker_role", "Speaker's role"),
        Spec("party", "Party", "ref", refs="parties"),
        Spec("date", "Date", "date", hint=_DATE_HINT),
        Spec("medium", "Medium", "word", required=True, vocab=Medium),
        Spec("reported_by", "Reported by", "lines", hint='one step per line, e.g. "told Axios"'),
        Spec("source", "Source", "ref", required=True, refs="sources"),
        Spec("issues", "Issues", "refs", refs="issues"),
    ),
    "event": (
        Spec("title", "What happened", required=True),
        Spec("date", "Date", "date", hint=_DATE_HINT),
        Spec("when", "When, in words", hint='if there is no exact date, e.g. "earlier this year"'),
        Spec("place", "Place", hint="the city or country"),
        Spec("venue", "Venue", hint="for a meeting: the building it was held in, as the sources name it"),
        Spec("format", "Format", "word", vocab=MeetingFormat, hint="for a meeting: how they met"),
        Spec("parties", "Parties", "refs", refs="parties"),
        Spec("host", "Host", "ref", refs="parties", hint="for a meeting: the party that hosted it"),
        Spec("mediator", "Mediator", "ref", refs="parties", hint="for a meeting: the party that mediated it"),
        Spec("participants", "Participants", "refs", refs="people", hint="for a meeting: the people at it, as PARTY/PERSON"),
        Spec("summary", "Summary", "text"),
        Spec("source", "Source", "ref", required=True, refs="sources"),
    ),
    "source": (
        Spec("outlet", "Outlet", required=True, hint="who published it"),
        Spec("title", "Title", hint="the headline, copied exactly"),
        Spec("date", "Date", "date", hint="publication date, if the source gives one"),
        Spec("url", "URL", "url", hint="only an address you have seen; never guessed"),
        Spec("note", "Note", "text"),
    ),
}
"""Every kind's fields (ids are made from them, never typed)."""


def spec(noun: str, key: str) -> Spec:
    return next(s for s in FIELDS[noun] if s.key == key)
