"""Screens for support requests: the list, the editor, the review."""
