"""`peacewatch export`: the story as tables with a codebook (a Frictionless Data Package), its
deadlines and scheduled events as a calendar (iCalendar), or its changes as a feed (Atom); with
`--watch`, written again on every change, for a web server or a calendar to serve."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from pathlib import Path

from tui.commands.store_args import add_store_arguments, limits_from, store_to_read
from tui.core.desk import Desk, watch_folder, write_atomic

PROG = "peacewatch export"
FORMATS = ("datapackage", "ics", "atom")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser)
    parser.add_argument("--format", required=True, choices=FORMATS,
                        help="datapackage: a folder of CSV tables and datapackage.json (its schema the codebook); ics: the "
                        "deadlines and scheduled events; atom: the changes the journal recorded, one entry a reload")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT",
                        help="where to write: a folder for datapackage (made if missing), a file for ics and atom")
    parser.add_argument("--watch", action="store_true", help="write it again on every change of the story, until ctrl+c")
    parser.add_argument("--journal", type=Path, default=None, metavar="PATH",
                        help="the journal whose changes the feed lists (default: the folder's, in your state directory)")
    parser.epilog = "exit status: 0 written, 2 when the story cannot be read or OUT cannot be written"


def key_of(desk: Desk) -> str:
    """The story's name in ids that must not change between exports: its title's words."""
    from tui.core.views.feeds import slug

    story = desk.state.snapshot.story
    return slug(story.title if story else desk.root.resolve().name, "story")


def export(desk: Desk, fmt: str, out: Path) -> list[Path]:
    """Read the story and write the format; returns the files written (each atomically)."""
    from tui.core.views.data_package import data_package
    from tui.core.views.feeds import atom, calendar

    state = desk.load()
    now = dt.datetime.now(dt.UTC)
    key = key_of(desk)
    if fmt == "datapackage":
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, data in data_package(state.snapshot, key).items():
            write_atomic(out / name, data)
            written.append(out / name)
        return written
    if fmt == "ics":
        data = calendar(state.snapshot, now, key)
    else:
        desk.record()  # what changed since the journal last looked is in the feed too
        data = atom(desk.reloads(), desk.state.snapshot, now, key)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, data)
    return [out]


def run(args: argparse.Namespace) -> int:
    root = store_to_read(args, PROG)
    if not root.is_dir():
        print(f"{PROG}: {root}: no such folder", file=sys.stderr)
        return 2
    desk = Desk(root, limits=limits_from(args), journal=args.journal)
    try:
        try:
            written = export(desk, args.format, args.output)
        except OSError as exc:
            print(f"{PROG}: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        problems = len(desk.state.problems)
        print(f"{PROG}: wrote {', '.join(str(p) for p in written)}" + (f" ({problems} problems in the story: see peacewatch check)"
                                                                       if problems else ""), file=sys.stderr)
        if args.format == "atom" and not any(reload.entries for reload in desk.reloads()):
            # An empty feed is not an error, but a reader expecting entries deserves the reason.
            print(f"{PROG}: the feed has no entries yet: the journal lists changes from its first look at the story on; "
                  "export again after the story changes", file=sys.stderr)
        if args.watch:
            asyncio.run(_watch(desk, args.format, args.output))
    except KeyboardInterrupt:
        pass
    finally:
        desk.close()
    return 0


async def _watch(desk: Desk, fmt: str, out: Path) -> None:
    print(f"{PROG}: watching {desk.root} (ctrl+c stops)", file=sys.stderr)
    async for _ in watch_folder(desk.root):
        try:
            written = await asyncio.to_thread(export, desk, fmt, out)
        except OSError as exc:
            print(f"{PROG}: cannot write {out}: {exc.strerror or exc}; still watching", file=sys.stderr)
            continue
        print(f"{PROG}: {dt.datetime.now():%H:%M:%S} wrote {', '.join(str(p) for p in written)}", file=sys.stderr)
