"""Which editor `e` opens, and how it is told the line, as the environment says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.ui.editor import EditorProblem, editor_command


def test_editor_command_follows_the_environment(tmp_path):
    path = tmp_path / "a.yaml"
    assert editor_command(path, 7, {"EDITOR": "vim"}) == ["vim", "+7", str(path)]
    assert editor_command(path, 7, {"VISUAL": "emacs -nw", "EDITOR": "vim"}) == ["emacs", "-nw", "+7", str(path)]
    assert editor_command(path, 7, {"EDITOR": "code --wait"}) == ["code", "--wait", "--goto", f"{path}:7"]


def test_no_file_name_reaches_the_editor_as_an_option_or_a_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("+!touch pwned.yaml", "-c.yaml", "--help.yaml"):
        command = editor_command(Path(name), 3, {"EDITOR": "vim"})
        assert command is not None
        assert command[-1] == str(tmp_path / name) and command[-1].startswith("/")


@pytest.mark.parametrize("value", ["", "   ", 'vim "unclosed', "emacs 'x"])
def test_any_editor_setting_gives_a_message_not_a_crash(tmp_path, value):
    with pytest.raises(EditorProblem, match="EDITOR") as problem:
        editor_command(tmp_path / "a.yaml", 1, {"EDITOR": value})
    assert "export EDITOR=" in str(problem.value)
