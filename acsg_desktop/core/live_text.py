"""Translated texts that remember how they were made, so a screen can show them again in the
language the user has just switched to.

``_()``, ``ngettext()``, the Babel formatters and ``.format()`` on their results return a
:class:`LiveText`: an ordinary ``str`` (it can be stored, compared, written to JSON) that also
knows its message id and its fields. ``retranslated(text)`` makes it again in the current
language, nested fields included, so "Not saved: {reason}" with the reason of an error shown in
English comes back wholly in French. Anything else (user data, a plain ``str``) is returned as
it is. Text joined with ``+`` stays live; f-strings and ``str.join`` make plain strings.
"""

from __future__ import annotations

from collections.abc import Callable


class LiveText(str):
    """A translated ``str`` with the recipe to make it again in another language."""

    _remake: Callable[[], str]

    def __new__(cls, text: str, remake: Callable[[], str]) -> LiveText:
        made = super().__new__(cls, text)
        made._remake = remake
        return made

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        # Copies and pickles are plain strings: the recipe holds functions.
        return (str, (str.__str__(self),))

    def __reduce_ex__(self, protocol: object) -> tuple[type[str], tuple[str]]:
        return self.__reduce__()

    def remade(self) -> str:
        """This text in the current language (live again, for the next switch)."""
        text = self._remake()
        return text if isinstance(text, LiveText) else LiveText(text, self._remake)

    def format(self, *args: object, **kwargs: object) -> str:
        def remake() -> str:
            return str.format(
                retranslated_text(self),
                *(retranslated(value) for value in args),
                **{key: retranslated(value) for key, value in kwargs.items()},
            )

        return LiveText(str.format(self, *args, **kwargs), remake)

    def __add__(self, other: str) -> str:
        if not isinstance(other, str):
            return NotImplemented
        return LiveText(
            str.__add__(self, other),
            lambda: str.__add__(retranslated_text(self), retranslated_text(other)),
        )

    def __radd__(self, other: str) -> str:
        if not isinstance(other, str):
            return NotImplemented
        return LiveText(
            str.__add__(other, self),
            lambda: str.__add__(retranslated_text(other), retranslated_text(self)),
        )


def live(text: str, remake: Callable[[], str]) -> str:
    """``text`` (made now) as a :class:`LiveText` that ``remake`` makes again later."""
    return LiveText(text, remake)


def retranslated(value: object) -> object:
    """``value`` made again in the current language when it is a :class:`LiveText`; any other
    value (a plain string, a number, user data) unchanged."""
    return value.remade() if isinstance(value, LiveText) else value


def retranslated_text(text: str) -> str:
    """Like :func:`retranslated`, for a string."""
    return text.remade() if isinstance(text, LiveText) else text
