"""`e` opens the file that defines the selected item in $EDITOR at its line, then shows the result."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

from tests.helpers.pilot import screen_text, started, wait_until
from tui.ui.widgets.row_list import RowList

EDITOR = """#!{python}
# A stand-in editor: records how it was called, then makes the edit the test asks for.
import json, sys
from pathlib import Path
line, path = sys.argv[1], Path(sys.argv[2])
Path({log!r}).write_text(json.dumps([line, str(path)]))
text = path.read_text(encoding="utf-8")
path.write_text(text.replace({old!r}, {new!r}, 1), encoding="utf-8")
"""


def stand_in_editor(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    log = tmp_path / "editor-log.json"
    script = tmp_path / "fake-editor"
    script.write_text(EDITOR.format(python=sys.executable, log=str(log), old=old, new=new), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


async def test_e_opens_the_party_at_its_line_and_the_edit_shows(store, tmp_path, monkeypatch):
    script, log = stand_in_editor(tmp_path, "Sergey Lavrov", "Sergei Lavrov")
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    async with started(store) as pilot:
        await pilot.press("2")
        pilot.app.screen.query_one("#parties RowList", RowList).select_key("russia")
        await pilot.press("e")
        await wait_until(pilot, lambda: "Sergei Lavrov" in screen_text(pilot), what="the edited name")
        line, path = json.loads(log.read_text())
        origin = pilot.app.state.snapshot.origins[("parties", "russia")]
        assert path == str(store / "parties.yaml")
        assert line == f"+{origin.line}"
        assert store.joinpath("parties.yaml").read_text(encoding="utf-8").splitlines()[origin.line - 1].lstrip().startswith("- id: russia")


async def test_e_in_a_quote_detail_and_a_broken_edit_shows_the_banner(store, tmp_path, monkeypatch):
    script, log = stand_in_editor(tmp_path, "medium: press-conference", "medium: [press-conference")
    monkeypatch.setenv("VISUAL", str(script))
    async with started(store) as pilot:
        quotes = pilot.app.screen.query_one("#quotes RowList", RowList)
        lavrov = next(k for k in quotes.keys if pilot.app.state.snapshot.quote_by_id[k].medium == "press-conference")
        quotes.select_key(lavrov)
        await pilot.press("4", "enter", "e")
        await wait_until(pilot, lambda: bool(pilot.app.state.problems), what="the problem")
        assert pilot.app.state.problems[0].path.startswith("quotes/")
        assert lavrov in pilot.app.state.snapshot.quote_by_id  # the last good version stays
