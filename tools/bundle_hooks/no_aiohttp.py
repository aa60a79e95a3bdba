"""PyInstaller runtime hook: the bundle ships no aiohttp, which pyHanko imports but we never use.

pyHanko imports aiohttp at module level for network time-stamping and for fetching revocation
data. The app does neither (it validates with ``allow_fetching=False`` and asks no time-stamp
server), so build.spec leaves aiohttp and its dependencies out, and this hook, run before the
app's first import, registers in its place a module whose every name is a class that refuses to
be used: ``import aiohttp``, annotations and ``except aiohttp.ClientError`` work; a network call
raises NetworkClientAbsent.
"""

from __future__ import annotations

import sys
import types
from typing import Any, NoReturn


class NetworkClientAbsent(RuntimeError):
    """Something tried to use aiohttp, which this build leaves out."""


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise NetworkClientAbsent("this build of ACSG Desktop has no network client (aiohttp)")


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
    module = types.ModuleType("aiohttp", __doc__)
    module.__getattr__ = _placeholder  # type: ignore[method-assign]  # PEP 562
    sys.modules.setdefault("aiohttp", module)


install()
