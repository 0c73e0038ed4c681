"""From grammar matches to weapon-mention drafts: the transformer of ``weapons.lark``.

The transformer runs inside the LALR parser. Each ``tail`` rule becomes a
:class:`Part` (a modifier, a complement, a name…); a ``mention`` rule combines
its head and parts into a :class:`Draft` with category, subtype and name,
following the taxonomy:

- a plain head noun fixes the category ("missile", "drones");
- a *yielding* head ("obus", "armes", "munitions") or a *carrier* ("tirs",
  "système", "véhicule") takes the category of what follows it: a weapon noun
  ("tirs *d'artillerie*", "obus *de mortier*"), a category-bearing modifier
  ("tirs *indirects*", "véhicule *piégé*") or a system name ("système *Patriot*");
- a carrier that gets no category is no mention ("tirs" alone).

Offsets in parts and drafts are relative to the parsed window, as lark's tokens are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from attrs import evolve, frozen
from lark import Token, Transformer

from ..normalize import fold, phrase_key
from ..ontology import WeaponCategory
from .taxonomy import SystemAlias, Taxonomy

__all__ = ["Draft", "Part", "WeaponTransformer", "make_transformer"]

_ARTILLERY_CALIBRE = 100.0
"""From this calibre (mm) on, "munitions de 155 mm" are artillery rounds."""
_SMALL_ARMS_CALIBRE = 20.0
"""Below this calibre (mm), "cartouches de 7,62 mm" are small-arms rounds."""


@frozen
class Part:
    """One element of a mention after its head."""

    kind: str
    """``modifier``, ``complement``, ``weapon_complement`` (a weapon noun after a preposition),
    ``noun``, ``name``, ``calibre`` or a plugin's own kind."""
    start: int
    """Window-relative start offset."""
    end: int
    """Window-relative end offset."""
    category: WeaponCategory | None = None
    """Category this part gives to a carrier or a yielding head."""
    yields: bool = False
    """Whether a later part may still change that category ("tirs d'*armes* automatiques")."""
    subtype: str | None = None
    """Subtype hint."""
    by_category: Mapping[str, str] | None = None
    """Subtype hints that depend on the mention's category ("de combat")."""
    system: SystemAlias | None = None
    """The system named, for name parts."""
    name_start: int = 0
    """Start of the name itself (inside quotes), for name parts."""
    name_end: int = 0
    """End of the name itself, for name parts."""
    valid: bool = True
    """False when the part cannot belong to a mention (a second head noun)."""
    modifier: bool = True
    """Whether the part's text is reported in ``Weapon.modifiers``."""


@frozen
class Draft:
    """A weapon mention before its offsets are made absolute and its name checked."""

    start: int
    """Window-relative start offset."""
    end: int
    """Window-relative end offset."""
    category: WeaponCategory
    """The category."""
    subtype: str | None
    """The subtype."""
    system: SystemAlias | None
    """The named system, if any."""
    name_start: int
    """Where the system name stands (window-relative), when there is one."""
    name_end: int
    """End of the system name."""
    category_from_name: bool
    """True when only the name gave the category (the mention falls if the name is rejected)."""
    headed: bool
    """True when a weapon noun heads the mention (a bare name otherwise)."""
    modifiers: tuple[tuple[int, int], ...]
    """Window-relative ranges of the modifier phrases."""
    rule: str
    """Grammar rule that built the mention."""

    def without_name(self) -> Draft | None:
        """The draft with its name dropped, or ``None`` when the name was all it had."""
        if not self.headed or self.category_from_name:
            return None
        return evolve(self, system=None, name_start=0, name_end=0)


def _pos(tok: Token) -> tuple[int, int]:
    assert tok.start_pos is not None and tok.end_pos is not None
    return tok.start_pos, tok.end_pos


def _first_token(item: Any) -> int:
    return item.start if isinstance(item, Part) else _pos(item)[0]


def _last_token(item: Any) -> int:
    return item.end if isinstance(item, Part) else _pos(item)[1]


class WeaponTransformer(Transformer[Token, Any]):
    """Builds :class:`Part` and :class:`Draft` values from the rules of ``weapons.lark``.

    Args:
        taxonomy: the vocabulary each token is looked up in.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        super().__init__()
        self.taxonomy = taxonomy
        """The taxonomy the mentions are read against."""
        self._all_subtypes: frozenset[str] = frozenset().union(*taxonomy.subtype_names.values())

    # --- tails ------------------------------------------------------------------

    def _modifier_part(self, tok: Token, start: int, kind: str = "modifier") -> Part:
        table = self.taxonomy.complements if kind == "complement" else self.taxonomy.modifiers
        mod = table.get(phrase_key(str(tok)))
        _, end = _pos(tok)
        if mod is None:
            return Part(kind, start, end)
        return Part(kind, start, end, category=mod.category, subtype=mod.subtype,
                    by_category=mod.by_category or None)

    def modifier(self, children: list[Token]) -> Part:
        """An adjective ("balistique", "-suicides")."""
        return self._modifier_part(children[-1], _pos(children[0])[0])

    def noun_modifier(self, children: list[Token]) -> Part:
        """A head-noun form used as an adjective ("drones *explosifs*"); any other noun ends the mention."""
        tok = children[0]
        start, end = _pos(tok)
        if fold(str(tok)) in self.taxonomy.modifiers:
            return self._modifier_part(tok, start)
        return Part("noun", start, end, valid=False)

    def noun_complement(self, children: list[Token]) -> Part:
        """A weapon noun after a preposition ("tirs *d'artillerie*", "chargés *d'explosifs*")."""
        start = _pos(children[0])[0]
        tok = children[-1]
        end = _pos(tok)[1]
        noun = self.taxonomy.nouns.get(phrase_key(str(tok)))
        if noun is None:
            return Part("complement", start, end)
        kind = "weapon_complement" if noun.category is not None else "complement"
        return Part(kind, start, end, category=noun.category, yields=noun.yields or noun.carrier,
                    subtype=noun.subtype)

    def complement(self, children: list[Token]) -> Part:
        """A complement noun after a preposition ("de *croisière*", "à *courte portée*")."""
        last = children[-1]
        kind = "modifier" if last.type == "ADJ" else "complement"
        return self._modifier_part(last, _pos(children[0])[0], kind)

    def calibre(self, children: list[Token]) -> Part:
        """A calibre ("de 155 mm"): artillery from 100 mm, small arms below 20 mm, for heads that yield."""
        token = children[-1]
        digits = re.match(r"\d+(?:[.,]\d+)?", str(token))
        number = float(digits.group().replace(",", ".")) if digits else 0.0
        category = (
            WeaponCategory.ARTILLERY if number >= _ARTILLERY_CALIBRE
            else WeaponCategory.SMALL_ARMS if number < _SMALL_ARMS_CALIBRE
            else None
        )
        return Part("calibre", _pos(children[0])[0], _pos(token)[1], category=category)

    def typed_name(self, children: list[Any]) -> Part:
        """A name introduced by "de type", "de modèle" ("roquettes de type « Katyusha »")."""
        name: Part = children[-1]
        return evolve(name, start=_pos(children[0])[0])

    def name_complement(self, children: list[Any]) -> Part:
        """A name after a preposition ("tirs *de kalachnikov*")."""
        name: Part = children[-1]
        return evolve(name, start=_pos(children[0])[0])

    def name(self, children: list[Part]) -> Part:
        """A system name right after the head ("avion *AC-130*")."""
        return children[0]

    def bracketed_name(self, children: list[Any]) -> Part:
        """A name in brackets after the mention ("véhicule de l'avant blindé *(VAB)*")."""
        name: Part = children[1]
        return evolve(name, start=_pos(children[0])[0], end=_pos(children[-1])[1])

    def abbreviation(self, children: list[Token]) -> Part:
        """A weapon noun in brackets: the mention's abbreviation ("engin explosif improvisé *(EEI)*").

        One of another category is no abbreviation of it: the mention then ends before the bracket.
        """
        start, end = _pos(children[0])[0], _pos(children[-1])[1]
        noun = self.taxonomy.nouns.get(fold(str(children[1])))
        category = noun.category if noun is not None else None
        return Part("abbreviation", start, end, category=category, modifier=False)

    def paired_system(self, children: list[Token]) -> Part:
        """Two designations joined by a slash ("Shahed-131/136"): one mention, named after the first."""
        first = self.system(children[:1])
        return evolve(first, end=_pos(children[-1])[1])

    def system(self, children: list[Token]) -> Part:
        """A system name, bare or between quotes."""
        tok = next(t for t in children if t.type == "SYSTEM")
        start, end = _pos(children[0])[0], _pos(children[-1])[1]
        ns, ne = _pos(tok)
        alias = self.taxonomy.aliases.get(phrase_key(str(tok)))
        if alias is None:
            return Part("name", start, end, valid=False)
        return Part("name", start, end, category=alias.system.category, subtype=alias.system.subtype,
                    system=alias, name_start=ns, name_end=ne, modifier=False)

    # --- mentions ---------------------------------------------------------------

    def headed(self, children: list[Any]) -> Draft | None:
        """A head noun and its tails."""
        head: Token = children[0]
        noun = self.taxonomy.nouns.get(phrase_key(str(head)))
        if noun is None:
            return None
        parts: list[Part] = children[1:]
        category = noun.category
        if noun.carrier and parts:
            category = noun.default
        return self._combine(children, category, noun.yields or noun.carrier, noun.subtype, parts, "headed",
                             noun.yields_to)

    def named(self, children: list[Any]) -> Draft | None:
        """A system name, with its tails ("des HIMARS", "Shahed-136 iraniens")."""
        name: Part = children[0]
        if name.system is None or name.system.needs_head:
            return None
        return self._combine(children, None, True, None, [name, *children[1:]], "named")

    def _combine(
        self,
        children: list[Any],
        category: WeaponCategory | None,
        yields: bool,
        subtype: str | None,
        parts: list[Part],
        rule: str,
        yields_to: frozenset[WeaponCategory] | None = None,
    ) -> Draft | None:
        """Fold the head's category and subtype with its parts, left to right, into a draft."""
        hints: list[str | Part] = [subtype] if subtype else []
        system: Part | None = None
        from_name = False
        modifiers: list[tuple[int, int]] = []
        previous: Part | None = None
        for part in parts:
            if not isinstance(part, Part) or not part.valid:
                return None
            if self._second_weapon(part, previous, category, yields, yields_to):
                return None
            if part.kind == "abbreviation":
                if part.category is not None and category is not None and part.category != category:
                    return None  # "(EEI)" after a drone is no abbreviation of it
                continue
            previous = part
            if part.category is not None and yields_to is not None and part.category not in yields_to:
                # the head keeps its category ("canons CAESAR" stay artillery)
                if part.system is not None:
                    system = system or part
                    continue
                if part.subtype:
                    hints.append(part)
                if part.modifier:
                    modifiers.append((part.start, part.end))
                continue
            if part.system is not None:
                if system is None:
                    system = part
                    if category is None or yields:
                        from_name = category is None
                        category = part.category
                        yields = False
                        yields_to = None
                continue
            if part.category is not None and (category is None or yields):
                category = part.category
                yields = part.yields
                yields_to = None
            if part.subtype or part.by_category:
                hints.append(part)
            if part.modifier and part.kind != "noun":
                modifiers.append((part.start, part.end))
        if category is None:
            return None
        if system is not None and system.system is not None and system.system.needs_head and rule == "named":
            return None
        final_subtype = self._subtype(category, hints, system)
        return Draft(
            start=_first_token(children[0]),
            end=_last_token(children[-1]),
            category=category,
            subtype=final_subtype,
            system=system.system if system else None,
            name_start=system.name_start if system else 0,
            name_end=system.name_end if system else 0,
            category_from_name=from_name,
            headed=rule != "named",
            modifiers=tuple(modifiers),
            rule=rule,
        )

    @staticmethod
    def _second_weapon(
        part: Part,
        previous: Part | None,
        category: WeaponCategory | None,
        yields: bool,
        yields_to: frozenset[WeaponCategory] | None,
    ) -> bool:
        """Whether a weapon noun after a preposition is a second weapon ("missile *de drone*").

        It belongs to the mention when the head takes its category ("tirs *d'artillerie*",
        "obus *de mortier*"), has the same one ("obus *d'artillerie*"), or when a participle
        joins them ("drones chargés *d'explosifs*"); otherwise the mention ends before it.
        """
        if part.kind != "weapon_complement" or category is None or part.category == category:
            return False
        if yields and (yields_to is None or part.category in yields_to):
            return False
        return previous is None or previous.kind != "modifier"

    def _subtype(self, category: WeaponCategory, hints: list[str | Part], system: Part | None) -> str | None:
        """The most specific subtype the hints agree on, among the category's own subtypes."""
        own = self.taxonomy.subtype_names.get(category, frozenset())
        names: list[str] = []
        for hint in hints:
            if isinstance(hint, Part):
                by_cat = hint.by_category or {}
                value = by_cat.get(category.value, hint.subtype)
            else:
                value = hint
            # a hint that belongs to another category only ("de combat" on a missile) is dropped
            if value and (value in own or value not in self._all_subtypes):
                names.append(value)
        found = set(names)
        for needed, combined in self.taxonomy.subtype_combinations:
            if needed <= found:
                return combined
        if names:
            return names[0]
        if system is not None and system.system is not None:
            return system.system.system.subtype
        return None

    def start(self, children: list[Any]) -> Draft | None:
        """The final value of a parse: the mention's draft, or ``None`` to reject it."""
        value = children[0]
        return value if isinstance(value, Draft) else None


def make_transformer(
    taxonomy: Taxonomy, callbacks: Mapping[str, Callable[..., Any]] | None = None
) -> WeaponTransformer:
    """A transformer for the weapons grammar, with plugin callbacks attached as methods.

    Args:
        taxonomy: the vocabulary the callbacks look words up in.
        callbacks: rule name → function of the rule's children (for ``%extend`` rules).

    Returns:
        A :class:`WeaponTransformer`, or a subclass of it with the callbacks.
    """
    if not callbacks:
        return WeaponTransformer(taxonomy)
    methods = {name: (lambda f: lambda self, children: f(children))(fn) for name, fn in callbacks.items()}
    cls = type("ExtendedWeaponTransformer", (WeaponTransformer,), methods)
    transformer: WeaponTransformer = cls(taxonomy)
    return transformer
