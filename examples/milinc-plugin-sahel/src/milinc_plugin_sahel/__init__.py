"""milinc-plugin-sahel: what milinc needs to read reporting on the Sahel.

Installing the package is enough: it registers :func:`make_plugin` under the
entry-point group ``milinc.plugins``, and every ``milinc.parse`` call (and the
``milinc parse`` command) then knows

* the places, armed groups, weapon systems, trigger nouns and trigger
  modifiers of Mali, Burkina Faso, Niger and the Lake Chad basin listed in
  ``sahel.json`` (data: one lexicon per key);
* the calibres of heavy machine guns as Sahel reporting writes them, without
  "mm" ("des mitrailleuses de 12,7", "une arme de 14,5"): a grammar fragment
  at the ``tail`` extension point of milinc's weapons grammar, with its callback.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from lark import Token

from milinc.plugins import Plugin
from milinc.weapons.mentions import Part

__all__ = ["CALLBACKS", "GRAMMAR", "make_plugin", "sahel_calibre"]

__version__ = "0.1.0"

GRAMMAR: dict[str, list[str]] = {
    "weapons": [
        # a new alternative of the `tail` extension point, and the terminal it uses (named
        # after the plugin); priority 1 < the built-in CALIBRE's 2, which keeps "12,7 mm"
        """
        %extend tail: PREP SAHEL_CALIBRE -> sahel_calibre
                    | SAHEL_CALIBRE -> sahel_calibre
        SAHEL_CALIBRE.1: /(?:12[.,]7|14[.,]5)(?! ?mm)(?![\\d,.])/
        """,
    ],
}
"""Grammar fragments per dimension (lark ``%extend`` at the grammars' extension points)."""


def sahel_calibre(children: list[Any]) -> Part:
    """The value of a ``sahel_calibre`` tail: a calibre part, as the built-in ``calibre`` gives.

    *children* are the rule's tokens (``PREP``? ``SAHEL_CALIBRE``); their offsets
    are relative to the match window, as every part's.
    """
    first: Token = children[0]
    last: Token = children[-1]
    assert first.start_pos is not None and last.end_pos is not None
    return Part("calibre", first.start_pos, last.end_pos)


CALLBACKS: dict[str, dict[str, Any]] = {"weapons": {"sahel_calibre": sahel_calibre}}
"""Transformer callbacks per dimension, for the rules :data:`GRAMMAR` adds."""


def _lexicons() -> dict[str, list[Any]]:
    text = resources.files(__name__).joinpath("sahel.json").read_text(encoding="utf-8")
    data: dict[str, list[Any]] = json.loads(text)
    return {name: entries for name, entries in data.items() if not name.startswith("_")}


def make_plugin() -> Plugin:
    """The Sahel plugin (milinc calls this once per process, through the entry point)."""
    return Plugin(
        name="sahel",
        version=__version__,
        description="Places, armed groups, weapon systems and phrasings of Sahel reporting.",
        lexicons=_lexicons(),
        grammar=GRAMMAR,
        callbacks=CALLBACKS,
    )
