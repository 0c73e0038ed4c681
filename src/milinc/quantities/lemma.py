"""The unit of a count: the counted noun's lemma, singular and lowercase, accents kept.

A small French plural → singular function, enough for the nouns news reports
count (soldats, véhicules blindés, généraux, chevaux, obus, Français…).
"""

from __future__ import annotations

from . import lexicon

__all__ = ["singular", "unit_lemma"]

_INVARIABLE = lexicon.INVARIABLE_NOUNS
_IRREGULAR = lexicon.IRREGULAR_PLURALS
_COMPOUND_PREFIXES = lexicon.COMPOUND_PREFIXES


def singular(word: str) -> str:
    """The singular of a lowercase French noun (a plural or already singular).

    >>> singular("missiles"), singular("généraux"), singular("obus"), singular("feux")
    ('missile', 'général', 'obus', 'feu')
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _INVARIABLE or len(word) <= 3:
        return word
    if word.endswith(("ais", "ois", "ès", "z")):
        # nationalities (Français, Chinois), progrès, gaz… are the same in the singular
        return word
    if word.endswith("eaux") or word.endswith("eux") or word.endswith("oux") or word.endswith("aux"):
        if word.endswith("aux") and not word.endswith("eaux"):
            return word[:-3] + "al"  # généraux → général, chevaux → cheval
        return word[:-1]  # drapeaux → drapeau, feux → feu, genoux → genou
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def unit_lemma(noun: str) -> str:
    """The unit for a counted noun as written in the original text.

    Lowercase, singular, accents kept; hyphenated compounds keep their
    invariable prefix and singularize the rest ("sous-marins" → "sous-marin",
    "pick-up" stays, "porte-avions" stays).
    """
    if noun.isupper() and len(noun) > 1:
        return noun.lower()  # an acronym or a model: "HIMARS", "F-16" stay as they are
    word = noun.lower().replace("\u2019", "'")
    if "-" in word:
        if word in _INVARIABLE:
            return word
        parts = word.split("-")
        if parts[0] in ("porte", "lance", "garde", "pare", "brise", "tire", "coupe", "casse", "chasse"):
            return word  # verb + noun compounds keep their plural noun ("porte-avions")
        keep = [p if p in _COMPOUND_PREFIXES and i == 0 else singular(p) for i, p in enumerate(parts)]
        return "-".join(keep)
    return singular(word)
