"""Context checks around a date match: what the grammar cannot see.

The grammar reads one match at a time and never sees the words around it.
These checks do: a year after "plus de" is a count, "à 2 heures" after "il y
a" is a duration, a date in a link is not a date, a date after "a déclaré" is
when something was reported, and a future tense puts a date in the future.
All read the normalized text.
"""

from __future__ import annotations

import re

from .. import regexes
from ..ontology import Span
from .parts import DateParts, Relation

__all__ = [
    "after_event",
    "bare_day_ends",
    "count_follows",
    "counts_something",
    "future_context",
    "in_url",
    "may_be_future",
    "month_is_a_name",
    "plausible",
    "publication_line",
    "reported_at",
]

_QUANTITY_BEFORE = regexes.lazy(
    r"(?:plus|moins|pres|environ|autour|hauteur|total|nombre|bilan|somme|montant|chiffre|rayon|distance"
    r"|portee|altitude|profondeur|longueur|dela|centaines?|milliers?|dizaines?|millions?|plusieurs|quelque)\s+$"
)
_YEAR_FOLLOWERS = frozenset(
    {
        "et", "ou", "a", "au", "aux", "par", "pour", "dans", "en", "contre", "avec", "sur", "sous", "lors",
        "quand", "qui", "que", "qu", "ont", "est", "etait", "avait", "sont", "furent", "fut", "puis", "mais",
        "ni", "selon", "apres", "avant", "depuis", "jusqu", "ainsi", "alors", "lorsque", "dont", "donc", "entre",
        "ne", "n", "se", "s", "y", "il", "elle", "ils", "elles", "on", "le", "la", "les", "l",
    }
)
"""Words that may follow "de 2003" when it is a year ("l'invasion de 2003 par…"); a noun makes it a count."""
_NAME_HEAD_BEFORE = regexes.lazy(
    r"(?<![^\W_])(?:journal|mouvement|place|rue|avenue|boulevard|pont|stade|quai|brigades?|front|parti|hopital"
    r"|ecole|lycee|universite|aeroport|camp|cite|quartier|carrefour|rond-point|gare|station)"
    r"\s+(?:du|des|de)\s*$"
)
_NUMBER_RANGE_AFTER = regexes.lazy(r"\s*(?:a|et|ou)\s+\d")
_QUALIFIED = regexes.lazy(r"\s+(?!(?:et|de|du|des|a|au|en|le|la|les|ou|qui|que|dernier|derniere|prochain|prochaine|francaise)"
                        r"(?![^\W_]))[^\W\d_]{3,}")
_UP_TO = regexes.lazy(r"(?<![^\W_])(?:a|jusqu'a|jusqu'au|de)\s*$")
_IL_Y_A = regexes.lazy(r"(?<![^\W_])y\s+$")
_HOURS_OF = regexes.lazy(r"\s*(?:(?:de|du|des)(?![^\W_])|d')")
_OF_SOMETHING = regexes.lazy(r"\s*(?:(?:de|du|des)(?![^\W_])|d')")
_AFTER_EVENT = regexes.lazy(
    r"\s*(?:(?:que|le|la|les|un|une|des|du|sa|son|ses|leur|leurs|ce|cet|cette)(?![^\W_])|qu'|l'|d')"
)
_PUBLICATION = regexes.lazy(
    r"publi|mis a jour|mise a jour|modifi|actualis|\((?:afp|reuters|ap|ats|belga)\)|\b(?:afp|reuters)\b"
)
# a reporting verb right before the date, possibly with its addressee: "a déclaré à Reuters mardi"
_REPORTING_BEFORE = regexes.lazy(
    r"(?:declare|annonce|indique|affirme|rapporte|appris|precise|confirme|assure|souligne|ajoute|explique"
    r"|reconnu|dementi|communique|fait savoir|estime|reagi)\w{0,4}(?:\s+(?:a|au|aux)\s+[\w-]+)?\s*(?:,\s*)?$"
)


def plausible(text: str, start: int, end: int, parts: DateParts) -> bool:
    """Context checks the grammar cannot make (it never sees the words around a match)."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    if (before.endswith("/") or after.startswith("/")) and in_url(text, start):
        return False  # ".../2024/03/13/..." in a link
    if _NAME_HEAD_BEFORE.search(before):
        return False  # "le Journal du dimanche", "la place du 14-Juillet", "le Mouvement du 23-Mars"
    if parts.rule == "year_de" and counts_something(text, start, end):
        return False
    if parts.rule == "part_of_day_alone" and _OF_SOMETHING.match(after):
        return False  # "à l'aube d'une nouvelle ère": a part of day of something that is not a date
    if parts.holiday in ("fete_nationale", "jour_de_l_an") and _QUALIFIED.match(after):
        return False  # "la fête nationale ukrainienne", "le nouvel an chinois": not the French day
    if parts.rule == "deictic" and text.endswith(("ce jour", "ce jour-la"), start, end) and _UP_TO.search(before):
        return False  # "à ce jour", "jusqu'à ce jour": so far, no day
    if parts.clock and text.startswith("a", start) and _IL_Y_A.search(before):
        return False  # "il y a 2 heures" is a duration
    # "après 2 heures de combats", "à 2 heures de route": a duration or a distance
    return not (parts.clock and _HOURS_OF.match(after) and re.search(r"heures?$", text[start:end]))


_FUTURE_AUXILIARIES = frozenset({"doit", "doivent", "devrait", "devraient", "va", "vont", "prochainement"})
"""Words before a date that put it in the future ("doit s'exprimer vendredi")."""
_FUTURE_TENSE = regexes.lazy(r"[^\W\d_]{2,}(?:[eidtu]ra|rra|[eidtu]ront|rront)")
"""A verb in the future tense ("attaquera", "se rendra", "reprendront", "pourra")."""
_NOT_FUTURE = frozenset(
    {"camera", "cameras", "opera", "operas", "chimera", "riviera", "extra", "ultra", "contra", "sierra", "samira",
     "amira", "tiara", "mitra", "intra", "guerra", "tora", "zaatra"}
)
_FUTURE_ENDINGS = ("ra", "ront")
_IRREGULAR_FUTURES = frozenset(
    {"aura", "auront", "sera", "seront", "fera", "feront", "ira", "iront", "devra", "devront", "viendra", "viendront",
     "tiendra", "tiendront", "verra", "verront", "faudra", "saura", "sauront", "vaudra", "voudra", "voudront",
     "enverra", "enverront", "mourra", "courra", "reviendra", "reviendront", "deviendra", "obtiendra"}
)
"""Future forms the tense pattern does not see ("seront enterrés dimanche", "aura lieu samedi")."""
_WORD = regexes.lazy(r"[^\W\d_]+")


_MAY_BE_FUTURE = regexes.lazy(
    "(?:"
    + "|".join(sorted({*_FUTURE_ENDINGS, *_FUTURE_AUXILIARIES,
                       *(w for w in _IRREGULAR_FUTURES if not w.endswith(_FUTURE_ENDINGS))}))
    + r")(?![^\W\d_])"
)
"""What every word :func:`_future_words` accepts ends with (at a word's end): where none is, no word is read."""


def _future_words(text: str, start: int, end: int, *, auxiliaries: bool, original: str | None) -> bool:
    if _MAY_BE_FUTURE.search(text, start, end) is None:
        return False  # most clauses: no future form, no auxiliary, no word to look at
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if original is not None and original[m.start()].isupper():
            continue  # a name ("Naqoura", "Kourakhove") is no verb, whatever its ending
        if auxiliaries and word in _FUTURE_AUXILIARIES:
            return True
        # every future-tense form ends in "ra" or "ront": the cheap test first
        if word in _IRREGULAR_FUTURES:
            return True
        if word.endswith(_FUTURE_ENDINGS) and len(word) >= 5 and word not in _NOT_FUTURE and _FUTURE_TENSE.fullmatch(word):
            return True
    return False


def may_be_future(parts: DateParts) -> bool:
    """A date whose year (or week) the text leaves open, resolved past-preferring by default."""
    return (
        parts.relation is Relation.CALENDAR
        and parts.year is None
        and parts.direction == 0
        and not parts.this_week
        and (parts.weekday is not None or parts.month is not None or parts.season is not None
             or parts.holiday is not None)
    )


def future_context(text: str, start: int, end: int, original: str | None = None) -> bool:
    """Whether the clause around a date says it is to come (a future tense before or after it, "doit" before it).

    *original* is the text as written, at the same offsets as *text*, when it
    has them: capitalized words there are names, not verbs.
    """
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 60)
    right_stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min([*right_stops, end + 40])
    while right < len(text) and text[right].isalnum():
        right += 1  # never judge a word by a cut-off piece of it ("koura" of "kourakhove")
    return _future_words(text, left + 1, start, auxiliaries=True, original=original) or _future_words(
        text, end, right, auxiliaries=False, original=original
    )


def in_url(text: str, pos: int) -> bool:
    """Whether *pos* is inside a link ("www.", "http", "/2024/03/")."""
    left = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    right_space = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0]
    word = text[left : min(right_space) if right_space else len(text)]
    return "http" in word or "www." in word or word.count("/") >= 3 or ".fr/" in word or ".com/" in word




def counts_something(text: str, start: int, end: int) -> bool:
    """Whether the numbers of "de 2003", "de 1000 à 1500" count something rather than name years.

    They do after "plus", "près", "environ"… ("plus de 2000 soldats") and
    before a noun ("de 2000 soldats", "de 1000 à 1500 combattants").
    """
    if _QUANTITY_BEFORE.search(text, max(0, start - 30), start):
        return True
    after = text[end : end + 30]
    if _NUMBER_RANGE_AFTER.match(after):
        return True  # "de 2000 à 2500 morts"
    follower = re.match(r"\s*([^\W\d_]+|\d)", after)
    return bool(follower and (follower.group(1).isdigit() or follower.group(1) not in _YEAR_FOLLOWERS))


_BARE_DAY_END = regexes.lazy(r"\s*(?:[,.;:)!?]|$|(?:et|au|ou|puis|a|vers)(?![^\W_]))")


def bare_day_ends(text: str, end: int, parts: DateParts) -> bool:
    """Whether "le 16" ends as a date does (punctuation, "et", "au"…), not as a count or an ordinal ("le 16 000")."""
    if parts.clock or parts.part_of_day is not None:
        return True  # "le 16 à 18h", "le 16 au soir": the rest of the phrase says it is a day
    return bool(_BARE_DAY_END.match(text, end))


def count_follows(text: str, end: int) -> bool:
    """Whether the number that ends a match counts the noun after it ("mardi 2 drones ont été abattus")."""
    follower = re.match(r"\s*([^\W\d_]+)", text[end : end + 30])
    return bool(follower and follower.group(1) not in _YEAR_FOLLOWERS)


def reported_at(text: str, start: int) -> bool:
    """Whether the date at *start* says when something was reported ("a déclaré mardi", "a-t-on appris mardi")."""
    return bool(_REPORTING_BEFORE.search(text, max(0, start - 40), start))


def after_event(text: str, start: int, end: int) -> bool:
    """Whether "N jours après/avant" is followed by the event it counts from ("… après que …", "… après l'attaque")."""
    if not text.endswith(("apres", "avant"), start, end):
        return False
    return bool(_AFTER_EVENT.match(text, end))


def publication_line(line: str) -> bool:
    """Whether a line says it gives the publication date ("Publié le", "Mis à jour", "(Reuters)")."""
    return bool(_PUBLICATION.search(line))


# "Beyrouth, 24 septembre 2024 – …", "KIEV, 3 mars 2024 (AFP) - …": a place, a comma, the date, a dash.
_WIRE_PLACE = regexes.lazy(r"^\s*[^\W\d_](?:[^\W\d_]|[' .-]){0,40},\s*(?:le\s+)?$")
_LOWERCASE_WORD = regexes.lazy(r"(?<![^\W_])(?!(?:de|du|des|la|le|les|al|el|sur|en)(?![^\W_]))[^\W\d_A-Z]\w*")
_WIRE_DASH = regexes.lazy(r"^\s*(?:\([^()\n]{1,40}\)\s*)?[-:|]")


def wire_dateline(before: str, after: str, original_before: str) -> bool:
    """Whether a date is a wire-style dateline: a place and a comma before it, a dash after it.

    *before* and *after* are the normalized text on the date's line before and
    after it; *original_before* is *before* as written, where a place name is
    capitalized ("Il a dit, 12 juin –" is not a dateline).
    """
    place = original_before.split(",")[0]
    return bool(_WIRE_PLACE.match(before) and _WIRE_DASH.match(after) and not _LOWERCASE_WORD.search(place))


_CAPITALIZED_WORD = regexes.lazy(r"\s+[^\W\d_a-z]")


def month_is_a_name(original: str, span: Span, parts: DateParts) -> bool:
    """Whether a month alone is a first name ("d'Avril Haines"): capitalized and followed by a capitalized word.

    Reads the ORIGINAL text, where case is kept.
    """
    if parts.month is None or parts.day is not None or parts.year is not None:
        return False
    last_word = re.findall(r"[^\W\d_]+", span.text)
    if not last_word or not last_word[-1][0].isupper():
        return False
    return bool(_CAPITALIZED_WORD.match(original, span.end))
