"""`visible` keeps every character of store text but neutralises what a terminal would act on."""

from __future__ import annotations

from tests.helpers.hostile_text import HOSTILE
from tui.core.text.safe_text import visible


def test_visible_keeps_every_character_but_neutralises_controls():
    text = HOSTILE["escapes"]
    shown = visible(text)
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown.count("␛") == text.count("\x1b") and shown.count("␇") == text.count("\x07")
    assert visible("right\u202eto-left") == "right<U+202E>to-left"
    assert visible("[sic] 中文 🙂") == "[sic] 中文 🙂"
