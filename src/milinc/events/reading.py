"""How a trigger mention reads once its clause is known: its determiner, its action and its role.

"ont été abattus" is an interception when projectiles are what was shot down,
a killing otherwise; "un navire a été touché" states an incident only with a
weapon; "lors des combats" is definite ("de les"), "une autre attaque" marks
another incident.
"""

from __future__ import annotations

import re

from ..ontology import Action, WeaponCategory
from .candidates import MentionSlots
from .cues import Cues
from .lexicon import load_data
from .triggers import Mention

__all__ = ["PROJECTILES", "determiner", "effective_action"]

PROJECTILES = frozenset({WeaponCategory.DRONE, WeaponCategory.MISSILE, WeaponCategory.ROCKET,
                         WeaponCategory.AIRCRAFT, WeaponCategory.HELICOPTER, WeaponCategory.ARTILLERY,
                         WeaponCategory.MORTAR})
"""Weapons launched at a target: what an interception shoots down, what makes an impact verb an incident."""
_AVOIR = frozenset({"avoir", "a", "ont", "avait", "avaient", "aurait", "auraient", "ait", "aient", "aura", "auront",
                    "eut", "eurent", "avons", "avez", "avions", "ai", "as"})
_PREMODIFIERS: frozenset[str] = frozenset(load_data("triggers")["premodifiers"])
_DETERMINERS = {
    "le": "definite", "la": "definite", "l'": "definite", "les": "definite", "au": "definite", "aux": "definite",
    "du": "definite", "son": "definite", "sa": "definite", "ses": "definite", "leur": "definite", "leurs": "definite",
    "ce": "demonstrative", "cet": "demonstrative", "cette": "demonstrative", "ces": "demonstrative",
    "un": "indefinite", "une": "indefinite", "des": "indefinite", "d'": "indefinite", "de": "indefinite",
}
_TOKEN = re.compile(r"[\w-]+'?|'")


def determiner(text: str, start: int, cues: Cues) -> tuple[str, bool]:
    """The kind of determiner before a trigger noun (``definite``, ``demonstrative``,
    ``indefinite`` or ``none``), and whether an "autre/second" marks another incident."""
    words = _TOKEN.findall(text[max(0, start - 40) : start])[-5:]
    another = False
    for pos in range(len(words) - 1, max(-1, len(words) - 5), -1):
        word = words[pos]
        if word in _PREMODIFIERS:
            another = another or word in cues.another
            continue
        kind = _DETERMINERS.get(word, "none")
        if word == "des" and pos > 0 and words[pos - 1] in cues.prepositions_before_des:
            kind = "definite"  # "lors des combats" is "lors de les combats"
        return kind, another
    return "none", another


def effective_action(m: Mention, slots: MentionSlots) -> tuple[Action, str]:
    """The action and role of a mention once its clause's weapons are known
    ("ont été abattus" is an interception with drones, a killing without)."""
    weapons = {w for w, _, _ in slots.weapons} | set(m.implied_weapons) | slots.clause_weapons
    projectile = bool(weapons & PROJECTILES)
    role = m.role
    action = m.action
    if m.interception_if_projectile and m.rule == "verbal":
        # "se sont abattus" (fell) is not "ont abattu" / "ont été abattus" (shot down)
        intransitive = m.lemma == "s'abattre" and "ete" not in m.aux and not set(m.aux) & _AVOIR
        # what is shot down is the object ("ont abattu deux drones") or the passive subject ("deux drones
        # ont été abattus"); "avec un drone", "par un drone" is the instrument
        shot = any(w in PROJECTILES and not instrument and ((start >= m.end) != m.passive)
                   for w, start, instrument in slots.clause_weapon_roles)
        shot = shot or any(w in PROJECTILES for w in m.implied_weapons)
        if shot and not intransitive:
            action = Action.INTERCEPTION
            role = "event"
        elif not projectile and m.without_projectile:
            action = Action(m.without_projectile.get("action", action.value))
            role = m.without_projectile.get("role", role)
    if role == "impact":
        # "un navire a été touché par un projectile": an unnamed weapon is a weapon too
        role = ("event" if projectile or weapons & {WeaponCategory.EXPLOSIVE}
                or (WeaponCategory.GENERIC in weapons and m.rule == "verbal") else "weak")
    if m.pos == "gerund" and m.after_en and projectile and m.action not in (Action.KILLING, Action.WOUNDING):
        role = "event"  # "a répliqué en tirant des roquettes"
    return action, role
