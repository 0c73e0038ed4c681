"""Countries as ACLED writes them: numeric ``iso``, name, region (``data/countries.json``).

The table is built at development time from pycountry (``scripts/build_countries.py``); at run time
it is plain data, read once.

>>> from milinc.countries import country
>>> info = country("PS")
>>> (info.numeric, info.name, info.alpha3, info.region)
(275, 'Palestine', 'PSE', 'Middle East')
>>> country("XX") is None
True
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from attrs import frozen

__all__ = ["CountryInfo", "country", "country_name"]


@frozen
class CountryInfo:
    """One country of ``data/countries.json``."""

    alpha2: str
    """ISO 3166 alpha-2 code ("ML")."""
    alpha3: str
    """ISO 3166 alpha-3 code ("MLI"), the prefix of ACLED's event ids."""
    numeric: int
    """ISO 3166 numeric code, ACLED's ``iso`` column (0 for Kosovo, as ACLED writes it)."""
    name: str
    """The name ACLED writes in its ``country`` column ("Democratic Republic of Congo")."""
    region: str | None
    """ACLED's region ("Western Africa", "Middle East")."""


@functools.cache
def _table() -> dict[str, CountryInfo]:
    text = resources.files("milinc").joinpath("data").joinpath("countries.json").read_text(encoding="utf-8")
    return {
        iso: CountryInfo(alpha2=iso, alpha3=c["alpha3"], numeric=int(c["numeric"]), name=c["name"], region=c.get("region"))
        for iso, c in json.loads(text)["countries"].items()
    }


def country(alpha2: str | None) -> CountryInfo | None:
    """The country with this ISO alpha-2 code, or ``None`` when unknown."""
    if not alpha2:
        return None
    return _table().get(alpha2.upper())


def country_name(alpha2: str | None) -> str | None:
    """ACLED's name of the country with this code ("RU" → "Russia"), or ``None``."""
    info = country(alpha2)
    return info.name if info is not None else None
