"""The content folder's git repository: follow its upstream, commit an edit, say who changed a line.

Runs the `git` program (never a shell string); imports nothing of peacewatch.
"""
