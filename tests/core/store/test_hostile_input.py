"""Hostile and broken input: every truncation, random damage, the YAML test suite, type traps,
limits and encodings. Whatever comes in, the loader answers with content or with a located,
readable problem: never an exception, never a hang.
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.helpers.minimal_store import COUNTS, FILES, PARTIES, QUOTES, counts, write_store
from tests.helpers.paths import SHIPPED, YAML_SUITE
from tui.core.model.items import ContentFile
from tui.core.store.loader import ContentStore
from tui.core.store.schema_errors import problems_from
from tui.core.yaml.reader import Limits, read_yaml

SUITE = YAML_SUITE
SHIPPED_FILES = sorted(p.relative_to(SHIPPED).as_posix() for p in SHIPPED.rglob("*.yaml")) if SHIPPED.is_dir() else []
_BREAKS = re.compile(rb"\r\n|\r|\n")


def line_count(raw: bytes) -> int:
    """Lines as an editor numbers them, counting the empty one after a final newline."""
    return len(_BREAKS.split(raw))


def assert_located(problems, files: dict[str, bytes | int]) -> None:
    """Each problem names a file of the store (given as its bytes or its line count), a line
    and column inside it, and a one-line message."""
    for problem in problems:
        where = str(problem)
        assert problem.path in files or problem.path in ("story.yaml", "status.yaml"), where
        lines = files.get(problem.path, 1)
        limit = lines if isinstance(lines, int) else line_count(lines)
        assert 1 <= problem.line <= limit, f"line outside the file: {where}"
        assert problem.column >= 1, where
        assert problem.message.strip() and problem.message.isprintable(), f"unreadable message: {where!r}"
        assert "Traceback" not in problem.message and "internal error" not in problem.message, where


def parse(raw: bytes, path: str = "f.yaml") -> list:
    """The loader's parse, step by step and unguarded, so that any exception escapes to the test."""
    doc, problems = read_yaml(raw, path)
    if doc is None:
        assert problems, "refused without a problem"
        return problems
    if isinstance(doc.data, dict):
        try:
            ContentFile.model_validate(doc.data)
        except ValidationError as exc:
            problems = problems_from(exc, doc, path, ContentFile)
            assert problems, "invalid without a problem"
    return problems


# -- every truncation of every file ---------------------------------------------------------------


def beyond_comments(raw: bytes) -> list[int]:
    """Every byte offset but those inside a whole-line comment's ASCII text: a file cut there reads as
    the same file cut at the comment's second byte (its text is a comment either way). The cuts inside
    a multi-byte character of a comment are kept (they leave text that is not UTF-8)."""
    cuts, at = [], 0
    for line in raw.splitlines(keepends=True):
        comment = line.lstrip(b" ").startswith(b"#")
        cuts += [at + i for i in range(len(line)) if not comment or i < line.index(b"#") + 2 or line[i] >= 0x80]
        at += len(line)
    return cuts + [len(raw)]


def truncate_everywhere(root: Path, name: str, cuts: list[int] | None = None) -> int:
    """Cut `name` at every byte offset (or at `cuts`), reloading each time; returns the cuts made."""
    raw = (root / name).read_bytes()
    lines = {p.relative_to(root).as_posix(): line_count(p.read_bytes()) for p in root.rglob("*.yaml")}
    store = ContentStore(root)
    baseline = store.load()
    assert_located(baseline.problems, lines)
    others = {key for key, origin in store.snapshot.origins.items() if origin.path != name}
    good = {key for key, origin in store.snapshot.origins.items() if origin.path == name}
    target = root / name
    for cut in range(len(raw) + 1) if cuts is None else cuts:
        target.write_bytes(raw[:cut])
        result = store.reload([name])
        lines[name] = line_count(raw[:cut])
        assert_located(result.problems, lines)
        origins = store.snapshot.origins
        assert others <= origins.keys(), f"cut at byte {cut} hid other files' content"
        if name in result.changed:
            good = {key for key, origin in origins.items() if origin.path == name}
        else:
            kept = {key for key, origin in origins.items() if origin.path == name}
            assert kept == good, f"cut at byte {cut} lost the file's last good version"
    target.write_bytes(raw)
    assert store.reload([name]).problems == baseline.problems
    return len(raw) + 1 if cuts is None else len(cuts)


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_truncation_of_the_minimal_store(tmp_path, name):
    root = write_store(tmp_path / "content")
    assert truncate_everywhere(root, name) == len(FILES[name].encode()) + 1


@pytest.mark.parametrize(
    "name", SHIPPED_FILES or [pytest.param(None, marks=pytest.mark.skip(reason="content/ holds no YAML files yet"))]
)
def test_every_truncation_of_the_shipped_store(tmp_path, name):
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("*.md"))
    # The shipped files are mostly their editors' comments: each comment is cut near its start only
    # (the minimal store above is cut at every byte, comments and all).
    cuts = beyond_comments((root / name).read_bytes())
    assert truncate_everywhere(root, name, cuts) == len(cuts)


# -- random damage (hypothesis) ----------------------------------------------------------------------

SOURCES_OF_DAMAGE = {name: text.encode() for name, text in FILES.items()} | {
    f"shipped/{name}": (SHIPPED / name).read_bytes() for name in SHIPPED_FILES
}
YAML_BYTES = b":-[]{}&*!|>'\"#%@`,? \t\r\n\x00\x85\xa0\xe2\x80\xa8\xef\xbb\xbf\xff\\"


@st.composite
def damaged(draw):
    """A file of a real store with a few bytes flipped, inserted or deleted."""
    name = draw(st.sampled_from(sorted(SOURCES_OF_DAMAGE)))
    data = bytearray(SOURCES_OF_DAMAGE[name])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "insert", "insert-yaml", "delete", "duplicate-line"]))
        if kind == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif kind == "insert-yaml":
            data[at:at] = bytes([draw(st.sampled_from(YAML_BYTES))])
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        elif kind == "duplicate-line":
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end + 1
            data[end:end] = data[start:end]
    return name, bytes(data)


@settings(max_examples=1500, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_files_parse_to_content_or_located_problems(case):
    name, raw = case
    name = name.rsplit("/", 1)[-1]
    assert_located(parse(raw, name), {name: raw})


@settings(max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["a", "- ", ": ", "\n", "  ", "[", "]", "{", "}", ",", "&x ", "*x", "!!str ", "? ",
                                 "'", '"', "|", ">", "#", "quotes", "id", "---", "...", "\t", "\u2028", "é"]),
                max_size=60))
def test_yaml_shaped_noise_parses_to_data_or_located_problems(pieces):
    raw = "".join(pieces).encode()
    assert_located(parse(raw), {"f.yaml": raw})


@functools.cache
def clean_origins() -> dict[tuple[str, str], str]:
    """Each item of the minimal store, with the file that defines it."""
    with tempfile.TemporaryDirectory() as directory:
        store = ContentStore(write_store(Path(directory)))
        store.load()
        return {key: origin.path for key, origin in store.snapshot.origins.items()}


@settings(max_examples=150, deadline=timedelta(seconds=2),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(case=damaged())
def test_damaged_files_never_break_the_loader(tmp_path_factory, case):
    name, raw = case
    name = name.replace("/", "-")  # a shipped file, damaged, joins the minimal store beside its files
    root = write_store(tmp_path_factory.mktemp("store"), **{name.replace(".yaml", "_yaml"): raw})
    store = ContentStore(root)
    result = store.load()
    assert_located(result.problems, {n: t.encode() for n, t in FILES.items()} | {name: raw})
    undamaged = {key for key, path in clean_origins().items() if path != name}
    assert undamaged <= store.snapshot.origins.keys(), "damage to one file hid another's content"


# -- the YAML test suite -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, expected", [("error", 94), ("valid", 308)])
def test_the_yaml_test_suite_loads_or_gives_located_problems(tmp_path, kind, expected):
    documents = sorted((SUITE / kind).glob("*.yaml"))
    assert len(documents) == expected
    refused = 0
    for document in documents:
        root = tmp_path / document.stem
        root.mkdir()
        raw = document.read_bytes()
        (root / "doc.yaml").write_bytes(raw)
        result = ContentStore(root).load()
        own = [p for p in result.problems if p.path == "doc.yaml"]
        assert_located(own, {"doc.yaml": raw})
        refused += bool(own)
    # none of them is a content file, so each is refused, with its reason located
    assert refused == expected


def test_the_yaml_test_suite_is_shipped_with_its_licence():
    assert (SUITE / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "yaml/yaml-test-suite" in (SUITE / "README.md").read_text(encoding="utf-8")


# -- type traps -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["NO", "yes", "on", "Off", "0012", "012", "0x1F", "12:30", "1:20:30", "1.10", "1e3", ".nan", "-.inf",
     "2025-02-30", "2025-02-01", "+1", "1_000", "0o17", "y", "n"],
)
def test_names_and_codes_read_as_written(tmp_path, written):
    parties = PARTIES.replace("name: Brokerland", f"name: {written}").replace("role: mediator", "role: mediator\n    short: " + written)
    store = ContentStore(write_store(tmp_path, parties_yaml=parties))
    assert store.load().problems == ()
    assert (store.snapshot.party_by_id["broker"].name, store.snapshot.party_by_id["broker"].short) == (written, written)


@pytest.mark.parametrize("written", ["0012", "2025-02-01", "1e3", "no"])
def test_ids_read_as_written(tmp_path, written):
    parties = PARTIES.replace("id: broker", f"id: {written}")
    events = FILES["events.yaml"].replace("parties: [north, south, broker]", f"parties: [north, south, {written}]")
    store = ContentStore(write_store(tmp_path, parties_yaml=parties, events_yaml=events))
    assert store.load().problems == ()
    assert written in store.snapshot.party_by_id


def test_a_null_where_text_is_required_is_reported_not_emptied(tmp_path):
    result = ContentStore(write_store(tmp_path, parties_yaml=PARTIES.replace("name: Brokerland", "name: ~"))).load()
    assert "parties.yaml:14:11: 'name' should be text, found nothing" in [str(p) for p in result.problems]


def test_a_date_stays_a_date_only_where_one_is_expected(tmp_path):
    store = ContentStore(write_store(tmp_path, quotes_yaml=QUOTES.replace("text: Talks go on.", "text: 2025-02-01")))
    assert store.load().problems == ()
    quote = store.snapshot.quote_by_id["q-south"]
    assert quote.text == "2025-02-01"
    assert str(store.snapshot.quote_by_id["q-north"].date) == "2025-02-21"


# -- limits: refused where the bound is met, not after the whole input --------------------------------------
# (How fast that is on a given machine is the benchmark's to say: scripts/benchmark.py.)


def refused_problems(raw: bytes, limits: Limits = Limits()) -> list[str]:
    doc, problems = read_yaml(raw, "f.yaml", limits)
    assert doc is None
    return [str(p) for p in problems]


def refused_at(problem: str) -> tuple[int, int]:
    """The line and column a problem names."""
    line, column = re.match(r"f\.yaml:(\d+):(\d+): ", problem).groups()
    return int(line), int(column)


def test_alias_bomb_is_refused_fast(tmp_path):
    lines = ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        lines.append(f"l{i}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 9) + "]")
    found = refused_problems(("\n".join(lines) + "\n").encode())
    assert found == [
        "f.yaml:6:13: more than 200,000 values in one file, the limit (anchors and aliases count each time they "
        "are used); split the file or raise --max-values"
    ]


def test_many_values_are_refused_fast():
    raw = b"quotes:\n" + b"  - id: q\n" * 100_001  # 200,000 values and more
    found = refused_problems(raw)
    assert len(found) == 1 and found[0].endswith(
        ": more than 200,000 values in one file, the limit (anchors and aliases count each time they are used); "
        "split the file or raise --max-values"
    )
    # Refused by the line where the count passed the limit (each line holds three values: an item,
    # its key, its value), not at the end of the input (line 100,002).
    line, _ = refused_at(found[0])
    assert line <= 200_000 // 3 + 1, line


@pytest.mark.parametrize("raw", [b"a: " + b"[" * 100_000, b"".join(b" " * i + b"- \n" for i in range(2000)),
                                 b"".join(b"  " * i + b"k:\n" for i in range(2000))])
def test_deep_nesting_is_refused_fast(raw):
    found = refused_problems(raw)
    assert len(found) == 1 and found[0].endswith(": nested more than 40 levels deep, the limit for one file; flatten the structure")
    # Refused by the line where the 41st level opens, before the end of the input.
    line, column = refused_at(found[0])
    last_line = raw.count(b"\n") + 1
    assert line <= 41 and (line < last_line or column < len(raw)), (line, column)


def test_an_oversized_file_is_refused_before_it_is_parsed():
    found = refused_problems(b"a: [" + b"1, " * (2 * 1024 * 1024) + b"]\n")
    assert found == [
        "f.yaml:1:1: file is 6.0 MB, over the 5.0 MB limit; split it into several files (e.g. one per day) or raise --max-file-mb"
    ]


def test_a_file_at_the_limits_still_loads(tmp_path):
    quotes = "quotes:\n" + "".join(
        f"  - id: q-{i}\n    text: {'x' * 9000}\n    speaker: s\n    medium: other\n    source: wire-1\n" for i in range(500)
    )
    assert len(quotes) < Limits().max_file_bytes
    store = ContentStore(write_store(tmp_path, quotes_yaml=quotes, issues_yaml="issues: []\n"))
    assert store.load().problems == ()
    assert len(store.snapshot.quotes) == 500
    assert {len(q.text) for q in store.snapshot.quotes} == {9000}


# -- encodings ----------------------------------------------------------------------------------------------

ODD_TEXTS = [
    "zero\u200bwidth\u200dand\ufeffbom",
    "\u202eright-to-left override\u202c and \u2067isolate\u2069",
    "עברית ועוד ثم العربية",
    "emoji 😀👩‍👩‍👧 🇺🇦 and CJK 中文字 日本語",
    "tab\there and\tthere",
    "y" * 9_999,
]


@pytest.mark.parametrize("text", ODD_TEXTS)
@pytest.mark.parametrize("bom, newline", [(b"", b"\n"), (b"\xef\xbb\xbf", b"\r\n")])
def test_unusual_text_loads_unchanged(tmp_path, text, bom, newline):
    quotes = QUOTES.replace('text: "We will not move: not one metre."', f'text: "{text}"')
    quotes = quotes.replace("context: ", "")  # keep the file otherwise as it is
    raw = bom + quotes.encode().replace(b"\n", newline)
    store = ContentStore(write_store(tmp_path, quotes_yaml=raw))
    assert store.load().problems == ()
    assert store.snapshot.quote_by_id["q-north"].text == text
    assert counts(store) == COUNTS


@pytest.mark.parametrize(
    "raw, expected",
    [
        (QUOTES.replace("    medium: anonymous", "\tmedium: anonymous").encode(),
         "quotes.yaml:16:1: line 16 is indented with a tab; YAML indents with spaces only: replace the tab with "
         "spaces (parser: while scanning a plain scalar, found a tab character that violates indentation (a tab: "
         "indent with spaces))"),
        (QUOTES.replace("an official", "an offici\u00e9l").encode("latin-1"),
         "quotes.yaml:14:23: byte 0xe9 is not UTF-8; save the file as UTF-8"),
        (QUOTES.encode("utf-16"), "quotes.yaml:1:1: byte 0xff is not UTF-8; save the file as UTF-8"),
        (QUOTES.replace("Talks go on.", "Talks\x00go on.").encode(),
         "quotes.yaml:13:16: character U+0000 is not allowed in YAML; remove it"),
        (QUOTES.replace("Talks go on.", "中文 Talks\x1b[2J").encode(),
         "quotes.yaml:13:19: character U+001B is not allowed in YAML; remove it"),
    ],
)
def test_undecodable_or_forbidden_bytes_are_located(tmp_path, raw, expected):
    result = ContentStore(write_store(tmp_path, quotes_yaml=raw)).load()
    assert expected in [str(p) for p in result.problems]


def test_a_very_long_line_is_reported_not_choked_on(tmp_path):
    raw = QUOTES.replace("speaker: an official", "speaker: " + "z" * 2_000_000).encode()
    result = ContentStore(write_store(tmp_path, quotes_yaml=raw)).load()
    assert "quotes.yaml:14:14: 'speaker' is longer than 500 characters" in [str(p) for p in result.problems]
    # Reported without the 2 MB value: the message and the rest of the store stay readable.
    assert all(len(str(p)) < 1_000 for p in result.problems), [len(str(p)) for p in result.problems]


# -- unsafe tags ----------------------------------------------------------------------------------------------


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "PWNED"
    quotes = QUOTES.replace("text: Talks go on.", f"text: !!python/object/apply:os.system ['touch {marker}']")
    result = ContentStore(write_store(tmp_path / "content", quotes_yaml=quotes)).load()
    assert (
        "quotes.yaml:13:11: tag '!!python/object/apply:os.system' is not allowed: content is plain text, lists and "
        "mappings, never program objects or other types; remove the tag"
    ) in [str(p) for p in result.problems]
    assert not marker.exists()
