"""Bilingual practice guides: loading, alignment, rendering, full-text search."""
