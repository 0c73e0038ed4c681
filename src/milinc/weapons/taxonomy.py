"""The weapon taxonomy, loaded from ``milinc/data/weapons.json``.

The JSON file is the single source of the weapon vocabulary: the categories of
the weapons policy with their subtypes, the French head nouns of each, the nouns
that carry a weapon only with a complement ("tirs", "système"), the modifiers,
the named systems with their spellings, and the phrases where a weapon word is
not a weapon. This module reads it into typed, frozen values and derives the
inflected forms the grammar's lexicons need (plurals, feminine agreement).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import evolve, field, frozen

from ..normalize import fold, phrase_key
from ..ontology import WeaponCategory
from ..shipped import shipped_object

__all__ = [
    "CategoryInfo",
    "Complement",
    "HeadNoun",
    "Modifier",
    "SubtypeInfo",
    "SystemAlias",
    "SystemInfo",
    "Taxonomy",
    "Transcription",
    "adjective_forms",
    "load_taxonomy",
    "noun_forms",
    "render_markdown",
    "taxonomy_from_data",
    "taxonomy_key",
    "taxonomy_to_data",
]

_PREPOSITIONS = frozenset({"de", "d'", "du", "des", "a", "au", "aux", "sans", "en", "par", "l'"})
_INVARIABLE_PARTS = frozenset({"sous", "anti", "contre", "lance", "porte", "mi", "semi"})


@frozen
class SubtypeInfo:
    """A finer type inside a category, with the words that mark it."""

    name: str
    """Identifier (``ballistic``, ``suicide``, ``ied``…)."""
    label: str
    """Human-readable description."""
    nouns: tuple[str, ...] = ()
    """Head nouns that name this subtype ("engin explosif improvisé")."""
    modifiers: tuple[str, ...] = ()
    """Adjectives and complements that mark it ("balistique", "de croisière")."""


@frozen
class CategoryInfo:
    """One weapon category of the weapons policy."""

    category: WeaponCategory
    """The category."""
    label: str
    """Human-readable description."""
    nouns: tuple[str, ...]
    """Head nouns of the category (singular lemmas as written in the data)."""
    subtypes: tuple[SubtypeInfo, ...]
    """Its subtypes."""


@frozen
class HeadNoun:
    """A head noun (or fixed compound) that can start a weapon mention."""

    lemma: str
    """The phrase as written in the data."""
    category: WeaponCategory | None
    """Its category; ``None`` for a carrier that needs a complement ("tirs")."""
    subtype: str | None = None
    """Subtype the noun itself implies ("drone kamikaze" → ``suicide``)."""
    yields: bool = False
    """True when a complement, modifier or name may change the category ("obus de mortier")."""
    yields_to: frozenset[WeaponCategory] | None = None
    """The categories it yields to; ``None`` for any ("obus" yields to mortar, not to "obus de char")."""
    carrier: bool = False
    """True for nouns that are no weapon on their own ("tirs", "système", "véhicule")."""
    default: WeaponCategory | None = None
    """For carriers: the category when at least one modifier follows ("chasseurs furtifs")."""


@frozen
class Modifier:
    """An adjective or a complement noun inside a mention."""

    lemma: str
    """The phrase as written in the data."""
    subtype: str | None = None
    """Subtype it marks."""
    category: WeaponCategory | None = None
    """Category it gives to a carrier or a yielding noun ("tirs *indirects*")."""
    by_category: Mapping[str, str] = field(factory=dict)
    """Subtype it marks under a given category, when that differs ("de combat": aircraft → combat)."""

    def subtype_for(self, category: WeaponCategory | None) -> str | None:
        """The subtype this modifier marks on a mention of *category*."""
        if category is not None and category.value in self.by_category:
            return self.by_category[category.value]
        return self.subtype


Complement = Modifier
"""Complements ("de *croisière*", "à *courte portée*") carry the same information as modifiers."""


@frozen
class SystemInfo:
    """A named weapon system."""

    name: str
    """Canonical name (what ``Weapon.name`` reports)."""
    category: WeaponCategory
    """Its category."""
    subtype: str | None
    """Its subtype."""
    aliases: tuple[str, ...]
    """Spellings found in French reporting, canonical name included."""
    needs_head: bool = False
    """Names that are common words or person names: read as a weapon only after a weapon noun."""
    same_as: str | None = None
    """Canonical name of the same system under another designation ("SCALP" → "Storm Shadow")."""
    spelling_options: Mapping[str, Mapping[str, Any]] = field(factory=dict, repr=False)
    """Per-spelling settings given in the data (``{"spelling": "César", "needs_head": true}``):
    ``needs_head`` and ``reported`` override the system's and the derived ones."""


@frozen
class Transcription:
    """A designation prefix and the ways French reporting writes it ("Kh-" written "X-")."""

    designation: str
    """The prefix as the international designation writes it ("Kh-", "Su-", "Shahed")."""
    written: tuple[str, ...]
    """How French texts write it instead ("X-"; "Soukhoï-", "Sukhoi-"; "Chahed")."""


@frozen
class SystemAlias:
    """One spelling of a system, as the grammar's lexicon sees it."""

    alias: str
    """The spelling as written in the data."""
    system: SystemInfo
    """The system it names."""
    needs_head: bool
    """Whether a weapon noun must precede it (aliases with a digit never need one)."""
    reported: str
    """The name reported for it: the system's canonical name for a mere spelling ("Katioucha" →
    "Katyusha"), the designation itself when it is a variant or a family of the canonical one
    ("Iskander-M", "Shahed")."""
    capitalized: bool
    """Whether the text must write it with a capital letter (alias capitalized, without digit)."""


@frozen
class Taxonomy:
    """Everything ``weapons.json`` says, indexed by normalized form."""

    categories: tuple[CategoryInfo, ...]
    """Categories in the data's order."""
    systems: tuple[SystemInfo, ...]
    """Named systems."""
    nouns: Mapping[str, HeadNoun] = field(repr=False)
    """Normalized noun form → head noun."""
    modifiers: Mapping[str, Modifier] = field(repr=False)
    """Normalized adjective form → modifier."""
    complements: Mapping[str, Modifier] = field(repr=False)
    """Normalized complement noun → complement."""
    aliases: Mapping[str, SystemAlias] = field(repr=False)
    """Normalized alias → system alias."""
    false_friends: tuple[str, ...]
    """Phrases where the bracketed weapon word is not a weapon ("[mine] d'or")."""
    accented_false_friends: tuple[str, ...]
    """Accented words that fold onto a weapon noun ("armé" → "arme")."""
    subtype_combinations: tuple[tuple[frozenset[str], str], ...]
    """Sets of subtype hints that combine into one subtype (ballistic + short range)."""
    subtype_names: Mapping[WeaponCategory, frozenset[str]] = field(factory=dict, repr=False)
    """Category → its subtypes (the names in the data, systems' subtypes included)."""
    transcriptions: tuple[Transcription, ...] = ()
    """Designation prefixes and their French spellings, applied to every system's spellings."""
    ship_prefixes: tuple[str, ...] = ()
    """Prefixes of ships' own names ("USS", "HMS"): "USS Carney" is a warship, not a system."""

    def system(self, name: str) -> SystemInfo | None:
        """The system with this canonical name, if any."""
        return next((s for s in self.systems if s.name == name), None)


# --- inflection ---------------------------------------------------------------


def _plural_word(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith(("eau", "eu")):
        return word + "x"
    return word + "s"


def noun_forms(phrase: str) -> list[str]:
    """Singular and plural of a noun phrase: the words before the first preposition agree.

    Args:
        phrase: the singular phrase.

    Returns:
        The phrase, then its plural when that differs.

    >>> noun_forms("engin explosif improvisé")
    ['engin explosif improvisé', 'engins explosifs improvisés']
    >>> noun_forms("char d'assaut")
    ["char d'assaut", "chars d'assaut"]
    """
    out: list[str] = []
    agreeing = True
    for index, word in enumerate(phrase.split(" ")):
        low = fold(word)
        if low in _PREPOSITIONS or low.startswith(("d'", "l'")):
            agreeing = False
        if not agreeing or (index and word.isupper()):
            out.append(word)  # "drones FPV": an acronym after the head does not agree
        elif word.isupper() and len(word) > 1:
            out.append(word + "s")  # acronyms: "IEDs"
        else:
            out.append("-".join(part if fold(part) in _INVARIABLE_PARTS else _plural_word(part)
                                for part in word.split("-")))
    plural = " ".join(out)
    return [phrase] if plural == phrase else [phrase, plural]


def _feminine_word(word: str) -> str:
    for masc, fem in (("if", "ive"), ("eux", "euse"), ("ien", "ienne"), ("el", "elle"), ("er", "ere"),
                      ("on", "onne"), ("é", "ée"), ("e", "e")):
        if word.endswith(masc):
            return word[: len(word) - len(masc)] + fem
    return word + "e"


def adjective_forms(phrase: str, *, invariable: bool = False) -> list[str]:
    """The four agreement forms of an adjective (or participle phrase), masculine singular first.

    Args:
        phrase: the masculine singular.
        invariable: the adjective does not agree ("sol-air").

    Returns:
        The distinct forms.

    >>> adjective_forms("explosif")
    ['explosif', 'explosifs', 'explosive', 'explosives']
    """
    if invariable:
        return [phrase]
    first, sep, rest = phrase.partition(" ")
    if fold(first) in _PREPOSITIONS:
        return [phrase]
    head, hyphen, last = first.rpartition("-")
    stem = last
    masc_pl = _plural_word(stem)
    fem = _feminine_word(stem)
    forms = [stem, masc_pl, fem, _plural_word(fem)]
    prefix = head + hyphen
    return list(dict.fromkeys(prefix + f + sep + rest for f in forms))


# --- loading --------------------------------------------------------------------


def _category(value: Any) -> WeaponCategory | None:
    return WeaponCategory(value) if value else None


def _entries(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"phrase": i} if isinstance(i, str) else dict(i) for i in items]


def _has_digit(text: str) -> bool:
    return any(map(str.isdigit, text))


def _alias_variants(alias: str) -> list[str]:
    """The alias, the spaced spelling of "Shahed-136"-like designations, and "F-16s" plurals."""
    out = [alias]
    m = re.fullmatch(r"([A-Za-z]{2,}[a-z]*)-(\d+[A-Za-z0-9]*)", alias)
    if m:
        out.append(f"{m.group(1)} {m.group(2)}")
    if alias[-1:].isdigit():
        out += [variant + "s" for variant in list(out)]  # "des F-16s"
    return out


def _transcriber(transcriptions: Iterable[Transcription]) -> Callable[[str], list[str]]:
    """A function giving an alias and its French spellings: "Kh-22" → "X-22", "Su-34" → "Soukhoï-34".

    One regex finds the designation an alias starts with (most start with none), instead of
    every rule being tried on every alias.
    """
    by_designation: dict[str, list[str]] = {}
    for rule in transcriptions:
        by_designation.setdefault(rule.designation, []).extend(rule.written)
    if not by_designation:
        return lambda alias: [alias]
    # the designation must be a whole word of the alias: "Geran" in "Geran-2", not in "Gerane-2"
    starts = re.compile("|".join(
        re.escape(d) + (r"(?![^\W\d_])" if d[-1:].isalpha() else "")
        for d in sorted(by_designation, key=len, reverse=True)))

    def spellings(alias: str) -> list[str]:
        m = starts.match(alias)
        if m is None:
            return [alias]
        rest = alias[m.end():]
        return [alias, *(written + rest for written in by_designation[m.group()])]

    return spellings


def _reported_name(alias: str, canonical: str) -> str:
    """The name to report for *alias* (see :attr:`SystemAlias.reported`)."""
    a, c = fold(alias), fold(canonical)
    if a == c or a.rstrip("s") == c.rstrip("s"):
        return canonical
    maker = a[: -len(c)] if a.endswith(" " + c) else ""
    if maker and not _has_digit(maker):
        return canonical  # the maker's name before the designation: "Tupolev Tu-95", "Beriev A-50"
    if c in a or a in c:
        return alias  # a variant ("Iskander-M") or the family ("Shahed") of the canonical name
    digits_a, digits_c = re.findall(r"\d+", a), re.findall(r"\d+", c)
    if digits_a and digits_c and digits_a != digits_c:
        return alias  # another model number of the family ("Kh-31" filed under "Kh-59")
    return canonical


def build_taxonomy(data: Mapping[str, Any]) -> Taxonomy:
    """Build a :class:`Taxonomy` from the parsed JSON document.

    Args:
        data: a document shaped like ``milinc/data/weapons.json``.

    Returns:
        The taxonomy, with every inflected form of its nouns and modifiers indexed.

    Raises:
        ValueError: a category is not one of :class:`~milinc.ontology.WeaponCategory`.
    """
    nouns: dict[str, HeadNoun] = {}
    modifiers: dict[str, Modifier] = {}
    complements: dict[str, Modifier] = {}
    categories: list[CategoryInfo] = []

    def add_noun(entry: dict[str, Any], category: WeaponCategory | None, subtype: str | None) -> None:
        forms = entry.get("forms") or noun_forms(entry["phrase"])
        raw_yields = entry.get("yields", False)
        head = HeadNoun(
            lemma=entry["phrase"],
            category=category,
            subtype=entry.get("subtype", subtype),
            yields=bool(raw_yields),
            yields_to=frozenset(WeaponCategory(c) for c in raw_yields) if isinstance(raw_yields, list) else None,
            carrier=category is None,
            default=_category(entry.get("default")),
        )
        for form in forms:
            key = phrase_key(form)
            old = nouns.get(key)
            # a subtype-specific entry refines the plain category entry of the same form
            if old is None or (old.subtype is None and head.subtype is not None and old.category == head.category):
                nouns[key] = head

    def add_modifier(entry: dict[str, Any], subtype: str | None, table: dict[str, Modifier]) -> None:
        phrase = entry["phrase"]
        forms = entry.get("forms") or (
            adjective_forms(phrase, invariable=bool(entry.get("invariable"))) if table is modifiers else [phrase]
        )
        cat = _category(entry.get("category"))
        raw = entry.get("subtype", subtype)
        by_category = dict(raw) if isinstance(raw, Mapping) else {}
        mod = Modifier(lemma=phrase, subtype=None if by_category else raw, category=cat, by_category=by_category)
        for form in forms:
            table.setdefault(phrase_key(form), mod)

    for entry in _entries(data.get("modifiers", ())):
        add_modifier(entry, None, modifiers)
    for entry in _entries(data.get("complements", ())):
        add_modifier(entry, None, complements)

    for cat_name, cat_data in data["categories"].items():
        category = WeaponCategory(cat_name)
        subtypes: list[SubtypeInfo] = []
        for sub_name, sub in cat_data.get("subtypes", {}).items():
            sub_nouns = _entries(sub.get("nouns", ()))
            for entry in sub_nouns:
                add_noun(entry, category, sub_name)
            sub_mods = _entries(sub.get("modifiers", ()))
            for entry in sub_mods:
                add_modifier(entry, sub_name, modifiers)
            sub_comps = _entries(sub.get("complements", ()))
            for entry in sub_comps:
                add_modifier(entry, sub_name, complements)
            subtypes.append(
                SubtypeInfo(
                    name=sub_name,
                    label=sub.get("label", sub_name),
                    nouns=tuple(e["phrase"] for e in sub_nouns),
                    modifiers=tuple(e["phrase"] for e in [*sub_mods, *sub_comps]),
                )
            )
        cat_nouns = _entries(cat_data.get("nouns", ()))
        for entry in cat_nouns:
            add_noun(entry, category, None)
        categories.append(
            CategoryInfo(
                category=category,
                label=cat_data.get("label", cat_name),
                nouns=tuple(e["phrase"] for e in cat_nouns),
                subtypes=tuple(subtypes),
            )
        )
    for entry in _entries(data.get("carriers", ())):
        forms = entry.get("forms") or noun_forms(entry["phrase"])
        head = HeadNoun(lemma=entry["phrase"], category=None, carrier=True, yields=True,
                        default=_category(entry.get("default")))
        for form in forms:
            nouns.setdefault(phrase_key(form), head)

    transcriptions = tuple(
        Transcription(designation=t["designation"], written=tuple(t["written"])) for t in data.get("transcriptions", ())
    )
    transcribed = _transcriber(transcriptions)
    systems: list[SystemInfo] = []
    aliases: dict[str, SystemAlias] = {}
    for s in data.get("systems", ()):
        options: dict[str, Mapping[str, Any]] = {}
        spellings: list[str] = [s["name"]]
        for entry in s.get("aliases", ()):
            if isinstance(entry, Mapping):
                spellings.append(entry["spelling"])
                options[entry["spelling"]] = entry
            else:
                spellings.append(entry)
        info = SystemInfo(
            name=s["name"],
            category=WeaponCategory(s["category"]),
            subtype=s.get("subtype"),
            aliases=tuple(dict.fromkeys(spellings)),
            needs_head=bool(s.get("needs_head", False)),
            same_as=s.get("same_as"),
            spelling_options=options,
        )
        systems.append(info)
        for alias in info.aliases:
            option = options.get(alias, {})
            reported = str(option.get("reported") or _reported_name(alias, info.name))
            needs_head = bool(option.get("needs_head", info.needs_head))
            for variant in _alias_variants(alias):
                for written in transcribed(variant):
                    key = phrase_key(written)
                    if key in aliases:
                        # a lowercase spelling in the data ("kalachnikov") lifts the capital-letter rule
                        if aliases[key].system is info and not written[:1].isupper():
                            aliases[key] = evolve(aliases[key], capitalized=False)
                        continue
                    aliases[key] = SystemAlias(
                        alias=written,
                        system=info,
                        reported=reported,
                        needs_head=needs_head and not _has_digit(written),
                        capitalized=written[:1].isupper() and not _has_digit(written),
                    )

    subtype_names: dict[WeaponCategory, set[str]] = {c.category: {s.name for s in c.subtypes} for c in categories}
    for info in systems:
        if info.subtype:
            subtype_names.setdefault(info.category, set()).add(info.subtype)
    combos = tuple(
        (frozenset(c["all"]), str(c["subtype"])) for c in data.get("subtype_combinations", ())
    )
    return Taxonomy(
        categories=tuple(categories),
        systems=tuple(systems),
        nouns=nouns,
        modifiers=modifiers,
        complements=complements,
        aliases=aliases,
        false_friends=tuple(data.get("false_friends", ())),
        accented_false_friends=tuple(data.get("accented_false_friends", ())),
        subtype_combinations=combos,
        subtype_names={k: frozenset(v) for k, v in subtype_names.items()},
        transcriptions=transcriptions,
        ship_prefixes=tuple(data.get("ship_prefixes", ())),
    )


def load_taxonomy_data() -> dict[str, Any]:
    """The raw JSON document ``milinc/data/weapons.json``.

    Returns:
        A fresh copy each call, which callers may change (plugins add entries to it).
    """
    text = resources.files("milinc").joinpath("data").joinpath("weapons.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The built-in weapon taxonomy (read once per process).

    It is read from the derived form ``scripts/build_tables.py`` ships (``milinc/compiled/
    weapons-taxonomy.json``, plain JSON) when that was built from this very data file and code,
    else built from the data file (:func:`build_taxonomy`): the same taxonomy, without the
    inflecting and folding of every form at start-up.

    Returns:
        The :class:`Taxonomy` of ``milinc/data/weapons.json``; the docs render
        its ``categories`` and ``systems`` as tables.
    """
    raw = resources.files("milinc").joinpath("data").joinpath("weapons.json").read_bytes()
    shipped = _shipped_taxonomy()
    if shipped.get("key") == taxonomy_key(raw):
        try:
            return taxonomy_from_data(shipped["taxonomy"])
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            pass  # not the expected shape: built below
    data: dict[str, Any] = json.loads(raw.decode("utf-8"))
    return build_taxonomy(data)


# --- the derived form shipped with the package -------------------------------------------


def taxonomy_key(data: bytes) -> str:
    """The key of the taxonomy built from *data* (``weapons.json``'s bytes): a digest of the data
    and of the code that builds and reads it (this module, the normalizer)."""
    from .. import normalize

    digest = hashlib.sha256(b"milinc-taxonomy\0")
    for module_file in (__file__, normalize.__file__):
        try:
            digest.update(Path(module_file).read_bytes())
        except (OSError, TypeError):
            digest.update(repr(module_file).encode())
    digest.update(b"\0" + data)
    return digest.hexdigest()


def _shipped_taxonomy() -> dict[str, Any]:
    return shipped_object("weapons-taxonomy.json")


def _modifier_data(mod: Modifier) -> list[Any]:
    return [mod.lemma, mod.subtype, mod.category and mod.category.value, dict(mod.by_category)]


def taxonomy_to_data(tax: Taxonomy) -> dict[str, Any]:
    """The taxonomy as plain JSON data (:func:`taxonomy_from_data` reads it back): objects shared
    by several forms are written once and referred to by their index."""
    heads: dict[int, int] = {}
    head_list: list[list[Any]] = []
    for head in tax.nouns.values():
        if id(head) not in heads:
            heads[id(head)] = len(head_list)
            yields_to = None if head.yields_to is None else sorted(c.value for c in head.yields_to)
            head_list.append([head.lemma, head.category and head.category.value, head.subtype, head.yields,
                              yields_to, head.carrier, head.default and head.default.value])
    mods: dict[int, int] = {}
    mod_list: list[list[Any]] = []
    for mod in [*tax.modifiers.values(), *tax.complements.values()]:
        if id(mod) not in mods:
            mods[id(mod)] = len(mod_list)
            mod_list.append(_modifier_data(mod))
    systems = {id(s): i for i, s in enumerate(tax.systems)}
    return {
        "categories": [
            [c.category.value, c.label, list(c.nouns), [[t.name, t.label, list(t.nouns), list(t.modifiers)]
                                                        for t in c.subtypes]]
            for c in tax.categories
        ],
        "systems": [
            [s.name, s.category.value, s.subtype, list(s.aliases), s.needs_head, s.same_as,
             [[k, dict(v)] for k, v in s.spelling_options.items()]]
            for s in tax.systems
        ],
        "heads": head_list,
        # mappings as lists of pairs: their order is kept whatever writes the JSON
        "nouns": [[form, heads[id(head)]] for form, head in tax.nouns.items()],
        "modifier_entries": mod_list,
        "modifiers": [[form, mods[id(mod)]] for form, mod in tax.modifiers.items()],
        "complements": [[form, mods[id(mod)]] for form, mod in tax.complements.items()],
        "aliases": [[key, a.alias, systems[id(a.system)], a.needs_head, a.reported, a.capitalized]
                    for key, a in tax.aliases.items()],
        "false_friends": list(tax.false_friends),
        "accented_false_friends": list(tax.accented_false_friends),
        "subtype_combinations": [[sorted(hints), subtype] for hints, subtype in tax.subtype_combinations],
        "subtype_names": [[c.value, sorted(names)] for c, names in tax.subtype_names.items()],
        "transcriptions": [[t.designation, list(t.written)] for t in tax.transcriptions],
        "ship_prefixes": list(tax.ship_prefixes),
    }


def taxonomy_from_data(data: Mapping[str, Any]) -> Taxonomy:
    """The taxonomy :func:`taxonomy_to_data` wrote.

    Raises:
        KeyError, TypeError, ValueError, IndexError: data of another shape.
    """
    cat = WeaponCategory
    heads = [
        HeadNoun(lemma=lemma, category=category and cat(category), subtype=subtype, yields=yields,
                 yields_to=None if yields_to is None else frozenset(map(cat, yields_to)), carrier=carrier,
                 default=default and cat(default))
        for lemma, category, subtype, yields, yields_to, carrier, default in data["heads"]
    ]
    mods = [
        Modifier(lemma=lemma, subtype=subtype, category=category and cat(category), by_category=dict(by_category))
        for lemma, subtype, category, by_category in data["modifier_entries"]
    ]
    systems = [
        SystemInfo(name=name, category=cat(category), subtype=subtype, aliases=tuple(aliases),
                   needs_head=needs_head, same_as=same_as, spelling_options=dict(options))
        for name, category, subtype, aliases, needs_head, same_as, options in data["systems"]
    ]
    return Taxonomy(
        categories=tuple(
            CategoryInfo(category=cat(category), label=label, nouns=tuple(nouns),
                         subtypes=tuple(SubtypeInfo(name=n, label=lb, nouns=tuple(ns), modifiers=tuple(ms))
                                        for n, lb, ns, ms in subtypes))
            for category, label, nouns, subtypes in data["categories"]
        ),
        systems=tuple(systems),
        nouns={form: heads[i] for form, i in data["nouns"]},
        modifiers={form: mods[i] for form, i in data["modifiers"]},
        complements={form: mods[i] for form, i in data["complements"]},
        aliases={key: SystemAlias(alias=alias, system=systems[i], needs_head=needs_head, reported=reported,
                                  capitalized=capitalized)
                 for key, alias, i, needs_head, reported, capitalized in data["aliases"]},
        false_friends=tuple(data["false_friends"]),
        accented_false_friends=tuple(data["accented_false_friends"]),
        subtype_combinations=tuple((frozenset(hints), subtype) for hints, subtype in data["subtype_combinations"]),
        subtype_names={cat(c): frozenset(names) for c, names in data["subtype_names"]},
        transcriptions=tuple(Transcription(designation=d, written=tuple(w)) for d, w in data["transcriptions"]),
        ship_prefixes=tuple(data["ship_prefixes"]),
    )


def render_markdown(taxonomy: Taxonomy | None = None, *, level: int = 2) -> str:
    """The taxonomy as Markdown tables: categories with subtypes and nouns, then named systems.

    Args:
        taxonomy: the taxonomy to render; the built-in one by default.
        level: the Markdown heading level of the two sections.

    Returns:
        Markdown text for the documentation (one table per section).
    """
    tax = taxonomy or load_taxonomy()

    def cell(items: Iterable[str]) -> str:
        return ", ".join(items).replace("|", "\\|") or "-"

    hashes = "#" * level
    lines = [f"{hashes} Categories and subtypes", "", "| category | subtype | nouns | modifiers |", "|---|---|---|---|"]
    for cat in tax.categories:
        lines.append(f"| `{cat.category.value}` ({cat.label}) | | {cell(cat.nouns)} | |")
        for sub in cat.subtypes:
            lines.append(f"| | `{sub.name}` ({sub.label}) | {cell(sub.nouns)} | {cell(sub.modifiers)} |")
    lines += ["", f"{hashes} Named systems", "", "| name | category | subtype | spellings | needs a weapon noun |",
              "|---|---|---|---|---|"]
    for system in sorted(tax.systems, key=lambda s: (s.category.value, s.name.lower())):
        same = f" (= {system.same_as})" if system.same_as else ""
        lines.append(
            f"| {system.name}{same} | `{system.category.value}` | {system.subtype or '-'} | "
            f"{cell(a for a in system.aliases if a != system.name)} | {'yes' if system.needs_head else ''} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m milinc.weapons.taxonomy > tables.md
    print(render_markdown(), end="")
