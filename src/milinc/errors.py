"""The errors milinc raises on bad input, all subclasses of :class:`MilincError`."""

from __future__ import annotations

__all__ = ["InputTooLargeError", "InvalidInputError", "MilincError", "PluginError"]


class MilincError(Exception):
    """Base class of every error milinc raises on purpose."""


class InvalidInputError(MilincError, ValueError):
    """The input cannot be parsed: undecodable bytes, a malformed reference date, a bad record."""


class InputTooLargeError(InvalidInputError):
    """The text is longer than the configured limit (``max_chars``)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"input of {size} characters exceeds the limit of {limit} (set max_chars to raise it)")
        self.size = size
        """Length of the refused text, in characters."""
        self.limit = limit
        """The limit it exceeded (``Parser.max_chars``)."""


class PluginError(MilincError):
    """A plugin is broken: its grammar does not compile, it overrides a protected rule or clashes."""

    def __init__(self, plugin: str, problem: str) -> None:
        super().__init__(f"plugin {plugin!r}: {problem}")
        self.plugin = plugin
        """Name of the plugin at fault."""
        self.problem = problem
        """What is wrong with it."""
