"""YAML text read and written: the safe reader that notes where every value stands, the syntax
mistakes in an editor's words, and the byte-exact splicer that changes one value and nothing else.

Imports `disk` (the limits) and `text`; knows nothing of the content model.
"""
