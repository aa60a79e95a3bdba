"""`make bundle-test`: the built bundle works on its own, and is small enough.

    python tools/bundle_test.py [--bundle dist/acsg-desktop] [--no-size]

In a temporary folder, with the bundle's own executables only:
1. ``acsg profile set`` makes a one-person office, then ``acsg-desktop`` starts offscreen with
   ACSG_EXIT_AFTER_START=1, in English and in French: each run must paint the main window (the
   log says so, with Qt's own "Cancel" as Qt translates it: "Annuler" proves that Qt's French
   translation is found in the bundle) and exit with status 0;
2. ``acsg demo``, ``acsg identity create`` and ``acsg export`` (in English and in French),
   signed in as the demo's signatory, then ``acsg verify`` of each package in its language
   (the French verdict proves that our own French catalogue is found in the bundle);
3. the bundle's size, at most 60 MB as .tar.xz, and its ratios to the floor (built by
   tools/bundle_floor.py when build.spec changed).
Any non-zero status, or a check that does not hold, fails the run.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from bundle_floor import build_floor, compare, report

ROOT = Path(__file__).resolve().parent.parent
MAX_TAR_XZ_MB = 60
DEMO_SIGNATORY = "Fatimé Zakaria"  # a reviewer and signatory in the demo office
DEMO_PASSPHRASE = "valdoria-demo"
QT_CANCEL = {"en": "'Cancel'", "fr": "'Annuler'", "es": "'Cancelar'"}
PAINTED = "main window painted"
EVERYTHING_HOLDS = {
    "en": "Everything holds.",
    "fr": "Tout est en ordre.",
    "es": "Todo está en orden.",
}


class BundleTestFailed(Exception):
    pass


def run(command: list[str], home: Path, **environment: str) -> str:
    """Run one of the bundle's commands on ``home``; its output, or BundleTestFailed."""
    env = {**os.environ, "ACSG_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **environment}
    print("$", shlex.join([Path(command[0]).name, *command[1:]]), flush=True)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise BundleTestFailed(
            f"{' '.join(command)} exited with {done.returncode}\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def check_gui(bundle: Path, scratch: Path) -> None:
    home = scratch / "gui-home"
    acsg = [str(bundle / "acsg"), "--data-dir", str(home)]
    run([*acsg, "profile", "set", "--country", "TD", "--authority", "Commission nationale",
         "--contact", "Amina Test", "--email", "amina@example.org"], home)  # fmt: skip
    for starts, (language, cancel) in enumerate(QT_CANCEL.items(), start=1):
        run([str(bundle / "acsg-desktop")], home, ACSG_EXIT_AFTER_START="1", LANGUAGE=language)
        log = (home / "logs" / "acsg.log").read_text(encoding="utf-8")
        painted = [line for line in log.splitlines() if PAINTED in line]
        if len(painted) != starts or cancel not in painted[-1]:
            raise BundleTestFailed(f"no main window in {language} ({cancel}): {painted[-1:]}")
        print(f"  main window painted in {language}; Qt's Cancel reads {cancel}")


def check_cli(bundle: Path, scratch: Path) -> None:
    home = scratch / "demo-home"
    proof = scratch / "passphrase"
    proof.write_text(DEMO_PASSPHRASE, encoding="utf-8")
    acsg = [str(bundle / "acsg"), "--data-dir", str(home)]
    signed_in = [*acsg, "--user", DEMO_SIGNATORY, "--user-passphrase-file", str(proof)]
    run([*acsg, "demo"], home)
    run([*signed_in, "identity", "create", "--passphrase-file", str(proof)], home)
    for language, holds in EVERYTHING_HOLDS.items():
        package = scratch / f"package-{language}.zip"
        run([*signed_in, "export", "--assessment", "1", "--lang", language,
             "--out", str(package), "--passphrase-file", str(proof)], home)  # fmt: skip
        verdict = run([*acsg, "verify", str(package)], home, LANGUAGE=language)
        if holds not in verdict:  # in French: our catalogue is found in the bundle
            raise BundleTestFailed(f"acsg verify in {language} did not say {holds!r}:\n{verdict}")
        print(f"  {package.name}: {holds}")


def check_size(bundle: Path) -> None:
    figures = compare(bundle, build_floor())
    print(report(figures))
    if figures["tar_xz"]["bundle_mb"] > MAX_TAR_XZ_MB:
        raise BundleTestFailed(f"the .tar.xz is over {MAX_TAR_XZ_MB} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "acsg-desktop")
    parser.add_argument("--no-size", action="store_true", help="skip the size checks")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    try:
        with tempfile.TemporaryDirectory(prefix="acsg-bundle-test-") as scratch:
            check_gui(bundle, Path(scratch))
            check_cli(bundle, Path(scratch))
        if not args.no_size:
            check_size(bundle)
    except (BundleTestFailed, subprocess.TimeoutExpired, OSError) as failure:
        print(f"bundle test FAILED: {failure}", file=sys.stderr)
        return 1
    print("bundle test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
