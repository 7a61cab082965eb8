"""The edit forms: add a quote or an event, move the deal's stage, set a position (the forms of
`FORMS`); `item_form.ItemForm` adds or edits any other kind (a party, a person, an issue, a
deadline, a source) and edits any item with `E`; `base.EditForm` is what every form shares."""

from tui.ui.forms.event_form import EventForm
from tui.ui.forms.position_form import PositionForm
from tui.ui.forms.quote_form import QuoteForm
from tui.ui.forms.status_form import StatusForm

FORMS = {"quote": QuoteForm, "event": EventForm, "status": StatusForm, "position": PositionForm}
"""Each form by the kind of change it makes."""
