"""People, their roles, and the authority profile."""
