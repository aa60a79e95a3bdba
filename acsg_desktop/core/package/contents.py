"""The bytes of a package, from a typed document: package.json, the signed PDF/A report, the
manifest and the signed envelope around them. Nothing here reads or writes the database."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from acsg_desktop import __version__
from acsg_desktop.core.audit.chain import ChainCheck
from acsg_desktop.core.envelope.writer import envelope_bytes
from acsg_desktop.core.i18n import _, language_as
from acsg_desktop.core.package import layout
from acsg_desktop.core.package.model import PackageDocument, to_json
from acsg_desktop.core.package.pdf_finish import make_pdfa3, sign_pdf
from acsg_desktop.core.package.report import build_report
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.signing.keys import Identity, fingerprint
from acsg_desktop.paths import resources_dir

VOLATILE = ("package_id", "created", "prepared_by")


def content_digest(document: PackageDocument) -> str:
    """What the package says, in its language, without when, by whom and under which id it was
    made. Statuses move on after an export (the assessment is locked, its requests exported):
    a request counts as approved, as it was when first exported, so digests kept from earlier
    exports still match."""
    data = to_json(document)
    stable = {key: value for key, value in data.items() if key not in VOLATILE}
    if stable.get("previous") is None:  # as in a package made before comparisons existed
        stable.pop("previous", None)
    if not stable.get("evidence_files"):  # as in a package made before evidence files existed
        stable.pop("evidence_files", None)
    stable["assessment"] = {k: v for k, v in data["assessment"].items() if k != "status"}
    stable["requests"] = [{**request, "status": "approved"} for request in data["requests"]]
    return hashlib.sha256(json.dumps(stable, sort_keys=True).encode()).hexdigest()


def manifest(
    document: PackageDocument,
    identity: Identity,
    sequence: int,
    previous_sha: str,
    audit: ChainCheck,
) -> dict[str, Any]:
    """manifest.json: the package's place in the authority's sequence, signer and audit head."""
    framework = document.assessment.framework
    return {
        "format": layout.MANIFEST_FORMAT,
        "package_id": document.package_id,
        "sequence": sequence,
        "previous_package_sha256": previous_sha,
        "created": document.created,
        "app_version": __version__,
        "framework": {"id": framework.id, "version": framework.version},
        "language": document.language,
        "signer": {
            "subject": identity.certificate.subject.rfc4514_string(),
            "fingerprint": fingerprint(identity.certificate),
        },
        "audit_log": {"entries": audit.entries, "head": audit.head},
        "approvals": [
            {
                "request": request.id,
                "approved_by": request.approved_by,
                "approved_at": request.approved_at,
                "waived": request.approval_waived,
            }
            for request in document.requests
        ],
    }


def package_bytes(
    document: PackageDocument,
    identity: Identity,
    sequence: int,
    previous_sha: str,
    audit: ChainCheck,
    offers: Mapping[str, Offer] | None = None,
    attachments: Mapping[str, bytes] | None = None,
) -> bytes:
    """The whole signed package (a ZIP), its report in the document's language; ``offers``
    (the installed catalogue, by id) names the offers of interest in the report;
    ``attachments`` are the included evidence files by entry name."""
    package_json = json.dumps(
        to_json(document), ensure_ascii=False, indent=2, sort_keys=True
    ).encode()
    with language_as(document.language):
        title = _("ACSG submission package")
        report = sign_pdf(make_pdfa3(build_report(document, offers), package_json, title), identity)
    listed = {
        layout.PACKAGE_JSON: package_json,
        layout.REPORT: report,
        layout.MANIFEST: json.dumps(
            manifest(document, identity, sequence, previous_sha, audit),
            ensure_ascii=False,
            indent=2,
        ).encode(),
        layout.VERIFY: (resources_dir() / "package" / "VERIFY.txt").read_bytes(),
        **(attachments or {}),
    }
    return envelope_bytes(listed, identity)
