"""The user's own settings (the theme they picked, the keys they moved, their saved views), kept between runs in their config directory.

Never inside a content folder: the folder belongs to its editors and is shared; a theme is one
person's taste. A settings file that cannot be read never stops the dashboard: the defaults
are used and the caller is given a sentence saying what was wrong and where.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tui.core.disk.atomic_write import write_atomic

FILE_NAME = "settings.json"
MAX_BYTES = 64 * 1024
"""A settings file holds a few words; anything larger is not one of ours."""


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    """The name of the theme the user last picked; None for Textual's default."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> the keys the user wants for it instead ("app.quit": "ctrl+q"; several comma-separated).
    Only the shape is checked here (the core knows neither the bindings nor Textual's key names)."""
    keymap_problems: tuple[str, ...] = ()
    """Entries of "keymap" left out because they are not an id with a string of keys, each said in words."""
    views: dict[str, str] = field(default_factory=dict)
    """Saved views: each a name the user gave a search, and its query."""
    stories: tuple[str, ...] = ()
    """The stories' folders a dashboard opens when it is given none (and the current folder is none)."""


def settings_path() -> Path:
    """Where the settings live: the user's config directory (XDG_CONFIG_HOME on Linux)."""
    return Path(platformdirs.user_config_dir("peacewatch", appauthor=False)) / FILE_NAME


def _read(path: Path) -> dict[str, object]:
    """The file's mapping; raises ValueError with a sentence for the user if it is not a usable one."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"it is larger than {MAX_BYTES // 1024} KB, so it is not a peacewatch settings file")
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(value, dict):
        raise ValueError('it should hold one JSON object, such as {"theme": "nord"}')
    return value


def read_settings(path: Path) -> tuple[Settings, str | None]:
    """The saved settings and, if the file was there but could not be used, why (the defaults are used then)."""
    try:
        data = _read(path)
    except FileNotFoundError:
        return Settings(), None
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Settings(), (
            f"Your settings could not be read ({why}), so the default theme is used, with the default keys; pick a theme again "
            f"(ctrl+p, Theme) and it is saved afresh. The file: {path}"
        )
    keymap, keymap_problems = _keymap(data.get("keymap"))
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        # The keys and views are still the user's: a bad theme is no reason to lose them.
        theme = None
        said: str | None = f"Your settings name no usable theme (\"theme\" should be a theme's name), so the default theme is used. The file: {path}"
    else:
        said = None
    views = data.get("views", {})
    if not isinstance(views, dict) or not all(isinstance(name, str) and isinstance(query, str) for name, query in views.items()):
        views = {}
        said = said or (f"Your saved views could not be read (\"views\" should map each view's name to its query), so none is offered; "
                        f"saving a view writes them afresh. The file: {path}")
    stories = data.get("stories", [])
    if not isinstance(stories, list) or not all(isinstance(folder, str) for folder in stories):
        stories = []
        said = said or f"Your stories could not be read (\"stories\" should be a list of folders), so none is opened by default. The file: {path}"
    return Settings(theme=theme, keymap=keymap, keymap_problems=keymap_problems, views=dict(views), stories=tuple(stories)), said


def _keymap(value: object) -> tuple[dict[str, str], tuple[str, ...]]:
    """The usable entries of "keymap" and a sentence for each entry that is not (the rest still apply)."""
    if value is None:
        return {}, ()
    if not isinstance(value, dict):
        return {}, ('"keymap" should be an object of binding ids and keys, such as {"app.quit": "ctrl+q"}',)
    good: dict[str, str] = {}
    problems: list[str] = []
    for ident, keys in value.items():
        if isinstance(keys, str) and keys.strip():
            good[ident] = keys
        else:
            problems.append(f"{ident!r} should be given its keys as a string, such as \"ctrl+q\" or \"q,ctrl+q\"")
    return good, tuple(problems)


def save_theme(path: Path, theme: str) -> None:
    """Remember `theme`, keeping whatever else the file holds; written atomically, so a crash
    leaves the old settings or the new ones. Raises OSError if it cannot be written."""
    data = _read_or_empty(path)
    data["theme"] = theme
    _write(path, data)


def save_view(path: Path, name: str, query: str) -> None:
    """Remember `query` as the view `name` (replacing one of that name), keeping the file's other keys. Raises OSError."""
    data = _read_or_empty(path)
    views = data.get("views")
    data["views"] = (dict(views) if isinstance(views, dict) else {}) | {name: query}
    _write(path, data)


def _read_or_empty(path: Path) -> dict[str, object]:
    try:
        return _read(path)
    except (OSError, ValueError):
        return {}  # a missing or broken file is replaced; read_settings has already said it was broken


def _write(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), folder_sync_required=False)
