"""`peacewatch wake`: have every dashboard following a folder on this machine look upstream now.

For a repository's post-receive hook on the machine that runs the desk's dashboards (or over
ssh from the server that receives pushes): a push then shows within a second, not at the next
timed look. It can do nothing but wake following: no git is run by it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.desk import NO_JOURNAL, Desk


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, metavar="DIR", help="the story's folder the dashboards follow (--follow-git)")


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    if not root.is_dir():
        print(f"peacewatch wake: {root}: no such folder", file=sys.stderr)
        return 2
    try:
        Desk(root, journal=NO_JOURNAL).wake()
    except OSError as exc:
        print(f"peacewatch wake: cannot wake the dashboards of {root}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"woke the dashboards following {root} on this machine", file=sys.stderr)
    return 0
