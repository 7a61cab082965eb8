"""Human durations for a monitor: "3 days ago", "in 2d 04h", "passed 1 year ago"."""

from __future__ import annotations

import datetime as dt


def span(seconds: float) -> str:
    """A rough, readable length of time: the largest one or two units."""
    seconds = abs(int(seconds))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    if days >= 365:
        years = days // 365
        return f"{years} year{'s' if years != 1 else ''}"
    if days >= 2:
        return f"{days} days"
    if days == 1:
        return f"1 day {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes} min"
    return "moments"


def since(then: dt.date | dt.datetime, now: dt.datetime) -> str:
    """How long ago `then` was, e.g. "3 days ago"."""
    start = then if isinstance(then, dt.datetime) else dt.datetime.combine(then, dt.time())
    delta = (now - start).total_seconds()
    if delta < 0:
        return f"in {span(delta)}"
    if isinstance(then, dt.date) and not isinstance(then, dt.datetime) and start.date() == now.date():
        return "today"
    return f"{span(delta)} ago"


def countdown(due: dt.date, now: dt.datetime) -> str:
    """Time left until the start of the day `due`, or how long ago it passed."""
    start = dt.datetime.combine(due, dt.time())
    delta = (start - now).total_seconds()
    if due == now.date():
        return "today"
    if delta < 0:
        return f"passed {span(delta)} ago"
    days, rest = divmod(int(delta), 86_400)
    hours, rest = divmod(rest, 3_600)
    if days:
        return f"in {days}d {hours:02d}h"
    return f"in {hours}h {rest // 60:02d}m"


def day(date: dt.date | None) -> str:
    """A date as a newsroom writes it: 25 Nov 2025."""
    return date.strftime("%-d %b %Y") if date else "undated"
