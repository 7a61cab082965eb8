"""One mistake costs its own item and says one problem: the rest of its file loads, and what names
the item left out is not reported again."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.minimal_store import ISSUES, QUOTES, write_store
from tui.core.desk import NO_JOURNAL, AddQuote, Desk
from tui.core.store.loader import ContentStore


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def loaded(root: Path) -> tuple[ContentStore, list[str]]:
    store = ContentStore(root)
    return store, [str(p) for p in store.load().problems]


def test_a_typo_in_one_position_leaves_out_its_issue_alone(tmp_path: Path) -> None:
    root = write_store(tmp_path, issues_yaml=edit(ISSUES, "stance: insists", "stance: insistss"))
    store, problems = loaded(root)
    # One problem, at the typo: the quote that names the issue left out is not a second one.
    assert len(problems) == 1 and problems[0].startswith("issues.yaml:9:17: 'insistss' is not a valid stance"), problems
    assert [issue.id for issue in store.snapshot.issues] == ["prisoners"]
    assert [quote.id for quote in store.snapshot.quotes] == ["q-north", "q-south"]


def test_fixing_the_typo_brings_the_item_back(tmp_path: Path) -> None:
    root = write_store(tmp_path, issues_yaml=edit(ISSUES, "stance: insists", "stance: insistss"))
    store, _ = loaded(root)
    (root / "issues.yaml").write_text(ISSUES, encoding="utf-8")
    result = store.reload([root / "issues.yaml"])
    assert result.problems == () and [issue.id for issue in result.snapshot.issues] == ["border", "prisoners"]
    assert "issues.yaml" in result.changed


def test_problems_after_an_item_left_out_stand_at_their_own_line(tmp_path: Path) -> None:
    # The first issue is left out, so the second is the content's first: its problem must still be
    # placed at its own line in the file, not at the first issue's.
    issues = edit(ISSUES, "status: contested", "status: contestedd") + "    positions:\n      - party: sout\n        stance: unclear\n"
    store, problems = loaded(write_store(tmp_path, issues_yaml=issues))
    assert [p.split(": ", 1)[0] for p in problems] == ["issues.yaml:4:13", "issues.yaml:19:16"], problems
    assert "unknown party 'sout'" in problems[1]
    assert [issue.id for issue in store.snapshot.issues] == ["prisoners"]


def test_a_quote_without_a_speaker_leaves_the_others_of_its_file(tmp_path: Path) -> None:
    store, problems = loaded(write_store(tmp_path, quotes_yaml=edit(QUOTES, "    speaker: an official\n", "")))
    assert problems == ["quotes.yaml:12:5: missing required field 'speaker'"]
    assert [quote.id for quote in store.snapshot.quotes] == ["q-north"]


def test_a_section_that_is_not_a_list_is_left_out_and_the_files_other_sections_load(tmp_path: Path) -> None:
    store, problems = loaded(write_store(tmp_path, quotes_yaml=QUOTES + "events: the talks\n"))
    assert len(problems) == 1 and problems[0].startswith("quotes.yaml:18:9: 'events' should be a list"), problems
    assert len(store.snapshot.quotes) == 2 and len(store.snapshot.events) == 2  # those of events.yaml


def test_an_edit_beside_a_broken_item_keeps_its_problem_said(tmp_path: Path) -> None:
    day = "quotes:\n  - id: q-day\n    text: Not yet.\n    party: north\n    medium: interview\n    source: wire-1\n"
    root = write_store(tmp_path, **{"quotes/2025-02-22_yaml": day})
    desk = Desk(root, journal=NO_JOURNAL, state_dir=tmp_path / "state")
    before = [str(p) for p in desk.load().problems]
    assert before == ["quotes/2025-02-22.yaml:2:5: missing required field 'speaker'"]
    applied = desk.apply(AddQuote(text="We are ready.", speaker="A. Envoy", medium="interview", date="2025-02-22", party="north", source="wire-1"))
    assert [str(p) for p in applied.state.problems] == before
    assert "We are ready." in [quote.text for quote in applied.state.snapshot.quotes]
    assert "Not yet." in (root / "quotes/2025-02-22.yaml").read_text(encoding="utf-8")  # the broken item's bytes stay
