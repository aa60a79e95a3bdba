"""`acsg identity ...`, `acsg export`, `acsg verify`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acsg_desktop.cli.common import (
    actor_of,
    emit,
    open_workspace,
    read_certificate_file,
    read_certificates,
    read_passphrase,
)
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES, _, current_language

if TYPE_CHECKING:  # `acsg verify` needs no data folder: the database layer is loaded on use
    from acsg_desktop.core.workspace import Workspace


def _person(args: argparse.Namespace, workspace: Workspace) -> str:
    return str(args.name or actor_of(args, workspace))


def cmd_identity_create(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        profile = workspace.profiles.get()
        if profile is None:
            raise AcsgError(_("Set the authority profile first (acsg profile set)."))
        actor = actor_of(args, workspace)
        info = workspace.exports.create_identity(
            args.name or actor, profile, read_passphrase(args.passphrase_file), actor=actor
        )
    emit(
        args,
        {"person": info.person, "fingerprint": info.fingerprint},
        [
            _("Signing identity created for {name}.").format(name=info.person),
            _("Fingerprint (read it aloud to the Secretariat): {value}").format(
                value=info.fingerprint
            ),
        ],
    )
    return 0


def cmd_identity_show(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.package.identities import IdentityStore

    identities = IdentityStore(folder).list()
    document = {
        "identities": [
            {
                "person": i.person,
                "fingerprint": i.fingerprint,
                "subject": i.certificate.subject.rfc4514_string(),
                "valid_until": i.certificate.not_valid_after_utc.isoformat(),
            }
            for i in identities
        ]
    }
    lines = [f"{i.person}: {i.fingerprint}" for i in identities] or [_("No signing identity.")]
    emit(args, document, lines)
    return 0


def cmd_identity_csr(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.fileio import write_bytes_atomically
    from acsg_desktop.core.package.identities import IdentityStore

    with open_workspace(args, folder) as workspace:
        person = _person(args, workspace)
    request = IdentityStore(folder).signing_request(person, read_passphrase(args.passphrase_file))
    write_bytes_atomically(Path(args.out), request)
    emit(
        args,
        {"csr": args.out},
        [_("Certificate signing request written to {path}").format(path=args.out)],
    )
    return 0


def cmd_identity_import(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.package.identities import IdentityStore

    certificate = read_certificate_file(args.certificate)
    passphrase = read_passphrase(args.passphrase_file)
    with open_workspace(args, folder) as workspace:
        person = _person(args, workspace)
    info = IdentityStore(folder).import_certificate(person, passphrase, certificate)
    emit(
        args,
        {"person": info.person, "fingerprint": info.fingerprint},
        [
            _("Certificate imported for {name}; fingerprint {value}").format(
                name=info.person, value=info.fingerprint
            )
        ],
    )
    return 0


def cmd_identity_passphrase(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.package.identities import IdentityStore

    with open_workspace(args, folder) as workspace:
        person = _person(args, workspace)
    IdentityStore(folder).change_passphrase(
        person, read_passphrase(args.passphrase_file), read_passphrase(args.new_passphrase_file)
    )
    emit(args, {"person": person}, [_("Passphrase changed.")])
    return 0


def cmd_identity_export(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.fileio import write_bytes_atomically
    from acsg_desktop.core.package.identities import IdentityStore
    from acsg_desktop.core.signing.keys import certificate_pem

    with open_workspace(args, folder) as workspace:
        person = _person(args, workspace)
    info = IdentityStore(folder).info(person)
    write_bytes_atomically(Path(args.out), certificate_pem(info.certificate))
    emit(
        args,
        {"certificate": args.out, "fingerprint": info.fingerprint},
        [_("Certificate written to {path}").format(path=args.out)],
    )
    return 0


def _encrypted_copy(package: Path, recipient: str) -> Path:
    """``package``.p7m: the signed package encrypted to the Secretariat's certificate."""
    from acsg_desktop.core.fileio import write_bytes_atomically
    from acsg_desktop.core.signing.confidential import ENCRYPTED_SUFFIX, encrypt_for

    [certificate] = read_certificates([recipient])[:1]
    out = package.with_name(package.name + ENCRYPTED_SUFFIX)
    write_bytes_atomically(out, encrypt_for(package.read_bytes(), certificate))
    return out


def cmd_export(args: argparse.Namespace, folder: Path) -> int:
    """A new signed package; the same content in the same language is not made twice, in
    another language it is a new package (see docs/domain.md)."""
    from acsg_desktop.core.package.evidence import EvidenceChoice
    from acsg_desktop.core.package.outbox import export_message

    with open_workspace(args, folder) as workspace:
        result = workspace.exports.export(
            args.assessment,
            _person(args, workspace),
            read_passphrase(args.passphrase_file),
            Path(args.out),
            args.lang or current_language(),
            EvidenceChoice(args.evidence),
        )
    record = result.record
    document: dict[str, Any] = {
        "package_id": record.package_id,
        "sequence": record.sequence,
        "file": record.file_path,
        "sha256": record.sha256,
        "language": record.language or None,
        "reused": result.reused,
        "repeats": result.repeats.sequence if result.repeats else None,
    }
    if args.encrypt_to:
        document["encrypted_file"] = str(_encrypted_copy(Path(record.file_path), args.encrypt_to))
    lines = [export_message(result)]
    if args.encrypt_to:
        lines.append(
            _("Encrypted copy for the Secretariat: {path}").format(path=document["encrypted_file"])
        )
    emit(args, document, lines)
    return 0


def cmd_verify(args: argparse.Namespace, _folder: Path) -> int:
    from acsg_desktop.core.package.verify import verify_package
    from acsg_desktop.core.signing.keys import fingerprint, subject_text

    trusted = read_certificates(args.trust) if args.trust else None
    check = verify_package(Path(args.file), trusted, Path(args.previous) if args.previous else None)
    signer = check.signer
    document = {
        "ok": check.ok,
        "failures": [f.__dict__ for f in check.failures],
        "signer": signer.subject.rfc4514_string() if signer else None,
        "fingerprint": fingerprint(signer) if signer else None,
        "trusted_certificate_given": check.trusted_by_caller,
        "sequence": check.manifest.get("sequence"),
    }
    lines = []
    if signer is not None:
        lines.append(
            _("Signed by {subject}; fingerprint {value}").format(
                subject=subject_text(signer), value=document["fingerprint"]
            )
        )
    if check.ok:
        if not check.trusted_by_caller:
            lines.append(
                _("No --trust certificate given: confirm the fingerprint with the authority.")
            )
        emit(args, document, [*lines, _("Everything holds.")])
        return 0
    if args.json:
        emit(args, document, [])
    for failure in check.failures:
        print(
            _("{entry}: {check}: {message}").format(
                entry=failure.entry, check=failure.check, message=failure.message
            ),
            file=sys.stderr,
        )
    return 1


def add_package_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    identity = commands.add_parser("identity", help=_("signing identities"))
    sub = identity.add_subparsers(dest="identity_command", required=True)
    create = sub.add_parser("create", parents=[json_flag], help=_("create a signing identity"))
    create.add_argument("--name", help=_("the signatory (default: the current user)"))
    create.add_argument("--passphrase-file", required=True)
    create.set_defaults(handler=cmd_identity_create)
    show = sub.add_parser("show", parents=[json_flag], help=_("identities and fingerprints"))
    show.set_defaults(handler=cmd_identity_show)
    for name, handler, help_text, extra in (
        ("csr", cmd_identity_csr, _("write a certificate signing request"), "--out"),
        (
            "import-cert",
            cmd_identity_import,
            _("import the certificate the Secretariat issued"),
            "certificate",
        ),
        (
            "passphrase",
            cmd_identity_passphrase,
            _("change the passphrase"),
            "--new-passphrase-file",
        ),
        ("export-cert", cmd_identity_export, _("write the certificate (PEM)"), "--out"),
    ):
        command = sub.add_parser(name, parents=[json_flag], help=help_text)
        command.add_argument("--name", help=_("the signatory (default: the current user)"))
        if name != "export-cert":
            command.add_argument("--passphrase-file", required=True)
        command.add_argument(extra, **({"required": True} if extra.startswith("--") else {}))
        command.set_defaults(handler=handler)
    export = commands.add_parser(
        "export", parents=[json_flag], help=_("export a signed package for the Secretariat")
    )
    export.add_argument("--assessment", type=int, required=True)
    export.add_argument("--out", required=True)
    export.add_argument("--passphrase-file", required=True)
    export.add_argument("--name", help=_("the signatory (default: the current user)"))
    export.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help=_("language of the report"))
    export.add_argument(
        "--evidence",
        choices=("files", "hashes"),
        default="hashes",
        help=_("include the answers' evidence files, or only their hashes (the default)"),
    )
    export.add_argument(
        "--encrypt-to",
        help=_("the Secretariat's encryption certificate: also write FILE.p7m for e-mail"),
    )
    export.set_defaults(handler=cmd_export)
    verify = commands.add_parser("verify", parents=[json_flag], help=_("verify a package"))
    verify.add_argument("file")
    verify.add_argument("--trust", action="append", help=_("a trusted certificate"))
    verify.add_argument("--previous", help=_("the authority's previous package"))
    verify.set_defaults(handler=cmd_verify)
