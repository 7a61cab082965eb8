"""Full views read well: wrapped values hang under themselves, positions follow the issues pane's order."""

from __future__ import annotations

from tests.helpers.pilot import overlay_text, screen_text, started
from tui.core.model.vocab import Medium


def test_media_keep_the_capitals_of_their_names():
    assert [Medium.POST_ON_X.label, Medium.POST_ON_TRUTH_SOCIAL.label, Medium.POST_ON_TELEGRAM.label] == [
        "post on X", "post on Truth Social", "post on Telegram",
    ]
    assert Medium.PRESS_CONFERENCE.label == "press conference"


async def test_a_long_value_wraps_under_itself_not_under_its_label(shipped):
    async with started(shipped, size=(80, 40)) as pilot:
        await pilot.press("enter")  # the newest quote, in full
        await pilot.pause()
        lines = overlay_text(pilot).splitlines()
        source = next(i for i, line in enumerate(lines) if line.startswith("Source"))
        assert lines[source + 1].startswith(" " * 13) and lines[source + 1].strip()  # the source's title, wrapped


async def test_an_issues_positions_are_in_the_order_of_the_issues_pane(shipped):
    async with started(shipped) as pilot:
        header = next(line for line in screen_text(pilot).splitlines() if "Issue" in line and "Status" in line)
        pane_order = [name for name in ("U.S.", "Russia", "Ukraine") if name in header]
        pane_order.sort(key=header.index)
        await pilot.press("3", "enter")
        await pilot.pause()
        text = overlay_text(pilot)
        names = {"U.S.": "United States", "Russia": "Russia", "Ukraine": "Ukraine"}
        starts = [text.index(f"\n{names[short]}  ") for short in pane_order]
        assert starts == sorted(starts)
