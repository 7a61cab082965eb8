"""`peacewatch add`, `set` and `new` as an editor runs them: output, exit codes, help, careful writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.edits import assert_inserted, changes
from tests.helpers.paths import REPO
from tui.cli import main
from tui.core.model.vocab import Medium, MeetingFormat, Stage, Stance

LAVROV = "meduza-2025-11-25-lavrov"


def peacewatch(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def check_passes(cwd: Path, folder: str = "content") -> None:
    run = peacewatch("check", folder, cwd=cwd)
    assert (run.returncode, run.stdout) == (0, ""), run.stdout


def test_add_quote_prints_where_it_went_and_adds_only_its_lines(store: Path):
    path = store / "quotes/2025-11-25.yaml"
    old = path.read_bytes()
    run = peacewatch(
        "add", "quote", "content", "--text", "We will not accept that: ever", "--speaker", "Sergey Lavrov",
        "--speaker-role", "Russian Foreign Minister", "--party", "russia", "--date", "2025-11-25",
        "--medium", "press-conference", "--reported-by", "told reporters", "--reported-by", "cited by TASS",
        "--issue", "territory", "--source", LAVROV, cwd=store.parent,
    )
    assert (run.returncode, run.stdout, run.stderr) == (
        0, "content/quotes/2025-11-25.yaml:91: added quote lavrov-we-will-not-accept-that\n", ""
    )
    assert_inserted(old, path.read_bytes(), [
        "", "  - id: lavrov-we-will-not-accept-that", '    text: "We will not accept that: ever"',
        "    speaker: Sergey Lavrov", "    speaker_role: Russian Foreign Minister", "    party: russia",
        "    date: 2025-11-25", "    medium: press-conference", "    reported_by:", "      - told reporters",
        "      - cited by TASS", f"    source: {LAVROV}", "    issues:", "      - territory",
    ])
    # Written, and valid; but the words are not in the source's archived copy, and check says so.
    checked = peacewatch("check", "content", cwd=store.parent)
    assert checked.returncode == 1
    assert checked.stdout.startswith("content/quotes/2025-11-25.yaml:92:11: not in the source: quote 'lavrov-we-will-not-accept-that'")


def test_add_quote_fills_party_and_role_from_a_known_speaker_and_says_so(store: Path):
    run = peacewatch("add", "quote", "content", "--text", "Soon.", "--speaker", "andriy yermak", "--date", "2025-11-25",
                     "--medium", "interview", "--source", LAVROV, cwd=store.parent)
    assert run.returncode == 0, run.stderr
    assert "Ukraine's people: party ukraine and role 'Ukrainian Presidential Office Head' filled in" in run.stderr
    text = (store / "quotes/2025-11-25.yaml").read_text(encoding="utf-8")
    assert text.endswith("    speaker: andriy yermak\n    speaker_role: Ukrainian Presidential Office Head\n    party: ukraine\n"
                         "    date: 2025-11-25\n    medium: interview\n    source: " + LAVROV + "\n")
    unknown = peacewatch("add", "quote", "content", "--text", "Later.", "--speaker", "A diplomat", "--date", "2025-11-25",
                         "--medium", "anonymous", "--source", LAVROV, cwd=store.parent)
    assert unknown.returncode == 0 and "A diplomat is not among the store's people, so no party or role is filled in" in unknown.stderr


def test_add_event_and_source_then_set_status_and_position(store: Path):
    cwd = store.parent
    run = peacewatch("add", "source", "content", "--outlet", "Meduza", "--title", "Talks move to Geneva",
                     "--date", "2025-11-26", "--note", "Seen on the site.", cwd=cwd)
    assert (run.returncode, run.stdout) == (0, "content/sources.yaml:80: added source meduza-2025-11-26-talks-move-to-geneva\n")
    run = peacewatch("add", "event", "content", "--title", "Talks move to Geneva", "--date", "2025-11-26",
                     "--place", "Geneva", "--party", "ukraine", "--party", "united-states",
                     "--source", "meduza-2025-11-26-talks-move-to-geneva", cwd=cwd)
    assert (run.returncode, run.stdout) == (0, "content/events.yaml:139: added event talks-move-to-geneva\n")
    check_passes(cwd)
    status = store / "status.yaml"
    old = status.read_bytes()
    run = peacewatch("set", "status", "content", "--stage", "under-negotiation", "--headline", "Talks go on in Geneva",
                     "--since", "2025-11-26", "--source", "meduza-2025-11-26-talks-move-to-geneva", cwd=cwd)
    assert (run.returncode, run.stdout) == (0, "content/status.yaml:25: set status to under-negotiation\n")
    assert "the new stage has no summary; --summary gives it one" in run.stderr
    text = old.decode()
    summary = text[text.index("  summary: >-\n"):text.index("  # The article")].splitlines()
    removed, added = changes(old, status.read_bytes())
    assert removed == [
        "  stage: framework-agreed-in-principle", "  headline: >-",
        "    Ukraine agrees “in principle” to Washington’s framework; Russia says it must review",
        "    the newest version and could reject it", *summary, "  since: 2025-11-25", f"  source: {LAVROV}",
    ]
    # The old stage goes to the history with its date, headline, its own summary and source.
    history_summary = added[added.index("      summary: >-"):-1]
    assert " ".join(line.strip() for line in history_summary[1:]) == " ".join(line.strip() for line in summary[1:])
    assert added == [
        "  stage: under-negotiation", "  headline: Talks go on in Geneva", "  since: 2025-11-26",
        "  source: meduza-2025-11-26-talks-move-to-geneva", "    - stage: framework-agreed-in-principle",
        "      date: 2025-11-25", "      headline: >-",
        "        Ukraine agrees “in principle” to Washington’s framework; Russia says it must",
        "        review the newest version and could reject it", *history_summary, f"      source: {LAVROV}",
    ]
    run = peacewatch("set", "position", "content", "--issue", "territory", "--party", "ukraine", "--stance", "opposes",
                     "--says", "Ukraine will not give up territory.", "--event", "talks-move-to-geneva", cwd=cwd)
    assert (run.returncode, run.stdout) == (0, "content/issues.yaml:81: set position of ukraine on territory\n")
    check_passes(cwd)


def test_a_refused_edit_prints_each_problem_on_stderr_and_exits_1(store: Path):
    path = store / "quotes/undated.yaml"
    before = path.read_bytes()
    run = peacewatch("add", "quote", "content", "--text", "minor details", "--speaker", "An official",
                     "--medium", "anonymous", "--party", "rusia", "--issue", "territori", "--source", LAVROV,
                     cwd=store.parent)
    assert run.returncode == 1 and run.stdout == ""
    lines = run.stderr.splitlines()
    assert lines[0] == "content/quotes/undated.yaml:122:12: unknown party 'rusia'; did you mean 'russia'?"
    assert lines[1] == "content/quotes/undated.yaml:126:9: unknown issue 'territori'; did you mean 'territory'?"
    assert lines[2] == (
        "peacewatch add quote: refused: the edit would add these problems to the store; nothing was written"
    )
    assert path.read_bytes() == before


def test_a_missing_folder_exits_2(tmp_path: Path):
    run = peacewatch("set", "status", "nowhere", "--stage", "agreed", "--headline", "x", "--source", "s", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (2, "peacewatch set status: nowhere: no such folder\n")


def test_a_conflict_exits_1_and_says_what_changed(store: Path, monkeypatch, capsys):
    path = store / "sources.yaml"
    colleague = path.read_bytes() + b"# a colleague's save\n"
    real_fsync = os.fsync

    def colleague_saves(fd: int) -> None:
        real_fsync(fd)
        path.write_bytes(colleague)

    monkeypatch.setattr(os, "fsync", colleague_saves)
    status = main(["add", "source", str(store), "--outlet", "AP", "--title", "Talks"])
    assert status == 1 and path.read_bytes() == colleague
    err = capsys.readouterr().err
    assert f"{store.as_posix()}/sources.yaml changed on disk while the edit was being made" in err
    assert "nothing was written" in err


@pytest.mark.parametrize(("command", "needed"), [
    (["add", "quote"], ["DIR", "--text", "--speaker", "--speaker-role", "--party", "--date", "--medium",
                        "--reported-by", "--source", "--issue", "--context", *Medium]),
    (["add", "event"], ["DIR", "--title", "--date", "--when", "--place", "--party", "--summary", "--source", "--venue",
                        "--format", "--host", "--mediator", "--participant", *MeetingFormat]),
    (["add", "source"], ["DIR", "--outlet", "--title", "--date", "--url", "--note"]),
    (["set", "status"], ["DIR", "--stage", "--headline", "--since", "--source", "--summary", *Stage]),
    (["set", "position"], ["DIR", "--issue", "--party", "--stance", "--says", "--quote", "--event", "--source", *Stance]),
    (["add"], ["quote", "event", "source"]),
    (["set"], ["status", "position"]),
    (["new"], ["DIR", ".schema/content.schema.json"]),
])
def test_help_lists_every_field_and_vocabulary(command: list[str], needed: list[str], capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert [word for word in needed if word not in out] == []


def test_new_makes_a_store_that_checks_clean_and_takes_edits(tmp_path: Path):
    run = peacewatch("new", "story", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "created story: 7 files; edit them, then run: peacewatch check story\n")
    root = tmp_path / "story"
    check_passes(tmp_path, "story")
    committed = (REPO / "schema/content.schema.json").read_bytes()
    assert (root / ".schema/content.schema.json").read_bytes() == committed
    for path in sorted(root.rglob("*.yaml")):
        depth = len(path.relative_to(root).parts) - 1
        schema = "../" * depth + ".schema/content.schema.json"
        assert path.read_text().splitlines()[0] == f"# yaml-language-server: $schema={schema}", path
    run = peacewatch("add", "source", "story", "--outlet", "The Wire", "--title", "Talks open", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "story/sources.yaml:24: added source the-wire-talks-open\n")
    run = peacewatch("add", "quote", "story", "--text", "Not one metre", "--speaker", "A. Envoy", "--medium",
                     "interview", "--date", "2025-11-26", "--source", "the-wire-talks-open", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (root / "quotes/2025-11-26.yaml").read_text().splitlines()[0] == (
        "# yaml-language-server: $schema=../.schema/content.schema.json"
    )
    check_passes(tmp_path, "story")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "notes.txt").write_text("mine\n")
    run = peacewatch("new", "story", cwd=tmp_path)
    assert run.returncode == 2 and "not an empty folder" in run.stderr
    assert sorted(p.name for p in (tmp_path / "story").iterdir()) == ["notes.txt"]


def test_spaces_around_a_value_are_dropped_and_said_in_add_and_in_edit(store: Path):
    path = store / "quotes/2025-11-25.yaml"
    run = peacewatch("add", "quote", "content", "--text", "  We are ready  ", "--speaker", "Sergey Lavrov ", "--party", "russia",
                     "--medium", "press-conference", "--date", "2025-11-25", "--source", LAVROV, cwd=store.parent)
    assert run.returncode == 0, run.stderr
    assert "    text: We are ready\n    speaker: Sergey Lavrov\n" in path.read_text()
    assert "note: spaces at the start or end of text, speaker were dropped" in run.stderr
    run = peacewatch("edit", "quote", "content", "lavrov-we-are-ready", "--text", "We are ready now\n", cwd=store.parent)
    assert run.returncode == 0 and "    text: We are ready now\n" in path.read_text()
    assert "note: spaces at the start or end of text were dropped" in run.stderr
    run = peacewatch("edit", "quote", "content", "lavrov-we-are-ready", "--text", "We are ready", cwd=store.parent)
    assert run.returncode == 0 and "note" not in run.stderr


def test_add_quote_checks_what_it_names_in_other_files_by_their_ids(store: Path):
    # A day file of its own that defines a source and a quote: once the parse cache holds it, an
    # edit of another file reads it for its ids alone.
    (store / "quotes/2025-11-20.yaml").write_text(
        "sources:\n  - id: tass-2025-11-20\n    outlet: TASS\n    date: 2025-11-20\n"
        "quotes:\n  - id: lavrov-elsewhere\n    text: Elsewhere.\n    speaker: Sergey Lavrov\n    party: russia\n"
        "    date: 2025-11-20\n    medium: statement\n    source: tass-2025-11-20\n", encoding="utf-8")
    assert peacewatch("check", "content", cwd=store.parent).stdout.count("2025-11-20.yaml") == 0  # and cached
    target = store / "quotes/2025-11-25.yaml"
    before = target.read_bytes()
    quote = ["add", "quote", "content", "--text", "Elsewhere.", "--speaker", "Sergey Lavrov", "--date", "2025-11-25", "--medium", "statement"]
    missing = peacewatch(*quote, "--source", "tass-2025-11-21", cwd=store.parent)
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.startswith("content/quotes/2025-11-25.yaml:") and "unknown source 'tass-2025-11-21'" in missing.stderr.splitlines()[0]
    assert target.read_bytes() == before
    # The source the other file defines is known; the id it gives its quote is taken.
    run = peacewatch(*quote, "--source", "tass-2025-11-20", cwd=store.parent)
    assert (run.returncode, run.stdout) == (0, "content/quotes/2025-11-25.yaml:91: added quote lavrov-elsewhere-2\n"), run.stderr
    assert "    source: tass-2025-11-20\n" in target.read_text(encoding="utf-8")
    checked = peacewatch("check", "content", cwd=store.parent).stdout
    assert "unknown" not in checked and "duplicate" not in checked
