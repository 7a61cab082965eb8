"""What the app does when the user edits, removes, adds or reverts from the dashboard.

A part of the app: it picks the item (asking which, when a row holds several: a party and
its people, an issue and its positions), opens the form or asks before removing, and sends
the request through the app's one edit path. Every refusal is said in a notification.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui.core.model.references import explain
from tui.core.model.targets import Target, find

if TYPE_CHECKING:
    from tui.core.desk import Applied, ArticleRead, EditRefused, Request
    from tui.core.model.snapshot import Snapshot
    from tui.ui.app import PeacewatchApp

ADDABLE = (
    ("quote", "a  A quote"),
    ("article", "   An article: its quotes proposed, word for word, to review"),
    ("event", "t  An event on the timeline"),
    ("source", "   A source"),
    ("party", "   A party"),
    ("person", "   A person of a party"),
    ("issue", "   An issue"),
    ("deadline", "   A deadline"),
    ("document", "   A document: a plan, a draft, a later version (D shows the ledger)"),
    ("story", "   The story: title, what it covers, current as of (edit)"),
    ("sources", "   Edit or remove a source…"),
)
"""What `+` offers, in its order; the letters are the dashboard's own keys for the first two."""


def targets(snapshot: Snapshot, section: str, item_id: str, removable: bool) -> list[Target]:
    """The items a row stands for, first the row's own: a party and its people, an issue and its
    positions, a quote or an event and its source; the deal status pane also offers the status,
    the story and the deadlines."""
    found: list[Target] = []
    if item_id and (section, item_id) in snapshot.origins:
        found.append(Target(section, item_id))
        if section == "parties":
            found += [Target(section, item_id, (("people", p.id),)) for p in snapshot.party_by_id[item_id].people]
        elif section == "issues":
            issue = snapshot.issue_by_id[item_id]
            found += [Target(section, item_id, (("positions", p.party),)) for p in issue.positions]
            if issue.source in snapshot.source_by_id:
                found.append(Target("sources", issue.source))
        elif section in ("quotes", "events"):
            item = snapshot.quote_by_id.get(item_id) if section == "quotes" else snapshot.event_by_id.get(item_id)
            if item is not None and item.source in snapshot.source_by_id:
                found.append(Target("sources", item.source))
    if section in ("events", "status"):
        if not removable:
            found += [Target(kind, kind) for kind in ("status", "story") if getattr(snapshot, kind) is not None]
        if snapshot.story is not None:
            found += [Target("story", "story", (("deadlines", f"{d.date.isoformat()} {d.what}"),)) for d in snapshot.story.deadlines]
    return found


def label(snapshot: Snapshot, target: Target) -> str:
    text = target.describe(snapshot)
    return f"{target.noun.capitalize()}: {text}" if target.nested else text[0].upper() + text[1:]


def _goes_with(snapshot: Snapshot, target: Target) -> str:
    """What a removal takes along or leaves behind that no reference check would say."""
    if target.section == "parties" and not target.nested:
        people = snapshot.party_by_id[target.item_id].people
        return f" Its {len(people)} {'person goes' if len(people) == 1 else 'people go'} with it." if people else ""
    if target.nested and target.nested[-1][0] == "people":
        person = next((p for p in snapshot.party_by_id[target.item_id].people if p.id == target.nested[-1][1]), None)
        said = [q for q in snapshot.quotes if person is not None and q.speaker == person.name]
        if said:
            return f" {len(said)} quote{'s name' if len(said) > 1 else ' names'} them as speaker; {'they stay' if len(said) > 1 else 'it stays'} as written."
    return ""


class ItemActions:
    """A part of the app: every way the dashboard changes an item, through the app's one edit path."""

    def __init__(self, app: PeacewatchApp) -> None:
        self._app = app

    def change_item(self, section: str, item_id: str, action: str) -> None:
        """Edit (action "form") or remove one of the items a row stands for."""
        from tui.ui import read_only

        app = self._app
        if app.refuse_if_read_only(read_only.FORMS if action == "form" else read_only.WRITING):
            return
        snapshot = app.state.snapshot
        found = targets(snapshot, section, item_id, removable=action == "remove")
        self._choose(found, action)

    def change_target(self, target: Target, action: str) -> None:
        """Edit or remove `target` or a party's stance on it (a document's, a point's), asking which."""
        from tui.ui import read_only

        if self._app.refuse_if_read_only(read_only.FORMS if action == "form" else read_only.WRITING):
            return
        item = find(self._app.state.snapshot, target)
        stances = [Target(target.section, target.item_id, (*target.nested, ("positions", p.party))) for p in getattr(item, "positions", [])]
        self._choose([target, *stances] if item is not None else [], action)

    def _choose(self, found: list[Target], action: str) -> None:
        app = self._app
        snapshot = app.state.snapshot
        if not found:
            app.notify("Nothing here to change.", markup=False, timeout=4)
            return
        act = self.open_item_form if action == "form" else self.remove_item
        if len(found) == 1:
            act(found[0])
            return
        from tui.ui.screens.choose import ChooseScreen

        def chosen(index: str | None) -> None:
            if index is not None:
                act(found[int(index)])

        verb = "Edit" if action == "form" else "Remove"
        app.push_screen(ChooseScreen(f"{verb} which?", [(label(snapshot, t), str(i)) for i, t in enumerate(found)]), chosen)

    def add_item(self, party: str = "") -> None:
        """Ask what to add, then open its form."""
        from tui.ui import read_only
        from tui.ui.screens.choose import ChooseScreen

        if self._app.refuse_if_read_only(read_only.FORMS):
            return

        def chosen(noun: str | None) -> None:
            if noun == "article":
                self.import_article()
            elif noun == "sources":
                self.pick_source()
            elif noun in ("quote", "event"):
                self._app.open_form(noun)
            elif noun == "story":
                self.open_item_form(Target("story", "story"))
            elif noun is not None:
                self.new_item_form(noun, {"party": party} if party else None)

        self._app.push_screen(ChooseScreen("Add what?", [(text, noun) for noun, text in ADDABLE]), chosen)

    def import_article(self) -> None:
        """An article read (a path, or its text pasted), then its proposed quotes reviewed and written."""
        from tui.ui.screens.article_source import ArticleSourceScreen
        from tui.ui.screens.review_quotes import ReviewQuotesScreen

        app = self._app

        def read(article: ArticleRead | None) -> None:
            if article is not None:
                app.push_screen(ReviewQuotesScreen(article, app.state.snapshot), self.written)

        app.push_screen(ArticleSourceScreen(), read)

    def pick_source(self) -> None:
        """Every source, to edit or remove one: the way to a source that nothing cites any more."""
        from tui.ui.forms.base import source_label
        from tui.ui.screens.choose import ChooseScreen

        app = self._app
        sources = app.state.snapshot.sources
        if not sources:
            app.notify("No sources yet: + then A source adds one.", markup=False, timeout=5)
            return

        def chosen(source_id: str | None) -> None:
            if source_id is None:
                return
            target = Target("sources", source_id)

            def act(action: str | None) -> None:
                if action == "form":
                    self.open_item_form(target)
                elif action == "remove":
                    self.remove_item(target)

            app.push_screen(ChooseScreen(label(app.state.snapshot, target), [("Edit it", "form"), ("Remove it", "remove")]), act)

        choices = [(f"{source_label(s)}" + (f" ({s.date.isoformat()})" if s.date else ""), s.id) for s in sources]
        app.push_screen(ChooseScreen("Which source?", choices), chosen)

    def open_item_form(self, target: Target) -> None:
        """The form for one item, filled in with what it holds."""
        self._item_form(target.noun, target, None)

    def new_item_form(self, noun: str, start: dict[str, str] | None = None, owner: Target | None = None,
                      then: Callable[[Applied], None] | None = None) -> None:
        """The form for a new item of kind `noun` (a key of FIELDS), with `start` filled in; a point or
        a stance goes in `owner` (its document, or the document or point the stance is on). `then` is
        called with what was written, once saved (the ledger moves its cursor to it)."""
        self._item_form(noun, None, start, owner, then)

    def _item_form(self, noun: str, target: Target | None, start: dict[str, str] | None, owner: Target | None = None,
                   then: Callable[[Applied], None] | None = None) -> None:
        from tui.ui import read_only
        from tui.ui.forms.item_form import ItemForm

        app = self._app
        if app.refuse_if_read_only(read_only.FORMS):
            return
        if app.desk is None or not app.state.complete:
            app.notify("The store is still loading.", markup=False)
            return
        snapshot = app.state.snapshot
        if target is not None and (target.section, target.item_id) not in snapshot.origins:
            app.notify(f"There is no valid {target.top.noun} in the store to edit (peacewatch check says why).",
                       severity="warning", markup=False)
            return
        if noun in ("document", "point") or owner is not None:
            from tui.ui.forms.ledger_form import LedgerForm  # the texts of the talks: a point's earlier ones to pick

            def saved(applied: Applied | None) -> None:
                self.written(applied)
                if applied is not None and then is not None:
                    then(applied)

            app.push_screen(LedgerForm(snapshot, app.desk.digests(), noun, target, start, owner), callback=saved)
            return
        app.push_screen(ItemForm(snapshot, app.desk.digests(), noun, target, start), callback=self.written)

    def remove_item(self, target: Target) -> None:
        """Ask, then remove; refused at once, with what refers to it, while anything does."""
        app = self._app
        snapshot = app.state.snapshot
        what = label(snapshot, target)
        why = explain(snapshot, target)
        if why:
            app.notify(f"{what} cannot be removed: {why}. Change or remove them first.", title="Not removed",
                       severity="warning", markup=False, timeout=10)
            return
        from tui.ui.screens.confirm import ConfirmScreen

        origin = snapshot.origins.get((target.section, target.item_id))
        where = f" from {origin.path}" if origin else ""

        def answered(yes: bool | None) -> None:
            if yes:
                from tui.core.desk import RemoveItem

                self.apply_request(RemoveItem(target), f"Removed {what}")

        question = f"Remove {what}{where}?{_goes_with(snapshot, target)} Only its lines are taken out; c then u puts it back."
        app.push_screen(ConfirmScreen(question, yes="y remove", no="n keep it"), answered)

    def revert(self, entry_ids: Sequence[int], what: str) -> None:
        """Write back the old values of the journal's entries `entry_ids`, after asking."""
        from tui.ui import read_only
        from tui.ui.screens.confirm import ConfirmScreen

        if self._app.refuse_if_read_only(read_only.WRITING):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._app.run_worker(self._revert(list(entry_ids)), group="edit", exit_on_error=False, name="Reverting")

        self._app.push_screen(ConfirmScreen(f"Revert {what}? The old values are written back.", yes="y revert", no="n keep"), answered)

    async def _revert(self, entry_ids: list[int]) -> None:
        import asyncio

        from tui.core.desk import EditRefused

        desk = await self._app.open_desk()
        try:
            request = await asyncio.to_thread(desk.revert_request, entry_ids)
        except EditRefused as refused:
            self._refused("Not reverted", refused)
            return
        await self._apply(request, "Reverted")

    def apply_request(self, request: Request, done: str) -> None:
        """Send one request through the edit path outside a form, in a worker; the outcome is notified."""
        self._app.run_worker(self._apply(request, done), group="edit", exit_on_error=False, name="Writing the change")

    async def _apply(self, request: Request, done: str) -> Applied | None:
        from tui.core.desk import EditRefused, Wait

        desk = await self._app.open_desk()
        try:
            applied = await self._app.submit(request, desk.digests(), Wait())
        except EditRefused as refused:
            self._refused("Not written", refused)
            return None
        self._app.notify(done, markup=False, timeout=5)
        self.written(applied)  # where it went, and its commit and push where asked for
        return applied

    def written(self, applied: Applied | None) -> None:
        """Say where an edit went (a form's result, or a request's), and its commit; push it where asked."""
        if applied is None:
            return
        from tui.ui.render import v

        app = self._app
        written = applied.written
        hidden = "\nHidden by the filter: esc shows it" if self._hidden_by_filter(applied) else ""
        hidden += "".join(f"\nNote: {note[0].upper()}{note[1:]}" for note in applied.notes)
        if applied.commit is not None:
            # One notice for the edit and its commit; the push, if asked for, reports on its own.
            made = f"Written to {written.path}:{written.line}\nCommitted {applied.commit.short} {v(applied.commit.subject)}{hidden}"
            app.notify(made, title="Saved and committed", markup=False, timeout=5)
            if app.push:
                app.git.push()
        else:
            app.notify(f"Written to {written.path}:{written.line}{hidden}", title="Saved", markup=False, timeout=6 if hidden else 4)
        if applied.git_error:
            app.notify(applied.git_error, title="Not committed", severity="error", markup=False, timeout=12)

    def _hidden_by_filter(self, applied: Applied) -> bool:
        """Whether the quote just saved is one the quotes list's filter leaves out: said, or the
        user looks for what they wrote and finds nothing."""
        import dataclasses

        from tui.ui.widgets.quotes_pane import QuotesPane

        snapshot = applied.state.snapshot
        quote = snapshot.quote_by_id.get(applied.written.item_id)
        panes = list(self._app.screen_stack[0].query(QuotesPane)) if self._app.screen_stack else []
        if quote is None or not panes or not panes[0].quote_filter.active:
            return False
        # The filter asked of this quote alone: no pass over the store's quotes.
        return not panes[0].quote_filter.keys(dataclasses.replace(snapshot, quotes=(quote,)))

    def _refused(self, title: str, refused: EditRefused) -> None:
        detail = "\n".join(p.message if not p.path or p.line <= 1 else str(p) for p in refused.problems)
        summary = refused.summary
        self._app.notify(f"{summary}:\n{detail}" if detail else summary, title=title, severity="error", markup=False, timeout=12)
