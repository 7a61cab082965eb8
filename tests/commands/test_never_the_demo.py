"""Never the demo by accident: without a folder, a command works on the current folder when it
holds a story; otherwise writing is refused and reading opens the shipped demo, read-only."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers.paths import REPO, SHIPPED
from tests.helpers.pilot import region_text, screen_text, wait_until
from tui.cli import parse
from tui.commands.dashboard import build_app

ADD = ("add", "quote", "--text", "We are ready.", "--speaker", "Sergey Lavrov", "--medium", "press-conference",
       "--date", "2025-11-25", "--source", "meduza-2025-11-25-lavrov")


def peacewatch(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def shipped_bytes() -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in (REPO / "content").rglob("*") if p.is_file()}


def test_a_write_without_a_folder_outside_a_story_is_refused_and_the_demo_untouched(tmp_path: Path) -> None:
    before = shipped_bytes()
    run = peacewatch(*ADD, cwd=tmp_path)
    assert run.returncode == 2
    assert "the current folder holds no story" in run.stderr and "peacewatch add quote DIR" in run.stderr
    assert shipped_bytes() == before


def test_a_write_without_a_folder_inside_a_story_goes_to_that_story(store: Path) -> None:
    before = shipped_bytes()
    run = peacewatch(*ADD, cwd=store)
    assert run.returncode == 0, run.stderr
    assert "We are ready." in (store / "quotes" / "2025-11-25.yaml").read_text(encoding="utf-8")
    assert shipped_bytes() == before


def test_reading_without_a_folder_outside_a_story_reads_the_demo_and_says_so(tmp_path: Path) -> None:
    run = peacewatch("check", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, "peacewatch check: no story in the current folder, so this is the shipped demo "
                                               "story; name your story's folder\nok: 5 parties, 2 issues, 12 quotes, 9 events, 5 sources, 4 documents\n")
    # At the top of a repository (where `git pull` is run), with the story in a folder of it.
    shutil.copytree(SHIPPED, tmp_path / "content")
    (tmp_path / "content" / "quotes" / "undated.yaml").write_text("garbage: [\n")
    for command in ("check", "changes", "brief"):
        run = peacewatch(command, cwd=tmp_path)
        assert (f"peacewatch {command}: no story in the current folder, so this is the shipped demo story; "
                f"name your story's folder: `peacewatch {command} content`") in run.stderr, run.stderr


async def test_the_dashboard_outside_a_story_opens_the_demo_read_only_and_says_how_to_edit_a_copy(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = build_app(parse(["--no-journal"]))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:

        def toast() -> str:  # the notification as shown, its wrapped lines joined again
            return " ".join(region_text(pilot, "Toast").replace("▌", " ").split())

        await wait_until(pilot, lambda: "shipped demo story, read-only" in toast(), what="the demo's note")
        assert "peacewatch new DIR --demo" in toast()
        assert "read-only" in screen_text(pilot).splitlines()[0]  # the title bar says it too


def test_new_demo_makes_an_editable_copy_that_checks_clean(tmp_path: Path) -> None:
    run = peacewatch("new", "copy", "--demo", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    copy = tmp_path / "copy"
    for shipped in (REPO / "content").rglob("*.yaml"):
        relative = shipped.relative_to(REPO / "content")
        # The same story, byte for byte, but for the first line: the schema is the copy's own.
        assert (copy / relative).read_bytes().split(b"\n", 1)[1] == shipped.read_bytes().split(b"\n", 1)[1]
        assert (copy / relative).read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert peacewatch("check", cwd=copy).returncode == 0
    assert peacewatch(*ADD, cwd=copy).returncode == 0  # an editable story of its own


def test_the_wheel_carries_the_shipped_story_and_opens_it_without_a_checkout(tmp_path: Path) -> None:
    # Built from a copy of what the wheel is made of: a build in the checkout would leave build/ there.
    source = tmp_path / "source"
    for part in ("tui", "content", "schema"):
        shutil.copytree(REPO / part, source / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / part, source / part)
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(tmp_path / "dist")],
                   check=True, capture_output=True, timeout=300)
    [wheel] = (tmp_path / "dist").glob("peacewatch-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/shipped/content/story.yaml" in names and "tui/shipped/schema/content.schema.json" in names
    # Installed where no checkout is near (the libraries it needs come from this environment).
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    empty = tmp_path / "empty"
    empty.mkdir()
    run = peacewatch("check", cwd=empty, env={"PYTHONPATH": str(site)})
    assert run.returncode == 0 and run.stderr.endswith("\nok: 5 parties, 2 issues, 12 quotes, 9 events, 5 sources, 4 documents\n"), run.stderr
    shown = peacewatch("check", "--help", cwd=empty, env={"PYTHONPATH": str(site)})
    assert shown.returncode == 0


def test_every_package_of_the_code_is_in_the_wheel() -> None:
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "tui").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml's packages: {sorted(found - listed)}"


def test_serving_the_demo_with_edits_on_is_refused(tmp_path: Path) -> None:
    run = peacewatch("serve", "--allow-edits", cwd=tmp_path)
    assert run.returncode == 2 and "the shipped demo is read-only" in run.stderr
