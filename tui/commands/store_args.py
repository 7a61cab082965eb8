"""Arguments every command that opens a store shares: where it is and its limits.

Without a folder named, a command works on the current folder when it is a story. Otherwise
the ones that only read open the shipped demo story (the dashboard read-only, saying so); the
ones that write refuse, so that nobody edits the demo by accident thinking it is their story.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import tui
from tui.core.desk import Limits

_CHECKOUT = Path(__file__).resolve().parent.parent.parent
_STORY_LINE = re.compile(rb"^story:", re.MULTILINE)
_STORY_FILE_BYTES = 1024 * 1024
"""A story's top file is small; a larger YAML file is not read to find out."""


def shipped_story() -> Path:
    """The shipped demo story: `content/` of a checkout, else the copy the wheel carries."""
    checkout = _CHECKOUT / "content"
    if (checkout / "story.yaml").is_file():
        return checkout
    return Path(tui.__file__).resolve().parent / "shipped" / "content"


def is_story(folder: Path) -> bool:
    """Whether `folder` holds a story: a YAML file at its top that defines `story:`."""
    try:
        candidates = [p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")]
    except OSError:
        return False
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_size <= _STORY_FILE_BYTES and _STORY_LINE.search(path.read_bytes()):
                return True
        except OSError:
            continue
    return False


DEMO_NOTE = (
    "This is the shipped demo story, read-only: this folder holds no story. To edit a copy of it, "
    "run `peacewatch new DIR --demo`, then `peacewatch DIR`; to start your own, `peacewatch new DIR`."
)


def add_store_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=None,
        metavar="DIR",
        help="the story's folder (default: the current folder if it holds a story, else the shipped demo, read-only)",
    )
    limits = Limits()
    parser.add_argument(
        "--max-file-mb",
        type=float,
        default=limits.max_file_bytes / (1024 * 1024),
        metavar="MB",
        help="refuse a YAML file larger than this (default: %(default)g)",
    )
    parser.add_argument(
        "--max-values",
        type=int,
        default=limits.max_values,
        metavar="N",
        help="refuse a file holding more values than this, aliases expanded (default: %(default)s)",
    )


def opens_demo(args: argparse.Namespace) -> bool:
    """No folder was named and the current one is not a story: the shipped demo is what opens."""
    return args.dir is None and not is_story(Path.cwd())


def store_dir(args: argparse.Namespace) -> Path:
    """The folder named; else the current one if it is a story; else the shipped demo (to read)."""
    if args.dir is not None:
        return Path(args.dir)
    return shipped_story() if opens_demo(args) else Path(".")


def story_in(folder: Path) -> Path | None:
    """A story in a folder of `folder` (the first by name): what a command run one level too high meant."""
    try:
        return next((p for p in sorted(folder.iterdir()) if p.is_dir() and not p.name.startswith(".") and is_story(p)), None)
    except OSError:
        return None


def store_to_read(args: argparse.Namespace, prog: str) -> Path:
    """As `store_dir`, saying on stderr when it is the shipped demo: a command run in the wrong
    folder (a repository's top, where `git pull` is run) must never pass the demo off as yours."""
    root = store_dir(args)
    if args.dir is None and opens_demo(args):
        near = story_in(Path("."))
        hint = f": `{prog} {near.as_posix()}`" if near is not None else ""
        print(f"{prog}: no story in the current folder, so this is the shipped demo story; name your story's folder{hint}",
              file=sys.stderr)
    return root


def store_to_write(args: argparse.Namespace, prog: str) -> Path | None:
    """The folder an edit goes to: as `store_dir`, but never the demo by default (None, said why)."""
    if opens_demo(args):
        print(
            f"{prog}: the current folder holds no story (no YAML file with 'story:'), so nothing was written; "
            f"name the story's folder (`{prog} DIR …`), or start one with `peacewatch new DIR`",
            file=sys.stderr,
        )
        return None
    return store_dir(args)


def folder_to_write(args: argparse.Namespace, prog: str) -> Path | None:
    """As `store_to_write`, and the folder must be there: None (said why) otherwise."""
    root = store_to_write(args, prog)
    if root is not None and not root.is_dir():
        print(f"{prog}: {root}: no such folder", file=sys.stderr)
        return None
    return root


def limits_from(args: argparse.Namespace) -> Limits:
    return Limits(max_file_bytes=int(args.max_file_mb * 1024 * 1024), max_values=args.max_values)
