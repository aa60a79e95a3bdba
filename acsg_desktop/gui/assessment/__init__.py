"""Screens for self-assessments: the list, the wizard and the results."""
