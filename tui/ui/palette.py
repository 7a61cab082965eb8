"""Colours for words that carry meaning (stances, statuses), taken from the active theme."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App

from tui.core.model.vocab import IssueStatus, Stance

_STANCE_TONE = {
    Stance.PROPOSES: "primary",
    Stance.SUPPORTS: "success",
    Stance.ACCEPTS: "success",
    Stance.CONDITIONAL: "warning",
    Stance.INSISTS: "error",
    Stance.OPPOSES: "error",
    Stance.UNCLEAR: "warning",
    Stance.UNSTATED: "muted",
}
_STATUS_TONE = {
    IssueStatus.OPEN: "primary",
    IssueStatus.CONTESTED: "error",
    IssueStatus.NARROWING: "warning",
    IssueStatus.AGREED: "success",
    IssueStatus.DEFERRED: "muted",
    IssueStatus.DROPPED: "muted",
}

_VERIFIED_TONE = {
    "verbatim": "success",
    "normalised": "primary",
    "differs": "error",
    "missing": "error",
    "unchecked": "warning",
    "not archived": "muted",
}


@dataclass(frozen=True)
class Palette:
    """Rich style strings for each tone, so every built-in theme keeps its own colours."""

    primary: str
    success: str
    warning: str
    error: str
    accent: str
    muted: str = "dim"

    @classmethod
    def of(cls, app: App) -> Palette:
        theme = app.current_theme
        return cls(
            primary=_rich(theme.primary),
            success=_rich(theme.success or "green"),
            warning=_rich(theme.warning or "yellow"),
            error=_rich(theme.error or "red"),
            accent=_rich(theme.accent or theme.primary),
        )

    def tone(self, name: str) -> str:
        colour: str = getattr(self, name)
        return colour

    def stance(self, stance: Stance) -> str:
        return f"bold {self.tone(_STANCE_TONE[stance])}" if stance != Stance.UNSTATED else "dim"

    def status(self, status: IssueStatus) -> str:
        return f"bold {self.tone(_STATUS_TONE[status])}"

    def verified(self, state: str) -> str:
        """A quote's state against its archived source (the state's value: "verbatim", "differs", …)."""
        tone = _VERIFIED_TONE.get(state, "muted")
        return f"bold {self.tone(tone)}" if tone != "muted" else "dim"


def _rich(colour: str) -> str:
    """A theme's colour as Rich names it: the ANSI themes say `ansi_green` where Rich says `green`."""
    return colour.removeprefix("ansi_")
