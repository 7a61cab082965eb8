"""Make text from the store safe to show: every character visible, nothing reaches the terminal as a command."""

from __future__ import annotations

import re
from typing import Any

# C0 controls (except newline and tab), DEL and C1 controls would be sent to the
# terminal as commands (ESC starts CSI/OSC sequences: clipboard writes, links,
# screen clears, window titles). They are shown as Unicode "control pictures"
# instead, so an editor sees that the text holds them and no byte acts.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Bidi embedding/override/isolate controls reorder what follows them on the
# terminal; a quote must read as written, so they are made visible too.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """Return `text` with every control character replaced by a visible stand-in."""
    if not text:
        return text
    text = text.replace("\t", "    ")
    text = _CONTROL.sub(_picture, text)
    return _BIDI.sub(_picture, text)


_PLAIN_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def shown(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: short, on one line, every character visible.

    Text is quoted and cut to `limit` characters; a control, zero-width, right-to-left
    or other invisible character is spelled out (`<U+200B>`), so an editor sees what is
    really there and nothing reaches the terminal as a command.
    """
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if not text.isprintable():
        text = "".join(
            c if c.isprintable() else _PLAIN_ESCAPES.get(c) or f"<U+{ord(c):04X}>" for c in text
        )
    return f"'{text}'"


def one_line(text: str, limit: int = 60) -> str:
    """A short text someone typed (a reader's name), safe to record anywhere: the journal, a commit
    message's trailer, a terminal that shows `git log`. One line, spaces collapsed, no control or
    invisible character (a newline would start another trailer, an escape would act in a terminal),
    at most `limit` characters; empty when nothing printable is left."""
    kept = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(kept.split())[:limit].rstrip()
