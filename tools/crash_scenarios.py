"""The children `make crash-test` kills, and what it checks after each kill (see crash_test.py)."""

from __future__ import annotations

import hashlib
import importlib
import random
import time
from collections.abc import Iterator
from pathlib import Path

from crash_test import KILLED, Child, Report, Say, Work, child_tail, fork_child

from acsg_desktop.cli import main as acsg
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.fileio import TEMP_SUFFIX
from acsg_desktop.core.i18n import set_language
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.store.backup import backup_database, list_backups
from acsg_desktop.core.store.database import backup_dir, database_path
from acsg_desktop.core.store.health import check_database
from acsg_desktop.core.workspace import Workspace

ACTOR = "Crash Test"
SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = "a long enough passphrase for the crash test"
EARLY_KILLS = 0.15  # share of the saving children killed while they open the data folder
SAVE_WINDOW = 0.05  # seconds of saving after "ready" within which the kill falls
KILL_SPAN = 1.1  # kills fall in the first 110% of a run: about one in ten finishes first
STRIDE = 1_000_000  # answer numbers of one child: cycle * STRIDE + i
GUIDE = "decision-writing"
# Imported before forking, so that a child's cost is its work, not Python's imports.
WARM_MODULES = (
    "acsg_desktop.core.package.builder",
    "acsg_desktop.core.package.verify",
    "acsg_desktop.core.guides.bundle_read",
    "reportlab.platypus",
    "pikepdf",
    "pyhanko.sign",
    "pyhanko.sign.validation",
)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[Path]:
    """Temporary files (and their -wal, -shm, -journal) anywhere under ``folder``."""
    return [p for p in folder.rglob(".*") if TEMP_SUFFIX in p.name and p.is_file()]


class Scenario:
    """Fork a child, kill it at a random moment, then check the data folder as the next start."""

    name = ""

    def __init__(self, work: Path, data: Path, rng: random.Random, report: Report) -> None:
        self.work, self.data, self.rng, self.report = work, data, rng, report
        self.output = work / f"{self.name}-child.txt"
        self.backups: dict[Path, str] = {}
        self.cycle = 0
        self.seconds = 0.0  # how long a child of this kind runs when nobody kills it

    def child(self) -> Work:
        raise NotImplementedError

    def kill_moment(self, child: Child) -> None:
        raise NotImplementedError

    def check(self, workspace: Workspace) -> None:
        """Checks of this kind, on the reopened workspace."""

    def after_kill(self, child: Child) -> None:
        """What the child reported, read after its death."""

    def prepare(self) -> None:
        """Set up the next cycle (in this process, before forking)."""

    def timed_run(self) -> float:
        """One child run to its end, unkilled: how long this kind of work takes."""
        self.prepare()
        started = time.monotonic()
        child = fork_child(self.child(), self.output)
        status = child.finish()
        if status != 0:
            raise SystemExit(f"{self.name}: the unkilled run failed: {child_tail(self.output)}")
        self.after_kill(child)
        return time.monotonic() - started

    def run(self, kills: int, check_every: int) -> None:
        tally = self.report.tally(self.name)
        for self.cycle in range(1, kills + 1):
            self.prepare()
            self.backups = {p: sha256_of(p) for p in list_backups(backup_dir(self.data))}
            started = time.monotonic()
            child = fork_child(self.child(), self.output)
            self.kill_moment(child)
            status = child.kill()
            self.after_kill(child)
            if status == KILLED:
                tally.kills += 1
            elif status == 0:
                tally.finished_first += 1
                # The kill came too late: aim the next ones within the time this one took.
                self.seconds = min(self.seconds, time.monotonic() - started)
            else:
                self.violate(f"the child failed on its own ({status}): {child_tail(self.output)}")
            if self.cycle % check_every == 0 or self.cycle == kills:
                tally.checks += 1
                if not self.check_start():
                    return  # the folder no longer opens: later cycles would say nothing new

    def violate(self, text: str) -> None:
        self.report.violation(self.name, self.cycle, text)

    def check_start(self) -> bool:
        try:
            workspace = Workspace.open(self.data)
        except AcsgError as error:
            self.violate(f"the data folder does not open: {error.message}")
            return False
        with workspace:
            problems = workspace.database.integrity_problems()
            if problems:
                self.violate(f"integrity_check: {problems[0]}")
            chain = workspace.audit_check()
            if not chain.ok:
                self.violate(f"audit chain broken at entry {chain.broken_entry}")
            self.check(workspace)
        self.check_files()
        return True

    def check_files(self) -> None:
        if database_path(self.data).stat().st_size == 0:
            self.violate("the database file is empty")
        for path, digest in self.backups.items():
            if not path.exists() or sha256_of(path) != digest:
                self.violate(f"an earlier backup was changed or removed: {path.name}")
        for path in set(list_backups(backup_dir(self.data))) - set(self.backups):
            problems = check_database(path, thorough=True) if path.stat().st_size else ["empty"]
            if problems:
                self.violate(f"a backup with a real name is damaged: {path.name}: {problems[0]}")
        for path in leftovers(self.data):
            self.violate(f"leftover not cleaned at start: {path.relative_to(self.data)}")
            path.unlink()

    def random_moment(self, seconds: float | None = None) -> None:
        """Sleep up to ``seconds`` (by default a little past a whole unkilled run)."""
        time.sleep(self.rng.uniform(0, KILL_SPAN * self.seconds if seconds is None else seconds))


def answer_for(indicator: str, number: int) -> Answer:
    """The answer a saving child gives: its number says which child and which save."""
    return Answer(
        indicator, AnswerKind.LEVEL, level=1 + number % 2, note=f"crash-test save {number}"
    )


class Autosave(Scenario):
    """Saves answers one by one, each in its own transaction, reporting each commit."""

    name = "autosave"

    def __init__(self, work: Path, rng: random.Random, report: Report) -> None:
        super().__init__(work, work / "autosave", rng, report)
        with Workspace.open(self.data) as workspace:
            framework = workspace.assessments.shipped_framework()
            self.indicators = [indicator.id for indicator in framework.indicators]
            self.assessment = workspace.assessments.create("Crash test", 2026, actor=ACTOR).id
        started = time.monotonic()
        Workspace.open(self.data).close()
        self.open_seconds = time.monotonic() - started
        self.acknowledged: dict[str, int] = {}

    def child(self) -> Work:
        first = self.cycle * STRIDE

        def save_answers(say: Say) -> int:
            with Workspace.open(self.data) as workspace:
                say("ready")
                for number in range(first, first + STRIDE):
                    indicator = self.indicators[number % len(self.indicators)]
                    answer = answer_for(indicator, number)
                    workspace.assessments.save_answer(self.assessment, answer, actor=ACTOR)
                    say(f"saved {indicator} {number}")
            return 0

        return save_answers

    def kill_moment(self, child: Child) -> None:
        if self.rng.random() < EARLY_KILLS:
            self.random_moment(self.open_seconds * 1.5)
        elif child.wait_for("ready"):
            self.random_moment(SAVE_WINDOW)

    def after_kill(self, child: Child) -> None:
        saved = [line.split() for line in child.lines if line.startswith("saved ")]
        for _word, indicator, number in saved:
            self.acknowledged[indicator] = int(number)
        notes = self.report.tally(self.name).notes
        notes["acknowledged saves"] = notes.get("acknowledged saves", 0) + len(saved)
        if "ready" not in child.lines:
            notes["kills while opening"] = notes.get("kills while opening", 0) + 1

    def check(self, workspace: Workspace) -> None:
        self.check_answers(workspace.assessments.answers(self.assessment))

    def check_answers(self, stored: dict[str, Answer]) -> None:
        """Every acknowledged answer is there: the same save, or a later one of that indicator."""
        for indicator, number in self.acknowledged.items():
            answer = stored.get(indicator)
            if answer is None:
                self.violate(f"acknowledged answer {indicator} (save {number}) is missing")
                continue
            found = int(answer.note.rsplit(" ", 1)[-1]) if answer.note[-1:].isdigit() else -1
            if found < number or (answer.kind, answer.level) != (AnswerKind.LEVEL, 1 + found % 2):
                self.violate(f"{indicator}: save {number} acknowledged, {answer.note!r} stored")


class DemoFolder:
    """The demo data folder, a signing identity and a throwaway guide signer, shared by the
    export, backup and guide-import children."""

    def __init__(self, work: Path) -> None:
        from acsg_desktop.core.demo.build import create_demo
        from acsg_desktop.core.package.identities import IdentityStore
        from acsg_desktop.core.signing.keys import certificate_pem, create_identity

        self.data = work / "demo"
        from acsg_desktop.core.demo.requests import DEMO_PASSPHRASE

        self.passphrase = work / "passphrase.txt"
        self.passphrase.write_text(PASSPHRASE)
        self.account = work / "account-passphrase.txt"  # the demo office signs in
        self.account.write_text(DEMO_PASSPHRASE)
        with Workspace.open(self.data) as workspace:
            self.baseline = create_demo(workspace, "en").baseline.id
            profile = workspace.profiles.get()
            assert profile is not None
            IdentityStore(self.data).create(SIGNATORY, profile, PASSPHRASE.encode())
        self.guide_signer = create_identity("Guides editor", "ACSG crash test (throwaway)", "CH")
        self.trust = work / "guides-trust.pem"
        self.trust.write_bytes(certificate_pem(self.guide_signer.certificate))
        for module in WARM_MODULES:
            importlib.import_module(module)


class Export(Scenario):
    """`acsg export` of a newly completed assessment over the same file, again and again."""

    name = "export"

    def __init__(self, work: Path, demo: DemoFolder, rng: random.Random, report: Report) -> None:
        super().__init__(work, demo.data, rng, report)
        self.demo = demo
        self.target = work / "exports" / "package.acsgpkg"
        self.target.parent.mkdir()
        self.assessment = 0
        self.seconds = self.timed_run()

    def prepare(self) -> None:
        with Workspace.open(self.data) as workspace:
            service = workspace.assessments
            title = f"Crash test export {self.cycle}"
            new = service.create(title, 2026, carry_over_from=self.demo.baseline, actor=SIGNATORY)
            self.assessment = service.complete(new.id, actor=SIGNATORY).id

    def child(self) -> Work:
        arguments = [
            "--data-dir", str(self.data), "--user", SIGNATORY,
            "--user-passphrase-file", str(self.demo.account), "export",
            "--assessment", str(self.assessment), "--out", str(self.target),
            "--passphrase-file", str(self.demo.passphrase),
        ]  # fmt: skip
        return lambda _say: acsg(arguments)

    def kill_moment(self, child: Child) -> None:
        self.random_moment()

    def check_files(self) -> None:
        from acsg_desktop.core.package.verify import verify_package

        super().check_files()
        if not self.target.exists() or self.target.stat().st_size == 0:
            self.violate("the previous package is gone or empty")
            return
        check = verify_package(self.target)
        if not check.ok:
            failure = check.failures[0]
            self.violate(f"the package does not verify: {failure.entry}: {failure.message}")
        for path in leftovers(self.target.parent):
            # Outside the data folder: the app cannot know this folder at its next start.
            self.report.warn("export left a .partial file in the export folder after a kill")
            path.unlink()


class Backup(Scenario):
    """A backup as `acsg db backup` makes it, killed while the online backup copies or checks."""

    name = "backup"

    def __init__(self, work: Path, demo: DemoFolder, rng: random.Random, report: Report) -> None:
        super().__init__(work, demo.data, rng, report)
        self.copy_seconds = 0.0
        self.timed_run()

    def child(self) -> Work:
        def back_up(say: Say) -> int:
            with Workspace.open(self.data) as workspace:
                say("ready")
                started = time.monotonic()
                backup_database(workspace.database.path, backup_dir(self.data), "manual")
                say(f"copied in {time.monotonic() - started}")
            return 0

        return back_up

    def after_kill(self, child: Child) -> None:
        copied = [line for line in child.lines if line.startswith("copied in ")]
        if copied:  # the latest copy's time: the next kill falls within it
            self.copy_seconds = float(copied[0].split()[-1])
        elif leftovers(backup_dir(self.data)):
            notes = self.report.tally(self.name).notes
            notes["kills mid-copy"] = notes.get("kills mid-copy", 0) + 1

    def kill_moment(self, child: Child) -> None:
        if child.wait_for("ready"):
            self.random_moment(self.copy_seconds)


class GuideImport(Scenario):
    """`acsg guides import` of the next version of a signed guide set."""

    name = "guide-import"

    def __init__(self, work: Path, demo: DemoFolder, rng: random.Random, report: Report) -> None:
        super().__init__(work, demo.data, rng, report)
        self.demo = demo
        with Workspace.open(self.data) as workspace:
            self.shipped = self.installed = workspace.guides.installed_version()
        self.version = self.installed + 1
        self.seconds = self.timed_run()
        self.installed = self.version

    def bundle(self, version: int) -> Path:
        from acsg_desktop.core.guides.bundle_build import bundle_bytes
        from acsg_desktop.core.guides.loader import shipped_guides_dir

        path = self.work / "bundles" / f"v{version}.acsgguides"
        if not path.exists():
            files = {p.name: p.read_bytes() for p in sorted(shipped_guides_dir().glob("*.*.md"))}
            name = f"{GUIDE}.en.md"
            files[name] = files[name].replace(b"## ", self.marker(version).encode(), 1)
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(bundle_bytes(files, self.demo.guide_signer, version))
        return path

    @staticmethod
    def marker(version: int) -> str:
        return f"## Updated v{version}: "

    def prepare(self) -> None:
        self.version = self.installed + 1
        self.bundle(self.version)

    def child(self) -> Work:
        arguments = [
            "--data-dir", str(self.data), "guides", "import", str(self.bundle(self.version)),
            "--trust", str(self.demo.trust),
        ]  # fmt: skip
        return lambda _say: acsg(arguments)

    def kill_moment(self, child: Child) -> None:
        self.random_moment()

    def check(self, workspace: Workspace) -> None:
        installed = workspace.guides.installed_version()
        if installed not in (self.installed, self.version):
            self.violate(f"guide set {installed} installed, {self.installed} or {self.version} due")
        body = workspace.guides.get(GUIDE).texts["en"].body
        if installed > self.shipped and self.marker(installed) not in body:
            self.violate(f"guide set {installed} is only partly installed")
        self.installed = installed


def scenarios(
    work: Path, rng: random.Random, report: Report, kills: int, other_kills: int
) -> Iterator[tuple[Scenario, int]]:
    """Each kind of child with its number of kills, set up only when its turn comes."""
    set_language("en")
    if kills:
        yield Autosave(work, rng, report), kills
    if not other_kills:
        return
    demo = DemoFolder(work)
    yield Backup(work, demo, rng, report), other_kills
    yield GuideImport(work, demo, rng, report), other_kills
    yield Export(work, demo, rng, report), other_kills
