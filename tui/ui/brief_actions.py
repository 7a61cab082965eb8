"""Briefs and attributions from the dashboard: copy a quote's attribution, open a source, write a brief.

A part of the app: it reads the app's one state and says what it did in a notification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.ui import read_only

if TYPE_CHECKING:
    from tui.ui.app import PeacewatchApp


class BriefActions:
    """A part of the app: what `y`, `o` and `b` do."""

    def __init__(self, app: PeacewatchApp) -> None:
        self._app = app

    def copy_attribution(self, quote_id: str) -> None:
        """Copy a quote as one attribution line to the system clipboard, through the terminal
        (OSC 52, so it reaches the user's own clipboard over SSH too), and say what was copied."""
        from tui.core.views.brief import attribution

        app = self._app
        quote = app.state.snapshot.quote_by_id.get(quote_id)
        if quote is None:
            app.notify("That quote is not in the store any more.", severity="warning", markup=False)
            return
        doubt = app.state.in_doubt.get(quote_id)
        if doubt is not None:
            app.notify(
                f"Not copied: this quote's words are not what the source printed ({doubt}). Fix the file, then copy it.",
                title="Not verbatim", severity="error", markup=False, timeout=10,
            )
            return
        line = attribution(quote, app.state.snapshot)
        app.copy_to_clipboard(line)
        app.notify(line, title="Copied attribution", markup=False, timeout=8)

    def open_source(self, kind: str, item_id: str) -> None:
        """Open the address of an item's source in the browser, or say why there is none."""
        from tui.core.views.brief import source_url

        app = self._app
        url, described = source_url(app.state.snapshot, kind, item_id)
        if url is None:
            app.notify(described, title="No address to open", severity="warning", markup=False, timeout=6)
            return
        app.open_url(url)
        # The address is shown too: over SSH the browser opens on the machine peacewatch runs on.
        app.notify(f"{described}\n{url}", title="Opening the source", markup=False, timeout=8)

    def write_brief(self) -> None:
        """Write the state of play as Markdown to a new file outside the content folder, and say where."""
        from tui.core.desk import brief_folder, write_new
        from tui.core.model.clock import story_clock
        from tui.core.views.brief import brief, file_name, markdown

        app = self._app
        # Read-only (a wall screen, a page served to colleagues): nothing is written anywhere.
        if app.refuse_if_read_only(read_only.FILES):
            return
        if not app.state.loaded or not app.state.complete:
            app.notify("The store is still loading.", markup=False)
            return
        now = app.now()
        text = markdown(brief(app.state.snapshot, story_clock(app.state.snapshot.story).today(now), now, app.state.in_doubt))
        try:
            folder = brief_folder(app.root)
            path = write_new(folder, file_name(now), text)
        except OSError as exc:
            app.notify(f"Could not write the brief: {exc.strerror or exc}", title="No brief written", severity="error", markup=False, timeout=10)
            return
        problems = len(app.state.problems)
        if problems:
            app.notify(f"Written to {path}, but the content has {problems} problem{'s' if problems != 1 else ''} (! lists them): "
                        "the brief holds only what could be read.", title="Brief written", severity="warning", markup=False, timeout=10)
        else:
            app.notify(f"Written to {path}", title="Brief written", markup=False, timeout=8)
