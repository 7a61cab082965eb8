"""Which editor `e` opens, and how it is told the line, as the environment says."""

from __future__ import annotations

from tui.ui.editor import editor_command


def test_editor_command_follows_the_environment(tmp_path):
    path = tmp_path / "a.yaml"
    assert editor_command(path, 7, {"EDITOR": "vim"}) == ["vim", "+7", str(path)]
    assert editor_command(path, 7, {"VISUAL": "emacs -nw", "EDITOR": "vim"}) == ["emacs", "-nw", "+7", str(path)]
    assert editor_command(path, 7, {"EDITOR": "code --wait"}) == ["code", "--wait", "--goto", f"{path}:7"]
