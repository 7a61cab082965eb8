"""What an edit asks for: one request per kind of edit, built by a form or a command, applied by the door.

A request is plain data. `plan` makes its change to the files in memory (through
`tui.core.edits.engine`), against the store the door holds; the door checks and writes the plans.
A field left None is kept exactly as the file has it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from tui.core.edits.engine import Context, EditRefused, FileEdit, Planned, plan
from tui.core.edits.field_values import as_data, capture_fields, date_text, date_value, fields, real_date, trimmed
from tui.core.edits.new_items import event_id, quote_id, source_id, unique
from tui.core.model.snapshot import Snapshot
from tui.core.store.loader import ContentStore
from tui.core.text.problems import Problem
from tui.core.yaml.emit import Fields, Value
from tui.core.yaml.splice import FileText, Splice

Expected = Mapping[str, bytes] | None
DateLike = dt.date | str | None


def _last_file(snapshot: Snapshot, section: str, default: str) -> str:
    items = getattr(snapshot, section)
    return snapshot.origins[(section, items[-1].id)].path if items else default


def _unread(store: ContentStore) -> list[Problem]:
    """Why files that give the store nothing could not be read (empty, a pipe, a link out, broken):
    an item looked for in vain may be in one of them."""
    loaded = {origin.path for origin in store.snapshot.origins.values()}
    return [p for p in store.problems if p.path not in loaded and os.path.lexists(store.root / p.path)]


def _chain(plans: list[Planned], new: Planned) -> list[Planned]:
    """The plans with `new` in place of an earlier plan of the same file, which it builds on."""
    return [p for p in plans if p.relative != new.relative] + [new]


def _earlier(plans: Sequence[Planned], relative: str) -> Planned | None:
    return next((p for p in plans if p.relative == relative), None)


class Request:
    """An edit, as data. `describe` says what it did, for the command line and the notification."""

    noun: ClassVar[str] = ""

    def plan(self, store: ContentStore, expected: Expected) -> list[Planned]:
        raise NotImplementedError

    def describe(self, item_id: str) -> str:
        raise NotImplementedError

    def needs_only_ids(self) -> bool:
        """Whether the edit can be planned and checked with only the ids of the files it does not
        write (`ContentStore.load_for_edit`): it reads nothing else of them, and removes no id."""
        return False

    def trimmed(self) -> list[str]:
        """The fields given with spaces at their start or end, which the edit drops (and says so)."""
        given: dict[str, Any] = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)} if dataclasses.is_dataclass(self) else {}
        found = trimmed(given)
        for inner in given.values():
            if isinstance(inner, Request):
                found += [name for name in inner.trimmed() if name not in found]
        return found


@dataclass(frozen=True)
class AddSource(Request):
    """A new source, at the end of the file that holds the last source (or `sources.yaml`)."""

    outlet: str
    title: str = ""
    date: DateLike = None
    url: str | None = None
    note: str = ""
    archive: Sequence[Mapping[str, str]] = ()
    """Archived copies to record on it (`Archived.capture()`), oldest first."""
    noun: ClassVar[str] = "source"

    def same_as(self, snapshot: Snapshot) -> str | None:
        """The id of a source already in the store with this outlet, title and date."""
        day = date_text(self.date)
        for source in snapshot.sources:
            if (source.outlet.casefold(), source.title, source.date.isoformat() if source.date else "") == (
                self.outlet.strip().casefold(), self.title.strip(), day,
            ):
                return source.id
        return None

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        day = date_text(self.date)
        same = self.same_as(store.snapshot)
        if same is not None:
            why = f"{self.outlet}, same title and date, is already in the store as {same}: cite that one (a source is never added twice)"
            raise EditRefused([Problem(store.snapshot.origins[("sources", same)].path, store.snapshot.origins[("sources", same)].line, 1, why)],
                              "already in the store")

        def make(ctx: Context) -> FileEdit:
            item_id = unique(source_id(self.outlet, self.title, day), ctx.taken("sources"))
            new = fields(
                ("id", item_id), ("outlet", self.outlet), ("title", self.title), ("date", date_value(day)),
                ("url", self.url), ("note", self.note), required=("outlet",),
            )
            if self.archive:
                new.append(("archive", [capture_fields(capture) for capture in self.archive]))
            return ctx.append("sources", new, item_id, ("outlet",))

        relative = _last_file(store.snapshot, "sources", "sources.yaml")
        return _chain(list(earlier), plan(store, relative, expected, make, "sources", on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"added source {item_id}"


@dataclass(frozen=True)
class AddQuote(Request):
    """A new quote, at the end of `quotes/<its date>.yaml` (`quotes/undated.yaml` without a date).

    With `new_source`, the source is added too, in the same edit: both are written or neither,
    and a source the store already has (same outlet, title and date) is cited, not added again.
    With `fill_speaker`, a party or role not given is taken from the one person of the store's
    parties with the speaker's name (as the form fills them in), read under the edit's lock.
    """

    text: str
    speaker: str
    medium: str
    source: str | None = None
    speaker_role: str = ""
    party: str | None = None
    date: DateLike = None
    reported_by: Sequence[str] = ()
    issues: Sequence[str] = ()
    context: str = ""
    new_source: AddSource | None = None
    fill_speaker: bool = False
    noun: ClassVar[str] = "quote"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        plans: list[Planned] = list(earlier)
        source = self.source
        party, role = self.party, self.speaker_role
        known = store.snapshot.people_named(self.speaker) if self.fill_speaker else []
        if len(known) == 1:
            party, role = party or known[0][0].id, role or known[0][1].title
        if self.new_source is not None and not source:
            source = self.new_source.same_as(store.snapshot)
            if source is None:
                plans = self.new_source.plan(store, expected, plans)
                source = plans[-1].changes[-1].item_id
        day = date_text(self.date)
        valid = real_date(day)
        relative = f"quotes/{valid}.yaml" if valid else "quotes/undated.yaml"

        def make(ctx: Context) -> FileEdit:
            item_id = unique(quote_id(self.speaker, self.text, day, str(self.medium)), ctx.taken("quotes"))
            required = ("text", "speaker", "medium", "source")
            new = fields(
                ("id", item_id), ("text", self.text), ("context", self.context), ("speaker", self.speaker),
                ("speaker_role", role), ("party", party), ("date", date_value(day)),
                ("medium", self.medium), ("reported_by", self.reported_by), ("source", source),
                ("issues", self.issues), required=required,
            )
            return ctx.append("quotes", new, item_id, required)

        kind, dated = ("quotes", valid) if valid else ("undated", "")
        return _chain(plans, plan(store, relative, expected, make, kind, dated, on_top_of=_earlier(plans, relative)))

    def describe(self, item_id: str) -> str:
        return f"added quote {item_id}"

    def needs_only_ids(self) -> bool:
        # Its file is its date's; it reads the people and sources at the top of the folder. A new
        # source is compared with every source, wherever kept: that needs them all.
        return self.new_source is None or bool(self.source)


@dataclass(frozen=True)
class AddEvent(Request):
    """A new event, at the end of the file that holds the last event in time order (or `events.yaml`)."""

    title: str
    source: str
    date: DateLike = None
    when: str = ""
    place: str = ""
    parties: Sequence[str] = ()
    summary: str = ""
    venue: str = ""
    format: str | None = None
    host: str | None = None
    mediator: str | None = None
    participants: Sequence[str] = ()
    noun: ClassVar[str] = "event"

    def plan(self, store: ContentStore, expected: Expected) -> list[Planned]:
        day = date_text(self.date)

        def make(ctx: Context) -> FileEdit:
            item_id = unique(event_id(self.title, day), ctx.taken("events"))
            required = ("title", "source")
            new = fields(
                ("id", item_id), ("title", self.title), ("date", date_value(day)), ("when", self.when),
                ("place", self.place), ("venue", self.venue), ("format", self.format), ("parties", self.parties),
                ("host", self.host), ("mediator", self.mediator), ("participants", self.participants),
                ("summary", self.summary), ("source", self.source),
                required=required,
            )
            return ctx.append("events", new, item_id, required)

        return [plan(store, _last_file(store.snapshot, "events", "events.yaml"), expected, make, "events")]

    def describe(self, item_id: str) -> str:
        return f"added event {item_id}"


_STATUS_ORDER = ("stage", "headline", "summary", "since", "source", "history")


@dataclass(frozen=True)
class SetStatus(Request):
    """Move the deal on: the current stage, headline, since, summary and source go to the end of
    `history` (oldest first), and the new ones replace them. `since` None leaves the new stage
    undated (no date is guessed: the editors' guide says none unless the source dates it). The new
    stage has only the summary given (None or "": none), never the old stage's. The new stage needs
    its source."""

    stage: str
    headline: str
    source: str | None = None
    since: DateLike = None
    summary: str | None = None
    noun: ClassVar[str] = "deal status"

    def plan(self, store: ContentStore, expected: Expected) -> list[Planned]:
        day = date_text(self.since)
        origin = store.snapshot.origins.get(("status", "status"))
        if origin is None:
            why = "no valid 'status:' in the store (peacewatch check says why); add or fix it first"
            raise EditRefused(_unread(store) + [Problem("status.yaml", 1, 1, why)])
        return [plan(store, origin.path, expected, lambda ctx: self._make(ctx, day))]

    def _make(self, ctx: Context, day: str) -> FileEdit:
        src, at = ctx.source, ("status",)
        old = ctx.data.get("status")
        if not isinstance(old, dict):
            raise ctx.refuse("'status' is not a mapping; fix the file first")
        if str(old.get("stage")) == self.stage:
            raise ctx.refuse(f"the deal is already at the stage '{self.stage}'; to change its headline or summary, edit the deal status instead")
        entry = fields(
            ("stage", old.get("stage")), ("date", date_value(str(old.get("since") or ""))),
            ("headline", old.get("headline")), ("summary", old.get("summary")), ("source", old.get("source")),
        )
        wanted: dict[str, Value | None] = {"stage": self.stage, "headline": self.headline, "since": date_value(day)}
        wanted["source"] = self.source
        # The old summary went to the history with its stage: the new stage never inherits it.
        wanted["summary"] = self.summary or None
        splices: list[Splice] = []
        removed: set[str] = set()
        added: Fields = []
        for key, value in wanted.items():
            if value is None:
                if key in old:
                    splices.append(src.remove_key(at, key))
                    removed.add(key)
                    del old[key]
            elif key in old:
                if str(old[key]) != str(value):  # the same value is left as written
                    splices.append(src.set_value(at, key, value))
                old[key] = str(value)
            else:
                added.append((key, value))
                old[key] = str(value)
        history = old.get("history")
        if "history" not in old:
            added.append(("history", [entry]))
            old["history"] = [as_data(entry)]
        elif history is None or isinstance(history, list):  # `history:` with nothing yet, or a list
            splices.append(src.append_item(at + ("history",), entry, top_level=False))
            old["history"] = (history or []) + [as_data(entry)]
        else:
            raise ctx.refuse("'history' under 'status' is not a list; fix the file first")
        splices += _insert_in_order(src, at, added, removed, original=ctx.source.data["status"])
        return FileEdit(splices, ctx.data, at, "status", ("stage", "headline", "source"))

    def describe(self, item_id: str) -> str:
        return f"set status to {self.stage}"


def _insert_in_order(src: FileText, at: tuple, added: Fields, removed: set[str], original: dict) -> list[Splice]:
    """New keys of a mapping, each after the last key kept that comes before it in the usual order."""
    if not added:
        return []
    kept = [k for k in original if k not in removed]
    by_anchor: dict[str, Fields] = {}
    for key, value in sorted(added, key=lambda kv: _STATUS_ORDER.index(kv[0])):
        before = [k for k in kept if k in _STATUS_ORDER[: _STATUS_ORDER.index(key)]] or kept
        anchor = max(before, key=lambda k: src.doc.span[at + (k,)][1])
        by_anchor.setdefault(anchor, []).append((key, value))
    return [src.insert_keys(at, anchor, new) for anchor, new in by_anchor.items()]


_POSITION_ORDER = ("party", "stance", "says", "quotes", "events", "source")


@dataclass(frozen=True)
class SetPosition(Request):
    """A party's position on an issue: the fields given are set, every other field is kept as
    written; a party with no position yet gets one at the end. A position needs a source: the
    one given, or the one it has."""

    issue: str
    party: str
    stance: str
    says: str | None = None
    """None keeps what it says; "" removes it."""
    quotes: Sequence[str] | None = None
    events: Sequence[str] | None = None
    source: str | None = None
    noun: ClassVar[str] = "position"

    def plan(self, store: ContentStore, expected: Expected) -> list[Planned]:
        origin = store.snapshot.origins.get(("issues", self.issue))
        if origin is None:
            known = ", ".join(sorted(store.snapshot.issue_by_id)) or "none yet"
            unread = _unread(store)
            raise EditRefused(unread + [Problem("issues.yaml", 1, 1, f"unknown issue '{self.issue}'; known: {known}")],
                              "a file could not be read, so the issue may be in it" if unread else "unknown issue")
        return [plan(store, origin.path, expected, self._make)]

    def _wanted(self) -> dict[str, Value]:
        given: dict[str, Value | None] = {"stance": self.stance, "says": self.says, "source": self.source}
        given |= {"quotes": None if self.quotes is None else [str(q) for q in self.quotes]}
        given |= {"events": None if self.events is None else [str(e) for e in self.events]}
        return {k: v for k, v in given.items() if v is not None}

    def _make(self, ctx: Context) -> FileEdit:
        items = ctx.data.get("issues") or []
        index = next(i for i, item in enumerate(items) if isinstance(item, dict) and item.get("id") == self.issue)
        at = ("issues", index, "positions")
        positions = items[index].get("positions")
        match = [j for j, p in enumerate(positions or []) if isinstance(p, dict) and p.get("party") == self.party]
        required = ("party", "stance", "source")
        if match:
            where = at + (match[0],)
            splices = self._update(ctx, where, positions[match[0]])
            return FileEdit(splices, ctx.data, where, self.issue, required)
        new = fields(*[(k, self._wanted().get(k)) for k in _POSITION_ORDER if k != "party"], required=("stance",))
        new.insert(0, ("party", self.party))
        if positions is None or isinstance(positions, list):
            splice = ctx.source.append_item(at, new, top_level=False)
            items[index]["positions"] = (positions or []) + [as_data(new)]
        else:
            raise ctx.refuse(f"'positions' of '{self.issue}' is not a list; fix the file first")
        return FileEdit([splice], ctx.data, at + (len(items[index]["positions"]) - 1,), self.issue, required)

    def _update(self, ctx: Context, where: tuple, current: dict) -> list[Splice]:
        """Splices that set only the fields given and changed; `current` is updated to match."""
        src = ctx.source
        splices: list[Splice] = []
        added: Fields = []
        removed: set[str] = set()
        for key, value in self._wanted().items():
            empty = value == "" or value == []
            if key in current:
                if empty:
                    splices.append(src.remove_key(where, key))
                    removed.add(key)
                    del current[key]
                elif current[key] != value:
                    splices.append(src.set_value(where, key, value))
                    current[key] = value
            elif not empty:
                added.append((key, value))
                current[key] = value
        if added:
            original = src.get(where)
            kept = [k for k in original if k not in removed]
            for key, value in sorted(added, key=lambda kv: _POSITION_ORDER.index(kv[0])):
                before = [k for k in kept if k in _POSITION_ORDER[: _POSITION_ORDER.index(key)]] or kept
                anchor = max(before, key=lambda k: src.doc.span[where + (k,)][1])
                splices.append(src.insert_keys(where, anchor, [(key, value)]))
        return splices

    def describe(self, item_id: str) -> str:
        return f"set position of {self.party} on {self.issue}"
