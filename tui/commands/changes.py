"""`peacewatch changes`: what moved in a store, newest first, from its change journal."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from tui.commands.store_args import add_store_arguments, limits_from, store_to_read
from tui.core.desk import Desk, Reload
from tui.core.text.safe_text import visible

_EPILOG = """\
Before printing, the folder is loaded and compared with the last state the journal
knows, so edits made while no peacewatch was running are recorded now, dated now, as
one reload. The first run on a folder only records its state. No dashboard needs to be
running, and one may be: the journal is locked while it is written. If a file cannot
be read (a syntax error, a save in progress) nothing is recorded, since its items would
look removed; the journal is printed anyway. Use --no-record to only print.

Changes go to stdout, nothing when there are none, so an hourly cron job can post
whatever `peacewatch changes --since 1h` prints; notes and warnings go to stderr.

exit status: 0 ok; 1 nothing recorded because a file could not be read or the journal
could not be written; 2 the folder or the journal cannot be opened, or bad arguments"""

_SPAN = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw])$", re.IGNORECASE)
_SECONDS = {"s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800}
_SETTLE_TRIES = 40
"""Reloads to wait through while a file is mid-save, each a fraction of a second."""


def parse_when(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """An ISO date or time (local unless it names its zone), or a span back from now: 90m, 2h, 3d, 1w."""
    text = text.strip()
    span = _SPAN.match(text)
    if span:
        now = now or dt.datetime.now(dt.UTC)
        return now - dt.timedelta(seconds=float(span[1]) * _SECONDS[span[2].lower()])
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a date, a time or a span like 2h or 3d") from None
    return moment if moment.tzinfo else moment.astimezone()


def _when_arg(text: str) -> dt.datetime:
    try:
        return parse_when(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser)
    parser.add_argument(
        "--since", type=_when_arg, default=None, metavar="WHEN",
        help="only changes seen at or after WHEN: 2025-11-24, 2025-11-24T14:00, or 90m, 2h, 3d, 1w ago",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of lines")
    parser.add_argument(
        "--journal", type=Path, default=None, metavar="PATH",
        help="the journal file (default: one per content folder, in your state directory)",
    )
    parser.add_argument("--no-record", action="store_true", help="print the journal without loading the folder")
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = _EPILOG


def _note(message: str) -> None:
    print(f"peacewatch changes: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    root = store_to_read(args, "peacewatch changes")
    if not root.is_dir():
        _note(f"{root}: no such folder")
        return 2
    if args.journal is not None and args.journal.resolve().is_relative_to(root.resolve()):
        _note(f"{args.journal}: the journal may not live inside the content folder")
        return 2
    desk = Desk(root, limits=limits_from(args), journal=args.journal)
    if args.journal is not None and desk.journal_path is None:
        # The journal named cannot be used (a folder, a pipe, a link): there is nothing to list
        # nor to record into, and a journal in memory would claim a state it cannot keep.
        for warning in desk.take_warnings():
            _note(warning)
        desk.close()
        return 2
    try:
        status, recorded = (0, 0) if args.no_record else _record(desk)
        reloads = desk.reloads(args.since)
        journal_path = desk.journal_path
        for warning in desk.take_warnings():
            _note(f"warning: {warning}")
    finally:
        desk.close()
    if args.json:
        print(json.dumps(_as_json(journal_path, root, args.since, recorded, reloads), ensure_ascii=False, indent=2))
    elif reloads:
        print(_as_text(reloads))
    else:
        _note("no changes recorded" + (f" since {args.since.astimezone():%Y-%m-%d %H:%M}" if args.since else ""))
    return status


def _record(desk: Desk) -> tuple[int, int]:
    """Load the folder and record what changed since the journal last looked: (status, count)."""
    done = desk.catch_up(_SETTLE_TRIES)
    if done.unread:
        _note(f"not recording: could not read {', '.join(done.unread)} (see peacewatch check); printing the journal as it is")
        return 1, 0
    if done.error is not None or done.recorded is None:
        _note(f"not recorded: {done.error}")
        return 1, 0
    if done.first:
        _note("the journal now knows this folder's state; changes will be listed from the next run on")
    return 0, done.recorded


def _as_text(reloads: list[Reload]) -> str:
    blocks = []
    for reload in reloads:
        count = len(reload.entries)
        lines = [f"{reload.observed_at.astimezone():%Y-%m-%d %H:%M} · {count} change{'' if count == 1 else 's'}"]
        for entry in reload.entries:
            where = f"  ({visible(entry.change.path)})" if entry.change.path else ""
            by = f" · by {visible(entry.author)}" if entry.author else ""
            lines.append(f"  #{entry.id} {entry.text}{where}{by}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _as_json(journal: Path | None, root: Path, since: dt.datetime | None, recorded: int, reloads: list[Reload]) -> dict:
    return {
        "content": str(root.resolve()),
        "journal": str(journal) if journal else None,
        "since": since.isoformat() if since else None,
        "recorded": recorded,
        "reloads": [
            {"reload": r.id, "observed_at": r.observed_at.isoformat(), "changes": [e.to_json() for e in r.entries]}
            for r in reloads
        ],
    }
