"""Everything the app knows and does, without Qt."""
