"""What people read, derived from a snapshot: the brief, a quote's attribution line, the
timeline's layout, search folding, human durations. Pure functions; no files written.

Imports `journal` (a brief's "what changed"), `model` and `text`.
"""
