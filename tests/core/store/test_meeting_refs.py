"""A meeting's participants name people inside their parties, and its host and mediator name parties:
each reference checked on every load, and again when the people it names come or go in another file."""

from __future__ import annotations

from pathlib import Path

from tui.core.store.loader import ContentStore

MEETING = """\
  - id: geneva-talks
    title: Talks in Geneva
    host: ukraine
    participants:
      - russia/sergey-lavrov
      - rustem-umerov
    source: meduza-2025-11-25-lavrov
"""


def test_a_person_removed_from_their_party_is_said_at_the_meeting_that_names_them(store: Path):
    events = store / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n" + MEETING, encoding="utf-8")
    content = ContentStore(store)
    assert content.load().problems == ()
    line = events.read_text(encoding="utf-8").splitlines().index("      - rustem-umerov") + 1
    parties = store / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace("      - id: rustem-umerov", "      - id: rustem-umerow"), encoding="utf-8")
    problems = [str(p) for p in content.reload(["parties.yaml"]).problems]
    assert problems == [f"events.yaml:{line}:9: unknown person 'rustem-umerov'; did you mean 'rustem-umerow'?"]
    parties.write_text(parties.read_text(encoding="utf-8").replace("      - id: rustem-umerow", "      - id: rustem-umerov"), encoding="utf-8")
    assert content.reload(["parties.yaml"]).problems == ()


def test_a_person_id_two_parties_share_must_name_the_party(store: Path):
    parties = store / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8") + "      - id: rustem-umerov\n        name: A namesake\n", encoding="utf-8")
    events = store / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n" + MEETING, encoding="utf-8")
    problems = [p.message for p in ContentStore(store).load().problems]
    assert problems == ["person 'rustem-umerov' is in more than one party (ukraine/rustem-umerov, "
                        "free-russia-foundation/rustem-umerov); write it as PARTY/PERSON"]
