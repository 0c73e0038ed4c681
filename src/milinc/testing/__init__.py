"""Test utilities for milinc and its plugins: realizers and hypothesis strategies.

**For tests only.** Importing this package needs `hypothesis
<https://hypothesis.readthedocs.io>`_ (``pip install hypothesis``); milinc itself never
imports it.

A *realizer* writes a value of the ontology as French text, in the variants the grammars claim
to cover, and says which span milinc must report and with which value:

- :func:`~milinc.testing.dates.date_variants` — TIMEX3 values ("2021-06-28TEV" → "lundi soir",
  "le 28 juin 2021 dans la soirée"...);
- :func:`~milinc.testing.quantities.quantity_variants` — counts ("au moins 2 500 soldats",
  "plus d'une centaine d'otages", "des dizaines de civils");
- :func:`~milinc.testing.weapons.category_variants` and
  :func:`~milinc.testing.weapons.system_variants` — weapon nouns and named systems
  ("roquettes de type « Katyusha »");
- :func:`~milinc.testing.events.event_sentence` — incident sentences from templates.

The strategies of :mod:`milinc.testing.strategies` draw a value and one of its realizations
together; :func:`~milinc.testing.strategies.embedded` puts it inside neutral French filler.
A plugin author checks a grammar extension the same way::

    from hypothesis import given
    from milinc.testing import strategies as mst

    @given(mst.embedded(mst.dates()))
    def test_dates(case):
        doc = my_parser.parse(case.text, reference_date=case.reference_date)
        assert [(d.span.start, d.span.end, d.value) for d in doc.dates] == [(case.start, case.end, case.value)]
"""

from __future__ import annotations

from ..errors import install_hint

try:
    import hypothesis  # noqa: F401  (checked here so that the error says what to install)
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(f"milinc.testing needs hypothesis: {install_hint('test')}") from error

from . import strategies
from .dates import DateRealization, date_variants
from .events import EventRealization, event_sentence
from .quantities import CountedNoun, QuantityRealization, quantity_variants
from .realization import Realization, Typography
from .weapons import WeaponRealization, category_variants, system_variants

__all__ = [
    "CountedNoun",
    "DateRealization",
    "EventRealization",
    "QuantityRealization",
    "Realization",
    "Typography",
    "WeaponRealization",
    "category_variants",
    "date_variants",
    "event_sentence",
    "quantity_variants",
    "strategies",
    "system_variants",
]
