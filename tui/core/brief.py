"""The state of play as a document a newsroom can paste anywhere, and a quote as one attribution line.

Pure functions over a snapshot (and, for "what changed", the journal's reloads): the
`peacewatch brief` command and the dashboard build the same document here. A document is
a list of blocks (headings, paragraphs, lists) whose text from the store is kept apart
from the document's own syntax, so each format escapes only what came from the content:
a quote holding `*`, `#`, backticks or `[x](y)` reads as written in Markdown, and an
escape code never reaches a terminal or a chat window.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.safe_text import visible
from tui.core.snapshot import Snapshot

if TYPE_CHECKING:
    from tui.core.journal import Reload
    from tui.core.model import Deadline, Event, Issue, Quote

FORMATS = ("markdown", "text")
WIDTH = 72
"""Plain text wraps here: a chat window, an email, a terminal all show it whole."""
LATEST_EVENTS = 8
KEY_QUOTES = 15

LADDER = ("proposed", "under-negotiation", "framework-agreed-in-principle", "final-stages", "agreed", "signed")
"""The stages a deal climbs, in order (stalled and collapsed are off it); the dashboard draws the same."""


# -- the document: blocks of inline parts ---------------------------------------------------


@dataclass(frozen=True)
class Link:
    """Text that points at an address (shown as "text (address)" in plain text)."""

    text: str
    url: str


@dataclass(frozen=True)
class Strong:
    """Text in bold in Markdown, plain in plain text."""

    text: str


Part = str | Link | Strong
"""A plain `str` part is text from the content: escaped for Markdown, never syntax."""
Inline = tuple[Part, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    parts: Inline


@dataclass(frozen=True)
class Para:
    parts: Inline


@dataclass(frozen=True)
class Item:
    parts: Inline
    sub: tuple[Inline, ...] = ()
    """Lines under the item (a quote's context, its source), one level in."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


Block = Heading | Para | Bullets


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)

    def heading(self, level: int, *parts: Part) -> None:
        self.blocks.append(Heading(level, parts))

    def para(self, *parts: Part) -> None:
        self.blocks.append(Para(parts))

    def bullets(self, items: Iterable[Item]) -> None:
        items = tuple(items)
        if items:
            self.blocks.append(Bullets(items))


def clean(text: str | None) -> str:
    """Content text on one line: every control character visible, runs of white space one space."""
    return " ".join(visible(text or "").split())


def long_date(date: dt.date | None) -> str:
    """25 November 2025: a date as an attribution line writes it."""
    return date.strftime("%-d %B %Y") if date else ""


def short_date(date: dt.date | None) -> str:
    return date.strftime("%-d %b %Y") if date else "undated"


# -- attribution --------------------------------------------------------------------------

_MEDIUM_PHRASE = {
    "press-conference": ("at a press conference", ("press conference", "briefing")),
    "interview": ("in an interview", ("interview",)),
    "post-on-x": ("in a post on X", ("on x", "x post", "twitter")),
    "post-on-truth-social": ("in a post on Truth Social", ("truth social",)),
    "post-on-telegram": ("in a post on Telegram", ("telegram",)),
    "social-post": ("in a social media post", ("post",)),
    "statement": ("in a statement", ("statement",)),
    "speech": ("in a speech", ("speech", "remarks", "comments", "address")),
}
"""Each medium as the phrase an attribution adds, unless the reporting chain already says it
in the source's words (which are better than ours). Anonymous, article and other add nothing:
an unnamed official is said by the speaker, and an article is the source itself."""

_SAYING_VERB = re.compile(
    r"^(told|said|says|wrote|writes|posted|added|stated|declared|announced|tweeted|insisted|warned|"
    r"claimed|argued|noted|explained|asked|replied|answered|stressed|suggested|acknowledged|confirmed)\b",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^(A|An|The) ")
_ENDS_AS_SAID = re.compile(r"[,?!…]['’\"”]?$")
"""Words that end like this are followed by "X said"; others ("welcomed", a full stop) by a dash."""


def _speaker(quote: Quote, snapshot: Snapshot) -> str:
    """Who said it, as the subject of an attribution: name, then role (or party) in apposition."""
    # "a Trump administration official said", not "A Trump …": the name never opens the line.
    speaker = _LEADING_ARTICLE.sub(lambda m: m[1].lower() + " ", clean(quote.speaker))
    if quote.speaker_role:
        return f"{speaker}, {clean(quote.speaker_role)}"
    party = snapshot.party_by_id.get(quote.party or "")
    if party is not None and clean(party.name).casefold() not in speaker.casefold():
        return f"{speaker} ({clean(party.name)})"
    return speaker


def _according_to(source_id: str, snapshot: Snapshot) -> str:
    source = snapshot.source_by_id.get(source_id)
    if source is None:
        return f"according to a source the store does not name ({clean(source_id)})"
    return f"according to {clean(source.outlet)}"


def attribution(quote: Quote, snapshot: Snapshot, with_url: bool = True) -> str:
    """The quote as one line a reporter can paste, e.g.

    “If the spirit … situation,” Sergey Lavrov, Russian Foreign Minister, told reporters at a
    press conference on 25 November 2025, according to Meduza.

    Built from the speaker and role (or party), how the words reached the source (in the
    source's own words), the medium where those do not say it, the date and the source's
    outlet; its address follows where it is known. The quote's words are never changed:
    words that end as said words do ("…situation,") are followed by "X said"; a fragment
    or a full stop by a dash ("“welcomed” — Sergey Lavrov, …, speaking at a press conference").
    """
    text = clean(quote.text)
    steps = [step for step in (clean(s) for s in quote.reported_by) if step]
    said_as = " ".join(steps).casefold()
    phrase, covered = _MEDIUM_PHRASE.get(quote.medium.value, ("", ()))
    medium = phrase if phrase and not any(re.search(rf"\b{re.escape(word)}\b", said_as) for word in covered) else ""
    when = f"on {long_date(quote.date)}" if quote.date else ""
    sentence = bool(_ENDS_AS_SAID.search(text))
    subject = _speaker(quote, snapshot)
    verb = steps[0] if steps and _SAYING_VERB.match(steps[0]) else ""
    adjuncts = steps[1:] if verb else list(steps)
    if sentence and not verb:
        verb = "said"
    if verb:
        # "X, role, told reporters at a press conference on 25 November 2025, cited by …"
        comma = "," if quote.speaker_role else ""
        pieces = [f"{subject}{comma} {' '.join(filter(None, [verb, medium, when]))}", *adjuncts]
    else:
        # No saying verb: how it was said stands beside the name ("X, speaking at a press conference").
        placed = " ".join(filter(None, [medium, when]))
        if placed and adjuncts:
            adjuncts[-1] += " " + placed
        elif placed:
            adjuncts = [placed]
        pieces = [subject, *adjuncts]
    line = ", ".join([*pieces, _according_to(quote.source, snapshot)]) + "."
    result = f"“{text}” {line}" if sentence else f"“{text}” — {line}"
    source = snapshot.source_by_id.get(quote.source)
    if with_url and source is not None and source.url:
        result += f" {clean(source.url)}"
    return result


def source_url(snapshot: Snapshot, kind: str, item_id: str) -> tuple[str | None, str]:
    """The address of an item's source, if known, and what to say of it: (url, description)."""
    item: object = None
    if kind == "quote":
        item = snapshot.quote_by_id.get(item_id)
    elif kind == "event":
        item = snapshot.event_by_id.get(item_id)
    elif kind == "issue":
        item = snapshot.issue_by_id.get(item_id)
    elif kind == "status":
        item = snapshot.status
    source_id: str | None = getattr(item, "source", None)
    if not source_id:
        return None, f"This {kind} names no source."
    source = snapshot.source_by_id.get(source_id)
    if source is None:
        return None, f"Its source {clean(source_id)} is not in the store."
    described = clean(source.outlet) + (f", “{clean(source.title)}”" if source.title else "")
    if not source.url:
        return None, f"No address is known for its source ({described})."
    if not _WEB.match(source.url.strip()):
        # Only a web address is handed to the browser: a file: or javascript: address from the content is not opened.
        return None, f"Its source's address is not a web address, so it is not opened: {clean(source.url)}"
    return source.url.strip(), described


# -- the brief ----------------------------------------------------------------------------


def _source_parts(source_id: str | None, snapshot: Snapshot) -> Inline:
    """A source as the brief cites it: outlet, title and date, linked where the address is known."""
    if not source_id:
        return ("no source given",)
    source = snapshot.source_by_id.get(source_id)
    if source is None:
        return (f"{clean(source_id)} (not in the store)",)
    name = clean(source.outlet) + (f", “{clean(source.title)}”" if source.title else "")
    dated = f" ({short_date(source.date)})" if source.date else ""
    if source.url and _WEB.match(source.url.strip()):
        return (Link(name, source.url.strip()), dated)
    if source.url:
        return (name + dated, f", {clean(source.url)}")
    return (name + dated,)


_WEB = re.compile(r"^https?://\S+$", re.IGNORECASE)


def _stage_line(stage: str, label: str) -> str:
    if stage in LADDER:
        return f"Stage: {label} (step {LADDER.index(stage) + 1} of {len(LADDER)} on the way to a signed deal)"
    return f"Stage: {label} (off the way to a signed deal)"


def _status(doc: Document, snapshot: Snapshot) -> None:
    status = snapshot.status
    doc.heading(2, "Where the deal stands")
    if status is None:
        doc.para("The store has no deal status yet.")
        return
    since = f", since {short_date(status.since)}" if status.since else ""
    doc.para(Strong(_stage_line(status.stage.value, status.stage.label) + since))
    doc.para(Strong(clean(status.headline)))
    if status.summary:
        doc.para(clean(status.summary))
    doc.para("Source: ", *_source_parts(status.source, snapshot))


def _deadline_item(deadline: Deadline, snapshot: Snapshot, today: dt.date) -> Item:
    if deadline.date < today:
        state = f" (passed; {deadline.outcome.label})" if deadline.outcome else " (passed; outcome unknown)"
    else:
        days = (deadline.date - today).days
        state = " (today)" if days == 0 else f" (in {days} day{'s' if days != 1 else ''})"
    return Item((Strong(short_date(deadline.date)), f"{state}: {clean(deadline.what)}"), (("Source: ", *_source_parts(deadline.source, snapshot)),))


def _deadlines(doc: Document, snapshot: Snapshot, today: dt.date, only: Sequence[Deadline] | None = None) -> None:
    deadlines = list(only) if only is not None else (snapshot.story.deadlines if snapshot.story else [])
    doc.heading(2, "Deadlines")
    if not deadlines:
        doc.para("None recorded.")
        return
    doc.bullets(_deadline_item(d, snapshot, today) for d in sorted(deadlines, key=lambda d: d.date))


def _issue(doc: Document, issue: Issue, snapshot: Snapshot) -> None:
    doc.heading(3, clean(issue.title), f" ({issue.status.label})")
    if issue.why:
        doc.para(clean(issue.why))
    if issue.source:
        doc.para("Source: ", *_source_parts(issue.source, snapshot))
    order = {party.id: index for index, party in enumerate(snapshot.parties)}
    items = []
    for position in sorted(issue.positions, key=lambda p: order.get(p.party, len(order))):
        says = f": {clean(position.says)}" if position.says else ""
        sub: list[Inline] = []
        for quote_id in position.quotes:
            quote = snapshot.quote_by_id.get(quote_id)
            if quote is not None:
                sub.append((f"“{clean(quote.text)}” — {clean(quote.speaker)}",))
        if position.source and position.source != issue.source:  # the issue's own source is cited above
            sub.append(("Source: ", *_source_parts(position.source, snapshot)))
        items.append(Item((Strong(clean(snapshot.party_name(position.party))), f" {position.stance.label}{says}"), tuple(sub)))
    if items:
        doc.bullets(items)
    else:
        doc.para("No positions recorded.")


def _event_item(event: Event, snapshot: Snapshot) -> Item:
    if event.date:
        when = short_date(event.date)
    else:
        source = snapshot.source_by_id.get(event.source)
        when = clean(event.when) + (f", per {short_date(source.date)}" if event.when and source and source.date else "")
        when = when or "undated"
    place = f" ({clean(event.place)})" if event.place else ""
    sub: list[Inline] = [(clean(event.summary),)] if event.summary else []
    sub.append(("Source: ", *_source_parts(event.source, snapshot)))
    return Item((Strong(when), f": {clean(event.title)}{place}"), tuple(sub))


def _quote_item(quote: Quote, snapshot: Snapshot) -> Item:
    sub: list[Inline] = []
    if quote.context:
        sub.append((f"In context: {clean(quote.context)}",))
    sub.append(("Source: ", *_source_parts(quote.source, snapshot)))
    return Item((attribution(quote, snapshot, with_url=False),), tuple(sub))


def _title(doc: Document, snapshot: Snapshot, subtitle: str) -> None:
    story = snapshot.story
    doc.heading(1, clean(story.title) if story else "Untitled story")
    doc.para(subtitle)


def _key_quotes(snapshot: Snapshot) -> list[Quote]:
    """The quotes positions cite first (they back the state of play), then the newest; newest first."""
    cited = {qid for issue in snapshot.issues for p in issue.positions for qid in p.quotes}
    ranked = sorted(snapshot.quotes, key=lambda q: q.id not in cited)[:KEY_QUOTES]
    keep = {q.id for q in ranked}
    return [q for q in snapshot.quotes if q.id in keep]


def brief(snapshot: Snapshot, today: dt.date, written: dt.datetime) -> Document:
    """The whole state of play: story, stage and headline, deadlines, issues with every side,
    the latest events and the key quotes, each with its source."""
    doc = Document()
    story = snapshot.story
    as_of = f"State of play as of {short_date(story.as_of)}" if story else "State of play"
    _title(doc, snapshot, f"{as_of}. Brief written {written:%-d %b %Y %H:%M}.")
    if story and story.covers:
        doc.para(clean(story.covers))
    _status(doc, snapshot)
    _deadlines(doc, snapshot, today)
    doc.heading(2, "Issues")
    if not snapshot.issues:
        doc.para("None recorded.")
    for issue in snapshot.issues:
        _issue(doc, issue, snapshot)
    events = list(reversed(snapshot.events))
    doc.heading(2, "Latest events")
    doc.bullets(_event_item(e, snapshot) for e in events[:LATEST_EVENTS])
    if not events:
        doc.para("None recorded.")
    elif len(events) > LATEST_EVENTS:
        earlier = len(events) - LATEST_EVENTS
        doc.para(f"{earlier} earlier event{' is' if earlier == 1 else 's are'} in the store.")
    quotes = _key_quotes(snapshot)
    doc.heading(2, "Key quotes")
    doc.bullets(_quote_item(q, snapshot) for q in quotes)
    if not quotes:
        doc.para("None recorded.")
    elif len(snapshot.quotes) > len(quotes):
        more = len(snapshot.quotes) - len(quotes)
        doc.para(f"{more} more quote{' is' if more == 1 else 's are'} in the store.")
    return doc


def changes_brief(snapshot: Snapshot, reloads: Sequence[Reload], since: dt.datetime | None, today: dt.date, written: dt.datetime) -> Document:
    """Only what changed: the journal's lines, then each changed item as it stands now.

    Items since removed are in the lines only; the rest are shown whole, as the full brief
    shows them, so a desk can paste the news without the state of play around it.
    """
    doc = Document()
    after = f" since {since.astimezone():%-d %b %Y %H:%M}" if since else ""
    _title(doc, snapshot, f"What changed{after}. Brief written {written:%-d %b %Y %H:%M}.")
    doc.heading(2, "Changes")
    for reload in reloads:
        count = len(reload.entries)
        doc.bullets([Item(
            (Strong(f"{reload.observed_at.astimezone():%-d %b %Y %H:%M}"), f": {count} change{'' if count == 1 else 's'}"),
            tuple((clean(entry.text),) for entry in reload.entries),
        )])
    touched = {(e.change.kind, e.change.item_id) for r in reloads for e in r.entries}
    kinds = {kind for kind, _ in touched}
    if "status" in kinds:
        _status(doc, snapshot)
    if "story" in kinds and snapshot.story is not None:
        _deadlines(doc, snapshot, today)
    issues = [i for i in snapshot.issues if ("issues", i.id) in touched]
    if issues:
        doc.heading(2, "Issues")
        for issue in issues:
            _issue(doc, issue, snapshot)
    events = [e for e in reversed(snapshot.events) if ("events", e.id) in touched]
    if events:
        doc.heading(2, "Events")
        doc.bullets(_event_item(e, snapshot) for e in events)
    quotes = [q for q in snapshot.quotes if ("quotes", q.id) in touched]
    if quotes:
        doc.heading(2, "Quotes")
        doc.bullets(_quote_item(q, snapshot) for q in quotes)
    return doc


# -- formats ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!$@^])")
_MD_EMOJI = re.compile(r":(?=[A-Za-z0-9_+-]+:)")
"""The opening colon of what GitHub would turn into an emoji (`:fire:`); "18:00" stays as it is."""
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Content text as Markdown that shows exactly it: no emphasis, code, link, heading,
    list, HTML, entity, mention, emoji or maths can start inside it (GitHub's flavour)."""
    text = _MD_SPECIAL.sub(r"\\\1", visible(text))
    text = _MD_EMOJI.sub(r"\\:", text)
    # At the start of a line a dash, a plus, `>` or `1.` would open a list or a quote.
    return _MD_LINE_START.sub(lambda m: m[1] + ("\\" + m[2] if not m[2].isdigit() else m[2] + "\\"), text)


def _md_url(url: str) -> str:
    # In angle brackets an address may hold spaces and parentheses; only < and > must go.
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


def _md_inline(parts: Inline) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            out.append(f"[{md_escape(part.text)}]({_md_url(part.url)})")
        elif isinstance(part, Strong):
            out.append(f"**{md_escape(part.text)}**")
        else:
            out.append(md_escape(part))
    return "".join(out)


def markdown(doc: Document) -> str:
    """The document as Markdown (CommonMark, as GitHub renders it)."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines.append("#" * block.level + " " + _md_inline(block.parts))
        elif isinstance(block, Para):
            lines.append(_md_inline(block.parts))
        else:
            for item in block.items:
                lines.append("- " + _md_inline(item.parts))
                lines += ["  - " + _md_inline(sub) for sub in item.sub]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _plain_inline(parts: Inline) -> str:
    out, urls = [], []
    for part in parts:
        if isinstance(part, Link):
            # The address goes last, after a space: chat apps link it whole, with no bracket or full stop stuck to it.
            out.append(visible(part.text))
            urls.append(visible(part.url))
        elif isinstance(part, Strong):
            out.append(visible(part.text))
        else:
            out.append(visible(part))
    return " ".join(["".join(out), *urls])


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    if width <= 0:
        return [first + text]
    # Never inside a word or at a hyphen: an address or a name cut in two cannot be clicked or searched.
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False) or [first]


def plain_text(doc: Document, width: int = WIDTH) -> str:
    """The document as plain text for chat apps and email: no Markdown, no box drawing;
    headings in capitals, bullets as •, wrapped at `width` columns (0: one line a paragraph)."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            # Capitals mark a section where there are no heading styles; a title and an issue read as written.
            text = _plain_inline(block.parts)
            lines += _wrap(text.upper() if block.level == 2 else text, width, "", "")
        elif isinstance(block, Para):
            lines += _wrap(_plain_inline(block.parts), width, "", "")
        else:
            for item in block.items:
                lines += _wrap(_plain_inline(item.parts), width, "• ", "  ")
                for sub in item.sub:
                    lines += _wrap(_plain_inline(sub), width, "  ◦ ", "    ")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render(doc: Document, form: str, width: int = WIDTH) -> str:
    if form == "markdown":
        return markdown(doc)
    if form == "text":
        return plain_text(doc, width)
    raise ValueError(f"unknown format {form!r}: use one of {', '.join(FORMATS)}")


def file_name(written: dt.datetime) -> str:
    """A brief's file name: dated, so the briefs of a day sort and none overwrites another."""
    return f"peacewatch-brief-{written:%Y-%m-%d-%H%M}.md"
