"""Neutral French filler: clauses with no date, number, weapon, place or incident in them.

Properties embed a realization between filler sentences to check that context neither hides
nor stretches a mention. Every fragment is checked by the test suite to parse to nothing.
"""

from __future__ import annotations

__all__ = ["FILLER_FRAGMENTS", "SEPARATORS"]

FILLER_FRAGMENTS: tuple[str, ...] = (
    "selon un communiqué publié par les autorités locales",
    "a indiqué un porte-parole du gouvernement",
    "d'après des témoins interrogés par notre correspondant",
    "la situation restait confuse",
    "les habitants ont été invités à rester chez eux",
    "les routes ont été fermées à la circulation",
    "le ministère n'a pas souhaité commenter ces informations",
    "les enquêteurs tentent de reconstituer le déroulement des faits",
    "cette information n'a pas pu être vérifiée de source indépendante",
    "le gouvernement a convoqué une réunion d'urgence",
    "les secours sont arrivés rapidement sur les lieux",
    "des organisations humanitaires ont exprimé leur inquiétude",
    "la population vit dans la crainte",
    "les négociations diplomatiques se poursuivent",
    "l'électricité a été coupée dans le quartier",
    "les écoles sont restées fermées",
    "un responsable local a confirmé l'information",
    "les images diffusées sur les réseaux sociaux montrent une épaisse fumée",
    "le porte-parole a appelé au calme",
    "l'organisation a démenti toute implication",
    "la presse locale évoque une situation tendue",
    "les observateurs internationaux restent prudents",
    "les familles attendent des nouvelles de leurs proches",
    "le conseil de sécurité a été saisi",
    "les autorités ont promis une enquête approfondie",
    "la région traverse une crise profonde",
    "des journalistes présents sur place ont rapporté la scène",
    "le bilan reste provisoire",
    "les hôpitaux de la région sont débordés",
    "les forces de sécurité ont bouclé le secteur",
)
"""Clauses without dates, figures, weapons, places or incident words (lowercase, no final stop)."""

# known gap: " - " is left out: in "a indiqué un porte-parole - plusieurs morts" the article "un" is
# counted as one person killed (quantities read "un porte-parole - plusieurs morts" as a casualty list)
SEPARATORS: tuple[str, ...] = (". ", ", ", " ; ", " : ", "\n", ".\n\n")
"""What may stand between filler and a realization."""
