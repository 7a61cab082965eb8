"""The committed JSON Schema is what `peacewatch schema` prints, and every shipped file meets it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.helpers.minimal_store import FILES
from tests.helpers.paths import REPO
from tui.core.model.schema import SCHEMA_ID
from tui.core.model.vocab import Medium, Stage
from tui.core.yaml.reader import read_yaml

COMMITTED = REPO / "schema/content.schema.json"
SHIPPED = sorted((REPO / "content").rglob("*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def data_of(raw: bytes) -> object:
    doc, problems = read_yaml(raw, "f.yaml")
    assert doc is not None, problems
    return doc.data


def test_the_schema_names_itself_and_describes_each_word():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert (schema["$id"], schema["title"]) == (SCHEMA_ID, "peacewatch content file")
    assert schema["$defs"]["Stage"]["enum"] == [w.value for w in Stage]
    assert schema["$defs"]["Medium"]["enumDescriptions"] == [w.description for w in Medium]
    assert schema["$defs"]["Quote"]["properties"]["reported_by"]["description"].startswith("How the words reached")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_shipped_file_meets_the_schema_and_names_it_on_its_first_line(path: Path, validator):
    assert list(validator.iter_errors(data_of(path.read_bytes()))) == []
    depth = len(path.relative_to(REPO / "content").parts)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={'../' * depth}schema/content.schema.json"
    assert (path.parent / first.split("=", 1)[1]).resolve() == COMMITTED


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_short_forms_the_loader_accepts_meet_it_too(name: str, validator):
    """`issues: territory` for a one-item list, flow lists: the test store writes them."""
    assert list(validator.iter_errors(data_of(FILES[name].encode()))) == []


@pytest.mark.parametrize(("text", "where"), [
    ("quotes:\n  - id: q\n    text: t\n    speaker: s\n    medium: intervew\n    source: x\n", "medium"),
    ("quotes:\n  - id: q\n    text: t\n    speker: s\n    medium: other\n    source: x\n", "speker"),
    ("events:\n  - id: Bad Id\n    title: t\n    source: x\n", "id"),
    ("status:\n  stage: proposed\n", "headline"),
    ("sources:\n  - id: s\n    outlet: o\n    date: 25/11/2025\n", "date"),
])
def test_what_the_loader_refuses_the_schema_refuses(text: str, where: str, validator):
    errors = list(validator.iter_errors(data_of(text.encode())))
    found = []
    while errors:  # an error under `anyOf` (a section that may be null) holds the real ones in its context
        error = errors.pop()
        found.append(f"{error.message} {list(error.absolute_path)}")
        errors += error.context or []
    assert where in " ".join(found), found


@pytest.mark.parametrize("aliases", ["aliases: Zelenskyy", "aliases: [Zelenskyy, Зеленський]"])
def test_a_persons_aliases_are_a_list_or_one_name_for_the_model_and_the_schema(aliases: str, validator):
    from tui.core.model.items import ContentFile

    text = f"parties:\n  - id: ukraine\n    name: Ukraine\n    role: belligerent\n    people:\n      - id: zelensky\n        name: Zelensky\n        {aliases}\n"
    data = data_of(text.encode())
    assert list(validator.iter_errors(data)) == []
    person = ContentFile.model_validate(data).parties[0].people[0]
    assert person.aliases[0] == "Zelenskyy" and len(person.aliases) == aliases.count(",") + 1
