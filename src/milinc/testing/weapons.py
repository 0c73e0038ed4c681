"""A weapon realizer: weapon mentions of the weapons policy written as French text.

Two kinds of mentions, both read from the taxonomy (``milinc/data/weapons.json`` through
:func:`milinc.weapons.load_taxonomy`), so that what the data adds is tested too:

- :func:`category_variants`: a head noun of a category, singular or plural, bare or after a
  determiner that is not part of the mention ("des roquettes" → span "roquettes");
- :func:`system_variants`: a named system after a head noun of its category ("missiles
  Kalibr"), with "de type « X »" in several quote styles, or bare when the name is a weapon on
  its own ("HIMARS").
"""

from __future__ import annotations

from attrs import field, frozen
from attrs import validators as v

from ..normalize import fold
from ..ontology import WeaponCategory
from ..weapons import load_taxonomy
from ..weapons.taxonomy import SystemAlias, noun_forms
from .realization import PLAIN, Realization, Typography, realization_of

__all__ = ["SYSTEM_HEADS", "WeaponRealization", "category_variants", "system_variants"]

SYSTEM_HEADS: dict[WeaponCategory, tuple[str, str]] = {
    WeaponCategory.MISSILE: ("missile", "missiles"),
    WeaponCategory.ROCKET: ("roquette", "roquettes"),
    WeaponCategory.DRONE: ("drone", "drones"),
    WeaponCategory.AIRCRAFT: ("avion", "avions"),
    WeaponCategory.HELICOPTER: ("hélicoptère", "hélicoptères"),
    WeaponCategory.ARTILLERY: ("canon", "canons"),
    WeaponCategory.MORTAR: ("mortier", "mortiers"),
    WeaponCategory.EXPLOSIVE: ("bombe", "bombes"),
    WeaponCategory.SMALL_ARMS: ("fusil", "fusils"),
    WeaponCategory.AIR_DEFENSE: ("système", "systèmes"),
    WeaponCategory.ARMORED_VEHICLE: ("char", "chars"),
    WeaponCategory.WARSHIP: ("navire", "navires"),
    WeaponCategory.MELEE: ("couteau", "couteaux"),
    WeaponCategory.CHEMICAL: ("arme chimique", "armes chimiques"),
    WeaponCategory.GENERIC: ("arme", "armes"),
}
"""A head noun (singular, plural) of each category, put before a system's name."""

_QUOTES = (("«~", "~»"), ('"', '"'), ("“", "”"))


@frozen
class WeaponRealization(Realization):
    """A weapon mention written in French, with what milinc must report for it."""

    category: WeaponCategory = field(validator=v.instance_of(WeaponCategory))
    """The expected category."""
    name: str | None = field(validator=v.optional(v.instance_of(str)))
    """The expected system name (``None`` for a plain noun)."""


def category_variants(category: WeaponCategory, *, typography: Typography = PLAIN) -> list[WeaponRealization]:
    """Every head noun of *category* in the taxonomy, singular and plural, bare or after "des".

    Args:
        category: the weapon category.
        typography: apostrophe and no-break spaces to write.

    Returns:
        Realizations whose span is the noun phrase (the determiner stays outside). A noun that is
        also a system's spelling ("VAB") carries that system's name.
    """
    taxonomy = load_taxonomy()
    out: list[WeaponRealization] = []
    for info in taxonomy.categories:
        if info.category is not category:
            continue
        for lemma in info.nouns:
            forms = noun_forms(lemma)
            for index, form in enumerate(forms):
                alias = taxonomy.aliases.get(fold(form))
                name = alias.reported if alias else None
                leads = [""] if index == 0 and len(forms) > 1 else ["", "des ", "les "]
                for lead in leads:
                    out.append(
                        realization_of(
                            WeaponRealization, [(lead, False), (form, True)], typography, category=category, name=name
                        )
                    )
    return out


def system_variants(alias: SystemAlias, *, typography: Typography = PLAIN) -> list[WeaponRealization]:
    """Phrasings of one spelling of a named system.

    Args:
        alias: a spelling from ``load_taxonomy().aliases``.
        typography: apostrophe and no-break spaces to write.

    Returns:
        "missiles Kalibr", "des roquettes de type « Katyusha »", "un missile Kalibr" (span
        without the determiner), and the bare name when it needs no head noun ("HIMARS").
    """
    system = alias.system
    singular, plural = SYSTEM_HEADS[system.category]
    phrases: list[str] = []
    for head in (singular, plural):
        phrases.append(f"{head} {alias.alias}")
        phrases += [f"{head} de type {left}{alias.alias}{right}" for left, right in _QUOTES]
        phrases.append(f"{head} de type {alias.alias}")
    if not alias.needs_head:
        phrases.append(alias.alias)
    out: list[WeaponRealization] = []
    for phrase in phrases:
        for lead in ("", "des "):
            out.append(
                realization_of(
                    WeaponRealization,
                    [(lead, False), (phrase, True)],
                    typography,
                    category=system.category,
                    name=alias.reported,
                )
            )
    return out
