"""The field-level diff: every kind and field type, reordering, JSON safety, speed."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tui.core.model.diff import Change, diff_snapshots, join_field, split_field
from tui.core.model.items import Quote
from tui.core.model.snapshot import Snapshot
from tui.core.store.loader import ContentStore

DEADLINE = "2025-11-27 Reply due. [U.S.]"
BASE = {
    "story.yaml": {
        "story": {"title": "Talks", "as_of": "2025-11-24", "deadlines": [
            {"date": "2025-11-27", "what": "Reply due. [U.S.]", "source": "reuters-1"},
            {"date": "2025-12-01", "what": "Summit"},
        ]},
        "status": {"stage": "framework-agreed-in-principle", "headline": "Framework agreed", "since": "2025-11-20",
                   "history": [{"stage": "proposed", "date": "2025-11-01"}, {"stage": "under-negotiation", "when": "last week"}]},
    },
    "parties.yaml": {"parties": [
        {"id": "russia", "name": "Russia", "role": "belligerent", "people": [
            {"id": "lavrov", "name": "Sergey Lavrov", "title": "Foreign Minister"}, {"id": "peskov", "name": "Dmitry Peskov"}]},
        {"id": "ukraine", "name": "Ukraine", "role": "belligerent"},
        {"id": "usa", "name": "United States", "short": "U.S.", "role": "mediator"},
    ]},
    "issues.yaml": {"issues": [{"id": "territory", "title": "Territory", "status": "contested", "positions": [
        {"party": "russia", "stance": "insists", "quotes": ["q1"]}, {"party": "ukraine", "stance": "opposes"}]}]},
    "quotes.yaml": {"quotes": [
        {"id": "q1", "text": "We insist.", "speaker": "Sergey Lavrov", "party": "russia", "date": "2025-11-23",
         "medium": "press-conference", "reported_by": ["told Reuters", "cited by CNN"], "source": "reuters-1", "issues": ["territory"]},
        {"id": "q0", "text": "Maybe.", "speaker": "Dmitry Peskov", "party": "russia", "date": "2025-11-22", "medium": "statement", "source": "reuters-1"},
    ]},
    "events.yaml": {"events": [{"id": "geneva", "title": "Geneva talks", "date": "2025-11-23", "parties": ["usa", "ukraine"], "source": "reuters-1"}]},
    "sources.yaml": {"sources": [{"id": "reuters-1", "outlet": "Reuters", "title": "Talks", "date": "2025-11-23"}]},
}


def write_store(root: Path, data: dict) -> None:
    root.mkdir(exist_ok=True)
    for old in root.glob("*.yaml"):
        old.unlink()
    for name, doc in data.items():
        (root / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def load(root: Path, problems_ok: bool = False) -> Snapshot:
    result = ContentStore(root).load()
    assert problems_ok or not result.problems, result.problems
    return result.snapshot


def before_after(tmp_path: Path, edit, problems_ok: bool = False) -> tuple[Snapshot, Snapshot]:
    root = tmp_path / "content"
    write_store(root, BASE)
    old = load(root)
    data = copy.deepcopy(BASE)
    edit(data)
    write_store(root, data)
    return old, load(root, problems_ok)


def _set(path: tuple, value):
    def edit(data):
        *where, last = path
        target = data
        for step in where:
            target = target[step]
        target[last] = value
    return edit


def _do(*edits):
    def edit(data):
        for one in edits:
            one(data)
    return edit


S, P, I, Q, E, SRC = "story.yaml", "parties.yaml", "issues.yaml", "quotes.yaml", "events.yaml", "sources.yaml"
CASES = {
    "story text": (_set((S, "story", "title"), "Peace talks"), [("story", "story", "title", "changed", "Talks", "Peace talks")], "Story: title Talks → “Peace talks”"),
    "story date": (_set((S, "story", "as_of"), "2025-11-25"), [("story", "story", "as_of", "changed", "2025-11-24", "2025-11-25")], "Story: as of 2025-11-24 → 2025-11-25"),
    "deadline field": (_set((S, "story", "deadlines", 0, "source"), None), [("story", "story", f"deadlines[{json.dumps(DEADLINE)}].source", "changed", "reuters-1", None)], f"Story, deadline {DEADLINE}: source reuters-1 → (none)"),
    "deadline added": (lambda d: d[S]["story"]["deadlines"].append({"date": "2025-12-05", "what": "Vote"}), [("story", "story", "deadlines[\"2025-12-05 Vote\"]", "added", None, {"what": "Vote"})], "Story: new deadline 2025-12-05 Vote"),
    "deadline removed": (lambda d: d[S]["story"]["deadlines"].pop(1), [("story", "story", "deadlines[\"2025-12-01 Summit\"]", "removed", {"what": "Summit"}, None)], "Story: removed deadline 2025-12-01 Summit"),
    "status enum": (_set((S, "status", "stage"), "final-stages"), [("status", "status", "stage", "changed", "framework-agreed-in-principle", "final-stages")], "Deal status: stage framework agreed in principle → final stages"),
    "status optional date": (_set((S, "status", "since"), None), [("status", "status", "since", "changed", "2025-11-20", None)], "Deal status: since 2025-11-20 → (none)"),
    "history by index": (_set((S, "status", "history", 1, "stage"), "stalled"), [("status", "status", "history.1.stage", "changed", "under-negotiation", "stalled")], "Deal status, earlier stage 2: stage under negotiation → stalled"),
    "history added": (lambda d: d[S]["status"]["history"].append({"stage": "stalled", "date": "2025-11-21"}), [("status", "status", "history.2", "added", None, {"stage": "stalled"})], "Deal status: new earlier stage stalled (2025-11-21)"),
    "party enum": (_set((P, "parties", 0, "role"), "mediator"), [("parties", "russia", "role", "changed", "belligerent", "mediator")], "Party Russia: role belligerent → mediator"),
    "party empty text": (_set((P, "parties", 0, "short"), "RU"), [("parties", "russia", "short", "changed", "", "RU")], "Party Russia: short (empty) → RU"),
    "person field": (_set((P, "parties", 0, "people", 0, "title"), "Minister"), [("parties", "russia", "people.lavrov.title", "changed", "Foreign Minister", "Minister")], "Party Russia: Sergey Lavrov's title “Foreign Minister” → Minister"),
    "person added": (lambda d: d[P]["parties"][0]["people"].append({"id": "putin", "name": "Vladimir Putin", "title": "President"}), [("parties", "russia", "people.putin", "added", None, {"name": "Vladimir Putin"})], "Party Russia: new person Vladimir Putin (President)"),
    "person removed": (lambda d: d[P]["parties"][0]["people"].pop(1), [("parties", "russia", "people.peskov", "removed", {"id": "peskov"}, None)], "Party Russia: no longer lists Dmitry Peskov"),
    "party added": (lambda d: d[P]["parties"].append({"id": "turkey", "name": "Turkey", "role": "host"}), [("parties", "turkey", "", "added", None, {"name": "Turkey", "role": "host"})], "New party: Turkey (host)"),
    "issue enum": (_set((I, "issues", 0, "status"), "narrowing"), [("issues", "territory", "status", "changed", "contested", "narrowing")], "Issue Territory: status contested → narrowing"),
    "position field": (_set((I, "issues", 0, "positions", 0, "stance"), "opposes"), [("issues", "territory", "positions.russia.stance", "changed", "insists", "opposes")], "Russia on Territory: stance insists → opposes"),
    "position id list": (_set((I, "issues", 0, "positions", 0, "quotes"), ["q1", "q0"]), [("issues", "territory", "positions.russia.quotes", "changed", ["q1"], ["q1", "q0"])], "Russia on Territory: quotes +q0"),
    "position added": (lambda d: d[I]["issues"][0]["positions"].append({"party": "usa", "stance": "proposes"}), [("issues", "territory", "positions.usa", "added", None, {"party": "usa"})], "United States on Territory: new position (proposes)"),
    "position removed": (lambda d: d[I]["issues"][0]["positions"].pop(1), [("issues", "territory", "positions.ukraine", "removed", {"stance": "opposes"}, None)], "Ukraine on Territory: position removed"),
    "quote added": (lambda d: d[Q]["quotes"].append({"id": "q2", "text": "No.", "speaker": "Sergey Lavrov", "medium": "press-conference", "source": "reuters-1"}), [("quotes", "q2", "", "added", None, {"id": "q2", "text": "No."})], "New quote: Sergey Lavrov, press conference: “No.”"),
    "quote removed": (lambda d: d[Q]["quotes"].pop(1), [("quotes", "q0", "", "removed", {"id": "q0"}, None)], "Removed quote: Dmitry Peskov, statement, 2025-11-22: “Maybe.”"),
    "quote text": (_set((Q, "quotes", 1, "text"), "Perhaps not."), [("quotes", "q0", "text", "changed", "Maybe.", "Perhaps not.")], "Quote by Dmitry Peskov (q0): text Maybe. → “Perhaps not.”"),
    "quote optional id": (_set((Q, "quotes", 1, "party"), None), [("quotes", "q0", "party", "changed", "russia", None)], "Quote by Dmitry Peskov (q0): party russia → (none)"),
    "text list reordered": (_set((Q, "quotes", 0, "reported_by"), ["cited by CNN", "told Reuters"]), [("quotes", "q1", "reported_by", "changed", ["told Reuters", "cited by CNN"], ["cited by CNN", "told Reuters"])], "Quote by Sergey Lavrov (q1): reported by reordered “told Reuters”, “cited by CNN” → “cited by CNN”, “told Reuters”"),
    "event removed": (lambda d: d[E]["events"].clear(), [("events", "geneva", "", "removed", {"title": "Geneva talks"}, None)], "Removed event: Geneva talks (2025-11-23)"),
    "event id list": (_set((E, "events", 0, "parties"), ["usa"]), [("events", "geneva", "parties", "changed", ["usa", "ukraine"], ["usa"])], "Event Geneva talks: parties −ukraine"),
    "source optional text": (_set((SRC, "sources", 0, "url"), "https://example.org/a"), [("sources", "reuters-1", "url", "changed", None, "https://example.org/a")], "Source Reuters: url (none) → https://example.org/a"),
    "source date": (_set((SRC, "sources", 0, "date"), "2025-11-24"), [("sources", "reuters-1", "date", "changed", "2025-11-23", "2025-11-24")], "Source Reuters: date 2025-11-23 → 2025-11-24"),
}


def _matches(actual, expected) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(actual.get(k) == v for k, v in expected.items())
    return actual == expected and type(actual) is type(expected)


def _plain(value) -> bool:
    """Only JSON's own types: a StrEnum or a date would pass json.dumps differently or not at all."""
    if isinstance(value, dict):
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)


@pytest.mark.parametrize("name", list(CASES))
def test_each_kind_and_field_type(tmp_path: Path, name: str) -> None:
    edit, expected, text = CASES[name]
    old, new = before_after(tmp_path, edit)
    changes = diff_snapshots(old, new)
    assert [(c.kind, c.item_id, c.field, c.op) for c in changes] == [e[:4] for e in expected]
    for change, (*_, want_old, want_new) in zip(changes, expected):
        assert _matches(change.old, want_old) and _matches(change.new, want_new), change
        assert _plain(change.old) and _plain(change.new)
        assert change.path == (S if change.kind in ("story", "status") else {"parties": P, "issues": I, "quotes": Q, "events": E, "sources": SRC}[change.kind])
        json.dumps(change.to_json(), allow_nan=False)
        assert Change.from_json(json.loads(json.dumps(change.to_json()))) == change
    assert changes[0].text(new) == text


def test_unchanged_store_has_no_changes(tmp_path: Path) -> None:
    old, new = before_after(tmp_path, lambda d: None)
    assert old is not new and old.quotes[0] is not new.quotes[0]
    assert diff_snapshots(old, new) == []


def test_reordering_lists_of_items_is_not_a_change(tmp_path: Path) -> None:
    def shuffle(d):
        d[S]["story"]["deadlines"].reverse()
        d[P]["parties"].reverse()
        d[P]["parties"][-1]["people"].reverse()
        d[I]["issues"][0]["positions"].reverse()
        d[Q]["quotes"].reverse()
        # One quote moves to a file of its own: where an item lives is not a change to it.
        d["more-quotes.yaml"] = {"quotes": [d[Q]["quotes"].pop()]}

    assert diff_snapshots(*before_after(tmp_path, shuffle)) == []


def test_entry_changed_in_a_reordered_list_is_the_only_change(tmp_path: Path) -> None:
    def edit(d):
        d[I]["issues"][0]["positions"].reverse()
        d[I]["issues"][0]["positions"][1]["stance"] = "accepts"
        d[P]["parties"][0]["people"].reverse()

    changes = diff_snapshots(*before_after(tmp_path, edit))
    assert [(c.field, c.old, c.new) for c in changes] == [("positions.russia.stance", "insists", "accepts")]


def test_history_is_matched_by_index(tmp_path: Path) -> None:
    changes = diff_snapshots(*before_after(tmp_path, lambda d: d[S]["status"]["history"].reverse()))
    assert {c.field for c in changes} == {"history.0.stage", "history.0.date", "history.0.when", "history.1.stage", "history.1.date", "history.1.when"}


def test_whole_story_removed_and_path_from_the_old_snapshot(tmp_path: Path) -> None:
    old, new = before_after(tmp_path, lambda d: d[S].pop("story"), problems_ok=True)
    [change] = diff_snapshots(old, new)
    assert (change.kind, change.field, change.op, change.old["title"], change.new, change.path) == ("story", "", "removed", "Talks", None, S)
    assert diff_snapshots(new, old)[0].op == "added"


def test_removed_item_keeps_its_old_file_and_moved_item_its_new(tmp_path: Path) -> None:
    def edit(d):
        d["later.yaml"] = {"quotes": [dict(d[Q]["quotes"].pop(1), text="Moved and edited.")]}
        d[E]["events"].clear()

    changes = {c.item_id: c for c in diff_snapshots(*before_after(tmp_path, edit))}
    assert changes["geneva"].path == E and changes["q0"].path == "later.yaml"


def test_duplicate_natural_keys_stay_distinct(tmp_path: Path) -> None:
    twice = [{"date": "2025-12-01", "what": "Summit"}, {"date": "2025-12-01", "what": "Summit", "source": "reuters-1"}]
    root = tmp_path / "content"
    write_store(root, dict(BASE, **{S: dict(BASE[S], story=dict(BASE[S]["story"], deadlines=twice))}))
    old = load(root)
    twice[1]["source"] = None
    write_store(root, dict(BASE, **{S: dict(BASE[S], story=dict(BASE[S]["story"], deadlines=twice))}))
    [change] = diff_snapshots(old, load(root))
    assert change.field == 'deadlines["2025-12-01 Summit#2"].source'


def test_lines_fall_back_to_ids_and_show_no_control_characters(tmp_path: Path) -> None:
    old, new = before_after(tmp_path, _do(_set((I, "issues", 0, "positions", 0, "stance"), "opposes"),
                                          _set((Q, "quotes", 1, "text"), "evil \x1b]52;c;AAAA\x07 text")))
    by_kind = {c.kind: c for c in diff_snapshots(old, new)}
    assert by_kind["issues"].text() == "russia on territory: stance insists → opposes"
    line = by_kind["quotes"].text(new)
    assert "\x1b" not in line and "\x07" not in line and "␛" in line


@given(st.lists(st.text(min_size=0, max_size=12), min_size=1, max_size=5))
def test_field_paths_split_back_into_their_parts(parts: list[str]) -> None:
    assert split_field(join_field(parts)) == parts


def test_fifty_thousand_quotes_diff_in_linear_work(monkeypatch) -> None:
    """Quotes are matched by id: each is compared with its counterpart only, never searched for
    among the others (how fast that is on a given machine is the benchmark's to say)."""
    quotes = tuple(Quote.model_validate({"id": f"q{i}", "text": f"Words {i}", "speaker": "S", "medium": "interview", "source": "s", "issues": ["a"]})
                   for i in range(50_000))
    # Equal but not identical models, as two independent loads would give.
    copies = [q.model_copy() for q in quotes]
    copies[25_000] = copies[25_000].model_copy(update={"text": "Changed"})
    old, new = Snapshot(quotes=quotes), Snapshot(quotes=tuple(copies))
    compared = 0
    real_eq = Quote.__eq__

    def counted(self, other):
        nonlocal compared
        compared += 1
        return real_eq(self, other)

    monkeypatch.setattr(Quote, "__eq__", counted)
    changes = diff_snapshots(old, new)
    assert [(c.item_id, c.field, c.new) for c in changes] == [("q25000", "text", "Changed")]
    # At most two comparisons a quote (the lists as wholes, then each with its counterpart); a
    # search among the others would make it a quadratic 1.25 billion.
    assert 0 < compared <= 2 * len(quotes), f"{compared:,} comparisons of quotes for 50,000 quotes"
