"""The Textual dashboard: the app, its screens and panes. Everything here reads the core's snapshots."""
