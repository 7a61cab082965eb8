"""`peacewatch merge BASE OURS THEIRS [PATH]`: git's merge driver for content files (`%O %A %B %P`).

The result goes into OURS, as git expects: exit 0 when clean; 1 with the conflicts written in it
(git then reports the file as conflicted), one line on stderr for each naming the item. Set up by
`peacewatch desk init`; git runs it, people do not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.desk import GitError, run_merge_driver


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", type=Path, metavar="BASE", help="the common ancestor's version (git's %%O)")
    parser.add_argument("ours", type=Path, metavar="OURS", help="our version, where the result is written (git's %%A)")
    parser.add_argument("theirs", type=Path, metavar="THEIRS", help="their version (git's %%B)")
    parser.add_argument("path", nargs="?", default=None, metavar="PATH", help="the file's path in the repository, for messages (git's %%P)")
    parser.epilog = (
        "exit status: 0 if merged cleanly, 1 if conflicts were written into OURS (each named on stderr), "
        "2 if the files could not be read or written; set it up with `peacewatch desk init`"
    )


def run(args: argparse.Namespace) -> int:
    try:
        driven = run_merge_driver(args.base, args.ours, args.theirs, args.path)
    except (OSError, GitError) as error:
        print(f"peacewatch merge: {args.path or args.ours}: {error}", file=sys.stderr)
        return 2
    for line in driven.said:
        print(f"peacewatch merge: {line}", file=sys.stderr)
    return 0 if driven.clean else 1
