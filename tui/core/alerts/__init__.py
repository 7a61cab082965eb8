"""Alerts sent out of the dashboard: the desktop's own notification where the system has one,
and any number of Apprise URLs (chat, mail, a webhook), each tried a few times, never on the
screen's thread. Imports nothing of peacewatch; Apprise is imported only when a URL is given.
"""
