"""`peacewatch desk init [DIR]`: set up the git repository holding a story so that git merges its
content files item by item (`peacewatch merge`) instead of line by line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands.store_args import folder_to_write
from tui.core.desk import GitError, install_merge_driver


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, title="actions")
    init = actions.add_parser(
        "init", prog="peacewatch desk init",
        help="name peacewatch's merge driver for the content files in .gitattributes, and set it up in this clone",
        description=(
            "In the repository that holds the story: add `content/**/*.yaml merge=peacewatch` lines (for the story's folder) "
            "to .gitattributes at its top, keeping its other lines, and set this clone's git config to run "
            "`peacewatch merge` as that driver. Safe to run again."
        ),
    )
    init.add_argument(
        "dir", nargs="?", type=Path, default=None, metavar="DIR",
        help="the story's folder (default: the current folder if it holds a story; never the shipped demo)",
    )
    init.epilog = "exit status: 0 when set up, 2 when the folder is not a story in a git repository or git fails"


def run(args: argparse.Namespace) -> int:
    prog = "peacewatch desk init"
    root = folder_to_write(args, prog)
    if root is None:
        return 2
    try:
        done = install_merge_driver(root)
    except (GitError, OSError) as error:
        print(f"{prog}: {error}", file=sys.stderr)
        return 2
    if done.added:
        print(f"{done.attributes}: added " + ", ".join(f"`{line}`" for line in done.added))
    else:
        print(f"{done.attributes}: already names the merge driver for the content files")
    print(f"this clone's git config: merge.peacewatch.driver = {done.command}")
    if done.added:
        print("Commit .gitattributes (`git add .gitattributes && git commit`) so that every clone merges content files item by item, "
              "and have each person run `peacewatch desk init` once in their own clone: git never takes a merge driver's "
              "command from the repository, only from each clone's own config.")
    else:
        print("This clone now merges content files item by item. Each person runs `peacewatch desk init` once in their own "
              "clone: git never takes a merge driver's command from the repository, only from each clone's own config.")
    print("To bring a colleague's commits in: `git pull --no-rebase` (or `--rebase`); newer git asks which when both sides "
          "have commits (`git config pull.rebase false` answers once for this clone).")
    return 0
