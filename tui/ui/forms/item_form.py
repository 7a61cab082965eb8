"""One form for any kind of item, built from the kind's fields: add a new one, or change one in place.

Opened on an item, every field is filled in with what is stored; saving writes only the
fields the user changed (each one a change of its own lines), and everything the form does
not show (ids, comments, other fields, layout) stays byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from tui.core.model.fields import FIELDS, Spec
from tui.core.model.snapshot import Snapshot
from tui.core.model.targets import Target, find
from tui.ui.forms.base import EditForm, options, parse_date, source_label
from tui.ui.render import v
from tui.ui.widgets.tick_list import TickList

if TYPE_CHECKING:
    from tui.core.desk import Request

_PARTY = Spec("party", "Party", "ref", required=True, refs="parties", hint="whose person they are")


def _choices(snapshot: Snapshot, section: str) -> list[tuple[str, str]]:
    if section == "sources":
        return [(source_label(s), s.id) for s in snapshot.sources]
    if section == "parties":
        return [(p.name, p.id) for p in snapshot.parties]
    if section == "issues":
        return [(i.title, i.id) for i in snapshot.issues]
    if section == "people":
        return [(f"{person.name} ({party.label})", f"{party.id}/{person.id}") for party in snapshot.parties for person in party.people]
    if section == "documents":
        return [(f"{d.title} ({d.version})" if d.version else d.title, d.id) for d in snapshot.documents]
    if section == "events":
        return [(f"{e.date.isoformat() + ' ' if e.date else ''}{e.title}", e.id) for e in snapshot.events]
    return [(f"{q.speaker}: “{q.text}”"[:120], q.id) for q in snapshot.quotes]


def _full_refs(snapshot: Snapshot, refs: list[str]) -> list[str]:
    """People as the form lists them, PARTY/PERSON, whichever way the file names them."""
    from tui.core.model.people import people_index, resolve

    index = people_index(snapshot.parties)
    return [resolve(index, ref) or ref for ref in refs]


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


class ItemForm(EditForm):
    """`noun` is a key of `tui.core.model.fields.FIELDS`; with a `target` the form edits that item, else adds one."""

    def __init__(self, snapshot: Snapshot, digests: Mapping[str, bytes], noun: str, target: Target | None = None,
                 start: Mapping[str, str] | None = None) -> None:
        super().__init__(snapshot, digests)
        self.noun, self.target = noun, target
        self.specs: tuple[Spec, ...] = ((_PARTY,) if noun == "person" and target is None else ()) + FIELDS[noun]
        from tui.core.model.items import plain_data

        item = find(snapshot, target) if target is not None else None
        self.stored: dict[str, Any] = plain_data(item) if item is not None else {}
        """What the item holds now, as the journal would write it: the form's starting values."""
        for spec in self.specs:
            if spec.refs == "people" and self.stored.get(spec.key):
                # Listed as PARTY/PERSON: a bare id the form did not change must not count as changed.
                self.stored[spec.key] = _full_refs(snapshot, self.stored[spec.key])
        self.start = dict(start or {})
        what = target.describe(snapshot) if target is not None else ""
        self.TITLE_TEXT = f"Edit {what}" if target is not None else f"Add {_a(noun)}"

    def compose_fields(self) -> ComposeResult:
        for spec in self.specs:
            yield self.field(spec.label + (" *" if spec.required else ""), self._widget(spec), spec.hint)

    def _widget(self, spec: Spec) -> Widget:
        value = self.stored.get(spec.key, self.start.get(spec.key))
        fid = f"f-{spec.key}"
        if spec.shape == "word" and spec.vocab is not None:
            choices = options([(f"{w.label} — {w.description}", w.value) for w in spec.vocab])
            return Select(choices, id=fid, prompt=f"pick {_a(spec.label.lower())}", value=value or Select.NULL, allow_blank=not spec.required or not value)
        if spec.shape == "ref":
            choices = options(_choices(self.snapshot, spec.refs))
            known = {c[1] for c in choices}
            return Select(choices, id=fid, prompt=f"pick {_a(spec.label.lower())}", value=value if value in known else Select.NULL)
        if spec.shape == "refs":
            chosen = set(value or [])
            return TickList(*[(Text(v(label)), key, key in chosen) for label, key in _choices(self.snapshot, spec.refs)], id=fid)
        if spec.shape == "lines":
            return TextArea("\n".join(value or []), id=fid, soft_wrap=True, classes="lines-field")
        if spec.shape == "text":
            return TextArea(str(value or ""), id=fid, soft_wrap=True, classes="text-field")
        return Input(str(value or ""), id=fid, placeholder="YYYY-MM-DD" if spec.shape == "date" else "")

    def _value(self, spec: Spec) -> Any:
        fid = f"f-{spec.key}"
        if spec.shape in ("word", "ref"):
            return self.choice(fid)
        if spec.shape == "refs":
            return self.chosen(fid)
        if spec.shape == "lines":
            return [line.strip() for line in self.text(fid).splitlines() if line.strip()]
        return self.text(fid)

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        values = {spec.key: self._value(spec) for spec in self.specs}
        errors = {f"f-{s.key}": f"Required: {s.label.lower()}." for s in self.specs if s.required and not values[s.key]}
        for spec in self.specs:
            if spec.shape == "date" and values[spec.key]:
                _, problem = parse_date(values[spec.key])
                if problem:
                    errors[f"f-{spec.key}"] = f"Expected {problem}."
        if self.target is not None and not errors and not self._changed(values):
            errors["f-" + self.specs[0].key] = "Nothing changed: edit a field, or esc to close."
        if self.noun == "source" and self.target is None and not errors:
            from tui.core.desk import AddSource

            request = self.request(values)
            same = request.same_as(self.snapshot) if isinstance(request, AddSource) else None
            if same:
                errors["f-outlet"] = (f"{values['outlet']}, same title and date, is already in the store as {same}; "
                                      "cite that one (a source is never added twice).")
        return errors, values

    def _changed(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The fields whose value differs from what is stored (an empty field and a missing one are the same)."""
        out = {}
        for key, value in values.items():
            stored = self.stored.get(key)
            if (stored or None) != (value or None) and str(stored or "") != str(value or ""):
                out[key] = value
        return out

    def request(self, values: dict[str, Any]) -> Request:
        from tui.core import desk

        if self.target is not None:
            return desk.UpdateItem(self.target, self._changed(values))
        v_ = {k: value for k, value in values.items() if value not in (None, "", [])}
        if self.noun == "party":
            return desk.AddParty(name=v_["name"], role=v_["role"], short=v_.get("short", ""))
        if self.noun == "person":
            return desk.AddPerson(party=v_["party"], name=v_["name"], title=v_.get("title", ""), aliases=tuple(v_.get("aliases", ())))
        if self.noun == "issue":
            return desk.AddIssue(title=v_["title"], status=v_["status"], why=v_.get("why", ""), source=v_.get("source"))
        if self.noun == "deadline":
            return desk.AddDeadline(date=v_["date"], what=v_["what"], outcome=v_.get("outcome"), source=v_.get("source"))
        if self.noun == "source":
            return desk.AddSource(outlet=v_["outlet"], title=v_.get("title", ""), date=v_.get("date"), url=v_.get("url"), note=v_.get("note", ""))
        raise ValueError(f"no form adds a {self.noun}")
