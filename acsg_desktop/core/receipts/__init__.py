"""Receipts: the Secretariat's signed answers to packages, written at the desk and imported by
the authority that sent the package."""
