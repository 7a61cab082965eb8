"""The user's settings file: read, written atomically, and never a reason not to start."""

from __future__ import annotations

import json
import os

import pytest

from tui.core.disk.settings import MAX_BYTES, Settings, read_settings, save_theme, settings_path


def test_the_file_lives_in_the_config_directory_platformdirs_names(private_config):
    assert settings_path() == private_config / "peacewatch" / "settings.json"


def test_no_file_means_the_defaults_and_nothing_to_say(tmp_path):
    assert read_settings(tmp_path / "settings.json") == (Settings(), None)


def test_a_saved_theme_is_read_back_and_other_settings_are_kept(tmp_path):
    path = tmp_path / "deep" / "peacewatch" / "settings.json"
    save_theme(path, "nord")
    assert read_settings(path) == (Settings(theme="nord"), None)
    path.write_text(json.dumps({"theme": "nord", "later": [1, 2]}), encoding="utf-8")
    save_theme(path, "gruvbox")
    assert json.loads(path.read_text(encoding="utf-8")) == {"theme": "gruvbox", "later": [1, 2]}
    assert sorted(os.listdir(path.parent)) == ["settings.json"]  # no temp file left beside it


def test_saving_over_a_broken_file_replaces_it(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{broken", encoding="utf-8")
    save_theme(path, "nord")
    assert read_settings(path) == (Settings(theme="nord"), None)


@pytest.mark.parametrize(("content", "said"), [
    (b'{"theme": "nord"', "line 1, column 17"),
    (b"\n\n  nord", "line 3, column 3"),
    (b'["nord"]', 'one JSON object, such as {"theme": "nord"}'),
    (b"\xff\xfe{}", "not UTF-8"),
    (b" " * (MAX_BYTES + 1), "larger than 64 KB"),
    (b'{"theme": 7}', '"theme" should be a theme\'s name'),
])
def test_a_broken_file_gives_the_defaults_and_says_which_file_and_what(tmp_path, content, said):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, problem = read_settings(path)
    assert settings == Settings()
    assert problem is not None and str(path) in problem and said in problem


def test_a_folder_in_the_file_s_place_is_said_not_raised(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()
    settings, problem = read_settings(path)
    assert settings == Settings() and problem is not None and "Is a directory" in problem
    with pytest.raises(OSError):
        save_theme(path, "nord")


def test_a_keymap_is_read_with_its_entries_that_are_strings_and_a_sentence_for_each_that_is_not(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"keymap": {"app.quit": "ctrl+q", "app.help": ["h"], "app.reload": ""}}), encoding="utf-8")
    settings, problem = read_settings(path)
    assert problem is None and settings.keymap == {"app.quit": "ctrl+q"}
    assert [p.split()[0] for p in settings.keymap_problems] == ["'app.help'", "'app.reload'"]
    path.write_text(json.dumps({"keymap": ["app.quit"]}), encoding="utf-8")
    assert read_settings(path)[0].keymap_problems == ('"keymap" should be an object of binding ids and keys, such as {"app.quit": "ctrl+q"}',)


def test_a_bad_theme_keeps_the_keymap_and_saving_a_theme_keeps_it_in_the_file(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": 7, "keymap": {"app.quit": "ctrl+q"}}), encoding="utf-8")
    settings, problem = read_settings(path)
    assert problem is not None and settings.keymap == {"app.quit": "ctrl+q"}
    save_theme(path, "nord")
    assert read_settings(path) == (Settings(theme="nord", keymap={"app.quit": "ctrl+q"}), None)
