"""The files `peacewatch new` writes: fields explained, examples as comments, only what `check` needs live."""

from __future__ import annotations

import textwrap

from tui.commands.edit_args import words
from tui.core.model.vocab import Described, IssueStatus, Medium, PartyRole, Stage, Stance


def _one_of(vocabulary: type[Described], first: str, column: int) -> str:
    """`first` then 'One word: a, b, c.', wrapped at 88 columns, going on at `column`."""
    more = "#" + " " * (column - 1)
    return "\n".join(textwrap.wrap(
        f"One word: {words(vocabulary)}.", 88, initial_indent=first, subsequent_indent=more, break_on_hyphens=False,
    ))


STORY = """\
# The story: what this store follows. Exactly one file in the store has `story:`.
#
# Fields:
#   title      required. The story's name, shown at the top of the dashboard.
#   covers     What the story covers, in a sentence or two.
#   as_of      required. The date (YYYY-MM-DD) the facts in the store are current to.
#              Move it forward when you bring the store up to date.
#   deadlines  Dates by which something is due or expected, each with:
#                date    required, YYYY-MM-DD
#                what    required, what is due, in one line
#                source  the id of the source that reports it (see sources.yaml)
#
# Put your story's title and date below. A deadline looks like this:
#
#   deadlines:
#     - date: 2025-11-27
#       what: The earliest date a leaders' meeting could come
#       source: wire-2025-11-25-talks

story:
  title: New story
  as_of: {today}
"""

STATUS = f"""\
# The deal's status: where the deal stands as a whole, and how it got there.
# Exactly one file in the store has `status:`.
#
# Fields:
{_one_of(Stage, "#   stage     required. ", 14)}
#   headline  required. The state of play in one line.
#   summary   A few sentences, drawn from the sources.
#   since     When the deal reached the current stage (YYYY-MM-DD), if known.
#   source    The id of the source for the current stage.
#   history   Earlier stages, oldest first, each with stage, date (or when), headline, source.
#
# `peacewatch set status --stage ... --headline ...` moves the stage on and keeps the
# history for you. Replace the placeholder headline below with the story's.

status:
  stage: proposed
  headline: Nothing reported yet
"""

PARTIES = f"""\
# Parties: the countries, organisations and outlets with a part in the story, and the
# people who speak or act for them.
#
# Fields of each party:
#   id      required. Lower-case letters, digits and dashes; others refer to the party by it.
#   name    required. The full name.
#   short   A short name for narrow columns ("U.S."); the name is used if empty.
{_one_of(PartyRole, "#   role    required. ", 12)}
#   people  The people who speak or act for it, each with id, name and title, and
#           aliases: other spellings the sources use (Zelenskyy, Зеленський), if any.
#
# An example, to copy below `parties:` (then remove the `[]`):
#
#   - id: northland
#     name: Republic of Northland
#     short: Northland
#     role: belligerent
#     people:
#       - id: a-envoy
#         name: A. Envoy
#         title: Chief negotiator

parties: []
"""

ISSUES = f"""\
# Issues: the points the deal has to settle, and where each party stands on them.
#
# Fields of each issue:
#   id         required. Lower-case letters, digits and dashes.
#   title      required. A few words.
{_one_of(IssueStatus, "#   status     required. ", 15)}
#   why        Why it matters, as the sources put it.
#   source     The id of the source.
#   positions  One per party, each with party, stance, says, quotes, events, source.
{_one_of(Stance, "#              stance: ", 15)}
#
# `peacewatch set position` adds or replaces a party's position. An example issue:
#
#   - id: border
#     title: The border line
#     status: contested
#     source: wire-2025-11-25-talks
#     positions:
#       - party: northland
#         stance: insists
#         says: The line stays where it is.

issues: []
"""

QUOTES = f"""\
# Quotes the sources do not date. Dated quotes go in one file per day, YYYY-MM-DD.yaml
# (`peacewatch add quote --date ...` creates it).
#
# Fields of each quote:
#   id            required. Lower-case letters, digits and dashes, unique in the store.
#   text          required. The words inside the quotation marks, exactly as printed.
#   context       For a quoted fragment: the source's surrounding sentence, verbatim.
#   speaker       required. Who said it; an unnamed speaker as the source describes them.
#   speaker_role  Their title or role, as the source gives it.
#   party         The id of the party they speak for.
#   date          YYYY-MM-DD, only where the source dates the statement.
{_one_of(Medium, "#   medium        required. ", 18)}
#   reported_by   How the words reached the source, step by step ("told Axios").
#   source        required. The id of the source.
#   issues        Ids of the issues it bears on.
#
# An example:
#
#   - id: envoy-not-one-metre
#     text: "We will not move: not one metre."
#     speaker: A. Envoy
#     party: northland
#     medium: interview
#     reported_by:
#       - told the Wire
#     source: wire-2025-11-25-talks

quotes: []
"""

EVENTS = """\
# Events: the timeline. Keep this file in time order, oldest first.
#
# Fields of each event:
#   id       required. Lower-case letters, digits and dashes.
#   title    required. One line.
#   date     YYYY-MM-DD, only if the sources give it.
#   when     The sources' own words when there is no exact date ("last week").
#   place    Where it happened, as the sources name it.
#   parties  Ids of the parties taking part.
#   summary  What happened, in a sentence or two, drawn from the sources.
#   source   required. The id of the source.
# A meeting may also have, where the sources say so: venue (the building), format
# (in-person, phone or video), host and mediator (party ids), and participants (people,
# each as PARTY/PERSON).
#
# An example:
#
#   - id: talks-open
#     title: Talks open in Geneva
#     date: 2025-11-25
#     place: Geneva
#     parties: [northland, southland]
#     source: wire-2025-11-25-talks

events: []
"""

SOURCES = """\
# Sources: where every fact and quote in the store comes from. Add a source here before
# you cite it (`peacewatch add source --outlet ... --title ...`).
#
# Fields of each source:
#   id      required. Lower-case letters, digits and dashes.
#   outlet  required. Who published it.
#   title   The headline, copied exactly.
#   date    Publication date as YYYY-MM-DD, if the source gives one.
#   url     Only an address you have actually seen. Never guess one.
#   note    Anything an editor should know.
#   archive Archived copies of the source (the import writes them): each a file under
#           archive/ named by its SHA-256, the day captured, the sha256, the url if known.
#           `peacewatch verify` checks every quote citing the source against the newest.
#
# An example:
#
#   - id: wire-2025-11-25-talks
#     outlet: The Wire
#     title: Talks open in Geneva
#     date: 2025-11-25

sources: []
"""

FILES = {
    "story.yaml": STORY,
    "status.yaml": STATUS,
    "parties.yaml": PARTIES,
    "issues.yaml": ISSUES,
    "events.yaml": EVENTS,
    "sources.yaml": SOURCES,
    "quotes/undated.yaml": QUOTES,
}
"""Each file of a new store, by its store-relative path; `{today}` is filled in."""
