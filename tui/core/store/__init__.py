"""A content folder loaded: each file parsed (or taken from the parse cache) and validated,
the files merged into one snapshot, and what refers to what checked across them.

Imports `yaml`, `model`, `disk` and `text`.
"""
