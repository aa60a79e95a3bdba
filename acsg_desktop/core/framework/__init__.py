"""The capacity framework: areas and indicators, loaded from versioned, validated data."""
