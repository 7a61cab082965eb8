"""Where the dashboard's `b` writes a brief, and how: the folder peacewatch was started from, never the
content folder; a new file, never over one written a minute ago."""

from __future__ import annotations

import os
from pathlib import Path


def brief_folder(root: Path) -> Path:
    """The current folder, where a user who typed `peacewatch` looks first; if that is inside
    the content folder (whose watchers would read the file, and whose git status it would
    clutter), the user's documents folder, else their home."""
    here = Path.cwd()
    if not here.resolve().is_relative_to(root.resolve()):
        return here
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    if documents.is_dir() and not documents.resolve().is_relative_to(root.resolve()):
        return documents
    return Path.home()


def write_new(folder: Path, name: str, text: str) -> Path:
    """Write `text` to a new file in `folder` named `name` (or `name-2`, `-3`, … if taken): a brief
    written a minute ago may be open in an editor, and is never overwritten."""
    stem, suffix = os.path.splitext(name)
    for count in range(1, 1000):
        path = folder / (name if count == 1 else f"{stem}-{count}{suffix}")
        try:
            with open(path, "x", encoding="utf-8") as file:
                file.write(text)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder / name} and 998 numbered variants already exist")
