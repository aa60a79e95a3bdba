"""Signed, versioned updates from the Secretariat (guide sets, offers catalogues): one reader."""
