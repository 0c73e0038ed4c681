"""Which side fired and which side was hit, from where an attack was launched and where it landed.

In a war between two sides (Israel and the axis of Iran, Russia and Ukraine…), "des roquettes tirées depuis
le Liban" says who fired, and a scene in Israel says who was hit, even when no actor is named: "les tirs de
roquettes depuis Gaza sur le sud d'Israël" and "les frappes israéliennes sur Khan Younès" are told from
opposite sides, so they are two incidents (§5 of the guidelines: the other side's retaliation is another
incident). The nationality of the trigger and of the actors (:mod:`.actors`) says the rest.

Which land is held by which side is data (``launch_territories`` and ``territory_sides`` in
``data/cues.json``). A sea never tells, and neither does fighting on the ground, where both sides are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..ontology import Action, PlaceKind
from .cues import Cues
from .places import PlaceMention
from .written import words_in

__all__ = ["lands_written", "place_sides"]

_BOTH_SIDES = frozenset({Action.CLASH, Action.AMBUSH, Action.ARREST, Action.ABDUCTION})
"""Actions where both sides are at the scene (fighting) or no attack lands (arrests): the scene tells nothing."""
_LAUNCH_REACH = 40
"""How many characters before a place a launch preposition is looked for ("tirées depuis la bande de Gaza")."""


def lands_written(text: str, cues: Cues) -> tuple[str, ...]:
    """The lands of :attr:`~.cues.Cues.launch_territories` written in *text* (a prefix, ``*``, by its stem): a
    launch site named by a land ("depuis le Liban") is looked for only in a window that holds one of them."""
    return words_in(text, (name.rstrip("*") for name in cues.launch_territories))


def place_sides(text: str, cues: Cues, window: tuple[int, int], places: Iterable[PlaceMention], action: Action,
                attacker: frozenset[str], lands: Sequence[str] | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The sides that fired (from launch sites) and that were hit (from the scene's land) by a mention.

    Args:
        text: the normalized text.
        cues: the cue words (launch prepositions, lands and their sides).
        window: ``(start, end)`` of the mention's clause, where a launch site is looked for by name.
        places: the places of the mention and of the participles and casualty verbs of its clause.
        action: what the mention says was done.
        attacker: the attacker's sides already known (a land never makes a side its own target).
        lands: the lands the text writes, as :func:`lands_written` finds them (once for the many mentions of a text).
    """
    fired: set[str] = set()
    start, end = window
    if any(text.find(w, start, end) >= 0 for w in lands) if lands is not None \
            else any(text.find(w, start, end) >= 0 for w in cues.launch_words):
        for m in cues.launch_land.finditer(text, start, end):
            fired.add(cues.launch_territories[m.group("land")])
    scene: list[PlaceMention] = []
    for p in places:
        country = p.place.country
        if country is None:
            continue
        side = cues.territory_sides.get(country)
        if side is None:
            continue
        if cues.launch_site.search(text, max(0, p.start - _LAUNCH_REACH), p.start):
            fired.add(side)  # "tirées depuis Gaza"
        elif p.scene and p.place.kind is not PlaceKind.SEA:
            scene.append(p)
    hit: set[str] = set()
    if action not in _BOTH_SIDES:
        known = attacker | fired
        hit = {side for p in scene if (side := cues.territory_sides[p.place.country or ""]) not in known}
    return frozenset(fired), frozenset(hit)
