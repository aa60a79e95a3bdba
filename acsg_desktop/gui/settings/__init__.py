"""Settings and the authority profile."""
