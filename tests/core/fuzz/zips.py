"""Hypothesis strategies that damage real, valid ZIP files where it matters: the local headers,
the central directory, the end record, the compressed data and the sizes the index declares.

Every fuzz test uses :func:`fuzz` for its settings: no example database in the repository (a
failure prints the example and the ``@reproduce_failure`` blob instead), and
``ACSG_FUZZ_SCALE=10`` multiplies every example count for a longer run.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from dataclasses import dataclass

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCALE = max(1, int(os.environ.get("ACSG_FUZZ_SCALE", "1")))

# (offset, width) of the fields that matter in each record (APPNOTE 4.3.7, 4.3.12, 4.3.16)
LOCAL_FIELDS = {
    "flags": (6, 2),
    "method": (8, 2),
    "crc": (14, 4),
    "compressed": (18, 4),
    "size": (22, 4),
    "name_length": (26, 2),
    "extra_length": (28, 2),
}
CENTRAL_FIELDS = {
    "flags": (8, 2),
    "method": (10, 2),
    "crc": (16, 4),
    "compressed": (20, 4),
    "size": (24, 4),
    "name_length": (28, 2),
    "extra_length": (30, 2),
    "comment_length": (32, 2),
    "external": (38, 4),
    "offset": (42, 4),
}
END_FIELDS = {
    "disk_entries": (8, 2),
    "entries": (10, 2),
    "directory_size": (12, 4),
    "directory_offset": (16, 4),
    "comment_length": (20, 2),
}
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


def fuzz(examples: int) -> settings:
    """Settings for one fuzz target running ``examples`` examples (times ACSG_FUZZ_SCALE)."""
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        database=None,
        derandomize=False,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


@dataclass(frozen=True)
class Record:
    """Where one entry lives in the ZIP."""

    name: str
    local: int  # offset of its local header
    central: int  # offset of its central directory record
    data: tuple[int, int]  # its compressed bytes


@dataclass(frozen=True)
class ZipMap:
    records: tuple[Record, ...]
    directory: int  # start of the central directory
    end: int  # offset of the end-of-central-directory record

    def header_positions(self) -> list[int]:
        """Every byte of every local header, central record and the end record."""
        positions: list[int] = []
        for record in self.records:
            positions.extend(range(record.local, record.data[0]))
        positions.extend(range(self.directory, self.end + 22))
        return positions


def zip_map(data: bytes) -> ZipMap:
    """The layout of a valid ZIP (the unmodified input of a strategy)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        directory = archive.start_dir
    centrals = []
    position = directory
    for _info in infos:
        centrals.append(position)
        name_length, extra_length, comment_length = struct.unpack_from("<3H", data, position + 28)
        position += 46 + name_length + extra_length + comment_length
    records = []
    for info, central in zip(infos, centrals, strict=True):
        name_length, extra_length = struct.unpack_from("<2H", data, info.header_offset + 26)
        start = info.header_offset + 30 + name_length + extra_length
        records.append(
            Record(info.filename, info.header_offset, central, (start, start + info.compress_size))
        )
    return ZipMap(tuple(records), directory, data.rfind(b"PK\x05\x06"))


def values(width: int, current: int) -> st.SearchStrategy[int]:
    """Lies a field of ``width`` bytes may tell: off by a little, zero, all ones, anything."""
    top = 2 ** (8 * width) - 1
    return st.one_of(
        st.integers(-3, 3).map(lambda delta: min(max(current + delta, 0), top)),
        st.sampled_from([0, 1, top, top - 1, 0x7FFF, 0x8000]),
        st.integers(0, top),
    )


class Damaged(bytes):
    """Bytes that print as how they were made, not as 100 kB of data."""

    how: str

    def __new__(cls, data: bytes, how: list[str]) -> Damaged:
        made = super().__new__(cls, data)
        made.how = "; ".join(how)
        return made

    def __repr__(self) -> str:
        return f"<{len(self)} bytes: {self.how}>"


def set_field(data: bytearray, position: int, width: int, value: int) -> None:
    data[position : position + width] = value.to_bytes(width, "little")


@st.composite
def byte_edits(draw: st.DrawFn, data: bytes, where: list[int] | None = None) -> bytes:
    """``data`` with 1 to 4 bytes flipped, set, inserted or deleted, or cut short; positions
    are drawn from ``where`` (or the headers) half of the time, anywhere otherwise."""
    targets = where if where is not None else zip_map(data).header_positions()
    out = bytearray(data)
    how = []
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        anywhere = st.integers(0, len(out) - 1)
        position = min(draw(st.one_of(st.sampled_from(targets), anywhere)), len(out) - 1)
        kind = draw(st.sampled_from(["flip", "set", "insert", "delete", "cut"]))
        if kind == "flip":
            out[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set":
            out[position] = draw(st.integers(0, 255))
        elif kind == "insert":
            out[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del out[position : position + draw(st.integers(1, 8))]
        else:
            del out[position:]
        how.append(f"{kind} at {position}")
    return Damaged(out, how)


@st.composite
def lying_fields(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with 1 to 3 header fields (sizes, CRC, method, flags, lengths, offsets) of the
    local header, the central record or both, or of the end record, set to a lie."""
    layout = zip_map(data)
    out = bytearray(data)
    how = []
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(["local", "central", "both", "end"]))
        if place == "end":
            field = draw(st.sampled_from(sorted(END_FIELDS)))
            offset, width = END_FIELDS[field]
            how.append(f"end {field}")
            starts = [layout.end]
        else:
            record = draw(st.sampled_from(layout.records))
            fields = CENTRAL_FIELDS if place == "central" else LOCAL_FIELDS
            field = draw(st.sampled_from(sorted(fields)))
            how.append(f"{record.name} {place} {field}")
            offset, width = fields[field]
            starts = [record.central if place == "central" else record.local]
            if place == "both":
                starts.append(record.central)
                offset_central = CENTRAL_FIELDS[field][0]
        current = int.from_bytes(out[starts[0] + offset : starts[0] + offset + width], "little")
        value = draw(values(width, current))
        set_field(out, starts[0] + offset, width, value)
        if len(starts) == 2:
            set_field(out, starts[1] + offset_central, width, value)
        how[-1] += f" = {value}"
    return Damaged(out, how)


class _Unseekable(io.RawIOBase):
    """An output zipfile cannot seek in, so it writes data descriptors after each entry."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
        return self.buffer.write(data)


def zip_entries(entries: list[tuple[str, bytes, int, int | None]], stream: bool = False) -> bytes:
    """A ZIP of (name, data, method, level) entries, in that order; ``stream`` writes it the
    way a pipe would (data descriptors, sizes after the data)."""
    target: io.BytesIO | _Unseekable = _Unseekable() if stream else io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:  # type: ignore[arg-type]
        for name, data, method, level in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 29, 0, 0, 0))
            info.compress_type = method
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=level)
    return target.buffer.getvalue() if isinstance(target, _Unseekable) else target.getvalue()


@st.composite
def rezipped(draw: st.DrawFn, entries: dict[str, bytes], accepted_only: bool = False) -> bytes:
    """The same entries written again: in any order, each stored or compressed (deflate at any
    level, or bzip2 and LZMA which the reader refuses), as a file or as a stream."""
    methods = METHODS[:2] if accepted_only else METHODS
    items = list(entries.items())
    order = draw(st.permutations(range(len(items))))
    written = []
    for index in order:
        name, data = items[index]
        method = draw(st.sampled_from(methods))
        level = draw(st.integers(0, 9)) if method == zipfile.ZIP_DEFLATED else None
        written.append((name, data, method, level))
    stream = draw(st.booleans())
    how = [f"{name} method {method} level {level}" for name, _data, method, level in written]
    return Damaged(zip_entries(written, stream=stream), [*how, f"stream {stream}"])


@st.composite
def changed_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` changed for sure: bytes flipped, inserted or deleted, cut, extended, emptied."""
    kind = draw(st.sampled_from(["flip", "insert", "delete", "cut", "extend", "empty"]))
    out = bytearray(data)
    if kind == "empty" or not out:
        return Damaged(b"" if data else b"x", ["emptied"])
    position = draw(st.integers(0, len(out) - 1))
    if kind == "flip":
        out[position] ^= draw(st.integers(1, 255))
    elif kind == "insert":
        out[position:position] = draw(st.binary(min_size=1, max_size=16))
    elif kind == "delete":
        del out[position : position + draw(st.integers(1, 16))]
    elif kind == "cut":
        del out[position:]
    else:
        out.extend(draw(st.binary(min_size=1, max_size=64)))
    assert bytes(out) != data
    return Damaged(out, [f"{kind} at {position}"])
