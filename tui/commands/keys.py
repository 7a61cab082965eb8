"""`peacewatch keys`: every key binding's id, the keys in force (the settings' keymap applied) and what it does,
grouped by where it works; and, in words, each key the keymap gives to two bindings active at once.

It reads the settings and the bindings' classes only: no content folder, no dashboard.
"""

from __future__ import annotations

import argparse
import sys

from tui.core.desk import read_settings, settings_path
from tui.ui.key_places import chains, groups, known_ids, with_followers
from tui.ui.keymap import checked, conflicts, keys_in_force


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        'Move a key in your settings file\'s "keymap": {"keymap": {"app.quit": "ctrl+q"}} (several keys '
        "comma-separated). Keys marked * are moved there. Exit 0, or 1 when a key is given to two bindings "
        "active at once or an entry of the keymap cannot be used."
    )


def run(args: argparse.Namespace) -> int:
    path = settings_path()
    settings, problem = read_settings(path)
    keymap, unused = checked(settings.keymap, known_ids())
    keymap = with_followers(keymap)
    unused = [*settings.keymap_problems, *unused]
    out = sys.stdout
    out.write(f"Settings: {path}{'' if path.exists() else ' (none yet: every key is its default)'}\n")
    if problem:
        out.write(f"{problem}\n")
    table: list[tuple[str, list[tuple[str, str, str]]]] = []
    for title, owners in groups():
        rows = []
        for owner, bindings in owners:
            keys = keys_in_force(owner, keymap)
            for binding in bindings:
                in_force = ",".join(keys.get(binding.id, [])) or "(no key)"
                mark = "*" if binding.id in keymap else ""
                rows.append((str(binding.id), f"{in_force}{mark}", binding.tooltip or binding.description))
        table.append((title, rows))
    id_width = max(len(row[0]) for _, rows in table for row in rows)
    key_width = max(len(row[1]) for _, rows in table for row in rows)
    for title, rows in table:
        out.write(f"\n{title}\n")
        for ident, keys_text, does in rows:
            out.write(f"  {ident:<{id_width}}  {keys_text:<{key_width}}  {does}\n")
    found = conflicts(chains(), keymap)
    if unused:
        out.write("\nNot used from your keymap:\n")
        for line in unused:
            out.write(f"  {line}\n")
    if found:
        out.write(f"\n{len(found)} conflict{'s' if len(found) != 1 else ''}:\n")
        for conflict in found:
            out.write(f"  {conflict.words()}.\n")
    return 1 if found or unused else 0
