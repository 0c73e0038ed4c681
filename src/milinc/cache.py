"""A private, per-user cache of plain data (compiled grammar tables, lexicon regexes).

What a new process would otherwise rebuild (a grammar extended by plugins takes
seconds to compile) is kept here as JSON, never as pickle, marshal or code: a
cache entry can at worst hold wrong data, and every entry is checked before it
is used.

* Where: ``$MILINC_CACHE_DIR`` when set (an empty value turns the cache off),
  else ``$XDG_CACHE_HOME/milinc`` or ``~/.cache/milinc``. Without a usable home
  directory there is no disk cache: never a fallback in a shared directory
  such as ``/tmp``.
* Trust: milinc works only in its own subdirectory (:data:`SUBDIR`) of that
  place, which it creates with mode 0700. The directory and its parent are
  checked before every use (not a symbolic link, owned by the current user, not
  writable by anyone else); when a check fails the cache is not used.
* Entries: one JSON file per key, named ``<kind>-<40 hex digits>.json``. Each
  holds the digest of its full key and of its payload; an entry whose key or
  payload digest does not match (a swapped, truncated or altered file) is
  ignored and rewritten.
* Writes go to a temporary file in the same directory, renamed into place.
* Pruning removes only files of milinc's own name pattern in its own
  subdirectory, oldest first, once there are more than :data:`MAX_ENTRIES`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import threading
from pathlib import Path

__all__ = ["ENV", "MAX_ENTRIES", "SUBDIR", "cache_dir", "digest", "get", "put"]

ENV = "MILINC_CACHE_DIR"
"""Environment variable moving the cache (an empty value turns it off)."""
SUBDIR = "tables-v1"
"""milinc's own subdirectory of the cache place: the only directory it writes to or prunes."""
MAX_ENTRIES = 200
"""At most about this many entries are kept; older ones are removed when a new one is written."""
FORMAT = 1

_ENTRY_NAME = re.compile(r"^(?P<kind>[a-z]+)-(?P<digest>[0-9a-f]{40})\.json$")
_TEMP_PREFIX = ".milinc-tmp-"
_KIND = re.compile(r"^[a-z]+$")
_lock = threading.Lock()


def digest(text: str) -> str:
    """The SHA-256 hex digest of *text* (UTF-8, lone surrogates kept)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _configured_root() -> Path | None:
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None  # no home directory: no disk cache (never a shared temp directory)
        base = os.path.join(home, ".cache")
    return Path(base) / "milinc"


def _private_dir_ok(path: Path, st: os.stat_result) -> bool:
    """A directory we own that nobody else may write to (nor read: mode 0700 for ours)."""
    return (
        stat.S_ISDIR(st.st_mode)
        and (not hasattr(os, "getuid") or st.st_uid == os.getuid())
        and st.st_mode & 0o077 == 0
    )


def _parent_ok(st: os.stat_result) -> bool:
    """The place holding our subdirectory: a directory nobody else can rename things in."""
    if not stat.S_ISDIR(st.st_mode):
        return False
    if not hasattr(os, "getuid"):
        return True
    owner_ok = st.st_uid in (os.getuid(), 0)
    others_write = st.st_mode & 0o022
    return owner_ok and (not others_write or bool(st.st_mode & stat.S_ISVTX))


def cache_dir(*, create: bool = False) -> Path | None:
    """milinc's private cache directory, checked; ``None`` when there is none to trust.

    With *create*, the directory (and the configured place above it, when
    missing) is created with mode 0700.
    """
    root = _configured_root()
    if root is None:
        return None
    path = root / SUBDIR
    try:
        if create:
            with contextlib.suppress(FileExistsError):
                root.mkdir(mode=0o700, parents=True)
            with contextlib.suppress(FileExistsError):
                path.mkdir(mode=0o700)
        if not _parent_ok(os.lstat(root)) or stat.S_ISLNK(os.lstat(root).st_mode):
            return None
        if not _private_dir_ok(path, os.lstat(path)):
            return None
    except OSError:
        return None
    return path


def _entry_path(directory: Path, kind: str, key_digest: str) -> Path:
    return directory / f"{kind}-{key_digest[:40]}.json"


def get(kind: str, key: str) -> str | None:
    """The payload text cached under (*kind*, *key*), or ``None`` (absent, untrusted or not valid)."""
    directory = cache_dir()
    if directory is None:
        return None
    key_digest = digest(f"{kind}\0{key}")
    path = _entry_path(directory, kind, key_digest)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            return None
        with os.fdopen(fd, "rb") as f:
            fd = -1
            raw = f.read()
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)
    try:
        entry = json.loads(raw)
        if not (
            type(entry) is dict
            and entry.get("format") == FORMAT
            and entry.get("kind") == kind
            and entry.get("key") == key_digest
            and type(entry.get("payload")) is str
        ):
            return None
        payload: str = entry["payload"]
        if entry.get("payload_sha256") != digest(payload):
            return None
        return payload
    except (ValueError, RecursionError):
        return None


def put(kind: str, key: str, payload: str) -> bool:
    """Cache *payload* (a text, JSON by convention) under (*kind*, *key*); ``False`` when not written."""
    if not _KIND.match(kind):
        raise ValueError(f"bad cache kind {kind!r}")
    directory = cache_dir(create=True)
    if directory is None:
        return False
    key_digest = digest(f"{kind}\0{key}")
    entry = {"format": FORMAT, "kind": kind, "key": key_digest, "payload_sha256": digest(payload), "payload": payload}
    path = _entry_path(directory, kind, key_digest)
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".json", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as f:
            json.dump(entry, f, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp_name, path)
        tmp_name = ""
    except OSError:
        return False  # a full or read-only disk only costs the next process a rebuild
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    _prune(directory)
    return True


def _prune(directory: Path) -> None:
    """Remove the oldest of milinc's own entries once there are more than :data:`MAX_ENTRIES`.

    Only regular files named like an entry, in milinc's own subdirectory, are
    candidates: anything else found there is left alone.
    """
    with _lock:
        try:
            ours = [
                (e.stat(follow_symlinks=False).st_mtime, e.path)
                for e in os.scandir(directory)
                if _ENTRY_NAME.match(e.name) and e.is_file(follow_symlinks=False)
            ]
        except OSError:
            return
        if len(ours) <= MAX_ENTRIES:
            return
        ours.sort()
        for _mtime, old in ours[: len(ours) - MAX_ENTRIES * 3 // 4]:
            with contextlib.suppress(OSError):
                os.unlink(old)
