"""Several stories in one dashboard: one key switches, each keeps its place, and the one not shown is still followed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.helpers.edits import set_headline
from tests.helpers.pilot import screen_text, started, wait_until
from tui.ui.widgets.row_list import RowList


def story_copy(store: Path, target: Path, title: str) -> Path:
    shutil.copytree(store, target)
    story = target / "story.yaml"
    story.write_text(re.sub(r"(?m)^  title: .*$", f"  title: {title}", story.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def title_line(pilot) -> str:
    return screen_text(pilot).splitlines()[0]


async def test_two_stories_switch_keep_their_place_and_the_hidden_one_is_followed(store, tmp_path):
    one = story_copy(store, tmp_path / "one", "Story One")
    two = story_copy(store, tmp_path / "two", "Story Two")
    async with started(one, live=True, journal=None, stories=[two]) as pilot:
        app = pilot.app
        quotes = app.screen.query_one("#quotes RowList", RowList)
        await wait_until(pilot, lambda: app.stories.others[0].title == "Story Two", what="the other story loaded")
        assert "Story One" in title_line(pilot)
        for _ in range(3):
            await pilot.press("down")
        kept = quotes.current
        assert kept is not None and kept != quotes.keys[0]

        # A save into the story not shown: it is read, recorded in its journal, and counted in the title.
        (two / "status.yaml").write_text(set_headline(two, "Hidden story moves on"), encoding="utf-8")
        await wait_until(pilot, lambda: re.search(r"\+ Story Two: [1-9]\d* new", title_line(pilot)) is not None,
                         what="the hidden story's news in the title")
        assert "Hidden story moves on" not in screen_text(pilot)

        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: "Story Two" in title_line(pilot) and "Hidden story moves on" in screen_text(pilot),
                         what="the other story shown")
        assert "+ Story" not in title_line(pilot)  # Story One has nothing new
        assert re.search(r"● [1-9]\d* new since", title_line(pilot))  # its news are its own now
        for _ in range(3):
            await pilot.press("up")
        assert quotes.current != kept

        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: "Story One" in title_line(pilot), what="back to the first story")
        await wait_until(pilot, lambda: quotes.current == kept, what="the first story's cursor kept")
        assert "Hidden story moves on" not in screen_text(pilot)


async def test_the_palette_offers_each_other_story_by_its_title(store, tmp_path):
    one = story_copy(store, tmp_path / "one", "Story One")
    two = story_copy(store, tmp_path / "two", "Story Two")
    async with started(one, journal=None, stories=[two]) as pilot:
        await wait_until(pilot, lambda: pilot.app.stories.others[0].title == "Story Two", what="the other story loaded")
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"story: story two")
        await wait_until(pilot, lambda: "Story: Story Two" in screen_text(pilot), what="the story's command")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Story Two" in title_line(pilot), what="the other story shown")


async def test_the_settings_stories_open_when_no_folder_is_named_and_none_is_here(store, tmp_path, private_config, monkeypatch):
    import json

    from tui.cli import parse
    from tui.commands.dashboard import build_app

    one = story_copy(store, tmp_path / "one", "Story One")
    two = story_copy(store, tmp_path / "two", "Story Two")
    settings = private_config / "peacewatch" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"stories": [str(one), str(tmp_path / "gone"), str(two)]}))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = build_app(parse([]))
    async with started(app, notifications=True) as pilot:
        await wait_until(pilot, lambda: "Story One" in title_line(pilot), what="the first story of the settings")
        from tests.helpers.textual_private import notifications

        await wait_until(pilot, lambda: any("no folder here" in n.message for n in notifications(app)), what="the missing one said")
        assert not app.read_only  # a story of the user's, not the demo
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: "Story Two" in title_line(pilot), what="the second")


async def test_after_a_switch_both_stories_are_still_followed(store, tmp_path):
    one = story_copy(store, tmp_path / "one", "Story One")
    two = story_copy(store, tmp_path / "two", "Story Two")
    async with started(one, live=True, journal=None, stories=[two]) as pilot:
        app = pilot.app
        await wait_until(pilot, lambda: app.stories.others[0].title == "Story Two", what="the other story loaded")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: "Story Two" in title_line(pilot) and "● live" in title_line(pilot), timeout=10,
                         what="Story Two shown and live")
        (two / "status.yaml").write_text(set_headline(two, "Shown story moves on"), encoding="utf-8")
        await wait_until(pilot, lambda: "Shown story moves on" in screen_text(pilot), timeout=10, what="a save in the shown story")
        (one / "status.yaml").write_text(set_headline(one, "Hidden story moves on"), encoding="utf-8")
        await wait_until(pilot, lambda: re.search(r"\+ Story One: [1-9]\d* new", title_line(pilot)) is not None, timeout=10,
                         what="a save in the story no longer shown, counted")
