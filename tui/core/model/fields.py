"""The fields an editor fills in for each kind of item, in the order forms and commands show them.

One table for the dashboard's forms and the command line's options, so the two never
disagree on what a field is called, what it holds or whether it is required. Light (no
pydantic): the UI reads it to build its forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.model.vocab import Described, DocumentStatus, DocumentType, IssueStatus, Medium, MeetingFormat, Outcome, PartyRole, PointChange, Stage, Stance


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
    "document": (
        Spec("title", "Title", required=True, hint="as the sources name it, e.g. 28-point peace plan"),
        Spec("type", "Type", "word", required=True, vocab=DocumentType),
        Spec("version", "Version", hint='as the sources name it, e.g. "initial", "second draft"'),
        Spec("supersedes", "Supersedes", "ref", refs="documents", hint="the earlier version this one replaces"),
        Spec("presented_by", "Presented by", "refs", refs="parties"),
        Spec("status", "Status", "word", required=True, vocab=DocumentStatus),
        Spec("date", "Date", "date", hint=_DATE_HINT),
        Spec("when", "When, in words", hint='if there is no exact date, e.g. "last week"'),
        Spec("summary", "Summary", "text", hint="what the sources say of it as a whole"),
        Spec("source", "Source", "ref", required=True, refs="sources"),
    ),
    "point": (
        Spec("number", "Number", hint="its number in the document, where the sources give one"),
        Spec("says", "Says", "text", hint="what the point says, as the sources put it; empty if dropped"),
        Spec("issues", "Issues", "refs", refs="issues"),
        Spec("status", "Status", "word", vocab=IssueStatus),
        Spec("change", "Change", "word", vocab=PointChange, hint="how it came from the version this one supersedes"),
        Spec("earlier", "From earlier points", "lines", hint="ids of the superseded version's points it comes from, one per line"),
        _SOURCE,
    ),
    "point count": (
        Spec("count", "Number of points", required=True, hint="as this source gives it"),
        Spec("source", "Source", "ref", required=True, refs="sources"),
        Spec("note", "Note"),
    ),
}
"""Every kind's fields (ids are made from them, never typed)."""

ORDER: dict[str, tuple[str, ...]] = {
    "story": ("title", "covers", "as_of", "deadlines"),
    "deal status": ("stage", "headline", "summary", "since", "source", "history"),
    "earlier stage": ("stage", "date", "when", "headline", "source"),
    "deadline": ("date", "what", "outcome", "source"),
    "party": ("id", "name", "short", "role", "people"),
    "person": ("id", "name", "title", "aliases"),
    "issue": ("id", "title", "status", "why", "source", "positions"),
    "position": ("party", "stance", "says", "quotes", "events", "source"),
    "quote": ("id", "text", "context", "speaker", "speaker_role", "party", "date", "medium", "reported_by", "source", "issues"),
    "event": ("id", "title", "date", "when", "place", "venue", "format", "parties", "host", "mediator", "participants", "summary",
              "source"),
    "source": ("id", "outlet", "title", "date", "url", "note", "archive"),
    "capture": ("file", "captured", "sha256", "url", "note"),
    "document": ("id", "title", "type", "version", "supersedes", "presented_by", "status", "date", "when", "summary", "source",
                 "point_counts", "points", "positions"),
    "point": ("id", "number", "says", "issues", "status", "change", "earlier", "source", "positions"),
    "point count": ("count", "source", "note"),
}
"""The order of each kind's keys as the editors' guide writes them: where a new key goes."""

CHILD = {"people": "person", "positions": "position", "deadlines": "deadline", "history": "earlier stage", "archive": "capture",
         "points": "point", "point_counts": "point count"}
"""The kind of each nested list's entries."""


def spec(noun: str, key: str) -> Spec:
    return next(s for s in FIELDS[noun] if s.key == key)
