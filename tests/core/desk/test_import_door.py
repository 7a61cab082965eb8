"""An article read for import finds its source in the store the same way whether the page named it
or the editor did: a pasted copy of an archived article cites its source and adds its copy there."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from tui.core.desk import Desk


def test_a_pasted_copy_of_an_archived_article_cites_its_source_once_the_editor_names_it(store: Path) -> None:
    desk = Desk(store, journal="off")
    snapshot = desk.load().snapshot
    [capture] = snapshot.source_by_id["meduza-2025-11-25-lavrov"].archive
    pasted = (store / capture.file).read_bytes() + b"\n"  # a paste is rarely the archived bytes exactly
    read = desk.read_article(pasted, "-")
    assert read.source is None and read.title == snapshot.source_by_id["meduza-2025-11-25-lavrov"].title  # its headline line
    named = read.given(snapshot, "Meduza", read.title, dt.date(2025, 11, 25))
    assert (named.source, named.recorded) == ("meduza-2025-11-25-lavrov", False)
    quote = named.quote(named.proposals[0], snapshot)
    sources_before = (store / "sources.yaml").read_text(encoding="utf-8").count("  - id: ")
    # The store holds that proposal already: a fragment of the same sentence stands in for a new one.
    fragment = dataclasses.replace(quote, text="the initial version")
    applied = desk.apply(desk.import_request(named, [fragment], dt.date(2026, 12, 7)))
    sources = (store / "sources.yaml").read_text(encoding="utf-8")
    assert sources.count("  - id: ") == sources_before  # no second source
    assert sources.count("      - file: archive/") == 2 and applied.paths[0] == "sources.yaml"
    desk.close()
