"""Support requests: drafted from gaps, validated, reviewed and approved."""
