"""The file system, handled so that nothing is lost: atomic writes, reads that never leave the
folder or trust a save in progress, the folder's edit lock, the watcher, which files are content,
where derived state and the user's settings live, and the limits a file is read within.

Imports nothing of peacewatch.
"""
