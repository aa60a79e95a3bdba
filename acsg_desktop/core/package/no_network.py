"""No network client for pyHanko: aiohttp is replaced by a module that refuses to be used.

pyHanko imports aiohttp at module level, for network time-stamping and for fetching revocation
data. The app does neither: it signs offline (no time-stamp server) and validates with
``allow_fetching=False``. Importing aiohttp still costs an export about 0.2 s (it loads the
system's certificate store twice, for SSL contexts nothing uses), and the bundle leaves it out.

``install`` registers, unless aiohttp is already imported, a module whose every name is a class
that refuses to be used: ``import aiohttp``, annotations and ``except aiohttp.ClientError``
work; a network call raises ``NetworkClientAbsent``. The app calls it before it imports
pyHanko; the bundle's runtime hook (tools/bundle_hooks/no_aiohttp.py) before anything.
"""

from __future__ import annotations

import sys
import types
from typing import Any, NoReturn


class NetworkClientAbsent(RuntimeError):
    """Something tried to use aiohttp, which the app never uses."""


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise NetworkClientAbsent("ACSG Desktop signs and validates offline: it has no network client")


_PLACEHOLDERS: dict[str, type] = {}


def _placeholder(name: str) -> type:
    """``aiohttp.<name>``: the same refusing class every time it is asked for."""
    if name.startswith("__"):
        raise AttributeError(name)
    if name not in _PLACEHOLDERS:
        namespace = {"__init__": _refuse, "__module__": "aiohttp"}
        _PLACEHOLDERS[name] = type(name, (Exception,), namespace)
    return _PLACEHOLDERS[name]


def install() -> None:
    """Put the refusing aiohttp in place (nothing when the real one is already imported)."""
    module = types.ModuleType("aiohttp", __doc__)
    module.__getattr__ = _placeholder  # type: ignore[method-assign]  # PEP 562
    sys.modules.setdefault("aiohttp", module)
