"""Turn pydantic's validation errors into problems an editor can act on, at file:line:col."""

from __future__ import annotations

import difflib
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from tui.core.problems import Problem
from tui.core.yaml_reader import YamlDocument

_KIND = {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}


def _kind_of(value: Any) -> str:
    return _KIND.get(type(value), type(value).__name__)


def _unwrap(annotation: Any) -> Any:
    """The model or enum inside list[...], X | None and Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def _model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model reached by walking `loc` from `root`, if it leads to one."""
    model: Any = root
    for segment in loc:
        if isinstance(segment, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or segment not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[segment].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _field_info(root: type[BaseModel], loc: tuple) -> tuple[type[BaseModel] | None, Any]:
    """Walk `loc` through the models; returns (model owning the last field, the field's type)."""
    model: Any = root
    owner: type[BaseModel] | None = None
    annotation: Any = None
    for segment in loc:
        if isinstance(segment, int):
            continue
        if isinstance(model, type) and issubclass(model, BaseModel) and segment in model.model_fields:
            owner = model
            annotation = _unwrap(model.model_fields[segment].annotation)
            model = annotation
        else:
            break
    return owner, annotation


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's validator labels ('function-before[...]') from an error location."""
    return tuple(s for s in loc if isinstance(s, int) or ("[" not in s and s not in ("list", "str")))


def _describe(error: dict, loc: tuple, root: type[BaseModel]) -> str:
    kind = error["type"]
    field = next((s for s in reversed(loc) if isinstance(s, str)), "")
    value = error.get("input")
    owner, annotation = _field_info(root, loc)
    if kind == "missing":
        return f"missing required field '{field}'"
    if kind == "extra_forbidden":
        parent = _model_at(root, loc[:-1])
        fields = list(parent.model_fields) if parent else []
        hint = difflib.get_close_matches(field, fields, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; expected one of: {', '.join(fields)}"
        return f"unknown field '{field}'{suggestion}"
    if kind == "enum" and isinstance(annotation, type) and issubclass(annotation, Enum):
        words = ", ".join(m.value for m in annotation)
        hint = difflib.get_close_matches(str(value), [m.value for m in annotation], n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        return f"'{value}' is not a valid {field}{suggestion}; expected one of: {words}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a valid id for '{field}': use lower-case letters, digits and dashes"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{field or 'file'}' should be a mapping of 'key: value' lines, found {_kind_of(value)}"
    if kind == "list_type":
        return f"'{field}' should be a list of '- ' lines, found {_kind_of(value)}"
    if kind == "string_type":
        return f"'{field}' should be text, found {_kind_of(value)}"
    if kind == "string_too_long":
        return f"'{field}' is longer than {error['ctx']['max_length']:,} characters"
    if kind == "string_too_short":
        return f"'{field}' must not be empty"
    if kind == "value_error":
        return f"'{field}': {error['msg'].removeprefix('Value error, ')}"
    return f"'{field}': {error['msg']}"


def problems_from(exc: ValidationError, doc: YamlDocument, path: str, root: type[BaseModel]) -> list[Problem]:
    """Locate each of pydantic's errors in the file and word it for an editor."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"])
        line, column = doc.position(loc, prefer_key=error["type"] == "extra_forbidden")
        problems.append(Problem(path, line, column, _describe(error, loc, root)))
    return sorted(set(problems))
