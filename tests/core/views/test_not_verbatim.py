"""A quote whose words a `#` cut short is never passed off as verbatim: found by its problem, left out
of briefs with a word to say so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.core.desk import NO_JOURNAL, Desk

CUT = ("    text: as soon as possible\n", "    text: as soon as #1 possible\n")


def cut_yermak(store: Path) -> None:
    day = store / "quotes" / "2025-11-25.yaml"
    text = day.read_text(encoding="utf-8")
    assert text.count(CUT[0]) == 1
    day.write_text(text.replace(*CUT), encoding="utf-8")


def test_the_quote_a_hash_cut_short_is_in_doubt_and_no_other(store: Path) -> None:
    cut_yermak(store)
    state = Desk(store, journal=NO_JOURNAL).load()
    assert list(state.in_doubt) == ["yermak-as-soon-as-possible"]
    assert "'text' stops before this '#'" in state.in_doubt["yermak-as-soon-as-possible"].message
    assert state.snapshot.quote_by_id["yermak-as-soon-as-possible"].text == "as soon as"


def test_a_brief_leaves_the_quote_out_and_says_so(store: Path) -> None:
    cut_yermak(store)
    run = subprocess.run([sys.executable, "-m", "tui", "brief", str(store)], capture_output=True, text=True, timeout=60)
    assert "“as soon as”" not in run.stdout and "as soon as —" not in run.stdout
    assert "1 quote was left out: its words are not what the source printed" in run.stdout
    assert run.returncode == 1  # the content has a problem, said on stderr as before
