"""Reading a signed envelope's ZIP without trusting its index.

Every entry is accounted for: its name checked, its local header compared with the central
directory, its bytes decoded here (stored or deflate only) under fixed caps, its real size and
CRC compared with what the index declares, and no two entries may share bytes. Anything else is
refused with an ``EnvelopeError`` naming the entry; nothing is ever written to disk.
"""

from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from acsg_desktop.core.envelope.format import (
    ENTRY_FOLDER,
    MAX_NAME_LENGTH,
    Caps,
    has_hidden_character,
)
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.i18n import _

LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
LOCAL_SIGNATURE = b"PK\x03\x04"
DESCRIPTOR = struct.Struct("<3L")
DESCRIPTOR_SIGNATURE = b"PK\x07\x08"
END_RECORD = struct.Struct("<4s4H2LH")
END_SIGNATURE = b"PK\x05\x06"
DATA_DESCRIPTOR_FLAG = 0x08
ENCRYPTED_FLAG = 0x01
# Deflate options (bits 1-2), data descriptor (3), UTF-8 names (11): nothing else is accepted
# (patched data, strong encryption, masked headers: other tools would read such entries apart).
ACCEPTED_FLAGS = 0x0806 | DATA_DESCRIPTOR_FLAG
WHOLE_FILE = "(file)"


class EnvelopeError(AcsgError):
    """The file was refused; ``reason`` is a stable code, ``entry`` the part concerned."""

    def __init__(self, reason: str, message: str, entry: str = WHOLE_FILE) -> None:
        super().__init__(message)
        self.reason = reason
        self.entry = entry


def _check_name(info: zipfile.ZipInfo, seen: set[str], allowed: Callable[[str], bool]) -> None:
    name = info.orig_filename  # zipfile cuts ``filename`` at a NUL; the original keeps it
    leaf = name.removeprefix(ENTRY_FOLDER)
    unsafe = (
        not leaf
        or len(name) > MAX_NAME_LENGTH
        or any(c in leaf for c in "/\\:")
        or leaf in (".", "..")
        or has_hidden_character(name)
    )
    if unsafe:
        raise EnvelopeError(
            "unsafe_name", _("Unsafe entry name: {name}.").format(name=repr(name)), repr(name)
        )
    if name in seen:
        raise EnvelopeError("duplicate", _("The file holds {name} twice.").format(name=name), name)
    if stat.S_ISLNK(info.external_attr >> 16):
        raise EnvelopeError("symlink", _("The file holds a link ({name}).").format(name=name), name)
    if info.flag_bits & ENCRYPTED_FLAG:
        raise EnvelopeError(
            "encrypted", _("The file holds an encrypted entry ({name}).").format(name=name), name
        )
    if info.flag_bits & ~ACCEPTED_FLAGS:
        raise EnvelopeError(
            "index", _("The index and the local header of {name} disagree.").format(name=name), name
        )
    if not allowed(name):
        raise EnvelopeError("unexpected", _("Unexpected entry: {name}.").format(name=name), name)
    seen.add(name)


def _refuse_index(name: str) -> EnvelopeError:
    return EnvelopeError(
        "index", _("The index and the local header of {name} disagree.").format(name=name), name
    )


def _descriptor_end(raw: bytes, info: zipfile.ZipInfo, data_end: int) -> int:
    """Where the entry's data descriptor ends; its values must be the index's."""
    offset = data_end + (4 if raw[data_end : data_end + 4] == DESCRIPTOR_SIGNATURE else 0)
    values = raw[offset : offset + DESCRIPTOR.size]
    expected = (info.CRC, info.compress_size, info.file_size)
    if len(values) != DESCRIPTOR.size or DESCRIPTOR.unpack(values) != expected:
        raise _refuse_index(info.filename)
    return offset + DESCRIPTOR.size


def _record_span(raw: bytes, info: zipfile.ZipInfo) -> tuple[int, int, int]:
    """Where the entry's compressed bytes start and end, and where its whole record (header,
    data, descriptor) ends, from its local header, which must say what the index says."""
    start = info.header_offset
    header = raw[start : start + LOCAL_HEADER.size]
    if len(header) != LOCAL_HEADER.size:
        raise EnvelopeError("zip", _("{name} has no local header.").format(name=info.filename))
    fields = LOCAL_HEADER.unpack(header)
    name_length, extra_length = fields[10], fields[11]
    local_name = raw[start + LOCAL_HEADER.size : start + LOCAL_HEADER.size + name_length]
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    differs = (
        fields[0] != LOCAL_SIGNATURE
        or local_name != info.orig_filename.encode(encoding)
        or fields[3] != info.flag_bits
        or fields[4] != info.compress_type
        or extra_length != 0  # no extra field at all: unzip reads some (0x7075) as names
        or info.extra != b""
    )
    has_descriptor = bool(fields[3] & DATA_DESCRIPTOR_FLAG)
    sizes = (fields[7], fields[8], fields[9])
    if differs or (not has_descriptor and sizes != (info.CRC, info.compress_size, info.file_size)):
        raise _refuse_index(info.filename)
    data_start = start + LOCAL_HEADER.size + name_length
    data_end = data_start + info.compress_size
    record_end = _descriptor_end(raw, info, data_end) if has_descriptor else data_end
    return data_start, data_end, record_end


def _stray_bytes(name: str = WHOLE_FILE) -> EnvelopeError:
    return EnvelopeError(
        "layout", _("The file holds bytes that none of its entries accounts for."), name
    )


def _end_record(raw: bytes, entries: int) -> int:
    """Where the central directory starts, from the end record, which must close the file
    exactly: no comment, no ZIP64, nothing after it, the right number of entries."""
    end = raw[-END_RECORD.size :]
    if len(end) != END_RECORD.size or not end.startswith(END_SIGNATURE):
        raise _stray_bytes()
    _sig, disk, cd_disk, on_disk, total, size, offset, comment = END_RECORD.unpack(end)
    fits = offset + size == len(raw) - END_RECORD.size
    if (disk, cd_disk, comment) != (0, 0, 0) or not on_disk == total == entries or not fits:
        raise _stray_bytes()
    return int(offset)


def _check_layout(records: list[tuple[int, int, str]], directory_start: int) -> None:
    """The records fill the file from its first byte to the central directory, one after the
    other: nothing before, between or hidden, and no entry reuses another's bytes."""
    position = 0
    for start, end, name in sorted(records):
        if start != position:
            raise _stray_bytes(name)
        position = end
    if position != directory_start:
        raise _stray_bytes()


def _too_big(name: str) -> EnvelopeError:
    return EnvelopeError(
        "too_big",
        _("The entry {name} is too large or too compressed to be safe.").format(name=name),
        name,
    )


def _decode(compressed: bytes, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.compress_type == zipfile.ZIP_STORED:
        data = compressed
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            data = inflater.decompress(compressed, limit + 1)
        except zlib.error as error:
            raise EnvelopeError(
                "zip", _("{name} is damaged.").format(name=info.filename), info.filename
            ) from error
        finished = inflater.eof and not inflater.unconsumed_tail and not inflater.unused_data
        if len(data) <= limit and not finished:
            raise EnvelopeError(
                "size",
                _("The size of {name} does not match the index.").format(name=info.filename),
                info.filename,
            )
    else:
        raise EnvelopeError(
            "zip",
            _("{name} uses a compression method that is not accepted.").format(name=info.filename),
            info.filename,
        )
    if len(data) > limit:
        raise _too_big(info.filename)
    return data


def _read_entry(raw: bytes, info: zipfile.ZipInfo, limit: int, caps: Caps) -> bytes:
    start, end, _record_end = _record_span(raw, info)
    data = _decode(raw[start:end], info, limit)
    name = info.filename
    if len(data) != info.file_size:
        raise EnvelopeError(
            "size", _("The size of {name} does not match the index.").format(name=name), name
        )
    if zlib.crc32(data) != info.CRC:
        raise EnvelopeError("crc", _("{name} is damaged.").format(name=name), name)
    if len(data) > caps.ratio_floor and len(data) > caps.max_ratio * max(len(raw[start:end]), 1):
        raise _too_big(name)
    return data


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes, read by the megabyte: ``read(limit)`` would set aside the whole
    limit (hundreds of megabytes) even for a small file."""
    chunks, left = [], limit
    while left > 0 and (chunk := stream.read(min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _raw_file(path: Path, caps: Caps) -> bytes:
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a device or a pipe never ends
            raise EnvelopeError("unreadable", _("This is not a file."))
        with path.open("rb") as stream:
            raw = _read_at_most(stream, caps.max_total_bytes + 1)
    except OSError as error:
        raise EnvelopeError(
            "unreadable",
            _("The file cannot be read: {reason}").format(reason=os_reason(error)),
        ) from error
    if len(raw) > caps.max_total_bytes:
        raise EnvelopeError("too_big", _("The file is too large to be safe."))
    return raw


def read_envelope(path: Path, caps: Caps, allowed: Callable[[str], bool]) -> dict[str, bytes]:
    """Every entry of the ZIP at ``path`` (name -> bytes), once all structural checks held.

    ``allowed`` says which entry names the kind of file may hold.

    Raises:
        EnvelopeError: naming the first entry that breaks a rule.
    """
    raw = _raw_file(path, caps)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        NotImplementedError,  # a "version needed to extract" above what zipfile knows
    ) as error:
        raise EnvelopeError("not_zip", _("This is not a readable signed file.")) from error
    infos = archive.infolist()
    if len(infos) > caps.max_entries:
        raise EnvelopeError("too_many", _("The file has too many entries."))
    seen: set[str] = set()
    for info in infos:
        _check_name(info, seen, allowed)
    directory_start = _end_record(raw, len(infos))
    if archive.start_dir != directory_start:
        raise _stray_bytes()  # zipfile shifted its offsets: bytes were put before the entries
    records = [(info.header_offset, _record_span(raw, info)[2], info.filename) for info in infos]
    _check_layout(records, directory_start)
    entries: dict[str, bytes] = {}
    budget = caps.max_total_bytes
    for info in infos:
        data = _read_entry(raw, info, min(caps.max_entry_bytes, budget), caps)
        budget -= len(data)
        entries[info.filename] = data
    return entries
