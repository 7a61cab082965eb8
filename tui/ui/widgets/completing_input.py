"""A text field whose shown completion Tab accepts, as in a shell."""

from __future__ import annotations

from textual import events
from textual.binding import Binding

from tui.ui.widgets.form_fields import FormInput


class CompletingInput(FormInput):
    """Tab takes the completion shown after the cursor; with none shown, Tab moves on as usual."""

    BINDINGS = [Binding("tab", "accept_completion", "Accept completion", show=False, tooltip="Take the completion shown")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_completion":
            return bool(self._suggestion) and self._suggestion != self.value
        return super().check_action(action, parameters)

    async def _on_key(self, event: events.Key) -> None:
        # Tab takes a completion here, before the form's fields move the focus on.
        if event.key == "tab" and self.screen.focused is self and self.check_action("accept_completion", ()):
            event.prevent_default()
            event.stop()
            self.action_accept_completion()
            return
        await super()._on_key(event)

    def action_accept_completion(self) -> None:
        self.value = self._suggestion
        self.cursor_position = len(self.value)
