"""The JSON Schema of a content file, from the content model, for editors' YAML language servers."""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from tui.core.model import items, vocab

SCHEMA_ID = "urn:peacewatch:content-file"
SCHEMA_FILE = "content.schema.json"
MODELINE = "# yaml-language-server: $schema={}"
"""The first line of a content file, pointing its editor at the schema (a path relative to the file)."""


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, plus what the loader accepts before validation: a single text
    where a list is expected (`issues: territory`)."""

    def function_before_schema(self, schema: Any) -> Any:
        inner = super().function_before_schema(schema)
        if schema["function"]["function"] is items._as_list and inner.get("type") == "array":
            return {"anyOf": [inner, inner["items"]]}
        return inner


def content_schema() -> dict[str, Any]:
    """The schema of one content file, draft 2020-12, every word of each vocabulary described."""
    schema = items.ContentFile.model_json_schema(schema_generator=_Generator)
    for name, definition in schema.get("$defs", {}).items():
        words = getattr(vocab, name, None)
        if isinstance(words, type) and issubclass(words, vocab.Described):
            # Not a JSON Schema keyword: editors (VS Code's YAML support) show it beside each word.
            definition["enumDescriptions"] = [w.description for w in words]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "peacewatch content file",
    }


def schema_text() -> str:
    """The schema as written to `schema/content.schema.json` and by `peacewatch schema`."""
    return json.dumps(content_schema(), indent=2, ensure_ascii=False) + "\n"


def modeline(relative_schema: str) -> str:
    return MODELINE.format(relative_schema)
