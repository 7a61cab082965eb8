"""Keys a person moves: the settings' `keymap` checked against our bindings and Textual's key names,
and the keys in force worked out exactly as Textual's own keymap (`App.set_keymap`) applies them.

The keymap is applied by Textual (each binding's `id` is what it names); what this module adds is
what Textual leaves to the app: saying which entries it cannot use instead of ignoring them, the
keys in force for help and `peacewatch keys` (Textual's `BindingsMap.apply_keymap` on each class's
bindings, so they never drift from what a key press does), and two bindings given one key where
both are active.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from textual.binding import Binding, BindingsMap, BindingType
from textual.keys import Keys

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_NAMES = frozenset(key.value for key in Keys)


def key_problem(key: str) -> str | None:
    """Why `key` (one key, such as "ctrl+q") is not one Textual can bind, or None if it is."""
    if not key:
        return "an empty key"
    if key != key.strip() or " " in key:
        return f"{key!r} holds a space (keys are separated by commas only)"
    *modifiers, name = key.split("+") if len(key) > 1 else [key]
    unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if unknown:
        return f"{key!r}: {unknown[0]!r} is not a modifier (those are {', '.join(MODIFIERS)})"
    if not name:
        return f"{key!r} has no key after its modifier"
    if len(name) == 1 or name in _NAMES:
        return None
    try:
        # Textual names a printable key by its character's Unicode name: "question_mark", "plus".
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return f"{key!r}: {name!r} is not a key name Textual knows (such as q, Q, ctrl+q, f5, question_mark, escape)"
    return None


def normalised(keys: str) -> list[str]:
    """Each key of a comma-separated list as Textual spells it in a binding ("?" is "question_mark")."""
    return [binding.key for binding in Binding.make_bindings([Binding(keys, "")])]


def checked(keymap: Mapping[str, str], known: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """The entries that name one of our bindings with keys Textual can read (their unreadable keys
    left out), and a sentence for each entry or key left out: the rest still apply."""
    known = sorted(set(known))
    usable: dict[str, str] = {}
    problems: list[str] = []
    for ident, keys in keymap.items():
        if ident not in known:
            near = difflib.get_close_matches(ident, known, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else " (`peacewatch keys` lists every id)"
            problems.append(f"{ident!r} is not a key binding's id{hint}")
            continue
        good = []
        for key in (part.strip() for part in keys.split(",")):
            why = key_problem(key)
            if why is None:
                good.append(key)
            else:
                problems.append(f"{ident}: {why}")
        if good:
            usable[ident] = ",".join(normalised(",".join(good)))
    return usable, problems


def declared(owner: type) -> list[Binding]:
    """Every Binding `owner` has, its own and its bases', as Textual merges them (a class's
    BINDINGS add to those of the classes it inherits from); each id once."""
    seen: dict[str | None, Binding] = {}
    merged: list[Binding] = []
    for cls in reversed(owner.__mro__):
        for binding in cls.__dict__.get("BINDINGS", ()):
            if not isinstance(binding, Binding):
                continue
            if binding.id is not None and binding.id in seen:
                continue
            seen[binding.id] = binding
            merged.append(binding)
    return merged


def own(owner: type) -> list[Binding]:
    """The bindings `owner` adds to its bases' (a screen that repeats `*Overlay.BINDINGS` adds none of those)."""
    inherited = {binding.id for base in owner.__mro__[1:] for binding in declared(base)}
    return [binding for binding in declared(owner) if binding.id not in inherited]


def keys_in_force(owner: type, keymap: Mapping[str, str]) -> dict[str | None, list[str]]:
    """Each binding id of `owner` -> its keys once `keymap` is applied, by Textual's own
    `BindingsMap.apply_keymap` (a binding whose key the keymap gave another in the same class
    loses it, as it does in the app). A binding left with no key maps to an empty list."""
    bindings_map = BindingsMap(declared(owner))
    if keymap:
        bindings_map.apply_keymap(keymap)
    keys: dict[str | None, list[str]] = {binding.id: [] for binding in declared(owner)}
    for key, bindings in bindings_map.key_to_bindings.items():
        for binding in bindings:
            if key not in keys.setdefault(binding.id, []):
                keys[binding.id].append(key)
    return keys


def in_force(owner: type, bindings: Sequence[BindingType], keymap: Mapping[str, str]) -> list[Binding]:
    """`bindings` of `owner`, each with the keys it has once `keymap` is applied (as help shows them)."""
    keys = keys_in_force(owner, keymap)
    return [
        binding.with_key(",".join(keys.get(binding.id, [])), binding.key_display) if binding.id in keys else binding
        for binding in bindings if isinstance(binding, Binding)
    ]


@dataclass(frozen=True)
class Conflict:
    """One key given to two bindings that are active at once, at least one of them by the keymap."""

    key: str
    first: Binding
    second: Binding
    where: tuple[str, ...]
    """Every place both are active, in the order the places were given."""

    def words(self) -> str:
        return (f"{self.key} is given to both {_named(self.first)} and {_named(self.second)}, "
                f"so only one of them can answer it in {'; '.join(self.where)}")


def _named(binding: Binding) -> str:
    return f"{binding.id} ({binding.description})" if binding.id else f"Textual's own {binding.action!r} key"


def _same_action(first: Binding, second: Binding) -> bool:
    """Two bindings that do the same (the app's quit and Textual's own): one key for both is no conflict."""
    return first.action.removeprefix("app.") == second.action.removeprefix("app.")


def conflicts(chains: Iterable[tuple[str, Sequence[type]]], keymap: Mapping[str, str]) -> list[Conflict]:
    """Keys the keymap gives to two bindings active at once: `chains` are the places, each the classes
    whose bindings answer keys there (the focused widget's, its containers', the screen's, the app's).

    Each binding holds the keys the keymap gives it, or else its own: so a key the keymap gives to one
    binding of a class while another of that class keeps it is a conflict too (Textual then takes
    it from the other, which may be left with no key at all)."""
    found: dict[tuple[str, str, str], tuple[Binding, Binding, list[str]]] = {}
    for where, owners in chains:
        holders: dict[str, dict[str | None, Binding]] = {}
        for owner in owners:
            for binding in declared(owner):
                wanted = keymap.get(binding.id, binding.key) if binding.id is not None else binding.key
                for key in normalised(wanted):
                    holders.setdefault(key, {}).setdefault(binding.id, binding)
        for key, by_id in holders.items():
            distinct = list(by_id.values())
            for index, first in enumerate(distinct):
                for second in distinct[index + 1:]:
                    if (first.id not in keymap and second.id not in keymap) or _same_action(first, second):
                        continue  # the defaults' own overlaps are by design
                    found.setdefault((key, str(first.id), str(second.id)), (first, second, []))[2].append(where)
    return [Conflict(key, first, second, tuple(where)) for (key, _, _), (first, second, where) in found.items()]
