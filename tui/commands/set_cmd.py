"""`peacewatch set status|position`: move the deal on, or set a party's position on an issue."""

from __future__ import annotations

import argparse
import sys

from tui.commands.edit_args import kind_parser, run_edit, words
from tui.core.desk import Request, SetPosition, SetStatus
from tui.core.model.vocab import Stage, Stance


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "each kind has --help: peacewatch set status --help"
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True, title="kinds")

    status = kind_parser(
        kinds, "status",
        "move the status to a new stage: the current stage, since (as date), headline, summary and source "
        "go to the end of its history first",
        (Stage,),
    )
    status.add_argument("--stage", required=True, metavar="WORD", help=f"the new stage: {words(Stage)}")
    status.add_argument("--headline", required=True, help="the state of play in one line")
    status.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="when the deal reached the stage, if the source dates it (default: no date)")
    status.add_argument("--source", required=True, metavar="ID", help="the id of the source that reports the new stage")
    status.add_argument("--summary", default=None, help="the new stage's own summary (default: none; the current summary goes to the history with its stage)")

    position = kind_parser(
        kinds, "position", "set a party's position on an issue: only the fields given change, or it is added if the party has none", (Stance,)
    )
    position.add_argument("--issue", required=True, metavar="ID", help="the id of the issue")
    position.add_argument("--party", required=True, metavar="ID", help="the id of the party")
    position.add_argument("--stance", required=True, metavar="WORD", help=f"the stance: {words(Stance)}")
    position.add_argument("--says", default=None, help="the position in a sentence, as the sources state it (default: keep; '' removes it)")
    position.add_argument("--quote", action="append", default=[], metavar="ID", help="a quote that backs it (repeatable; default: keep the ones it cites)")
    position.add_argument("--event", action="append", default=[], metavar="ID", help="an event that backs it (repeatable; default: keep the ones it cites)")
    position.add_argument("--source", default=None, metavar="ID", help="the id of its source (required for a new position; default: keep)")


def run(args: argparse.Namespace) -> int:
    prog = f"peacewatch set {args.kind}"
    request: Request
    if args.kind == "status":
        request = SetStatus(stage=args.stage, headline=args.headline, since=args.since, source=args.source, summary=args.summary)
        status = run_edit(args, prog, request)
        if status == 0 and not args.summary:
            print(f"{prog}: the new stage has no summary; --summary gives it one (an earlier stage's summary stays "
                  "with that stage in the history)", file=sys.stderr)
        return status
    else:
        request = SetPosition(
            issue=args.issue, party=args.party, stance=args.stance, says=args.says,
            quotes=args.quote or None, events=args.event or None, source=args.source,
        )
    return run_edit(args, prog, request)
