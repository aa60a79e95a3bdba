"""What every `acsg` command shares: output, the --json flag, the data folder."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from acsg_desktop.core.display import escape_controls
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.i18n import _

if TYPE_CHECKING:
    from acsg_desktop.core.workspace import Workspace

Handler = Callable[[argparse.Namespace, Path], int]


def emit(args: argparse.Namespace, document: dict[str, Any], lines: Sequence[str]) -> None:
    """Print ``document`` as one JSON document with --json, else ``lines`` for people."""
    if getattr(args, "json", False):
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))


def json_flag() -> argparse.ArgumentParser:
    """A parent parser adding ``--json`` to a command."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", help=_("print one JSON document"))
    return parent


class EscapingStream:
    """A text stream that shows control and bidi characters as escapes, so that nothing read
    from a file (a certificate subject, an entry name, a title) can repaint the terminal."""

    def __init__(self, target: TextIO) -> None:
        self._target = target

    def write(self, text: str) -> int:
        self._target.write(escape_controls(text))
        return len(text)

    def flush(self) -> None:
        self._target.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


@contextlib.contextmanager
def escaped_output() -> Iterator[None]:
    """Everything printed inside the block goes through ``EscapingStream``."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingStream(saved[0]), EscapingStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def read_certificates(paths: Sequence[str]) -> list[Any]:
    """The certificates in each ``--trust`` file; a clear error for a missing or empty one."""
    from acsg_desktop.core.signing.cms import load_certificates

    found = []
    for path in paths:
        certificates = load_certificates(read_certificate_file(path))
        if not certificates:
            raise AcsgError(_("{path} holds no PEM certificate.").format(path=path))
        found.extend(certificates)
    return found


def read_certificate_file(path: str) -> bytes:
    """The bytes of a certificate file; a clear error for a missing or unreadable one."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise AcsgError(
            _("The certificate file {path} cannot be read: {reason}").format(
                path=path, reason=os_reason(error)
            )
        ) from error


def read_passphrase(path: str) -> bytes:
    """The passphrase in a file (its final newline ignored); never echoed or stored."""
    try:
        return Path(path).read_bytes().rstrip(b"\r\n")
    except OSError as error:
        raise AcsgError(
            _("The passphrase file cannot be read: {reason}").format(reason=error.strerror)
        ) from error


def read_identity(key_path: str, passphrase_file: str) -> Any:
    """The signing identity in a PKCS#12 file, opened with the passphrase in a file."""
    from acsg_desktop.core.signing.keys import from_pkcs12

    try:
        key_file = Path(key_path).read_bytes()
    except OSError as error:
        raise AcsgError(
            _("The key file cannot be read: {reason}").format(reason=error.strerror)
        ) from error
    return from_pkcs12(key_file, read_passphrase(passphrase_file))


def _account_passphrase(args: argparse.Namespace, name: str) -> str:
    """The account passphrase from --user-passphrase-file, or typed at a terminal."""
    path = getattr(args, "user_passphrase_file", None)
    if path:
        return read_passphrase(path).decode("utf-8", errors="replace")
    if not sys.stdin.isatty():
        raise AcsgError(
            _(
                "This office has several people: say who you are with --user and prove it "
                "with --user-passphrase-file FILE (or run the command at a terminal)."
            )
        )
    import getpass

    return getpass.getpass(_("Passphrase of {name}: ").format(name=name))


def actor_and_proof(args: argparse.Namespace, workspace: Workspace) -> tuple[str, str | None]:
    """Who the change is recorded under, once proven, and the passphrase that proved it:
    --user, else the app's current user, else the contact person. In an office of several
    people the passphrase is asked (or read from --user-passphrase-file) and checked, exactly
    as the app's sign-in does; a one-person office without a passphrase is asked nothing."""
    profile = workspace.profiles.get()
    name = str(args.user or workspace.current_user or (profile.contact_person if profile else ""))
    if not workspace.people.needs_sign_in():
        return name, None
    passphrase = _account_passphrase(args, name)
    workspace.people.sign_in(name, passphrase)
    return name, passphrase


def actor_of(args: argparse.Namespace, workspace: Workspace) -> str:
    """The proven person of ``actor_and_proof``."""
    return actor_and_proof(args, workspace)[0]


def open_workspace(args: argparse.Namespace, folder: Path, *, read_only: bool = False) -> Workspace:
    """The workspace of ``folder`` on the database the command asks for (``--database``, else
    ACSG_DATABASE, else the last one used); a server's password is asked at a terminal when
    neither the address, ``~/.pgpass``, a service file nor PGPASSWORD gives it. ``read_only``
    (commands that only read): works while the app is open on the folder; a folder without a
    database yet, or with one to migrate, is opened as by any other command (under its lock)."""
    from acsg_desktop.core.database_choice import chosen_database
    from acsg_desktop.core.store.read_only import NeedsUpdateError

    address = chosen_database(folder, getattr(args, "database", None))
    if read_only:
        try:
            return _opened(args, folder, address, read_only=True)
        except NeedsUpdateError:
            pass
    return _opened(args, folder, address, read_only=False)


def _opened(
    args: argparse.Namespace, folder: Path, address: str | None, *, read_only: bool
) -> Workspace:
    from acsg_desktop.core.store.server_errors import ServerPasswordError
    from acsg_desktop.core.workspace import Workspace

    no_backup = bool(getattr(args, "no_backup", False))
    try:
        workspace = Workspace.open(
            folder, address, allow_without_backup=no_backup, read_only=read_only
        )
    except ServerPasswordError as error:
        if not (error.missing and address and sys.stdin.isatty()):
            raise
        import getpass

        password = getpass.getpass(_("Password for the office server: "))
        workspace = Workspace.open(
            folder,
            address,
            password=password,
            allow_without_backup=no_backup,
            read_only=read_only,
        )
    _refuse_other_user_on_server(args, workspace)
    return workspace


def _refuse_other_user_on_server(args: argparse.Namespace, workspace: Workspace) -> None:
    user = getattr(args, "user", None)
    if workspace.database.is_server and user:
        workspace.close()
        raise AcsgError(
            _(
                "On an office server you act under your own login ({name}): --user is not "
                "used there."
            ).format(name=workspace.current_user)
        )
