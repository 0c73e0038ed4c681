"""Which place is the scene, and which country: from the places and countries the mentions received.

The scene is the most specific scene place of the incident's contributors (a
place the slot filling did not set aside as a launch site, a dateline or the
seat of a speaker), the first among equals. The country is the scene's, else
one of a scene place of the clause, else one the discourse carried.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..ontology import Span
from .candidates import MentionSlots
from .places import SPECIFICITY, PlaceMention
from .triggers import Mention

__all__ = ["incident_country", "incident_location"]


def incident_location(contributors: Sequence[tuple[Mention, MentionSlots]]) -> PlaceMention | None:
    """The scene: the most specific scene place (not a country) of the contributors, the first among equals."""
    scene = [p for _, s in contributors for p in s.places if p.scene and p.place.kind.value != "country"]
    if not scene:
        return None
    return min(enumerate(scene), key=lambda x: (SPECIFICITY[x[1].place.kind], x[0]))[1]


def incident_country(
    location: PlaceMention | None, contributors: Sequence[tuple[Mention, MentionSlots]]
) -> tuple[str | None, str, Span | None]:
    """The incident's country with the rule and the span that give it: the scene's, a clause place's, the discourse's."""
    if location is not None and location.place.country:
        return location.place.country, "location", location.place.span
    for _, s in contributors:
        for p in s.places:
            if p.scene and p.place.country:
                return p.place.country, "clause_place", p.place.span
    for _, s in contributors:
        for iso, span, rule in s.countries:
            return iso, rule, span
    return None, "", None
