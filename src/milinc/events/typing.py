"""ACLED coding: the incident's action, weapons and target → event type and sub-event type.

The ontology keeps the separate dimensions (what was done, with which weapons,
against whom); the ACLED code is derived from them by ordered rules kept as data
(``data/acled_mapping.json``), so another scheme (CAMEO, PLOVER) is another data
file of the same shape, read by :class:`EventCoder`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import attrs

from ..ontology import Action, ActorType, EventType, SubEventType, WeaponCategory
from .lexicon import load_data

__all__ = ["CodingInput", "EventCoder"]


@attrs.frozen
class CodingInput:
    """What the coding rules look at."""

    founder_action: Action
    """The action of the incident's first trigger."""
    actions: frozenset[Action]
    """Every action its mentions name."""
    weapons: frozenset[WeaponCategory]
    """Weapon categories involved."""
    flags: frozenset[str] = frozenset()
    """``suicide``, ``grenade``."""
    target_type: ActorType = ActorType.UNKNOWN
    """The target's actor type."""


class EventCoder:
    """Applies a mapping file's ordered rules; the first rule whose conditions all hold wins."""

    def __init__(self, mapping: Mapping[str, Any] | None = None) -> None:
        data = mapping if mapping is not None else load_data("acled_mapping")
        self.rules: list[tuple[Mapping[str, Collection[str]], SubEventType]] = [
            (rule["when"], SubEventType(rule["sub_event_type"])) for rule in data["rules"]
        ]
        """The ordered rules: conditions → sub-event type."""
        self._conditions = [(tuple((key, frozenset(wanted)) for key, wanted in when.items()), sub) for when, sub in self.rules]
        self.event_types = {SubEventType(k): EventType(v) for k, v in data["event_types"].items()}
        """Sub-event type → event type."""

    def code(self, item: CodingInput) -> tuple[EventType, SubEventType, int]:
        """The event type, sub-event type, and the index of the rule that decided."""
        values: dict[str, set[str]] = {
            "founder_action": {item.founder_action.value},
            "actions": {a.value for a in item.actions},
            "weapons": {w.value for w in item.weapons},
            "flags": set(item.flags),
            "target_type": {item.target_type.value},
        }
        for index, (conditions, sub) in enumerate(self._conditions):
            if all(values.get(key, set()) & wanted for key, wanted in conditions):
                return self.event_types[sub], sub, index
        return EventType.STRATEGIC_DEVELOPMENTS, SubEventType.OTHER, len(self.rules)
