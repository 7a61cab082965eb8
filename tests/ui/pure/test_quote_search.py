"""The quotes search index finds exactly what a plain scan of every quote finds (generated store, real files)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.helpers.bench import bench_store as _generator
from tui.core.store.loader import ContentStore
from tui.core.views.query import terms
from tui.core.views.search import _fold_char, fold, matches
from tui.ui.quote_filter import QuoteFilter, SearchIndex, searched_text


def _plain(snapshot, quote_filter: QuoteFilter) -> list[str]:
    """The filter as the pane applied it before the index: every quote, folded on the spot."""
    quotes = list(snapshot.quotes)
    if quote_filter.party:
        quotes = [q for q in quotes if q.party == quote_filter.party]
    if quote_filter.issue:
        wanted = {q.id for q in snapshot.quotes_for_issue(quote_filter.issue)}
        quotes = [q for q in quotes if q.id in wanted]
    if quote_filter.text.strip():
        # Every word (the search language's words and phrases; field filters are the results list's), no -word.
        words, excluded = terms(quote_filter.text)
        quotes = [q for q in quotes if all(matches(searched_text(q, snapshot), w) for w in words)
                  and not any(matches(searched_text(q, snapshot), w) for w in excluded)]
    return [q.id for q in quotes]


def test_fold_through_its_table_is_the_same_as_one_character_at_a_time():
    # Every character of the Basic Multilingual Plane outside the surrogates.
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert fold(char) == _fold_char(char), (hex(code), unicodedata.name(char, "?"))
    text = "“Zelenskyy’s” — Mykolaïv\tİstanbul ﬁnal\nSTRASSE ß"
    assert fold(text) == "".join(_fold_char(c) for c in text)


def test_searches_typed_letter_by_letter_find_what_a_plain_scan_finds(tmp_path):
    root = _generator().write_store(tmp_path / "store", 600, seed=7)
    snapshot = ContentStore(root).load().snapshot
    party = snapshot.quotes[0].party
    issue = snapshot.issues[0].id
    # Narrowing letter by letter, then widening, then another word (ANDed, wherever it is), words left out; with and without a party or issue.
    texts = ["s", "so", "sok", "soko", "sokolov", "soko", "CEASEFIRE", "ceasefire h", "ceasefire h -sok", "ceasefire h -so", "h ceasefire", "\"ceasefire h\"", "’s", "'s", "e", "zzz", "  tomas  "]
    for party_id, issue_id in [(None, None), (party, None), (None, issue), (party, issue)]:
        for text in texts:
            quote_filter = QuoteFilter(party=party_id, issue=issue_id, text=text)
            assert [q.id for q in quote_filter.apply(snapshot)] == _plain(snapshot, quote_filter), (party_id, issue_id, text)


def test_a_reload_folds_again_only_the_quotes_of_the_file_it_read(tmp_path):
    root = _generator().write_store(tmp_path / "store", 400, seed=2)
    store = ContentStore(root)
    before = store.load().snapshot
    first = SearchIndex.for_snapshot(before)
    assert SearchIndex.for_snapshot(before) is first  # once per snapshot

    day = sorted((root / "quotes").glob("*.yaml"))[-1]
    day.write_text(day.read_text(encoding="utf-8").replace("text: >-\n      ", "text: >-\n      Far too early. ", 1), encoding="utf-8")
    after = store.reload([day]).snapshot
    second = SearchIndex.for_snapshot(after)
    in_day = [q.id for q in after.quotes if Path(after.origins[("quotes", q.id)].path).name == day.name]
    assert 0 < len(in_day) < len(after.quotes)
    # The other files' quotes are the same objects, so their folded texts are kept, not made again.
    old_folds = dict(zip((q.id for q in before.quotes), first.folded, strict=True))
    kept = {q.id for q, text in zip(after.quotes, second.folded, strict=True) if text is old_folds.get(q.id)}
    assert kept >= {q.id for q in after.quotes} - set(in_day)
    edited = [q.id for q in after.quotes if "Far too early" in q.text]
    assert len(edited) == 1 and edited[0] not in kept
    assert [q.id for q in QuoteFilter(text="far too early").apply(after)] == _plain(after, QuoteFilter(text="far too early"))


def test_the_top_of_a_search_is_the_top_of_its_whole_result_and_leaves_the_narrowing_alone(tmp_path):
    root = _generator().write_store(tmp_path / "store", 600, seed=11)
    snapshot = ContentStore(root).load().snapshot
    position = {q.id: i for i, q in enumerate(snapshot.quotes)}
    party, issue = snapshot.quotes[0].party, snapshot.issues[0].id
    for party_id, issue_id in [(None, None), (party, None), (None, issue)]:
        for text in ["e", "ce", "cease", "zzz"]:
            quote_filter = QuoteFilter(party=party_id, issue=issue_id, text=text)
            whole = quote_filter.keys(snapshot)
            # Between two letters of one word, as a pane shows the top before the rest.
            top = quote_filter.keys(snapshot, upto=100)
            assert top == [key for key in whole if position[key] < 100], (party_id, issue_id, text)
            assert quote_filter.keys(snapshot) == whole == _plain(snapshot, quote_filter)
