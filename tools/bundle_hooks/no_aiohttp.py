"""PyInstaller runtime hook: the bundle ships no aiohttp, which pyHanko imports but the app never
uses (see acsg_desktop/core/package/no_network.py); build.spec leaves aiohttp and its
dependencies out, and this hook, run before the app's first import, puts the refusing module in
its place."""

from __future__ import annotations

from acsg_desktop.core.package.no_network import install

install()
