"""Screens for the offers of support: the catalogue, one offer in full, the unmet needs."""
