"""Command-line options made from the fields table, and the addresses of items: what `edit`,
`remove` and `add` share so that they name fields and items as the forms do."""

from __future__ import annotations

import argparse

from tui.core.model.fields import FIELDS, Spec
from tui.core.model.targets import Target

ADDRESSES = {
    "story": ("story", ""),
    "status": ("status", ""),
    "party": ("parties", "ID"),
    "person": ("parties", "PARTY/PERSON"),
    "issue": ("issues", "ID"),
    "position": ("issues", "ISSUE/PARTY"),
    "quote": ("quotes", "ID"),
    "event": ("events", "ID"),
    "source": ("sources", "ID"),
    "deadline": ("story", "DATE"),
    "document": ("documents", "ID"),
    "point": ("documents", "DOCUMENT/POINT"),
    "stance": ("documents", "DOCUMENT[/POINT]/PARTY"),
}
"""Each kind the commands address: its section, and how its item is named on the command line."""

NOUNS = {"status": "deal status", "stance": "position"}
"""The fields table's name for a command-line kind, where they differ."""


def add_field_options(parser: argparse.ArgumentParser, noun: str, editing: bool) -> None:
    """One option per field of the kind: `--speaker-role`; lists take one value per use."""
    for spec in FIELDS[NOUNS.get(noun, noun)]:
        parser.add_argument(spec.option, dest=f"field_{spec.key}", default=None, action="append" if spec.is_list else "store",
                            metavar=_metavar(spec), help=_help(spec, editing))


def _metavar(spec: Spec) -> str:
    return {"date": "YYYY-MM-DD", "word": "WORD", "ref": "ID", "refs": "ID", "url": "URL"}.get(spec.shape, "TEXT")


def _help(spec: Spec, editing: bool) -> str:
    parts = [spec.hint or spec.label.lower()]
    if spec.vocab is not None:
        parts.append("one of: " + ", ".join(w.value for w in spec.vocab))
    if spec.is_list:
        parts.append("repeat for each; " + (f"replaces the list; {spec.option} '' empties it" if editing else "repeatable"))
    elif editing:
        parts.append("'' removes it" if not spec.required else "required: cannot be emptied")
    elif spec.required:
        parts.append("required")
    return "; ".join(parts)


def field_values(args: argparse.Namespace, noun: str) -> dict[str, object]:
    """The fields given on the command line (a list given as '' is emptied)."""
    values: dict[str, object] = {}
    for spec in FIELDS[NOUNS.get(noun, noun)]:
        value = getattr(args, f"field_{spec.key}")
        if value is None:
            continue
        if spec.is_list:
            value = [v for v in value if v.strip()]
        values[spec.key] = value
    return values


class AddressError(ValueError):
    """An item address that does not name an item the way its kind is named."""


def target(noun: str, address: str | None, snapshot: object = None) -> Target:
    """The item `address` names: `russia/vladimir-putin` for a person, `territory/russia` for a
    position, a date (or its number in the list, from 1) for a deadline."""
    section, form = ADDRESSES[noun]
    if not form:
        return Target(section, section)
    if not address:
        raise AddressError(f"name the {noun} as {form}")
    if noun in ("person", "position"):
        owner, _, key = address.partition("/")
        if not owner or not key:
            raise AddressError(f"name the {noun} as {form}, e.g. " + ("russia/vladimir-putin" if noun == "person" else "territory/russia"))
        return Target(section, owner, (("people" if noun == "person" else "positions", key),))
    if noun in ("point", "stance"):
        parts = address.split("/")
        if len(parts) not in ((2,) if noun == "point" else (2, 3)) or not all(parts):
            raise AddressError(f"name the {noun} as {form}, e.g. " + ("us-plan-initial/territory-given-up" if noun == "point"
                                                                      else "us-plan-newest/russia or us-plan-initial/territory-given-up/russia"))
        nested = (("points", parts[1]),) if len(parts) == 3 or noun == "point" else ()
        return Target(section, parts[0], nested + ((("positions", parts[-1]),) if noun == "stance" else ()))
    if noun == "deadline":
        deadlines = list(getattr(getattr(snapshot, "story", None), "deadlines", []) or [])
        keys = [f"{d.date.isoformat()} {d.what}" for d in deadlines]
        if address.isdigit() and 1 <= int(address) <= len(keys):
            return Target("story", "story", (("deadlines", keys[int(address) - 1]),))
        matching = [k for k in keys if k.startswith(address)]
        if len(matching) != 1:
            listed = "; ".join(f"{i}: {k}" for i, k in enumerate(keys, 1)) or "none"
            raise AddressError(f"'{address}' names {'no' if not matching else 'more than one'} deadline; give its number: {listed}")
        return Target("story", "story", (("deadlines", matching[0]),))
    return Target(section, address)
