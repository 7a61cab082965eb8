"""`peacewatch revert [DIR] CHANGE… | --last`: write back what recorded changes replaced."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands.edit_args import DIR_HELP, EXIT_STATUS, run_edit
from tui.commands.git_args import add_git_arguments
from tui.core.desk import Desk, EditRefused, Request
from tui.core.text.problems import Problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = ("A change is reverted only if what it made is still there; one changed again since is\n"
                     "refused with what it holds now.\n\n" + EXIT_STATUS)
    parser.add_argument("dir", nargs="?", type=Path, default=None, metavar="DIR", help=DIR_HELP.replace("after the kind", "first"))
    parser.add_argument("change", nargs="*", type=int, metavar="N", help="the number of a change, as `peacewatch changes` shows it (#N)")
    parser.add_argument("--last", action="store_true", help="every change of the newest reload in the journal")
    add_git_arguments(parser)
    parser.add_argument("--journal", type=Path, default=None, metavar="PATH", help="the journal to read (default: the folder's, in your state directory)")


def run(args: argparse.Namespace) -> int:
    prog = "peacewatch revert"
    if not args.change and not args.last:
        print(f"{prog}: name the changes to revert (their #N in `peacewatch changes`), or --last", file=sys.stderr)
        return 2

    def request(desk: Desk) -> Request:
        ids = list(args.change)
        if args.last:
            reloads = desk.reloads()
            if not reloads:
                raise EditRefused([Problem(desk.root.name or ".", 1, 1, "the journal holds no changes of this folder")], "nothing to revert")
            ids += [e.id for e in reloads[0].entries]
        return desk.revert_request(ids)

    return run_edit(args, prog, request, journal=args.journal)
