"""Every file milinc writes is opened here: written whole or not at all, never over an input.

>>> import os, tempfile
>>> from milinc.outputs import open_output
>>> folder = tempfile.mkdtemp()
>>> with open_output(os.path.join(folder, "out.txt")) as out:
...     out.write("written whole or not at all\\n")
>>> os.listdir(folder)
['out.txt']

- An output that is a regular file, or does not exist yet, is written to a
  temporary file beside it (``.NAME.XXXXXXXX.milinc-tmp``, created new, readable
  by its owner only) that replaces ``NAME`` in one rename when the writing has
  succeeded (:meth:`OutputFile.commit`). On any failure — an exception, a write
  error, Ctrl-C, a SIGTERM turned into an exception by the caller (the ``milinc``
  command does) — :meth:`OutputFile.abort` removes the temporary file and ``NAME``
  is left as it was. A reader never sees a half-written CSV, JSON Lines or
  Parquet file. The file that replaces ``NAME`` keeps ``NAME``'s permissions,
  or gets the usual ones (``0666`` less the umask) when ``NAME`` is new.
- An output given through a symbolic link is written where the link points:
  the file it names is replaced and the link stays.
- ``-`` is standard output; special files (``/dev/null``, a FIFO, a terminal)
  are written directly, as a shell redirection would.
- milinc never deletes a file but the temporary files it created itself, and
  never replaces a file but the one named as an output, once it is complete.
- :class:`OutputSet` gathers the outputs of one run: it refuses an output that
  is also an input, or that is the same file as another output (compared by
  device and inode, so also through links, hard links and ``./`` spellings;
  standard output counts as the file it is redirected to), before anything is
  written, and it commits or aborts them all together.

Write errors (disk full, ``/dev/full``, permission denied, no such directory)
raise :class:`~milinc.errors.OutputError`, with the output's name, in one line.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from types import TracebackType
from typing import IO, Any

from .errors import OutputConflictError, OutputError

__all__ = ["STDOUT", "TEMP_SUFFIX", "OutputFile", "OutputSet", "file_identity", "open_output"]

STDOUT = "-"
"""The output name that means standard output."""

TEMP_SUFFIX = ".milinc-tmp"
"""The suffix of the temporary files outputs are written to before they are renamed into place."""

_TEMP_NAME_MAX = 200
"""Longest part of an output's name kept in its temporary file's name (file names stop at 255 bytes)."""

Identity = tuple[int, int]
"""A file's device and inode: the same identity is the same file, whatever the path."""


def file_identity(path: str | os.PathLike[str] | int) -> Identity | None:
    """The ``(device, inode)`` of a file (links followed; a file descriptor works too), ``None`` if there is none."""
    try:
        st = os.fstat(path) if isinstance(path, int) else os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


_umask: int | None = None


def _current_umask() -> int:
    """The process umask, read without changing it where Linux allows (``/proc/self/status``)."""
    global _umask
    if _umask is None:
        try:
            with open("/proc/self/status", encoding="ascii") as f:
                _umask = next(int(line.split()[1], 8) for line in f if line.startswith("Umask:"))
        except (OSError, StopIteration, ValueError, IndexError):
            _umask = os.umask(0o022)  # the only portable way to read it is to set it, then put it back
            os.umask(_umask)
    return _umask


class OutputFile:
    """One output being written: :attr:`stream` to write to, then :meth:`commit` or :meth:`abort`.

    Used as a context manager, it commits when the block ends normally and
    aborts when it raises. Write through :meth:`write` (or hand :attr:`stream`
    to a library and call :meth:`commit` yourself, which also reports the
    errors of the last buffered writes).
    """

    def __init__(
        self, name: str | os.PathLike[str], *, binary: bool = False, newline: str | None = None
    ) -> None:
        """Open the output *name* (``-`` for standard output) for writing.

        Args:
            name: the output's path as the user gave it.
            binary: open for bytes instead of text.
            newline: as :func:`open`'s (``""`` for the csv module); text only.

        Raises:
            OutputError: it cannot be opened (no such directory, permission
                denied, a directory).
        """
        self.name = os.fspath(name)
        """The output as it was named."""
        self.path: str | None = None
        """The file that receives the output (links resolved); ``None`` for standard output."""
        self.temp_path: str | None = None
        """The temporary file written until :meth:`commit`; ``None`` when written directly."""
        self._binary = binary
        self._done = False
        self._final_mode: int | None = None
        self._owns_stream = True
        self._identities: list[Identity] | None = None
        self.stream: IO[Any]
        """The open stream (text or binary)."""
        if self.name == STDOUT:
            self._owns_stream = False
            self.stream = sys.stdout.buffer if binary else sys.stdout
            if binary:
                sys.stdout.flush()  # what was printed as text comes first
            return
        self.path = os.path.realpath(self.name)
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        newline = None if binary else newline
        try:
            existing = os.stat(self.path)
        except FileNotFoundError:
            existing = None
        except OSError as exc:
            raise OutputError(self.label, _describe(exc)) from None
        try:
            if existing is not None and stat.S_ISDIR(existing.st_mode):
                raise OutputError(self.label, "is a directory")
            if existing is not None and not stat.S_ISREG(existing.st_mode):
                # /dev/null, a FIFO, a terminal: nothing to replace, written as a redirection would
                self.stream = open(self.path, mode, encoding=encoding, newline=newline)  # noqa: SIM115
                return
            self._final_mode = (
                stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_current_umask()
            )
            directory, base = os.path.split(self.path)
            fd, self.temp_path = tempfile.mkstemp(
                prefix=f".{base[:_TEMP_NAME_MAX]}.", suffix=TEMP_SUFFIX, dir=directory or "."
            )
        except OSError as exc:
            raise OutputError(self.label, _describe(exc)) from None
        try:
            self.stream = os.fdopen(fd, mode, encoding=encoding, newline=newline)
        except BaseException:
            os.close(fd)
            self._remove_temp()
            raise

    @property
    def label(self) -> str:
        """The output's name for messages ("standard output" for ``-``)."""
        return "standard output" if self.name == STDOUT else self.name

    @property
    def atomic(self) -> bool:
        """Whether the output is written to a temporary file and renamed into place."""
        return self.temp_path is not None

    def identities(self) -> list[Identity]:
        """The files this output writes to (its temporary file, its target if it exists, or standard output's file)."""
        if self._identities is None:
            found = []
            if self.temp_path is not None:
                found.append(file_identity(self.temp_path))
            if self.path is not None:
                found.append(file_identity(self.path))
            elif self.name == STDOUT:
                with contextlib.suppress(AttributeError, OSError, ValueError):  # stdout replaced by a StringIO
                    found.append(file_identity(self.stream.fileno()))
            self._identities = [identity for identity in found if identity is not None]
        return self._identities

    def write(self, data: Any) -> None:
        """Write *data* (``str``, or ``bytes`` for a binary output).

        Raises:
            OutputError: the write failed (disk full…); the output is then aborted.
            BrokenPipeError: the reader of a pipe went away (also aborted).
        """
        try:
            self.stream.write(data)
        except BrokenPipeError:
            self.abort()
            raise  # the reader went away: not a failure of ours (the caller decides)
        except OSError as exc:
            self.abort()
            raise OutputError(self.label, _describe(exc)) from None

    def commit(self) -> None:
        """Finish the output: flush it and put it in place (for a temporary file, by renaming it over the target).

        Does nothing the second time.

        Raises:
            OutputError: the last writes, the flush or the rename failed; the
                temporary file is removed and the target left as it was.
        """
        if self._done:
            return
        try:
            self.stream.flush()
            if self.temp_path is not None:
                assert self.path is not None and self._final_mode is not None
                fd = self.stream.fileno()
                os.fchmod(fd, self._final_mode)
                os.fsync(fd)  # the data is on disk before the name points at it
                self.stream.close()
                os.replace(self.temp_path, self.path)
                self.temp_path = None
            elif self._owns_stream:
                self.stream.close()
        except BrokenPipeError:
            self.abort()
            raise
        except (OSError, ValueError) as exc:
            self.abort()
            raise OutputError(self.label, _describe(exc)) from None
        self._done = True

    def abort(self) -> None:
        """Give the output up: close it and remove its temporary file (the target is left as it was).

        Never raises; does nothing once the output is committed or aborted.
        """
        if self._done:
            return
        self._done = True
        if self._owns_stream:
            with contextlib.suppress(OSError, ValueError):
                self.stream.close()
        else:
            with contextlib.suppress(OSError, ValueError):
                self.stream.flush()
        self._remove_temp()

    def _remove_temp(self) -> None:
        if self.temp_path is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temp_path)  # only ever a file mkstemp created for this output
            self.temp_path = None

    @property
    def closed(self) -> bool:
        """Whether the output was committed or aborted."""
        return self._done

    def __enter__(self) -> OutputFile:
        """Return the output itself."""
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Commit on success, abort on an exception."""
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def open_output(name: str | os.PathLike[str], *, binary: bool = False, newline: str | None = None) -> OutputFile:
    """Open one output (see the module's description): written to a temporary file, renamed on :meth:`~OutputFile.commit`.

    Raises:
        OutputError: it cannot be opened.
    """
    return OutputFile(name, binary=binary, newline=newline)


def _null_identity() -> Identity | None:
    return file_identity(os.devnull)


class OutputSet:
    """The inputs and outputs of one run: clashing outputs refused, outputs committed or aborted together.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> source = os.path.join(folder, "in.jsonl")
    >>> _ = open(source, "w").write("{}\\n")
    >>> outputs = OutputSet()
    >>> outputs.add_input(source)
    >>> outputs.open(os.path.join(folder, ".", "in.jsonl"))
    Traceback (most recent call last):
    ...
    milinc.errors.OutputConflictError: .../in.jsonl is also an input (.../in.jsonl)
    """

    def __init__(self) -> None:
        """An empty set: add the inputs first, then open the outputs."""
        self._inputs: dict[Identity, str] = {}
        self._outputs: list[tuple[OutputFile | None, str, object]] = []
        self._null = _null_identity()

    def add_input(self, name: str, identity: Identity | None = None) -> None:
        """Register an input (a path, or ``-`` for standard input) so that no output can be written over it.

        Raises:
            OutputConflictError: an output already opened is that file.
        """
        if identity is None:
            identity = file_identity(0 if name == "-" else name)  # "-" is standard input here
        if identity is None or identity == self._null:
            return
        self.check_input(name, identity)
        self._inputs.setdefault(identity, name)

    def check_input(self, name: str, identity: Identity) -> None:
        """Refuse to read a file that is one of the outputs (a file found in a directory or by a pattern).

        Raises:
            OutputConflictError: it is.
        """
        if identity == self._null:
            return
        for output, output_name, _key in self._outputs:
            if output is not None and identity in output.identities():
                raise OutputConflictError(f"{name} is also an output ({output_name})")

    def _key(self, name: str) -> object:
        if name == STDOUT:
            return ("stdout", file_identity(1) or "stdout")
        identity = file_identity(name)
        return identity if identity is not None else os.path.realpath(name)

    def claim(self, name: str) -> None:
        """Reserve *name* as an output without opening it (standard output printed by the caller, for instance).

        Raises:
            OutputConflictError: it is an input or another output.
        """
        self._check_output(name)
        self._outputs.append((None, name, self._key(name)))

    def _check_output(self, name: str) -> object:
        key = self._key(name)
        identity = key[1] if isinstance(key, tuple) and key[0] == "stdout" else key
        if identity == self._null:
            return key
        if isinstance(identity, tuple) and identity in self._inputs:
            raise OutputConflictError(f"{name} is also an input ({self._inputs[identity]})")
        for _output, other, other_key in self._outputs:
            other_identity = other_key[1] if isinstance(other_key, tuple) and other_key[0] == "stdout" else other_key
            if other_identity == identity:
                same = "standard output" if other == STDOUT else other
                raise OutputConflictError(f"{name} and {same} are the same output")
        return key

    def open(self, name: str, *, binary: bool = False, newline: str | None = None) -> OutputFile:
        """Check *name* against the inputs and the other outputs, then open it (see :func:`open_output`).

        Raises:
            OutputConflictError: it is an input or another output.
            OutputError: it cannot be opened.
        """
        key = self._check_output(name)
        output = open_output(name, binary=binary, newline=newline)
        output.identities()  # known now, while the temporary file and the target both exist
        self._outputs.append((output, name, key))
        return output

    def names(self) -> list[str]:
        """The outputs opened or claimed, as they were named, in order."""
        return [name for _output, name, _key in self._outputs]

    def commit(self) -> None:
        """Commit every output, in the order they were opened; if one fails, the others are aborted.

        Raises:
            OutputError: an output could not be finished.
        """
        try:
            for output, _name, _key in self._outputs:
                if output is not None:
                    output.commit()
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Abort every output not committed yet (their temporary files are removed). Never raises."""
        for output, _name, _key in self._outputs:
            if output is not None:
                output.abort()

    def __enter__(self) -> OutputSet:
        """Return the set itself."""
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Commit on success, abort on an exception."""
        if exc_type is None:
            self.commit()
        else:
            self.abort()
