"""Edits of a content folder: the requests a form or a command makes, and the engine that
splices each into the files byte-exactly, checks it, and writes it atomically; reverts too.

Imports `store` and what is below it; called only by the desk.
"""
