"""A smaller ICU data library for the bundle: what Qt asks ICU for in this app, nothing more.

PySide6's Qt links ICU, whose data library (libicudata, 32 MB) holds every locale's names,
calendars, units and currencies, time-zone names, line-breaking dictionaries for Thai, Khmer and
CJK, and some 200 legacy converters. This app's texts, dates and numbers come from our catalogue,
Babel and Qt's own CLDR tables; Qt asks ICU only for collation (QCollator: the file dialogs sort
names with it) and for the core tables under it (normalisation, properties, locale fallback).
``trimmed_icu_data`` rebuilds the library, same soname and same symbol, with the common data cut
to those items and to collation for English, French, Spanish and the root locale (2.5 MB). Qt
falls back to plain comparison, with a warning, for a locale whose collation is left out.

Needs ``as`` and ``ld`` from binutils, which PyInstaller needs already on Linux.
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

LANGUAGES = ("root", "en", "fr", "es")
# Whole trees Qt never reads here: line breaking, units, currencies, language, region and zone
# names, transliteration, spelled-out numbers.
LEFT_OUT_TREES = ("brkitr", "unit", "curr", "lang", "region", "zone", "translit", "rbnf")
LOCALE_BUNDLE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
ALIGN = 16


def wanted(item: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether the common data keeps ``item`` (such as ``icudt73l/coll/fr.res``)."""
    parts = item.split("/")[1:]
    language = parts[-1].removesuffix(".res").split("_")[0]
    if len(parts) > 1:
        if parts[0] in LEFT_OUT_TREES or parts[0] != "coll":
            return False
        return parts[1] in ("ucadata.icu", "res_index.res") or language in languages
    name = parts[0]
    if name.endswith((".cnv", ".cfu", ".spp")) or name == "unames.icu":
        return False  # converters, spoof checks, stringprep, character names
    return not LOCALE_BUNDLE.match(name) or language in languages


def data_symbol(library: bytes) -> tuple[str, int, int]:
    """The ``icudtNN_dat`` symbol of an ELF64 library: its name, file offset and size."""
    shoff, shentsize, shnum = struct.unpack_from("<Q10xHH", library, 0x28)  # e_shoff...
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)
    ]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strings = sections[dynsym[6]]  # its sh_link: .dynstr
    for offset in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        name_at, _info, _other, index, value, size = struct.unpack_from("<IBBHQQ", library, offset)
        end = library.index(b"\0", strings[4] + name_at)
        name = library[strings[4] + name_at : end].decode()
        if name.startswith("icudt") and name.endswith("_dat"):
            section = sections[index]
            return name, value - section[3] + section[4], size
    raise ValueError("no icudt*_dat symbol: not an ICU data library")


def items(common: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The common data's header and its (name, content) items, in table-of-contents order."""
    header_size = struct.unpack_from("<H", common)[0]
    if common[2:4] != b"\xda\x27" or common[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    toc = common[header_size:]
    count = struct.unpack_from("<I", toc)[0]
    pairs = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [start for _name, start in pairs[1:]] + [len(toc)]
    found = []
    for (name_at, start), end in zip(pairs, ends, strict=True):
        name = toc[name_at : toc.index(b"\0", name_at)].decode("ascii")
        found.append((name, toc[start:end]))
    return common[:header_size], found


def package(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """Common data holding ``kept`` (names sorted as ICU's binary search expects)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _content in kept)
    toc_size = 4 + 8 * len(kept)
    at = _aligned(toc_size + len(names))
    name_at, toc, body = toc_size, [], bytearray()
    for name, content in kept:
        toc.append(struct.pack("<II", name_at, at + len(body)))
        name_at += len(name) + 1
        body += content + b"\0" * (_aligned(len(content)) - len(content))
    padding = b"\0" * (at - toc_size - len(names))
    return header + struct.pack("<I", len(kept)) + b"".join(toc) + names + padding + bytes(body)


def _aligned(size: int) -> int:
    return (size + ALIGN - 1) // ALIGN * ALIGN


def link(common: bytes, symbol: str, soname: str, folder: Path) -> Path:
    """A shared library named ``soname`` exporting ``common`` as ``symbol``."""
    (folder / "icudata.dat").write_bytes(common)
    (folder / "icudata.s").write_text(
        f".section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign {ALIGN}\n"
        f'{symbol}:\n.incbin "icudata.dat"\n.size {symbol}, . - {symbol}\n'
        '.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    subprocess.run(["as", "-o", "icudata.o", "icudata.s"], cwd=folder, check=True)
    out = folder / soname
    command = ["ld", "-shared", "-soname", soname, "-o", soname, "icudata.o"]
    subprocess.run(command, cwd=folder, check=True)
    return out


def trimmed_icu_data(source: Path, folder: Path) -> Path:
    """``source`` (libicudata.so.NN) rebuilt in ``folder`` with only the items Qt needs here."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / source.name
    if out.exists() and out.stat().st_mtime > max(
        source.stat().st_mtime, Path(__file__).stat().st_mtime
    ):
        return out
    library = source.read_bytes()
    symbol, offset, size = data_symbol(library)
    header, found = items(library[offset : offset + size])
    kept = [(name, content) for name, content in found if wanted(name)]
    return link(package(header, kept), symbol, source.name, folder)
