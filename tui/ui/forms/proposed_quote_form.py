"""A proposed quote in the quote form, to correct before it is accepted: nothing is written here;
the review writes every accepted quote with the article's source at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual.widgets import Input, Select, TextArea

from tui.ui.forms.quote_form import QuoteForm

if TYPE_CHECKING:
    from tui.core.desk import AddQuote
    from tui.core.model.snapshot import Snapshot

_SOURCE_FIELDS = ("source", "new_source_outlet", "new_source_title", "new_source_date", "new_source_url", "add_person")
"""The article's source is the review's to write, and a new speaker is added with the store's forms."""


class ProposedQuoteForm(QuoteForm):
    """Dismisses with the corrected fields (AddQuote's), or None."""

    TITLE_TEXT = "Correct the proposed quote"

    def __init__(self, snapshot: Snapshot, digests: Mapping[str, bytes], quote: AddQuote, article: str) -> None:
        super().__init__(snapshot, digests)
        self.quote, self.article = quote, article
        """The article's text: what the quote's words (and its context) must still be, word for word."""

    def on_mount(self) -> None:
        quote = self.quote
        self.query_one("#text", TextArea).text = quote.text
        for field, value in (("speaker", quote.speaker), ("speaker_role", quote.speaker_role), ("context", quote.context),
                             ("reported_by", "; ".join(quote.reported_by)), ("date", str(quote.date or ""))):
            self.query_one(f"#{field}", Input).value = value
        for field, choice in (("party", quote.party), ("medium", quote.medium)):
            select = self.query_one(f"#{field}", Select)
            if choice and any(value == choice for _, value in select._options):  # noqa: SLF001 - Select has no public "has option"
                select.value = choice
        for field in _SOURCE_FIELDS:
            self.query_one(f"#{field}").parent.display = False  # type: ignore[union-attr]
        super().on_mount()
        self.query_one("#form-body").border_subtitle = "ctrl+s accept as corrected · esc back"

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        errors, values = super().check()
        for field in ("text", "context"):
            # A correction may trim words at either end, never change one: what is stored is what it printed.
            if values.get(field) and values[field] not in self.article:
                errors[field] = ("Not the article's words: a quote is stored word for word as printed. Trim it at either "
                                 "end if you must; any other change is not what was said.")
        errors.pop("source", None)
        errors.pop("add_person", None)
        values.pop("source", None)
        values.pop("new_source", None)
        return errors, values

    def action_save(self) -> None:
        errors, values = self.check()
        self.show_errors(errors, "Fix the fields marked below." if errors else "")
        if not errors:
            self.dismiss(values)
