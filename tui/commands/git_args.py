"""The git options the dashboard and the editing commands share: --commit, --push, and the setting behind them."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

SETTING = "PEACEWATCH_COMMIT"
"""The environment variable that makes committing the default: 1 commits each edit, push also pushes it."""

_ON, _PUSH, _OFF = ("1", "yes", "true", "on", "commit"), ("push",), ("", "0", "no", "false", "off")


class SettingError(ValueError):
    """The setting holds a word that means nothing; the message says what it may be."""


@dataclass(frozen=True)
class Publish:
    """What becomes of an edit in the content's git repository."""

    commit: bool = False
    push: bool = False


def add_git_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "git", "each edit as a commit of exactly the files it wrote, under your own git identity;\n"
        f"{SETTING}=1 in your environment makes --commit the default, {SETTING}=push --push",
    )
    group.add_argument("--commit", action="store_true", default=None, help="commit each edit, with a message that says what changed")
    group.add_argument("--push", action="store_true", default=None, help="commit each edit and push it to the branch's upstream")
    group.add_argument("--no-commit", dest="commit", action="store_false", help=f"do not commit, whatever {SETTING} says")


def publish_from(args: argparse.Namespace, environ: dict[str, str] | None = None) -> Publish:
    """The options, else the setting. Raises SettingError for a setting that means nothing."""
    if args.commit is False:
        return Publish()
    if args.push:
        return Publish(True, True)
    if args.commit:
        return Publish(True, False)
    word = (os.environ if environ is None else environ).get(SETTING, "").strip().lower()
    if word in _PUSH:
        return Publish(True, True)
    if word in _ON:
        return Publish(True, False)
    if word in _OFF:
        return Publish()
    raise SettingError(f"{SETTING}={word!r} means nothing to peacewatch: use 1 (commit each edit), push (commit and push it) or 0 (neither)")
