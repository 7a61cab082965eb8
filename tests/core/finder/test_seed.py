"""The shipped story's source article, read with the shipped store: its quotes come back with their speakers.

The article is the one the shipped story archives for its source (content/archive/), byte for
byte the seed it was built from.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers.paths import SHIPPED
from tui.core.finder import find_in_snapshot
from tui.core.model.vocab import Medium
from tui.core.store.loader import ContentStore


@pytest.fixture(scope="module")
def article() -> str:
    store = ContentStore(SHIPPED)
    store.load()
    [capture] = store.snapshot.source_by_id["meduza-2025-11-25-lavrov"].archive
    return (SHIPPED / capture.file).read_text(encoding="utf-8")


def test_the_seed_proposes_the_shipped_quotes_with_their_shipped_speakers(article):
    store = ContentStore(SHIPPED)
    store.load()
    snapshot = store.snapshot
    proposals = find_in_snapshot(article, snapshot, dt.date(2025, 11, 25))
    names = {person.id: person.name for party in snapshot.parties for person in party.people}

    def proposed(quote) -> bool:
        words = " ".join(quote.text.split())
        return any(" ".join(p.words.split()) == words and quote.speaker in (names.get(p.person or ""), p.speaker) for p in proposals)

    missed = [q.id for q in snapshot.quotes if not proposed(q)]
    assert len(snapshot.quotes) == 12 and len(missed) <= 1, f"missed {missed}"
    for p in proposals:
        assert article[p.start:p.end] == p.words
        assert p.date == dt.date(2025, 11, 25)
    assert all(p.duplicate for p in proposals), "the store holds every one of them"
    by_words = {p.words: p for p in proposals}
    assert by_words["minor details"].reported_by == ("cited by CNN and CBS News",)
    assert by_words["minor details"].medium is Medium.ANONYMOUS
    assert (by_words["as soon as possible"].cue, by_words["as soon as possible"].medium) == ("told Axios", Medium.INTERVIEW)
    assert by_words["when the deal to end this war is final or is in its final stages."].medium is Medium.POST_ON_TRUTH_SOCIAL
    assert by_words["in principle"].reported_by == ("wrote on X",)
    assert "peace plan" not in by_words, "a scare quote is nobody's words"
