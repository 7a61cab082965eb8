"""A text field whose shown completion Tab accepts, as in a shell."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class CompletingInput(Input):
    """Tab takes the completion shown after the cursor; with none shown, Tab moves on as usual.

    The binding is the field's own, so it is looked at before the screen's Tab (next field);
    `check_action` turns it off while there is nothing to take, and Tab goes on to the screen.
    """

    BINDINGS = [Binding("tab", "accept_completion", "Accept completion", show=False, tooltip="Take the completion shown", id="form.accept-completion")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_completion":
            return bool(self._suggestion) and self._suggestion != self.value
        return super().check_action(action, parameters)

    def action_accept_completion(self) -> None:
        self.value = self._suggestion
        self.cursor_position = len(self.value)
