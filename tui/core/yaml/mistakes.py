"""The parser's syntax errors as an editor would put them: the line to fix, and what to do.

libyaml reports where it gave up, in its own terms ("while scanning a simple key: could not
find expected ':'"), often a line or twenty after the mistake. Each common hand-editing
mistake has a recognisable shape; this module recognises it from the error and the text
around it, names the line the editor must change, and says how. The parser's words follow
in brackets, for whoever wants them.
"""

from __future__ import annotations

from typing import Any

from tui.core.text.safe_text import shown
from tui.core.yaml.lines import LineCol, TextLines

Explained = tuple[LineCol, str]


def explain(exc: Any, lines: TextLines) -> Explained | None:
    """The position and plain message for a common mistake; None when the shape is not known."""
    problem, context = exc.problem or "", exc.context or ""
    pm, cm = exc.problem_mark, exc.context_mark
    text_lines = lines.text.splitlines()

    def line_of(mark: Any) -> int:
        return lines.at_error(mark)[0]

    def source(line: int) -> str:
        return text_lines[line - 1] if 0 < line <= len(text_lines) else ""

    if pm is not None and "tab" in problem or (pm is not None and _char_at(lines, pm) == "\t"):
        line = line_of(pm)
        return (line, 1), f"line {line} is indented with a tab; YAML indents with spaces only: replace the tab with spaces"
    if "could not find expected ':'" in problem and cm is not None:
        line, column = lines.at_error(cm)
        return (line, column), _missing_colon(source(line), line)
    if "quoted scalar" in context and "end of stream" in problem and cm is not None:
        line, column = lines.at_error(cm)
        quote = _char_at(lines, cm) or '"'
        return (line, column), (
            f"the {quote} that opens the text on line {line} is never closed, so YAML reads on to the end of the file: "
            f"add the closing {quote} where the text ends"
        )
    if "cannot start any token" in problem and pm is not None:
        line, column = lines.at_error(pm)
        char = _char_at(lines, pm) or "?"
        return (line, column), (
            f"{shown(char)} cannot start a value in YAML: put the whole text in double quotes (\"…\")"
        )
    if pm is None:
        return None
    line, column = lines.at_error(pm)
    here = source(line)
    stripped = here.lstrip(" ")
    indent = len(here) - len(stripped)
    opened = _unclosed_quote_above(text_lines, line)
    if opened is not None and ("did not find expected" in problem or "mapping values" in problem):
        number, col, quote = opened
        return (number, col), (
            f"the {quote} that opens the text on line {number} is never closed, so YAML reads on into the lines "
            f"below: add the closing {quote} where the text ends"
        )
    if "mapping values are not allowed" in problem or "did not find expected key" in problem:
        previous = _previous_line(text_lines, line)
        if previous is not None and _lacks_colon(text_lines[previous - 1], here):
            previous_text = text_lines[previous - 1]
            return (previous, len(previous_text) - len(previous_text.lstrip(" ")) + 1), _missing_colon(previous_text, previous)
    if "mapping values are not allowed" in problem:
        before = here[: column - 1]
        if ": " in before or before.rstrip().endswith(":"):
            key = before.split(":", 1)[0].strip().lstrip("- ")
            fix = f"{key}: \"{before.split(':', 1)[1].strip()}{here[column - 1:].rstrip()}\""
            return (line, column), (
                f"': ' inside unquoted text on line {line}: YAML reads it as the start of another field; "
                f"put the whole text in double quotes: {shown(fix)}"
            )
        above = _previous_key_line(text_lines, line)
        if above is not None and indent > above[1]:
            return (line, indent + 1), _realign(line, stripped, text_lines[above[0] - 1].strip(), "more")
    if "expected '-' indicator" in problem or "did not find expected key" in problem:
        if stripped.startswith("-") and not stripped.startswith("- ") and len(stripped) > 1:
            return (line, indent + 1), f"line {line}: a list item needs a space after its '-': write '- {stripped[1:]}'"
        if stripped.startswith("- "):
            dash = _sibling_dash(text_lines, line, stripped)
            where = f" (column {dash + 1}, as in the item above it)" if dash is not None else ""
            return (line, indent + 1), (
                f"line {line}: this list item ('- ') is at the wrong depth; line its '-' up with the other items' '-'{where}"
            )
        if stripped and not (stripped[0].isalnum() or stripped[0] in "_\"'-#"):
            return (line, indent + 1), (
                f"line {line} starts with a stray {shown(stripped[0])}: delete it (a field is 'name: value', "
                "a list item starts with '- ')"
            )
        after_quote = here[: column - 1].rstrip()
        if after_quote.endswith(('"', "'")) and ": " in after_quote:
            return (line, column), (
                f"text after the closing quote on line {line}: YAML ends the value at the quote; put the whole text "
                "in double quotes, writing any quote mark inside it as ” or \\\""
            )
        above = _previous_key_line(text_lines, line)
        if above is not None and ":" in stripped and indent != above[1]:
            how = "less" if indent < above[1] else "more"
            return (line, indent + 1), _realign(line, stripped, text_lines[above[0] - 1].strip(), how)
        if stripped:
            return (line, indent + 1), (
                f"line {line}: {shown(stripped[:20])} is not a field ('name: value') or a list item ('- '); "
                "delete it, or put it in the field it belongs to"
            )
    return None


def _previous_line(text_lines: list[str], line: int) -> int | None:
    """The nearest line above that holds something other than a comment."""
    for number in range(line - 1, 0, -1):
        body = text_lines[number - 1].strip()
        if body and not body.startswith("#"):
            return number
    return None


def _lacks_colon(text: str, below: str) -> bool:
    """A field, or the first field of a list item, written without its colon ("- id x",
    "speaker Sergey Lavrov"). A list item of plain text ("- told Axios") is one only if the
    line below is a field lined up under it (so the item is a mapping)."""
    if text.lstrip(" ").startswith("- "):
        dash = len(text) - len(text.lstrip(" "))
        below_body = below.lstrip(" ")
        if below_body.startswith("- ") or ": " not in below_body or len(below) - len(below_body) != dash + 2:
            return False
    body = text.strip().removeprefix("- ").strip()
    if not body or body[0] in "\"'>|[{#" or ": " in body or body.endswith(":"):
        return False
    name = body.split(" ", 1)[0].rstrip(";.,=")
    return " " in body and name.replace("_", "").replace("-", "").isalnum() and name[:1].islower()


def _unclosed_quote_above(text_lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A line above `line` whose value opens a quote it never closes (an odd count of that quote),
    with no line between closing it. Comments are not values: a quote in one opens nothing."""
    closing: set[str] = set()
    for number in range(line - 1, 0, -1):
        text = text_lines[number - 1]
        if text.lstrip().startswith("#"):
            continue
        _, colon, value = text.partition(": ")
        value = value.strip()
        if colon and value[:1] in ('"', "'"):
            quote = value[0]
            if text.count(quote) % 2 == 1 and (quote == '"' or "''" not in value) and quote not in closing:
                return number, text.index(quote) + 1, quote
        closing.update(q for q in ('"', "'") if text.count(q) % 2 == 1)
    return None


def _char_at(lines: TextLines, mark: Any) -> str:
    index = getattr(mark, "index", None)
    return lines.text[index] if isinstance(index, int) and 0 <= index < len(lines.text) else ""


def _missing_colon(text: str, line: int) -> str:
    body = text.strip().lstrip("- ").strip()
    name, _, rest = body.partition(" ")
    name = name.rstrip(";.,=")  # a colon mistyped as ';' or '.'
    if not rest.strip():
        return f"line {line} holds {shown(body)} with no ':': if it is a field, write {shown(name + ': …')}; if it is not, delete it"
    return f"line {line} has no ':' after its field name: write {shown(f'{name}: {rest.strip()}')}"


def _realign(line: int, stripped: str, above: str, how: str) -> str:
    field = stripped.split(":", 1)[0]
    other = above.lstrip("- ").split(":", 1)[0]
    return f"line {line} is indented {how} than the field above it: line {shown(field + ':')} up with {shown(other + ':')}"


def _previous_key_line(text_lines: list[str], line: int) -> tuple[int, int] | None:
    """The nearest line above holding a field, with the column its name starts at (0-based)."""
    for number in range(line - 1, 0, -1):
        text = text_lines[number - 1]
        body = text.strip()
        if not body or body.startswith("#") or ":" not in body:
            continue
        start = len(text) - len(text.lstrip(" "))
        if body.startswith("- "):
            start += 2 + len(body[2:]) - len(body[2:].lstrip(" "))
        return number, start
    return None


def _sibling_dash(text_lines: list[str], line: int, stripped: str) -> int | None:
    """The column of the '-' of the item above that starts the same way ('- id:'), else of the nearest item."""
    head = stripped.split(":", 1)[0] + ":" if ":" in stripped else None
    nearest = None
    for number in range(line - 1, 0, -1):
        text = text_lines[number - 1]
        body = text.lstrip(" ")
        if body.startswith("- "):
            column = len(text) - len(body)
            if head is not None and body.startswith(head):
                return column
            nearest = column if nearest is None else nearest
    return nearest
