"""`peacewatch new DIR`: start an empty store for a new story, laid out like the shipped one."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from tui.commands.new_templates import FILES
from tui.commands.store_args import shipped_story
from tui.core.desk import ARCHIVE_FOLDER, NO_JOURNAL, SCHEMA_IN_STORE, Desk, write_atomic
from tui.core.model.schema import modeline, schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, metavar="DIR", help="the folder to create (it may exist if it is empty)")
    parser.add_argument("--demo", action="store_true", help="a copy of the shipped demo story to edit, instead of empty files")
    parser.epilog = (
        f"Writes the same files as the shipped content/, with examples as comments, and the schema "
        f"in DIR/{SCHEMA_IN_STORE} (a dot-folder, never read as content), which each file names on "
        "its first line for editors' YAML support. "
        "exit status: 0 created; 2 DIR is not empty or cannot be written"
    )


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        print(f"peacewatch new: {root} is not an empty folder; give a new or empty one", file=sys.stderr)
        return 2
    today = dt.date.today().isoformat()
    files = _demo_files() if args.demo else {relative: text.replace("{today}", today) for relative, text in FILES.items()}
    try:
        (root / SCHEMA_IN_STORE).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(root / SCHEMA_IN_STORE, schema_text().encode("utf-8"))
        for relative, text in files.items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):  # an archived copy: its bytes exactly, or its digest no longer holds
                write_atomic(target, text)
                continue
            if relative.endswith((".yaml", ".yml")):
                schema = Path(os.path.relpath(root / SCHEMA_IN_STORE, target.parent)).as_posix()
                text = modeline(schema) + "\n" + text
            write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        print(f"peacewatch new: cannot write {root}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    problems = Desk(root, journal=NO_JOURNAL).load().problems
    for problem in problems:  # never expected: the templates are tested to load clean
        print(f"{root.as_posix().rstrip('/')}/{problem}", file=sys.stderr)
    if args.demo:
        print(f"created {root}: a copy of the demo story to edit; open it with: peacewatch {root}")
    else:
        print(f"created {root}: {len(files)} files; edit them, then run: peacewatch check {root}")
    return 1 if problems else 0


def _demo_files() -> dict[str, str | bytes]:
    """The shipped story's files, each YAML file without its first line (the schema's modeline,
    written again to point at the new folder's own copy of the schema); its archive as bytes."""
    shipped = shipped_story()
    files: dict[str, str | bytes] = {}
    for path in sorted(shipped.rglob("*")):
        parts = path.relative_to(shipped).parts
        if not path.is_file() or any(part.startswith(".") for part in parts):
            continue
        if parts[0] == ARCHIVE_FOLDER:
            files[path.relative_to(shipped).as_posix()] = path.read_bytes()
        else:
            text = path.read_text(encoding="utf-8")
            if path.suffix in (".yaml", ".yml") and text.startswith("# yaml-language-server:"):
                text = text.split("\n", 1)[1]
            files[path.relative_to(shipped).as_posix()] = text
    return files
