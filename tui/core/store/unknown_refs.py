"""What a file's references name that no file defines, and what is wrong within one file alone:
the per-file halves of the merger's checks, kept apart so the merger reads as what it keeps."""

from __future__ import annotations

import difflib
from collections.abc import Container, Iterable

from tui.core.model.items import ContentFile
from tui.core.store.document_checks import document_references, point_problems
from tui.core.store.parsed_file import ParsedFile
from tui.core.text.problems import Problem

Loc = tuple[str | int, ...]


def unknown(kind: str, ref: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(ref, known, n=1)
    if close:
        return f"unknown {kind} '{ref}'; did you mean '{close[0]}'?"
    listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
    return f"unknown {kind} '{ref}'; known: {listed or 'none yet'}"


def unknown_references(content: ContentFile, kind: str, known: Container[str]) -> list[tuple[str, Loc]]:
    """Every reference of `kind` the file makes to an id not in `known`, with where it stands.

    Written out per kind as comprehensions: at start every reference of a large store is
    looked at once, and this is most of that time.
    """
    found: list[tuple[str, Loc]] = []  # every entry's id is a str: the Nones are filtered out
    issues, quotes, events = content.issues, content.quotes, content.events
    if kind == "source":
        if content.story is not None:
            found += [(d.source, ("story", "deadlines", i, "source")) for i, d in enumerate(content.story.deadlines)
                      if d.source is not None and d.source not in known]
        if content.status is not None:
            status = content.status
            if status.source is not None and status.source not in known:
                found.append((status.source, ("status", "source")))
            found += [(c.source, ("status", "history", i, "source")) for i, c in enumerate(status.history)
                      if c.source is not None and c.source not in known]
        found += [(i.source, ("issues", n, "source")) for n, i in enumerate(issues) if i.source is not None and i.source not in known]
        found += [(q.source, ("quotes", n, "source")) for n, q in enumerate(quotes) if q.source is not None and q.source not in known]
        found += [(e.source, ("events", n, "source")) for n, e in enumerate(events) if e.source is not None and e.source not in known]
        found += [(p.source, ("issues", n, "positions", i, "source")) for n, issue in enumerate(issues)
                  for i, p in enumerate(issue.positions) if p.source is not None and p.source not in known]
    elif kind == "party":
        found += [(p.party, ("issues", n, "positions", i, "party")) for n, issue in enumerate(issues)
                  for i, p in enumerate(issue.positions) if p.party not in known]
        found += [(q.party, ("quotes", n, "party")) for n, q in enumerate(quotes) if q.party is not None and q.party not in known]
        found += [(ref, ("events", n, "parties", j)) for n, e in enumerate(events)
                  for j, ref in enumerate(e.parties) if ref not in known]
        found += [(ref, ("events", n, key)) for n, e in enumerate(events) if e.host or e.mediator
                  for key, ref in (("host", e.host), ("mediator", e.mediator)) if ref is not None and ref not in known]
    elif kind in ("quote", "event"):
        field = "quotes" if kind == "quote" else "events"
        found += [(ref, ("issues", n, "positions", i, field, j)) for n, issue in enumerate(issues)
                  for i, p in enumerate(issue.positions) for j, ref in enumerate(getattr(p, field)) if ref not in known]
    elif kind == "issue":
        found += [(ref, ("quotes", n, "issues", j)) for n, q in enumerate(quotes)
                  for j, ref in enumerate(q.issues) if ref not in known]
    if content.documents:
        found += document_references(content, kind, known)
    return found


def second_positions(parsed: ParsedFile) -> list[Problem]:
    """A party with two positions on one issue: wrong within the file, whatever else the store holds."""
    found = []
    for n, issue in enumerate(parsed.content.issues):
        seen: set[str] = set()
        for i, position in enumerate(issue.positions):
            if position.party in seen:
                line, column = parsed.at("issues", n, "positions", i, "party")
                found.append(Problem(parsed.path, line, column, f"a second position for '{position.party}' on this issue; keep one"))
            seen.add(position.party)
    if parsed.content.documents:
        told = point_problems(parsed.content)
        found += [Problem(parsed.path, line, column, why) for (_, why), (line, column) in zip(told, parsed.positions(loc for loc, _ in told), strict=True)]
    return found
