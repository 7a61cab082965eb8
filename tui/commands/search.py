"""`peacewatch search [DIR] QUERY`: every item a query finds, one a line (the dashboard's `/` language)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from tui.commands.store_args import add_store_arguments, limits_from, store_to_read
from tui.core.desk import NO_JOURNAL, Desk
from tui.core.model.clock import story_clock
from tui.core.text.safe_text import visible
from tui.core.views.query import QueryError, search


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser)
    parser.add_argument("query", metavar="QUERY", help="words (all of them), \"a phrase\", -word, and speaker: party: issue: kind: source: since: until:")
    parser.add_argument("--json", action="store_true", help="one JSON object a line: kind, id, label, field, start, end")
    parser.epilog = (
        "Words are looked for in every field of every kind (quotes, events, positions, issues, parties, people, sources); "
        "case, accents and quote marks fold. since: and until: take YYYY-MM-DD or 7d, 2w, today, yesterday (the story's today). "
        "exit status: 0 if something matches, 1 if nothing does, 2 if the query or the folder cannot be read"
    )


def run(args: argparse.Namespace) -> int:
    if not args.query.strip():
        print("peacewatch search: nothing to look for: give words or filters, e.g. 'speaker:yermak'", file=sys.stderr)
        return 2
    root = store_to_read(args, "peacewatch search")
    if not root.is_dir():
        print(f"peacewatch search: {root}: no such folder", file=sys.stderr)
        return 2
    snapshot = Desk(root, limits=limits_from(args), journal=NO_JOURNAL).load().snapshot
    today = story_clock(snapshot.story).today(dt.datetime.now())
    try:
        hits = search(snapshot, args.query, today)
    except QueryError as exc:
        print(f"peacewatch search: {exc}", file=sys.stderr)
        return 2
    for hit in hits:
        if args.json:
            print(json.dumps({"kind": hit.kind, "id": hit.id, "label": hit.label, "field": hit.field, "start": hit.start, "end": hit.end},
                             ensure_ascii=False))
        else:
            print(f"{hit.kind:<8} {visible(hit.id)}  {visible(hit.label)}")
    return 0 if hits else 1
