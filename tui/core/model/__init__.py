"""The content model: each kind of item and its fields (pydantic), the vocabularies, the
immutable snapshot of a store, an item's address, and what changed between two snapshots.

Read-only: the UI may import it. Imports `text` only.
"""
