"""Field values as an edit writes them, and as the reader reads them back (to tell what an edit changes)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from tui.core.yaml.emit import Fields, Plain

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def as_data(fields: Fields) -> dict:
    """The fields as the reader reads them back: text, lists of text, lists of mappings."""
    def value(v: Any) -> Any:
        if isinstance(v, list):
            return [as_data(x) if isinstance(x, list) else str(x) for x in v]
        return str(v)
    return {key: value(v) for key, v in fields}


def fields(*pairs: tuple[str, Any], required: tuple[str, ...] = ()) -> Fields:
    """Fields in order, leaving out the empty ones unless they are required (then written empty)."""
    out: Fields = []
    for key, value in pairs:
        # Spaces around a value are never part of it (a quote's words are between its marks):
        # dropped, and the edit says so (`trimmed`).
        if isinstance(value, (list, tuple)):
            value = [str(v).strip() for v in value if str(v).strip()]
        elif value is not None and not isinstance(value, Plain):
            value = str(value).strip()
        if value or key in required:
            out.append((key, value if value is not None else ""))
    return out


def date_text(value: dt.date | str | None) -> str:
    """A date as the file writes it; text is kept as given, so that a bad one is reported, not guessed at."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return (value or "").strip()


def date_value(text: str) -> str | None:
    """Written plain if it looks like a date (the model says if it is a real one), else as text."""
    return (Plain(text) if _ISO.match(text) else text) if text else None


def real_date(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text).isoformat() if _ISO.match(text) else None
    except ValueError:
        return None


def read_back(value: Any) -> Any:
    """A value as the reader reads it back, to tell whether an edit changes it."""
    if value is None:
        return None
    if isinstance(value, list):
        return [as_data(v) if isinstance(v, list) else str(v) for v in value]
    return str(value)


def trimmed(values: dict[str, Any]) -> list[str]:
    """The names of the values given with spaces (or line breaks) at their start or end."""
    def padded(v: Any) -> bool:
        if isinstance(v, str):
            return v != v.strip()
        if isinstance(v, (list, tuple)):
            return any(padded(x) for x in v)
        return False
    return [key for key, v in values.items() if padded(v)]


CAPTURE_KEYS = ("file", "captured", "sha256", "url", "note")
"""An archived copy's keys on its source, in the order the editors' guide writes them."""


def capture_fields(capture: Mapping[str, object]) -> Fields:
    """A capture (as `Archived.capture()` gives it: file, captured, sha256, url, note) as fields to write."""
    unknown = set(capture) - set(CAPTURE_KEYS)
    if unknown:
        raise ValueError(f"a capture has no field {', '.join(sorted(unknown))}")
    captured = capture.get("captured")
    day = date_text(captured if isinstance(captured, (dt.date, str)) else None)
    return fields(
        ("file", capture.get("file")), ("captured", date_value(day)), ("sha256", capture.get("sha256")),
        ("url", capture.get("url")), ("note", capture.get("note")), required=("file", "captured", "sha256"),
    )
