"""`peacewatch changes`: recording on the way, text and JSON output, --since, and its refusals."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.journal import Store, write_store
from tests.helpers.paths import REPO
from tui.cli import main
from tui.commands.changes import parse_when
from tui.core.journal.journal import Journal, unloaded_files
from tui.core.store.loader import ContentStore

UTC = dt.UTC
HEADER = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · (\d+) changes?$")


class Folder(Store):
    """The shared small store, with a journal path and a way to run the command on it."""

    def __init__(self, root: Path, journal: Path) -> None:
        super().__init__(root)
        self.journal = journal

    def write(self) -> None:
        write_store(self.root, self.data)

    def run(self, capsys: pytest.CaptureFixture, *extra: str, journal: bool = True) -> tuple[int, str, str]:
        code = main(["changes", str(self.root), *(["--journal", str(self.journal)] if journal else []), *extra])
        out, err = capsys.readouterr()
        return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    return Folder(tmp_path / "content", tmp_path / "state" / "journal.json")


def test_first_run_takes_the_state_and_prints_nothing(folder: Folder, capsys) -> None:
    code, out, err = folder.run(capsys)
    assert (code, out) == (0, "")
    assert "now knows this folder's state" in err
    assert folder.journal.is_file()


def test_edits_between_runs_are_printed_newest_first(folder: Folder, capsys) -> None:
    folder.run(capsys)
    folder.stage("final-stages")
    folder.stance("opposes")
    code, out, err = folder.run(capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert HEADER.match(lines[0]).group(1) == "2"
    # Each change carries its number, for `peacewatch revert N`.
    assert lines[1:] == ["  #1 Deal status: stage framework agreed in principle → final stages  (story.yaml)",
                         "  #2 Russia on Territory: stance insists → opposes  (issues.yaml)"]
    folder.data["quotes.yaml"]["quotes"].clear()
    folder.write()
    code, out, _ = folder.run(capsys)
    blocks = out.split("\n\n")
    assert [HEADER.match(b.splitlines()[0]).group(1) for b in blocks] == ["1", "2"]
    assert re.match(r"  #\d+ Removed quote: Sergey Lavrov, press conference", blocks[0].splitlines()[1])


def test_json_output(folder: Folder, capsys) -> None:
    folder.run(capsys)
    folder.stage("final-stages")
    code, out, _ = folder.run(capsys, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["recorded"] == 1 and doc["journal"] == str(folder.journal)
    [reload] = doc["reloads"]
    [change] = reload["changes"]
    assert {k: change[k] for k in ("kind", "item_id", "field", "op", "old", "new", "path", "seen")} == {
        "kind": "status", "item_id": "status", "field": "stage", "op": "changed",
        "old": "framework-agreed-in-principle", "new": "final-stages", "path": "story.yaml", "seen": False}
    assert change["text"] == "Deal status: stage framework agreed in principle → final stages"
    assert dt.datetime.fromisoformat(reload["observed_at"]).tzinfo is not None
    code, out, _ = folder.run(capsys, "--json")
    assert json.loads(out)["recorded"] == 0 and len(json.loads(out)["reloads"]) == 1


def _recorded_days_ago(folder: Folder) -> None:
    """A state taken four days ago, then a change three days ago and one an hour ago."""
    journal, now = Journal.open(folder.root, path=folder.journal)[0], dt.datetime.now(UTC)
    journal.record(folder.snapshot(), now - dt.timedelta(days=4))
    journal.record(folder.stage("final-stages"), now - dt.timedelta(days=3))
    journal.record(folder.stance("opposes"), now - dt.timedelta(hours=1))
    journal.close()


@pytest.mark.parametrize(("since", "fields"), [
    pytest.param("2h", ["positions.russia.stance"], id="hours"),
    pytest.param("2d", ["positions.russia.stance"], id="days"),
    pytest.param("1w", ["positions.russia.stance", "stage"], id="week"),
    pytest.param((dt.date.today() - dt.timedelta(days=1)).isoformat(), ["positions.russia.stance"], id="date"),
    pytest.param((dt.datetime.now(UTC) - dt.timedelta(days=5)).isoformat(timespec="minutes"), ["positions.russia.stance", "stage"], id="time"),
])
def test_since_filters_by_when_changes_were_seen(folder: Folder, capsys, since: str, fields: list[str]) -> None:
    _recorded_days_ago(folder)
    code, out, _ = folder.run(capsys, "--no-record", "--json", "--since", since)
    assert code == 0
    assert [c["field"] for r in json.loads(out)["reloads"] for c in r["changes"]] == fields
    code, out, _ = folder.run(capsys, "--no-record", "--since", since)
    assert out.count("·") == len(fields)


def test_since_with_nothing_newer_prints_nothing(folder: Folder, capsys) -> None:
    _recorded_days_ago(folder)
    code, out, err = folder.run(capsys, "--since", "30m")
    assert (code, out) == (0, "") and "no changes recorded since" in err


def test_parse_when() -> None:
    now = dt.datetime(2025, 11, 24, 12, 0, tzinfo=UTC)
    assert parse_when("2h", now) == now - dt.timedelta(hours=2)
    assert parse_when("3d", now) == now - dt.timedelta(days=3)
    assert parse_when("90m", now) == now - dt.timedelta(minutes=90)
    assert parse_when("1.5h", now) == now - dt.timedelta(minutes=90)
    assert parse_when("1w", now) == now - dt.timedelta(days=7)
    assert parse_when("2025-11-24T14:00+02:00") == dt.datetime(2025, 11, 24, 12, 0, tzinfo=UTC)
    local = parse_when("2025-11-20")
    assert local.tzinfo is not None and local.replace(tzinfo=None) == dt.datetime(2025, 11, 20)
    for bad in ("yesterday", "2h ago", "-3d", "2025-13-01"):
        with pytest.raises(ValueError):
            parse_when(bad, now)


def test_a_bad_since_is_a_usage_error(folder: Folder, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        folder.run(capsys, "--since", "last tuesday")
    assert exit_.value.code == 2
    assert "not a date, a time or a span" in capsys.readouterr().err


def test_a_file_that_cannot_be_read_stops_recording(folder: Folder, capsys) -> None:
    folder.run(capsys)
    folder.stage("final-stages")
    (folder.root / "quotes.yaml").write_text("quotes: [\n  {id: q1, text: 'We insist.'\n")
    code, out, err = folder.run(capsys)
    assert code == 1 and out == ""
    assert "not recording" in err and "quotes.yaml" in err
    folder.write()  # fixed: the stage change is found, the quote was never "removed"
    code, out, _ = folder.run(capsys)
    assert code == 0 and "Removed quote" not in out and "final stages" in out


def test_files_that_did_not_load_are_named(folder: Folder) -> None:
    folder.data["issues.yaml"]["issues"][0]["positions"][0]["party"] = "nobody"  # loads, with a problem
    folder.write()
    (folder.root / "quotes.yaml").write_text("quotes: [\n")
    result = ContentStore(folder.root).load()
    assert len(result.problems) >= 2
    assert unloaded_files(result.snapshot, result.problems, folder.root) == ["quotes.yaml"]


def test_no_record_only_prints(folder: Folder, capsys) -> None:
    folder.run(capsys)
    folder.stage("final-stages")
    assert folder.run(capsys, "--no-record")[1] == ""
    assert "final stages" in folder.run(capsys)[1]


def test_default_journal_is_in_the_state_dir_not_the_folder(folder: Folder, capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    listing = sorted(p.name for p in folder.root.iterdir())
    folder.run(capsys, journal=False)
    folder.stage("final-stages")
    code, out, _ = folder.run(capsys, "--json", journal=False)
    assert code == 0 and json.loads(out)["recorded"] == 1
    assert Path(json.loads(out)["journal"]).is_relative_to(tmp_path / "xdg")
    assert sorted(p.name for p in folder.root.iterdir()) == listing


def test_refusals(folder: Folder, capsys, tmp_path: Path) -> None:
    assert main(["changes", str(folder.root), "--journal", str(folder.root / "j.json")]) == 2
    assert "inside the content folder" in capsys.readouterr().err
    assert main(["changes", str(tmp_path / "nowhere"), "--journal", str(folder.journal)]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert not (folder.root / "j.json").exists()


def test_control_characters_never_reach_the_terminal(folder: Folder, capsys) -> None:
    folder.run(capsys)
    folder.data["quotes.yaml"]["quotes"][0]["text"] = "We \x1b]0;pwned\x07 insist."
    folder.write()
    out = folder.run(capsys)[1]
    assert "insist" in out and "\x1b" not in out and "\x07" not in out


def test_help_says_what_a_run_records(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["changes", "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert "edits made while no peacewatch was running are recorded now" in " ".join(out.split())
    assert "--since WHEN" in out and "--journal PATH" in out


def test_runs_as_a_real_command(folder: Folder) -> None:
    command = [sys.executable, "-m", "tui", "changes", str(folder.root), "--journal", str(folder.journal), "--json"]
    first = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
    assert json.loads(first.stdout)["reloads"] == []
    folder.stance("opposes")
    second = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
    assert json.loads(second.stdout)["reloads"][0]["changes"][0]["text"] == "Russia on Territory: stance insists → opposes"


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path):
    import shutil
    import subprocess
    import sys

    from tui.core.desk import Desk

    root = tmp_path / "content"
    shutil.copytree(REPO / "content", root, ignore=shutil.ignore_patterns("README.md"))
    journal = tmp_path / "journal.json"
    desk = Desk(root, journal=journal)
    desk.load()
    desk.record()
    status = root / "status.yaml"
    for n in range(300):  # more than a pipe holds, so the writer meets the closed end
        text = status.read_text(encoding="utf-8")
        line = next(line for line in text.splitlines() if line.strip().startswith("headline:"))
        status.write_text(text.replace(line, f"  headline: Round {n} of talks ends without a deal {'x' * 200}"), encoding="utf-8")
        desk.reload(["status.yaml"])
        desk.record()
    desk.close()
    run = subprocess.Popen(
        [sys.executable, "-m", "tui", "changes", str(root), "--journal", str(journal), "--no-record"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert run.stdout is not None and run.stderr is not None
    run.stdout.readline()
    run.stdout.close()  # as `| head -1` does
    stderr = run.stderr.read().decode()
    assert run.wait(timeout=30) == 0 and "Traceback" not in stderr, stderr
