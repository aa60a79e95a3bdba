"""Reading a guide bundle from the Secretariat: the signed update first, then its guides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509

from acsg_desktop.core.guides.bundle_format import GUIDES
from acsg_desktop.core.guides.loader import GuideError, guides_from_files
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.guides import Guide
from acsg_desktop.core.updates.read import SignedUpdate, UpdateError, read_update

BundleError = UpdateError  # the name guide screens and tests know


@dataclass(frozen=True)
class BundleContents:
    update: SignedUpdate
    guides: list[Guide]

    @property
    def version(self) -> int:
        return self.update.version

    @property
    def signer(self) -> x509.Certificate:
        return self.update.signer


def read_bundle(path: Path, trusted: list[x509.Certificate], at: datetime) -> BundleContents:
    """Everything in the bundle at ``path``, once every check has held."""
    update = read_update(path, GUIDES, trusted, at)
    try:
        guides = guides_from_files(
            {name: data.decode("utf-8") for name, data in update.files.items()}
        )
    except (GuideError, UnicodeDecodeError) as error:
        raise UpdateError(
            "guide", getattr(error, "message", _("A guide is not UTF-8 text."))
        ) from error
    return BundleContents(update, guides)
