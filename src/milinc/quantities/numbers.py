"""Values of the number tokens the quantities grammar reads.

The grammar's ``NUMBER_WORDS`` terminal only lets well-formed French cardinals
through (traditional, 1990 and Belgian/Swiss spellings); :func:`words_value`
adds them up. Digit tokens may carry thousands separators (space, no-break or
thin space — all normalized to a space —, dot or comma: "2 500", "2.500",
"2,500") or a decimal comma before *million*/*milliard* ("1,5 million").
"""

from __future__ import annotations

import re

from ..normalize import fold

__all__ = ["MULTIPLIERS", "decimal_value", "digits_value", "multiplier_value", "words_value"]

_WORD_VALUES: dict[str, int] = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "septante": 70, "huitante": 80, "octante": 80, "nonante": 90, "cent": 100, "cents": 100,
    "mille": 1000, "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
}

MULTIPLIERS: dict[str, int] = {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9}
"""The noun multipliers that may follow digits ("3 millions", "1,5 milliard")."""

_SPLIT = re.compile(r"[\s-]+")
_NOT_DIGIT = re.compile(r"[^\d]")


def words_value(text: str) -> int:
    """The integer a French cardinal in words stands for.

    Args:
        text: one ``NUMBER_WORDS`` token, e.g. ``"deux mille cinq cents"`` or
            ``"quatre-vingt-dix-sept"`` (accents and case do not matter).

    Returns:
        Its value (``2500``, ``97``).

    Raises:
        KeyError: a word is not a French number word.
    """
    folded = fold(text).strip()
    single = _WORD_VALUES.get(folded)
    if single is not None:
        return single  # one word ("deux", "cent", "mille"): what the loop below adds up for it
    big = 0  # millions and milliards already closed
    thousands = 0  # the thousands group, once "mille" is read
    small = 0  # the group below one thousand being read
    previous = ""
    for word in _SPLIT.split(folded):
        if word == "et" or not word:
            continue
        v = _WORD_VALUES[word]
        if v == 100:
            small = (small or 1) * 100 if small < 100 else small + 100
        elif v == 1000:
            thousands = (small or 1) * 1000
            small = 0
        elif v >= 10**6:
            big += ((thousands + small) or 1) * v
            thousands = small = 0
        elif v == 20 and previous == "quatre" and small % 100 == 4:
            small += 76  # "quatre-vingt(s)" is 80, not 4 + 20
        else:
            small += v
        previous = word
    return big + thousands + small


def digits_value(text: str) -> int:
    """The integer of a digit token, thousands separators removed ("2 500", "2.500" → 2500)."""
    if text.isdecimal():
        return int(text)  # no separator: the common case, without a regex
    return int(_NOT_DIGIT.sub("", text))


def decimal_value(text: str, multiplier: int) -> int:
    """The integer of a decimal number times a multiplier ("1,5" and a million → 1 500 000)."""
    whole, _, frac = re.sub(r"\s", "", text).replace(".", ",").partition(",")
    fraction = round(int(frac or "0") * multiplier / 10 ** len(frac or "0"))
    return int(whole) * multiplier + int(fraction)


def multiplier_value(text: str) -> int:
    """The value of *million(s)* / *milliard(s)*."""
    value: int = MULTIPLIERS[fold(text).strip()]
    return value
