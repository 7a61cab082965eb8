"""Briefs and attributions from the dashboard: copy a quote's attribution, open a source, write a brief.

A mixin of the app: it reads the app's one state and says what it did in a notification.
"""

from __future__ import annotations

from typing import Any

from tui.ui import read_only


class BriefActions:
    """Mixed into the app."""


    def copy_attribution(self: Any, quote_id: str) -> None:
        """Copy a quote as one attribution line to the system clipboard, through the terminal
        (OSC 52, so it reaches the user's own clipboard over SSH too), and say what was copied."""
        from tui.core.views.brief import attribution

        quote = self.state.snapshot.quote_by_id.get(quote_id)
        if quote is None:
            self.notify("That quote is not in the store any more.", severity="warning", markup=False)
            return
        line = attribution(quote, self.state.snapshot)
        self.copy_to_clipboard(line)
        self.notify(line, title="Copied attribution", markup=False, timeout=8)

    def open_source(self: Any, kind: str, item_id: str) -> None:
        """Open the address of an item's source in the browser, or say why there is none."""
        from tui.core.views.brief import source_url

        url, described = source_url(self.state.snapshot, kind, item_id)
        if url is None:
            self.notify(described, title="No address to open", severity="warning", markup=False, timeout=6)
            return
        self.open_url(url)
        # The address is shown too: over SSH the browser opens on the machine peacewatch runs on.
        self.notify(f"{described}\n{url}", title="Opening the source", markup=False, timeout=8)

    def write_brief(self: Any) -> None:
        """Write the state of play as Markdown to a new file outside the content folder, and say where."""
        from tui.core.views.brief import brief, file_name, markdown
        from tui.ui.brief_file import brief_folder, write_new

        # Read-only (a wall screen, a page served to colleagues): nothing is written anywhere.
        if self.refuse_if_read_only(read_only.FILES):
            return
        if not self.state.loaded or not self.state.complete:
            self.notify("The store is still loading.", markup=False)
            return
        now = self.now()
        text = markdown(brief(self.state.snapshot, now.date(), now))
        try:
            folder = brief_folder(self.root)
            path = write_new(folder, file_name(now), text)
        except OSError as exc:
            self.notify(f"Could not write the brief: {exc.strerror or exc}", title="No brief written", severity="error", markup=False, timeout=10)
            return
        problems = len(self.state.problems)
        if problems:
            self.notify(f"Written to {path}, but the content has {problems} problem{'s' if problems != 1 else ''} (! lists them): "
                        "the brief holds only what could be read.", title="Brief written", severity="warning", markup=False, timeout=10)
        else:
            self.notify(f"Written to {path}", title="Brief written", markup=False, timeout=8)
