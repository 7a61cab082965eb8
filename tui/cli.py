"""The `peacewatch` command: the dashboard by default, or one of the subcommands."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

from tui import __version__

SUBCOMMANDS = {
    "check": ("tui.commands.check", "validate a content folder and print each problem as FILE:LINE:COL: message"),
    "verify": ("tui.commands.verify", "check every quote word for word against its source's archived copy: verbatim, normalised, differs or missing"),
    "search": ("tui.commands.search", "find items of every kind by words, \"phrases\", -words and speaker: party: issue: kind: source: since: until:"),
    "changes": ("tui.commands.changes", "print what changed in a content folder, newest first, grouped by reload"),
    "brief": ("tui.commands.brief", "write the state of play (or what changed) as Markdown or plain text, with every quote attributed"),
    "add": ("tui.commands.add", "add a quote, event, source, party, person, issue or deadline, changing nothing else in the files"),
    "set": ("tui.commands.set_cmd", "move the deal's status on, or set a party's position on an issue, changing nothing else"),
    "edit": ("tui.commands.edit", "change fields of any item (story, status, party, person, issue, position, quote, event, source, deadline)"),
    "remove": ("tui.commands.remove", "remove an item (party, person, issue, position, quote, event, source, deadline) if nothing refers to it"),
    "revert": ("tui.commands.revert", "revert recorded changes (numbers from `peacewatch changes`), or the last reload's with --last"),
    "import": ("tui.commands.import_article", "propose an article's quotes, word for word, with their speakers; --accept writes them with its source"),
    "export": ("tui.commands.export", "write the story as tables with a codebook (datapackage), a calendar (ics) or a feed of its changes (atom)"),
    "schema": ("tui.commands.schema", "print (or write with -o) the JSON Schema of a content file, from the content model"),
    "new": ("tui.commands.new", "start an empty content folder for a new story, each file explaining its fields"),
    "merge": ("tui.commands.merge", "git's merge driver for content files: merge BASE OURS THEIRS item by item, conflicts around the item only"),
    "desk": ("tui.commands.desk", "set up a desk's git repository: `desk init` makes git merge content files item by item (peacewatch merge)"),
    "wake": ("tui.commands.wake", "have every dashboard following a folder's git upstream on this machine look now (for a push hook)"),
    "keys": ("tui.commands.keys", "list every key binding's id, its keys (your settings' keymap applied) and what it does; report conflicts"),
    "serve": ("tui.commands.serve", "serve the dashboard to web browsers (on this machine only, read-only, no login: unless told otherwise)"),
}
"""Each subcommand's module (which offers `add_arguments(parser)` and `run(args) -> int`) and what it does.

The descriptions are here, not in the modules: the dashboard's own parser lists them, and
importing every subcommand (the store, pydantic, the edit code) only to say what it does
cost a third of a second before the dashboard's first frame."""


def _main_parser() -> argparse.ArgumentParser:
    from tui.commands import dashboard

    lines = "\n".join(
        f"  peacewatch {name:<8} {description}" for name, (_, description) in SUBCOMMANDS.items()
    )
    parser = argparse.ArgumentParser(
        prog="peacewatch",
        description=dashboard.describe,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"other commands (each has --help):\n{lines}",
    )
    parser.add_argument("--version", action="version", version=f"peacewatch {__version__}")
    dashboard.add_arguments(parser)
    parser.set_defaults(run=dashboard.run)
    return parser


def _sub_parser(name: str) -> argparse.ArgumentParser:
    module_name, description = SUBCOMMANDS[name]
    module = import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"peacewatch {name}", description=description)
    module.add_arguments(parser)
    parser.set_defaults(run=module.run)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line's arguments; `.run(args)` carries them out."""
    # A subcommand name comes first; anything else is the dashboard's own arguments,
    # so `peacewatch DIR` stays as short as it can be.
    if argv and argv[0] in SUBCOMMANDS:
        return _sub_parser(argv[0]).parse_args(argv[1:])
    return _main_parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = parse(sys.argv[1:] if argv is None else argv)
    try:
        code: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped reading (`peacewatch changes | head`): not a failure of ours. Point
        # stdout at nothing so that the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code
