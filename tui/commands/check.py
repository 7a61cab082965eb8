"""`peacewatch check`: validate a store without opening the dashboard."""

from __future__ import annotations

import argparse
import sys

from tui.commands.store_args import add_store_arguments, limits_from, store_to_read
from tui.core.desk import NO_JOURNAL, Desk


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser)
    parser.epilog = "exit status: 0 if the store is valid, 1 if it has problems, 2 if it cannot be opened"


def run(args: argparse.Namespace) -> int:
    root = store_to_read(args, "peacewatch check")
    if not root.is_dir():
        print(f"peacewatch check: {root}: no such folder", file=sys.stderr)
        return 2
    result = Desk(root, limits=limits_from(args), journal=NO_JOURNAL).load()
    for problem in result.problems:
        print(f"{root.as_posix().rstrip('/')}/{problem}" if root.as_posix() != "." else problem)
    snapshot = result.snapshot
    counts = ", ".join(
        f"{len(items)} {noun if len(items) == 1 else plural}"
        for items, noun, plural in (
            (snapshot.parties, "party", "parties"), (snapshot.issues, "issue", "issues"), (snapshot.quotes, "quote", "quotes"),
            (snapshot.events, "event", "events"), (snapshot.sources, "source", "sources"),
            (snapshot.documents, "document", "documents"),
        ) if items or noun != "document"
    )
    if result.problems:
        count = len(result.problems)
        print(f"{count} problem{'s' if count != 1 else ''}; loaded {counts}", file=sys.stderr)
        return 1
    print(f"ok: {counts}", file=sys.stderr)
    return 0
