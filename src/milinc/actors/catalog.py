"""The actors milinc can name, read from ``data/actors.json`` and the plugins' ``actors`` lexicon.

A :class:`ActorCatalog` indexes every French phrase that names an actor or a kind of actor by its
normalized form: named groups ("Hamas", "EIGS", "shebab"), states (nationality adjectives,
country nouns, capitals, their forces' own names: "Tsahal", "FAMa"), the nouns of state forces
("armée", "policiers"), of civilians ("habitants", "navire marchand") and of armed men nobody
names ("hommes armés", "jihadistes").
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from attrs import field, frozen

from ..engine import words_regex
from ..normalize import fold
from ..ontology import ActorType

__all__ = ["ActorCatalog", "Group", "Hit", "HitKind", "Period", "State", "adjective_forms", "load_catalog", "tokens"]

_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*'?")
"""A word of a normalized text, with its hyphens ("al-qaida") and its elided apostrophe ("l'")."""

_INTER_OF_TYPE = {"state_forces": 1, "non_state_armed_group": 2, "civilians": 7}
"""ACLED inter code of a plugin's actor that gives only its coarse type."""

_SHORT_ALIAS = 4
"""Aliases of this many letters or fewer are acronyms: the text must write them in capitals ("EI", "FDS")."""


class HitKind(str, enum.Enum):
    """What a phrase found in an actor phrase stands for."""

    GROUP = "group"
    """A named actor ("Hamas", "Wagner", "Minusma")."""
    STATE = "state"
    """A country's name or a name of its government ("Israël", "le Kremlin")."""
    CAPITAL = "capital"
    """A capital standing for its government ("Moscou"), only when it acts."""
    STATE_FORCES = "state_forces"
    """A name of one country's forces ("Tsahal", "FAMa")."""
    NATIONALITY = "nationality"
    """A nationality adjective ("russe", "israéliennes")."""
    MILITARY = "military"
    """A noun of state forces ("armée", "soldats", "aviation")."""
    POLICE = "police"
    """A noun of police forces ("policiers", "gendarmerie")."""
    CIVILIANS = "civilians"
    """A noun of civilians or of what they own ("habitants", "navire marchand")."""
    ARMED_GROUP = "armed_group"
    """A noun of armed men nobody names ("hommes armés", "jihadistes")."""


@frozen
class Period:
    """One period of a state's forces as ACLED names them ("Military Forces of Mali (2021-)")."""

    start: dt.date
    """First day."""
    end: dt.date | None
    """The day the next period starts, ``None`` for the current one."""
    label: str
    """The label in brackets ("2021-", "2020-2021")."""


@frozen
class State:
    """A country whose forces French reporting names."""

    country: str
    """ISO 3166 alpha-2 code."""
    periods: tuple[Period, ...] = ()
    """ACLED's periods of its forces, oldest first."""
    side: str | None = None
    """The side it belongs to in the events stage's sense ("russia", "us")."""

    def period(self, day: dt.date | None) -> Period | None:
        """The period *day* falls in (the current one when *day* is unknown and one is open)."""
        if not self.periods:
            return None
        if day is None:
            return None
        for p in self.periods:
            if p.start <= day and (p.end is None or day < p.end):
                return p
        return None


@frozen
class Group:
    """A named actor: an armed group, a militia, a mission, a unit of state forces."""

    name: str
    """ACLED's name ("Hamas Movement", "JNIM: Group for Support of Islam and Muslims")."""
    inter: int
    """ACLED's inter code."""
    actor_type: ActorType = ActorType.NON_STATE_ARMED_GROUP
    """milinc's coarse type."""
    country: str | None = None
    """Home country, when it has one."""
    by_country: Mapping[str, str] = field(factory=dict)
    """Branch names by the country of the event ("Islamic State (Sahel)" in ML, NE, BF)."""
    local: bool = False
    """Whether a branch belongs to the incident's country (the Islamic State's; not a coalition's)."""
    state: str | None = None
    """For a unit of state forces: the state ("IR" for the Revolutionary Guards)."""
    unit: str | None = None
    """For a unit of state forces: the unit's name after the period ("Islamic Revolutionary Guard Corps")."""
    side: str | None = None
    """The side it belongs to in the events stage's sense."""


@frozen
class Hit:
    """What one phrase of the catalog stands for."""

    kind: HitKind
    """The kind of actor word."""
    country: str | None = None
    """The country it names (states, nationalities, forces' names)."""
    group: Group | None = None
    """The named actor (groups)."""
    capitals: bool = False
    """Whether the text must write it in capitals (short acronyms)."""
    countries: frozenset[str] = frozenset()
    """When not empty: the alias applies only to events in these countries ("FDS" in Syria)."""


def adjective_forms(adjective: str) -> list[str]:
    """The four agreement forms of a nationality adjective, masculine singular first.

    >>> adjective_forms("israélien"), adjective_forms("russe"), adjective_forms("soudanais")
    (['israélien', 'israélienne', 'israéliens', 'israéliennes'], ['russe', 'russes'], ['soudanais', 'soudanaise', 'soudanaises'])
    """
    if adjective.endswith("e"):
        return [adjective, adjective + "s"]
    feminine = adjective + ("ne" if adjective.endswith(("ien", "éen")) else "e")  # "israélienne", "malienne"
    plural = adjective if adjective.endswith(("s", "x")) else adjective + "s"
    return list(dict.fromkeys([adjective, feminine, plural, feminine + "s"]))


def _joins(gap: str) -> bool:
    """Whether two words with *gap* between them may belong to one phrase (spaces, or none after "l'")."""
    return not gap or gap.isspace()


def tokens(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The words of a normalized text (between *start* and *end*), as the catalog reads them."""
    return list(_TOKEN.finditer(text, start, len(text) if end is None else end))


class ActorCatalog:
    """Every actor phrase, normalized, with what it stands for.

    Args:
        data: a document shaped like ``data/actors.json``.
        extra: the plugins' ``actors`` entries (``{"name", "aliases", "type", "inter"?, "side"?}``).
    """

    def __init__(self, data: Mapping[str, Any], extra: Iterable[Mapping[str, Any]] = ()) -> None:
        self.hits: dict[str, list[Hit]] = {}
        """Normalized phrase → what it stands for (several for an ambiguous alias)."""
        self.states: dict[str, State] = {}
        """ISO code → the state's periods and side."""
        for entry in data.get("states", ()):
            iso = entry["country"]
            periods = tuple(
                Period(dt.date.fromisoformat(p["from"]), dt.date.fromisoformat(p["to"]) if p.get("to") else None,
                       p["label"])
                for p in entry.get("periods", ())
            )
            self.states[iso] = State(iso, periods, entry.get("side"))
            forms = entry.get("forms") or [f for adj in entry.get("adjectives", ()) for f in adjective_forms(adj)]
            for form in forms:
                self._add(form, Hit(HitKind.NATIONALITY, country=iso))
            for noun in entry.get("nouns", ()):
                self._add(noun, Hit(HitKind.STATE, country=iso))
            for noun in entry.get("capitals", ()):
                self._add(noun, Hit(HitKind.CAPITAL, country=iso))
            for noun in entry.get("forces", ()):
                self._add(noun, Hit(HitKind.STATE_FORCES, country=iso, capitals=_is_acronym(noun)))
        nouns = data.get("state_nouns", {})
        for noun in nouns.get("military", ()):
            self._add(noun, Hit(HitKind.MILITARY, capitals=_is_acronym(noun)))
        for noun in nouns.get("police", ()):
            self._add(noun, Hit(HitKind.POLICE))
        for noun in data.get("civilian_nouns", ()):
            self._add(noun, Hit(HitKind.CIVILIANS))
        for noun in data.get("armed_group_nouns", ()):
            self._add(noun, Hit(HitKind.ARMED_GROUP, capitals=_is_acronym(noun)))
        for entry in data.get("groups", ()):
            self._add_group(entry, name_is_phrase=False)  # built-in names are ACLED's English names
        for entry in extra:
            self._add_group(entry, name_is_phrase=True)  # a plugin's name is a phrase of the text ("EIAO")
        self.first_words: frozenset[str] = frozenset(key.split(" ")[0] for key in self.hits)
        """The first word of every phrase: where a phrase may start."""
        self.longest: int = max((key.count(" ") + 1 for key in self.hits), default=0)
        """The most words a phrase has."""
        self._evidence: re.Pattern[str] | None = None

    def evidence_regex(self) -> re.Pattern[str]:
        """Finds the nationality adjectives and forces' names of a text (compiled on first use)."""
        if self._evidence is None:
            phrases = [key for key, hits in self.hits.items()
                       if any(h.kind in (HitKind.NATIONALITY, HitKind.STATE_FORCES) for h in hits)]
            self._evidence = words_regex(phrases)
        return self._evidence

    def _add(self, phrase: str, hit: Hit) -> None:
        key = " ".join(m.group() for m in _TOKEN.finditer(fold(phrase)))
        if not key:
            return
        found = self.hits.setdefault(key, [])
        if hit not in found:
            found.append(hit)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, list[Hit]]]:
        """Every catalog phrase of a normalized text, leftmost and longest first, never overlapping.

        Words are compared, not characters, so that no regex of a thousand phrases is compiled:
        a phrase's words must follow each other with only spaces between them.
        """
        words = tokens(text, start, end)
        out: list[tuple[int, int, list[Hit]]] = []
        i, n = 0, len(words)
        while i < n:
            if words[i].group() not in self.first_words:
                i += 1
                continue
            # how far the words run with only spaces between them
            reach = i + 1
            while reach < min(n, i + self.longest) and _joins(text[words[reach - 1].end() : words[reach].start()]):
                reach += 1
            for last in range(reach, i, -1):
                key = " ".join(w.group() for w in words[i:last])
                hits = self.hits.get(key)
                if hits is not None:
                    out.append((words[i].start(), words[last - 1].end(), hits))
                    i = last
                    break
            else:
                i += 1
        return out

    def _add_group(self, entry: Mapping[str, Any], *, name_is_phrase: bool) -> None:
        actor_type = ActorType(entry.get("type", "non_state_armed_group"))
        inter = entry.get("inter")
        if inter is None:  # a plugin's entry: the coarse type gives the code
            inter = _INTER_OF_TYPE.get(actor_type.value, 2)
        group = Group(
            name=entry["name"],
            inter=int(inter),
            actor_type=ActorType.STATE_FORCES if entry.get("state") else actor_type,
            country=entry.get("country"),
            by_country=dict(entry.get("by_country", {})),
            local=bool(entry.get("local", False)),
            state=entry.get("state"),
            unit=entry.get("unit"),
            side=entry.get("side"),
        )
        aliases = entry.get("aliases", [])
        if isinstance(aliases, str):
            aliases = [aliases]
        for alias in [*([entry["name"]] if name_is_phrase else []), *aliases]:
            if isinstance(alias, Mapping):
                phrase, countries = alias["alias"], frozenset(alias.get("countries", ()))
            else:
                phrase, countries = alias, frozenset()
            self._add(phrase, Hit(HitKind.GROUP, group=group, capitals=_is_acronym(phrase), countries=countries))


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return 0 < len(letters) <= _SHORT_ALIAS and all(c.isupper() for c in letters)


def load_actor_data() -> dict[str, Any]:
    """The parsed ``data/actors.json`` (a fresh copy)."""
    text = resources.files("milinc").joinpath("data").joinpath("actors.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.lru_cache(maxsize=1)
def load_catalog() -> ActorCatalog:
    """The built-in catalog (read once per process)."""
    return ActorCatalog(load_actor_data())
