"""The archive and verify: imported articles kept byte for byte under their SHA-256 in the content
folder (`archive`), their text read from a file or a saved web page (`article`), and every quote
checked word for word against its source's archived copy (`match`, `check`), or a newer capture
of the same address (`recapture`).

Imports `disk`, `model` and `text`; trafilatura (web pages) and rapidfuzz (the closest passage)
only when first needed. Called only by the desk.
"""
