"""What ``milinc parse`` reads: text files, directories, glob patterns, standard input and JSON Lines records.

Every input becomes records for :func:`milinc.parse_records`, lazily, in
command-line order; what cannot be read becomes an
:class:`~milinc.batch.ErrorRecord` in its place, and the run goes on.

- **Only regular files are read.** A FIFO, a device (``/dev/zero``, a link to
  it), a socket or a directory named as a file is an error record, found
  without opening it: nothing hangs, nothing is read without end. Standard
  input (``-``) is the one stream read, once.
- **Bounded memory.** A file larger than 4 bytes per allowed character
  (``max_chars``) is refused before it is read; at most that much is read
  from standard input; a JSON Lines line longer than
  :func:`jsonl_line_limit` is an error record, skipped without being held.
- **Each real file once.** A file reached twice — named twice, through a
  link, or by a pattern and a directory — is read the first time only.
  Directories are walked without following links to directories; a ``**``
  pattern follows them but enters each real directory once, so a link loop
  cannot repeat a file or run without end.
- **JSON Lines records.** One JSON object per line: ``text``, and optionally
  ``id`` (by default ``FILE:LINE``), the publication date under
  ``reference_date``, ``date``, ``published`` or ``published_at``, and
  ``url``, ``outlet`` (or ``source``), ``title``, ``author``, carried into
  the document's metadata. Any other key is ignored with a warning, once per
  key. A byte order mark, blank lines and ``\\r\\n`` line ends are accepted. A
  line that is not valid UTF-8, not JSON (nested too deeply included), not an
  object, or a string with a lone surrogate (``"\\ud800"``) is an error record
  for that line.
"""

from __future__ import annotations

import fnmatch
import glob
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

from attrs import define, field

from .batch import ErrorKind, ErrorRecord, Record, to_record, unknown_keys
from .errors import InputTooLargeError
from .ontology import Metadata
from .outputs import Identity

__all__ = ["STDIN", "Inputs", "expand", "glob_paths", "jsonl_line_limit", "jsonl_records", "read_text_file"]

STDIN = "-"
"""The input name that means standard input."""

BYTES_PER_CHAR = 4
"""UTF-8 needs at most this many bytes per character: a longer file is too large whatever it holds."""

_JSONL_LINE_MARGIN = 1 << 20
"""Room in a JSON Lines line for what is not the text (the other fields, the JSON syntax)."""

IdentityCheck = Callable[[str, Identity], None]
"""Called with each file's name and identity before it is read; may raise to refuse it (an output)."""

Warn = Callable[[str], None]
"""Receives a warning, one line."""

_BOM = b"\xef\xbb\xbf"


def jsonl_line_limit(max_chars: int) -> int:
    """The longest JSON Lines line read, in bytes: a text of *max_chars* characters, all escaped (``\\\\uXXXX``), and a margin."""
    return 6 * max_chars + _JSONL_LINE_MARGIN


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(name: str, mode: int) -> ErrorRecord:
    kind = _kind(mode)
    hint = "" if stat.S_ISDIR(mode) else " (only regular files are read; pipe a stream to standard input, -)"
    reason = "is a directory" if stat.S_ISDIR(mode) else f"not a regular file: {kind}{hint}"
    return ErrorRecord(name, reason, ErrorKind.UNREADABLE)


def _open_regular(path: str) -> tuple[int, os.stat_result] | ErrorRecord:
    """An open descriptor of *path* and its status, when it is a regular file; else why it is not read."""
    try:
        before = os.stat(path)
    except FileNotFoundError:
        return ErrorRecord(path, "no such file", ErrorKind.UNREADABLE)
    except OSError as exc:
        return ErrorRecord(path, str(exc.strerror or exc), ErrorKind.UNREADABLE)
    if not stat.S_ISREG(before.st_mode):
        return _not_regular(path, before.st_mode)
    try:
        # non-blocking: a file swapped for a FIFO since the check cannot hang the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        return ErrorRecord(path, str(exc.strerror or exc), ErrorKind.UNREADABLE)
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        return _not_regular(path, st.st_mode)
    return fd, st


def _decode(data: bytes, name: str) -> Record | ErrorRecord:
    try:
        return Record(name, data.decode("utf-8"), metadata=Metadata(id=name))
    except UnicodeDecodeError as exc:
        return ErrorRecord(name, f"not valid UTF-8 (byte {exc.start})", ErrorKind.UNREADABLE)


def _read_at_most(stream: IO[bytes], limit: int) -> bytes | None:
    """Up to *limit* bytes of *stream*; ``None`` when there is more."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return None


def read_text_file(
    path: str, max_chars: int, *, check: IdentityCheck | None = None, seen: set[Identity] | None = None
) -> Record | ErrorRecord | None:
    """One text file (or ``-``, standard input) as a record, or an error record saying why not.

    Args:
        path: the file; its id in the record.
        max_chars: the text limit: more than 4 bytes per character is refused unread.
        check: called with the file's identity before reading it (refuses an output).
        seen: identities of the files read so far; updated.

    Returns:
        ``None`` when *seen* says the file was read already.
    """
    limit = BYTES_PER_CHAR * max_chars
    if path == STDIN:
        data = _read_at_most(sys.stdin.buffer, limit)
        if data is None:
            return ErrorRecord(path, f"standard input holds more than {limit} bytes: too large", ErrorKind.TOO_LARGE)
        return _decode(data, path)
    opened = _open_regular(path)
    if isinstance(opened, ErrorRecord):
        return opened
    fd, st = opened
    with os.fdopen(fd, "rb") as f:
        identity = (st.st_dev, st.st_ino)
        if check is not None:
            check(path, identity)
        if seen is not None:
            if identity in seen:
                return None
            seen.add(identity)
        if st.st_size > limit:
            return ErrorRecord(path, str(InputTooLargeError(st.st_size, max_chars)), ErrorKind.TOO_LARGE)
        try:
            data = _read_at_most(f, limit)
        except OSError as exc:
            return ErrorRecord(path, str(exc.strerror or exc), ErrorKind.UNREADABLE)
        if data is None:  # it grew while read
            return ErrorRecord(path, f"more than {limit} bytes: too large", ErrorKind.TOO_LARGE)
        return _decode(data, path)


# --- file names ----------------------------------------------------------------------


def walk_texts(directory: str) -> Iterator[str]:
    """Every ``*.txt`` file under *directory*, in name order (links to directories are not followed)."""
    for root, dirs, files in os.walk(directory):
        dirs.sort()  # os.walk descends in this list's order: sorted gives a stable corpus order
        for name in sorted(files):
            if name.endswith(".txt"):
                yield os.path.join(root, name)


def _join(base: str, name: str) -> str:
    return os.path.join(base, name) if base else name


def _list(directory: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory or ".") as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError:
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # links to directories included
    except OSError:
        return False


def _below(base: str, *, files: bool) -> Iterator[str]:
    """*base* and every directory under it (and the files, with *files*), each real directory once, hidden ones left out."""
    seen: set[tuple[int, int]] = set()
    stack = [base]
    while stack:
        directory = stack.pop()
        try:
            st = os.stat(directory or ".")
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:
            continue  # a link back up the tree, or a second link to one directory
        seen.add((st.st_dev, st.st_ino))
        yield directory
        subdirectories = []
        for entry in _list(directory):
            if entry.name.startswith("."):
                continue
            if _is_dir(entry):
                subdirectories.append(_join(directory, entry.name))
            elif files:
                yield _join(directory, entry.name)
        stack.extend(reversed(subdirectories))


def glob_paths(pattern: str) -> list[str]:
    """The paths *pattern* matches, sorted, as ``glob.glob(pattern, recursive=True)`` gives them, but safe.

    ``**`` matches any number of directories, following links to directories
    but entering each real directory once: a link loop is walked once. Hidden
    names (``.x``) match only a pattern part that starts with a dot.
    """
    absolute = os.path.isabs(pattern)
    parts = [part for part in pattern.split(os.sep) if part]
    found: list[str] = []

    def visit(base: str, index: int) -> None:
        if index == len(parts):
            found.append(base)
            return
        part = parts[index]
        last = index == len(parts) - 1
        if part == "**":
            if last:  # "dir/**": dir itself (as "dir/", like glob), and everything under it
                found.extend(os.path.join(path, "") if path == base else path for path in _below(base, files=True))
                found[:] = [path for path in found if path]
                return
            for directory in list(_below(base, files=False)):
                visit(directory, index + 1)
        elif glob.has_magic(part):
            for entry in _list(base):
                if entry.name.startswith(".") and not part.startswith("."):
                    continue
                if fnmatch.fnmatch(entry.name, part) and (last or _is_dir(entry)):
                    visit(_join(base, entry.name), index + 1)
        else:
            path = _join(base, part)
            if os.path.lexists(path) if last else os.path.isdir(path):
                visit(path, index + 1)

    visit(os.sep if absolute else "", 0)
    return sorted(set(found))


def expand(argument: str) -> Iterator[str | ErrorRecord]:
    """The file paths a command-line argument names, lazily; an error record when it names none."""
    if argument == STDIN:
        yield argument
        return
    if os.path.isdir(argument):
        found = False
        for path in walk_texts(argument):
            found = True
            yield path
        if not found:
            yield ErrorRecord(argument, "no *.txt file in this directory", ErrorKind.UNREADABLE)
        return
    if glob.has_magic(argument) and not os.path.lexists(argument):  # a file may be named "report[1].txt"
        matches = glob_paths(argument)
        if not matches:
            yield ErrorRecord(argument, "no file matches this pattern", ErrorKind.UNREADABLE)
        for match in matches:
            if os.path.isdir(match):
                yield from walk_texts(match)
            else:
                yield match
        return
    yield argument


# --- JSON Lines ---------------------------------------------------------------------------


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of *stream*; ``None`` for a line longer than *limit*, skipped without being held."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # the rest of the line, read in pieces and dropped
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


def _load(raw: bytes, where: str) -> Any:
    """The JSON value of one line, or an error record."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]  # a byte order mark: Windows editors start UTF-8 files with one
    try:
        text = raw.rstrip(b"\r\n").decode("utf-8")
    except UnicodeDecodeError as exc:
        return ErrorRecord(where, f"line is not valid UTF-8 (byte {exc.start})", ErrorKind.UNREADABLE)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return ErrorRecord(where, f"malformed JSON: {exc.msg} (column {exc.colno})", ErrorKind.INVALID_RECORD)
    except RecursionError:
        return ErrorRecord(where, "malformed JSON: nested too deeply", ErrorKind.INVALID_RECORD)


def jsonl_records(
    source: str,
    max_chars: int,
    *,
    check: IdentityCheck | None = None,
    seen: set[Identity] | None = None,
    warn: Warn | None = None,
    warned: set[str] | None = None,
) -> Iterator[Record | ErrorRecord]:
    """Records from a JSON Lines file (``-``: standard input); every unusable line becomes an error record with its place.

    Args:
        source: the file.
        max_chars: the text limit (lines longer than :func:`jsonl_line_limit` are refused unread).
        check: called with the file's identity before reading it.
        seen: identities of the files read so far (a file read already gives nothing); updated.
        warn: receives a warning for each unknown key, the first time it is met.
        warned: the keys warned about already; updated.
    """
    name = "<stdin>" if source == STDIN else source
    if source == STDIN:
        stream: IO[bytes] = sys.stdin.buffer
    else:
        opened = _open_regular(source)
        if isinstance(opened, ErrorRecord):
            yield ErrorRecord(source, f"cannot read: {opened.reason}", opened.kind)
            return
        fd, st = opened
        stream = os.fdopen(fd, "rb")
        identity = (st.st_dev, st.st_ino)
        try:
            if check is not None:
                check(source, identity)
        except BaseException:
            stream.close()
            raise
        if seen is not None:
            if identity in seen:
                stream.close()
                return
            seen.add(identity)
    warned = set() if warned is None else warned
    limit = jsonl_line_limit(max_chars)
    try:
        for line_number, raw in enumerate(_lines(stream, limit), 1):
            where = f"{name}:{line_number}"
            if raw is None:
                yield ErrorRecord(where, f"line longer than {limit} bytes: too large", ErrorKind.TOO_LARGE)
                continue
            if not raw.strip() or raw.strip() == _BOM:
                continue  # blank lines separate nothing in JSON Lines: not records
            data = _load(raw, where)
            if isinstance(data, ErrorRecord):
                yield data
            elif not isinstance(data, dict):
                yield ErrorRecord(where, f"expected a JSON object, got {type(data).__name__}", ErrorKind.INVALID_RECORD)
            else:
                if warn is not None:
                    for key in unknown_keys(data):
                        if key not in warned:
                            warned.add(key)
                            warn(f"{where}: key {key!r} is not read and is ignored (said once per key)")
                yield to_record(data, line_number, default_id=where)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


# --- all the inputs of a run ----------------------------------------------------------------


@define
class Inputs:
    """What ``milinc parse`` reads, resolved lazily: the FILE arguments, then the ``--jsonl`` files."""

    files: list[str]
    """FILE, DIR, GLOB or ``-`` arguments, in order."""
    jsonl: list[str]
    """JSON Lines files (or ``-``), in order."""
    max_chars: int
    """The text limit."""
    check: IdentityCheck | None = None
    """Called with each file's identity before it is read (refuses an output)."""
    warn: Warn | None = None
    """Receives the warnings (unknown record keys)."""
    _seen: set[Identity] = field(factory=set, init=False)

    @property
    def single(self) -> bool:
        """One plain file or stdin: the one-document behaviour (no id, errors only on stderr)."""
        if self.jsonl or len(self.files) != 1:
            return False
        only = self.files[0]
        return only == STDIN or os.path.isfile(only) or not (os.path.isdir(only) or glob.has_magic(only))

    def records(self) -> Iterator[Record | ErrorRecord]:
        """Every item, in command-line order (a file already read is not read again)."""
        for argument in self.files:
            for path in expand(argument):
                if isinstance(path, ErrorRecord):
                    yield path
                    continue
                record = read_text_file(path, self.max_chars, check=self.check, seen=self._seen)
                if record is not None:
                    yield record
        warned: set[str] = set()
        for source in self.jsonl:
            yield from jsonl_records(
                source, self.max_chars, check=self.check, seen=self._seen, warn=self.warn, warned=warned
            )

    def count(self) -> int | None:
        """About how many items there will be (for the progress bar), ``None`` when stdin is read."""
        if STDIN in self.jsonl:
            return None
        total = sum(1 for argument in self.files for _ in expand(argument))
        for source in self.jsonl:
            opened = _open_regular(source)
            if isinstance(opened, ErrorRecord):
                total += 1
                continue
            with os.fdopen(opened[0], "rb") as f:
                total += sum(1 for line in _lines(f, jsonl_line_limit(self.max_chars)) if line is None or line.strip())
        return total
