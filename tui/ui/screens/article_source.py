"""Import an article, first step: where it is (a saved page or a text file), or its text pasted."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static, TextArea

from tui.ui.house import app_of

if TYPE_CHECKING:
    from tui.core.desk import ArticleRead  # noqa: F401 - named in the screen's result type, a string


class ArticleSourceScreen(ModalScreen["ArticleRead | None"]):
    """Dismisses with the article read and its quotes proposed, or None on esc."""

    BINDINGS = [
        Binding("ctrl+s", "read", "Read it", tooltip="Read the article and propose its quotes", id="article-source.read"),
        Binding("escape", "dismiss(None)", "Back", tooltip="Close without reading anything", id="article-source.back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="article-source-body") as body:
            body.border_title = "Import an article"
            body.border_subtitle = "ctrl+s read it · esc back"
            yield Label(Text.assemble("A saved web page or a text file", ("  its path; never fetched from the web", "dim")))
            yield Input(id="article-path", placeholder="~/Downloads/article.html")
            yield Label(Text.assemble("…or its text, pasted", ("  headline first, then the paragraphs", "dim")))
            yield TextArea(id="article-text", soft_wrap=True)
            yield Static(id="article-source-error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#article-source-error").display = False
        self.query_one("#article-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_read()

    def action_read(self) -> None:
        path = self.query_one("#article-path", Input).value.strip()
        pasted = self.query_one("#article-text", TextArea).text
        if not path and not pasted.strip():
            self._say("Give the article's path, or paste its text.")
            return
        self._read(path, pasted)

    @work(exclusive=True, exit_on_error=False, name="Reading the article")
    async def _read(self, path: str, pasted: str) -> None:
        if path:
            try:
                raw = await asyncio.to_thread(Path(path).expanduser().read_bytes)
            except OSError as exc:
                self._say(f"{path}: cannot be read ({exc.strerror or exc}).")
                return
            name = Path(path).name
        else:
            raw, name = pasted.encode("utf-8"), "-"
        desk = await app_of(self).open_desk()
        try:
            read = await asyncio.to_thread(desk.read_article, raw, name)
        except ValueError as exc:
            self._say(f"Not read: {exc}.")
            return
        self.dismiss(read)

    def _say(self, words: str) -> None:
        error = self.query_one("#article-source-error", Static)
        error.update(Text(words))
        error.display = True
