"""The content model: what each kind of item in the store holds, validated by pydantic.

Every model is frozen, so a loaded store is an immutable snapshot that can be shared
with the UI and compared field by field. Field docstrings become the JSON Schema's
descriptions, which editors with a YAML language server show as you type.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from tui.core.model.vocab import DocumentStatus, DocumentType, IssueStatus, Medium, MeetingFormat, Outcome, PartyRole, PointChange, Stage, Stance
from tui.core.text.safe_text import shown

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLAUSIBLE_YEARS = (1900, 2100)
"""Dates outside these years are typing slips (9999, 2205), not news."""


def _iso_date(value: Any) -> Any:
    """Accept only YYYY-MM-DD text: pydantic alone would also take numbers as timestamps."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"expected a date as YYYY-MM-DD, found {shown(value)}")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{shown(value)} is not a real date (check the month and day)") from None
    if not PLAUSIBLE_YEARS[0] <= date.year <= PLAUSIBLE_YEARS[1]:
        raise ValueError(f"{shown(value)}: the year {date.year} cannot be right for this story; check the year")
    return date


def _time_zone(value: Any) -> Any:
    """An IANA time zone name this machine knows (`Europe/Kyiv`, `UTC`)."""
    from tui.core.model.clock import zone

    if not isinstance(value, str) or zone(value) is None:
        raise ValueError(f"{shown(value)} is not a time zone name; use an IANA name such as Europe/Kyiv, America/New_York or UTC")
    return value


def _as_list(value: Any) -> Any:
    """Let a single text stand for a one-item list, as editors naturally write it."""
    return [value] if isinstance(value, str) else value


Date = Annotated[dt.date, BeforeValidator(_iso_date)]
TimeZone = Annotated[str, BeforeValidator(_time_zone)]
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80),
    Field(description="Lower-case letters, digits and dashes, unique among items of its kind."),
]
Ids = Annotated[list[Id], BeforeValidator(_as_list)]
PersonRef = Annotated[
    str,
    StringConstraints(pattern=r"^([a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9-]*$", max_length=161),
    Field(description="A person, as PARTY/PERSON (russia/vladimir-putin) or the person's id alone where only one party has it."),
]
PersonRefs = Annotated[list[PersonRef], BeforeValidator(_as_list)]
Text = Annotated[str, StringConstraints(max_length=10_000)]
Line = Annotated[str, StringConstraints(max_length=500)]


class Item(BaseModel):
    """Base of every model: unknown fields are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Deadline(Item):
    """A date by which something is due or expected."""

    date: Date
    what: Line
    """What is due, in a line."""
    outcome: Outcome | None = None
    """Once the date has passed: whether it was met or slipped, as the sources say (else unknown)."""
    source: Id | None = None
    """The source that reports the deadline."""


class Story(Item):
    """What the store follows."""

    title: Line
    covers: Text = ""
    """What the story covers, in a sentence or two."""
    as_of: Date
    """The date the facts in the store are current to."""
    timezone: TimeZone | None = None
    """The IANA time zone whose calendar the story's dates follow (e.g. Europe/Kyiv): sets "today"
    for its dates and countdowns. Without it, a date is after today only once it is after today
    everywhere on Earth."""
    deadlines: list[Deadline] = []


class Person(Item):
    """Someone who speaks or acts for a party."""

    id: Id
    name: Line
    title: Line = ""
    """Their title or role, as the sources give it."""
    aliases: Annotated[list[Line], BeforeValidator(_as_list)] = []
    """Other names or spellings the sources give them (Zelenskyy, Зеленський): a quote found in an
    article under one of them is proposed as theirs."""


class Party(Item):
    """A country, organisation or outlet with a part in the story."""

    id: Id
    name: Line
    short: Line = ""
    """A short name for narrow columns, e.g. "U.S."; the name is used if empty."""
    role: PartyRole
    people: list[Person] = []

    @property
    def label(self) -> str:
        return self.short or self.name


class StageChange(Item):
    """A stage the deal was at before the current one."""

    stage: Stage
    date: Date | None = None
    """When the deal reached this stage, if the sources say."""
    when: Line = ""
    """When, in the sources' words, if no exact date is known ("last week")."""
    headline: Line = ""
    summary: Text = ""
    """The stage's own summary, kept with it when the deal moved on."""
    source: Id | None = None


class DealStatus(Item):
    """Where the deal stands now, and how it got there."""

    stage: Stage
    headline: Line
    """The state of play in one line."""
    summary: Text = ""
    since: Date | None = None
    """When the deal reached the current stage."""
    source: Id | None = None
    history: list[StageChange] = []
    """Earlier stages, oldest first."""


class Position(Item):
    """One party's position on one issue."""

    party: Id
    stance: Stance
    says: Text = ""
    """The position in a sentence, as the sources state it."""
    quotes: Ids = []
    """Quotes that back the position."""
    events: Ids = []
    """Events that back the position."""
    source: Id | None = None


class Issue(Item):
    """A point the deal has to settle."""

    id: Id
    title: Line
    status: IssueStatus
    why: Text = ""
    """Why it matters, as the sources put it."""
    source: Id | None = None
    positions: list[Position] = []


class Quote(Item):
    """A statement, word for word, with who said it and who reported it."""

    id: Id
    text: Annotated[Text, StringConstraints(min_length=1)]
    """The words exactly as quoted; editorial brackets like [sic] are kept."""
    context: Text = ""
    """The sentence the source wraps the quote in, for quoted fragments."""
    speaker: Line
    """Who said it; an unnamed speaker as the source describes them."""
    speaker_role: Line = ""
    party: Id | None = None
    date: Date | None = None
    medium: Medium
    reported_by: Annotated[list[Line], BeforeValidator(_as_list)] = []
    """How the words reached the source, step by step ("told Axios", "cited by CNN and CBS News")."""
    source: Id
    issues: Ids = []
    """Issues the quote bears on."""


class Event(Item):
    """Something that happened or is scheduled, on the timeline."""

    id: Id
    title: Line
    date: Date | None = None
    when: Line = ""
    """When, in the sources' words, if no exact date is known ("earlier this year")."""
    place: Line = ""
    """The city or country, as the sources name it."""
    venue: Line = ""
    """For a meeting: the building or room it was held in, as the sources name it (the place stays the city)."""
    format: MeetingFormat | None = None
    """For a meeting: how they met, in person, by phone or by video."""
    parties: Ids = []
    host: Id | None = None
    """For a meeting: the party that hosted it."""
    mediator: Id | None = None
    """For a meeting: the party that mediated it."""
    participants: PersonRefs = []
    """For a meeting: the people at it, each as PARTY/PERSON (russia/vladimir-putin), or the person's id
    alone where only one party has that person."""
    summary: Text = ""
    source: Id


def _point_number(value: Any) -> Any:
    """A point's number as the document gives it: 12 and "12a" alike, kept as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class PointCount(Item):
    """How many points a source says a document has: sources that disagree are each kept."""

    count: Annotated[str, BeforeValidator(_point_number), StringConstraints(pattern=r"^[1-9][0-9]{0,3}$"),
                     Field(description="A whole number of points, as the source gives it.")]
    source: Id
    note: Line = ""


class Point(Item):
    """One point of a document, as the sources put it."""

    id: Id
    """Unique among the document's points: what a later version's points name in `earlier`."""
    number: Annotated[Line, BeforeValidator(_point_number)] = ""
    """Its number in the document, where the sources give one (12, 12a)."""
    says: Text = ""
    """What the point says, as the sources put it; empty for a dropped point."""
    issues: Ids = []
    """Issues the point touches."""
    status: IssueStatus | None = None
    """How close the parties are on it."""
    change: PointChange | None = None
    """How it came from the version this one supersedes; `dropped` records a point of that version
    this one leaves out, so no point's fate is a silence."""
    earlier: Ids = []
    """The ids of the points of the superseded version it comes from (two or more if merged; the
    dropped point for `dropped`)."""
    source: Id | None = None
    positions: list[Position] = []
    """Parties' stances on this point."""


class Document(Item):
    """A text of the talks: a plan, a draft, a framework, a statement of principles."""

    id: Id
    title: Line
    type: DocumentType
    version: Line = ""
    """Its version, as the sources name it ("initial", "second draft")."""
    supersedes: Id | None = None
    """The document this one replaces: its earlier version."""
    presented_by: Ids = []
    """The parties that presented it."""
    status: DocumentStatus
    date: Date | None = None
    when: Line = ""
    """When, in the sources' words, if no exact date is known ("last week")."""
    summary: Text = ""
    """What the sources say of it as a whole."""
    source: Id
    point_counts: list[PointCount] = []
    """How many points the sources say it has, each count with its source."""
    points: list[Point] = []
    positions: list[Position] = []
    """Parties' stances on the document as a whole."""


def _archive_file(value: Any) -> Any:
    """A path inside the content folder, with forward slashes: never absolute, never out of it."""
    if not isinstance(value, str) or not value or value.startswith("/") or "\\" in value or ":" in value.split("/")[0] \
            or any(part in ("", ".", "..") or part.startswith(".") for part in value.split("/")):
        raise ValueError(f"{shown(value)} is not a file inside the content folder; write it as archive/NAME, with forward slashes")
    return value


Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$"), Field(description="64 lower-case hexadecimal digits.")]


class Capture(Item):
    """One archived copy of a source: its bytes as captured (a text file, or a saved web page),
    kept in the content folder under the SHA-256 of those bytes."""

    file: Annotated[Line, BeforeValidator(_archive_file)]
    """Where the copy is, relative to the content folder: archive/<its SHA-256>.html (or .txt, .md)."""
    captured: Date
    """When the copy was captured, YYYY-MM-DD."""
    sha256: Sha256
    """The SHA-256 of the file's bytes: a copy that no longer matches it is reported, never trusted."""
    url: Line | None = None
    """The address it was captured from, where known; never guessed."""
    note: Text = ""
    """How the copy was come by, what its date means."""


class Source(Item):
    """Where facts and quotes come from."""

    id: Id
    outlet: Line
    title: Line = ""
    date: Date | None = None
    url: Line | None = None
    """Only where the address is known; never guessed."""
    note: Text = ""
    archive: list[Capture] = []
    """Archived copies of the source, oldest first (a newer capture of the same address goes after
    the older, which stays): `peacewatch verify` checks every quote citing it against the newest."""

    @property
    def newest_capture(self) -> Capture | None:
        """The capture quotes are checked against: the latest captured, the last listed of a day."""
        return max(reversed(self.archive), key=lambda c: c.captured, default=None) if self.archive else None


class ContentFile(Item):
    """One YAML file of the store: any of these sections, each optional.

    `story` and `status` must each appear in exactly one file of the store; the lists
    may be split across as many files as you like (one quotes file per day, say).
    """

    story: Story | None = None
    status: DealStatus | None = None
    parties: list[Party] = []
    issues: list[Issue] = []
    quotes: list[Quote] = []
    events: list[Event] = []
    sources: list[Source] = []
    documents: list[Document] = []


def plain_data(item: BaseModel) -> dict[str, Any]:
    """An item as plain JSON-safe data, as the journal writes it (dates as text, words as words)."""
    from pydantic_core import to_jsonable_python

    data: dict[str, Any] = to_jsonable_python(item)
    return data


_FIELDS_SET: dict[frozenset[str], frozenset[str]] = {}


def share_fields_set(content: ContentFile) -> ContentFile:
    """Give every model in `content` one shared, frozen copy of its set of given fields.

    pydantic keeps, per instance, the set of fields the data gave (for `exclude_unset`, which
    nothing here uses): 0.7 kB a quote, a fifth of a large store's memory. Instances given
    the same fields share one frozenset instead. Returns `content`.
    """
    last: tuple[object, frozenset[str]] = (None, frozenset())
    for section in (content.parties, content.issues, content.quotes, content.events, content.sources, content.documents):
        for item in section:
            given = item.__pydantic_fields_set__
            if given != last[0]:
                frozen = frozenset(given)
                last = (given, _FIELDS_SET.setdefault(frozen, frozen))
            object.__setattr__(item, "__pydantic_fields_set__", last[1])
    return content

