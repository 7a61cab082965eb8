"""Which editor to open on a file at a line, as the user's environment says."""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Mapping
from pathlib import Path

FALLBACKS = ("nano", "vim", "vi")
"""Tried in order when neither $VISUAL nor $EDITOR is set."""

# Editors that take `--goto FILE:LINE` instead of the `+LINE FILE` most terminal editors share.
_GOTO = {"code", "codium", "code-insiders", "subl", "zed"}
_VI = {"vi", "vim", "nvim", "gvim", "mvim"}
_LINE_COMMA_COLUMN = {"nano"}
"""Editors that take a column as well as the line: vi's family runs a command, nano takes `+LINE,COLUMN`."""


class EditorProblem(Exception):
    """$VISUAL or $EDITOR cannot be used as it is; the message says why and what to set."""


def editor_command(path: Path, line: int, environ: Mapping[str, str] = os.environ, column: int = 1) -> list[str] | None:
    """The command that opens `path` at `line`; None if no editor can be found.

    The path is made absolute, so that no file name (`+!cmd.yaml`, `-c.yaml`) can ever be
    read by the editor as an option or a command. Raises EditorProblem for a setting that
    cannot be split into a command.
    """
    path = Path(os.path.abspath(path))
    name_of = "VISUAL" if "VISUAL" in environ else "EDITOR"
    configured = environ.get(name_of)
    if configured is not None:
        try:
            words = shlex.split(configured)
        except ValueError as exc:
            raise EditorProblem(
                f"${name_of} ({configured!r}) cannot be read as a command ({exc}); set it to an editor, e.g. export {name_of}=vim"
            ) from None
        if not words:
            raise EditorProblem(f"${name_of} is set but blank; set it to an editor, e.g. export {name_of}=vim")
    else:
        found = next((name for name in FALLBACKS if shutil.which(name)), None)
        if found is None:
            return None
        words = [found]
    name = Path(words[0]).name
    if name in _GOTO:
        return [*words, "--goto", f"{path}:{line}:{column}" if column > 1 else f"{path}:{line}"]
    if column > 1 and name in _VI:
        return [*words, f"+call cursor({line}, {column})", str(path)]
    if column > 1 and name in _LINE_COMMA_COLUMN:
        return [*words, f"+{line},{column}", str(path)]
    return [*words, f"+{line}", str(path)]
