"""A complete, small, valid content store for tests, independent of the shipped `content/`.

Every section is present and every reference resolves, so a test can break exactly one
thing and expect exactly one problem. Line numbers below are relied on by the tests:
change the texts only together with them.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.store.loader import ContentStore

STORY = """\
story:
  title: Ceasefire talks
  covers: Talks on a ceasefire between Northland and Southland.
  as_of: 2025-03-01
  deadlines:
    - date: 2025-03-15
      what: Reply to the draft
      source: wire-1
"""

STATUS = """\
status:
  stage: under-negotiation
  headline: Drafts are being exchanged
  since: 2025-02-20
  source: wire-1
  history:
    - stage: proposed
      date: 2025-02-01
      source: wire-1
"""

PARTIES = """\
parties:
  - id: north
    name: Northland
    short: NO
    role: belligerent
    people:
      - id: envoy-a
        name: A. Envoy
        title: Chief negotiator
  - id: south
    name: Southland
    role: belligerent
  - id: broker
    name: Brokerland
    role: mediator
"""

ISSUES = """\
issues:
  - id: border
    title: The border line
    status: contested
    why: Both claim the valley.
    source: wire-1
    positions:
      - party: north
        stance: insists
        says: The line stays where it is.
        quotes: q-north
        events: [talks-open]
      - party: south
        stance: opposes
  - id: prisoners
    title: Prisoner exchange
    status: narrowing
"""

QUOTES = """\
quotes:
  - id: q-north
    text: "We will not move: not one metre."
    speaker: A. Envoy
    speaker_role: Chief negotiator
    party: north
    date: 2025-02-21
    medium: interview
    reported_by: told the Wire
    source: wire-1
    issues: [border]
  - id: q-south
    text: Talks go on.
    speaker: an official
    party: south
    medium: anonymous
    source: wire-2
"""

EVENTS = """\
events:
  - id: talks-open
    title: Talks open
    date: 2025-02-01
    place: Geneva
    parties: [north, south, broker]
    source: wire-1
  - id: next-round
    title: Next round
    when: next week
    source: wire-2
"""

SOURCES = """\
sources:
  - id: wire-1
    outlet: The Wire
    title: Talks open in Geneva
    date: 2025-02-21
    url: https://example.org/wire-1
  - id: wire-2
    outlet: The Other Wire
"""

FILES: dict[str, str] = {
    "story.yaml": STORY,
    "status.yaml": STATUS,
    "parties.yaml": PARTIES,
    "issues.yaml": ISSUES,
    "quotes.yaml": QUOTES,
    "events.yaml": EVENTS,
    "sources.yaml": SOURCES,
}
"""Each file of the store, by its store-relative path."""

COUNTS = {"parties": 3, "issues": 2, "quotes": 2, "events": 2, "sources": 2}
"""How many items of each list section the store holds."""


def write_store(root: Path, **replace: str | bytes | None) -> Path:
    """Write the store into `root`; `name_yaml=text` replaces a file (None leaves it out).

    File names are given with the dot as an underscore: `write_store(d, quotes_yaml="...")`.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    files: dict[str, str | bytes | None] = dict(FILES)
    for key, text in replace.items():
        files[key.replace("_yaml", ".yaml")] = text
    for name, text in files.items():
        if text is None:
            continue
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8", newline="")
    return root


def counts(store: ContentStore) -> dict[str, int]:
    """How many items of each list section the store's snapshot holds."""
    snapshot = store.snapshot
    return {section: len(getattr(snapshot, section)) for section in COUNTS}
