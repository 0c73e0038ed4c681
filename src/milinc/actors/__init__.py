"""Actors by name: who an attacker or a target phrase names, as ACLED names them.

:class:`ActorResolver` turns a phrase ("l'armée russe", "des combattants du Hamas", "des
habitants") into an actor with ACLED's name, inter code and country (:class:`ResolvedActor`);
the phrases are data (``data/actors.json``, :class:`ActorCatalog`), and plugins add named actors
through the ``actors`` lexicon. The events stage decides which phrase is the attacker or the target.

>>> from milinc.actors import ActorResolver
>>> actor = ActorResolver().resolve_text("l'armée russe", country="UA", date="2024-03-02")
>>> (actor.name, actor.inter, actor.country)
('Military Forces of Russia (2000-)', 8, 'RU')
"""

from __future__ import annotations

from .catalog import ActorCatalog, Group, Hit, HitKind, Period, State, load_actor_data, load_catalog
from .resolver import ActorResolver, ResolvedActor, Role, day_of, interaction

__all__ = [
    "ActorCatalog",
    "ActorResolver",
    "Group",
    "Hit",
    "HitKind",
    "Period",
    "ResolvedActor",
    "Role",
    "State",
    "day_of",
    "interaction",
    "load_actor_data",
    "load_catalog",
]
