"""A start knows a file unchanged by the bytes its recorded items were read from (its token), and
never takes a file for unchanged when its items are not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.helpers.journal import Store, stored
from tui.core.journal.journal import Journal
from tui.core.journal.per_file import file_tokens
from tui.core.store.loader import ContentStore

T0 = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=1)


def session(content: Store, jpath: Path, at: dt.datetime) -> list[str]:
    """One run of the dashboard: open the journal, load the store, record; the changes in words."""
    journal, warnings = Journal.open(content.root, path=jpath)
    assert warnings == []
    store = ContentStore(content.root)
    result = store.load()
    assert not result.problems, result.problems
    return [change.text(None) for change in journal.record(result.snapshot, at, sources=store.sources())]


def files_docs(jpath: Path) -> dict[str, dict]:
    return {doc["path"]: doc for doc in stored(jpath)["files"].values()}


def test_each_file_is_recorded_with_the_token_of_the_bytes_it_was_read_from(content: Store, jpath: Path) -> None:
    assert session(content, jpath, T0) == []
    docs = files_docs(jpath)
    assert set(docs) == {"story.yaml", "parties.yaml", "issues.yaml", "quotes.yaml", "sources.yaml"}
    assert all(len(doc["source"]) == 32 for doc in docs.values())
    assert session(content, jpath, T0 + dt.timedelta(hours=1)) == []
    assert files_docs(jpath) == docs  # nothing to write: every file known unchanged


def test_an_edit_made_while_closed_is_found_and_the_new_bytes_recorded(content: Store, jpath: Path) -> None:
    session(content, jpath, T0)
    before = files_docs(jpath)
    content.stance("opposes")  # nobody is watching
    assert session(content, jpath, T0 + dt.timedelta(days=1)) == ["russia on territory: stance insists → opposes"]
    after = files_docs(jpath)
    assert after["issues.yaml"]["source"] != before["issues.yaml"]["source"]
    assert {p: d for p, d in after.items() if p != "issues.yaml"} == {p: d for p, d in before.items() if p != "issues.yaml"}
    assert session(content, jpath, T0 + dt.timedelta(days=2)) == []


def test_a_comment_changes_the_bytes_but_no_item_the_file_keeps_when_it_last_changed(content: Store, jpath: Path) -> None:
    session(content, jpath, T0)
    before = files_docs(jpath)["quotes.yaml"]
    path = content.root / "quotes.yaml"
    path.write_text("# checked against the wire copy\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert session(content, jpath, T0 + dt.timedelta(days=1)) == []
    after = files_docs(jpath)["quotes.yaml"]
    # The same items, recorded when they last changed; the token now names the new bytes.
    assert (after["digest"], after["at"]) == (before["digest"], before["at"])
    assert after["source"] != before["source"]
    assert session(content, jpath, T0 + dt.timedelta(days=2)) == []


def test_a_file_whose_id_another_file_now_defines_first_has_another_token(content: Store, jpath: Path) -> None:
    # sources.yaml keeps its bytes, but a file read before it now defines its source too (a
    # duplicate: the first definition owns the id), so its items in the store are not what they were.
    store = ContentStore(content.root)
    before = file_tokens(store.load().snapshot, store.sources())
    (content.root / "more-sources.yaml").write_text("sources:\n  - id: reuters-1\n    outlet: Reuters\n", encoding="utf-8")
    store = ContentStore(content.root)
    snapshot = store.load().snapshot
    assert snapshot.origins[("sources", "reuters-1")].path == "more-sources.yaml"
    after = file_tokens(snapshot, store.sources())
    assert after["sources.yaml"] != before["sources.yaml"]
    assert {p: t for p, t in after.items() if "sources" not in p} == {p: t for p, t in before.items() if "sources" not in p}


def test_within_a_session_a_saved_file_takes_its_new_token_and_the_others_keep_theirs(content: Store, jpath: Path) -> None:
    journal, _ = Journal.open(content.root, path=jpath)
    store = ContentStore(content.root)
    journal.record(store.load().snapshot, T0, sources=store.sources())
    before = files_docs(jpath)
    content.stance("opposes")
    result = store.reload([str(content.root / "issues.yaml")])
    changes = journal.record(result.snapshot, T0 + dt.timedelta(hours=1), sources=store.sources())
    assert [c.text(None) for c in changes] == ["russia on territory: stance insists → opposes"]
    after = files_docs(jpath)
    assert after["issues.yaml"]["source"] == file_tokens(result.snapshot, store.sources())["issues.yaml"] != before["issues.yaml"]["source"]
    assert {p: d for p, d in after.items() if p != "issues.yaml"} == {p: d for p, d in before.items() if p != "issues.yaml"}
