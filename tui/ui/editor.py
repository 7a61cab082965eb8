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


def editor_command(path: Path, line: int, environ: Mapping[str, str] = os.environ) -> list[str] | None:
    """The command that opens `path` at `line`; None if no editor can be found."""
    configured = environ.get("VISUAL") or environ.get("EDITOR")
    if configured:
        words = shlex.split(configured)
    else:
        found = next((name for name in FALLBACKS if shutil.which(name)), None)
        if found is None:
            return None
        words = [found]
    name = Path(words[0]).name
    if name in _GOTO:
        return [*words, "--goto", f"{path}:{line}"]
    return [*words, f"+{line}", str(path)]
