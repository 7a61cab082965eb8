"""What git needs of peacewatch's merge driver: the `.gitattributes` lines that name it for the content
files, the clone's own config that says how to run it, and git's own line merge to fall back on.

Git takes a driver's command only from a clone's own config, never from the repository (so that a
pushed commit cannot make every clone run a program of its choosing): `.gitattributes` is shared
and says which files use the driver; each clone sets the command once.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tui.core.git.repo import GitRepo
from tui.core.git.run import GitError, _env

DRIVER = "peacewatch"
"""The driver's name in `merge=peacewatch` and `merge.peacewatch.driver`."""
DRIVER_NAME = "peacewatch: content files merged item by item"
LINE_MERGE_TIMEOUT = 60.0


def patterns_for(folder: str) -> list[str]:
    """The `.gitattributes` patterns of the YAML files under `folder` (relative to the repository's
    top, '' for the top itself), each written so that git reads it back as that folder."""
    if not folder:
        return ["*.yaml", "*.yml"]
    literal = re.sub(r"([*?\[\\])", r"\\\1", folder.strip("/"))
    if re.search(r"[\s\"]", literal) or literal.startswith(("#", "!")):
        quoted = literal.replace("\\", "\\\\").replace('"', '\\"')
        return [f'"{quoted}/**/*.yaml"', f'"{quoted}/**/*.yml"']
    return [f"{literal}/**/*.yaml", f"{literal}/**/*.yml"]


def with_driver(text: str, patterns: list[str]) -> tuple[str, list[str]]:
    """`.gitattributes` text with a `PATTERN merge=peacewatch` line for each pattern it lacks; every
    other line kept as it is. Returns the text and the lines added (none when all were there)."""
    have = {" ".join(line.split()) for line in text.splitlines()}
    added = [f"{pattern} merge={DRIVER}" for pattern in patterns if f"{pattern} merge={DRIVER}" not in have]
    if not added:
        return text, []
    newline = "\r\n" if "\r\n" in text else "\n"
    lead = newline if text and not text.endswith(("\n", "\r")) else ""
    return text + lead + newline.join(added) + newline, added


def set_driver(repo: GitRepo, command: str) -> None:
    """Set the clone's own (local) config to run `command` as the driver. Raises GitError."""
    repo.git("config", "--local", f"merge.{DRIVER}.name", DRIVER_NAME)
    repo.git("config", "--local", f"merge.{DRIVER}.driver", command)


def line_merge(base: Path, ours: Path, theirs: Path) -> int:
    """Git's own line merge (`git merge-file`) of the three files, written into `ours` with git's
    markers; returns how many conflicts it left (0: clean). Raises GitError if git cannot run it."""
    args = ["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", "--", str(ours), str(base), str(theirs)]
    try:
        done = subprocess.run(args, cwd=Path(ours).resolve().parent, env=_env(), capture_output=True, timeout=LINE_MERGE_TIMEOUT,
                              stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git merge-file could not run: {exc}") from None
    if not 0 <= done.returncode <= 127:
        # Negative (shown as 255) on an error; otherwise the number of conflicts, at most 127.
        raise GitError(f"git merge-file failed: {done.stderr.decode(errors='replace').strip() or done.returncode}")
    return done.returncode
