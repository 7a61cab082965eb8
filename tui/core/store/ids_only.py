"""Files held for the ids they define alone, when one edit by a command needs no more of them
(see `ContentStore.load_for_edit`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from tui.core.model.items import ContentFile
from tui.core.model.kinds import BY_SECTION, LIST_SECTIONS
from tui.core.store.parsed_file import ParsedFile, Places
from tui.core.text.problems import Problem


def ids_only(relative: str, ids: Mapping[str, frozenset[str]]) -> ParsedFile:
    """A file with no items and its ids as a file that does not read gives them: what references
    may name, not definitions (no snapshot, no duplicate found by the merge)."""
    return ParsedFile(relative, _nothing(), Places({}, {}), None, ids)


def _nothing(made: list[ContentFile] = []) -> ContentFile:  # noqa: B006 - made once, on purpose
    # One for every such file (models are frozen): validating an empty file hundreds of times is not free.
    if not made:
        made.append(ContentFile())
    return made[0]


def ids_in(files: Mapping[str, ParsedFile | None], section: str) -> dict[str, str]:
    """Each id of `section` the files give, with the first file (in path order) that gives it."""
    return {item_id: path for path in sorted(files, reverse=True) if (parsed := files[path]) is not None
            for item_id in parsed.broken.get(section, ())}


def doubled_elsewhere(elsewhere: Callable[[str], Mapping[str, str]], files: Mapping[str, ParsedFile | None]) -> list[Problem]:
    """An id one of `files` (read whole) defines that a file held for its ids alone gives too: the
    duplicate the merge would find were that file read whole, said at the whole file's item."""
    found = []
    for section in LIST_SECTIONS:
        other = elsewhere(section)
        if not other:
            continue
        for path, parsed in files.items():
            for index, item in enumerate(getattr(parsed.content, section) if parsed is not None else ()):
                if item.id in other and parsed is not None:
                    found.append(Problem(path, *parsed.at(section, index, "id"),
                                         f"duplicate {BY_SECTION[section].noun} id '{item.id}': also defined in {other[item.id]}"))
    return found
