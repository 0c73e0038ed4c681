"""Events: triggers (``grammars/events.lark``), typing, slots and merging into incidents.

One decision per module:

1. :mod:`.triggers` finds trigger mentions with the grammar and reads them; :mod:`.reading` reads them again once
   their clause is known (action, role, determiner);
2. :mod:`.genericity` sets aside generic, aggregated, future and background ones;
3. :mod:`.places` finds named places (gazetteer and patterns);
4. :mod:`.slots` gives each mention what its clause says, :mod:`.discourse` what the sentences before say,
   :mod:`.actors` its attacker and target, :mod:`.modality` its modality and source;
5. :mod:`.merge` groups mentions into incidents — what is one incident: :mod:`.founding`, :mod:`.compatibility`,
   :mod:`.candidate_index`;
6. per incident: :mod:`.dating` its date, :mod:`.scene` its place and country, :mod:`.tolls` its killed and injured,
   :mod:`.armament` its weapons, :mod:`.typing` its ACLED code; :mod:`.assembler` builds the
   :class:`~milinc.ontology.Event`.

The French cue words all these read are data (``data/cues.json``, :mod:`.cues`), extended by plugins.
"""

from __future__ import annotations

from .assembler import EventAssembler, NonEventMention

__all__ = ["EventAssembler", "NonEventMention"]
