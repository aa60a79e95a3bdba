"""`make crash-test`: SIGKILL processes of the app at random moments; nothing may be lost.

Four kinds of child, each killed again and again: one saving answers (``--kills`` times, 1,000 by
default) and, ``--other-kills`` times each, one exporting a signed package (``acsg export``), one
writing a backup (``acsg db backup``) and one importing a signed guide set (``acsg guides
import``). After each kill the data folder is opened again, as the next start would, and checked:
it opens, ``integrity_check`` is ok, the audit chain verifies, every answer the child reported
saved (it writes each one to a pipe after the commit returned) is there with its value, the
previous backups, package and guide set are intact, no file with a real name is empty or half
written, and no ``.*.partial`` leftover remains in the data folder.

Children are forked from this process once the core is imported, so a start costs the opening of
the data folder, not Python's imports; hence Linux or macOS only. The child uses the core and the
CLI, never the GUI. Prints a summary; the exit status is 1 on any violation.

    python tools/crash_test.py --kills 1000 --other-kills 20 [--seed N] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

Say = Callable[[str], None]
Work = Callable[[Say], int]
KILLED = -signal.SIGKILL
MAX_SHOWN = 20


@dataclass
class Child:
    """A forked process that reports through a pipe, one line at a time."""

    pid: int
    fd: int
    lines: list[str] = field(default_factory=list)
    _pending: bytes = b""
    _closed: bool = False

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        chunk = os.read(self.fd, 65536)
        if not chunk:
            self._closed = True
            return False
        *complete, self._pending = (self._pending + chunk).split(b"\n")
        self.lines.extend(line.decode() for line in complete)
        return True

    def wait_for(self, line: str, timeout: float = 60.0) -> bool:
        """Read until ``line`` arrives (True) or the child ends or ``timeout`` passes."""
        deadline = time.monotonic() + timeout
        while line not in self.lines and not self._closed:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self._read(left)
        return line in self.lines

    def kill(self) -> int:
        """SIGKILL now, reap, read what was reported; returns KILLED or the exit status."""
        os.kill(self.pid, signal.SIGKILL)
        return self.finish()

    def finish(self) -> int:
        """Wait for the end; returns KILLED, the exit status, or another signal as negative."""
        _, status = os.waitpid(self.pid, 0)
        while not self._closed:
            self._read(None)  # type: ignore[arg-type]  # select blocks with None
        os.close(self.fd)
        if os.WIFSIGNALED(status):
            return -os.WTERMSIG(status)
        return os.WEXITSTATUS(status)


def fork_child(work: Work, output: Path) -> Child:
    """Run ``work(say)`` in a forked process whose stdout and stderr go to ``output``."""
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return Child(pid, read_fd)
    os.close(read_fd)
    status = 3
    try:
        sink = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(sink, 1)
        os.dup2(sink, 2)
        status = work(lambda line: _say(write_fd, line))
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _say(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode())


@dataclass
class Tally:
    kills: int = 0
    finished_first: int = 0
    checks: int = 0
    seconds: float = 0.0
    notes: dict[str, int] = field(default_factory=dict)


class Report:
    """What was done and what went wrong, per kind of child."""

    def __init__(self) -> None:
        self.tallies: dict[str, Tally] = {}
        self.violations: list[str] = []
        self.warnings: dict[str, int] = {}

    def tally(self, scenario: str) -> Tally:
        return self.tallies.setdefault(scenario, Tally())

    def violation(self, scenario: str, cycle: int, text: str) -> None:
        self.violations.append(f"{scenario} #{cycle}: {text}")
        if len(self.violations) <= MAX_SHOWN:
            print(f"VIOLATION {self.violations[-1]}", flush=True)

    def warn(self, text: str) -> None:
        self.warnings[text] = self.warnings.get(text, 0) + 1

    def summary(self, seed: int, seconds: float) -> str:
        lines = [f"crash test, seed {seed}: {seconds:.1f} s"]
        for name, tally in self.tallies.items():
            notes = "".join(f", {count} {note}" for note, count in tally.notes.items())
            lines.append(
                f"  {name:<13} {tally.kills:>5} kills, {tally.finished_first} finished before "
                f"the kill, {tally.checks} checks, {tally.seconds:.1f} s{notes}"
            )
        lines += [f"  warning ({count}x): {text}" for text, count in self.warnings.items()]
        lines.append(f"  violations: {len(self.violations)}")
        return "\n".join(lines)


def child_tail(output: Path, lines: int = 6) -> str:
    try:
        return " | ".join(output.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


def run(args: argparse.Namespace) -> int:
    from crash_scenarios import scenarios  # after sys.path is set

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="acsg-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    report = Report()
    started = time.monotonic()
    try:
        clock = time.monotonic()
        for scenario, kills in scenarios(work, rng, report, args.kills, args.other_kills):
            scenario.run(kills, args.check_every)
            report.tally(scenario.name).seconds = time.monotonic() - clock  # set-up included
            clock = time.monotonic()
    finally:
        print(report.summary(seed, time.monotonic() - started))
        if report.violations and not args.keep:
            print(f"  data kept for inspection in {work}")
        elif not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if report.violations else 0


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000, help="kills of the saving process")
    parser.add_argument(
        "--other-kills", type=int, default=20, help="kills during export, backup, guide import each"
    )
    parser.add_argument("--check-every", type=int, default=1, help="check after every N kills")
    parser.add_argument("--seed", type=int, help="replay a run (printed in the summary)")
    parser.add_argument("--workdir", help="where the data folders go (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the data folders")
    return parser.parse_args(argv)


if __name__ == "__main__":
    raise SystemExit(run(parse_arguments(sys.argv[1:])))
