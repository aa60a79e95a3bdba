"""Keys, certificates and detached CMS signatures (ECDSA P-256), without Qt."""
