"""The CA file of an office-server address: ``sslmode=verify-full&sslrootcert=PATH``.

With a CA file, the connection is encrypted and the server must prove it is the one named in
the address with a certificate signed by that CA, so no one on the network can pose as it.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

CA_KEYS = ("sslmode", "sslrootcert")


def with_ca_file(address: str, ca_file: str) -> str:
    """``address`` checking the server against ``ca_file`` (an empty ``ca_file``: unchanged)."""
    if not ca_file:
        return address
    parts = urlsplit(address)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key not in CA_KEYS]
    query += [("sslmode", "verify-full"), ("sslrootcert", ca_file)]
    return urlunsplit(parts._replace(query=urlencode(query, safe="/", quote_via=quote)))


def split_ca_file(address: str) -> tuple[str, str]:
    """``address`` without its CA settings, and the CA file ("" when it names none)."""
    parts = urlsplit(address)
    pairs = parse_qsl(parts.query)
    settings = dict(pairs)
    ca_file = settings.get("sslrootcert", "")
    if not ca_file or settings.get("sslmode") != "verify-full":
        return address, ""
    rest = [(key, value) for key, value in pairs if key not in CA_KEYS]
    return urlunsplit(parts._replace(query=urlencode(rest, safe="/", quote_via=quote))), ca_file
