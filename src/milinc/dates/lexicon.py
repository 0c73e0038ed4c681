"""Word tables of the dates grammar: months, weekdays, number words, anchors.

All entries are in the normalized form the grammar reads (lowercase, no accents).
"""

from __future__ import annotations

from ..ontology import PartOfDay

__all__ = [
    "ANCHOR_WORDS",
    "DEICTIC_OFFSETS",
    "EVENT_NOUNS",
    "HOLIDAY_NAMES",
    "HOUR_WORDS",
    "MONTHS",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "PART_OF_DAY_WORDS",
    "SEASONS",
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

HOUR_WORDS: dict[str, int] = {
    **{w: n for w, n in NUMBER_WORDS.items() if n <= 20 and w != "une"}, "une": 1,
    "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingt et une": 21, "vingt-deux": 22,
    "vingt-trois": 23,
}
"""Hours written in words ("à quinze heures", "vers vingt-deux heures")."""

SEASONS: dict[str, str] = {"printemps": "SP", "ete": "SU", "automne": "FA", "hiver": "WI"}
"""Season names → TIMEX3 season codes."""

HOLIDAY_NAMES: dict[str, str] = {
    "noel": "noel", "noel orthodoxe": "noel_orthodoxe", "saint-sylvestre": "saint_sylvestre",
    "toussaint": "toussaint", "jour de l'an": "jour_de_l_an", "nouvel an": "jour_de_l_an",
    "fete nationale": "fete_nationale", "fete du travail": "fete_du_travail", "fete des travailleurs": "fete_du_travail",
    "paques": "paques", "lundi de paques": "lundi_de_paques", "vendredi saint": "vendredi_saint",
    "ascension": "ascension", "pentecote": "pentecote", "armistice": "armistice", "assomption": "assomption",
    "saint-valentin": "saint_valentin",
    "aid el-fitr": "aid_el_fitr", "aid el-seghir": "aid_el_fitr", "fete de la rupture du jeune": "aid_el_fitr",
    "aid el-kebir": "aid_el_adha", "aid el-adha": "aid_el_adha", "tabaski": "aid_el_adha",
    "fete du sacrifice": "aid_el_adha", "achoura": "achoura", "mawlid": "mawlid", "mouloud": "mawlid",
    "ramadan": "ramadan",
}
"""Holiday names, normalized (spaces single, "al"/"el" and the hyphen unified) → keys of
:mod:`milinc.dates.holidays`."""

EVENT_NOUNS: frozenset[str] = frozenset({
    "attaque", "frappe", "offensive", "bombardement", "attentat", "explosion", "assaut", "raid", "incursion", "tir",
    "salve", "embuscade", "combat", "affrontement", "massacre", "invasion", "coup", "putsch", "enlevement",
    "annonce", "publication", "election", "scrutin", "vote", "sommet", "visite", "reunion", "accord", "treve",
    "cessez-le-feu", "retrait", "arrestation", "assassinat", "mort", "deces", "incident", "operation", "riposte",
    "represaille", "declaration", "discours", "manifestation", "emeute", "naufrage", "crash", "chute",
})
"""Nouns that name an event a relative date may count from ("deux jours après que l'armée a annoncé des
frappes" counts from the strikes): the clause's first one stands for it."""

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
    # an hour in words is a clock time after a preposition ("à quinze heures"); "deux heures" alone is a duration
    *(f"{prep} {w} heure{'s' if n > 1 else ''}" for w, n in HOUR_WORDS.items()
      for prep in ("a", "vers", "des", "jusqu'a", "avant", "apres")),
    "week-end", "week-ends", "weekend", "weekends", "week end", "printemps", "automne", "hiver",
    "hivers", "cet ete", "l'ete", "en ete", "noel", "toussaint", "saint-sylvestre", "paques", "ascension", "pentecote",
    "armistice", "assomption", "saint-valentin", "aid", "tabaski", "achoura", "mawlid", "mouloud", "ramadan", "fete",
    "nouvel an", "apres-midi",
    "1er", "1\u1d49\u02b3",  # "1er", and "1ᵉʳ" with superscript letters
]
"""Words where a date match may be found (digits are anchors too)."""
