"""Signed submission packages: identities, the report PDF, package.json, building, verifying."""
