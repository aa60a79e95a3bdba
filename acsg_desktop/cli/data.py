"""`acsg info`, `acsg db ...` and `acsg profile ...`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import emit, open_workspace, read_passphrase
from acsg_desktop.cli.db_copy import add_copy_command
from acsg_desktop.cli.server import cmd_server_check, on_server, refuse_on_server, server_backups
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import N_, SUPPORTED_LANGUAGES, _, country_name, format_number, ngettext
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.store.database import (
    backups_of,
    check_closed,
    database_path,
    unexpected_in_closed,
)
from acsg_desktop.core.store.health import StoreWriteError, describe_damage
from acsg_desktop.core.store.schema_guard import named
from acsg_desktop.core.workspace import restore_into

COUNT_LABELS = {
    "authority_profile": N_("Authority profile"),
    "person": N_("People"),
    "framework_snapshot": N_("Framework versions"),
    "assessment": N_("Assessments"),
    "answer": N_("Answers"),
}


def cmd_info(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        revision = workspace.database.schema_revision()
        counts = workspace.database.table_counts()
        server = workspace.database.location if workspace.database.is_server else None
    document = {
        "data_dir": str(folder),
        "database": server or "local",
        "schema_revision": revision,
        "counts": counts,
    }
    lines = [
        _("Data folder: {path}").format(path=folder),
        *([_("Office server: {server}").format(server=server)] if server else []),
        _("Schema version: {revision}").format(revision=revision),
        *(
            _("{table}: {count}").format(table=_(COUNT_LABELS.get(name, name)), count=count)
            for name, count in counts.items()
        ),
    ]
    emit(args, document, lines)
    return 0


def cmd_db_check(args: argparse.Namespace, folder: Path) -> int:
    if on_server(args, folder):
        return cmd_server_check(args, folder)
    path = database_path(folder)
    try:
        path, problems = check_closed(folder)
    except StoreWriteError as error:
        # Not damage: a full disk, a read-only folder, an I/O error. Say that, not "damaged".
        if args.json:
            emit(args, {"database": str(path), "ok": None, "cannot_check": error.kind.value}, [])
        raise
    strange = [] if problems else unexpected_in_closed(path)
    if args.json:
        document = {"database": str(path), "ok": not (problems or strange), "problems": problems}
        emit(args, {**document, "unexpected_objects": strange}, [])
    if problems:
        print(
            _("The database {path} is damaged: {problem}").format(
                path=path, problem=describe_damage(problems)
            ),
            file=sys.stderr,
        )
        return 1
    if strange:
        print(
            _(
                "The database {path} holds what ACSG Desktop never creates ({objects}): it "
                "could change data without a trace. Restore a backup made before it appeared "
                "(acsg db backups lists them)."
            ).format(path=path, objects=named(strange)),
            file=sys.stderr,
        )
        return 1
    if not args.json:
        print(_("The database {path} is intact.").format(path=path))
    return 0


def cmd_db_backup(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        backup = workspace.database.backup("manual")
    emit(args, {"backup": str(backup)}, [_("Backup written to {path}").format(path=backup)])
    return 0


def cmd_db_backups(args: argparse.Namespace, folder: Path) -> int:
    where, backups = server_backups(folder) if on_server(args, folder) else backups_of(folder)
    summary = ngettext(
        "{count} backup in {path}", "{count} backups in {path}", len(backups)
    ).format(count=format_number(len(backups)), path=where)
    emit(args, {"backups": [str(path) for path in backups]}, [summary, *map(str, backups)])
    return 0


def cmd_db_restore(args: argparse.Namespace, folder: Path) -> int:
    """Restore a backup, saying (as the app does) what it lacks compared with the data now."""
    refuse_on_server(args, folder)
    from acsg_desktop.core.store.backup_contents import restore_warning

    current = database_path(folder)
    warning = restore_warning(Path(args.backup), current if current.exists() else None)
    print(warning, file=sys.stderr)
    kept = restore_into(folder, Path(args.backup))
    lines = [_("Backup restored.")]
    if kept:
        lines.append(_("The previous database was kept as {path}").format(path=kept))
    emit(args, {"restored": args.backup, "previous_kept_as": str(kept) if kept else None}, lines)
    return 0


def _summary_document(summary: Any, target: str) -> dict[str, Any]:
    document = asdict(summary)
    document["created_at"] = summary.created_at.isoformat()
    document["file"] = target
    return document


def cmd_db_move_out(args: argparse.Namespace, folder: Path) -> int:
    refuse_on_server(args, folder)
    from acsg_desktop.core.transfer.service import move_out
    from acsg_desktop.core.transfer.words import contents_sentence

    passphrase = read_passphrase(args.passphrase_file)
    with open_workspace(args, folder) as workspace:
        summary = move_out(workspace.database, folder, Path(args.file), passphrase, args.with_keys)
    lines = [
        _("Everything was written to {path}.").format(path=args.file),
        contents_sentence(summary),
        _("On the new computer: acsg db move-in FILE, or “Import from another computer…”."),
    ]
    emit(args, _summary_document(summary, args.file), lines)
    return 0


def cmd_db_move_in(args: argparse.Namespace, folder: Path) -> int:
    refuse_on_server(args, folder)
    from acsg_desktop.core.transfer.service import move_in
    from acsg_desktop.core.transfer.words import contents_sentence

    result = move_in(Path(args.file), read_passphrase(args.passphrase_file), folder)
    lines = [_("Moved in: {path}").format(path=folder), contents_sentence(result.summary)]
    if result.previous_database:
        lines.append(
            _("The previous database was kept as {path}").format(path=result.previous_database)
        )
    lines.extend(
        _("A different file that was here was kept as {path}").format(path=path)
        for path in result.previous_files
    )
    document = _summary_document(result.summary, args.file)
    document["previous_kept_as"] = str(result.previous_database or "") or None
    emit(args, document, lines)
    return 0


def _add_move_commands(db_commands: Any, json_flag: argparse.ArgumentParser) -> None:
    out = db_commands.add_parser(
        "move-out",
        parents=[json_flag],
        help=_("write one passphrase-protected file with everything, for another computer"),
    )
    out.add_argument("file", help=_("the file to write (*.acsgmove)"))
    out.add_argument(
        "--with-keys", action="store_true", help=_("include the signing keys (not by default)")
    )
    out.add_argument(
        "--passphrase-file", required=True, help=_("a file holding the passphrase to protect it")
    )
    out.set_defaults(handler=cmd_db_move_out)
    into = db_commands.add_parser(
        "move-in",
        parents=[json_flag],
        help=_("take in a file written by move-out (the current database is kept)"),
    )
    into.add_argument("file", help=_("the file written by move-out"))
    into.add_argument(
        "--passphrase-file", required=True, help=_("a file holding the passphrase that protects it")
    )
    into.set_defaults(handler=cmd_db_move_in)


def _profile_lines(profile: Profile) -> list[str]:
    country = country_name(profile.country_code) or profile.country_code
    return [
        _("Country: {country} ({code})").format(country=country, code=profile.country_code),
        _("Authority: {name}").format(name=profile.authority_name),
        _("Contact person: {name}").format(name=profile.contact_person),
        _("E-mail: {email}").format(email=profile.email),
        _("Working language: {language}").format(language=profile.preferred_language),
    ]


def cmd_profile_show(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        profile = workspace.profiles.get()
    if profile is None:
        raise AcsgError(_("No authority profile yet: run the app once, or `acsg profile set`."))
    emit(args, vars(profile), _profile_lines(profile))
    return 0


def cmd_profile_set(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        current = workspace.profiles.get() or Profile("", "", "", "", "en")
        wanted = Profile(
            country_code=args.country or current.country_code,
            authority_name=args.authority or current.authority_name,
            contact_person=args.contact or current.contact_person,
            email=args.email or current.email,
            preferred_language=args.language or current.preferred_language,
        )
        saved = workspace.profiles.save(wanted)
    emit(args, vars(saved), [_("Profile saved."), *_profile_lines(saved)])
    return 0


def add_db_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    db = commands.add_parser("db", help=_("check, back up or restore the database"))
    db_commands = db.add_subparsers(dest="db_command", required=True)
    check = db_commands.add_parser("check", parents=[json_flag], help=_("full integrity check"))
    check.set_defaults(handler=cmd_db_check)
    backup = db_commands.add_parser("backup", parents=[json_flag], help=_("write a backup"))
    backup.set_defaults(handler=cmd_db_backup)
    backups = db_commands.add_parser("backups", parents=[json_flag], help=_("list the backups"))
    backups.set_defaults(handler=cmd_db_backups)
    restore = db_commands.add_parser(
        "restore", parents=[json_flag], help=_("restore a backup (the current database is kept)")
    )
    restore.add_argument("backup", help=_("backup file"))
    restore.set_defaults(handler=cmd_db_restore)
    _add_move_commands(db_commands, json_flag)
    add_copy_command(db_commands, json_flag)


def add_profile_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    profile = commands.add_parser("profile", help=_("the authority profile"))
    profile_commands = profile.add_subparsers(dest="profile_command", required=True)
    show = profile_commands.add_parser("show", parents=[json_flag], help=_("show the profile"))
    show.set_defaults(handler=cmd_profile_show)
    change = profile_commands.add_parser("set", parents=[json_flag], help=_("set the profile"))
    change.add_argument("--country", help=_("two-letter country code, such as TD"))
    change.add_argument("--authority", help=_("name of the asylum authority"))
    change.add_argument("--contact", help=_("contact person"))
    change.add_argument("--email", help=_("contact e-mail address"))
    change.add_argument(
        "--language", choices=SUPPORTED_LANGUAGES, help=_("the office's working language")
    )
    change.set_defaults(handler=cmd_profile_set)


def add_info_command(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    info = commands.add_parser("info", parents=[json_flag], help=_("data folder and contents"))
    info.set_defaults(handler=cmd_info)
