"""The dashboard itself: `peacewatch [DIR]`."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.commands.git_args import SettingError, add_git_arguments, publish_from
from tui.commands.store_args import DEMO_NOTE, add_store_arguments, limits_from, opens_demo, store_dir

if TYPE_CHECKING:
    from tui.ui.app import PeacewatchApp

DEADLINE_ALERT_HOURS = 24.0
"""How long before a watched deadline its alert goes out when --deadline-alert is not given (the UI's default too)."""
FOLLOW_GIT_SECONDS = 60.0
"""How often --follow-git looks upstream when no interval is given."""

describe = (
    "Follow a negotiation live in the terminal.\n\n"
    "Opens the story in the folder DIR (default: the current folder if it holds a story,\n"
    "else the shipped demo story, read-only) and keeps the dashboard current as its YAML\n"
    "files are edited and saved."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_view_arguments(parser)
    parser.add_argument("more", nargs="*", type=Path, default=[], metavar="DIR",
                        help="more stories' folders: one dashboard shows one story at a time, ctrl+n the next, and follows every one")
    parser.add_argument("--view", metavar="NAME", default=None, help="open with the results of the saved view NAME (s in a search's results saves one)")
    parser.add_argument("--bell", action="store_true", help="ring the terminal bell when a reload changes something")
    parser.add_argument(
        "--notify",
        action="append",
        default=[],
        metavar="URL",
        help="post each alert of what you watch (w) to this Apprise URL as well, e.g. json://host:port/path, "
        "slack://…, mailto://…; may be given more than once",
    )
    parser.add_argument(
        "--deadline-alert",
        type=float,
        default=DEADLINE_ALERT_HOURS,
        metavar="HOURS",
        help=f"alert a watched deadline this many hours before it is due (default {DEADLINE_ALERT_HOURS:g})",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="only show the story: no forms, no $EDITOR, nothing written to the content folder (for a shared screen)",
    )
    # Set by `peacewatch serve` for each page's dashboard, never typed: the page is shared, so an edit
    # made through it asks its reader's name first. Hidden from --help for that reason.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)


def _seconds(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds: put the folder first, e.g. `peacewatch {text} --follow-git 30`"
        ) from None


def add_view_arguments(parser: argparse.ArgumentParser) -> None:
    """The folder, its limits, its journal and how it is followed: shared with `peacewatch serve`."""
    add_store_arguments(parser)
    parser.add_argument(
        "--journal",
        type=Path,
        default=None,
        metavar="PATH",
        help="keep the journal of changes at PATH (default: one per content folder in your state directory)",
    )
    parser.add_argument("--no-journal", action="store_true", help="keep no journal: changes are only highlighted as they arrive")
    parser.add_argument(
        "--poll",
        type=float,
        default=None,
        metavar="SECONDS",
        help="check for changes every SECONDS instead of using file events (for network mounts)",
    )
    parser.add_argument(
        "--follow-git",
        type=_seconds,
        nargs="?",
        const=FOLLOW_GIT_SECONDS,
        default=None,
        metavar="SECONDS",
        help=f"fetch the content's git repository every SECONDS (default {FOLLOW_GIT_SECONDS:g}) and fast-forward it when "
        "it is clean and only behind its upstream; never merges, never touches uncommitted work. Put DIR before it",
    )
    add_git_arguments(parser)


def build_app(args: argparse.Namespace) -> PeacewatchApp:
    """The app as the command line asked for it (imported here so `check` and `--help` never load Textual)."""
    from tui.ui.app import PeacewatchApp

    journal = "off" if args.no_journal else args.journal
    publish = publish_from(args)
    missing = _stories_from_settings(args)
    demo = opens_demo(args)
    app = PeacewatchApp(
        store_dir(args), limits=limits_from(args), poll=args.poll, journal=journal, bell=args.bell,
        follow_git=args.follow_git, commit=publish.commit, push=publish.push, read_only=args.read_only or demo,
        notes=((DEMO_NOTE,) if demo else ()) + missing, served=args.served, stories=getattr(args, "more", []),
    )
    app.news.alerts.configure(urls=args.notify, deadline_hours=args.deadline_alert)
    if getattr(args, "view", None):  # `peacewatch serve` shares these arguments but has no --view
        from tui.ui.search_actions import searches

        searches(app).start_view = args.view
    return app


def _stories_from_settings(args: argparse.Namespace) -> tuple[str, ...]:
    """No folder named and none here: the `stories` of the user's settings, those that are there,
    rather than the demo; returns a note for each one missing, for the screen."""
    if args.dir is not None or getattr(args, "more", None) or not opens_demo(args):
        return ()
    from tui.core.desk import read_settings, settings_path

    listed = read_settings(settings_path())[0].stories
    found = [Path(folder).expanduser() for folder in listed if Path(folder).expanduser().is_dir()]
    if found:
        args.dir, args.more = found[0], found[1:]
    return tuple(f"{folder} (in your settings' stories) is no folder here, so it was left out." for folder in listed
                 if not Path(folder).expanduser().is_dir())


def notify_problem(args: argparse.Namespace) -> str | None:
    """A --notify URL Apprise does not understand, or a --deadline-alert that is no time ahead, in plain words."""
    if args.deadline_alert <= 0:
        return "--deadline-alert takes a number of hours greater than 0"
    if not args.notify:
        return None
    import apprise  # only when a URL is given: it brings requests and its plugins

    for url in args.notify:
        if not apprise.Apprise().add(url):
            return f"--notify {url.split('://', 1)[0]}://…: not an alert URL Apprise understands (see https://github.com/caronc/apprise/wiki)"
    return None


def view_arguments_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the arguments `add_view_arguments` added, in plain words; None if nothing."""
    root = store_dir(args)
    if not root.is_dir():
        return f"{root}: no such folder (start one with `peacewatch new DIR`)"
    if args.poll is not None and args.poll <= 0:
        return "--poll takes a number of seconds greater than 0"
    return None


def run(args: argparse.Namespace) -> int:
    problem = view_arguments_problem(args) or next(
        (f"{more}: no such folder (start one with `peacewatch new DIR`)" for more in args.more if not more.is_dir()), None)
    if problem is not None:
        print(f"peacewatch: {problem}", file=sys.stderr)
        return 2
    if args.follow_git is not None and args.follow_git <= 0:
        print("peacewatch: --follow-git takes a number of seconds greater than 0", file=sys.stderr)
        return 2
    if (problem := notify_problem(args)) is not None:
        print(f"peacewatch: {problem}", file=sys.stderr)
        return 2
    try:
        publish_from(args)
    except SettingError as exc:
        print(f"peacewatch: {exc}", file=sys.stderr)
        return 2
    app = build_app(args)
    for ending in (signal.SIGHUP, signal.SIGTERM) if hasattr(signal, "SIGHUP") else ():
        signal.signal(ending, _end_gits_then_go)
    app.run()
    return app.return_code or 0


def _end_gits_then_go(signum: int, frame: object) -> None:
    """The terminal closed (SIGHUP) or the process is told to end: git runs in sessions of its own
    (so that ssh never asks on the dashboard's terminal), so a fetch from a remote that hangs would
    outlive the dashboard, its time limit gone with it. End every git first, then end as asked."""
    from tui.core.desk import stop_every_git

    stop_every_git()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
