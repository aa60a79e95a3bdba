"""The Packages area: signing identity, export, outbox, verification."""
