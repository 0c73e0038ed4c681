"""The errors milinc raises on bad input, all subclasses of :class:`MilincError`."""

from __future__ import annotations

__all__ = [
    "InputTooLargeError",
    "InvalidInputError",
    "MilincError",
    "MilincWarning",
    "OutputConflictError",
    "OutputError",
    "PluginError",
    "install_hint",
]


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


class OutputError(MilincError):
    """An output could not be written (disk full, no such directory, permission denied).

    Nothing half-written is left behind: the output's temporary file is removed
    and the file named as the output, if it existed, is untouched.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"cannot write {path}: {problem}")
        self.path = path
        """The output as it was named."""
        self.problem = problem
        """What went wrong."""


class OutputConflictError(MilincError, ValueError):
    """An output is also an input, or two outputs are one file: refused before anything is written."""


class MilincWarning(UserWarning):
    """Something milinc did that the caller may not expect (an unknown record key ignored, a deprecated name)."""


_EXTRAS: dict[str, tuple[str, ...]] = {
    "parquet": ("pyarrow>=14",),
    "pandas": ("pandas>=2",),
    "progress": ("tqdm>=4.66",),
    "corpora": ("pandas>=2", "pyarrow>=14", "tqdm>=4.66"),
    "dask": ("dask[bag,dataframe]>=2024.1", "pandas>=2", "pyarrow>=14"),
    "test": ("pytest>=7.4", "hypothesis>=6.90", "jsonschema>=4.19"),
}
"""The requirements of each optional extra, as ``pyproject.toml`` lists them (a test keeps them equal)."""


def install_hint(extra: str) -> str:
    """How to install an optional extra, in a form that works today.

    milinc is not on PyPI, so asking pip for the extra ``milinc[parquet]`` fails:
    the hint names the packages themselves, and the extra for a checkout of milinc.

    >>> install_hint("parquet")
    "pip install 'pyarrow>=14' (or, in a milinc checkout: pip install -e '.[parquet]')"
    """
    packages = " ".join(f"'{requirement}'" for requirement in _EXTRAS[extra])
    return f"pip install {packages} (or, in a milinc checkout: pip install -e '.[{extra}]')"
