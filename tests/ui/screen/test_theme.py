"""A theme change redraws every list in the new theme's colours, not only the frames around them."""

from __future__ import annotations

from rich.color import Color

from tests.helpers.pilot import started, style_of, wait_until


def _colour(theme_colour: str) -> Color:
    return Color.parse(theme_colour)


async def test_a_theme_change_redraws_the_stances_in_the_new_colours(store):
    async with started(store) as pilot:
        pilot.app.theme = "textual-dark"
        await pilot.pause()
        before = style_of(pilot, "conditional")
        assert before.color is not None
        assert before.color.triplet == _colour(pilot.app.current_theme.warning).get_truecolor()
        pilot.app.theme = "nord"
        nord = _colour(pilot.app.current_theme.warning).get_truecolor()
        assert nord != before.color.triplet
        await wait_until(pilot, lambda: style_of(pilot, "conditional").color.triplet == nord, what="the stance in nord's colour")
