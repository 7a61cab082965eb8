"""Verify through the desk: each quote's state, the problems `check` and the banner show (at the
quote's file, line and column), a copy tampered with or gone, and each copy read once."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from tests.helpers.minimal_store import QUOTES, write_store
from tui.core.desk import NO_JOURNAL, AddCapture, Desk, QuoteState, archive_article
from tui.core.model.items import Quote
from tui.core.model.snapshot import Snapshot
from tui.core.verify import check as verify_check
from tui.core.verify.check import Verifier

ARTICLE = "Talks open in Geneva\nThe envoy told the Wire: “We will not move: not one metre.” Talks go on, said an official.\n".encode()
DAY = dt.date(2025, 2, 22)


def archived_store(tmp_path: Path, quotes: str = QUOTES, article: bytes = ARTICLE) -> tuple[Path, str]:
    """The minimal store with a copy of wire-1 recorded on it, through the desk; the copy's file."""
    root = write_store(tmp_path / "content", quotes_yaml=quotes)
    archived = archive_article(root, article, "wire-1.txt", DAY)
    Desk(root, journal=NO_JOURNAL).apply(AddCapture("wire-1", archived.capture()))
    return root, archived.file


def load(root: Path):
    return Desk(root, journal=NO_JOURNAL).load()


def test_every_quote_has_a_state_and_a_clean_store_has_no_problem(tmp_path: Path) -> None:
    quotes = QUOTES.replace('"We will not move: not one metre."', '"We will not move: not one metre."\n    context: The envoy told the Wire')
    root, file = archived_store(tmp_path, quotes)
    state = load(root)
    assert state.problems == ()
    assert state.verified is not None
    check = state.verified.of("q-north")
    assert (check.state, check.file, check.captured) == (QuoteState.VERBATIM, file, DAY)
    assert state.verified.of("q-south").state is QuoteState.NOT_ARCHIVED
    assert not state.verified.failed and state.verified.archives == 1


def test_one_word_changed_is_a_problem_at_the_quotes_text_with_the_word_diff(tmp_path: Path) -> None:
    root, _ = archived_store(tmp_path, QUOTES.replace("not one metre", "not one inch"))
    state = load(root)
    check = state.verified.of("q-north") if state.verified else None
    assert check is not None and check.state is QuoteState.DIFFERS and check.field == "text"
    [problem] = state.problems
    assert (problem.path, problem.line, problem.column) == ("quotes.yaml", 3, 11)  # the text's value
    assert problem.message.startswith("not as printed: store: *not one inch*; source: *not one metre* (quote 'q-north'")


def test_a_context_that_differs_is_said_as_the_contexts(tmp_path: Path) -> None:
    quotes = QUOTES.replace('"We will not move: not one metre."', '"We will not move: not one metre."\n    context: The envoy told the Times')
    root, _ = archived_store(tmp_path, quotes)
    [problem] = load(root).problems
    assert (problem.line, problem.column) == (4, 14)
    assert problem.message.startswith("context not as printed: store: *told the Times*; source: *told the Wire*")


def test_words_nowhere_in_the_copy_are_missing(tmp_path: Path) -> None:
    root, file = archived_store(tmp_path, QUOTES.replace('"We will not move: not one metre."', "Nothing of the kind was ever said by the envoy"))
    state = load(root)
    assert state.verified is not None and state.verified.of("q-north").state is QuoteState.MISSING
    [problem] = state.problems
    assert problem.message.startswith("not in the source: quote 'q-north': its text is nowhere in its source's archived copy")


def test_typography_alone_is_normalised_not_a_problem(tmp_path: Path) -> None:
    root, _ = archived_store(tmp_path, QUOTES.replace('"We will not move: not one metre."', "'We will  not move: not one metre.'"))
    state = load(root)
    assert state.verified is not None and state.verified.of("q-north").state is QuoteState.NORMALISED
    assert state.problems == ()


@pytest.mark.parametrize("damage, said, field", [
    (lambda p: p.write_bytes(p.read_bytes().replace(b"metre", b"meter")), "no longer matches its SHA-256", "sha256"),
    (lambda p: p.unlink(), "is missing", "file"),
])
def test_a_copy_changed_or_gone_is_a_problem_of_its_source_and_its_quotes_are_unchecked(tmp_path: Path, damage, said, field) -> None:
    root, file = archived_store(tmp_path)
    damage(root / file)
    state = load(root)
    [problem] = state.problems
    lines = (root / "sources.yaml").read_text(encoding="utf-8").splitlines()
    assert problem.path == "sources.yaml" and lines[problem.line - 1].strip().startswith(f"{field}:") or lines[problem.line - 1].strip().startswith(f"- {field}:")
    assert f"source 'wire-1': its archived copy {file} {said}" in problem.message
    assert state.verified is not None and state.verified.of("q-north").state is QuoteState.UNCHECKED and state.verified.failed


def test_a_copy_damaged_while_the_desk_follows_is_seen_at_the_next_read(tmp_path: Path) -> None:
    root, file = archived_store(tmp_path)
    desk = Desk(root, journal=NO_JOURNAL)
    assert desk.load().problems == ()
    (root / file).write_bytes(ARTICLE + b"\nAn addition.")
    assert "no longer matches" in desk.reload(["quotes.yaml"]).problems[0].message


def test_an_edit_that_makes_a_quote_differ_is_recorded_in_the_journal_and_shown_as_a_problem(tmp_path: Path) -> None:
    # Verify's problems are not load problems: the journal records the change, not waiting for a fix.
    root, _ = archived_store(tmp_path)
    desk = Desk(root, journal=tmp_path / "journal.json")
    desk.load()
    desk.record()
    path = root / "quotes.yaml"
    path.write_bytes(path.read_bytes().replace(b"not one metre", b"not one inch"))
    assert len(desk.reload(["quotes.yaml"]).problems) == 1
    recorded = desk.record()
    assert [(c.item_id, c.field) for c in recorded.changes] == [("q-north", "text")]
    assert len(recorded.problems) == 1
    desk.close()


def test_each_copy_is_read_once_and_each_quote_checked_once_across_reloads(tmp_path: Path, monkeypatch) -> None:
    root, _ = archived_store(tmp_path)
    reads = []
    real = verify_check.checked_bytes
    monkeypatch.setattr(verify_check, "checked_bytes", lambda *a: reads.append(a) or real(*a))
    finds = []
    real_find = Verifier._find
    monkeypatch.setattr(Verifier, "_find", lambda self, *a: finds.append(a) or real_find(self, *a))
    desk = Desk(root, journal=NO_JOURNAL)
    desk.load()
    desk.record()
    path = root / "events.yaml"
    path.write_bytes(path.read_bytes() + b"\n")
    desk.reload(["events.yaml"])
    desk.record()
    assert (len(reads), len(finds)) == (1, 1)


def test_a_large_store_is_checked_in_well_under_a_second_and_again_at_the_cost_of_what_changed(tmp_path: Path) -> None:
    root, _ = archived_store(tmp_path)
    base = load(root).snapshot
    north = base.quote_by_id["q-north"]
    data = north.model_dump()
    quotes = tuple(Quote.model_validate({**data, "id": f"q-{n}", "text": f"not move: not one {n}" if n % 100 == 0 else north.text})
                   for n in range(5000))
    snapshot = Snapshot(story=base.story, sources=base.sources, quotes=quotes, origins=base.origins)
    verifier = Verifier(root)
    started = time.perf_counter()
    first = verifier.check(snapshot)
    took = time.perf_counter() - started
    assert sum(1 for c in first.checked.values() if c.state is QuoteState.DIFFERS) == 50
    again = Snapshot(story=base.story, sources=base.sources, quotes=quotes[1:] + (north,), origins=base.origins)
    started = time.perf_counter()
    verifier.check(again)
    assert took < 1.5 and time.perf_counter() - started < 0.2


def test_a_quote_that_differs_is_in_doubt_so_never_copied_or_briefed_as_verbatim(tmp_path: Path) -> None:
    from tui.core.views.brief import brief, markdown

    root, _ = archived_store(tmp_path, QUOTES.replace("not one metre", "not one inch"))
    state = load(root)
    assert set(state.in_doubt) == {"q-north"}
    assert state.in_doubt["q-north"].message.startswith("differs: its words are not what the archived copy")
    written = dt.datetime(2025, 2, 23, tzinfo=dt.UTC)
    assert "not one inch" in markdown(brief(state.snapshot, DAY, written))  # a brief that trusted it would quote it
    assert "not one inch" not in markdown(brief(state.snapshot, DAY, written, state.in_doubt))
    clean, _ = archived_store(tmp_path / "clean")
    assert dict(load(clean).in_doubt) == {}
