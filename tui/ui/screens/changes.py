"""What changed, newest first, grouped by reload, with what the user hasn't seen marked."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.binding import Binding

from tui.core.desk_state import DeskState
from tui.core.timefmt import since
from tui.ui.palette import Palette
from tui.ui.render import v
from tui.ui.screens.overlay import Overlay


class ChangesScreen(Overlay):
    """Reads the journal in a thread each time it is shown or what is unseen changes."""

    BINDINGS = [
        *Overlay.BINDINGS,
        Binding("c", "dismiss", "Back", show=False, tooltip="Back to the dashboard"),
        Binding("m", "app.mark_all_seen", "Mark all seen", tooltip="Mark every change seen"),
    ]
    PANEL_TITLE = "Changes"
    PANEL_SUBTITLE = "m mark all seen · esc back"

    def on_mount(self) -> None:
        super().on_mount()
        self._unseen: frozenset | None = None
        self.watch(self.app, "state", self._on_state, init=True)

    def _on_state(self, state: DeskState) -> None:
        if state.unseen != self._unseen or state.changes:
            self._unseen = state.unseen
            self._read()

    @work(exclusive=True, exit_on_error=False, name="Reading the change journal")
    async def _read(self) -> None:
        reloads, has_journal = await self.app.reloads()  # type: ignore[attr-defined]
        self.show(self._text(reloads, has_journal))

    def _text(self, reloads: list, has_journal: bool) -> Text:
        if not has_journal:
            return Text("No change journal is kept (started with --no-journal).", style="italic")
        if not reloads:
            return Text("No changes recorded yet. Edit a file in the content folder and they appear here.", style="italic")
        now = self.app.now()  # type: ignore[attr-defined]
        accent = Palette.of(self.app).accent
        lines: list[Text] = []
        for reload in reloads:
            at = reload.observed_at.astimezone().replace(tzinfo=None)
            count = len(reload.entries)
            lines.append(
                Text.assemble(
                    (at.strftime("%-d %b %Y %H:%M:%S"), "bold"),
                    (f"  {since(at, now)} · {count} change{'s' if count != 1 else ''}", "dim"),
                )
            )
            for entry in reload.entries:
                mark = ("● ", f"bold {accent}") if not entry.seen else ("  ", "")
                lines.append(Text.assemble("  ", mark, (v(entry.text), "dim" if entry.seen else "")))
            lines.append(Text())
        return Text("\n").join(lines)
