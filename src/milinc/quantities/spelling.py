"""A French number *realizer*: integers written out in words.

It is the inverse of the number grammar and is used to test it (every integer
spelled here must parse back to itself). Three national variants and two
spellings are supported:

- ``variant="fr"``: France — *soixante-dix*, *quatre-vingts*, *quatre-vingt-dix*;
- ``variant="be"``: Belgium — *septante*, *quatre-vingts*, *nonante*;
- ``variant="ch"``: Switzerland — *septante*, *huitante*, *nonante*;
- ``reform1990=False``: traditional spelling, hyphens only between tens and
  units below one hundred and never around *et* (*vingt et un*, *deux cent
  cinquante*, *deux mille*);
- ``reform1990=True``: the 1990 rectifications, hyphens between every numeral
  (*vingt-et-un*, *deux-cent-cinquante*, *deux-millions-trois-cent-mille*).

*cent* and *vingt* take an ``-s`` when multiplied and last (*deux cents*,
*quatre-vingts*), also before *million* and *milliard*, which are nouns, but
not before *mille* (*deux cent mille*).
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Variant", "spell"]

Variant = Literal["fr", "be", "ch"]
"""Regional spelling: ``fr`` (soixante-dix, quatre-vingt-dix), ``be`` (septante, nonante), ``ch`` (septante, huitante, nonante)."""

_UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize",
)
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n: int, variant: Variant, final: bool) -> list[str]:
    """Words of 1..99 as a list of parts; *final* is False when a multiplier follows (no plural -s)."""
    if n <= 16:
        return [_UNITS[n]]
    if n < 20:
        return ["dix", _UNITS[n - 10]]
    tens, unit = divmod(n, 10)
    if tens == 7 and variant == "fr":
        return ["soixante", "et", "onze"] if unit == 1 else ["soixante", *_below_100(10 + unit, variant, final)]
    if (tens == 9 and variant == "fr") or (tens == 8 and variant in ("fr", "be")):
        if tens == 8 and unit == 0:
            return ["quatre", "vingts" if final else "vingt"]
        rest = n - 80
        return ["quatre", "vingt", *_below_100(rest, variant, final)]
    word = _TENS.get(tens) or {7: "septante", 8: "huitante", 9: "nonante"}[tens]
    if unit == 0:
        return [word]
    if unit == 1:
        return [word, "et", "un"]
    return [word, _UNITS[unit]]


def _below_1000(n: int, variant: Variant, final: bool) -> list[list[str]]:
    """Words of 1..999 as groups: hyphen-joined parts inside a group (traditional spelling)."""
    hundreds, rest = divmod(n, 100)
    groups: list[list[str]] = []
    if hundreds:
        if hundreds > 1:
            groups.append([_UNITS[hundreds]])
        groups.append(["cents" if hundreds > 1 and rest == 0 and final else "cent"])
    if rest:
        groups.append(_below_100(rest, variant, final))
    return groups


def _join_traditional(groups: list[list[str]]) -> str:
    words: list[str] = []
    for parts in groups:
        # "vingt et un": no hyphen around "et"; "quatre-vingt-dix-sept": hyphens inside the group
        text = ""
        for i, p in enumerate(parts):
            if i == 0:
                text = p
            elif p == "et" or parts[i - 1] == "et":
                text += " " + p
            else:
                text += "-" + p
        words.append(text)
    return " ".join(words)


def spell(n: int, *, variant: Variant = "fr", reform1990: bool = False) -> str:
    """French words for the integer *n* (0 ≤ n < 10¹²).

    Args:
        n: the integer to write out.
        variant: ``"fr"`` (France), ``"be"`` (Belgium: septante, nonante) or
            ``"ch"`` (Switzerland: septante, huitante, nonante).
        reform1990: hyphenate every numeral, as the 1990 rectifications recommend.

    Returns:
        The number in words, e.g. ``spell(2500)`` → ``"deux mille cinq cents"``.

    Raises:
        ValueError: *n* is negative or not below one thousand billion.
    """
    if not 0 <= n < 10**12:
        raise ValueError(f"n must be between 0 and 999 999 999 999, got {n}")
    if n == 0:
        return "zéro"
    groups: list[list[str]] = []
    milliards, rest = divmod(n, 10**9)
    millions, rest = divmod(rest, 10**6)
    thousands, units = divmod(rest, 1000)
    for count, noun in ((milliards, "milliard"), (millions, "million")):
        if count:
            groups.extend(_below_1000(count, variant, final=True))
            groups.append([noun + ("s" if count > 1 else "")])
    if thousands:
        if thousands > 1:
            groups.extend(_below_1000(thousands, variant, final=False))
        groups.append(["mille"])
    if units:
        groups.extend(_below_1000(units, variant, final=True))
    if reform1990:
        return "-".join(p for parts in groups for p in parts)
    return _join_traditional(groups)
