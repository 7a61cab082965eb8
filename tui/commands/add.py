"""`peacewatch add quote|event|source`: a new item, written beside its neighbours without touching them."""

from __future__ import annotations

import argparse
import sys

from tui.commands.edit_args import kind_parser, run_edit, words
from tui.commands.item_args import add_field_options, field_values
from tui.core.desk import (
    AddDeadline,
    AddDocument,
    AddEvent,
    AddIssue,
    AddParty,
    AddPerson,
    AddPoint,
    AddPointCount,
    AddQuote,
    AddSource,
    AddStance,
    Applied,
    Request,
)
from tui.core.model.fields import FIELDS
from tui.core.model.targets import Target
from tui.core.model.vocab import DocumentStatus, DocumentType, IssueStatus, Medium, MeetingFormat, Outcome, PartyRole, PointChange, Stance


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "each kind has --help: peacewatch add quote --help"
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True, title="kinds")

    quote = kind_parser(kinds, "quote", "add a quote to quotes/DATE.yaml (quotes/undated.yaml without --date)", (Medium,))
    quote.add_argument("--text", required=True, help="the words inside the quotation marks, exactly as the source prints them")
    quote.add_argument("--speaker", required=True, help="who said it; an unnamed speaker as the source describes them")
    quote.add_argument("--source", required=True, metavar="ID", help="the id of the source (from sources.yaml)")
    quote.add_argument("--medium", required=True, metavar="WORD", help=f"where it was said: {words(Medium)}")
    quote.add_argument("--speaker-role", default="", metavar="ROLE", help="their title or role, as the source gives it")
    quote.add_argument("--party", default=None, metavar="ID", help="the id of the party they speak for")
    quote.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="when it was said, only where the source dates it")
    quote.add_argument("--reported-by", action="append", default=[], metavar="STEP",
                       help="how the words reached the source, one step each time it is given ('told Axios')")
    quote.add_argument("--issue", action="append", default=[], metavar="ID", help="an issue it bears on (repeatable)")
    quote.add_argument("--context", default="", help="for a fragment: the source's surrounding sentence, verbatim")

    event = kind_parser(kinds, "event", "add an event to the file holding the latest event (events.yaml)", (MeetingFormat,))
    event.add_argument("--title", required=True, help="what happened, in one line")
    event.add_argument("--source", required=True, metavar="ID", help="the id of the source (from sources.yaml)")
    event.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="only if the sources give it")
    event.add_argument("--when", default="", help="when, in the sources' own words, if there is no exact date")
    event.add_argument("--place", default="", help="where, as the sources name it")
    event.add_argument("--party", action="append", default=[], metavar="ID", help="a party taking part (repeatable)")
    event.add_argument("--summary", default="", help="what happened, in a sentence or two, from the sources")
    event.add_argument("--venue", default="", help="for a meeting: the building it was held in, as the sources name it")
    event.add_argument("--format", default=None, metavar="WORD", help=f"for a meeting: how they met: {words(MeetingFormat)}")
    event.add_argument("--host", default=None, metavar="ID", help="for a meeting: the party that hosted it")
    event.add_argument("--mediator", default=None, metavar="ID", help="for a meeting: the party that mediated it")
    event.add_argument("--participant", action="append", default=[], metavar="PARTY/PERSON",
                       help="for a meeting: a person at it, as PARTY/PERSON (russia/vladimir-putin) (repeatable)")

    source = kind_parser(kinds, "source", "add a source to the file holding the sources (sources.yaml)")
    source.add_argument("--outlet", required=True, help="who published it ('Meduza')")
    source.add_argument("--title", default="", help="the headline, exactly as published")
    source.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="the publication date, if known")
    source.add_argument("--url", default=None, help="only an address you have actually seen; never guessed")
    source.add_argument("--note", default="", help="anything an editor should know: how we came by it, what it covers")


    for noun, what, vocabularies in _MORE:
        sub = kind_parser(kinds, noun, what, vocabularies)
        if noun == "person":
            sub.add_argument("--party", dest="field_party", required=True, metavar="ID", help="the id of the party they speak or act for")
        if noun in ("point", "point-count", "stance"):
            sub.add_argument("--document", required=True, metavar="ID", help="the id of the document")
        if noun == "point":
            sub.add_argument("--id", dest="point_id", default="", metavar="ID",
                             help="the point's id, which a later version's points name in --earlier; made from its number or words if left out")
        if noun == "stance":
            sub.add_argument("--point", default="", metavar="ID", help="the id of the point (else the stance is on the whole document)")
            sub.add_argument("--party", dest="field_party", required=True, metavar="ID", help="the id of the party whose stance it is")
        add_field_options(sub, _FIELDS_OF.get(noun, noun), editing=False)


_MORE = (
    ("party", "add a party to the file holding the parties (parties.yaml)", (PartyRole,)),
    ("person", "add a person to a party's people", ()),
    ("issue", "add an issue to the file holding the issues (issues.yaml)", (IssueStatus,)),
    ("deadline", "add a deadline to the story", (Outcome,)),
    ("document", "add a document (a plan, a draft, a framework) to the file holding the documents (documents.yaml)",
     (DocumentType, DocumentStatus)),
    ("point", "add a point to a document, with how it came from the version the document supersedes", (PointChange, IssueStatus)),
    ("point-count", "add how many points a source says a document has", ()),
    ("stance", "add a party's stance on a document or one of its points", (Stance,)),
)
_FIELDS_OF = {"point-count": "point count", "stance": "position"}
"""The fields table's name for a kind, where the command line's differs."""


def _more(args: argparse.Namespace) -> Request:
    """A party, person, issue or deadline: its fields checked as the forms check them."""
    noun = _FIELDS_OF.get(args.kind, args.kind)
    values = {k: v for k, v in field_values(args, noun).items() if v not in ("", [])}
    missing = [s.option for s in FIELDS[noun] if s.required and s.key not in values]
    if missing:
        raise SystemExit(f"peacewatch add {args.kind}: required: {', '.join(missing)}")
    if args.kind == "party":
        return AddParty(name=str(values["name"]), role=str(values["role"]), short=str(values.get("short", "")))
    if args.kind == "person":
        return AddPerson(party=args.field_party, name=str(values["name"]), title=str(values.get("title", "")),
                         aliases=tuple(str(a) for a in _strings(values.get("aliases"))))
    if args.kind == "document":
        return AddDocument(values)
    if args.kind == "point":
        return AddPoint(args.document, values, point=args.point_id)
    if args.kind == "point-count":
        return AddPointCount(args.document, str(values["count"]), str(values["source"]), str(values.get("note", "")))
    if args.kind == "stance":
        owner = Target("documents", args.document, (("points", args.point),) if args.point else ())
        return AddStance(owner, args.field_party, values)
    if args.kind == "issue":
        return AddIssue(title=str(values["title"]), status=str(values["status"]), why=str(values.get("why", "")),
                        source=_optional(values, "source"))
    return AddDeadline(date=str(values["date"]), what=str(values["what"]), outcome=_optional(values, "outcome"),
                       source=_optional(values, "source"))


def _optional(values: dict[str, object], key: str) -> str | None:
    """A field that may be left out, as text (the command line gives every value as text)."""
    value = values.get(key)
    return None if value is None else str(value)


def _said_of_speaker(args: argparse.Namespace, prog: str, applied: Applied) -> None:
    """Say what the store's people gave the quote: a quote without its party is missed by filters and views."""
    snapshot = applied.state.snapshot
    quote = snapshot.quote_by_id.get(applied.written.item_id)
    known = snapshot.people_named(args.speaker)
    if quote is None:
        return
    filled = ([f"party {quote.party}"] if args.party is None and quote.party else []) + (
        [f"role {quote.speaker_role!r}"] if not args.speaker_role and quote.speaker_role else [])
    if filled and len(known) == 1:
        print(f"{prog}: {args.speaker} is one of {known[0][0].name}'s people: {' and '.join(filled)} filled in", file=sys.stderr)
    elif len(known) > 1 and (args.party is None or not args.speaker_role):
        parties = ", ".join(p.id for p, _ in known)
        print(f"{prog}: more than one person is named {args.speaker} ({parties}): give --party and --speaker-role", file=sys.stderr)
    elif not known and args.party is None:
        print(f"{prog}: {args.speaker} is not among the store's people, so no party or role is filled in; give --party "
              f"(and --speaker-role), or add them first: peacewatch add person", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    prog = f"peacewatch add {args.kind}"
    request: Request
    if args.kind in {noun for noun, _, _ in _MORE}:
        request = _more(args)
    elif args.kind == "quote":
        request = AddQuote(
            text=args.text, speaker=args.speaker, source=args.source, medium=args.medium, speaker_role=args.speaker_role,
            party=args.party, date=args.date, reported_by=args.reported_by, issues=args.issue, context=args.context, fill_speaker=True,
        )
        return run_edit(args, prog, request, after=lambda applied: _said_of_speaker(args, prog, applied))
    elif args.kind == "event":
        request = AddEvent(
            title=args.title, source=args.source, date=args.date, when=args.when, place=args.place,
            parties=args.party, summary=args.summary, venue=args.venue, format=args.format, host=args.host,
            mediator=args.mediator, participants=args.participant,
        )
    else:
        request = AddSource(outlet=args.outlet, title=args.title, date=args.date, url=args.url, note=args.note)
    return run_edit(args, prog, request)


def _strings(value: object) -> list[str]:
    """A list option's values (`--aliases A --aliases B`), or none."""
    return [str(v) for v in value] if isinstance(value, list) else []
