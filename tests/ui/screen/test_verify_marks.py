"""Each quote's state against its source's archived copy, at a glance: a mark on its row, a legend
on the quotes pane, a line in its full view; and the banner, in the theme's error colour, naming
a quote whose words were changed, with the words that differ."""

from __future__ import annotations

from textual.color import Color

from tests.helpers.forms import save
from tests.helpers.pilot import overlay_text, screen_text, started, wait_until
from tests.ui.editing.test_item_forms import on_quote
from tui.ui.forms.item_form import ItemForm
from tui.ui.screens.detail import DetailScreen
from tui.ui.widgets.problem_banner import ProblemBanner
from tui.ui.widgets.quotes_pane import QuotesPane


async def test_the_shipped_quotes_show_their_marks_a_legend_and_the_full_view_says_verbatim(shipped):
    async with started(shipped, size=(120, 40)) as pilot:
        text = screen_text(pilot)
        assert "4 Quotes  ✓ verbatim  · not archived" in text
        rows = [line.strip("│ ") for line in text.splitlines() if "25 Nov 2025" in line and "·" in line and "Quotes" not in line]
        assert rows and all(row.startswith("✓ 25 Nov 2025") for row in rows if "Lavrov" in row or "Trump" in row)
        assert "· undated     Meduza’s Russian-language readers" in text
        await pilot.press("4", "enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen), what="the full view")
        assert "✓ Verbatim: its words occur exactly in the archived copy (archive/b6659879" in " ".join(overlay_text(pilot).split())


async def test_one_word_changed_in_a_form_turns_the_banner_red_with_the_word_diff_and_marks_the_quote(store):
    async with started(store, size=(120, 40), live=True) as pilot:
        banner = pilot.app.screen.query_one(ProblemBanner)
        assert not banner.display
        await on_quote(pilot, "welcomed", "E", "Quote by Sergey Lavrov: “welcomed”")
        assert isinstance(pilot.app.screen, ItemForm)
        pilot.app.screen.query_one("#f-text").focus()
        await pilot.press("end", "backspace", "s")  # welcomed -> welcomes
        await save(pilot)
        said = "not as printed: store: *welcomes*; source: *welcomed*"
        await wait_until(pilot, lambda: said in screen_text(pilot), what="the banner naming the changed word")
        assert banner.display
        shade, error = banner.styles.background, Color.parse(pilot.app.current_theme.error)
        assert shade.a > 0 and all(abs(a - b) <= 2 for a, b in zip(shade.rgb, error.rgb))  # the theme's error colour: red
        text = screen_text(pilot)
        assert "quotes/2025-11-25.yaml:29:11: " + said in text
        assert "≠ differs" in str(pilot.app.screen.query_one(QuotesPane).border_title)
        # Not passed off as verbatim: said so, and its words without quotation marks.
        assert any(line.strip("│ ").startswith("≠ 25 Nov 2025 ⚠ not verbatim · Sergey Lavrov") for line in text.splitlines())
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen), what="the full view")
        shown = " ".join(overlay_text(pilot).split())
        assert shown.startswith("≠ Differs: its words are not what the archived copy") and "store: *welcomes*; source: *welcomed*" in shown
