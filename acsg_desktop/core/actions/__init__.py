"""The action plan: what the authority itself will do about the gaps of an assessment."""
