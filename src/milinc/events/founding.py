"""Which mentions found an incident (policy point 1 of ``docs/policy/events.md``).

A verbal trigger founds one; an indefinite or bare noun with something that
anchors it (a date, a named place, a weapon, a casualty count); a plural noun
only with a date or a count; a headline's noun, except plurals (headlines sum
up); a killing or wounding with an armed agent or a weapon, alone in its
sentence ("Un policier a été abattu par des hommes armés").
"""

from __future__ import annotations

from ..ontology import Action, ActorType, CasualtyRole, PlaceKind, WeaponCategory
from .features import BuilderState
from .places import SPECIFICITY

__all__ = ["FoundingRules"]


class FoundingRules(BuilderState):
    """Decides which mentions state an incident on their own."""

    def can_found(self, i: int) -> bool:
        """Whether mention *i* states an incident on its own (policy point 1)."""
        m, s = self.mentions[i], self.slots[i]
        if self.roles[i] == "casualty" and not m.generic and not m.heading and not m.negated:
            return self._killing_states_incident(i)
        if m.generic or self.roles[i] != "event" or m.heading or m.negated:
            return False
        det, _ = self.dets[i]
        if i in self.light:
            return False  # "a lancé une attaque": the noun names the incident
        if m.rule != "nominal":
            # "Deux attentats ont frappé une caserne et un marché": the verb of counted incidents sums up too
            return not (i > 0 and self.mentions[i - 1].sentence == m.sentence and self.mentions[i - 1].plural
                        and 0 <= m.start - self.mentions[i - 1].end <= 32 and self._counts_incidents(i - 1))
        if m.pos == "present":
            return m.title
        if m.pos == "gerund":
            return self.roles[i] == "event"
        if m.pos != "noun" or det == "demonstrative":
            return False
        group = [s, *(self.slots[j] for j in self.satellites.get(i, []))]
        weapons = bool(m.implied_weapons or s.weapons)
        dated = any(g.event_dates() for g in group)
        # the noun's own places, and those of the participles of its clause ("une attaque ayant ciblé … à Erbil")
        placed = any(p.scene and SPECIFICITY[p.place.kind] < SPECIFICITY[PlaceKind.COUNTRY] for g in group
                     for p in g.places)
        at_town = any(p.scene and SPECIFICITY[p.place.kind] <= SPECIFICITY[PlaceKind.CITY] for g in group
                      for p in g.places)
        counted = any(g.casualties for g in group)
        if m.plural and self._counts_incidents(i):
            return False  # "deux attaques ont visé une base et un convoi": the body tells each one
        if m.plural and not m.title and self._object_of_light_verb(i):
            return True  # "ont lancé des salves de roquettes": the verb states it, its object names it
        if m.title and m.plural:
            # a headline's plural sums up, unless it counts the dead of one place ("Tirs de roquettes sur
            # Bagdad : 2 morts")
            return counted and placed
        if m.plural and self.dets[i][1] and det in ("none", "indefinite"):
            return True  # "quatre autres frappes ont touché Ras Issa", "d'autres attaques": other incidents
        if m.plural:  # plurals sum up, unless the clause dates or counts them; "les frappes" refers back,
            # except in the lede, which opens the story ("Les frappes israéliennes sur Khan Younès ont fait …")
            lede = self._lede is not None and self.layout.paragraphs[m.sentence] == self._lede
            # "deux frappes ont touché le port de Ras Issa": strikes on one named town or site are one incident
            return dated or (counted and (det != "definite" or lede)) or (at_town and det == "none")
        if i in self.complemented:
            return True  # "ont revendiqué l'attaque d'un vraquier": the complement anchors it
        if det in ("definite", "none"):
            sided = bool(m.sides or s.attacker_sides or s.target_sides)
            return m.title or dated or placed or counted or weapons or sided or bool(s.places)
        return m.title or dated or placed or counted or weapons

    def _object_of_light_verb(self, i: int) -> bool:
        """Whether mention *i* is the object of the light verb just before it ("a lancé des salves")."""
        return self.light_objects.get(i - 1) == i or self.light_objects.get(i - 2) == i

    def _counts_incidents(self, i: int) -> bool:
        """Whether a plural noun of incidents is counted by a figure of two or more ("deux attaques", "trois
        attentats"): it sums up as many incidents, told one by one after it."""
        m = self.mentions[i]
        return (m.lemma in self.cues.incident_count_nouns
                and self.cues.incident_count.search(self.text, max(0, m.start - 24), m.start) is not None)

    def _killing_states_incident(self, i: int) -> bool:
        """A killing or wounding with an armed agent or a weapon, alone in its sentence, is an incident
        ("Un policier a été abattu par des hommes armés", "des jihadistes ont tué douze civils"); so is a
        counted violent death with its own day or place ("Deux soldats ont été tués lundi près de Gao")."""
        m, s = self.mentions[i], self.slots[i]
        if m.rule != "verbal":
            return False
        if any(not self.mentions[j].generic and self.roles[j] == "event"
               for j in self._by_sentence.get(m.sentence, ()) if j != i):
            return False
        armed = s.attacker is not None and s.attacker.actor_type in (ActorType.STATE_FORCES,
                                                                      ActorType.NON_STATE_ARMED_GROUP)
        if armed or bool(s.clause_weapons - {WeaponCategory.GENERIC}):
            return True
        # "Deux soldats ont été tués lundi près de Gao": a violent death with its own day or place is an incident
        return (m.action is Action.KILLING and any(c.role is CasualtyRole.KILLED and c.value for c in s.casualties)
                and (bool(s.event_dates()) or any(p.scene and SPECIFICITY[p.place.kind] < SPECIFICITY[PlaceKind.COUNTRY]
                                                   for p in s.places)))
