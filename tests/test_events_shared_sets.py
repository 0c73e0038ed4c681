"""Small immutable sets are shared across mentions (milinc.events.triggers.frozen), never confused."""

from __future__ import annotations

from milinc.events.triggers import frozen
from milinc.ontology import WeaponCategory


def test_empty_and_equal_small_sets_are_one_object() -> None:
    assert frozen([]) is frozen(iter(())) is frozen(set())
    assert frozen(["us", "israel"]) is frozen({"israel", "us"})


def test_a_str_enum_set_is_never_served_for_a_string_set() -> None:
    strings = frozen(["drone"])
    members = frozen([WeaponCategory.DRONE])
    assert strings == members  # equal as sets: a str enum member equals its value…
    assert members is not strings  # …but each caller gets back its own element type
    assert all(isinstance(w, WeaponCategory) for w in members)
    assert all(type(w) is str for w in frozen(["drone"]))


def test_large_sets_are_not_kept() -> None:
    big = frozen(range(10))
    assert big == frozenset(range(10))
    assert frozen(range(10)) is not big
