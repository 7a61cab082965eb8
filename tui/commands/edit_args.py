"""What `peacewatch add` and `peacewatch set` share: the folder argument, vocabularies in help, output."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from tui.commands.git_args import Publish, SettingError, add_git_arguments, publish_from
from tui.commands.store_args import folder_to_write
from tui.core.desk import NO_JOURNAL, Applied, Desk, EditConflict, EditFailed, EditRefused, GitError, Request, Wait
from tui.core.model.vocab import Described

DIR_HELP = (
    "the content folder to edit (default: the shipped content/); it comes right after the kind, "
    "e.g. `peacewatch add quote content --text ...`"
)
EXIT_STATUS = (
    "Prints FILE:LINE: what was written. The edit is checked with the rest of the store before\n"
    "anything is written; only the lines it needs change, and the file is replaced in one step.\n\n"
    "With --commit (or PEACEWATCH_COMMIT=1), the edit is then committed: exactly the files it wrote,\n"
    "under your own git identity, the message saying what changed; --push pushes it too.\n\n"
    "exit status: 0 written; 1 refused (each problem as FILE:LINE:COL: message on stderr) or the\n"
    "file changed on disk meanwhile; 2 the folder cannot be opened, bad arguments, or the write failed;\n"
    "3 written, but the commit or the push asked for failed (said on stderr; the edit stays)"
)


def kind_parser(kinds: argparse._SubParsersAction[argparse.ArgumentParser], name: str, describe: str, vocabularies: tuple = ()) -> argparse.ArgumentParser:
    """A `peacewatch add KIND` or `peacewatch set KIND` parser, with the folder argument first."""
    words = "\n\n".join(vocabulary_text(v) for v in vocabularies)
    parser = kinds.add_parser(
        name, help=describe, description=describe, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(filter(None, [words, EXIT_STATUS])),
    )
    parser.add_argument("dir", nargs="?", type=Path, default=None, metavar="DIR", help=DIR_HELP)
    add_git_arguments(parser)
    return parser


def words(vocabulary: type[Described]) -> str:
    return ", ".join(word.value for word in vocabulary)


def vocabulary_text(vocabulary: type[Described]) -> str:
    """A vocabulary for --help: each word with what it means."""
    name = re.sub(r"(?<!^)(?=[A-Z])", " ", vocabulary.__name__).lower()  # IssueStatus: "issue status"
    width = max(len(word.value) for word in vocabulary)
    lines = [f"{name} words:"] + [f"  {word.value:<{width}}  {word.description}" for word in vocabulary]
    return "\n".join(lines)


def _prefix(root: Path) -> str:
    """The folder as `check` shows it before each store-relative path."""
    return "" if root.as_posix() == "." else root.as_posix().rstrip("/") + "/"


def run_edit(
    args: argparse.Namespace, prog: str, request: Request | Callable[[Desk], Request], journal: Path | str | None = NO_JOURNAL,
    after: Callable[[Applied], None] | None = None,
) -> int:
    """Apply one edit through the folder's desk and report it: FILE:LINE: what, or why not.

    `request` may be a function of the desk that builds it (a revert reads the desk's journal);
    `after` is told what was applied."""
    root = folder_to_write(args, prog)
    if root is None:
        return 2
    try:
        publish = publish_from(args)
    except SettingError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    prefix = _prefix(root)
    desk = Desk(root, journal=journal)
    try:
        if callable(request):
            desk.load()
            request = request(desk)
        waiting = Wait(on_wait=lambda: print(f"{prog}: waiting for another edit of this folder to finish…", file=sys.stderr))
        applied = desk.apply(request, commit=publish.commit, wait=waiting)
    except EditConflict as conflict:
        print(
            f"{prog}: {prefix}{conflict.path} changed on disk while the edit was being made (a colleague, "
            "a git pull, another window); nothing was written: look at it, then run the command again",
            file=sys.stderr,
        )
        return 1
    except EditFailed as failed:
        for problem in failed.problems:
            print(f"{prefix}{problem}", file=sys.stderr)
        print(f"{prog}: failed: {failed.summary}; nothing was written", file=sys.stderr)
        return 2
    except EditRefused as refused:
        for problem in refused.problems:
            print(f"{prefix}{problem}", file=sys.stderr)
        print(f"{prog}: refused: {refused.summary}; nothing was written", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - every failure reaches the user, with what was (not) written
        print(f"{prog}: failed: {type(exc).__name__}: {exc}; nothing was written", file=sys.stderr)
        return 2
    else:
        written = applied.written
        print(f"{prefix}{written.path}:{written.line}: {applied.message}")
        for note in applied.notes:
            print(f"{prog}: note: {note}", file=sys.stderr)
        if after is not None:
            after(applied)  # what the command says of the edit made, beside where it went
        return _publish(desk, applied, publish, prog)
    finally:
        desk.close()


def _publish(desk: Desk, applied: Applied, publish: Publish, prog: str) -> int:
    """Say what became of the commit and push asked for; 3 if either failed (the edit stays)."""
    if not publish.commit:
        return 0
    if applied.commit is None:
        print(f"{prog}: {applied.git_error}", file=sys.stderr)
        return 3
    print(f"committed {applied.commit.short}: {applied.commit.subject}")
    if publish.push:
        try:
            upstream = desk.push()
        except GitError as exc:
            print(f"{prog}: committed, but not pushed: {exc}", file=sys.stderr)
            return 3
        print(f"pushed to {upstream}")
    return 0
