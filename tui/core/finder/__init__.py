"""The quote finder: an article's direct quotes, verbatim, with their speakers, proposed for the store.

`find_quotes(text, people, published, stored_quotes)` reads an article's quotation marks, the
sentences around them and their reporting cues, by rules (no model), and returns a `Proposal`
for each quote the article attributes: the words exactly as printed, the speaker as written and
who they are among the store's people, the cue, the medium and the steps of the reporting.

Pure and UI-free: imports the model and nothing else of the core (rapidfuzz for names spelt
a little differently).
"""

from tui.core.finder.find import find_in_snapshot, find_quotes
from tui.core.finder.names import KnownPerson, known_people
from tui.core.finder.proposal import Proposal

__all__ = ["KnownPerson", "Proposal", "find_in_snapshot", "find_quotes", "known_people"]
