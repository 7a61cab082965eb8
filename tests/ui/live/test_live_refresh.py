"""Live refresh through the real watcher: every way editors save, broken saves, and what the user keeps."""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import pytest

from tests.helpers.edits import set_headline
from tests.helpers.pilot import make_app, region_text, screen_text, started, wait_until
from tui.ui.widgets.problem_banner import ProblemBanner
from tui.ui.widgets.row_list import RowList


def save_in_place(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def save_by_rename(path: Path, text: str) -> None:
    """What VS Code and many tools do: write a temp file beside it, rename it over."""
    temp = path.with_name(path.name + ".tmp~")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def save_like_vim(path: Path, text: str) -> None:
    """vim's default: probe file, rename the original to a backup, write anew, delete the backup."""
    probe = path.parent / "4913"
    probe.write_text("")
    probe.unlink()
    backup = path.with_name(path.name + "~")
    os.replace(path, backup)
    path.write_text(text, encoding="utf-8")
    backup.unlink()


def headline_on_screen(pilot, headline: str) -> bool:
    return headline in screen_text(pilot)


@pytest.mark.parametrize("save", [save_in_place, save_by_rename, save_like_vim], ids=["in-place", "rename-over", "vim"])
async def test_a_saved_change_shows_on_screen(store, save):
    async with started(store, live=True) as pilot:
        for round_ in range(3):  # several saves: a single-file watch would go dead after the first rename
            headline = f"Round {round_} — delegations resume talks"
            save(store / "status.yaml", set_headline(store, headline))
            await wait_until(pilot, lambda: headline_on_screen(pilot, headline), what=f"headline {round_}")
        assert pilot.app.state.problems == ()


async def test_poll_mode_sees_saves_too(store):
    async with started(store, live=True, poll=0.1) as pilot:
        await wait_until(pilot, lambda: "polling" in screen_text(pilot), what="poll state in title")
        save_by_rename(store / "status.yaml", set_headline(store, "Polled headline"))
        await wait_until(pilot, lambda: headline_on_screen(pilot, "Polled headline"), what="polled change")


async def test_a_broken_save_keeps_the_last_good_state_and_names_the_place(store):
    async with started(store, live=True) as pilot:
        good = screen_text(pilot)
        parties = store / "parties.yaml"
        original = parties.read_text(encoding="utf-8")
        lines = original.splitlines(keepends=True)
        index = next(i for i, l in enumerate(lines) if l.strip().startswith("role:"))
        lines[index] = lines[index].replace("role:", "role: [unclosed", 1)
        save_in_place(parties, "".join(lines))
        banner = pilot.app.screen.query_one(ProblemBanner)
        await wait_until(pilot, lambda: banner.display and "parties.yaml:" in screen_text(pilot), what="error banner")
        text = screen_text(pilot)
        assert re.search(r"parties\.yaml:\d+:\d+: YAML syntax", text)
        problem = pilot.app.state.problems[0]
        assert problem.path == "parties.yaml" and problem.line >= index + 1
        # Nothing blanked: every party is still listed, and the other panes too.
        for name in ("United States", "Russia", "Ukraine", "Sergey Lavrov", "Territory"):
            assert name in text and name in good
        save_in_place(parties, original)
        await wait_until(pilot, lambda: not banner.display, what="banner to go away")
        assert pilot.app.state.problems == ()


async def test_an_invalid_value_is_reported_while_other_files_stay(store):
    async with started(store, live=True) as pilot:
        quotes = store / "quotes" / "2025-11-25.yaml"
        text = quotes.read_text(encoding="utf-8")
        save_by_rename(quotes, text.replace("party: russia", "party: rusia", 1))
        await wait_until(pilot, lambda: "unknown party 'rusia'" in screen_text(pilot), what="unknown party banner")
        assert "did you mean 'russia'?" in screen_text(pilot)
        save_by_rename(store / "status.yaml", set_headline(store, "Other files still refresh"))
        await wait_until(pilot, lambda: headline_on_screen(pilot, "Other files still refresh"), what="other file change")


async def test_a_file_briefly_missing_during_a_save_is_never_dropped(store):
    async with started(store, live=True) as pilot:
        parties = store / "parties.yaml"
        text = parties.read_text(encoding="utf-8")
        seen_counts = []
        pilot.app.watch(pilot.app, "state", lambda state: seen_counts.append(len(state.snapshot.parties)), init=False)
        parties.unlink()
        await pilot.pause(0.15)
        parties.write_text(text.replace("Sergey Lavrov", "Sergei Lavrov"), encoding="utf-8")
        await wait_until(pilot, lambda: "Sergei Lavrov" in screen_text(pilot), what="rewritten file")
        assert seen_counts and all(count == 5 for count in seen_counts), seen_counts


async def test_a_deleted_file_drops_its_content_after_the_grace_period(store):
    async with started(store, live=True) as pilot:
        (store / "quotes" / "undated.yaml").unlink()
        await wait_until(pilot, lambda: "a reward to a dictator" not in screen_text(pilot), what="deleted quotes to go")


async def test_a_half_written_save_is_never_shown(store):
    """An in-place save arrives in pieces; every prefix here is valid YAML, so only timing can tell."""
    async with started(store, live=True) as pilot:
        shown: list[str] = []
        pilot.app.watch(pilot.app, "state", lambda state: shown.append(state.snapshot.status.headline if state.snapshot.status else ""), init=False)
        final = set_headline(store, "The whole headline arrived")
        cut = final.index("The whole") + len("The whole")
        with open(store / "status.yaml", "w", encoding="utf-8") as handle:
            handle.write(final[:cut])
            handle.flush()
            await pilot.pause(0.02)
            handle.write(final[cut:])
        await wait_until(pilot, lambda: headline_on_screen(pilot, "The whole headline arrived"), what="full headline")
        assert "The whole" not in shown, shown


async def test_the_cursor_and_filter_survive_a_reload(store):
    async with started(store, live=True) as pilot:
        await pilot.press("slash", *"lavrov", "enter", "j")
        quotes = pilot.app.screen.query_one("#quotes RowList", RowList)
        before = quotes.current
        assert before is not None and quotes.cursor == 1
        save_by_rename(store / "status.yaml", set_headline(store, "Elsewhere in the store"))
        await wait_until(pilot, lambda: headline_on_screen(pilot, "Elsewhere in the store"), what="reload")
        assert quotes.current == before
        assert pilot.app.screen.quote_filter.text == "lavrov"
        assert "“lavrov”" in screen_text(pilot)


async def test_what_changed_is_briefly_highlighted(store):
    async with started(store, live=True) as pilot:
        path = store / "parties.yaml"
        save_by_rename(path, path.read_text(encoding="utf-8").replace("Sergey Lavrov", "Sergei Lavrov"))
        await wait_until(pilot, lambda: ("parties", "russia") in pilot.app.state.flash, what="flash")
        assert pilot.app.state.flash == {("parties", "russia")}
        await wait_until(pilot, lambda: not pilot.app.state.flash, timeout=6, what="flash to end")


async def test_a_start_after_an_edit_of_the_same_size_within_the_second_shows_the_edit(store):
    """The parse cache of the first run must not stand in for bytes it was not made from."""
    async with started(store) as pilot:
        assert "Round 0 — delegations resume talks" not in screen_text(pilot)
    status = store / "status.yaml"
    stat = status.stat()
    save_in_place(status, set_headline(store, "Round 0 — delegations resume talks"))
    save_in_place(status, set_headline(store, "Round 1 — delegations resume talks"))  # the same size again
    os.utime(status, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    async with started(store) as pilot:
        assert "Round 1 — delegations resume talks" in screen_text(pilot)


async def test_a_save_made_while_the_store_loads_is_shown(store, tmp_path):
    """The first load reads the folder before the watch is in place (and, with a journal,
    records before it): a save in between must still reach the screen."""
    app = make_app(store, live=True, journal=tmp_path / "journal.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(app.shown.wait(), 10)  # on screen; the journal's record and the watch follow
        save_by_rename(store / "status.yaml", set_headline(store, "Saved while the store loaded"))
        await wait_until(pilot, lambda: headline_on_screen(pilot, "Saved while the store loaded"), what="the save made during the load")


async def test_a_large_store_shows_its_story_while_its_quotes_are_read(tmp_path):
    """Over 2 MB of quotes: the story is on screen first, the quotes pane says it is reading (and
    its border gives no count), then every quote is there (what a user sees, polled from the rendered screen)."""
    from tests.helpers.bench import bench_store

    generator = bench_store()
    root = tmp_path / "large"
    generator.write_store(root, 3000, 1)  # ~2.3 MB in quotes/ and events/
    app = make_app(root)
    seen_reading_with_story = False
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.loaded.is_set():
            text = screen_text(pilot)
            if generator.HEADLINE_MARK in text and "reading…" in (reading := region_text(pilot, "#quotes")):
                seen_reading_with_story = True
                assert "0 quotes" not in reading, "the border counted quotes not read yet"
            await pilot.pause(0.01)
        await pilot.pause()
        assert seen_reading_with_story, "the story was never on screen before the quotes"
        quotes = region_text(pilot, "#quotes")
        assert "reading…" not in quotes and "3000 quotes" in quotes.replace(",", "")
