"""The guide library over the store: install, list, read, search, bookmark."""

from __future__ import annotations

import builtins
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from acsg_desktop.core.framework.model import Framework, Indicator
from acsg_desktop.core.guides.loader import GuideError, load_shipped_guides, shipped_version
from acsg_desktop.core.guides.search_text import plain_snippet
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.guides import Guide, GuideFilters, GuideSummary, SearchHit
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.guide_repository import GuideRepository
from acsg_desktop.core.store.setting_repository import SettingRepository
from acsg_desktop.core.updates.clock import note_time
from acsg_desktop.paths import resources_dir

if TYPE_CHECKING:
    from cryptography import x509

    from acsg_desktop.core.guides.bundle_read import BundleContents

VERSION_SETTING = "guides_version"


def trusted_certificates(data_dir: Path) -> builtins.list[x509.Certificate]:
    """The Secretariat certificates shipped in resources/trust, and any added to the data folder."""
    from acsg_desktop.core.signing.cms import load_certificates

    folders = (resources_dir() / "trust", data_dir / "trust")
    return [
        certificate
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.glob("*.pem"))
        for certificate in load_certificates(path.read_bytes())
    ]


class GuideService:
    """Reading the installed guides; installing the shipped set when it is newer."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def installed_version(self) -> int:
        with self._database.unit_of_work() as session:
            return int(SettingRepository(session).get(VERSION_SETTING) or 0)

    def install(self, guides: builtins.list[Guide], version: int) -> None:
        """Replace the installed guides and their version in one transaction."""
        with self._database.unit_of_work() as session:
            GuideRepository(session).replace_all(guides)
            SettingRepository(session).set(VERSION_SETTING, str(version))

    def install_shipped_if_newer(self) -> bool:
        """Install the guides shipped with the app when they are newer than the installed ones."""
        version = shipped_version()
        if version <= self.installed_version():
            return False
        self.install(load_shipped_guides(), version)
        return True

    def note_time(self, now: datetime | None = None) -> datetime:
        """Remember the latest time ever seen, so that a clock set back cannot revive a bundle."""
        return note_time(self._database, now)

    def import_bundle(
        self,
        path: Path,
        trusted: builtins.list[x509.Certificate],
        now: datetime | None = None,
    ) -> BundleContents:
        """Verify a signed bundle, then install its guides in one transaction (after a backup).

        Raises:
            BundleError: with the reason; the installed guides are unchanged.
        """
        from acsg_desktop.core.guides.bundle_format import GUIDES
        from acsg_desktop.core.guides.bundle_read import read_bundle
        from acsg_desktop.core.updates.acceptance import check_acceptable

        highest = self.note_time(now)
        contents = read_bundle(path, trusted, highest)
        check_acceptable(contents.update, GUIDES, self.installed_version(), highest)
        self._database.backup("before-guides")
        self.install(contents.guides, contents.version)
        return contents

    def list(self, language: str, filters: GuideFilters) -> builtins.list[GuideSummary]:
        with self._database.unit_of_work() as session:
            return GuideRepository(session).summaries(language, filters)

    def page(
        self, language: str, filters: GuideFilters, offset: int, limit: int
    ) -> builtins.list[GuideSummary]:
        """One page of the list, by title, read in SQL."""
        with self._database.unit_of_work() as session:
            return GuideRepository(session).summaries(language, filters, offset, limit)

    def count(self, language: str, filters: GuideFilters) -> int:
        with self._database.unit_of_work() as session:
            return GuideRepository(session).summary_count(language, filters)

    def get(self, guide_id: str) -> Guide:
        with self._database.unit_of_work() as session:
            guide = GuideRepository(session).get(guide_id)
        if guide is None:
            raise GuideError(_("There is no guide {id}.").format(id=guide_id))
        return guide

    def search(self, text: str, language: str, filters: GuideFilters) -> builtins.list[SearchHit]:
        """The best guides for ``text`` in either language, titled in ``language``; their
        snippets as plain text (no Markdown), the matched words marked."""
        with self._database.unit_of_work() as session:
            hits = GuideRepository(session).search(text, language, filters)
        return [replace(hit, snippet=plain_snippet(hit.snippet)) for hit in hits]

    def bookmarks(self) -> set[str]:
        with self._database.unit_of_work() as session:
            return GuideRepository(session).bookmarks()

    def set_bookmark(self, guide_id: str, on: bool) -> None:
        with self._database.unit_of_work() as session:
            GuideRepository(session).set_bookmark(guide_id, on)


def indicators_helped(framework: Framework, guide_id: str) -> list[Indicator]:
    """The indicators that name ``guide_id`` as a related guide."""
    return [indicator for indicator in framework.indicators if guide_id in indicator.guides]
