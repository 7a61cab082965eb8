"""y copies the quote under the cursor as an attribution line, o opens a source's address, b writes the brief:
real key presses on real rows, the clipboard read back from the app, the browser a real script, the brief a real file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.helpers.minimal_store import write_store
from tests.helpers.pilot import overlay_text, screen_text, started, wait_until

TRUMP = ("“when the deal to end this war is final or is in its final stages.” — Donald Trump, U.S. President, in a post on "
         "Truth Social on 25 November 2025, according to Meduza.")
YERMAK = ("“as soon as possible” — Andriy Yermak, Ukrainian Presidential Office Head, told Axios in an interview on "
          "25 November 2025, according to Meduza.")
LAVROV = ("“If the spirit and letter of Anchorage regarding the key understandings we reached are erased, then of course it "
          "will be a fundamentally different situation,” Sergey Lavrov, Russian Foreign Minister, told reporters at a press "
          "conference on 25 November 2025, according to Meduza.")


async def toast_says(pilot, words: str) -> None:
    """Wait until a notification on screen shows `words` (a toast wraps its lines: compared word by word)."""

    def said() -> bool:
        for toast in pilot.app.screen.query("Toast"):
            lines = screen_text(pilot).splitlines()[toast.region.y : toast.region.bottom]
            text = " ".join(line[toast.region.x : toast.region.right].strip(" ▌▐▎") for line in lines)
            # A path has no space to wrap at, so the toast cuts it anywhere: compared without spaces too.
            if words in " ".join(text.split()) or words.replace(" ", "") in text.replace(" ", ""):
                return True
        return False

    await wait_until(pilot, said, what=f"a notification saying {words!r}")


def cursor_row(pilot) -> str:
    """The first line of the quote row under the cursor, as drawn."""
    rows = pilot.app.screen.query_one("#quotes-list")
    return screen_text(pilot).splitlines()[rows.region.y + rows.cursor * 2 - round(rows.scroll_offset.y)]


async def test_y_copies_the_quote_under_the_cursor_after_moving_with_j_and_k(shipped):
    async with started(shipped, notifications=True) as pilot:
        await pilot.press("4", "y")
        await pilot.pause()
        assert pilot.app.clipboard == TRUMP
        assert "Donald Trump" in cursor_row(pilot)
        await toast_says(pilot, "Copied attribution")
        await pilot.press("j", "j", "y")
        await pilot.pause()
        assert pilot.app.clipboard == LAVROV
        assert "Sergey Lavrov" in cursor_row(pilot)
        await pilot.press("k", "y")
        await pilot.pause()
        assert pilot.app.clipboard == YERMAK
        assert "Andriy Yermak" in cursor_row(pilot)


async def test_y_in_a_quotes_full_view_copies_that_quote(shipped):
    async with started(shipped, notifications=True) as pilot:
        await pilot.press("4", "j", "j", "enter")
        await pilot.pause()
        assert "“If the spirit and letter of Anchorage" in overlay_text(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.clipboard == LAVROV
        footer = screen_text(pilot).splitlines()[-1]
        assert "y Copy attribution" in footer and "o Open source" in footer
        # An issue's full view has no attribution: the key is not offered, and copies nothing.
        await pilot.press("escape", "3", "enter", "y")
        await pilot.pause()
        assert pilot.app.clipboard == LAVROV
        footer = screen_text(pilot).splitlines()[-1]
        assert "Copy attribution" not in footer and "o Open source" in footer


async def test_y_on_a_quote_that_is_filtered_away_copies_nothing(shipped):
    async with started(shipped, notifications=True) as pilot:
        await pilot.press("slash", *"no such words anywhere", "enter")
        await pilot.pause()
        await pilot.press("4", "y")
        await pilot.pause()
        assert pilot.app.clipboard == ""
        await toast_says(pilot, "No quote under the cursor to copy.")


async def test_o_says_when_no_address_is_known(shipped):
    async with started(shipped, notifications=True) as pilot:
        await pilot.press("4", "o")
        await pilot.pause()
        await toast_says(pilot, "No address to open")
        await toast_says(pilot, "No address is known for its source (Meduza,")


@pytest.fixture
def browser(tmp_path, monkeypatch) -> Path:
    """A real program as the user's browser ($BROWSER): it writes down each address it is asked to open."""
    import webbrowser

    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", f"{script} %s")
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read $BROWSER afresh, as a new process would
    return opened


async def test_o_opens_the_source_of_the_quote_or_event_under_the_cursor(tmp_path, browser):
    store = write_store(tmp_path / "content")
    async with started(store, notifications=True) as pilot:
        await pilot.press("4", "o")  # the Envoy's quote: its source has an address
        await wait_until(pilot, lambda: browser.is_file() and browser.read_text().strip() != "", what="the browser to be started")
        assert browser.read_text().splitlines() == ["https://example.org/wire-1"]
        await toast_says(pilot, "Opening the source")
        await pilot.press("j", "o")  # an official's: The Other Wire gives none
        await pilot.pause()
        await toast_says(pilot, "No address is known for its source (The Other Wire).")
        await pilot.press("1", "G", "o")  # the events, newest first: the oldest is the talks opening, from The Wire
        await wait_until(pilot, lambda: len(browser.read_text().splitlines()) == 2, what="the second address")
        assert browser.read_text().splitlines() == ["https://example.org/wire-1"] * 2
        await pilot.press("enter", "o")  # and from the event's full view
        await wait_until(pilot, lambda: len(browser.read_text().splitlines()) == 3, what="the third address")


async def test_o_never_hands_a_non_web_address_to_the_browser(tmp_path, browser):
    from tests.helpers.minimal_store import SOURCES

    store = write_store(tmp_path / "content", sources_yaml=SOURCES.replace("https://example.org/wire-1", "javascript:alert(1)"))
    async with started(store, notifications=True) as pilot:
        await pilot.press("4", "o")
        await toast_says(pilot, "not a web address")  # the key was handled, and refused
    assert not browser.exists()


async def test_b_writes_the_brief_in_the_current_folder_and_never_over_another(shipped, tmp_path, monkeypatch):
    out = tmp_path / "desk"
    out.mkdir()
    monkeypatch.chdir(out)
    async with started(shipped, notifications=True) as pilot:
        await pilot.press("b")
        await pilot.pause()
        first = out / "peacewatch-brief-2025-11-25-1800.md"
        assert first.is_file()
        await toast_says(pilot, f"Written to {first}")
        await pilot.press("b")
        await pilot.pause()
        assert (out / "peacewatch-brief-2025-11-25-1800-2.md").read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    parsed = MarkdownIt("commonmark").parse(first.read_text(encoding="utf-8"))
    titles = [parsed[i + 1].content for i, t in enumerate(parsed) if t.type == "heading_open" and t.tag == "h2"]
    assert titles == ["Where the deal stands", "Deadlines", "Issues", "The texts", "Latest events", "Key quotes"]
    assert LAVROV in first.read_text(encoding="utf-8").replace("\\", "")


async def test_b_never_writes_into_the_content_folder(store, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(store / "quotes")
    before = sorted(p.name for p in store.rglob("*"))
    async with started(store, notifications=True) as pilot:
        await pilot.press("b")
        await pilot.pause()
        written = home / "Documents" / "peacewatch-brief-2025-11-25-1800.md"
        assert written.is_file()
        await toast_says(pilot, str(written))
    assert sorted(p.name for p in store.rglob("*")) == before


async def test_b_in_the_search_box_is_typed_not_a_brief(shipped, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with started(shipped, notifications=True) as pilot:
        await pilot.press("slash", "b", "y", "o")
        await pilot.pause()
        assert pilot.app.screen.query_one("#quote-search").value == "byo"
        assert pilot.app.clipboard == ""
    assert os.listdir(tmp_path) == []


async def test_help_lists_the_new_keys(shipped):
    async with started(shipped, size=(120, 80)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = overlay_text(pilot)
        for words in ("Copy the quote under the cursor as one attribution line", "Open the address of the quote's source",
                      "Open the address of the event's source", "Write the state of play as a Markdown file",
                      "Copy this quote as one attribution line"):
            assert words in " ".join(text.split()), words


async def test_a_quote_a_hash_cut_short_is_marked_and_never_copied_as_verbatim(store):
    day = store / "quotes" / "2025-11-25.yaml"
    day.write_text(day.read_text(encoding="utf-8").replace("    text: as soon as possible\n", "    text: as soon as #1 possible\n"), encoding="utf-8")
    async with started(store, (120, 40), notifications=True) as pilot:
        app = pilot.app
        await pilot.press("4", "j")
        await wait_until(pilot, lambda: "Andriy Yermak" in cursor_row(pilot), what="the cursor on Yermak's quote")
        assert "⚠ not verbatim · Andriy Yermak" in cursor_row(pilot)
        assert "“as soon as”" not in screen_text(pilot)  # its words are never drawn between quotation marks
        await pilot.press("y")
        await toast_says(pilot, "Not copied: this quote's words are not what the source printed")
        assert app.clipboard != YERMAK and "as soon as" not in (app.clipboard or "")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "⚠ Not verbatim:" in overlay_text(pilot), what="the full view's warning")
        assert "'text' stops before this '#'" in overlay_text(pilot)
