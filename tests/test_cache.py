"""The private per-user cache (milinc.cache): where it lives, what it trusts, what it deletes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from milinc import cache


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    place = tmp_path / "place"
    monkeypatch.setenv(cache.ENV, str(place))
    return place


def test_entries_round_trip_in_a_private_directory(root: Path) -> None:
    assert cache.put("grammar", "key one", '{"a": 1}')
    assert cache.get("grammar", "key one") == '{"a": 1}'
    assert cache.get("grammar", "key two") is None
    directory = root / cache.SUBDIR
    assert directory.stat().st_mode & 0o777 == 0o700
    assert root.stat().st_mode & 0o077 == 0


def test_an_altered_byte_is_detected(root: Path) -> None:
    cache.put("grammar", "k", json.dumps({"tables": [1, 2, 3]}))
    (path,) = (root / cache.SUBDIR).glob("grammar-*.json")
    raw = bytearray(path.read_bytes())
    raw[raw.index(b"3")] = ord("4")  # still valid JSON, other data
    path.write_bytes(bytes(raw))
    assert cache.get("grammar", "k") is None


def test_swapped_entries_are_not_used(root: Path) -> None:
    cache.put("grammar", "first", '"one"')
    cache.put("grammar", "second", '"two"')
    first = root / cache.SUBDIR / f"grammar-{cache.digest('grammar' + chr(0) + 'first')[:40]}.json"
    second = root / cache.SUBDIR / f"grammar-{cache.digest('grammar' + chr(0) + 'second')[:40]}.json"
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)
    assert cache.get("grammar", "first") is None
    assert cache.get("grammar", "second") is None


def test_truncated_or_garbage_entries_are_ignored(root: Path) -> None:
    cache.put("lexicon", "k", '"value"')
    (path,) = (root / cache.SUBDIR).glob("lexicon-*.json")
    for junk in (b"", b"\x00\xff garbage", path.read_bytes()[:20], b"[" * 100_000):
        path.write_bytes(junk)
        assert cache.get("lexicon", "k") is None


def test_pruning_never_deletes_the_users_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # MILINC_CACHE_DIR pointed at a folder of the user's own files (the 2 100)
    folder = tmp_path / "my-files"
    folder.mkdir(mode=0o700)
    for i in range(2100):
        (folder / f"photo-{i}.json").write_text("mine")
    sub = folder / cache.SUBDIR
    sub.mkdir(mode=0o700)
    (sub / "notes.txt").write_text("mine too")
    (sub / "grammar-notes.json").write_text("mine, with a name close to milinc's")
    monkeypatch.setenv(cache.ENV, str(folder))
    monkeypatch.setattr(cache, "MAX_ENTRIES", 20)
    for i in range(60):
        cache.put("grammar", f"key {i}", str(i))
    assert len(list(folder.glob("photo-*.json"))) == 2100
    assert (sub / "notes.txt").read_text() == "mine too"
    assert (sub / "grammar-notes.json").exists()
    ours = list(sub.glob("grammar-*.json"))
    assert 2 <= len(ours) <= 21
    assert cache.get("grammar", "key 59") == "59"


def test_a_directory_writable_by_others_is_not_trusted(root: Path) -> None:
    cache.put("grammar", "k", '"v"')
    sub = root / cache.SUBDIR
    sub.chmod(0o777)
    assert cache.cache_dir() is None
    assert cache.get("grammar", "k") is None
    assert not cache.put("grammar", "k2", '"v"')
    sub.chmod(0o700)
    root.chmod(0o777)  # a place where others could rename our directory away
    assert cache.get("grammar", "k") is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_a_directory_or_entry_owned_by_someone_else_is_not_trusted(root: Path) -> None:
    cache.put("grammar", "k", '"v"')
    sub = root / cache.SUBDIR
    (entry,) = sub.glob("grammar-*.json")
    os.chown(entry, 12345, 12345)
    assert cache.get("grammar", "k") is None
    os.chown(entry, 0, 0)
    os.chown(sub, 12345, 12345)  # planted by another user before us
    assert cache.get("grammar", "k") is None
    assert not cache.put("grammar", "k3", '"v"')


def test_a_symbolic_link_is_not_followed(root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    root.mkdir(mode=0o700)
    (root / cache.SUBDIR).symlink_to(elsewhere)
    assert cache.cache_dir() is None
    assert not cache.put("grammar", "k", '"v"')
    assert list(elsewhere.iterdir()) == []


def test_no_home_means_no_disk_cache_never_a_shared_temp_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda p: p)  # "~" stays "~": no home directory
    assert cache.cache_dir() is None


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "")
    assert cache.cache_dir() is None
    assert not cache.put("grammar", "k", '"v"')
