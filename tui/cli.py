"""The `peacewatch` command: the dashboard by default, or one of the subcommands."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

from tui import __version__

SUBCOMMANDS = {
    "check": "tui.commands.check",
    "changes": "tui.commands.changes",
    "brief": "tui.commands.brief",
    "add": "tui.commands.add",
    "set": "tui.commands.set_cmd",
    "edit": "tui.commands.edit",
    "remove": "tui.commands.remove",
    "revert": "tui.commands.revert",
    "schema": "tui.commands.schema",
    "new": "tui.commands.new",
    "serve": "tui.commands.serve",
}
"""Each subcommand's module, which offers `describe`, `add_arguments(parser)` and `run(args) -> int`."""


def _main_parser() -> argparse.ArgumentParser:
    from tui.commands import dashboard

    lines = "\n".join(
        f"  peacewatch {name:<8} {import_module(module).describe}" for name, module in SUBCOMMANDS.items()
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
    module = import_module(SUBCOMMANDS[name])
    parser = argparse.ArgumentParser(prog=f"peacewatch {name}", description=module.describe)
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
