"""Publishing from the desk: guide bundles and offers catalogues signed with the desk's key by
the existing builders, each kind with a version that only goes up."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from acsg_desktop.core.desk.trust import DeskTrust
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.guides.bundle_build import build_bundle
from acsg_desktop.core.guides.loader import shipped_version
from acsg_desktop.core.i18n import _
from acsg_desktop.core.offers.catalogue import OFFERS_FILE, build_catalogue, offers_from_bytes
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.offer_repository import OfferRepository
from acsg_desktop.core.store.setting_repository import SettingRepository

KINDS = ("guides", "offers")


def _offers_file(source: Path) -> Path:
    return source / OFFERS_FILE if source.is_dir() else source


class Publisher:
    def __init__(self, database: Database, trust: DeskTrust) -> None:
        self._database, self._trust = database, trust

    def last_version(self, kind: str) -> int:
        """The last version of ``kind`` published here; for guides, never below the set the app
        ships (an authority would refuse a bundle no newer than the guides it already has)."""
        with self._database.unit_of_work() as session:
            published = int(SettingRepository(session).get(f"published_{kind}") or 0)
        return max(published, shipped_version()) if kind == "guides" else published

    def publish(
        self,
        kind: str,
        source: Path,
        passphrase: bytes,
        out: Path,
        *,
        actor: str,
        version: int | None = None,
    ) -> int:
        """Sign ``source`` into ``out`` as the next version of ``kind``; returns the version.

        Raises:
            AcsgError: a version not above the last one published, or a source that fails its
                own checks (the builders check what they sign).
        """
        last = self.last_version(kind)
        version = last + 1 if version is None else version
        if version <= last:
            raise AcsgError(
                _("Version {version} is not above {last}, the last one published.").format(
                    version=version, last=last
                )
            )
        identity = self._trust.unlock(passphrase)
        areas = [area.id for area in load_framework().areas]
        offers = None
        if kind == "guides":
            build_bundle(source, identity, version, out)
        else:
            build_catalogue(source, identity, version, out, areas)
            offers = offers_from_bytes(_offers_file(source).read_bytes(), areas)
        with self._database.unit_of_work() as session:
            if offers is not None:  # the offers the desk holds are the ones it published
                OfferRepository(session).replace_all(
                    offers.offers, version, offers.illustrative, datetime.now(UTC)
                )
            SettingRepository(session).set(f"published_{kind}", str(version))
            AuditRepository(session).append(
                actor, "publish", kind, "version", str(last), str(version)
            )
        return version
