"""The keymap's checks and the keys in force, as Textual's own keymap applies them (no app running)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.ui.app import PeacewatchApp
from tui.ui.key_places import chains, known_ids, with_followers
from tui.ui.keymap import checked, conflicts, key_problem, keys_in_force

UI = Path(__file__).resolve().parents[3] / "tui" / "ui"


@pytest.mark.parametrize("key", ["q", "Q", "?", "ctrl+q", "ctrl+shift+f5", "question_mark", "escape", "pagedown", "space", "é"])
def test_keys_textual_reads_pass(key):
    assert key_problem(key) is None


@pytest.mark.parametrize(("key", "said"), [
    ("", "an empty key"), ("ctrl+", "no key after its modifier"), ("cmd+q", "'cmd' is not a modifier"),
    ("ctrl+quit", "'quit' is not a key name"), ("ctrl q", "holds a space"),
])
def test_keys_textual_cannot_read_are_said(key, said):
    problem = key_problem(key)
    assert problem is not None and said in problem


def test_an_entry_keeps_its_readable_keys_in_textual_s_spelling_and_an_unknown_id_gets_a_suggestion():
    usable, problems = checked({"app.help": "?, ctrl+, h", "app.qiut": "x"}, known_ids())
    assert usable == {"app.help": "question_mark,h"}
    assert problems == [
        "app.help: 'ctrl+' has no key after its modifier",
        "'app.qiut' is not a key binding's id (did you mean 'app.quit'?)",
    ]


def test_every_binding_id_in_the_ui_is_one_a_keymap_may_name():
    declared = {m for path in UI.rglob("*.py") for m in re.findall(r'\bid="([a-z-]+\.[a-z-]+)"', path.read_text(encoding="utf-8"))}
    synthetic = {"app.command-palette", "dashboard.next-pane", "ledger.card", "meetings.pair"}  # help's words for keys Textual binds itself
    assert declared - synthetic == known_ids()


def test_a_key_moved_onto_another_s_in_the_same_class_takes_it_as_textual_does_and_is_a_conflict():
    keymap = {"app.changes": "q"}
    keys = keys_in_force(PeacewatchApp, keymap)
    assert keys["app.changes"] == ["q"] and keys["app.quit"] == []
    [conflict] = [c for c in conflicts(chains(), keymap) if c.key == "q"]
    assert {conflict.first.id, conflict.second.id} == {"app.quit", "app.changes"}
    assert conflict.where == ("the dashboard's parties and issues", "the dashboard's quotes", "the dashboard's deal status")


def test_the_app_s_quit_takes_its_followers_over_the_dashboard_unless_they_are_given_their_own():
    assert with_followers({"app.quit": "ctrl+q"}) == {"app.quit": "ctrl+q", "overlay.quit": "ctrl+q", "list-screen.quit": "ctrl+q",
                                                      "ledger.quit": "ctrl+q"}
    assert with_followers({"app.quit": "ctrl+q", "overlay.quit": "x"})["overlay.quit"] == "x"
    assert with_followers({"app.mark-all-seen": "M"})["changes.mark-all-seen"] == "M"
