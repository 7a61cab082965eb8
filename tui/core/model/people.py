"""Who a person reference names: `russia/vladimir-putin`, or `vladimir-putin` where one party alone has that id.

People live inside their parties, and a person's id is only kept unique among people by the
editors, so a reference names the party too unless the id is unmistakable. Light (no pydantic):
the loader, the views and the forms share it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def people_index(parties: Iterable[Any]) -> dict[str, list[str]]:
    """Every reference that names one person, to the `party/person` it names; a bare id two parties
    share maps to both (and so names nobody)."""
    index: dict[str, list[str]] = {}
    for party in parties:
        for person in party.people:
            full = f"{party.id}/{person.id}"
            index[full] = [full]
            index.setdefault(person.id, []).append(full)
    return index


def resolve(index: dict[str, list[str]], ref: str) -> str | None:
    """The `party/person` a reference names, or None if it names no one (or two people)."""
    found = index.get(ref)
    return found[0] if found is not None and len(found) == 1 else None


def party_of(index: dict[str, list[str]], ref: str) -> str | None:
    """The party of the person a reference names; the party it spells out even when the person is unknown."""
    full = resolve(index, ref)
    if full is not None:
        return full.partition("/")[0]
    return ref.partition("/")[0] if "/" in ref else None


def unknown_person(index: dict[str, list[str]], ref: str) -> str:
    """Why a reference names no one, with the nearest reference that does."""
    found = index.get(ref, [])
    if len(found) > 1:
        return f"person '{ref}' is in more than one party ({', '.join(found)}); write it as PARTY/PERSON"
    known = sorted(k for k, v in index.items() if len(v) == 1 and "/" in k)
    close = difflib.get_close_matches(ref, [k for k, v in index.items() if len(v) == 1], n=1)
    if close:
        return f"unknown person '{ref}'; did you mean '{close[0]}'?"
    listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
    return f"unknown person '{ref}'; write it as PARTY/PERSON; known: {listed or 'none yet'}"
