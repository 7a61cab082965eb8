"""Read-only mode: which keys would change the story or open an editor, and how a refusal is said.

The refusal that matters is at the app's doors (`open_form`, `submit`, `edit_file`, `edit_item`), so a
key added later is refused too. What this module adds is manners: known edit keys are hidden from the
footer, help and palette (each class names its edit actions in `EDIT_ACTIONS`), and pressing one still
says why nothing happened instead of doing nothing in silence.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

from tui.ui.keymap import declared, keys_in_force

FORMS = "adding to or changing the story"
EDITOR = "opening a file in an editor"
WRITING = "writing to the content files"
FILES = "writing files on the machine it runs on (a brief: `peacewatch brief` there writes one)"


def message(what: str) -> str:
    return f"read-only: {what} is turned off in this dashboard; it only shows the story."


def is_read_only(node: DOMNode) -> bool:
    return bool(getattr(node.app, "read_only", False))


def refused(node: DOMNode, action: str) -> str | None:
    """What `action` of `node` would do, if read-only mode refuses it; None if it is allowed."""
    if not is_read_only(node):
        return None
    edit_actions: dict[str, str] = getattr(node, "EDIT_ACTIONS", {})
    return edit_actions.get(action.split("(")[0])


def shown(owner: type, bindings: list[Binding], read_only: bool) -> list[Binding]:
    """`bindings` of `owner` less its edit keys when the dashboard is read-only (for help)."""
    if not read_only:
        return bindings
    edit_actions: dict[str, str] = getattr(owner, "EDIT_ACTIONS", {})
    return [binding for binding in bindings if binding.action.split("(")[0] not in edit_actions]


def refused_key(focused: DOMNode, key: str) -> str | None:
    """What the key would have done, if the binding that owns it from `focused` up is an edit key
    hidden by read-only mode; None if a key of another binding (or none) comes first. The keys are
    those in force: a keymap that moved an edit key moves its refusal with it."""
    memory = getattr(focused.app, "theme_memory", None)
    keymap: dict[str, str] = getattr(memory, "keymap", {})
    for node in focused.ancestors_with_self:
        # A class's bindings add to those of the classes it inherits from, as Textual merges them.
        keys = keys_in_force(type(node), keymap)
        for binding in declared(type(node)):
            if key in keys.get(binding.id, []):
                return refused(node, binding.action)
    return None
