"""Running the story from the dashboard: edit any item in a form, remove one, add the kinds with no
form of their own, revert a change from the Changes view, and see how stances moved.

Every path is driven by real keys on a real store in a temp folder; what is asserted is the
file's bytes and the screen.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys

from textual.widgets import OptionList

from tests.helpers.forms import choose, save, type_into
from tests.helpers.pilot import overlay_text, region_text, screen_text, started, wait_until
from tui.ui.forms.item_form import ItemForm
from tui.ui.screens.changes import ChangesScreen
from tui.ui.screens.choose import ChooseScreen
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.detail import DetailScreen


def diff(before: str, after: str) -> tuple[list[str], list[str]]:
    lines = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [x[2:] for x in lines if x.startswith("- ")], [x[2:] for x in lines if x.startswith("+ ")]


async def pick(pilot, label_start: str) -> None:
    """Choose the option of the open ChooseScreen whose label starts with `label_start`, by keys."""
    assert isinstance(pilot.app.screen, ChooseScreen), type(pilot.app.screen)
    options = pilot.app.screen.query_one(OptionList)
    labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    target = next(i for i, text in enumerate(labels) if text.startswith(label_start))
    await pilot.press(*(["down"] * (target - (options.highlighted or 0))), "enter")
    await pilot.pause()


async def on_quote(pilot, words: str, key: str, choice: str) -> None:
    """Search for a quote by its words, then press `key` (E or d) on it and pick `choice`."""
    await pilot.press("slash", *words, "enter")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    await pick(pilot, choice)


async def test_a_typo_in_a_saved_quote_is_fixed_from_its_form_with_a_one_line_diff(store):
    path = store / "quotes" / "2025-11-25.yaml"
    before = path.read_text(encoding="utf-8")
    async with started(store, live=True) as pilot:
        await on_quote(pilot, "welcomed", "E", "Quote by Sergey Lavrov: “welcomed”")
        assert isinstance(pilot.app.screen, ItemForm)
        assert "Edit quote by Sergey Lavrov: “welcomed”" in screen_text(pilot)
        assert "Sergey Lavrov" in screen_text(pilot)  # filled in with what is stored
        text = pilot.app.screen.query_one("#f-text")
        text.focus()
        await pilot.press("end", *" it")
        await save(pilot)
        await wait_until(pilot, lambda: "welcomed it" in screen_text(pilot), what="the fixed quote on screen")
    assert diff(before, path.read_text(encoding="utf-8")) == (["    text: welcomed"], ["    text: welcomed it"])


async def test_a_form_that_changes_nothing_says_so_and_writes_nothing(store):
    before = (store / "parties.yaml").read_bytes()
    async with started(store) as pilot:
        await pilot.press("2", "E")
        await pilot.pause()
        await pick(pilot, "Party")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Nothing changed" in screen_text(pilot)
    assert (store / "parties.yaml").read_bytes() == before


async def test_a_cited_source_is_not_removed_and_the_notice_counts_what_cites_it(store):
    before = (store / "sources.yaml").read_bytes()
    async with started(store, notifications=True) as pilot:
        await on_quote(pilot, "welcomed", "d", "Source")
        await wait_until(pilot, lambda: "cannot be removed" in screen_text(pilot), what="the refusal")
        assert "cite this source" in screen_text(pilot)
    assert (store / "sources.yaml").read_bytes() == before


async def test_removing_a_quote_asks_then_takes_out_only_its_lines(store):
    path = store / "quotes" / "2025-11-25.yaml"
    before = path.read_text(encoding="utf-8")
    async with started(store, live=True) as pilot:
        await on_quote(pilot, "as soon as possible", "d", "Quote")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "Remove Quote by Andriy Yermak: “as soon as possible”" in screen_text(pilot)
        await pilot.press("y")
        await wait_until(pilot, lambda: "yermak-as-soon-as-possible" not in path.read_text(encoding="utf-8"), what="the removal")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "as soon as possible" not in region_text(pilot, "#quotes"), what="the quote gone from the screen")
    removed, added = diff(before, path.read_text(encoding="utf-8"))
    assert added == [] and "  - id: yermak-as-soon-as-possible" in removed


async def test_a_wrong_stance_is_reverted_from_the_changes_view(store, tmp_path):
    path = store / "issues.yaml"
    original = path.read_text(encoding="utf-8")
    async with started(store, live=True, journal=tmp_path / "journal.json", notifications=True) as pilot:
        path.write_text(original.replace("stance: conditional", "stance: opposes", 1), encoding="utf-8")
        await wait_until(pilot, lambda: ("issues", "territory") in pilot.app.state.unseen, what="the wrong stance")
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChangesScreen) and "conditional → opposes" in region_text(pilot, "#list-body"),
                         what="the change listed")
        await pilot.press("j")  # from the reload's heading to its one change
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen) and "Revert" in screen_text(pilot)
        await pilot.press("y")
        await wait_until(pilot, lambda: path.read_text(encoding="utf-8") == original, what="the old stance written back")
        await wait_until(pilot, lambda: "opposes → conditional" in region_text(pilot, "#list-body"), what="the revert listed as a change")
        # Reverting it again is refused: the stance is no longer what that change made it.
        await pilot.press("G")
        await pilot.press("u", "y")
        await wait_until(pilot, lambda: "changed since" in screen_text(pilot), what="the refusal")
    assert path.read_text(encoding="utf-8") == original


async def test_the_issue_view_shows_how_a_stance_moved(store, tmp_path):
    path = store / "issues.yaml"
    async with started(store, live=True, journal=tmp_path / "journal.json") as pilot:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("stance: conditional", "stance: insists", 1), encoding="utf-8")
        await wait_until(pilot, lambda: ("issues", "territory") in pilot.app.state.unseen, what="the stance change")
        await pilot.press("3", "j", "enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen), what="the issue's full view")
        await wait_until(pilot, lambda: "How the stances moved" in overlay_text(pilot), what="the history")
        line = next(x for x in overlay_text(pilot).splitlines() if "conditional →" in x)
        # When the journal saw the move (the real clock: the journal dates what it observes).
        assert re.search(r"Russia\s+conditional → insists \(\d{1,2} \w{3} \d{4}\)", line), line


async def test_a_second_story_is_set_up_from_peacewatch_new_without_an_editor(tmp_path):
    root = tmp_path / "story"
    subprocess.run([sys.executable, "-m", "tui", "new", str(root)], check=True, capture_output=True)
    async with started(root, live=True, size=(120, 50)) as pilot:

        async def add(what: str) -> None:
            await pilot.press("plus")
            await pilot.pause()
            await pick(pilot, what)
            assert isinstance(pilot.app.screen, ItemForm)

        await add("   A source")
        await type_into(pilot, "f-outlet", "The Wire")
        await type_into(pilot, "f-title", "Talks open")
        await type_into(pilot, "f-date", "2025-11-25")
        await save(pilot)
        await add("   A party")
        await type_into(pilot, "f-name", "Northland")
        await choose(pilot, "f-role", "belligerent")
        await save(pilot)
        await wait_until(pilot, lambda: "Northland" in region_text(pilot, "#parties"), what="the party on screen")
        await add("   A person")
        await choose(pilot, "f-party", "Northland")
        await type_into(pilot, "f-name", "A. Envoy")
        await save(pilot)
        await add("   An issue")
        await type_into(pilot, "f-title", "The border line")
        await choose(pilot, "f-status", "contested")
        await save(pilot)
        await wait_until(pilot, lambda: "The border line" in region_text(pilot, "#issues"), what="the issue on screen")
        await add("   The story")
        await type_into(pilot, "f-title", "Northland talks")
        await save(pilot)
        await wait_until(pilot, lambda: "Northland talks" in screen_text(pilot), what="the new title")
        assert "A. Envoy" in region_text(pilot, "#parties")
    check = subprocess.run([sys.executable, "-m", "tui", "check", str(root)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


async def test_fields_typed_in_a_burst_with_tabs_land_each_in_its_own_field(store):
    from tests.helpers.pilot import burst

    async with started(store) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        await pick(pilot, "   A source")
        # As a paste or a slow SSH link delivers them: every key queued before the first is read.
        await burst(pilot, *"Reuters", "tab", *"Some title", "tab", *"2025-11-20")
        await wait_until(pilot, lambda: "2025-11-20" in screen_text(pilot), what="the burst typed")
        lines = screen_text(pilot).splitlines()
        # Each value on the line of its own field's box, under its own label.
        for label, value in (("Outlet", "Reuters"), ("Title", "Some title"), ("Date", "2025-11-20")):
            at = next(i for i, line in enumerate(lines) if f"│  {label} " in line)
            assert value in lines[at + 2] and "ReutersSome" not in lines[at + 2], lines[at : at + 3]
        await save(pilot)
        await wait_until(pilot, lambda: "id: reuters-2025-11-20-some-title" in (store / "sources.yaml").read_text(encoding="utf-8"),
                         what="the source written")


async def test_a_first_position_of_a_party_redraws_every_issue_row_under_the_new_columns(store):
    async with started(store, live=True) as pilot:
        await pilot.press("3", "j", "p")
        await pilot.pause()
        await choose(pilot, "party", "Financial Times")
        await choose(pilot, "stance", "unclear")
        await choose(pilot, "source", "Meduza")
        await save(pilot)
        await wait_until(pilot, lambda: " FT " in region_text(pilot, "#issues"), what="the new column")
        lines = region_text(pilot, "#issues").splitlines()
        header = next(line for line in lines if " Issue " in line)
        column = header.index(" FT ") + 1
        # The issue that did not change is drawn again too: its cell under FT says it has no position.
        security = next(line for line in lines if "Security guarantees" in line)
        assert security[column] == "—", (header, security)


async def test_a_list_with_nothing_to_pick_says_so_instead_of_a_blank_box(tmp_path):
    root = tmp_path / "story"
    subprocess.run([sys.executable, "-m", "tui", "new", str(root)], check=True, capture_output=True)
    async with started(root, size=(100, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        lines = screen_text(pilot).splitlines()
        at = next(i for i, line in enumerate(lines) if "Quotes behind it" in line)
        assert "none in the store yet" in lines[at + 1]


async def test_a_burst_that_starts_on_a_drop_down_lands_in_the_fields_after_it(store):
    from tests.helpers.pilot import burst

    async with started(store, live=True, size=(120, 50)) as pilot:
        await pilot.press("2", "plus")  # the person's party starts as the one under the cursor
        await pilot.pause()
        await pick(pilot, "   A person")
        await burst(pilot, "tab", *"Rufus Firefly", "tab", *"President")
        await wait_until(pilot, lambda: "President" in screen_text(pilot), what="the burst typed")
        lines = screen_text(pilot).splitlines()
        for label, value in (("Name", "Rufus Firefly"), ("Title", "President")):
            at = next(i for i, line in enumerate(lines) if f"│  {label} " in line)
            assert value in lines[at + 2], lines[at : at + 3]
        await save(pilot)
        await wait_until(pilot, lambda: "name: Rufus Firefly" in (store / "parties.yaml").read_text(encoding="utf-8"), what="the person written")
