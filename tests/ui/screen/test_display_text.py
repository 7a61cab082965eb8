"""Odd text on screen: CJK, emoji, zero-width and right-to-left characters, long lines, CRLF, a BOM, tabs.

The store below is valid, so the dashboard must show it whole, with no problem, at every
size: every row of every list exactly as wide as the list (in terminal cells, as rich
counts them), and the issues pane's columns lined up under their headings even when a
party's short name or an issue's title is in double-width CJK.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.helpers.pilot import screen_text, started, wait_until
from tui.core.text.safe_text import visible
from tui.ui.screens.detail import DetailScreen
from tui.ui.widgets.row_list import RowList

LONG = "长句" * 1_500 + " and then some English to end " + "🙂" * 400
"""A quote of 4,000 characters on one line of its file, most of them two cells wide."""

QUOTE_TEXTS = {
    "q-cjk": "我们不会后退一步。国境线就在这里。日本語も한국어도",
    "q-emoji": "Family 👩‍👩‍👧‍👦, flag 🇺🇦, dove 🕊️, skin tone 👍🏽 and keycap 1️⃣",
    "q-zero-width": "zero\u200bwidth\u200c joiners\u200d and a\ufeffword joiner\u2060 here",
    "q-rtl": "שלום עולם — مرحبا بالعالم — mixed with English",
    "q-bidi": "an override \u202eevil.exe\u202c and an isolate \u2067نص\u2069 shown as written",
    "q-combining": "e\u0301 n\u0303 a\u0308 — Zalgo: Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o",
    "q-tabs": "tab\tinside\tthe quote",
    "q-long": LONG,
}
"""Each quote's text exactly as it must load; written into the files as JSON strings, raw but for the tab."""

STORY = """\
story:
  title: 停火谈判 — שיחות — محادثات 🕊️
  covers: Talks between 北方 and the south.
  as_of: 2025-03-01
  deadlines:
    - date: 2025-03-15
      what: 回复草案 — reply to the draft 📝
      source: wire-1
"""

STATUS = """\
status:
  stage: under-negotiation
  headline: 草案正在交换 — drafts are exchanged — הטיוטות מוחלפות 📨
  since: 2025-02-20
  source: wire-1
"""

PARTIES = """\
parties:
  - id: north
    name: 北方联邦 Northland
    short: 北方
    role: belligerent
    people:
      - id: envoy-a
        name: 王\u200b小明
        title: 首席谈判代表
  - id: south
    name: ארץ הדרום — أرض الجنوب
    short: דרום
    role: belligerent
  - id: broker
    name: "Broker 🕊️ Land\tof tabs"
    short: 调解人调解人调解人调解人
    role: mediator
"""
"""Short names: two cells a character (北方), right-to-left (דרום), and too wide for any column."""

ISSUES = """\
issues:
  - id: border
    title: 边界线
    status: contested
    why: "两国都声称拥有\u200b山谷 — both claim the valley 🏔️"
    source: wire-1
    positions:
      - party: north
        stance: insists
        says: 线不动。
        quotes: q-cjk
      - party: south
        stance: opposes
      - party: broker
        stance: proposes
  - id: prisoners
    title: 交换战俘以及所有被拘留平民的问题和其他非常长的标题文字
    status: narrowing
    positions:
      - party: broker
        stance: conditional
  - id: ascii
    title: Plain ASCII title
    status: contested
    positions:
      - party: south
        stance: insists
"""
"""Issue titles: short CJK (padded), long CJK (cut), ASCII."""

EVENTS = """\
events:
  - id: talks-open
    title: 谈判开始 🕊️ in Geneva
    date: 2025-02-01
    place: 日内瓦
    parties: [north, south, broker]
    source: wire-1
  - id: next-round
    title: Next round, undated
    when: 下周
    source: wire-2
"""

SOURCES = """\
sources:
  - id: wire-1
    outlet: 新闻社 Wire
    title: "Talks open: 谈判开始"
    date: 2025-02-21
  - id: wire-2
    outlet: סוכנות ידיעות
"""


def quotes_yaml(ids: list[str]) -> str:
    lines = ["quotes:"]
    for n, quote_id in enumerate(ids):
        lines += [
            f"  - id: {quote_id}",
            f"    text: {json.dumps(QUOTE_TEXTS[quote_id], ensure_ascii=False)}",
            f"    speaker: {json.dumps('王小明' if n % 2 else 'דוברת ⚖️ spokesperson', ensure_ascii=False)}",
            f"    party: {['north', 'south', 'broker'][n % 3]}",
            f"    date: 2025-02-{10 + n:02d}",
            "    medium: interview",
            "    reported_by: [told 新闻社, \"quoted\tby a tab\"]",
            "    source: wire-1",
            "    issues: [border]",
        ]
    return "\n".join(lines) + "\n"


DAY_ONE = ["q-cjk", "q-emoji", "q-zero-width", "q-rtl"]
DAY_TWO = ["q-bidi", "q-combining", "q-tabs", "q-long"]


def write_odd_store(root: Path) -> Path:
    """The odd store, saved as editors on different systems would: CRLF, a BOM, both."""
    root.mkdir(parents=True, exist_ok=True)
    crlf = lambda text: text.replace("\n", "\r\n")  # noqa: E731
    bom = "\ufeff"
    files = {
        "story.yaml": STORY,
        "status.yaml": crlf(STATUS),
        "parties.yaml": bom + crlf(PARTIES),
        "issues.yaml": bom + ISSUES,
        "events.yaml": EVENTS,
        "sources.yaml": crlf(SOURCES),
        "quotes/day-one.yaml": bom + crlf(quotes_yaml(DAY_ONE)),
        "quotes/day-two.yaml": quotes_yaml(DAY_TWO),
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


@pytest.fixture
def odd_store(tmp_path: Path) -> Path:
    return write_odd_store(tmp_path / "content")


# -- measuring the screen ----------------------------------------------------------------------------------------


def cell_slice(text: str, start: int, width: int | None = None) -> str:
    """The characters of `text` covering cells [start, start + width)."""
    out, at = [], 0
    for char in text:
        if at >= start and (width is None or at < start + width):
            out.append(char)
        at += cell_len(char)
    return "".join(out)


def cell_offset(text: str, needle: str) -> int:
    """The cell at which `needle` starts in `text`."""
    assert needle in text, (needle, text)
    return cell_len(text[: text.index(needle)])


def screen_lines(pilot) -> list[str]:
    return screen_text(pilot).split("\n")


def assert_rows_fill_the_list(row_list: RowList) -> int:
    """Every line the list draws is exactly its width (less a scroll bar) in cells; returns how many were checked."""
    width = row_list.scrollable_content_region.width
    assert width > 0
    for y in range(row_list.size.height):
        strip = row_list.render_line(y)
        assert cell_len(strip.text) == width, (row_list.id, y, cell_len(strip.text), width, strip.text)
        assert strip.cell_length == width
    return row_list.size.height


async def assert_every_list_fills_its_width(pilot) -> None:
    """Every RowList on screen, scrolled through page by page, draws rows of exactly its width."""
    for row_list in pilot.app.screen.query(RowList):
        if not row_list.display or row_list.size.height == 0:
            continue
        assert_rows_fill_the_list(row_list)
        pages = 0
        while row_list.max_scroll_y and row_list.scroll_y < row_list.max_scroll_y and pages < 50:
            row_list.scroll_to(y=row_list.scroll_y + row_list.size.height, animate=False, force=True)
            await pilot.pause()
            assert_rows_fill_the_list(row_list)
            pages += 1
        row_list.scroll_to(y=0, animate=False, force=True)
        await pilot.pause()


def assert_issue_columns_line_up(pilot) -> int:
    """The status and each party's stance start, on every issue row shown, at the cell of their heading."""
    app = pilot.app
    snapshot = app.state.snapshot
    header = app.screen.query_one("#issues-header")
    rows = app.screen.query_one("#issues-list", RowList)
    shown = rows.scrollable_content_region  # without the scroll bars
    lines = screen_lines(pilot)
    assert header.content_region.x == shown.x
    head = cell_slice(lines[header.content_region.y], shown.x, shown.width)
    columns = [p for p in snapshot.parties if any(pos.party == p.id for i in snapshot.issues for pos in i.positions)]
    # Where each heading starts: a label too wide for its column is cut, so look for its start.
    assert "Status" in head, head
    index = head.index("Status")
    starts = [cell_len(head[:index])]
    for party in columns:
        index = head.find(party.label[:2], index + 1)
        assert index >= 0, f"the heading of {party.id} ({party.label}) is not in the header: {head!r}"
        starts.append(cell_len(head[:index]))
    assert starts == sorted(starts) and len(set(starts)) == len(starts), starts
    checked = 0
    for n, issue in enumerate(snapshot.issues):
        y = shown.y + n * rows.row_height - int(rows.scroll_y)
        if not shown.y <= y < shown.bottom:
            continue
        row = cell_slice(lines[y], shown.x, shown.width)
        by_party = {p.party: p.stance.label for p in issue.positions}
        labels = [issue.status.label] + [by_party.get(p.id, "—") for p in columns]
        for label, start in zip(labels, starts):
            room = min(cell_len(label), shown.width - start)
            assert cell_slice(row, start, room) == cell_slice(label, 0, room), (issue.id, label, start, row)
        checked += 1
    return checked


def assert_event_titles_line_up(pilot) -> int:
    """In the timeline, every event's title starts at the same cell, whatever language its date is in."""
    snapshot = pilot.app.state.snapshot
    events = pilot.app.screen.query_one("#events-list", RowList)
    starts = {}
    # Each event is two lines; the title starts on the first (after a short `when`).
    events.focus()
    for row in range(len(events.keys)):
        events.select_key(events.keys[row])  # scrolled to, as a reader would
        event = snapshot.event_by_id[events.keys[row]]
        y = row * events.row_height - int(events.scroll_offset.y)
        starts[event.id] = cell_offset(events.render_line(y).text, visible(event.title)[:4])
    assert len(set(starts.values())) == 1, starts
    return len(starts)


def region_text(pilot, region) -> str:
    """What the screen shows inside `region`, line by line, cut by cells."""
    lines = screen_lines(pilot)[region.y : region.bottom]
    return "\n".join(cell_slice(line, region.x, region.width) for line in lines)


def without_spaces(text: str) -> str:
    """For text that wraps: where the lines break, and how, is the view's business."""
    return "".join(text.split())


# -- the tests ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (200, 50), (100, 32)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_odd_text_is_shown_whole_and_every_row_fills_its_list(odd_store, size):
    async with started(odd_store, size=size) as pilot:
        assert pilot.app.state.problems == ()
        assert {q.id: q.text for q in pilot.app.state.snapshot.quotes} == QUOTE_TEXTS  # CRLF, BOM and tabs read as written
        assert pilot.app.state.snapshot.party_by_id["broker"].name == "Broker 🕊️ Land\tof tabs"
        await assert_every_list_fills_its_width(pilot)
        assert assert_issue_columns_line_up(pilot) >= 1
        assert assert_event_titles_line_up(pilot) == 2
        text = screen_text(pilot)
        assert "\t" not in text and "\u202e" not in text and "\u2067" not in text
        assert "\r" not in text and "\ufeff" not in text.replace("a\ufeffword", "")


async def test_odd_text_in_the_rows_and_the_full_views(odd_store):
    async with started(odd_store, size=(200, 50)) as pilot:
        text = screen_text(pilot)
        for fragment in ("北方联邦 Northland", "ארץ הדרום — أرض الجنوب", "边界线", "我们不会后退一步", "👩‍👩‍👧‍👦", "שלום עולם",
                         "<U+202E>evil.exe<U+202C>", "tab    inside    the quote", "长句长句", "草案正在交换"):
            assert fragment in text, fragment
        # Every quote opens, the longest too, and shows its whole text as written (tabs as spaces).
        quotes = pilot.app.screen.query_one("#quotes RowList", RowList)
        await pilot.press("4", "g")
        for n, key in enumerate(list(quotes.keys)):
            assert quotes.current == key
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, DetailScreen)
            body = pilot.app.screen.query_one("#detail-body")
            shown = without_spaces(region_text(pilot, body.scrollable_content_region))
            expected = without_spaces(visible(QUOTE_TEXTS[key]))
            if key == "q-long":
                assert expected[:500] in shown  # the start of it: more than a screenful would not fit
            else:
                assert expected in shown, key
            await pilot.press("escape", "j")
            await pilot.pause()
        # The CJK issue and party open too.
        await pilot.press("3", "g", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DetailScreen) and "边界线" in screen_text(pilot)
        await pilot.press("escape", "2", "g", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DetailScreen) and "北方联邦 Northland" in screen_text(pilot)
        assert "王\u200b小明" in screen_text(pilot) or "王小明" in screen_text(pilot)
        await pilot.press("escape")
        assert pilot.app.is_running


async def test_columns_stay_lined_up_when_a_short_name_changes_live(odd_store):
    async with started(odd_store, live=True) as pilot:
        parties = odd_store / "parties.yaml"
        raw = parties.read_bytes().decode("utf-8")
        parties.write_bytes(raw.replace("short: 北方", "short: 北方北方北").replace("short: דרום", "short: 🕊️南").encode("utf-8"))
        await wait_until(pilot, lambda: pilot.app.state.snapshot.party_by_id["north"].label == "北方北方北", what="the new short names")
        await pilot.pause()
        assert pilot.app.state.problems == ()
        assert assert_issue_columns_line_up(pilot) >= 1
        await assert_every_list_fills_its_width(pilot)


async def test_a_list_longer_than_its_pane_shows_every_line_and_whole_rows(shipped):
    async with started(shipped) as pilot:
        quotes = pilot.app.screen.query_one("#quotes RowList", RowList)
        assert len(quotes.keys) * quotes.row_height > quotes.content_region.height  # it must scroll
        shown = quotes.scrollable_content_region
        assert quotes.max_scroll_x == 0 and not quotes.show_horizontal_scrollbar
        assert shown.height == quotes.content_region.height
        for y in range(shown.height):
            assert cell_len(quotes.render_line(y).text) == shown.width
