"""One signed envelope for every file that travels: packages, guide bundles and later offers,
receipts and contributions. A ZIP of entries, ``SHA256SUMS`` over them, a detached CMS signature
over ``SHA256SUMS`` and the signer's certificate. Never extracted: read in memory under caps."""
