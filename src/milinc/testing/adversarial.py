"""Hostile inputs, by family, at any size: what the fuzz tests parse and ``benchmarks/adversarial.py`` times.

Each family is a function ``n -> text`` that builds about *n* units of its
input; :func:`make` grows one to a number of characters. The families are the
shapes that made parsers slow per character in the review of issue 19 (a
digest of many distinct incidents, a long list of trigger words, repeated
weekday names, one long line, a word repeated, many numbers) and the ones the
engine's own linear-time work found (digit runs, chains of number words,
nested quotes). They are deterministic: the same *n* gives the same text.
"""

from __future__ import annotations

import math
from collections.abc import Callable

__all__ = ["FAMILIES", "make"]

_PLACES = ["Gao", "Ménaka", "Kidal", "Tombouctou", "Mopti", "Ségou", "Djibo", "Dori", "Diffa", "Maiduguri",
           "Kharkiv", "Odessa", "Bakhmout", "Hodeïda", "Rafah", "Khan Younès", "Deir ez-Zor", "Idleb"]  # fmt: skip
_WEAPONS = ["une roquette", "deux obus de mortier", "un drone Shahed-136", "un engin explosif improvisé",
            "des tirs d'armes automatiques", "un missile Kalibr", "trois roquettes Grad", "une mine antichar"]  # fmt: skip
_VICTIMS = ["soldats", "civils", "policiers", "militaires", "enfants", "combattants"]
_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"]  # fmt: skip
_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def _digest(n: int) -> str:
    """*n* distinct incidents, one a sentence, each with its own date, place, weapon and toll."""
    out = []
    for i in range(n):
        out.append(
            f"Le {_DAYS[i % 7]} {1 + i % 28} {_MONTHS[(i // 28) % 12]} {2000 + (i // 336) % 25}, "
            f"{_WEAPONS[i % len(_WEAPONS)]} a frappé {_PLACES[(i * 7) % len(_PLACES)]}, tuant {2 + i % 40} "
            f"{_VICTIMS[i % len(_VICTIMS)]} et en blessant {1 + (i * 3) % 17}. "
        )
    return "".join(out)


FAMILIES: dict[str, Callable[[int], str]] = {
    "incident digest": _digest,
    "trigger words": lambda n: "attaque frappe bombardement embuscade attentat tirs explosion " * n,
    "weekday soup": lambda n: "lundi mardi soir nuit de jeudi à " * (n * 2),
    "one long line": lambda n: ("le 28 juin au moins huit missiles ont frappé Bagdad " * n)[: n * 50],
    "repeated word": lambda n: "le " * (n * 17),
    "many numbers": lambda n: " ".join(f"{(i * 7919) % 100_000} soldats, {i % 999} roquettes" for i in range(n * 2)),
    "long digit run": lambda n: "1" * (n * 50),
    "digit groups": lambda n: "2 500 " * (n * 8),
    "number words": lambda n: "vingt et un mille " * (n * 3),
    "nested quotes": lambda n: "« " * (n * 12) + "attaque" + " »" * (n * 12),
}
"""Family name → ``n -> text`` (about 50 characters a unit)."""


def make(family: str, chars: int) -> str:
    """The input of *family* grown to about *chars* characters (rounded up to whole units)."""
    build = FAMILIES[family]
    unit = max(1, len(build(1)))
    return build(max(1, math.ceil(chars / unit)))
