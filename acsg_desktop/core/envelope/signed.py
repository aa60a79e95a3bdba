"""The signature half of the envelope: who signed ``SHA256SUMS``, and whether every entry is
listed in it with its hash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from cryptography import x509

from acsg_desktop.core.envelope.format import (
    SIGNATURE,
    SIGNER,
    SUMS,
    UNLISTED,
    Caps,
    parse_sums,
)
from acsg_desktop.core.envelope.format import sha256_hex as _sha256
from acsg_desktop.core.envelope.reader import EnvelopeError, read_envelope
from acsg_desktop.core.i18n import _
from acsg_desktop.core.signing.cms import (
    SignatureError,
    load_certificates,
    require_own_certificate,
    verify_detached,
)

ENVELOPE = (SUMS, SIGNATURE, SIGNER)


def require_envelope(entries: dict[str, bytes]) -> list[x509.Certificate]:
    """The certificates in ``signer.pem``.

    Raises:
        EnvelopeError: when an envelope entry is missing or signer.pem holds no certificate.
    """
    for name in ENVELOPE:
        if name not in entries:
            raise EnvelopeError(
                "unsigned", _("The file is not signed (missing {name}).").format(name=name), name
            )
    certificates = load_certificates(entries[SIGNER])
    if not certificates:
        raise EnvelopeError("unsigned", _("signer.pem holds no certificate."), SIGNER)
    return certificates


def check_signature(
    entries: dict[str, bytes], trusted: list[x509.Certificate], at: datetime
) -> x509.Certificate:
    """The certificate that signed ``SHA256SUMS``, once it holds and is trusted at ``at``.

    Raises:
        EnvelopeError: when the envelope is incomplete.
        SignatureError: when the signature is broken or its signer not trusted.
    """
    enclosed = require_envelope(entries)
    signer = verify_detached(entries[SUMS], entries[SIGNATURE], trusted, at).signer
    if signer not in enclosed:
        raise SignatureError(
            "signer_pem", _("signer.pem is not the certificate that signed SHA256SUMS.")
        )
    return signer


def read_sums(entries: dict[str, bytes]) -> dict[str, str]:
    """The signed listing.

    Raises:
        EnvelopeError: when SHA256SUMS is malformed.
    """
    try:
        return parse_sums(entries[SUMS])
    except (ValueError, UnicodeDecodeError) as error:
        raise EnvelopeError("sums", _("SHA256SUMS is malformed."), SUMS) from error


def listing_problems(entries: dict[str, bytes], sums: dict[str, str]) -> list[EnvelopeError]:
    """Every entry not listed, listed but missing, or whose bytes differ from its hash."""
    problems = [
        EnvelopeError("unlisted", _("{name} is not listed in SHA256SUMS.").format(name=name), name)
        for name in entries
        if name not in sums and name not in UNLISTED
    ]
    for name, digest in sums.items():
        if name in UNLISTED:
            problems.append(
                EnvelopeError("listed", _("SHA256SUMS lists {name}.").format(name=name), name)
            )
        elif name not in entries:
            problems.append(
                EnvelopeError("missing", _("{name} is listed but missing.").format(name=name), name)
            )
        elif _sha256(entries[name]) != digest:
            problems.append(
                EnvelopeError(
                    "sha256", _("{name} was changed after signing.").format(name=name), name
                )
            )
    return problems


def read_signed(
    path: Path,
    caps: Caps,
    allowed_name: Callable[[str], bool],
    trusted: list[x509.Certificate],
    at: datetime,
    main_entry: str,
    own_certificate: bool = False,
) -> tuple[dict[str, bytes], dict[str, str], x509.Certificate]:
    """The entries of a signed file from a trusted signer, every one listed with its hash.
    With ``own_certificate``, the signer must be one of ``trusted`` itself, not a certificate
    one of them issued (a Secretariat file: see ``require_own_certificate``).

    Returns:
        (entries, the signed listing, the signer), once ``main_entry`` is among the signed ones.

    Raises:
        EnvelopeError: the structure, a cap, the listing or a hash is wrong.
        SignatureError: the signature is broken or its signer not trusted at ``at``.
    """
    entries = read_envelope(path, caps, allowed_name)
    signer = check_signature(entries, trusted, at)
    if own_certificate:
        require_own_certificate(signer, trusted)
    sums = read_sums(entries)
    problems = listing_problems(entries, sums)
    if problems:
        raise problems[0]
    if main_entry not in sums:
        raise EnvelopeError(
            "unsigned", _("The file has no signed {name}.").format(name=main_entry), main_entry
        )
    return entries, sums, signer
