"""What the screen looks like, pinned: the main screen at 120×40 and 80×24, a detail, the error banner, the timeline.

Update after an intended change with `pytest tests/snapshots/test_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import asyncio
import difflib
import pickle

import pytest

from tests.helpers.pilot import make_app, wait_until


@pytest.fixture
def snap_compare(snap_compare, request):
    """The plugin's comparison, saying in the failure what differs: its report is a file CI does not keep."""
    from pytest_textual_snapshot import node_to_report_path, normalize_svg

    def compare(*args, **kwargs) -> bool:
        if snap_compare(*args, **kwargs):
            return True
        expected, actual = (normalize_svg(svg).splitlines() for svg in pickle.loads(node_to_report_path(request.node).read_bytes())[1:3])
        said = []
        for group in difflib.SequenceMatcher(None, expected, actual).get_grouped_opcodes(0):
            for tag, i1, i2, j1, j2 in group:
                for n, (was, now) in enumerate(zip(expected[i1:i2] or [""], actual[j1:j2] or [""]) if tag != "equal" else ()):
                    # An SVG line can hold a whole row of the screen: say where in it the two part.
                    at = next((k for k, (a, b) in enumerate(zip(was, now)) if a != b), min(len(was), len(now)))
                    said += [f"line {i1 + n + 1}, from character {at}:", f"- {was[max(at - 200, 0):at + 200]}", f"+ {now[max(at - 200, 0):at + 200]}"]
        pytest.fail("the picture differs:\n" + "\n".join(said[:30]), pytrace=False)

    return compare


def counted(pilot) -> bool:
    """Every pane's border counts the rows it holds (it says "0 quotes" until the rows are laid out)."""
    from tui.ui.screens.dashboard import DashboardScreen
    from tui.ui.widgets.pane import Pane
    from tui.ui.widgets.row_list import RowList

    if not isinstance(pilot.app.screen, DashboardScreen):
        return True  # other screens' borders carry hints, not counts
    panes = pilot.app.screen.query(Pane)
    return all(f"{len(pane.query_one(RowList).keys)} " in str(pane.border_subtitle or "") or
               f"of {len(pane.query_one(RowList).keys)} " in str(pane.border_subtitle or "") for pane in panes)


def scroll_bars(pilot) -> dict[str, tuple[int, ...]]:
    """Each list whose scroll bar shows: its rows' height and its own, and what its bar was told of them."""
    from tui.ui.widgets.row_list import RowList

    return {str(rows.id): (rows.virtual_size.height, rows.scrollable_content_region.height,
                           int(rows.vertical_scrollbar.window_virtual_size), int(rows.vertical_scrollbar.window_size))
            for rows in pilot.app.screen.query(RowList) if rows.show_vertical_scrollbar}


async def loaded(pilot) -> None:
    await asyncio.wait_for(pilot.app.loaded.wait(), 10)
    # Settle: rows are drawn and counted after the layout they depend on, a refresh or two
    # later; on a loaded machine that takes longer than a few pauses, so wait for the counts.
    try:
        await wait_until(pilot, lambda: counted(pilot), timeout=10, what="the panes' counts")
    except AssertionError as missing:
        # Say what each border said, so a count that never came is seen for what it is.
        from tui.ui.widgets.pane import Pane
        from tui.ui.widgets.row_list import RowList

        said = {str(pane.id): (str(pane.border_subtitle), len(pane.query_one(RowList).keys)) for pane in pilot.app.screen.query(Pane)}
        raise AssertionError(f"{missing}: {said}") from None
    # A full-suite run once drew the quotes' scroll bar for a height the list no longer had (the
    # thumb half a cell long): wait for every bar to agree with its list, and say so if one never does.
    try:
        await wait_until(pilot, lambda: all(v == wv and h == ws for v, h, wv, ws in scroll_bars(pilot).values()), timeout=10,
                         what="each scroll bar to fit its list")
    except AssertionError as unfit:
        raise AssertionError(f"{unfit}: (rows, height, the bar's rows, the bar's height) {scroll_bars(pilot)}") from None
    # Two fresh-clone runs then drew a bar whose figures were right with the thumb of an earlier
    # layout (its last paint behind its figures; not located, never seen alone): paint each bar
    # from its figures before the picture. What the bar is told is pinned by the wait above.
    from tui.ui.widgets.row_list import RowList

    for rows in pilot.app.screen.query(RowList):
        if rows.show_vertical_scrollbar:
            rows.vertical_scrollbar.refresh()
    for _ in range(3):
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.1)


def test_main_screen_120x40(snap_compare, shipped):
    assert snap_compare(make_app(shipped), terminal_size=(120, 40), run_before=loaded)


def test_main_screen_80x24(snap_compare, shipped):
    assert snap_compare(make_app(shipped), terminal_size=(80, 24), run_before=loaded)


def test_issue_detail(snap_compare, store):
    # A copy outside any git repository: in the project's own checkout the full view would also
    # say who last committed the issue, which changes with the project's history.
    async def open_territory(pilot) -> None:
        await loaded(pilot)
        await pilot.press("3", "j", "enter")
        await pilot.pause()

    assert snap_compare(make_app(store), terminal_size=(120, 40), run_before=open_territory)


def test_error_banner(snap_compare, store):
    path = store / "parties.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("role: belligerent", "role: beligerent", 1), encoding="utf-8")
    assert snap_compare(make_app(store), terminal_size=(120, 40), run_before=loaded)


def test_timeline(snap_compare, shipped):
    async def open_timeline(pilot) -> None:
        from tui.ui.widgets.pace_row import PaceRow

        await loaded(pilot)
        await pilot.press("T")
        # The quote rows are mounted by a worker once the chart knows its width: wait for all three.
        for _ in range(100):
            if len(pilot.app.screen.query(PaceRow)) == 3:
                break
            await pilot.pause(0.05)
        await loaded(pilot)

    assert snap_compare(make_app(shipped), terminal_size=(120, 40), run_before=open_timeline)
