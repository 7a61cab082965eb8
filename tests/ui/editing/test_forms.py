"""The edit forms, driven by keys: valid input written, invalid refused beside the field, conflicts kept safe."""

from __future__ import annotations

import difflib

import pytest
from textual.widgets import Input, Select

from tests.helpers.forms import choose, open_form, save, type_into
from tests.helpers.pilot import burst, screen_text, started, wait_until
from tui.ui.forms.base import EditForm


def added_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if any line was removed or changed."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")], "a line of the file was changed or removed"
    return [line[2:] for line in diff if line.startswith("+ ")]














async def test_add_a_quote_writes_only_its_lines(store):
    path = store / "quotes" / "2025-11-25.yaml"
    before = path.read_text(encoding="utf-8")
    async with started(store, live=True, size=(120, 50)) as pilot:
        await open_form(pilot, "a")
        await type_into(pilot, "text", "We are ready [sic] to talk")
        await type_into(pilot, "speaker", "Sergey Lavrov")
        assert pilot.app.screen.query_one("#speaker_role", Input).value == "Russian Foreign Minister"  # filled from the person
        assert pilot.app.screen.query_one("#party", Select).value == "russia"
        await type_into(pilot, "date", "2025-11-25")
        await choose(pilot, "medium", "press conference")
        await type_into(pilot, "reported_by", "told reporters")
        await choose(pilot, "source", "Meduza")
        await save(pilot)
        await wait_until(pilot, lambda: "We are ready [sic] to talk" in screen_text(pilot), what="the new quote")
    new = added_lines(before, path.read_text(encoding="utf-8"))
    assert any("We are ready [sic] to talk" in line for line in new)
    assert any("speaker: Sergey Lavrov" in line for line in new)


async def test_a_quote_saved_under_a_filter_that_hides_it_is_said_to_be_hidden(store):
    async with started(store, live=True, size=(120, 50), notifications=True) as pilot:
        await pilot.press("2", "f")  # the quotes filtered to the first party, the United States
        await wait_until(pilot, lambda: "Filter: party United States" in screen_text(pilot), what="the filter")
        await open_form(pilot, "a")
        await type_into(pilot, "text", "We are ready to talk")
        await type_into(pilot, "speaker", "Sergey Lavrov")
        await choose(pilot, "medium", "press conference")
        await choose(pilot, "source", "Meduza")
        await save(pilot)
        await wait_until(pilot, lambda: "Hidden by the filter: esc shows it" in " ".join(screen_text(pilot).split()), what="the hint")
        assert "We are ready to talk" not in screen_text(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: "We are ready to talk" in screen_text(pilot), what="the quote, once the filter is cleared")


async def test_missing_fields_are_refused_beside_the_field(store):
    snapshot_files = {p: p.read_bytes() for p in store.rglob("*.yaml")}
    async with started(store, size=(120, 50)) as pilot:
        await open_form(pilot, "a")
        await type_into(pilot, "date", "2025-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditForm)
        for field_id, words in (("text", "Required"), ("speaker", "Required"), ("source", "Required"), ("date", "does not exist")):
            error = pilot.app.screen.query_one(f"#{field_id}-error")
            assert error.display and words in str(error.render()), field_id
    assert {p: p.read_bytes() for p in store.rglob("*.yaml")} == snapshot_files


async def test_a_colleagues_save_is_never_overwritten(store):
    path = store / "status.yaml"
    async with started(store, size=(120, 50)) as pilot:
        await open_form(pilot, "S")
        await type_into(pilot, "headline", "Talks move to the final stage")
        await choose(pilot, "stage", "final stages")
        await choose(pilot, "source", "Meduza")
        # Meanwhile a colleague saves the same file.
        colleague = path.read_text(encoding="utf-8").replace("stage: framework-agreed-in-principle", "stage: framework-agreed-in-principle  # checked", 1)
        path.write_text(colleague, encoding="utf-8")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "changed on disk" in screen_text(pilot), what="the conflict message")
        assert isinstance(pilot.app.screen, EditForm)
        assert pilot.app.screen.query_one("#headline", Input).value == "Talks move to the final stage"  # kept
        assert path.read_text(encoding="utf-8") == colleague
        await pilot.press("ctrl+s")  # apply again, now on top of the colleague's version
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, EditForm), what="the second save")
    text = path.read_text(encoding="utf-8")
    assert "# checked" in text and "Talks move to the final stage" in text and "stage: final-stages" in text


async def test_move_the_stage_keeps_the_previous_in_history(store):
    path = store / "status.yaml"
    async with started(store, size=(120, 50)) as pilot:
        await open_form(pilot, "S")
        await choose(pilot, "stage", "final stages")
        await type_into(pilot, "headline", "Trump says the deal is in its final stages")
        await choose(pilot, "source", "Meduza")
        await save(pilot)
        await wait_until(pilot, lambda: pilot.app.state.snapshot.status.stage == "final-stages", what="the reload")
        history = pilot.app.state.snapshot.status.history
        assert history[-1].stage == "framework-agreed-in-principle"
        assert "final stages" in screen_text(pilot)
    assert "- stage: framework-agreed-in-principle" in path.read_text(encoding="utf-8")  # written into the history


async def test_a_new_stage_gets_its_own_summary_and_the_old_one_stays_with_its_stage(store):
    async with started(store, (120, 50)) as pilot:
        app = pilot.app
        await open_form(pilot, "S")
        await choose(pilot, "stage", "final stages")
        await type_into(pilot, "headline", "Trump says the deal is in its final stages")
        await type_into(pilot, "summary", "Talks go on in Abu Dhabi.")
        await choose(pilot, "source", "Meduza")
        await save(pilot)
        await wait_until(pilot, lambda: app.state.snapshot.status.stage == "final-stages", what="the reload")
        await pilot.press("1", "s")  # the deal status in full, with every earlier stage
        await wait_until(pilot, lambda: "Earlier stages" in screen_text(pilot), what="the status in full")
        shown = screen_text(pilot)
        # The new summary under the new stage, the old one under its own stage in the history.
        assert shown.index("Talks go on in Abu Dhabi.") < shown.index("Earlier stages") < shown.index("Ukrainian National Security")


async def test_add_an_event(store):
    async with started(store, size=(120, 50)) as pilot:
        await open_form(pilot, "t")
        await type_into(pilot, "title", "Delegations meet again in Abu Dhabi")
        await type_into(pilot, "date", "2025-11-26")
        await type_into(pilot, "place", "Abu Dhabi")
        await type_into(pilot, "venue", "The conference hall")
        await choose(pilot, "format", "in person")
        await choose(pilot, "host", "Ukraine")
        pilot.app.screen.query_one("#participants").focus()
        await pilot.press("down", "down", "space")  # the third person listed: Sergey Lavrov, of Russia
        await choose(pilot, "source", "Meduza")
        await save(pilot)
        await wait_until(pilot, lambda: any(e.title == "Delegations meet again in Abu Dhabi" for e in pilot.app.state.snapshot.events), what="the event")
        event = next(e for e in pilot.app.state.snapshot.events if e.title == "Delegations meet again in Abu Dhabi")
        assert (event.venue, event.format, event.host, event.participants) == ("The conference hall", "in-person", "ukraine", ["russia/sergey-lavrov"])


async def test_set_a_position_from_the_issue_under_the_cursor(store):
    async with started(store, size=(120, 50)) as pilot:
        await pilot.press("3", "j", "p")  # territory
        await pilot.pause()
        assert pilot.app.screen.query_one("#issue", Select).value == "territory"
        await choose(pilot, "party", "Russia")
        assert pilot.app.screen.query_one("#stance", Select).value == "conditional"  # the current position, filled in
        await choose(pilot, "stance", "insists")
        await save(pilot)
        await wait_until(
            pilot,
            lambda: next(p for p in pilot.app.state.snapshot.issue_by_id["territory"].positions if p.party == "russia").stance == "insists",
            what="the new stance",
        )


async def test_a_quote_with_a_new_source(store):
    async with started(store, size=(120, 50)) as pilot:
        await open_form(pilot, "a")
        await type_into(pilot, "text", "Talks will continue")
        await type_into(pilot, "speaker", "Rustem Umerov")
        await choose(pilot, "medium", "statement")
        await type_into(pilot, "new_source_outlet", "Ukrinform")
        await type_into(pilot, "new_source_title", "Umerov on the talks")
        await save(pilot)
        await wait_until(pilot, lambda: any(q.text == "Talks will continue" for q in pilot.app.state.snapshot.quotes), what="the quote")
        quote = next(q for q in pilot.app.state.snapshot.quotes if q.text == "Talks will continue")
        assert pilot.app.state.snapshot.source_by_id[quote.source].outlet == "Ukrinform"
        assert pilot.app.state.problems == ()


async def test_the_users_own_change_is_not_marked_as_news(store, tmp_path):
    async with started(store, journal=tmp_path / "journal.json", size=(120, 50)) as pilot:
        await open_form(pilot, "t")
        await type_into(pilot, "title", "A meeting we recorded ourselves")
        await choose(pilot, "source", "Meduza")
        await save(pilot)
        await wait_until(pilot, lambda: any(e.title == "A meeting we recorded ourselves" for e in pilot.app.state.snapshot.events), what="the event")
        await wait_until(pilot, lambda: pilot.app.state.last_change is not None, what="the journal to record the change")
        await wait_until(pilot, lambda: pilot.app.state.unseen == frozenset(), what="the change to count as seen")
        assert "new since" not in screen_text(pilot)


@pytest.mark.parametrize(
    ("key", "required"),
    [("a", ("text", "speaker", "medium", "source")), ("t", ("title", "source")), ("S", ("headline", "source")), ("p", ("issue", "party", "stance", "source"))],
    ids=["quote", "event", "status", "position"],
)
async def test_every_form_refuses_empty_fields_beside_them(store, key, required):
    before = {p: p.read_bytes() for p in store.rglob("*.yaml")}
    async with started(store, size=(120, 50)) as pilot:
        await open_form(pilot, key)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditForm)
        shown = [f for f in required if pilot.app.screen.query_one(f"#{f}-error").display]
        # The status form starts on the current stage; the new stage's headline and source are empty.
        assert shown == list(required)
        assert "Fix the fields marked below." in screen_text(pilot)
    assert {p: p.read_bytes() for p in store.rglob("*.yaml")} == before


async def test_a_refusal_from_the_store_is_shown_in_the_form_and_nothing_is_written(store):
    before = {p: p.read_bytes() for p in store.rglob("*.yaml")}
    async with started(store, size=(120, 50)) as pilot:
        await open_form(pilot, "t")
        # The form cannot know the store's limit on a title's length; the store refuses it.
        # The 501 keys come in one burst, as a paste does (one at a time they take half a minute).
        pilot.app.screen.query_one("#title").focus()
        await pilot.pause()
        await burst(pilot, *("x" * 501))
        await wait_until(pilot, lambda: pilot.app.screen.query_one("#title", Input).value == "x" * 501, what="the title typed")
        await choose(pilot, "source", "Meduza")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Not written" in screen_text(pilot), what="the store's refusal")
        assert "longer than 500 characters" in screen_text(pilot)
        assert isinstance(pilot.app.screen, EditForm)
        assert pilot.app.screen.query_one("#title", Input).value == "x" * 501  # kept
    assert {p: p.read_bytes() for p in store.rglob("*.yaml")} == before
