"""From a phrase that names an attacker or a target to an actor with ACLED's name and inter code.

The events stage chooses *which* words name an incident's attacker and target; this module says
*who* they are:

- a named actor wins: "des combattants du Hezbollah" → Hezbollah (3), "l'EI" in Iraq → Islamic
  State (Iraq) (2), "les Gardiens de la révolution" → Military Forces of Iran (1989-) Islamic
  Revolutionary Guard Corps;
- civilians: "des habitants", "un navire marchand grec" → Civilians (Country) (7), the country
  from the nationality, else from the incident;
- armed men nobody names: "des hommes armés", "des jihadistes" → Unidentified Armed Group
  (Country) (3);
- state forces by nationality: "l'armée russe", "les forces israéliennes", "un drone russe",
  "Tsahal", "Israël", "Moscou" (only as the attacker: as a target a capital is a place) →
  Military Forces of Russia (2000-); "les policiers maliens" → Police Forces of Mali (2021-);
  "l'armée" without a nationality → the forces of the country the document names for its
  forces, else of the incident's country;
- anything else is no actor (``None``): "une frappe", "le missile".

State forces acting outside their own country are ACLED's external forces (inter 8).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from attrs import frozen

from ..countries import country_name
from ..normalize import NormalizedText
from ..ontology import ActorType
from .catalog import ActorCatalog, Group, Hit, HitKind, load_actor_data, load_catalog, tokens

if TYPE_CHECKING:
    from ..extensions import Extensions

__all__ = ["ActorResolver", "ResolvedActor", "Role", "day_of", "interaction"]

Role = Literal["attacker", "target"]
"""Whether a phrase names who acted or who was acted against."""

_HEADS = (HitKind.CIVILIANS, HitKind.ARMED_GROUP, HitKind.POLICE, HitKind.MILITARY)
_NATIONAL = (HitKind.NATIONALITY, HitKind.STATE_FORCES, HitKind.STATE)
_THE = ("United ", "Democratic Republic", "Republic of", "Central African Republic", "Netherlands", "Philippines",
        "Czech Republic", "Dominican Republic", "Bahamas", "Comoros", "Maldives", "Marshall Islands", "Solomon Islands")
"""Country names ACLED writes with "the" after "Military Forces of"."""
_TIMEX_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@frozen
class ResolvedActor:
    """Who an actor phrase names."""

    name: str | None
    """ACLED-style name ("Military Forces of Russia (2000-)", "Civilians (Mali)"); ``None`` when the
    phrase names state forces of a country nothing tells."""
    inter: int
    """ACLED inter code."""
    actor_type: ActorType
    """milinc's coarse type."""
    country: str | None
    """ISO alpha-2 code of the actor's country, when known."""
    rule: str
    """Why: ``group``, ``state:nationality``, ``state:noun``, ``state:capital``, ``state:forces_name``,
    ``state:document``, ``state:incident_country``, ``civilians``, ``armed_group``…"""
    start: int
    """Start of the words that decided (normalized offsets)."""
    end: int
    """End of those words."""
    side: str | None = None
    """The side in the events stage's sense ("russia", "jihadists"), when known."""


def day_of(value: str | dt.date | None) -> dt.date | None:
    """The first day a TIMEX3 value covers ("2024-01-20TEV" → 2024-01-20, "2024-01" → 2024-01-01)."""
    if value is None or isinstance(value, dt.date):
        return value
    m = _TIMEX_DAY.match(value)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's ``interaction`` code: the two inter codes, lower first ("17"); one actor alone → "10"."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


class ActorResolver:
    """Names actors from their phrases (see the module doc).

    Args:
        catalog: the actor phrases; the built-in ones by default.
    """

    def __init__(self, catalog: ActorCatalog | None = None, *, extra: Sequence[Mapping[str, Any]] = ()) -> None:
        self._catalog = catalog
        self._extra = tuple(extra)

    @property
    def catalog(self) -> ActorCatalog:
        """The phrases and what they stand for (built on first use: a parse without actors never needs it)."""
        if self._catalog is None:
            self._catalog = ActorCatalog(load_actor_data(), self._extra) if self._extra else load_catalog()
        return self._catalog

    @classmethod
    def for_extensions(cls, extensions: Extensions) -> ActorResolver:
        """A resolver whose catalog holds the plugins' actors too."""
        return cls(extra=extensions.lexicon("actors", []))

    # --- finding the words -----------------------------------------------------------

    def hits(self, norm: NormalizedText, start: int = 0, end: int | None = None,
             country: str | None = None) -> list[tuple[int, int, Hit]]:
        """The actor words of ``norm.text[start:end]``, one meaning each, left to right.

        An acronym must be written in capitals in the original ("EI", not "ei"); an alias meant
        for some countries only ("FDS" in Syria) is that meaning only in an incident there.
        """
        out: list[tuple[int, int, Hit]] = []
        for s, e, candidates in self.catalog.find(norm.text, start, end):
            if any(h.capitals for h in candidates) and not _in_capitals(norm, s, e):
                candidates = [h for h in candidates if not h.capitals]
            hit = _choose(candidates, country)
            if hit is not None:
                out.append((s, e, hit))
        return out

    def document_states(self, norm: NormalizedText) -> list[str]:
        """The countries whose forces a text names explicitly, most named first.

        "l'armée malienne", "les soldats maliens", "FAMa": what "l'armée" alone means elsewhere
        in the same text. One regex scan finds the nationality adjectives and forces' names (the
        rare words); only the few words before an adjective are then read for a forces noun.
        """
        catalog = self.catalog
        counts: dict[str, int] = {}
        text = norm.text
        for m in catalog.evidence_regex().finditer(text):
            hits = catalog.hits[m.group()]
            named = next((h for h in hits if h.kind is HitKind.STATE_FORCES and h.country), None)
            if named is not None and named.country and not (named.capitals and not _in_capitals(norm, m.start(), m.end())):
                counts[named.country] = counts.get(named.country, 0) + 1
                continue
            iso = next((h.country for h in hits if h.kind is HitKind.NATIONALITY and h.country), None)
            if iso is None:
                continue
            words = [w.group() for w in tokens(text, max(0, m.start() - 40), m.start())][-4:]
            if any(h.kind in (HitKind.MILITARY, HitKind.POLICE)
                   for k in range(len(words)) for h in catalog.hits.get(" ".join(words[k:]), ())):
                counts[iso] = counts.get(iso, 0) + 1
        return sorted(counts, key=lambda c: -counts[c])

    # --- deciding --------------------------------------------------------------------

    def resolve(
        self,
        norm: NormalizedText,
        start: int = 0,
        end: int | None = None,
        *,
        role: Role = "attacker",
        country: str | None = None,
        date: dt.date | str | None = None,
        states: Sequence[str] = (),
    ) -> ResolvedActor | None:
        """Who the phrase ``norm.text[start:end]`` names, or ``None`` when it names no actor.

        Args:
            norm: the normalized text and its map to the original.
            start: where the phrase starts (normalized offsets).
            end: where it ends; the end of the text by default.
            role: ``attacker`` or ``target`` (a capital stands for its government only when it acts).
            country: the incident's country (ISO alpha-2): the branch of a group, the country of
                civilians and armed men, and whether state forces are at home (inter 1) or abroad (8).
            date: the incident's day (or a TIMEX3 value): the period in a state forces' name.
            states: the countries whose forces the document names (:meth:`document_states`), for
                "l'armée" without a nationality.
        """
        hits = self.hits(norm, start, end, country)
        if role == "target":
            hits = [h for h in hits if h[2].kind is not HitKind.CAPITAL]
        if not hits:
            return None
        day = day_of(date)
        head = next((h for h in hits if h[2].kind in _HEADS), None)
        group = next((h for h in hits if h[2].kind is HitKind.GROUP), None)
        if group is not None and not (head is not None and head[2].kind is HitKind.CIVILIANS and head[0] < group[0]):
            assert group[2].group is not None
            return self._group(group[2].group, group[0], group[1], country, day)
        national = next((h for h in hits if h[2].kind in _NATIONAL or h[2].kind is HitKind.CAPITAL), None)
        nationality = national[2].country if national is not None else None
        first = min(head[0], national[0]) if head is not None and national is not None else None
        last = max(head[1], national[1]) if head is not None and national is not None else None
        if head is not None and head[2].kind is HitKind.CIVILIANS:
            where = nationality or country
            return ResolvedActor(_bracketed("Civilians", where), 7, ActorType.CIVILIANS, where, "civilians",
                                 first or head[0], last or head[1])
        if head is not None and head[2].kind is HitKind.ARMED_GROUP:
            where = country or nationality
            return ResolvedActor(_bracketed("Unidentified Armed Group", where), 3, ActorType.NON_STATE_ARMED_GROUP,
                                 where, "armed_group", first or head[0], last or head[1])
        police = head is not None and head[2].kind is HitKind.POLICE
        if national is not None:
            kind = national[2].kind
            rule = {HitKind.NATIONALITY: "nationality", HitKind.STATE_FORCES: "forces_name",
                    HitKind.STATE: "noun", HitKind.CAPITAL: "capital"}[kind]
            return self._state(nationality, police, f"state:{rule}", first if first is not None else national[0],
                               last or national[1], country, day)
        if head is None:
            return None
        # "l'armée", "les policiers": the forces the document names, else the incident country's
        home = states[0] if states else country
        rule = "state:document" if states else "state:incident_country" if country else "state:unknown"
        return self._state(home, police, rule, head[0], head[1], country, day)

    def _group(self, group: Group, start: int, end: int, country: str | None, day: dt.date | None) -> ResolvedActor:
        if group.state is not None:  # a unit of state forces ("Gardiens de la révolution")
            forces = self._state(group.state, False, "group", start, end, country, day)
            name = f"{forces.name} {group.unit}" if group.unit and forces.name else forces.name
            return ResolvedActor(name, forces.inter, ActorType.STATE_FORCES, group.state, "group", start, end,
                                 group.side or forces.side)
        branch = group.by_country.get(country or "")
        # a group with a branch in the incident's country belongs there ("Islamic State (Iraq)")
        home = country if branch is not None and group.local else group.country
        return ResolvedActor(branch or group.name, group.inter, group.actor_type, home, "group", start, end,
                             group.side)

    def _state(self, iso: str | None, police: bool, rule: str, start: int, end: int, country: str | None,
               day: dt.date | None) -> ResolvedActor:
        if iso is None:
            return ResolvedActor(None, 1, ActorType.STATE_FORCES, None, rule, start, end)
        state = self.catalog.states.get(iso)
        label = country_name(iso) or iso
        if label.startswith(_THE):
            label = "the " + label
        name = f"{'Police' if police else 'Military'} Forces of {label}"
        period = state.period(day) if state is not None else None
        if period is not None:
            name += f" ({period.label})"
        inter = 8 if country is not None and country != iso else 1
        return ResolvedActor(name, inter, ActorType.STATE_FORCES, iso, rule, start, end,
                             state.side if state is not None else None)

    def resolve_text(self, phrase: str, **context: object) -> ResolvedActor | None:
        """:meth:`resolve` on a phrase given alone ("l'armée malienne")."""
        return self.resolve(NormalizedText(phrase), **context)  # type: ignore[arg-type]


def _in_capitals(norm: NormalizedText, start: int, end: int) -> bool:
    first, last = norm.to_original(start, end)
    written = norm.original[first:last]
    return any(c.isupper() for c in written) and not any(c.islower() for c in written)


def _choose(candidates: Iterable[Hit], country: str | None) -> Hit | None:
    """The meaning of an alias: one meant for the incident's country first, then a general one."""
    general: Hit | None = None
    for hit in candidates:
        if hit.countries:
            if country is not None and country in hit.countries:
                return hit
        elif general is None:
            general = hit
    return general


def _bracketed(label: str, iso: str | None) -> str:
    name = country_name(iso)
    return f"{label} ({name})" if name else label
