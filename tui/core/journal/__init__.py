"""The journal of changes: every change the store went through, kept across restarts in
TinyDB, what each reader has not yet seen, and how a party's stance moved.

Imports `store` and what is below it; called only by the desk.
"""
