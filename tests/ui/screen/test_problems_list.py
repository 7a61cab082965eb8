"""The problems list: a row per problem with a visible cursor; enter opens the editor at its line and column."""

from __future__ import annotations

import json
import re
import stat
import sys
from pathlib import Path

from tests.helpers.pilot import region_text, screen_cells, screen_text, started, wait_until
from tui.ui.screens.problems import ProblemsScreen

EDITOR = """#!{python}
import json, sys
from pathlib import Path
Path({log!r}).write_text(json.dumps(sys.argv[1:]))
path = Path(sys.argv[-1])
path.write_text(path.read_text(encoding="utf-8").replace("rusia", "russia").replace("ukrane", "ukraine"), encoding="utf-8")
"""


def _break(store: Path) -> None:
    events = store / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("      - ukraine\n", "      - ukrane\n", 1), encoding="utf-8")
    day = store / "quotes" / "2025-11-25.yaml"
    day.write_text(day.read_text(encoding="utf-8").replace("party: russia", "party: rusia", 1), encoding="utf-8")


async def test_enter_on_a_problem_opens_the_editor_at_its_line_and_column(store, tmp_path, monkeypatch):
    _break(store)
    log = tmp_path / "argv.json"
    vim = tmp_path / "bin" / "vim"  # named vim, so the column is passed as vim takes it
    vim.parent.mkdir()
    vim.write_text(EDITOR.format(python=sys.executable, log=str(log)), encoding="utf-8")
    vim.chmod(vim.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(vim))
    monkeypatch.delenv("VISUAL", raising=False)
    async with started(store) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ProblemsScreen)
        text = region_text(pilot, "#overlay-list")
        locations = re.findall(r"(\S+\.yaml):(\d+):(\d+)", text)
        assert len(locations) == 2
        # The cursor is on the first problem: its row looks different from the second's.
        rows = pilot.app.screen.query_one("#overlay-list")
        cells = screen_cells(pilot)
        first, second = cells[rows.region.y][rows.region.x + 3], cells[rows.region.y + 3][rows.region.x + 3]
        assert first[1].bgcolor != second[1].bgcolor
        await pilot.press("j", "enter")
        await wait_until(pilot, log.exists, what="the editor")
        path, line, column = locations[1]
        argv = json.loads(log.read_text())
        assert argv == [f"+call cursor({line}, {column})", str(store / path)]
        # The file is read again on return: the problem fixed in it leaves the list.
        await wait_until(pilot, lambda: f"{path}:{line}:{column}" not in screen_text(pilot), what="the fixed problem gone")


async def test_at_80x24_a_typo_names_its_problem_and_leaves_the_quotes_their_rows(store):
    issues = store / "issues.yaml"
    issues.write_text(issues.read_text(encoding="utf-8").replace("stance: proposes", "stance: propsoes", 1), encoding="utf-8")
    async with started(store, (80, 24)) as pilot:
        await wait_until(pilot, lambda: "⚠ 1 problem in the content" in screen_text(pilot), what="the banner")
        text = screen_text(pilot)
        assert "issues.yaml:" in text and "'propsoes' is not a valid stance" in text
        assert "25 Nov 2025 Donald Trump" in region_text(pilot, "#quotes")  # at least one quote row on screen
        assert "z shows them" not in region_text(pilot, "#quotes")


async def test_the_problem_under_the_cursor_is_given_whole_below_the_list_advice_and_all(store):
    from tests.core.yaml.test_conflicts import block

    events = store / "events.yaml"
    text = events.read_text(encoding="utf-8")
    first = text.index("  - id: ")
    second = text.index("  - id: ", first + 1)
    # A conflict git left around the first event (its title changed two ways), and a typo elsewhere.
    events.write_text(text[:first] + block("x-first", "One way", "Another way") + text[second:], encoding="utf-8")
    _break(store)
    async with started(store, size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await wait_until(pilot, lambda: "merge conflict" in region_text(pilot, "#problem-whole")
                         or "rusia" in region_text(pilot, "#problem-whole"), what="the first problem whole")
        for _ in range(3):
            whole = " ".join(region_text(pilot, "#problem-whole").split())
            if "merge conflict" in whole:
                break
            await pilot.press("j")
            await pilot.pause()
        # The end of the message, which the two lines of its row cut off at 80 columns, is there.
        assert "event x-first: an unresolved merge conflict" in whole and "its title was changed two ways" in whole
        assert "finish the merge (`git commit`) or the rebase (`git rebase --continue`)" in whole
        assert "rebase --continue" not in region_text(pilot, "#overlay-list")
