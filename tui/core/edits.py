"""Update the story as news breaks: add quotes, events and sources, move the status, set positions."""

# Every edit touches only the lines it needs (comments, key order, quoting and blank lines
# elsewhere stay byte for byte), is refused if it would add a problem to the store, and is
# written atomically, never over a file that changed since the caller saw it. The dashboard's
# forms and `peacewatch add` / `peacewatch set` call these; nothing here imports Textual.

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from tui.core.edit_engine import (
    Change, Context, EditConflict, EditRefused, Written, as_data, date_text, date_value, digest, edit, fields,
    real_date,
)
from tui.core.new_items import event_id, quote_id, source_id, unique
from tui.core.problems import Problem
from tui.core.snapshot import Snapshot
from tui.core.yaml_emit import Fields
from tui.core.yaml_splice import Source, Splice

__all__ = [
    "EditConflict", "EditRefused", "Written", "add_event", "add_quote", "add_source", "digest",
    "set_position", "set_status",
]

Expected = Mapping[str, bytes] | None


def add_quote(
    root: Path, *, text: str, speaker: str, source: str, medium: str, speaker_role: str = "",
    party: str | None = None, date: dt.date | str | None = None, reported_by: Sequence[str] = (),
    issues: Sequence[str] = (), context: str = "", expected: Expected = None,
) -> Written:
    """A new quote, at the end of `quotes/<its date>.yaml` (`quotes/undated.yaml` without a date)."""
    day = date_text(date)
    valid = real_date(day)
    relative = f"quotes/{valid}.yaml" if valid else "quotes/undated.yaml"

    def make(ctx: Context) -> Change:
        item_id = unique(quote_id(speaker, text, day, str(medium)), ctx.taken("quotes"))
        required = ("text", "speaker", "medium", "source")
        new = fields(
            ("id", item_id), ("text", text), ("context", context), ("speaker", speaker),
            ("speaker_role", speaker_role), ("party", party), ("date", date_value(day)), ("medium", medium),
            ("reported_by", reported_by), ("source", source), ("issues", issues), required=required,
        )
        return ctx.append("quotes", new, item_id, required)

    return edit(root, expected, lambda _: relative, make, "quotes" if valid else "undated", valid or "")


def _last_file(snapshot: Snapshot, section: str, default: str) -> str:
    items = getattr(snapshot, section)
    return snapshot.origins[(section, items[-1].id)].path if items else default


def add_event(
    root: Path, *, title: str, source: str, date: dt.date | str | None = None, when: str = "", place: str = "",
    parties: Sequence[str] = (), summary: str = "", expected: Expected = None,
) -> Written:
    """A new event, at the end of the file that holds the last event in time order (or `events.yaml`)."""
    day = date_text(date)

    def make(ctx: Context) -> Change:
        item_id = unique(event_id(title, day), ctx.taken("events"))
        required = ("title", "source")
        new = fields(
            ("id", item_id), ("title", title), ("date", date_value(day)), ("when", when), ("place", place),
            ("parties", parties), ("summary", summary), ("source", source), required=required,
        )
        return ctx.append("events", new, item_id, required)

    return edit(root, expected, lambda s: _last_file(s, "events", "events.yaml"), make, "events")


def add_source(
    root: Path, *, outlet: str, title: str = "", date: dt.date | str | None = None, url: str | None = None,
    note: str = "", expected: Expected = None,
) -> Written:
    """A new source, at the end of the file that holds the last source (or `sources.yaml`)."""
    day = date_text(date)

    def make(ctx: Context) -> Change:
        item_id = unique(source_id(outlet, title, day), ctx.taken("sources"))
        new = fields(
            ("id", item_id), ("outlet", outlet), ("title", title), ("date", date_value(day)), ("url", url),
            ("note", note), required=("outlet",),
        )
        return ctx.append("sources", new, item_id, ("outlet",))

    return edit(root, expected, lambda s: _last_file(s, "sources", "sources.yaml"), make, "sources")


_STATUS_ORDER = ("stage", "headline", "summary", "since", "source", "history")


def set_status(
    root: Path, *, stage: str, headline: str, since: dt.date | str | None = None, source: str | None = None,
    summary: str | None = None, expected: Expected = None,
) -> Written:
    """Move the deal on: the current stage, headline, since and source go to the end of
    `history` (oldest first), and the new ones replace them. `since` defaults to today;
    `summary` None keeps the current one ("" removes it); `source` None leaves the new stage
    without one."""
    day = date_text(since if since is not None else dt.date.today())

    def locate(snapshot: Snapshot) -> str:
        origin = snapshot.origins.get(("status", "status"))
        if origin is None:
            why = "no valid 'status:' in the store (peacewatch check says why); add or fix it first"
            raise EditRefused([Problem("status.yaml", 1, 1, why)])
        return origin.path

    def make(ctx: Context) -> Change:
        src, at = ctx.source, ("status",)
        old = ctx.data.get("status")
        if not isinstance(old, dict):
            raise ctx.refuse("'status' is not a mapping; fix the file first")
        entry = fields(
            ("stage", old.get("stage")), ("date", date_value(str(old.get("since") or ""))),
            ("headline", old.get("headline")), ("source", old.get("source")),
        )
        wanted: dict[str, object] = {"stage": stage, "headline": headline, "since": date_value(day) or ""}
        wanted["source"] = source or None
        if summary is not None:
            wanted["summary"] = summary or None
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
                splices.append(src.set_value(at, key, value))  # type: ignore[arg-type]
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
        return Change(splices, ctx.data, at, "status", ("stage", "headline"))

    return edit(root, expected, locate, make)


def _insert_in_order(src: Source, at: tuple, added: Fields, removed: set[str], original: dict) -> list[Splice]:
    """New keys of the status, each after the last key kept that comes before it in the usual order."""
    if not added:
        return []
    kept = [k for k in original if k not in removed]
    by_anchor: dict[str, Fields] = {}
    for key, value in sorted(added, key=lambda kv: _STATUS_ORDER.index(kv[0])):
        before = [k for k in kept if k in _STATUS_ORDER[: _STATUS_ORDER.index(key)]] or kept
        anchor = max(before, key=lambda k: src.doc.span[at + (k,)][1])
        by_anchor.setdefault(anchor, []).append((key, value))
    return [src.insert_keys(at, anchor, new) for anchor, new in by_anchor.items()]


def set_position(
    root: Path, *, issue: str, party: str, stance: str, says: str = "", quotes: Sequence[str] = (),
    events: Sequence[str] = (), source: str | None = None, expected: Expected = None,
) -> Written:
    """A party's position on an issue: its entry is replaced if it has one, else appended."""

    def locate(snapshot: Snapshot) -> str:
        origin = snapshot.origins.get(("issues", issue))
        if origin is None:
            known = ", ".join(sorted(snapshot.issue_by_id)) or "none yet"
            raise EditRefused([Problem("issues.yaml", 1, 1, f"unknown issue '{issue}'; known: {known}")])
        return origin.path

    def make(ctx: Context) -> Change:
        items = ctx.data.get("issues") or []
        index = next(i for i, item in enumerate(items) if isinstance(item, dict) and item.get("id") == issue)
        required = ("party", "stance")
        new = fields(
            ("party", party), ("stance", stance), ("says", says), ("quotes", quotes), ("events", events),
            ("source", source), required=required,
        )
        at = ("issues", index, "positions")
        positions = items[index].get("positions")
        match = [j for j, p in enumerate(positions or []) if isinstance(p, dict) and p.get("party") == party]
        if match:
            splice = ctx.source.replace_item(at + (match[0],), new)
            positions[match[0]] = as_data(new)
            where = at + (match[0],)
        elif positions is None or isinstance(positions, list):
            splice = ctx.source.append_item(at, new, top_level=False)
            items[index]["positions"] = (positions or []) + [as_data(new)]
            where = at + (len(items[index]["positions"]) - 1,)
        else:
            raise ctx.refuse(f"'positions' of '{issue}' is not a list; fix the file first")
        return Change([splice], ctx.data, where, issue, required)

    return edit(root, expected, locate, make)

