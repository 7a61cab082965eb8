"""A small content store that journal tests edit step by step (shared by the core and command-line tests)."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from tui.core.store.loader import ContentStore

BASE = {
    "story.yaml": {"story": {"title": "Talks", "as_of": "2025-11-24"},
                   "status": {"stage": "framework-agreed-in-principle", "headline": "Framework agreed", "since": "2025-11-20"}},
    "parties.yaml": {"parties": [{"id": "russia", "name": "Russia", "role": "belligerent"}, {"id": "ukraine", "name": "Ukraine", "role": "belligerent"}]},
    "issues.yaml": {"issues": [{"id": "territory", "title": "Territory", "status": "contested",
                                "positions": [{"party": "russia", "stance": "insists"}]}]},
    "quotes.yaml": {"quotes": [{"id": "q1", "text": "We insist.", "speaker": "Sergey Lavrov", "party": "russia",
                                "date": "2025-11-23", "medium": "press-conference", "source": "reuters-1"}]},
    "sources.yaml": {"sources": [{"id": "reuters-1", "outlet": "Reuters"}]},
}


def write_store(root: Path, data: dict) -> None:
    root.mkdir(exist_ok=True)
    for name, doc in data.items():
        (root / name).write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


class Store:
    """A content folder in tmp_path that tests edit step by step."""

    def __init__(self, root: Path) -> None:
        self.root, self.data = root, copy.deepcopy(BASE)
        write_store(root, self.data)

    def snapshot(self):
        result = ContentStore(self.root).load()
        assert not result.problems, result.problems
        return result.snapshot

    def stage(self, stage: str):
        self.data["story.yaml"]["status"]["stage"] = stage
        write_store(self.root, self.data)
        return self.snapshot()

    def stance(self, stance: str):
        self.data["issues.yaml"]["issues"][0]["positions"][0]["stance"] = stance
        write_store(self.root, self.data)
        return self.snapshot()


def stored(path: Path) -> dict:
    """A journal file's tables, read the way its format is written down: a header line (with a
    generation, new at each rewrite), the
    compacted tables, then one line per transaction (documents set, null for removed, and
    tables dropped). An unfinished last line, a crash mid-append, is left out."""
    import json

    lines = path.read_bytes().split(b"\n")
    assert json.loads(lines[0])["peacewatch_journal"] == 2
    data: dict = {}
    for line in lines[1:-1]:  # the part after the last newline is empty, or torn
        op = json.loads(line)
        for name, docs in op["t"].items():
            table = data.setdefault(name, {})
            for doc_id, doc in docs.items():
                if doc is None:
                    table.pop(doc_id, None)
                else:
                    table[doc_id] = doc
        for name in op.get("drop", ()):
            data.pop(name, None)
    return data


def kept_states(path: Path) -> dict[str, dict]:
    """Each content file's state as the journal at `path` last recorded it, by path: read as its
    format is written down, the journal's document for the file naming the digest of a file of
    its own in the folder beside the journal (`<journal>.files/<digest>.json`)."""
    import hashlib
    import json

    states = {}
    for doc in stored(path)["files"].values():
        data = (path.with_name(path.name + ".files") / f"{doc['digest']}.json").read_bytes()
        assert hashlib.blake2b(data, digest_size=16).hexdigest() == doc["digest"]
        states[doc["path"]] = json.loads(data)
    return states
