"""Importing an article in the dashboard: `+`, the article's path, its quotes reviewed beside its text,
three accepted with one key each and one corrected in the form, then written with its new source as
one edit: the store's diff is exactly those quotes and that source, each quote word for word."""

from __future__ import annotations

from pathlib import Path

from tests.commands.test_import_cli import ARTICLE
from tests.helpers.git import git, identity
from tests.helpers.pilot import region_text, screen_cells, screen_text, started, wait_until


async def test_an_article_reviewed_and_written_adds_exactly_its_accepted_quotes_and_source(store: Path, tmp_path: Path) -> None:
    git(store, "init", "--quiet")
    identity(store, "Anna Editor")
    git(store, "add", ".")
    git(store, "commit", "--quiet", "-m", "Start")
    article = tmp_path / "geneva.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    async with started(store, size=(120, 40), notifications=True) as pilot:
        await pilot.press("plus")
        await wait_until(pilot, lambda: "An article: its quotes proposed" in screen_text(pilot), what="the add menu")
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: "Import an article" in screen_text(pilot), what="the import screen")
        await pilot.press(*str(article), "enter")
        await wait_until(pilot, lambda: "0 of 4 accepted" in screen_text(pilot), what="the review")
        shown = region_text(pilot, "#review-article")
        assert "Talks resume in Geneva" in shown and "cautiously" in shown  # the article's own text, beside the proposals
        await pilot.press("enter", "enter", "enter")  # three quotes, one key each
        await wait_until(pilot, lambda: "3 of 4 accepted" in screen_text(pilot), what="three accepted")
        assert screen_text(pilot).count("✓ ") >= 3
        await pilot.press("e")  # the fourth, corrected in the quote form
        await wait_until(pilot, lambda: "Correct the proposed quote" in screen_text(pilot), what="the form")
        await pilot.press("end", "s", "ctrl+s")  # a word changed is not what was said: refused in the form
        await wait_until(pilot, lambda: "Not the article's words" in screen_text(pilot), what="the change refused")
        await pilot.press("backspace", "tab", "tab", *"European diplomat", "ctrl+s")
        await wait_until(pilot, lambda: "4 of 4 accepted" in screen_text(pilot), what="the corrected one accepted")
        await pilot.press("ctrl+s")  # the new source needs its outlet: the cursor goes there
        await wait_until(pilot, lambda: "needs its outlet" in screen_text(pilot), what="the outlet asked for")
        await pilot.press(*"Test Wire", "tab", "tab", *"2025-11-26", "ctrl+s")  # the title: the text's headline, filled in
        await wait_until(pilot, lambda: "Written to quotes/2025-11-26.yaml" in screen_text(pilot), what="the edit written")
    [copy] = (store / "archive").glob("15ed*.txt")
    status = git(store, "status", "--porcelain").splitlines()
    assert sorted(line[3:] for line in status) == [f"archive/{copy.name}", "quotes/2025-11-26.yaml", "sources.yaml"]
    assert copy.read_bytes() == article.read_bytes()
    added = git(store, "diff", "--", "sources.yaml")
    assert "+  - id: test-wire-2025-11-26-talks-resume-in-geneva\n" in added and "+    title: Talks resume in Geneva\n" in added and f"+      - file: archive/{copy.name}\n" in added
    assert sum(1 for line in added.splitlines() if line.startswith("-") and not line.startswith("---")) == 0  # added, nothing else
    day = (store / "quotes/2025-11-26.yaml").read_text(encoding="utf-8")
    for words in ("ready to look at the new text", "any ultimatum.", "We will answer when we have read every line,", "cautiously hopeful."):
        assert f"    text: {words}\n" in day
        assert words in ARTICLE  # word for word
    assert "    speaker_role: European diplomat\n" in day and day.count("source: test-wire-2025-11-26-talks-resume-in-geneva") == 4


async def test_the_article_marks_the_proposal_under_the_cursor_as_it_moves(store: Path, tmp_path: Path) -> None:
    # The review screen follows the cursor with an `@on` handler: a key's move reaches it too.
    article = tmp_path / "geneva.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    phrases = ("ready to look at the new text", "any ultimatum", "We will answer when", "cautiously hopeful")

    def marked() -> list[str]:
        """The phrases drawn reversed in the article (the list beside it shows them too)."""
        region = pilot.app.screen.query_one("#review-article").region
        lines = ["".join(char if (style and style.reverse) else " " for char, style in cells[region.x : region.right])
                 for cells in screen_cells(pilot)[region.y : region.bottom]]
        return [phrase for phrase in phrases if any(phrase.split()[0] in line for line in lines)]

    async with started(store, size=(160, 45)) as pilot:
        await pilot.press("plus")
        await wait_until(pilot, lambda: "An article: its quotes proposed" in screen_text(pilot), what="the add menu")
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: "Import an article" in screen_text(pilot), what="the import screen")
        await pilot.press(*str(article), "enter")
        await wait_until(pilot, lambda: "Talks resume in Geneva" in region_text(pilot, "#review-article"), what="the review")
        await pilot.pause()
        first = marked()
        assert len(first) == 1, first
        await pilot.press("down")
        await pilot.pause()
        second = marked()
        assert len(second) == 1 and second != first, (first, second)
