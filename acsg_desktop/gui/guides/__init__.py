"""The practice guide library."""
