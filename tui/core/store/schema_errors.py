"""Turn pydantic's validation errors into problems an editor can act on, at file:line:col."""

from __future__ import annotations

import difflib
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from tui.core.text.problems import Problem
from tui.core.text.safe_text import shown
from tui.core.yaml.reader import YamlDocument

_KIND = {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}


def _kind_of(value: Any) -> str:
    return _KIND.get(type(value), type(value).__name__)


def _unwrap(annotation: Any) -> Any:
    """The model, enum or plain type inside list[...], X | None and Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _type_at(root: type[BaseModel], loc: tuple) -> Any:
    """The type reached by walking the field names of `loc` from `root`; None if it leaves the models."""
    annotation: Any = root
    for segment in loc:
        if isinstance(segment, int):
            continue
        if not _is_model(annotation) or segment not in annotation.model_fields:
            return None
        annotation = _unwrap(annotation.model_fields[segment].annotation)
    return annotation


def _clean_loc(loc: tuple, data: Any) -> tuple:
    """Pydantic's error location as a path through the file's data.

    Segments that lead through the data are kept; any other is a label pydantic adds
    for a validator or union member ('function-before[...]', 'str'), except the last,
    which names a field the file lacks. A key that happens to read like a label
    ('list', 'a[1]') is still a key, so it is kept.
    """
    path: list = []
    node = data
    for index, segment in enumerate(loc):
        if isinstance(node, dict) and isinstance(segment, str) and segment in node:
            node = node[segment]
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            node = node[segment]
        elif index == len(loc) - 1 and not (isinstance(segment, str) and "[" in segment):
            node = None
        else:
            continue
        path.append(segment)
    return tuple(path)


def _describe(error: ErrorDetails, loc: tuple, root: type[BaseModel]) -> str:
    kind = error["type"]
    field = next((s for s in reversed(loc) if isinstance(s, str)), "")
    value = error.get("input")
    # what the message is about: a field, or each entry of a list field
    subject = f"each entry of '{field}'" if loc and isinstance(loc[-1], int) else f"'{field or 'file'}'"
    if kind == "missing":
        return f"missing required field '{field}'"
    if kind == "extra_forbidden":
        parent = _type_at(root, loc[:-1])
        fields = list(parent.model_fields) if _is_model(parent) else []
        hint = difflib.get_close_matches(field, fields, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; expected one of: {', '.join(fields)}"
        return f"unknown field {shown(field)}{suggestion}"
    annotation = _type_at(root, loc)
    if kind == "enum" and isinstance(annotation, type) and issubclass(annotation, Enum):
        words = [m.value for m in annotation]
        hint = difflib.get_close_matches(value, words, n=1) if isinstance(value, str) else []
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        return f"{shown(value)} is not a valid {field}{suggestion}; expected one of: {', '.join(words)}"
    if kind == "string_pattern_mismatch":
        return f"{shown(value)} is not a valid id for '{field}': use lower-case letters, digits and dashes"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{subject} should be a mapping of 'key: value' lines, found {_kind_of(value)}"
    if kind == "list_type":
        return f"'{field}' should be a list of '- ' lines, found {_kind_of(value)}"
    if kind == "string_type":
        return f"{subject} should be text, found {_kind_of(value)}"
    if kind == "string_too_long":
        return f"{subject} is longer than {error['ctx']['max_length']:,} characters"
    if kind == "string_too_short":
        return f"{subject} must not be empty"
    if kind == "value_error":
        return f"'{field}': {error['msg'].removeprefix('Value error, ')}"
    return f"'{field}': {error['msg']}"


def problems_from(exc: ValidationError, doc: YamlDocument, path: str, root: type[BaseModel]) -> list[Problem]:
    """Locate each of pydantic's errors in the file and word it for an editor."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"], doc.data)
        line, column = doc.position(loc, prefer_key=error["type"] == "extra_forbidden")
        problems.append(Problem(path, line, column, _describe(error, loc, root)))
    return sorted(set(problems))
