"""The overview: where the work stands and the one thing to do next."""
