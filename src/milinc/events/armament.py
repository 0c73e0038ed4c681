"""Which weapons, and what they say of the incident's type.

An incident's weapon set is what its trigger nouns imply ("frappe de drone",
"attentat à la voiture piégée") and what the slot filling gave its
contributors, in the order told. Its flags ("suicide", "grenade") come from the
triggers; a "drone kamikaze" is a loitering munition, not a suicide attack. The
ACLED type itself is derived by :mod:`.typing` from these.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..ontology import Explanation, WeaponCategory
from .candidates import MentionSlots
from .triggers import Mention

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["incident_flags", "incident_weapons"]


def incident_weapons(
    ctx: ExtractionContext, contributors: Sequence[tuple[Mention, MentionSlots]]
) -> tuple[list[WeaponCategory], list[Explanation]]:
    """The weapon categories of an incident, first told first, with why each is there."""
    weapons: list[WeaponCategory] = []
    why: list[Explanation] = []
    for m, s in contributors:
        for w in sorted(m.implied_weapons, key=lambda x: x.value):
            if w not in weapons:
                weapons.append(w)
                why.append(Explanation("weapons", f"implied_by_trigger:{w.value}", ctx.span(m.start, m.end)))
        for w, span, rule in s.weapons:
            if w not in weapons:
                weapons.append(w)
                why.append(Explanation("weapons", f"{rule}:{w.value}", span))
    return weapons, why


def incident_flags(contributors: Sequence[tuple[Mention, MentionSlots]], weapons: Sequence[WeaponCategory]) -> frozenset[str]:
    """The flags the ACLED coding reads: ``suicide`` (not with drones: "drones kamikazes" are munitions), ``grenade``."""
    suicide = any(m.suicide for m, _ in contributors) and WeaponCategory.DRONE not in weapons
    return frozenset(
        ({"suicide"} if suicide else set())
        | ({"grenade"} if any(m.grenade for m, _ in contributors) else set())
    )
