"""Text from the store made safe to show, and a problem located at file, line and column.

The floor every other package stands on: imports nothing of peacewatch.
"""
