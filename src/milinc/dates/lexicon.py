"""Word tables of the dates grammar: months, weekdays, number words, anchors.

All entries are in the normalized form the grammar reads (lowercase, no accents).
"""

from __future__ import annotations

from ..ontology import PartOfDay

__all__ = [
    "ANCHOR_WORDS",
    "DEICTIC_OFFSETS",
    "MONTHS",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "PART_OF_DAY_WORDS",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
]

MONTH_NAMES: tuple[str, ...] = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
"""French month names as written, January first (for realizers and generated text)."""

MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avril": 4, "avr": 4, "apr": 4, "april": 4,
    "mai": 5, "may": 5,
    "juin": 6, "jun": 6, "june": 6,
    "juillet": 7, "juil": 7, "jul": 7, "july": 7,
    "aout": 8, "aug": 8, "august": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}
"""Month names and abbreviations, French and English (datelines), → month number."""

WEEKDAYS: dict[str, int] = {
    "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
}
"""French weekday → ISO weekday number."""

WEEKDAY_NAMES: dict[int, str] = {v: k for k, v in WEEKDAYS.items()}
"""ISO weekday number → French name."""

NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30,
}
"""Number words of relative offsets ("trois jours plus tard")."""

DEICTIC_OFFSETS: dict[str, int] = {
    "hier": -1, "avant-hier": -2, "aujourd'hui": 0, "demain": 1, "apres-demain": 2,
}
"""Words naming a day relative to the reference date → offset in days."""

PART_OF_DAY_WORDS: dict[str, PartOfDay | None] = {
    "matin": PartOfDay.MORNING, "matinee": PartOfDay.MORNING, "aube": PartOfDay.MORNING,
    "apres-midi": PartOfDay.AFTERNOON,
    "soir": PartOfDay.EVENING, "soiree": PartOfDay.EVENING,
    "nuit": PartOfDay.NIGHT,
    "journee": None,
}
"""Part-of-day nouns → TIMEX3 part of day (``journee`` names the whole day)."""

ANCHOR_WORDS: list[str] = [
    *WEEKDAYS,
    *(m for m in MONTHS if len(m) > 3 or m in ("mai", "jun", "jul", "oct", "nov", "dec", "sep", "feb", "apr", "aug")),
    "mars", "jan", "hier", "aujourd", "demain", "veille", "lendemain", "surlendemain",
    "matin", "matinee", "soir", "soiree", "nuit", "aube", "midi", "minuit", "journee",
    "aurores", "premieres", "tombee", "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "annee", "annees",
    "1er", "1\u1d49\u02b3",  # "1er", and "1ᵉʳ" with superscript letters
]
"""Words where a date match may be found (digits are anchors too)."""
