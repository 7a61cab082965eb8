"""What reading a content file can go wrong with, in words a problem can show, and the
collector held off while a load allocates."""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator

from tui.core.disk.limits import Limits
from tui.core.text.problems import Problem
from tui.core.yaml.reader import _size_text

# Characters that would break a `FILE:LINE:COL: message` line or act on the terminal,
# and the stand-ins of bytes that are not UTF-8.
UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown_name(relative: str) -> str:
    """A file name as a problem can show it: every odd character spelled out."""

    def spell(match: re.Match[str]) -> str:
        code = ord(match.group())
        if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
            return f"<byte 0x{code - 0xDC00:02X}>"
        return f"<U+{code:04X}>"

    return UNSHOWABLE.sub(spell, relative)



@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Parsing allocates objects by the million and frees none: the cyclic collector would
    walk them again and again for nothing (it tripled the time of a large load)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class BadName(Exception):
    """A file name that cannot be shown as it is."""


def oversized_problem(relative: str, size: int, limits: Limits) -> Problem:
    # Worded as read_yaml words it, so the limit reads the same wherever it is met.
    return Problem(
        relative, 1, 1,
        f"file is {_size_text(size)}, over the {_size_text(limits.max_file_bytes)} limit; "
        "split it into several files (e.g. one per day) or raise --max-file-mb",
    )
