"""A part of the app: the search language's results list, and the saved views (named queries in the user's settings).

Reached as `searches(app)`: one per app, made when first asked for, and kept as long as the app is.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.app import SystemCommand
from textual.binding import Binding

from tui.core.desk import read_settings, save_view
from tui.core.model.clock import story_clock

if TYPE_CHECKING:
    from tui.core.views.query import Query
    from tui.ui.app import PeacewatchApp


class SearchActions:
    """Opens a query's results over the dashboard (said in words when it cannot be read), and saves and lists views."""

    def __init__(self, app: PeacewatchApp) -> None:
        self._app = app
        self.start_view: str | None = None
        """The view the dashboard opens with (`--view NAME`), once the first load is on screen."""

    def parsed(self, text: str) -> Query | None:
        """The query `text` means today (the story's); None, said in a notification, if it cannot be read."""
        from tui.core.views.query import QueryError, parse  # imported by the first query, not by a start

        today = story_clock(self._app.state.snapshot.story).today(self._app.now())
        try:
            return parse(text, today)
        except QueryError as exc:
            self._app.notify(str(exc), title="Search", severity="error", markup=False, timeout=8)
            return None

    def open_results(self, text: str) -> None:
        from tui.ui.screens.search_results import SearchResultsScreen

        if self.parsed(text) is not None:
            self._app.push_screen(SearchResultsScreen(text))

    def begin(self) -> None:
        """Once the dashboard is up: open the view asked for on the command line, when the store is loaded."""
        if self.start_view is not None:
            self._app.run_worker(self._open_start_view(self.start_view), exit_on_error=False, name="Opening the view")
            self.start_view = None

    async def _open_start_view(self, name: str) -> None:
        await self._app.shown.wait()
        query = self.views().get(name)
        if query is None:
            known = ", ".join(self.views()) or "none yet (s in a search's results saves one)"
            self._app.notify(f"No saved view is named {name!r}; saved views: {known}.", title="Views", severity="warning", markup=False, timeout=10)
            return
        self.open_results(query)

    def views(self) -> dict[str, str]:
        """The saved views, name → query (none when settings are off or unreadable: the theme memory says why at start)."""
        path = self._app.theme_memory.path
        return read_settings(path)[0].views if path is not None else {}

    def ask_to_save(self, query: str) -> None:
        from tui.ui.screens.view_name import ViewNameScreen

        app, path = self._app, self._app.theme_memory.path
        if app.read_only or path is None:
            # A served page's reader must not write the server's user's settings (as with themes).
            app.notify("Views are not saved here: this dashboard is read-only or keeps no settings.", title="Views", markup=False, timeout=6)
            return

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                save_view(path, name, query)
            except OSError as exc:
                app.notify(f"The view could not be saved: {path}: {exc.strerror or exc}.", title="Views", severity="error", markup=False, timeout=8)
                return
            app.notify(f"Saved the view {name!r}: ctrl+p, View: {name}; or peacewatch DIR --view {name!r}.", title="Views", markup=False, timeout=6)

        app.push_screen(ViewNameScreen(query), callback=named)

    def commands(self) -> Iterable[SystemCommand]:
        """The command palette's "View: NAME" commands, one a saved view."""
        for name, query in self.views().items():
            yield SystemCommand(f"View: {name}", f"Search: {query}", partial(self.open_results, query))

    def help_bindings(self) -> list[Binding]:
        """The saved views, as help lists keys: each opened from the command palette."""
        return [Binding("ctrl+p", "", f"View: {name}", tooltip=f"View: {name} — {query}") for name, query in self.views().items()]


_PARTS: WeakKeyDictionary[PeacewatchApp, SearchActions] = WeakKeyDictionary()


def searches(app: PeacewatchApp) -> SearchActions:
    """The app's search part. Kept here rather than on the app: app.py is at the house's size limit."""
    part = _PARTS.get(app)
    if part is None:
        part = _PARTS[app] = SearchActions(app)
    return part

