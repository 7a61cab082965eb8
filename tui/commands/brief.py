"""`peacewatch brief`: the state of play, or what changed, as a document to paste into a chat, an email or a wiki."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from tui.commands.changes import _when_arg
from tui.commands.store_args import add_store_arguments, limits_from, store_to_read
from tui.core.desk import NO_JOURNAL, Desk, DeskState
from tui.core.model.clock import story_clock
from tui.core.views import brief

_EPILOG = """\
The brief holds the story, the deal's stage and headline, the deadlines, each issue with
every side's position, the latest events and the key quotes, each quote as one attribution
line ("…,” Sergey Lavrov, Russian Foreign Minister, told reporters at a press conference
on 25 November 2025, according to Meduza.) with its source, and the source's address
where one is known.

--format markdown (the default) renders on GitHub and in most wikis; text from the content
is escaped, so a quote holding *, # or backticks reads as written. --format text is for
chat apps and email: no Markdown, no box drawing, wrapped at --width columns.

--since WHEN gives only what changed since WHEN, from the change journal, as
`peacewatch changes --since` lists it (edits made while nothing was running are recorded
first), followed by each changed item as it stands now. Nothing is printed when nothing
changed, so a cron job can post whatever `peacewatch brief --since 1h` prints.

exit status: 0 written; 1 written, but some of the content could not be read (each
problem on stderr; see peacewatch check) or, with --since, the changes could not be
recorded; 2 the folder cannot be opened, the output cannot be written, or bad arguments"""

_SETTLE_TRIES = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser)
    parser.add_argument("--format", choices=brief.FORMATS, default="markdown", help="markdown (default) or plain text")
    parser.add_argument(
        "--since", type=_when_arg, default=None, metavar="WHEN",
        help="only what changed since WHEN: 2025-11-24, 2025-11-24T14:00, or 90m, 2h, 3d, 1w ago",
    )
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--width", type=int, default=brief.WIDTH, metavar="N",
        help="wrap plain text at N columns; 0 keeps each paragraph on one line (default: %(default)s)",
    )
    parser.add_argument(
        "--journal", type=Path, default=None, metavar="PATH",
        help="the journal --since reads (default: one per content folder, in your state directory)",
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = _EPILOG


def _note(message: str) -> None:
    print(f"peacewatch brief: {message}", file=sys.stderr)


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def run(args: argparse.Namespace) -> int:
    root = store_to_read(args, "peacewatch brief")
    if not root.is_dir():
        _note(f"{root}: no such folder")
        return 2
    for given, what in ((args.output, "the brief"), (args.journal, "the journal")):
        if given is not None and _inside(given, root):
            _note(f"{given}: {what} may not be written inside the content folder (its watchers would read it); choose a path outside it")
            return 2
    if args.width < 0:
        _note("--width must be 0 (no wrapping) or more")
        return 2
    now = dt.datetime.now()
    status = 0
    if args.since is None:
        desk = Desk(root, limits=limits_from(args), journal=NO_JOURNAL)
        try:
            state = _settled(desk)
        finally:
            desk.close()
        document = brief.brief(state.snapshot, story_clock(state.snapshot.story).today(now), now, state.in_doubt)
    else:
        desk = Desk(root, limits=limits_from(args), journal=args.journal)
        try:
            done = desk.catch_up(_SETTLE_TRIES)
            if done.unread or done.error:
                _note(f"not recording: {done.error or 'could not read ' + ', '.join(done.unread)}; the brief shows the journal as it is")
                status = 1
            elif done.first:
                _note("the journal now knows this folder's state; changes will be listed from the next run on")
            steps = desk.reloads(args.since)
            reloads = desk.reloads(args.since, net=True)  # what changed net: a change undone meanwhile is not news
            state = desk.state
            for warning in desk.take_warnings():
                _note(f"warning: {warning}")
        finally:
            desk.close()
        if not reloads:
            if steps:
                _note(f"nothing changed on balance since {args.since.astimezone():%Y-%m-%d %H:%M}: each change recorded "
                      "was undone (peacewatch changes lists every step)")
            else:
                _note(f"no changes recorded since {args.since.astimezone():%Y-%m-%d %H:%M}")
            return status
        document = brief.changes_brief(state.snapshot, reloads, args.since, story_clock(state.snapshot.story).today(now), now, state.in_doubt)
    if state.snapshot.story is None and not state.snapshot.origins:
        _note(f"{root}: no content found (is this a peacewatch content folder? see peacewatch new)")
        return 2
    if state.problems:
        status = 1
        _note(f"the content has {len(state.problems)} problem{'s' if len(state.problems) != 1 else ''}; "
              "the brief holds only what could be read:")
        for problem in state.problems[:10]:
            print(f"  {problem}", file=sys.stderr)
        if len(state.problems) > 10:
            print(f"  and {len(state.problems) - 10} more: peacewatch check {root} lists them all", file=sys.stderr)
    text = brief.render(document, args.format, args.width)
    if args.output is None:
        sys.stdout.write(text)
        return status
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _note(f"cannot write {args.output}: {exc.strerror or exc}")
        return 2
    _note(f"written to {args.output}")
    return status


def _settled(desk: Desk) -> DeskState:
    """The folder loaded, waiting out a save in progress (a half-written file is not the truth)."""
    state = desk.load()
    for _ in range(_SETTLE_TRIES):
        if state.recheck_in is None:
            break
        time.sleep(state.recheck_in)
        state = desk.load()
    return state
