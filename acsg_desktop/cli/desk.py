"""`acsg desk ...`: the Secretariat's desk on the command line (its own folder and database)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cryptography import x509

from acsg_desktop.cli.common import emit, read_passphrase
from acsg_desktop.cli.desk_replies import add_reply_commands
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.display import escape_line
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.desk import IntakeOutcome, ReceivedPackage
from acsg_desktop.core.signing.keys import certificate_pem, fingerprint


def desk_actor(args: argparse.Namespace) -> str:
    return str(args.user or _("Secretariat"))


def cmd_init(args: argparse.Namespace, folder: Path) -> int:
    with DeskWorkspace.open(folder) as desk:
        certificate = desk.trust.create(args.name, read_passphrase(args.passphrase_file))
        path = desk.trust.certificate_path
    emit(
        args,
        {"certificate": str(path), "fingerprint": fingerprint(certificate)},
        [
            _(
                "The desk's key is ready. Authorities trust it by putting {path} in their trust "
                "folder; read them its fingerprint:"
            ).format(path=path),
            fingerprint(certificate),
        ],
    )
    return 0


def _package(package: ReceivedPackage) -> dict[str, Any]:
    return {
        "package_id": package.package_id,
        "country": package.country,
        "authority": package.authority,
        "sequence": package.sequence,
        "state": package.state.value,
        "reason": package.reason,
        "certified": package.certified,
        "signer": package.signer,
        "fingerprint": package.signer_fingerprint,
        "received_at": package.received_at.isoformat(),
    }


def cmd_intake(args: argparse.Namespace, folder: Path) -> int:
    with DeskWorkspace.open(folder) as desk:
        results = desk.intake.intake(
            [Path(p) for p in args.paths],
            actor=desk_actor(args),
            passphrase=read_passphrase(args.passphrase_file) if args.passphrase_file else None,
        )
    document = {
        "results": [
            {
                "file": result.path,
                "outcome": result.outcome.value,
                "message": result.message,
                "package": _package(result.package) if result.package else None,
            }
            for result in results
        ]
    }
    lines = [
        f"{result.outcome.value:17} {escape_line(result.path)}: {escape_line(result.message)}"
        for result in results
    ]
    emit(args, document, lines or [_("No package found.")])
    refused = any(result.outcome is IntakeOutcome.REFUSED for result in results)
    return 1 if refused or not results else 0


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    with DeskWorkspace.open(folder) as desk:
        packages = desk.packages.packages()
    # One package, one line: a line feed in a name from a package cannot forge another row.
    lines = [
        f"{escape_line(p.country)} {p.sequence:>3} {p.state.value:12} "
        f"{escape_line(p.package_id)} {escape_line(p.authority)}"
        for p in packages
    ] or [_("No package received yet.")]
    emit(args, {"packages": [_package(p) for p in packages]}, lines)
    return 0


def cmd_decide(args: argparse.Namespace, folder: Path) -> int:
    with DeskWorkspace.open(folder) as desk:
        package = desk.packages.decide(
            args.package_id, args.accept, args.reason, actor=desk_actor(args)
        )
    emit(args, _package(package), [f"{package.package_id}: {package.state.value}"])
    return 0


def cmd_certify(args: argparse.Namespace, folder: Path) -> int:
    try:
        request = Path(args.csr).read_bytes()
    except OSError as error:
        raise AcsgError(str(error.strerror or error)) from error
    with DeskWorkspace.open(folder) as desk:
        issued = desk.trust.certify(
            request,
            read_passphrase(args.passphrase_file),
            actor=desk_actor(args),
            days=args.days,
            second_key_confirmed=args.second_key_confirmed,
        )
    Path(args.out).write_text(issued.pem, "ascii")
    emit(
        args,
        {"serial": issued.serial, "subject": issued.subject, "fingerprint": issued.fingerprint},
        [
            _("Certificate {serial} for {subject} written to {path}").format(
                serial=issued.serial, subject=issued.subject, path=args.out
            )
        ],
    )
    return 0


def cmd_revoke(args: argparse.Namespace, folder: Path) -> int:
    with DeskWorkspace.open(folder) as desk:
        revoked = desk.trust.revoke(args.serial, args.reason, actor=desk_actor(args))
    emit(
        args,
        {"serial": revoked.serial, "revoked_at": str(revoked.revoked_at)},
        [_("Certificate {serial} revoked.").format(serial=revoked.serial)],
    )
    return 0


def cmd_trust(args: argparse.Namespace, folder: Path) -> int:
    with DeskWorkspace.open(folder) as desk:
        certificate = desk.trust.certificate()
        if args.encryption:
            certificate = x509.load_pem_x509_certificate(
                desk.trust.encryption_certificate_path.read_bytes()
            )
    Path(args.out).write_bytes(certificate_pem(certificate))
    emit(args, {"fingerprint": fingerprint(certificate)}, [fingerprint(certificate)])
    return 0


def add_desk_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    desk = commands.add_parser("desk", help=_("the Secretariat's desk (its own folder)"))
    sub = desk.add_subparsers(dest="desk_command", required=True)
    init = sub.add_parser("init", parents=[json_flag], help=_("create the desk's signing key"))
    init.add_argument("--name", required=True, help=_("who holds the desk's key"))
    init.add_argument("--passphrase-file", required=True)
    init.set_defaults(handler=cmd_init)
    intake = sub.add_parser("intake", parents=[json_flag], help=_("receive packages"))
    intake.add_argument("paths", nargs="+", help=_("package files or folders (a USB stick)"))
    intake.add_argument(
        "--passphrase-file", help=_("the desk's passphrase, to open encrypted packages")
    )
    intake.set_defaults(handler=cmd_intake)
    sub.add_parser("list", parents=[json_flag], help=_("the packages received")).set_defaults(
        handler=cmd_list
    )
    decide = sub.add_parser("decide", parents=[json_flag], help=_("decide on a held package"))
    decide.add_argument("package_id")
    choice = decide.add_mutually_exclusive_group(required=True)
    choice.add_argument("--accept", action="store_true")
    choice.add_argument("--reject", action="store_true")
    decide.add_argument("--reason", required=True)
    decide.set_defaults(handler=cmd_decide)
    certify = sub.add_parser("certify", parents=[json_flag], help=_("certify an authority's key"))
    certify.add_argument("csr", help=_("the request written by acsg identity csr"))
    certify.add_argument("--passphrase-file", required=True)
    certify.add_argument("--days", type=int)
    certify.add_argument("--out", required=True)
    certify.add_argument(
        "--second-key-confirmed",
        action="store_true",
        help=_(
            "the authority already holds an active certificate, and has confirmed by telephone "
            "or in person that it sent this request for a second key"
        ),
    )
    certify.set_defaults(handler=cmd_certify)
    revoke = sub.add_parser("revoke", parents=[json_flag], help=_("revoke a certificate"))
    revoke.add_argument("serial")
    revoke.add_argument("--reason", required=True)
    revoke.set_defaults(handler=cmd_revoke)
    trust = sub.add_parser("trust", parents=[json_flag], help=_("write the desk's certificate"))
    trust.add_argument("--out", required=True)
    trust.add_argument(
        "--encryption",
        action="store_true",
        help=_("the certificate authorities encrypt confidential packages to"),
    )
    trust.set_defaults(handler=cmd_trust)
    add_reply_commands(sub, json_flag)
