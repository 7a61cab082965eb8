"""The dashboard's screens: the main one and the overlays pushed over it."""
