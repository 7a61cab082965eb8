"""The merge driver's door: content merged by item into OURS, anything else by git's own line merge;
`install_merge_driver` writing .gitattributes (other lines kept, idempotent) and this clone's config.

Real files and real git (`git merge-file`, `git check-attr`, `git config`) in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.git import git
from tui.core.desk import GitError, Limits, install_merge_driver, run_merge_driver
from tui.core.desk.merge_door import driver_command
from tui.core.yaml.conflicts import NOTE

ONE = "quotes:\n  - id: q1\n    text: One\n    speaker: Sergey Lavrov\n    medium: statement\n    source: s\n"
TWO = ONE + "\n  - id: q2\n    text: Two\n    speaker: Sergey Lavrov\n    medium: statement\n    source: s\n"


def three(tmp_path: Path, base: str, ours: str, theirs: str) -> tuple[Path, Path, Path]:
    paths = tmp_path / ".merge_base", tmp_path / ".merge_ours", tmp_path / ".merge_theirs"
    for path, text in zip(paths, (base, ours, theirs)):
        path.write_text(text, encoding="utf-8")
    return paths


def test_a_content_file_is_merged_by_item_into_ours(tmp_path: Path) -> None:
    base, ours, theirs = three(tmp_path, TWO, TWO.replace("One", "One!"), TWO.replace("Two", "Two!"))
    driven = run_merge_driver(base, ours, theirs, "content/quotes/2025-11-25.yaml")
    assert (driven.clean, driven.by_item, driven.said) == (True, True, ())
    assert ours.read_text() == TWO.replace("One", "One!").replace("Two", "Two!")


def test_a_conflict_is_written_into_ours_and_said_with_its_line_and_item(tmp_path: Path) -> None:
    base, ours, theirs = three(tmp_path, TWO, TWO.replace("Two", "Two!"), TWO.replace("Two", "Deux"))
    driven = run_merge_driver(base, ours, theirs, "content/quotes/2025-11-25.yaml")
    assert not driven.clean and [c.item_id for c in driven.conflicts] == ["q2"]
    assert driven.said == ("content/quotes/2025-11-25.yaml:8: quote q2: its text was changed two ways; keep one version and "
                           "delete the other and these marker lines",)
    assert ours.read_text().split("\n")[7].startswith(NOTE + "quote q2")


@pytest.mark.parametrize("path, limits, why", [
    ("content/notes.yaml", Limits(), "not a peacewatch content file"),  # YAML, but not content
    ("content/NOTES.md", Limits(), "not a peacewatch content file"),  # not YAML
    ("content/quotes/2025-11-25.yaml", Limits(max_file_bytes=64), "over the 64 bytes limit for one file"),
])
def test_what_is_not_content_is_merged_line_by_line_as_git_would(tmp_path: Path, path: str, limits: Limits, why: str) -> None:
    lines = [f"line{n}: {n}" for n in range(12)]
    text = "\n".join(lines) + "\n"
    if "quotes" in path:
        text = TWO
    first, last = text.split("\n")[1], text.split("\n")[-3]
    base, ours, theirs = three(tmp_path, text, text.replace(first, first + " # ours"), text.replace(last, last + " # theirs"))
    driven = run_merge_driver(base, ours, theirs, path, limits)
    assert (driven.clean, driven.by_item) == (True, False)
    assert ours.read_text() == text.replace(first, first + " # ours").replace(last, last + " # theirs")
    base, ours, theirs = three(tmp_path, text, text.replace(first, first + " # ours"), text.replace(first, first + " # theirs"))
    driven = run_merge_driver(base, ours, theirs, path, limits)
    assert not driven.clean and driven.said[0].startswith(f"{path}: {why}, so git merged it line by line and left 1 conflict(s)")
    assert "<<<<<<< ours" in ours.read_text() and ">>>>>>> theirs" in ours.read_text()


def repository(tmp_path: Path, content: str = "content") -> Path:
    top = tmp_path / "repo"
    git(tmp_path, "init", "--quiet", str(top))
    (top / content / "quotes").mkdir(parents=True)
    (top / content / "quotes" / "2025-11-25.yaml").write_text(ONE)
    return top


def test_install_names_the_driver_for_the_content_keeps_other_lines_and_is_idempotent(tmp_path: Path) -> None:
    top = repository(tmp_path)
    (top / ".gitattributes").write_text("*.png binary")  # no last line break
    done = install_merge_driver(top / "content", python="/opt/py 3/bin/python")
    assert done.added == ("content/**/*.yaml merge=peacewatch", "content/**/*.yml merge=peacewatch")
    assert (top / ".gitattributes").read_text() == "*.png binary\ncontent/**/*.yaml merge=peacewatch\ncontent/**/*.yml merge=peacewatch\n"
    assert done.command == "'/opt/py 3/bin/python' -P -m tui merge %O %A %B %P"
    assert git(top, "config", "--local", "merge.peacewatch.driver").strip() == done.command
    assert git(top, "config", "--local", "merge.peacewatch.name").strip().startswith("peacewatch")
    assert git(top, "check-attr", "merge", "--", "content/quotes/2025-11-25.yaml", "NOTES.yaml").splitlines() == [
        "content/quotes/2025-11-25.yaml: merge: peacewatch", "NOTES.yaml: merge: unspecified"]
    again = install_merge_driver(top / "content")
    assert again.added == () and (top / ".gitattributes").read_text().count("merge=peacewatch") == 2
    assert git(top, "config", "--local", "merge.peacewatch.driver").strip() == driver_command()


@pytest.mark.parametrize("content, attributes", [
    (".", "*.yaml merge=peacewatch"),
    ("the story", '"the story/**/*.yaml" merge=peacewatch'),
    ("desk[1]", "desk\\[1]/**/*.yaml merge=peacewatch"),
])
def test_the_patterns_name_the_content_folder_wherever_it_is(tmp_path: Path, content: str, attributes: str) -> None:
    top = repository(tmp_path, content)
    (top / "other").mkdir()
    done = install_merge_driver(top / content)
    assert done.added[0] == attributes
    inside = (Path(content) / "quotes" / "2025-11-25.yaml").as_posix()
    assert git(top, "check-attr", "merge", "--", inside).strip().endswith("merge: peacewatch")
    if content != ".":
        assert git(top, "check-attr", "merge", "--", "other/x.yaml").strip().endswith("merge: unspecified")


def test_install_outside_a_repository_says_so(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    with pytest.raises(GitError, match="not in a git repository"):
        install_merge_driver(tmp_path / "content")
