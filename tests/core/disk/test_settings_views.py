"""Saved views in the user's settings: a name and its query, written beside the theme, never losing the file's other keys."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.disk.settings import read_settings, save_theme, save_view


def test_a_view_is_saved_beside_the_theme_and_replaced_by_name(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "nord", "someone_elses": 1}), encoding="utf-8")
    save_view(path, "ukraine week", "party:ukraine since:7d")
    save_view(path, "ukraine week", "party:ukraine since:2w")
    save_view(path, "lavrov", "speaker:lavrov")
    save_theme(path, "gruvbox")
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "theme": "gruvbox", "someone_elses": 1, "views": {"ukraine week": "party:ukraine since:2w", "lavrov": "speaker:lavrov"}}
    settings, problem = read_settings(path)
    assert problem is None and settings.views == {"ukraine week": "party:ukraine since:2w", "lavrov": "speaker:lavrov"}


def test_views_that_are_not_names_and_queries_are_said_and_the_theme_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "nord", "views": ["party:ukraine"]}), encoding="utf-8")
    settings, problem = read_settings(path)
    assert settings.theme == "nord" and settings.views == {}
    assert problem is not None and "saved views could not be read" in problem and str(path) in problem
