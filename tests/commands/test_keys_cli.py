"""`peacewatch keys` as a user runs it: every binding's id, keys in force and what it does; conflicts in words, exit 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def keys(config: Path, settings: dict | None = None) -> subprocess.CompletedProcess:
    if settings is not None:
        (config / "peacewatch").mkdir(parents=True, exist_ok=True)
        (config / "peacewatch" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "tui", "keys"], cwd=config, capture_output=True, text=True, encoding="utf-8", timeout=60,
        env={**os.environ, "XDG_CONFIG_HOME": str(config), "PYTHONIOENCODING": "utf-8"},
    )


def row(run: subprocess.CompletedProcess, ident: str) -> list[str]:
    return next(line.split(None, 2) for line in run.stdout.splitlines() if line.split()[:1] == [ident])


def test_without_settings_every_binding_is_listed_with_its_default_keys_by_screen(tmp_path):
    run = keys(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert row(run, "app.quit") == ["app.quit", "q", "Quit peacewatch"]
    assert row(run, "list.down") == ["list.down", "down,j", "Down"]
    lines = run.stdout.splitlines()
    assert "Dashboard, anywhere" in lines and "A form" in lines and "Full item" in lines
    assert "conflict" not in run.stdout


def test_the_keymap_s_keys_are_the_ones_listed(tmp_path):
    run = keys(tmp_path, {"keymap": {"app.quit": "ctrl+q", "app.help": "?,h"}})
    assert run.returncode == 0, run.stdout + run.stderr
    assert row(run, "app.quit") == ["app.quit", "ctrl+q*", "Quit peacewatch"]
    assert row(run, "app.help") == ["app.help", "question_mark,h*", "Show every key"]
    assert row(run, "overlay.quit")[1] == "ctrl+q*"  # the quit over the dashboard moves with the app's


def test_a_key_given_to_two_bindings_on_one_screen_is_a_conflict_said_in_words_exit_1(tmp_path):
    run = keys(tmp_path, {"keymap": {"app.changes": "j", "app.nope": "x"}})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 conflict:" in run.stdout
    assert ("  j is given to both list.down (Down) and app.changes (Changes), so only one of them can answer it in "
            "the dashboard's parties and issues; the dashboard's quotes; the dashboard's deal status.\n") in run.stdout
    assert "'app.nope' is not a key binding's id" in run.stdout


def test_it_reads_no_store_and_starts_no_dashboard(tmp_path):
    probe = (
        "import contextlib, io, sys\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): code = main(['keys'])\n"
        "print(code, [m for m in ('pydantic', 'yaml', 'tui.commands.dashboard', 'tui.core.store') if m in sys.modules])\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)})
    assert run.stdout == "0 []\n", run.stdout + run.stderr
