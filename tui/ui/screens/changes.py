"""What changed, newest first, grouped by reload, with what the user hasn't seen marked."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.core.timefmt import since
from tui.ui.render import v


class ChangesScreen(ModalScreen[None]):
    """Reads the journal in a thread each time it is shown or the store changes."""

    BINDINGS = [
        Binding("escape,c", "dismiss", "Back", tooltip="Back to the dashboard"),
        Binding("m", "app.mark_all_seen", "Mark all seen", tooltip="Mark every change seen"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body") as body:
            body.border_title = "Changes"
            body.border_subtitle = "m mark all seen · esc back"
            yield Static(Text("reading the journal…", style="dim"), id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body").focus()
        self.watch(self.app, "unseen", lambda _: self._read(), init=True)

    @work(exclusive=True, exit_on_error=False)
    async def _read(self) -> None:
        follower = getattr(self.app, "follower", None)
        if follower is None:
            return
        reloads = await asyncio.to_thread(follower.reloads)
        self.query_one("#detail-text", Static).update(self._text(reloads, follower.journal is not None))

    def _text(self, reloads: list, has_journal: bool) -> Text:
        if not has_journal:
            return Text("No change journal is kept (started with --no-journal).", style="italic")
        if not reloads:
            return Text("No changes recorded yet. Edit a file in the content folder and they appear here.", style="italic")
        now = self.app.now().astimezone()  # type: ignore[attr-defined]
        accent = self.app.current_theme.accent or "yellow"
        lines: list[Text] = []
        for reload in reloads:
            at = reload.observed_at.astimezone()
            when = at.strftime("%-d %b %Y %H:%M:%S")
            count = len(reload.entries)
            lines.append(Text.assemble((f"{when}", "bold"), (f"  {since(at.replace(tzinfo=None), now.replace(tzinfo=None))} · {count} change{'s' if count != 1 else ''}", "dim")))
            for entry in reload.entries:
                mark = ("● ", f"bold {accent}") if not entry.seen else ("  ", "")
                lines.append(Text.assemble("  ", mark, (v(entry.text), "" if not entry.seen else "dim")))
            lines.append(Text())
        return Text("\n").join(lines)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#detail-body", VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()


