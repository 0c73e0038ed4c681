"""Which weapons, and what they say of the incident's type.

An incident's weapon set is what its trigger nouns imply ("frappe de drone",
"attentat à la voiture piégée") and what the slot filling gave its
contributors, in the order told. Its flags ("suicide", "grenade") come from the
triggers; a "drone kamikaze" is a loitering munition, not a suicide attack. The
ACLED type itself is derived by :mod:`.typing` from these.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ..ontology import Explanation, Span, WeaponCategory
from .candidates import MentionSlots
from .triggers import Mention

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["incident_flags", "incident_weapons"]


def incident_weapons(
    ctx: ExtractionContext, contributors: Sequence[tuple[Mention, MentionSlots]],
    orphans: Sequence[tuple[WeaponCategory, Span | None, str]] = (), target_heads: Collection[str] = (),
    vague_air: Collection[str] = (),
) -> tuple[list[WeaponCategory], list[Explanation]]:
    """The weapon categories of an incident, first told first, with why each is there: the triggers' own, their
    clauses', those of the sentences without trigger that are about it (*orphans*), and the explosive of a
    suicide attack ("attentat suicide", "s'est fait exploser"; not of a "drone kamikaze"). A trigger whose head
    names what was aimed at (*target_heads*: "cibles aériennes") implies no weapon."""
    weapons: list[WeaponCategory] = []
    why: list[Explanation] = []
    for m, s in contributors:
        if m.generic:
            continue  # "des attaques aux drones ont visé ces derniers mois …": a habit's weapons are not this one's
        for w in sorted(m.implied_weapons, key=lambda x: x.value) if m.head not in target_heads else ():
            if w not in weapons:
                weapons.append(w)
                why.append(Explanation("weapons", f"implied_by_trigger:{w.value}", ctx.span(m.start, m.end)))
        for w, span, rule in s.weapons:
            if w not in weapons:
                weapons.append(w)
                why.append(Explanation("weapons", f"{rule}:{w.value}", span))
        if not s.weapons and not s.clause_weapons:  # "Quatre autres frappes ont touché …", after "frappes aériennes"
            for w in sorted(m.taken_up_weapons, key=lambda x: x.value):
                if w not in weapons:
                    weapons.append(w)
                    why.append(Explanation("weapons", f"taken_up_kind:{w.value}", ctx.span(m.start, m.end)))
    for w, span, rule in orphans:
        if w not in weapons:
            weapons.append(w)
            why.append(Explanation("weapons", f"{rule}:{w.value}", span))
    # "l'attaque aérienne" of drones names no aircraft (*vague_air*: such trigger lemmas); "frappes aériennes" does,
    # so does an aircraft named in a clause, and so does an air attack of missiles alone (fired from the air)
    if WeaponCategory.AIRCRAFT in weapons and WeaponCategory.DRONE in weapons:
        k = weapons.index(WeaponCategory.AIRCRAFT)
        if why[k].rule == "implied_by_trigger:aircraft" and all(
                m.lemma in vague_air for m, _ in contributors if WeaponCategory.AIRCRAFT in m.implied_weapons):
            del weapons[k], why[k]
    suicide = next((m for m, _ in contributors if m.suicide), None)
    if suicide is not None and WeaponCategory.EXPLOSIVE not in weapons and WeaponCategory.DRONE not in weapons:
        weapons.append(WeaponCategory.EXPLOSIVE)
        why.append(Explanation("weapons", "implied_by_suicide:explosive", ctx.span(suicide.start, suicide.end)))
    return weapons, why


def incident_flags(contributors: Sequence[tuple[Mention, MentionSlots]], weapons: Sequence[WeaponCategory]) -> frozenset[str]:
    """The flags the ACLED coding reads: ``suicide`` (not with drones: "drones kamikazes" are munitions), ``grenade``,
    ``targeted_killing`` ("l'assassinat de l'un de ses chefs": an attack on a person when no weapon says more)."""
    suicide = any(m.suicide for m, _ in contributors) and WeaponCategory.DRONE not in weapons
    return frozenset(
        ({"suicide"} if suicide else set())
        | ({"grenade"} if any(m.grenade for m, _ in contributors) else set())
        | ({"targeted_killing"} if any(m.targeted_killing for m, _ in contributors) else set())
    )
