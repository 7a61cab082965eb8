"""What the app does when the user edits, removes, adds or reverts from the dashboard.

A mixin of the app: it picks the item (asking which, when a row holds several: a party and
its people, an issue and its positions), opens the form or asks before removing, and sends
the request through the app's one edit path. Every refusal is said in a notification.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual import work

from tui.core.model.references import explain
from tui.core.model.targets import Target

if TYPE_CHECKING:
    from tui.core.desk import Applied, Request
    from tui.core.model.snapshot import Snapshot

ADDABLE = (
    ("quote", "a  A quote"),
    ("event", "t  An event on the timeline"),
    ("source", "   A source"),
    ("party", "   A party"),
    ("person", "   A person of a party"),
    ("issue", "   An issue"),
    ("deadline", "   A deadline"),
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
    """Mixed into the app; uses its `state`, `submit`, `notify` and screens."""

    def change_item(self: Any, section: str, item_id: str, action: str) -> None:
        """Edit (action "form") or remove one of the items a row stands for."""
        from tui.ui import read_only

        if self.refuse_if_read_only(read_only.FORMS if action == "form" else read_only.WRITING):
            return
        snapshot = self.state.snapshot
        found = targets(snapshot, section, item_id, removable=action == "remove")
        if not found:
            self.notify("Nothing here to change.", markup=False, timeout=4)
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
        self.push_screen(ChooseScreen(f"{verb} which?", [(label(snapshot, t), str(i)) for i, t in enumerate(found)]), chosen)

    def add_item(self: Any, party: str = "") -> None:
        """Ask what to add, then open its form."""
        from tui.ui import read_only
        from tui.ui.screens.choose import ChooseScreen

        if self.refuse_if_read_only(read_only.FORMS):
            return
        def chosen(noun: str | None) -> None:
            if noun == "sources":
                self.pick_source()
            elif noun in ("quote", "event"):
                self.open_form(noun)
            elif noun == "story":
                self.open_item_form(Target("story", "story"))
            elif noun is not None:
                self.open_item_form(None, noun, {"party": party} if party else None)

        self.push_screen(ChooseScreen("Add what?", [(text, noun) for noun, text in ADDABLE]), chosen)

    def pick_source(self: Any) -> None:
        """Every source, to edit or remove one: the way to a source that nothing cites any more."""
        from tui.ui.forms.base import source_label
        from tui.ui.screens.choose import ChooseScreen

        sources = self.state.snapshot.sources
        if not sources:
            self.notify("No sources yet: + then A source adds one.", markup=False, timeout=5)
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

            self.push_screen(ChooseScreen(label(self.state.snapshot, target), [("Edit it", "form"), ("Remove it", "remove")]), act)

        choices = [(f"{source_label(s)}" + (f" ({s.date.isoformat()})" if s.date else ""), s.id) for s in sources]
        self.push_screen(ChooseScreen("Which source?", choices), chosen)

    def open_item_form(self: Any, target: Target | None, noun: str = "", start: dict[str, str] | None = None) -> None:
        """The form for one item, filled in with what it holds (or, without a target, a new one)."""
        from tui.ui import read_only
        from tui.ui.forms.item_form import ItemForm

        if self.refuse_if_read_only(read_only.FORMS):
            return
        if self._desk is None or not self.state.complete:
            self.notify("The store is still loading.", markup=False)
            return
        snapshot = self.state.snapshot
        if target is not None and (target.section, target.item_id) not in snapshot.origins:
            self.notify(f"There is no valid {target.top.noun} in the store to edit (peacewatch check says why).",
                        severity="warning", markup=False)
            return
        self.push_screen(ItemForm(snapshot, self._desk.digests(), noun or target.noun, target, start), callback=self._written)

    def remove_item(self: Any, target: Target) -> None:
        """Ask, then remove; refused at once, with what refers to it, while anything does."""
        snapshot = self.state.snapshot
        what = label(snapshot, target)
        why = explain(snapshot, target)
        if why:
            self.notify(f"{what} cannot be removed: {why}. Change or remove them first.", title="Not removed",
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
        self.push_screen(ConfirmScreen(question, yes="y remove", no="n keep it"), answered)

    def revert(self: Any, entry_ids: Sequence[int], what: str) -> None:
        """Write back the old values of the journal's entries `entry_ids`, after asking."""
        from tui.ui import read_only
        from tui.ui.screens.confirm import ConfirmScreen

        if self.refuse_if_read_only(read_only.WRITING):
            return
        def answered(yes: bool | None) -> None:
            if yes:
                self._revert(list(entry_ids))

        self.push_screen(ConfirmScreen(f"Revert {what}? The old values are written back.", yes="y revert", no="n keep"), answered)

    @work(group="edit", exit_on_error=False, name="Reverting")
    async def _revert(self: Any, entry_ids: list[int]) -> None:
        import asyncio

        from tui.core.desk import EditRefused

        desk = await self._open_desk()
        try:
            request = await asyncio.to_thread(desk.revert_request, entry_ids)
        except EditRefused as refused:
            self._refused("Not reverted", refused)
            return
        await self._apply(request, "Reverted")

    @work(group="edit", exit_on_error=False, name="Writing the change")
    async def apply_request(self: Any, request: Request, done: str) -> None:
        """Send one request through the edit path outside a form; the outcome is notified."""
        await self._apply(request, done)

    async def _apply(self: Any, request: Request, done: str) -> Applied | None:
        from tui.core.desk import EditRefused, Wait

        desk = await self._open_desk()
        try:
            applied: Applied = await self.submit(request, desk.digests(), Wait())
        except EditRefused as refused:
            self._refused("Not written", refused)
            return None
        self.notify(done, markup=False, timeout=5)
        self._written(applied)  # where it went, and its commit and push where asked for
        return applied

    def _refused(self: Any, title: str, refused: Exception) -> None:
        problems = getattr(refused, "problems", [])
        summary = getattr(refused, "summary", str(refused))
        detail = "\n".join(p.message if not p.path or p.line <= 1 else str(p) for p in problems)
        self.notify(f"{summary}:\n{detail}" if detail else summary, title=title, severity="error", markup=False, timeout=12)
