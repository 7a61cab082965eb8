"""`peacewatch wake`: have every dashboard following a folder on this machine look upstream now.

For a repository's post-receive hook on the machine that runs the desk's dashboards (or over
ssh from the server that receives pushes): a push then shows within a second, not at the next
timed look. It can do nothing but wake following: no git is run by it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands.store_args import is_story, story_in
from tui.core.desk import NO_JOURNAL, Desk


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, metavar="DIR", help="the story's folder the dashboards follow (--follow-git)")


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    if not root.is_dir():
        print(f"peacewatch wake: {root}: no such folder", file=sys.stderr)
        return 2
    if not is_story(root):
        near = story_in(root)
        hint = f": `peacewatch wake {near}`" if near is not None else ""
        print(f"peacewatch wake: {root} holds no story (no YAML file with 'story:'); name the story's folder, the one the "
              f"dashboards follow{hint}", file=sys.stderr)
        return 2
    try:
        woken = Desk(root, journal=NO_JOURNAL).wake()
    except OSError as exc:
        print(f"peacewatch wake: cannot wake the dashboards of {root}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if woken:
        print(f"peacewatch wake: woke {woken} dashboard{'s' if woken != 1 else ''} following {root} on this machine", file=sys.stderr)
    else:
        # Not a failure (a hook must not fail a push), but never a claim that anyone was woken.
        print(f"peacewatch wake: no dashboard on this machine follows {root} (one started with --follow-git would); "
              "nothing was woken", file=sys.stderr)
    return 0
