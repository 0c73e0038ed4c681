"""Whether a mention and an incident may be one occurrence (§5 of the guidelines, "one incident or several").

They may not when their days, specific places, countries, weapon families or
sides conflict; when one is an arrest or an abduction and the other not; when
one is an interception and the other an attack told in another sentence; when
fighting on the ground and a strike from afar are told in different sentences;
when the attacker of one is the target of the other; or when one sentence
tells them one after the other ("après que", "en représailles"); the dead of fighting on the ground
count on every side, the attacker's too. A definite
noun of a kind ("ces bombardements", "l'embuscade") names an incident of that
kind; an indefinite one joins only an incident it shares something with.
"""

from __future__ import annotations

from ..ontology import Action
from .features import BuilderState, Incident

__all__ = ["AIR", "EXCLUSIVE_ACTIONS", "REMOTE_FAMILIES", "VAGUE_AIR", "CompatibilityRules", "families_agree"]

_GROUND = frozenset({Action.CLASH, Action.AMBUSH})
_SEQUENCE_REACH = 8
"""How many clauses on each side of a mention are looked at for a member of an incident told in sequence."""
AIR = frozenset({Action.STRIKE, Action.BOMBARDMENT})
"""Actions of a strike from afar (the air, artillery)."""
VAGUE_AIR = "air_attack"
"""The weapon family of an air attack that names no aircraft ("l'attaque aérienne", "un raid aérien")."""
REMOTE_FAMILIES = frozenset({"air", VAGUE_AIR, "drone", "projectile"})
"""Weapon families of a strike from afar."""
EXCLUSIVE_ACTIONS = frozenset({Action.ARREST, Action.ABDUCTION})
"""Actions that are one incident only with the same action (an arrest, an abduction)."""
_ANAPHOR_KINDS = {
    "strike": "remote", "bombardment": "remote", "raid": "remote",
    "clash": "ground", "ambush": "ground",
}
"""What an anaphoric noun can name, by lemma or action: a strike from afar or fighting on the ground
("lors de l'assaut" does not take up the shelling told just before); other nouns can name any incident."""




def families_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of weapon families may be one incident's: they share one, or one is an air attack that
    names no aircraft and the other a strike from afar ("l'attaque aérienne" of drones and missiles)."""
    return bool(a & b) or (VAGUE_AIR in a and bool(b & REMOTE_FAMILIES)) or (
        VAGUE_AIR in b and bool(a & REMOTE_FAMILIES))


class CompatibilityRules(BuilderState):
    """The rules that keep two occurrences apart, and those that let an anaphor or a lede refer back."""

    def compatible(self, i: int, inc: Incident, *, anaphor: bool = False, carried_date: bool = True) -> bool:
        """Whether mention *i* may refer to the same occurrence as *inc* (*carried_date*: whether a date carried
        from the sentence before counts against it)."""
        m, f, g = self.mentions[i], self.features[i], self._incident_features(inc)
        sentences = self._index[id(inc)].sentences
        if (f.action in EXCLUSIVE_ACTIONS or g.action in EXCLUSIVE_ACTIONS) and f.action != g.action:
            return self.roles[i] != "event" and m.sentence in sentences
        # the interception of what an attack launched is part of the attack (§5), wherever it is told
        if f.days and g.days and not f.days & g.days:
            return False
        # fighting on the ground and a strike from the air are two incidents, unless one sentence joins them
        remote = not self.additive[i] and (f.action in AIR or g.action in AIR or bool((f.families | g.families) & REMOTE_FAMILIES))
        if ((f.action in _GROUND) != (g.action in _GROUND) and remote and self.roles[i] == "event"
                and m.sentence not in sentences):
            return False
        if self._in_sequence(i, inc):
            return False
        if (m.since or self.mentions[inc.founder].since) and m.sentence in sentences:
            return False  # "première attaque depuis l'assassinat de son chef": the start of a period, another one
        if f.days and g.upper and all(d > g.upper for d in f.days):
            return False
        if not anaphor and not f.days and g.days:
            if f.upper and all(d > f.upper for d in g.days):
                return False
            # a date carried from the sentence before does not hold back "l'assaut", "cette frappe"
            if carried_date and f.carried and not f.upper and f.carried not in g.days:
                return False
        if f.specific and g.specific and not any(a & b for a in f.specific for b in g.specific):
            return False
        if f.countries and g.countries and not f.countries & g.countries:
            return False
        if f.families and g.families and not families_agree(f.families, g.families) and not self.additive[i]:
            return False
        if self.roles[i] == "casualty" and (g.action in _GROUND or m.sentence in sentences):
            # "une opération militaire israélienne, au cours de laquelle un soldat israélien a été tué", "un assaut
            # …, au cours duquel trois soldats israéliens ont été tués": the dead of its sentence, on every side
            return True
        if (f.attacker & g.target and not f.attacker & g.attacker) or (f.target & g.attacker and not f.target & g.target):
            return False
        return not (f.attacker and g.attacker and not f.attacker & g.attacker)

    def _in_sequence(self, i: int, inc: Incident) -> bool:
        """Whether *i* and an incident's founder are told one after the other in one sentence
        ("l'attaque … s'est produite après la frappe …", "contre-attaque après que les troupes aient été attaquées")."""
        m = self.mentions[i]
        flags = self.layout.sequence[m.sentence] if self.layout.sequence else ()
        if not any(flags):
            return False
        # the founder's clause, or another clause of the incident in this sentence ("Les attaques de dimanche
        # surviennent au lendemain de frappes israéliennes": the incident's noun, not its founder, is here);
        # the clauses near the mention only (a sentence of many clauses stays linear)
        founder = self.mentions[inc.founder]
        clauses = self._index[id(inc)].contributor_clauses
        near = range(max(0, m.clause - _SEQUENCE_REACH), m.clause + _SEQUENCE_REACH + 1)
        told = {c for c in near if (m.sentence, c) in clauses and c != m.clause}
        if founder.sentence == m.sentence and founder.clause != m.clause:
            told.add(founder.clause)
        for c in told:
            lo, hi = sorted((m.clause, c))
            if any(flags[k] for k in range(lo + 1, hi + 1) if k < len(flags)):
                return True
        return False

    def _may_join(self, i: int, inc: Incident, *, carried_date: bool = True) -> bool:
        """Whether founding mention *i* may join *inc*: compatible, and when indefinite (or when *inc* is only a
        headline's so far) sharing something with it; the definite article refers back."""
        m = self.mentions[i]
        return self.compatible(i, inc, carried_date=carried_date) and (self._shares(i, inc) or not (
            (self.dets[i][0] == "indefinite" and m.rule == "nominal" and not self._in_lede(i, inc))
            or (self._index[id(inc)].all_title
                and not self._repeats_headline(i, inc) and not self._in_lede(i, inc))))

    def _refers_back(self, i: int) -> bool:
        """Whether mention *i* is a definite or demonstrative trigger noun ("l'assaut", "ces frappes")."""
        m = self.mentions[i]
        return m.rule == "nominal" and m.pos == "noun" and self.dets[i][0] in ("definite", "demonstrative")

    def _fits_kind(self, i: int, inc: Incident) -> bool:
        """Whether the noun of mention *i* can name an incident of this kind: "ces bombardements" a strike or
        shelling, "l'assaut" or "l'embuscade" fighting on the ground; "l'attaque", "l'incident" anything."""
        m = self.mentions[i]
        kind = _ANAPHOR_KINDS.get(m.lemma) or _ANAPHOR_KINDS.get(self.actions[i].value)
        if kind is None:
            return True
        g = self._incident_features(inc)
        founder_action = self.actions[inc.founder]
        remote = founder_action in AIR or bool(g.families & REMOTE_FAMILIES)
        if m.lemma in self._lemmas(inc):
            return True
        return remote if kind == "remote" else not remote

    def _lemmas(self, inc: Incident) -> set[str]:
        """The trigger lemmas of an incident's mentions, updated as mentions join (never recounted)."""
        return self._index[id(inc)].lemmas

    def _named_alike(self, i: int, inc: Incident) -> bool:
        """Whether a noun of a definite kind ("les frappes", "l'embuscade") names *inc* with its own word
        already: "les frappes avaient touché Deir ez-Zor" takes up the strikes, not the drone attack told
        between them. Nouns of any kind ("l'attaque", "l'incident") name everything alike."""
        m = self.mentions[i]
        if (_ANAPHOR_KINDS.get(m.lemma) or _ANAPHOR_KINDS.get(self.actions[i].value)) is None:
            return True
        return m.lemma in self._lemmas(inc)

    def _in_lede(self, i: int, inc: Incident) -> bool:
        """Whether mention *i* is in the lede — the first body paragraph that names an incident — and
        *inc* is an incident only the headline has stated: the lede tells the headline's incident."""
        if not self._index[id(inc)].all_title:
            return False
        return self._lede is not None and self.layout.paragraphs[self.mentions[i].sentence] == self._lede

    def _repeats_headline(self, i: int, inc: Incident) -> bool:
        """Whether a definite noun takes up the headline's own word ("Attaque à X" … "L'attaque a fait …")."""
        m = self.mentions[i]
        return (m.rule == "nominal" and self.dets[i][0] in ("definite", "demonstrative")
                and m.lemma in self._index[id(inc)].contributor_lemmas)

    def _shares(self, i: int, inc: Incident) -> bool:
        f, g = self.features[i], self._incident_features(inc)
        return bool(f.days & g.days or f.families & g.families
                    or (g.upper is not None and g.upper in f.days) or (f.upper is not None and f.upper in g.days)
                    or any(a & b for a in f.specific for b in g.specific)
                    or (f.attacker & g.attacker) or (f.target & g.target))
