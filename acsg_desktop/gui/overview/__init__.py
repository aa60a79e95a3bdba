"""The overview area: where the work stands, and what to do next."""
