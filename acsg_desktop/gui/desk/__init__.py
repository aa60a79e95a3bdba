"""The Secretariat's desk window: received packages, the dashboard and the certificates."""
