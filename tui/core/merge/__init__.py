"""The item-level merge of a content file for git: base, ours and theirs to merged bytes, or the
conflicts written around the items two people changed two ways, in plain words.

Pure (bytes in, bytes out; no git, no disk). Imports `store` (the file parser that checks the
result) and what is below it; called by the desk, whose merge driver git runs.
"""
