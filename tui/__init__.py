"""peacewatch: a live terminal dashboard that follows a negotiation."""

__version__ = "0.1.0"
