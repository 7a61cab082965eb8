"""A load's quick read of a file gives what the reader's builder gives.

A load keeps only where each file's sections, items and ids stand, so it reads a file in a
tight loop that notes only those (`items_only`), and leaves to the builder, with every
position, any file where there may be a problem to say. Both give the same data, and the same
positions where the quick read notes them; and with or without spans the builder agrees with
itself (the spans builder is the edit's way).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.paths import REPO
from tui.core.yaml.reader import Limits, YamlDocument, read_yaml

SUITE = REPO / "tests" / "data" / "yaml-test-suite"

TEXTS = [
    # nulls, and what only looks like one
    "a: null\nb: ~\nc:\nd: !!null null\ne: ! null\nf: 'null'\ng: !!str ~\nh: Null\ni: NULL\n",
    "- !\n- ! x\n- !!str\n- ''\n-\n",
    "a:\n",
    "x\n",
    "",
    # tags: core ones pass, others are refused where they stand
    "a: !!str 12\nb: !!int 12\nc: !!map {d: e}\n",
    "a:\n  - ok\n  - !custom x\n",
    "a: !!python/object:os.system x\n",
    "!!set {a, b}\n",
    # keys set twice, and a list item at the wrong depth
    "a: 1\nb: 2\na: 3\n",
    "{a: 1, a: 2}\n",
    "quotes:\n  - id: a\n    text: x\n   - id: b\n    text: y\n",
    "quotes:\n  - id: a\n    id: b\n",
    # keys that are not text
    "? [a]\n: b\n",
    "{[a]: b}\n",
    "a:\n  ? {b: c}\n  : d\n",
    # a `#` that cuts a plain value short, and notes that do not
    "a: b #c\nd: e # f\n",
    "a: b\n  #1 here\nc: d\n  # note\n",
    "- x\n  #y\n- z\n",
    "a:\n  b: x\n  #y\n",
    "a: 'x' #y\nb: \"z\" # w\n",
    "a: x\r\n  #y\r\nb: c #d\r\n",
    "a: x\u2028  #y\nb: c #d\n",
    "# top\n# lines\na: b\n",
    "a: |\n  x\n  # y\nb: >-\n  z #w\n",
    # flow and block, quoted and plain, odd characters
    "[a, {b: c}, [d, e], 'f', \"g\"]\n",
    "a: [b, c #d\n  ]\n",
    "a: f*** you\nb: 2*3\n",
    "a: &anchored x\nb: y\n",
    "a: &x 1\nb: *x\n",
    "a: *x\n",
    "- *x\n",
    "- &a [1, 2]\n- *a\n",
    "a: \"x\"*b\n",
    "\ufeffa: b\n",
    "a: é\nb: “quoted”\n",
    "a: b\n\t\n",
    # nested deeper than a tight limit, with few values
    "[[a]]\n",
    "a:\n  b: c\n",
    # more than one document, and documents the parser refuses
    "--- a\n--- b\n",
    "a: 1\n---\nb: 2\n",
    "a: [b\n",
    "a: 'b\n",
    "a: 1\n b: 2\n",
    "a: 1\na: 2\nc: [\n",
]


def _same(one: tuple[YamlDocument | None, list], other_read: tuple[YamlDocument | None, list]) -> None:
    (doc, problems), (other, other_problems) = one, other_read
    assert [str(p) for p in problems] == [str(p) for p in other_problems]
    assert (doc is None) == (other is None)
    if doc is not None and other is not None:
        assert repr(doc.data) == repr(other.data)
        assert doc.value_at == other.value_at
        assert doc.key_at == other.key_at
        assert doc.cut_by_comment == other.cut_by_comment


def _either_way(raw: bytes, limits: Limits = Limits()) -> None:
    _same(read_yaml(raw, "f.yaml", limits), read_yaml(raw, "f.yaml", limits, spans=True))
    _items_only_agrees(raw, limits)


def _items_only_agrees(raw: bytes, limits: Limits) -> None:
    whole = read_yaml(raw, "f.yaml", limits)
    quick, problems = read_yaml(raw, "f.yaml", limits, items_only=True)
    if quick is None or not quick.items_only:
        _same((quick, problems), whole)
        return
    doc, whole_problems = whole
    assert doc is not None and whole_problems == [] and problems == [] and doc.cut_by_comment == []
    assert repr(quick.data) == repr(doc.data)

    def kept(path: tuple[str | int, ...]) -> bool:
        return len(path) <= 2 or (len(path) == 3 and path[2] == "id")

    assert quick.value_at == {path: at for path, at in doc.value_at.items() if kept(path)}
    assert quick.key_at == {path: at for path, at in doc.key_at.items() if kept(path)}


@pytest.mark.parametrize("text", TEXTS)
def test_a_document_reads_alike_every_way(text):
    _either_way(text.encode("utf-8"))


@pytest.mark.parametrize("text", TEXTS)
def test_the_limits_are_met_alike_every_way(text):
    _either_way(text.encode("utf-8"), Limits(max_values=4, max_depth=1))


def test_the_yaml_test_suite_reads_alike_every_way():
    for path in sorted(SUITE.glob("*/*")):
        if path.suffix in (".md", "") and path.name in ("README.md", "LICENSE"):
            continue
        _either_way(path.read_bytes())


def test_the_shipped_store_reads_alike_every_way():
    files = sorted((REPO / "content").rglob("*.yaml"))
    assert files
    for path in files:
        raw = path.read_bytes()
        _either_way(raw)
        doc, _ = read_yaml(raw, "f.yaml", items_only=True)
        assert doc is not None and doc.items_only, f"{path.name} reads without a problem, keeping its items' positions alone"


def test_a_problem_deep_in_an_item_is_read_whole_and_placed():
    raw = b"quotes:\n  - id: a\n    text: x\n    issues: [b, b]\n    text: y\n"
    doc, problems = read_yaml(raw, "f.yaml", items_only=True)
    assert doc is None
    assert [str(p) for p in problems] == ["f.yaml:5:5: duplicate key 'text': already set at line 3; keep one of them"]


def test_a_cut_text_deep_in_an_item_is_read_whole(tmp_path: Path):
    raw = b"quotes:\n  - id: a\n    text: words # more words\n"
    doc, problems = read_yaml(raw, "f.yaml", items_only=True)
    assert problems == [] and doc is not None
    assert not doc.items_only
    assert doc.cut_by_comment == [(("quotes", 0, "text"), (3, 17))]
    assert doc.value_at[("quotes", 0, "text")] == (3, 11)


@pytest.mark.parametrize(("text", "cut"), [
    ("a: b\n  #1 here\nc: d\n  # note\n", [(("a",), (2, 3))]),
    ("- x\n  #y\n- z #w\n", [((1,), (3, 5))]),
    ("quotes:\n  - id: a\n    text: one\n      #1 two\n", [(("quotes", 0, "text"), (4, 7))]),
    ("a: x\r\n  #y\r\nb: c #d\r\n", [(("a",), (2, 3)), (("b",), (3, 6))]),
])
def test_a_cut_on_the_line_below_is_found_every_way(text, cut):
    raw = text.encode("utf-8")
    for doc, _ in (read_yaml(raw, "f.yaml"), read_yaml(raw, "f.yaml", spans=True), read_yaml(raw, "f.yaml", items_only=True)):
        assert doc is not None and doc.cut_by_comment == cut
