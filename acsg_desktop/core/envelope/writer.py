"""Writing a signed envelope: the listed entries, their SHA256SUMS, its signature, the signer."""

from __future__ import annotations

import io
import zipfile

from acsg_desktop.core.envelope.format import SIGNATURE, SIGNER, SUMS, sums_text
from acsg_desktop.core.signing.cms import sign_detached
from acsg_desktop.core.signing.keys import Identity, certificate_pem


def envelope_bytes(listed: dict[str, bytes], identity: Identity) -> bytes:
    """A ZIP of ``listed`` plus signer.pem, SHA256SUMS over both, and its CMS signature."""
    covered = {**listed, SIGNER: certificate_pem(identity.certificate)}
    sums = sums_text(covered)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**covered, SUMS: sums, SIGNATURE: sign_detached(sums, identity)}.items():
            archive.writestr(name, data)
    return buffer.getvalue()
