"""The audit trail: the hash chain and how entries read in words."""
