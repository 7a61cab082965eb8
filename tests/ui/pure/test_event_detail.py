"""An event's full view says a meeting's fields the store gives, and only those."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from tui.core.store.loader import ContentStore
from tui.ui.render import event_detail


def shown(renderable: object) -> list[str]:
    console = Console(width=100, file=io.StringIO(), color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return [line.rstrip() for line in captured.get().splitlines()]


def test_a_meeting_shows_its_format_and_people_and_an_event_no_meetings_fields(shipped: Path):
    snapshot = ContentStore(shipped).load().snapshot
    alaska = shown(event_detail(snapshot.event_by_id["alaska-summit"], snapshot))
    assert any(line.startswith("Format") and line.endswith(" in person") for line in alaska)
    assert any(line.startswith("People") and line.endswith(" Vladimir Putin (Russia); Donald Trump (U.S.)") for line in alaska)
    assert not any(line.startswith(("Venue", "Host", "Mediator")) for line in alaska)  # the article gives none
    press = shown(event_detail(snapshot.event_by_id["lavrov-press-conference"], snapshot))
    assert not any(line.startswith(("Format", "People")) for line in press)
