"""Word lists of the quantities grammar and of its context checks (data, not code).

Every phrase is written as in French text; the grammar reads the normalized copy
(lowercase, no accents), so the lists are folded with :func:`milinc.normalize.fold`
before use. The qualifier and quantifier lists fill the ``/@LEXICON:...@/``
terminals of ``grammars/quantities.lark``; plugins may add phrases to them.
"""

from __future__ import annotations

from ..ontology import CasualtyRole, Qualifier

__all__ = [
    "AGE_UNITS",
    "AGE_WORDS",
    "APPROXIMATE_NOUNS",
    "AVOIR_FORMS",
    "BARE_NUMBER_PREFIXES",
    "CASUALTY_NOUNS",
    "CASUALTY_PARTICIPLES",
    "CASUALTY_VERBS_BEFORE",
    "COLLECTIVE_NOUNS",
    "COMPOUND_PREFIXES",
    "CURRENCY_UNITS",
    "DESIGNATORS",
    "FIXED_EXPRESSIONS",
    "FUNCTION_WORDS",
    "INJURY_ADVERBS",
    "INVARIABLE_NOUNS",
    "LEXICON_QUALIFIERS",
    "NOT_COUNTED_NOUNS",
    "PRENOMINAL_ADJECTIVES",
    "TIME_UNITS",
    "TRANSITIVE_PARTICIPLES",
    "UNKNOWN_QUANTIFIERS",
    "VAGUE_QUANTIFIERS",
]

QUALIFIER_PHRASES: dict[Qualifier, list[str]] = {
    Qualifier.AT_LEAST: [
        "au moins", "pas moins", "au minimum", "un minimum", "au bas mot", "à tout le moins", "a minima",
        "tout au moins",
    ],
    Qualifier.MORE_THAN: [
        "plus", "un peu plus", "bien plus", "largement plus", "nettement plus", "au-delà", "au delà",
        "plus encore", "davantage", "+",
    ],
    Qualifier.AT_MOST: ["au plus", "tout au plus", "au maximum", "un maximum", "jusqu'à", "pas plus"],
    Qualifier.LESS_THAN: ["moins", "un peu moins", "bien moins", "pas plus"],
    Qualifier.ABOUT: [
        "environ", "près", "quelque", "approximativement", "à peu près", "autour", "aux alentours",
        "de l'ordre", "presque", "quasiment", "pratiquement", "grosso modo", "plus ou moins", "pas loin", "une petite", "un petit", "une bonne", "un bon", "une grosse", "un gros", "env.",
    ],
    Qualifier.EXACT: ["exactement", "précisément", "seulement", "uniquement", "tout juste", "pile"],
}
"""Qualifier phrases that come before the number ("au moins huit", "plus de 60", "près d'un millier")."""

# "pas plus" is at_most; drop it from less_than where it was listed for symmetry of reading.
QUALIFIER_PHRASES[Qualifier.LESS_THAN].remove("pas plus")

LEXICON_QUALIFIERS: dict[str, Qualifier] = {
    "q_at_least": Qualifier.AT_LEAST,
    "q_more_than": Qualifier.MORE_THAN,
    "q_at_most": Qualifier.AT_MOST,
    "q_less_than": Qualifier.LESS_THAN,
    "q_about": Qualifier.ABOUT,
    "q_exact": Qualifier.EXACT,
}
"""Grammar lexicon name → the qualifier its phrases state."""

VAGUE_QUANTIFIERS: list[str] = [
    "plusieurs", "quelques", "de nombreux", "de nombreuses", "nombreux", "nombreuses", "d'innombrables",
    "innombrables", "maints", "maintes", "une poignée", "beaucoup", "un grand nombre", "un certain nombre",
    "un bon nombre", "bon nombre", "un petit nombre", "un nombre important", "un nombre considérable",
    "un nombre élevé", "un nombre croissant", "un nombre indéfini", "une multitude", "de multiples",
    "une foule",
]
"""Determiners that count without a figure ("plusieurs soldats", "un certain nombre de personnes")."""

UNKNOWN_QUANTIFIERS: list[str] = [
    "un nombre inconnu", "un nombre indéterminé", "un nombre non précisé", "un nombre non déterminé",
    "un nombre non communiqué", "un nombre non spécifié", "un nombre non divulgué", "un nombre imprécis",
    "un nombre incertain", "un nombre encore inconnu", "un nombre encore indéterminé",
    "un nombre non encore déterminé", "un nombre non confirmé",
]
"""Determiners that say the figure is not known ("un nombre inconnu de morts")."""

APPROXIMATE_NOUNS: dict[str, int] = {
    "dizaine": 10, "douzaine": 12, "demi-douzaine": 6, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
    "dizaine de milliers": 10_000, "douzaine de milliers": 12_000, "vingtaine de milliers": 20_000,
    "centaine de milliers": 100_000, "quinzaine de milliers": 15_000, "trentaine de milliers": 30_000,
    "cinquantaine de milliers": 50_000, "demi-million": 500_000,
}
"""Approximate nouns → their figure ("une dizaine" → 10); plurals are found by their ``-s``/``-x``."""


def _plurals(noun: str) -> str:
    head, _, rest = noun.partition(" ")
    return (head + "s" + (" " + rest if rest else "")) if not head.endswith("s") else noun


APPROXIMATE_PHRASES: list[str] = sorted({*APPROXIMATE_NOUNS, *map(_plurals, APPROXIMATE_NOUNS)})
"""Singular and plural spellings of the approximate nouns, for the grammar's lexicon."""

PRENOMINAL_ADJECTIVES: list[str] = [
    "autre", "autres", "nouveaux", "nouvelles", "nouvel", "nouveau", "nouvelle", "premiers", "premières",
    "derniers", "dernières", "grands", "grandes", "gros", "grosses", "petits", "petites", "jeunes",
    "vieux", "vieilles", "anciens", "anciennes", "ex", "hauts", "hautes", "principaux", "principales",
    "seul", "seule", "seuls", "seules", "simples", "véritables", "vrais", "vraies", "faux", "fausses",
    "bons", "bonnes", "mauvais", "prétendus", "prétendues", "présumés", "présumées", "supposés",
    "supposées", "soi-disant", "éventuels", "éventuelles", "probables", "différents", "différentes",
    "divers", "diverses", "importants", "lourds", "lourdes", "légers", "légères", "puissants", "modernes",
    "redoutables", "célèbres", "fameux", "fameuses", "énormes", "immenses", "longs", "longues", "même",
    "mêmes", "précédents", "prochains", "derniers", "uniques",
    # singular forms, for casualty phrases where "un/une" counts ("tuant un haut commandant")
    "haut", "haute", "grand", "grande", "petit", "petite", "jeune", "ancien", "ancienne", "principal",
    "principale", "simple", "présumé", "présumée",
]
"""Adjectives that may stand between the number and the counted noun ("trois autres soldats")."""

ELIDING_ADJECTIVES: frozenset[str] = frozenset({"autre", "autres"})
"""Adjectives that stand for an elided noun when no noun follows ("900 autres")."""

INJURY_ADVERBS: list[str] = [
    "grièvement", "gravement", "légèrement", "sérieusement", "mortellement", "superficiellement",
    "grievement",
]
"""Adverbs that, after "dont un", stand for "blessé" ("dont un grièvement")."""

CASUALTY_NOUNS: dict[str, CasualtyRole | None] = {
    "mort": CasualtyRole.KILLED, "morte": CasualtyRole.KILLED, "tué": CasualtyRole.KILLED,
    "tuée": CasualtyRole.KILLED, "décès": CasualtyRole.KILLED, "décédé": CasualtyRole.KILLED,
    "blessé": CasualtyRole.INJURED, "blessée": CasualtyRole.INJURED, "disparu": CasualtyRole.MISSING,
    "disparue": CasualtyRole.MISSING, "otage": CasualtyRole.CAPTURED, "prisonnier": CasualtyRole.CAPTURED,
    "prisonnière": CasualtyRole.CAPTURED, "captif": CasualtyRole.CAPTURED, "captive": CasualtyRole.CAPTURED,
    "martyr": CasualtyRole.KILLED, "cadavre": CasualtyRole.KILLED, "dépouille": CasualtyRole.KILLED,
    "corps": CasualtyRole.KILLED, "blessure": CasualtyRole.INJURED,  # "un corps a été retrouvé", "aucune blessure"
    "victime": None, "perte": None,
}
"""Counted nouns that are casualties; the role when the noun itself says it."""

CASUALTY_PARTICIPLES: dict[str, CasualtyRole] = {
    **{w: CasualtyRole.KILLED for w in (
        "tué", "tués", "tuée", "tuées", "mort", "morts", "morte", "mortes", "péri", "décédé", "décédés",
        "décédée", "décédées", "succombé", "exécuté", "exécutés", "exécutée", "exécutées", "assassiné",
        "assassinés", "assassinée", "assassinées", "massacré", "massacrés", "massacrées", "fusillé",
        "fusillés", "égorgé", "égorgés", "tombés", "tombé", "abattue", "lynché", "lynchés", "décapité",
        "décapités", "calcinés", "carbonisés", "tuant",
    )},
    **{w: CasualtyRole.INJURED for w in (
        "blessé", "blessés", "blessée", "blessées", "hospitalisé", "hospitalisés", "hospitalisée",
        "hospitalisées", "brûlés", "mutilés",
    )},
    **{w: CasualtyRole.CAPTURED for w in (
        "enlevé", "enlevés", "enlevée", "enlevées", "kidnappé", "kidnappés", "kidnappée", "kidnappées",
        "capturé", "capturés", "capturée", "capturées", "arrêté", "arrêtés", "arrêtée", "arrêtées",
        "interpellé", "interpellés", "interpellée", "interpellées", "appréhendé", "appréhendés",
        "enlevées", "séquestrés", "retenus", "détenus", "prisonniers", "otages",
    )},
    **{w: CasualtyRole.MISSING for w in ("disparu", "disparus", "disparue", "disparues", "introuvables")},
}
"""Participles after the counted noun that say what happened to the people counted."""

CASUALTY_VERBS_BEFORE: dict[str, CasualtyRole] = {
    **{w: CasualtyRole.KILLED for w in (
        "tuant", "tué", "tue", "tuent", "tuer", "abattant", "exécutant", "exécuté", "assassiné",
        "massacré", "coûtant", "coûté", "coûte", "mort", "décès", "fauchant", "emportant", "achevant",
    )},
    **{w: CasualtyRole.INJURED for w in ("blessant", "blessé", "blesse", "blessent", "blesser")},
    **{w: CasualtyRole.CAPTURED for w in (
        "enlevant", "enlevé", "kidnappant", "kidnappé", "capturant", "capturé", "arrêtant", "arrêté",
        "interpellé", "interpellant", "enlèvement", "capture", "arrestation", "interpellation", "libération",
        "libéré", "détenant",
    )},
    **{w: CasualtyRole.MISSING for w in ("disparition",)},
}
"""Verbs and nouns shortly before a count that say what happened to the people counted
("tuant huit personnes", "la mort de trois soldats", "a coûté la vie à deux civils")."""

AUXILIARIES: frozenset[str] = frozenset({
    "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "est", "sont", "était",
    "étaient", "serait", "seraient", "sera", "seront", "fut", "furent", "été", "n", "ne", "y", "se",
    "s", "tous", "toutes", "également", "aussi", "ainsi", "déjà", "encore", "vraisemblablement",
    "probablement", "apparemment", "finalement", "immédiatement", "ensuite", "alors", "hier", "aussitôt",
    "ont-ils", "avoir", "être", "ayant", "étant", "pu", "dû", "semble", "semblent", "auraient-ils",
    "grièvement", "gravement", "légèrement", "sérieusement", "mortellement", "grievement", "trouvé",
    "trouve", "perdu", "la", "vie", "l", "portés", "porté", "portées", "portée", "retrouvé", "retrouvés",
    "retrouvée", "retrouvées", "morts", "officiellement", "toujours", "désormais",
    "malheureusement", "sans", "doute", "peut-être", "visiblement", "presque", "instantanément",
})
"""Words that may stand between a count and its casualty participle ("auraient été grièvement blessés")."""

FUNCTION_WORDS: frozenset[str] = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "a", "en", "dans", "sur",
    "sous", "par", "pour", "avec", "sans", "contre", "selon", "depuis", "pendant", "vers", "chez", "entre",
    "après", "avant", "et", "ou", "mais", "donc", "or", "ni", "car", "que", "qu", "qui", "quoi", "dont",
    "où", "y", "il", "ils", "elle", "elles", "on", "se", "s", "ce", "c", "ces", "cet", "cette", "son",
    "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "lui", "eux", "ne",
    "n", "pas", "plus", "moins", "très", "si", "aussi", "encore", "déjà", "ont", "sont", "est", "était",
    "étaient", "avait", "avaient", "aurait", "auraient", "serait", "seraient", "été", "fut", "furent",
    "sera", "seront", "ayant", "étant", "être", "avoir", "fait", "font", "faisant", "ont-ils", "à",
    "jusqu", "près", "environ", "parmi", "dès", "lors", "via", "outre", "hors", "malgré", "tandis",
    "comme", "quand", "lorsque", "puis", "alors", "tous", "toutes", "tout", "toute", "chacun", "chacune",
    "au-delà", "ici", "là", "ainsi", "seulement", "également", "hier", "aujourd", "demain", "soit",
    "voire", "respectivement", "heure", "locale", "mardi", "lundi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre", "sept",
})
"""Words that are never the counted noun: the count's noun is elided before them ("900 en Syrie")."""

TIME_UNITS: frozenset[str] = frozenset({
    "jour", "an", "année", "mois", "semaine", "heure", "h", "minute", "min", "mn", "seconde", "sec",
    "décennie", "siècle", "nuit", "journée", "soirée", "matinée", "week-end", "trimestre", "semestre",
    "millénaire", "lendemain", "veille", "hr", "jours", "ans",
    # calibres and speeds, not counts: "obus de 155 mm", "700 km/h"
    "mm", "millimètre", "calibre", "nœud", "noeud",
})
"""Counted nouns that make a duration, not a count ("trois jours consécutifs", "deux ans")."""

AGE_UNITS: list[str] = ["ans", "an", "mois"]
"""Units of an age: "de 15 et 16 ans", "âgés de 5, 7 et 9 ans", "18 mois" (the ``age_units`` lexicon).

A list of figures before one of them is a list of ages (or of durations), never
a count: the grammar's ``age`` construction takes it whole, so that "15" in
"deux adolescents de 15 et 16 ans" is not read as a toll.
"""

AGE_WORDS: list[str] = ["âgé", "âgée", "âgés", "âgées", "respectivement"]
"""Words that may introduce an age after a count ("trois enfants âgés de 5 à 9 ans ont été tués")."""

CURRENCY_UNITS: frozenset[str] = frozenset({
    "euro", "dollar", "franc", "livre", "shekel", "rouble", "hryvnia", "dinar", "rial", "riyal", "yuan",
    "yen", "dirham", "livre sterling", "fcfa", "cfa", "usd", "eur", "€", "$", "£", "naira", "cedi",
    "roupie", "lire", "dollars", "euros", "pour", "pourcent", "pourcents", "point", "pourcentage",
})
"""Counted nouns that make money or a percentage, not a count."""

DESIGNATORS: frozenset[str] = frozenset({
    "n", "no", "numéro", "num", "article", "articles", "résolution", "route", "vol", "page", "chapitre",
    "paragraphe", "section", "alinéa", "code", "modèle", "version", "type", "lot", "classe", "niveau",
    "phase", "tome", "rn", "rd", "pk", "km", "kilomètre", "point", "brigade", "division", "bataillon",
    "régiment", "secteur", "zone", "camp", "poste", "âgé", "âgée", "âgés", "âgées", "âge", "calibre",
    "mark", "block", "bloc", "ligne", "autoroute", "porte", "salle", "bâtiment", "immeuble", "rue",
    "avenue", "boulevard", "quai", "numéros", "canal", "station", "chaîne", "opération", "flight",
})
"""Words before a bare number that make it a name or a reference, not a count ("résolution 2334")."""

BARE_NUMBER_PREFIXES: frozenset[str] = frozenset({"de", "d", "et", "dont", "contre", "que", "qu"})
"""Words after which a number with an elided noun is a count ("900 soldats en Syrie et de 2 500 en Irak")."""

INVARIABLE_NOUNS: frozenset[str] = frozenset({
    "fois", "corps", "pays", "bras", "avis", "fils", "mois", "poids", "prix", "cas", "repas", "temps",
    "dos", "os", "concours", "discours", "secours", "parcours", "recours", "remous", "colis", "tapis",
    "processus", "virus", "bus", "obus", "gaz", "abus", "palais", "débris", "permis", "paradis",
    "souris", "puits", "choix", "voix", "croix", "noix", "nez", "riz", "radis", "relais", "mépris",
    "progrès", "succès", "procès", "accès", "excès", "décès", "abcès", "lance-roquettes",
    "lance-missiles", "lance-grenades", "porte-avions", "porte-hélicoptères", "porte-parole",
    "porte-conteneurs", "garde-côtes", "gardes-côtes", "rendez-vous", "avant-postes", "couvre-feu",
    "fonds", "héros", "rebus", "jus", "pus", "plus", "ananas", "lilas", "matelas", "tracas", "frimas",
    "hamas", "atlas", "pancréas", "canevas", "fracas", "glas", "verglas", "compas", "embarras",
    "mas", "gars", "tournevis", "sas", "bois", "pois", "taux", "houx", "faux", "toux", "époux", "jaloux", "redoux", "afflux", "flux", "reflux", "lynx", "index",
    "silex", "thorax", "larynx",
})
"""Nouns whose singular ends in ``-s``, ``-x`` or ``-z`` (their plural is the same word)."""

IRREGULAR_PLURALS: dict[str, str] = {
    "yeux": "œil", "cieux": "ciel", "aïeux": "aïeul", "messieurs": "monsieur", "mesdames": "madame",
    "mesdemoiselles": "mademoiselle", "travaux": "travail", "vitraux": "vitrail", "coraux": "corail",
    "émaux": "émail", "baux": "bail", "soupiraux": "soupirail", "bonshommes": "bonhomme",
    "gentilshommes": "gentilhomme", "matériaux": "matériau", "tuyaux": "tuyau", "noyaux": "noyau",
    "boyaux": "boyau", "joyaux": "joyau", "fléaux": "fléau", "étaux": "étau", "landaux": "landau",
    "sarraus": "sarrau", "bleus": "bleu", "pneus": "pneu", "émeus": "émeu", "landaus": "landau",
    # feminine casualty nouns: the lemma is the masculine ("17 blessées" → blessé)
    "blessée": "blessé", "blessées": "blessé", "tuée": "tué", "tuées": "tué", "morte": "mort",
    "mortes": "mort", "disparue": "disparu", "disparues": "disparu", "déplacée": "déplacé",
    "déplacées": "déplacé", "enlevée": "enlevé", "enlevées": "enlevé", "décédée": "décédé",
    "décédées": "décédé", "prisonnière": "prisonnier", "prisonnières": "prisonnier",
    "réfugiée": "réfugié", "réfugiées": "réfugié", "détenue": "détenu", "détenues": "détenu",
}
"""Plurals that the regular rules would singularize wrongly."""

NOT_COUNTED_NOUNS: frozenset[str] = frozenset({
    "majorité", "minorité", "partie", "tiers", "quart", "moitié", "part", "pourcentage", "proportion",
    "totalité", "ensemble", "reste", "fraction", "série", "poignée", "foule", "multitude", "nombre",
    "centième", "dixième", "vague", "salve",
    # abstract nouns: "cinq choses à savoir", "deux raisons", "trois questions" are not reported counts
    "chose", "raison", "question", "façon", "manière", "aspect", "leçon", "scénario", "hypothèse", "option",
    "enseignement", "clé", "conseil", "idée", "réponse", "piste", "étape", "défi", "enjeu", "mot",
})
"""Nouns of proportion or collection: "dont une majorité de femmes", "un tiers des habitants"."""

COLLECTIVE_NOUNS: frozenset[str] = frozenset({
    "famille", "groupe", "patrouille", "convoi", "unité", "colonne", "bande", "équipe", "escouade",
    "section", "compagnie", "bataillon", "brigade", "délégation", "cellule", "katiba", "commando",
    "milice", "coalition", "flotte", "escadrille", "vague", "salve", "série",
})
"""Collective nouns: "une famille" or "un groupe" after the article is not a count of one."""

TRANSITIVE_PARTICIPLES: frozenset[str] = frozenset({
    "tué", "tués", "tuée", "tuées", "blessé", "blessés", "blessée", "blessées", "enlevé", "enlevés",
    "kidnappé", "kidnappés", "capturé", "capturés", "arrêté", "arrêtés", "interpellé", "interpellés",
    "exécuté", "exécutés", "assassiné", "assassinés", "massacré", "massacrés", "abattu", "abattus",
    "appréhendé", "appréhendés", "fusillé", "fusillés", "égorgé", "égorgés", "hospitalisé",
})
"""Participles that, after "avoir" without "été" ("ont tué"), make the count the agent, not the victim."""

AVOIR_FORMS: frozenset[str] = frozenset({
    "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "ayant", "avoir", "eut", "eurent",
})
"""Forms of "avoir" that make a following transitive participle active."""

FIXED_EXPRESSIONS: frozenset[str] = frozenset({
    "trois frontières", "deux rives", "mille collines", "quatre vents", "quatre coins", "deux roues",
    "quatre saisons", "cent jours", "six jours", "mille et une",
})
"""Names and set phrases with a number that is not a count ("la zone des trois frontières")."""

COMPOUND_PREFIXES: frozenset[str] = frozenset({
    "sous", "porte", "lance", "garde", "anti", "contre", "semi", "demi", "vice", "ex", "non", "auto",
    "mini", "micro", "ultra", "super", "hyper", "para", "quasi", "co", "mi", "pro", "néo", "post", "pré",
    "avant", "arrière", "grand", "grands", "petit", "petits", "petite", "petites", "casse", "chasse",
    "pare", "brise", "tire", "coupe", "haut", "hauts", "bas", "faux", "lieutenant", "sergent", "caporal",
    "médecin", "capitaine", "général", "chef", "sous-officier", "contre-amiral", "vice-amiral",
})
"""First parts of hyphenated nouns that keep the whole compound as the unit ("sous-marins" → sous-marin)."""
