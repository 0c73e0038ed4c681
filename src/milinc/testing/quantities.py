"""A quantity realizer: counts of the quantities policy written as French text, in many variants.

:func:`quantity_variants` lists the phrasings of one count: a qualifier ("au moins", "plus de",
"jusqu'à", "environ", "près de"...), a number in digits (grouped by spaces, no-break spaces or
dots) or in words (France, Belgium, Switzerland, 1990 spelling, through
:func:`milinc.quantities.spelling.spell`), approximate nouns ("une centaine de"), vague forms
("plusieurs", "des dizaines de"), unknown counts ("un nombre inconnu de"), then the counted
noun in the plural. Each :class:`QuantityRealization` spans its whole text.
"""

from __future__ import annotations

from attrs import field, frozen
from attrs import validators as v

from ..ontology import Qualifier
from ..quantities.spelling import spell
from .realization import NBSP, NNBSP, PLAIN, Realization, Typography, realization_of

__all__ = ["APPROXIMATE_NOUNS", "COUNTED_NOUNS", "CountedNoun", "QuantityRealization", "numerals", "quantity_variants"]


@frozen
class CountedNoun:
    """A noun a report counts, with what its agreement and elision need."""

    lemma: str
    """The singular, as milinc reports it in ``Quantity.unit``."""
    plural: str
    """The plural written after a number."""
    feminine: bool = False
    """Grammatical gender ("de nombreuses maisons", "aucune victime")."""
    elides: bool = False
    """Whether "de" elides before it ("d'enfants", "d'habitants")."""
    person: bool = False
    """Whether it counts people (who can be killed: "aucun soldat n'a été tué")."""
    casualty: bool = False
    """Whether it is itself a casualty noun ("aucune victime", "aucun mort")."""

    def after_de(self) -> str:
        """The plural after the preposition *de* ("de soldats", "d'enfants")."""
        return f"d'{self.plural}" if self.elides else f"de {self.plural}"


COUNTED_NOUNS = (
    CountedNoun("soldat", "soldats", person=True),
    CountedNoun("civil", "civils", person=True),
    CountedNoun("combattant", "combattants", person=True),
    CountedNoun("militaire", "militaires", person=True),
    CountedNoun("policier", "policiers", person=True),
    CountedNoun("habitant", "habitants", elides=True, person=True),
    CountedNoun("enfant", "enfants", elides=True, person=True),
    CountedNoun("otage", "otages", elides=True, person=True),
    CountedNoun("déplacé", "déplacés", person=True),
    CountedNoun("réfugié", "réfugiés", person=True),
    CountedNoun("personne", "personnes", feminine=True, person=True),
    CountedNoun("victime", "victimes", feminine=True, casualty=True),
    CountedNoun("mort", "morts", casualty=True),
    CountedNoun("blessé", "blessés", casualty=True),
    CountedNoun("maison", "maisons", feminine=True),
    CountedNoun("village", "villages"),
    CountedNoun("camion", "camions"),
    CountedNoun("kilomètre", "kilomètres"),
    CountedNoun("missile", "missiles"),
    CountedNoun("roquette", "roquettes", feminine=True),
    CountedNoun("drone", "drones"),
    CountedNoun("attaque", "attaques", feminine=True, elides=True),
)
"""Nouns with regular plurals that reports count (people, places, objects, weapons, events)."""

APPROXIMATE_NOUNS = {
    10: "une dizaine",
    12: "une douzaine",
    15: "une quinzaine",
    20: "une vingtaine",
    30: "une trentaine",
    40: "une quarantaine",
    50: "une cinquantaine",
    60: "une soixantaine",
    100: "une centaine",
    1000: "un millier",
}
"""Approximate nouns and the figure they stand for ("une centaine" → 100, qualifier ``about``)."""

_VAGUE_APPROXIMATE = (
    "des dizaines",
    "des centaines",
    "des milliers",
    "plusieurs dizaines",
    "plusieurs centaines",
    "plusieurs milliers",
)


@frozen
class QuantityRealization(Realization):
    """A count written in French, with what milinc must report for it."""

    value: int | None = field(validator=v.optional(v.instance_of(int)))
    """The expected figure (``None`` for vague and unknown counts)."""
    qualifier: Qualifier = field(validator=v.instance_of(Qualifier))
    """The expected qualifier."""
    unit: str = field(validator=v.instance_of(str))
    """The expected unit (the counted noun's lemma)."""


def numerals(n: int) -> list[tuple[str, bool]]:
    """Every way this realizer writes *n*: digits, grouped digits, words.

    Args:
        n: a figure, 2 ≤ n < 10⁹.

    Returns:
        ``(numeral, needs_de)`` pairs; *needs_de* is True when the numeral ends with a noun
        ("deux millions") and the counted noun must follow "de".
    """
    out: list[tuple[str, bool]] = [(str(n), False)]
    if n >= 1000:
        grouped = f"{n:,}"
        # the thin/no-break spaces of French typography, and the dot of older or Belgian texts
        out += [(grouped.replace(",", sep), False) for sep in (" ", NBSP, NNBSP, ".")]
    if n >= 1_000_000 and n % 1_000_000 == 0:
        millions = n // 1_000_000
        out.append((f"{millions} million{'s' if millions > 1 else ''}", True))
    elif n >= 1_000_000 and n % 100_000 == 0 and n < 10_000_000:
        out.append((f"{n / 1_000_000:.1f}".replace(".", ",") + " million", True))
    for variant in ("fr", "be", "ch"):
        for reform in (False, True):
            words = spell(n, variant=variant, reform1990=reform)
            out.append((words, words.endswith(("million", "millions", "milliard", "milliards"))))
    return list(dict.fromkeys(out))


def _with_noun(numeral: str, needs_de: bool, noun: CountedNoun) -> str:
    return f"{numeral} {noun.after_de()}" if needs_de else f"{numeral}~{noun.plural}"


def quantity_variants(
    value: int | None, qualifier: Qualifier, noun: CountedNoun, *, typography: Typography = PLAIN
) -> list[QuantityRealization]:
    """Every phrasing this realizer knows for a count of *noun*.

    Args:
        value: the figure; 0 (with ``exact``) for "aucun"; ``None`` for ``vague`` and ``unknown``;
            otherwise at least 2 ("un soldat" is an article, not a count).
        qualifier: how the count is stated.
        noun: the counted noun.
        typography: apostrophe and no-break spaces to write.

    Returns:
        The realizations (possibly empty when no phrasing states exactly this count).

    Raises:
        ValueError: *value* does not fit *qualifier*.
    """
    if (value is None) != (qualifier in (Qualifier.VAGUE, Qualifier.UNKNOWN)):
        raise ValueError(f"{qualifier.value} counts {'have no' if value is None else 'need a'} figure")
    raws: list[str] = []
    if value is None:
        if qualifier is Qualifier.VAGUE:
            many = "nombreuses" if noun.feminine else "nombreux"
            raws += [f"plusieurs {noun.plural}", f"quelques {noun.plural}", f"de {many} {noun.plural}"]
            raws += [f"{vague} {noun.after_de()}" for vague in _VAGUE_APPROXIMATE]
        else:
            raws += [f"un nombre inconnu {noun.after_de()}", f"un nombre indéterminé {noun.after_de()}"]
    elif value == 0:
        if qualifier is not Qualifier.EXACT:
            raise ValueError("zero is an exact count")
        none = f"{'aucune' if noun.feminine else 'aucun'} {noun.lemma}"
        # zero is a count only where casualties are counted (the quantities policy)
        if noun.casualty:
            raws.append(none)
        if noun.person:
            ending = "e" if noun.feminine else ""
            return [
                realization_of(
                    QuantityRealization,
                    [(none, True), (f" n'a été {verb}{ending}", False)],
                    typography,
                    value=0,
                    qualifier=qualifier,
                    unit=noun.lemma,
                )
                for verb in ("tué", "blessé")
            ]
    else:
        if value < 2:
            raise ValueError("a count written with a figure is at least 2")
        leads = {
            Qualifier.EXACT: [""],
            Qualifier.AT_LEAST: ["au moins "],
            Qualifier.MORE_THAN: ["plus de "],
            Qualifier.AT_MOST: ["au plus ", "jusqu'à "],
            Qualifier.LESS_THAN: ["moins de "],
            Qualifier.ABOUT: ["environ ", "près de ", "quelque "],
        }[qualifier]
        for lead in leads:
            raws += [lead + _with_noun(numeral, needs_de, noun) for numeral, needs_de in numerals(value)]
        approx = APPROXIMATE_NOUNS.get(value)
        if approx:
            approx_leads = {
                Qualifier.ABOUT: [""],
                Qualifier.AT_LEAST: ["au moins "],
                Qualifier.MORE_THAN: ["plus d'" if approx.startswith("u") else "plus de "],
                Qualifier.LESS_THAN: ["moins d'" if approx.startswith("u") else "moins de "],
            }.get(qualifier, [])
            raws += [f"{lead}{approx} {noun.after_de()}".replace("d' ", "d'") for lead in approx_leads]
    out = []
    for raw in dict.fromkeys(raws):
        text = typography.apply(raw)
        out.append(
            QuantityRealization(text=text, start=0, end=len(text), value=value, qualifier=qualifier, unit=noun.lemma)
        )
    return out
