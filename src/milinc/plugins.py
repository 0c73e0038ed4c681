"""Plugins: extend the grammars and the lexicons from another package.

A plugin is a :class:`Plugin` value. It can add

* lexicon entries (``weapon_systems``, ``places``, ``actors``, ``triggers``…),
* grammar fragments per dimension: ``%extend <extension point>: …`` lines in
  lark syntax, plus the new rules they use,
* transformer callbacks per dimension, which build values from those new rules,
* post-processors, functions ``Document -> Document`` run after extraction.

milinc finds plugins in two ways: installed packages that register a
:class:`Plugin` (or a function returning one) under the entry-point group
``milinc.plugins``, and plugins passed explicitly
(``milinc.parse(text, plugins=[...])``, ``milinc.Parser(plugins=[...])``).

Every plugin is checked against the built-in grammars before use (see
:func:`check_plugin`): fragments must compile, may only ``%extend`` the
extension points a grammar declares in its header, and may not clash with
another plugin. A plugin passed explicitly that fails a check raises
:class:`~milinc.errors.PluginError`; an installed one is skipped with a
:class:`PluginWarning`, so one broken package never breaks ``milinc.parse``.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
import os
import re
import sys
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from importlib import machinery
from typing import Any

from attrs import field, frozen
from lark import Lark
from lark.exceptions import LarkError
from lark.lexer import PatternStr

from . import grammar_tables
from .engine import grammar_source
from .errors import PluginError
from .extensions import (
    DIMENSIONS,
    NO_EXTENSIONS,
    Extensions,
    defined_symbols,
    extension_points,
    forget,
    lexicon_placeholders,
)
from .normalize import fold
from .ontology import Document

__all__ = [
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "LEXICONS",
    "LexiconSpec",
    "Plugin",
    "PluginWarning",
    "build_extensions",
    "check_plugin",
    "installed_plugins",
    "plugin_list",
    "skipped_plugins",
]

ENTRY_POINT_GROUP = "milinc.plugins"
"""The entry-point group installed plugins register under."""

DISABLE_AUTOLOAD_ENV = "MILINC_DISABLE_PLUGIN_AUTOLOAD"
"""Set this environment variable (to anything but ``""`` or ``0``) to ignore installed plugins."""

logger = logging.getLogger(__name__)

Callback = Callable[[list[Any]], Any]
"""A transformer callback: the list of a rule's children → the rule's value."""
PostProcessor = Callable[[Document], Document]
"""A document post-processor."""


class PluginWarning(UserWarning):
    """An installed plugin is broken and was skipped (or one of its functions failed and was ignored)."""


# --- lexicons a plugin may add to -------------------------------------------


@frozen
class LexiconSpec:
    """What the entries of one lexicon look like.

    An entry is a plain phrase (a string) when ``strings`` allows it, or a
    *record* (a mapping) with the keys below when ``records`` allows it.
    """

    dimension: str
    """The dimension whose extractor reads the lexicon."""
    description: str
    """What the lexicon lists, with an example entry (for error messages and the docs)."""
    phrase_keys: tuple[str, ...] = ("name", "aliases")
    """Record keys holding the phrases the entry is found by (a string or a list of strings)."""
    alias_keys: tuple[str, ...] = ("aliases",)
    """Phrase keys that only list spellings: they do not tell two entries apart."""
    required: tuple[str, ...] = ("name",)
    """Record keys every record must have."""
    choices: Mapping[str, frozenset[str]] = field(factory=dict)
    """Record keys whose value must be one of a fixed set (``category`` → the categories)."""
    patterns: Mapping[str, str] = field(factory=dict)
    """Record keys whose value must be a string matching a regular expression."""
    strings: bool = True
    """Whether a plain string (one phrase) is a valid entry."""
    records: bool = True
    """Whether a record (a mapping) is a valid entry."""


def _enum_values(enum_name: str) -> frozenset[str]:
    from . import ontology

    return frozenset(m.value for m in getattr(ontology, enum_name))


def _phrases_spec(dimension: str, description: str) -> LexiconSpec:
    return LexiconSpec(dimension, description, records=False)


LEXICONS: dict[str, LexiconSpec] = {
    # dates
    "date_anchors": _phrases_spec(
        "dates", "words where the dates grammar starts looking for a date (add the first word of a new date rule)"
    ),
    # quantities: the phrases of each qualifier and of the counts without figure
    "q_at_least": _phrases_spec("quantities", "phrases meaning 'at least' before a figure ('au bas mot')"),
    "q_more_than": _phrases_spec("quantities", "phrases meaning 'more than' before a figure"),
    "q_at_most": _phrases_spec("quantities", "phrases meaning 'at most' before a figure"),
    "q_less_than": _phrases_spec("quantities", "phrases meaning 'less than' before a figure"),
    "q_about": _phrases_spec("quantities", "phrases meaning 'about' before a figure"),
    "q_exact": _phrases_spec("quantities", "phrases meaning 'exactly' before a figure"),
    "vague_quantifiers": _phrases_spec("quantities", "counts without figure ('plusieurs', 'de nombreux')"),
    "unknown_quantifiers": _phrases_spec("quantities", "counts said to be unknown ('un nombre indéterminé de')"),
    "approximate_nouns": _phrases_spec("quantities", "approximate-number nouns ('une vingtaine', 'des dizaines')"),
    "prenominal_adjectives": _phrases_spec("quantities", "adjectives between figure and noun ('trois *jeunes* soldats')"),
    "injury_adverbs": _phrases_spec("quantities", "adverbs of 'blessés' ('grièvement', 'légèrement')"),
    "age_units": _phrases_spec("quantities", "units of an age in a list of ages ('ans', 'mois'): no count"),
    # weapons
    "weapon_nouns": LexiconSpec(
        "weapons",
        "weapon nouns: 'obusier', or {'phrase': 'obusier', 'category': 'artillery', 'subtype': ...}; "
        "without a category, a carrier noun that takes the category of what follows it ('engin')",
        phrase_keys=("phrase",),
        alias_keys=(),
        required=("phrase",),
        choices={"category": _enum_values("WeaponCategory")},
    ),
    "weapon_modifiers": LexiconSpec(
        "weapons",
        "adjectives after a weapon noun: 'artisanal', or {'phrase': 'artisanal', 'subtype': 'improvised', "
        "'category': ...} (a category makes a carrier noun a weapon: 'véhicule *piégé*')",
        phrase_keys=("phrase", "forms"),
        alias_keys=("forms",),
        required=("phrase",),
        choices={"category": _enum_values("WeaponCategory")},
    ),
    "weapon_complements": LexiconSpec(
        "weapons",
        "complements after a preposition: 'longue portée', or {'phrase': 'croisière', 'subtype': 'cruise', "
        "'category': ...}",
        phrase_keys=("phrase",),
        alias_keys=(),
        required=("phrase",),
        choices={"category": _enum_values("WeaponCategory")},
    ),
    "weapon_systems": LexiconSpec(
        "weapons",
        "named weapon systems: {'name': 'Katyusha', 'aliases': [...], 'category': 'rocket', 'subtype': ...}",
        required=("name", "category"),
        choices={"category": _enum_values("WeaponCategory")},
        strings=False,
    ),
    # events
    "places": LexiconSpec(
        "events",
        "named places: {'name': 'Ménaka', 'aliases': [...], 'kind': 'town', 'country': 'ML'}",
        choices={"kind": _enum_values("PlaceKind")},
        patterns={"country": r"[A-Z]{2}"},
        strings=False,
    ),
    # places (milinc.places): the words around a place name
    "place_cue_nouns": LexiconSpec(
        "events",
        "nouns before 'de X' that name a place's kind: 'douar', or {'name': 'douar', 'kind': 'town', 'strong': True} "
        "(strong: a capitalized name after it is a place even when no gazetteer has it)",
        phrase_keys=("name",),
        alias_keys=(),
        choices={"kind": _enum_values("PlaceKind")},
    ),
    "place_cue_modifiers": _phrases_spec("events", "adjectives between a place noun and 'de' ('la base *aérienne* de')"),
    "place_name_drops": _phrases_spec("events", "nouns a place's written name leaves out ('base' in 'la base d'al-Tanf')"),
    "place_proximity": _phrases_spec("events", "words before 'de X' putting the scene near X ('aux abords')"),
    "place_directions": _phrases_spec("events", "directions before 'de X' ('nord-est'): 'au nord de X', 'le nord du Mali'"),
    "place_locatives": _phrases_spec("events", "short words before a known place name that make it likelier ('à')"),
    "place_not_names": _phrases_spec("events", "capitalized words that are never a place after a cue ('Reuters')"),
    "place_not_before": _phrases_spec("events", "nouns after which a capitalized name is no place ('agence', 'navire')"),
    "place_stopwords": _phrases_spec("events", "words never read as a GeoNames place name ('Selon', 'Bilan')"),
    "place_speaker_nouns": _phrases_spec(
        "events", "nouns up to three words before 'à X' that make X where someone speaks ('sources à Niamey')"),
    "place_speaker_verbs": _phrases_spec(
        "events", "reporting participles just before 'à X' (a day between at most): X is where it was said ('déclaré')"),
    "place_actor_before_sur": _phrases_spec(
        "events", "beginnings of the word before 'sur' that make the country after it no place ('alignés sur l'Iran')"),
    "place_authority_nouns": _phrases_spec(
        "events", "nouns before 'à X' that make X where an authority speaks when a reporting verb follows ('ministère')"),
    "place_seats": _phrases_spec(
        "events", "capitals and seats of power that stand for their state when they act ('Moscou a lancé')"),
    "place_acting_nouns": _phrases_spec(
        "events", "nouns of an attack or a force before a nationality ('une frappe israélienne'): a name no gazetteer "
        "has after them is placed in the other country the document names"),
    # scene (milinc.events.scene): which place is an incident's scene
    "scene_anaphors": LexiconSpec(
        "events",
        "nouns that refer back to a place named before: 'bourgade', or {'name': 'bourgade', 'kinds': ['town']} "
        "('la ville', 'à proximité de la base')",
        phrase_keys=("name",),
        alias_keys=(),
    ),
    "scene_facility_nouns": LexiconSpec(
        "events",
        "facility nouns an incident may use without the facility's name: {'name': 'base navale', 'kinds': ['base']} "
        "('une base de l'ouest de l'Irak' → the base the text names)",
        phrase_keys=("name",),
        alias_keys=(),
        strings=False,
    ),
    "scene_anaphor_determiners": _phrases_spec("events", "words that make an anaphor noun definite ('cette')"),
    "scene_new_scene_cues": _phrases_spec(
        "events", "words that announce an incident elsewhere: no place is carried into it ('par ailleurs')"),
    "scene_reference_before": _phrases_spec(
        "events", "distance units that make the place after them a reference point ('km' in 'à 80 km au nord de')"),
    "scene_aimed_before": _phrases_spec(
        "events", "words that aim an attack at the country after them, the country's location ('vers', 'contre')"),
    "scene_aimed_directly": _phrases_spec(
        "events", "words that aim an attack at a country named right after them ('sur' in 'sur Israël')"),
    "scene_holding_prepositions": _phrases_spec(
        "events", "prepositions that put an incident inside the place after them ('dans')"),
    "actors": LexiconSpec(
        "events",
        "actor names: {'name': 'JNIM', 'aliases': [...], 'type': 'non_state_armed_group', 'side': 'jihadists'}",
        required=("name", "type"),
        choices={"type": _enum_values("ActorType")},
        patterns={"side": r"\w+"},
        strings=False,
    ),
    "triggers": LexiconSpec(
        "events",
        "incident trigger nouns, every form listed: {'name': 'incursion', 'aliases': ['incursions'], "
        "'action': 'attack', 'role': 'event'}",
        choices={
            "action": _enum_values("Action"),
            "role": frozenset({"event", "impact", "casualty", "anaphor", "weak"}),
        },
        strings=False,
    ),
    "trigger_forms": _phrases_spec("events", "attack nouns, as plain phrases (read as action 'attack')"),
    "trigger_modifiers": _phrases_spec(
        "events", "neutral modifiers after a trigger noun, kept in its span ('complexe' in 'attaque complexe')"
    ),
}
"""The lexicons plugins may add to, by name, with the shape of their entries.

Each is read by one dimension's extractor through
:meth:`milinc.extensions.Extensions.lexicon`; a plugin adding to any other
name gets an error (a typo would otherwise be silently ignored)."""


def _cue_lists() -> dict[str, str]:
    """The cue word lists of the events stage (``data/cues.json``), by name, with what each lists."""
    from importlib import resources

    raw = resources.files("milinc").joinpath("data").joinpath("cues.json").read_text(encoding="utf-8")
    return {name: entry["description"] for name, entry in json.loads(raw)["lists"].items()}


# events: each list of French cue words (reporting verbs, casualty verbs, sequence cues…) is a lexicon of phrases
LEXICONS.update({name: _phrases_spec("events", description) for name, description in _cue_lists().items()})


# --- the plugin value -------------------------------------------------------

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def _as_tuple(value: Any) -> Any:
    # lenient: a wrong shape is kept as is, and reported (with the plugin's name) by the checks
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return tuple(value)
    return value


def _map_of_tuples(value: Any) -> Any:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {k: _as_tuple(v) for k, v in value.items()}
    return value


def _map_of_maps(value: Any) -> Any:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {k: dict(v) if isinstance(v, Mapping) else v for k, v in value.items()}
    return value


def _plain_tuple(value: Any) -> Any:
    if value is None:
        return ()
    return _as_tuple(value) if not callable(value) else (value,)


@frozen(eq=False)
class Plugin:
    """A set of additions to milinc's grammars, lexicons and post-processing.

    Building one checks its shape (types, names): a malformed value raises
    :class:`~milinc.errors.PluginError` naming the plugin. What depends on the
    built-in grammars (does a fragment compile, does it extend a declared
    extension point) is checked when a parser is built (:func:`check_plugin`).

    Example (a part of the ``milinc-plugin-sahel`` example package)::

        Plugin(
            name="sahel",
            lexicons={"places": [{"name": "Inata", "kind": "town", "country": "BF"}]},
            grammar={"weapons": ['%extend tail: PREP SAHEL_CALIBRE -> sahel_calibre\\n'
                                 'SAHEL_CALIBRE.1: /(?:12[.,]7|14[.,]5)(?! ?mm)(?![\\d,.])/']},
            callbacks={"weapons": {"sahel_calibre": sahel_calibre}},  # children -> weapons Part
        )
    """

    name: str
    """The plugin's name, named in every error about it (letters, digits, ``_.-``)."""
    lexicons: Mapping[str, tuple[Any, ...]] = field(factory=dict, converter=_map_of_tuples)
    """Lexicon name → entries to add (see :data:`LEXICONS` for their shape)."""
    grammar: Mapping[str, tuple[str, ...]] = field(factory=dict, converter=_map_of_tuples)
    """Dimension (``dates``, ``quantities``, ``weapons``, ``events``) → lark fragments."""
    callbacks: Mapping[str, Mapping[str, Callback]] = field(factory=dict, converter=_map_of_maps)
    """Dimension → rule (or alias) name → callback building the rule's value from its children."""
    postprocessors: tuple[PostProcessor, ...] = field(default=(), converter=_plain_tuple)
    """Functions ``Document -> Document`` run after extraction, in order."""
    version: str = "0"
    """The plugin's version (part of the cache key of compiled grammars)."""
    description: str = ""
    """One line saying what the plugin adds."""

    def __attrs_post_init__(self) -> None:
        problem = _shape_problem(self)
        if problem:
            raise PluginError(self.name if isinstance(self.name, str) else repr(self.name), problem)


def _shape_problem(plugin: Plugin) -> str | None:
    """The first structural problem of *plugin*, or ``None``."""
    if not isinstance(plugin.name, str) or not _NAME.match(plugin.name):
        return "name must be a non-empty string of letters, digits, '_', '.' or '-'"
    for attr in ("version", "description"):
        if not isinstance(getattr(plugin, attr), str):
            return f"{attr} must be a string, got {type(getattr(plugin, attr)).__name__}"
    for attr in ("lexicons", "grammar", "callbacks"):
        value = getattr(plugin, attr)
        if not isinstance(value, Mapping):
            return f"{attr} must be a mapping, got {type(value).__name__}"
        for key in value:
            if not isinstance(key, str):
                return f"{attr} keys must be strings, got {key!r}"
    for lexicon, entries in plugin.lexicons.items():
        if not isinstance(entries, tuple):
            return f"lexicons[{lexicon!r}] must be a list of entries, got {type(entries).__name__}"
    for dim, fragments in plugin.grammar.items():
        if not isinstance(fragments, tuple) or not all(isinstance(f, str) for f in fragments):
            return f"grammar[{dim!r}] must be a string or a list of strings (lark fragments)"
    for dim, callbacks in plugin.callbacks.items():
        if not isinstance(callbacks, Mapping):
            return f"callbacks[{dim!r}] must be a mapping of rule name → function"
        for rule, fn in callbacks.items():
            if not isinstance(rule, str) or not callable(fn):
                return f"callbacks[{dim!r}][{rule!r}] must be a function (rule name → callable)"
    if not isinstance(plugin.postprocessors, tuple) or not all(callable(p) for p in plugin.postprocessors):
        return "postprocessors must be a list of functions Document -> Document"
    return None


# --- checks against the built-in grammars -----------------------------------

_STATEMENT_HEAD = re.compile(r"^(%[a-z]+)?[ \t]*([?!]?)([_A-Za-z][_A-Za-z0-9]*)?")


def _strip_comments(fragment: str) -> str:
    """*fragment* without ``//`` comments (strings and /regexps/ kept whole)."""
    out: list[str] = []
    i, n = 0, len(fragment)
    while i < n:
        ch = fragment[i]
        if ch == "/" and fragment.startswith("//", i):
            while i < n and fragment[i] != "\n":
                i += 1
            continue
        if ch in "\"/":
            j = i + 1
            while j < n and fragment[j] != ch and fragment[j] != "\n":
                j += 2 if fragment[j] == "\\" else 1
            out.append(fragment[i : j + 1])
            i = j + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _statements(fragment: str) -> list[str]:
    """The top-level statements of a lark fragment.

    As in lark, a line that starts with ``|`` (after any indentation) continues
    the statement above; any other non-empty line starts a new one.
    """
    statements: list[str] = []
    for line in _strip_comments(fragment).splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("|") and statements:
            statements[-1] += "\n" + stripped
        else:
            statements.append(stripped)
    return statements


@functools.lru_cache(maxsize=16)  # bounded: each compiled grammar is big
def _compile(text: str, start: str) -> Lark | str:
    """*text* compiled as an LALR grammar, or why it does not compile.

    Through :mod:`milinc.grammar_tables` (the user's private cache, as plain data), never lark's
    own ``cache=True``, which unpickles a file of the shared temporary directory.
    """
    try:
        return grammar_tables.load(text, start, None)
    except Exception as exc:  # lark reports bad grammars with several exception types
        lines = [ln for ln in str(exc).strip().splitlines() if ln.strip()]
        return " ".join(ln.strip() for ln in lines[:4]) or type(exc).__name__


def _compile_problem(text: str, start: str) -> str | None:
    """Why *text* does not compile as an LALR grammar, or ``None`` when it does."""
    compiled = _compile(text, start)
    return compiled if isinstance(compiled, str) else None


# Ordinary tokens the built-in rules read with their own terminals (besides their keywords):
# a plugin terminal that matches one would take it from them.
_PROBE_WORDS = (
    "de", "du", "des", "d'", "la", "le", "les", "l'", "a", "au", "aux", "et", "ou", "en", "un", "une",
    "par", "sur", "dans", "pour", "avec", "contre", "ont", "est", "sont", "ete", "qui", "que", "ne",
    "pas", "se", "il", "ils", "soldats", "civils", "3", "12", "2024", ",", ".", "-", "'", '"',
)  # fmt: skip


def _terminal_problem(compiled: Lark, own: frozenset[str], dim: str) -> str | None:
    """Whether a terminal the plugin defines would take words the built-in rules read."""
    terminals = list(compiled.terminals)
    keywords = [t for t in terminals if isinstance(t.pattern, PatternStr) and t.name not in own]
    for term in terminals:
        if term.name not in own:
            continue
        slow = _backtracking_problem(term.pattern.to_regexp())
        if slow:
            return f"its terminal {term.name} {slow}: such a pattern can take exponential time on a short text"
        regex = re.compile(term.pattern.to_regexp())
        for keyword in keywords:
            # lark gives a keyword back its own type only when both have the same priority
            if regex.fullmatch(keyword.pattern.value) and keyword.priority != term.priority:
                return _stealing(term.name, keyword.pattern.value, dim)
        for word in _PROBE_WORDS:
            if regex.fullmatch(word) and not any(k.pattern.value == word for k in keywords):
                return _stealing(term.name, word, dim)
    return None


_REPEATS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\(\?(?:P<\w+>|P=\w+\)|<[=!]|[:=!#])|[*+?]|\{\d*(?:,\d*)?\}")
_PROBE_CHARS = "abcdefghijklmnopqrstuvwxyzéè0123456789 -'.,_"


def _backtracking_problem(pattern: str) -> str | None:
    """Why *pattern* may backtrack exponentially (a ReDoS), or ``None``.

    Refused: a group repeated without bound (``*``, ``+``, ``{n,}``) that holds
    an unbounded repetition itself (``(a+)+``, ``(\\w*\\s?)*``), or alternatives
    that may begin with the same character (``(a|ab)*``). A plugin's terminals
    run on every document, so a pattern that can take seconds on thirty
    characters is refused when the plugin is checked, not met at parse time.
    Conservative: some harmless patterns are refused too (write them without
    nested repetition).
    """
    from .regex_prefix import _Structure, _Unknown, analyse

    try:
        structure = _Structure(pattern)
    except _Unknown:
        return "has unbalanced parentheses"
    for open_, close in structure.close.items():
        after = pattern[close + 1 : close + 8]
        if not (after[:1] in ("*", "+") or re.match(r"\{\d*,\}", after)):
            continue
        body = pattern[open_:close]  # with its opening, which the scan skips as a whole
        inner = [m.group() for m in _REPEATS.finditer(body)]
        if any(token in ("*", "+", "?") or _variable_count(token) for token in inner):
            return f"repeats a group that holds a repetition ({pattern[open_ : close + 2]})"
        cuts = [open_ + 1, *(b + 1 for b in structure.bars[open_]), close + 1]
        if len(cuts) > 2:
            firsts = [analyse(pattern[a : b - 1].removeprefix("?:")) for a, b in itertools.pairwise(cuts)]
            for ch in _PROBE_CHARS:
                if sum(1 for f in firsts if f.may_start(ch)) > 1:
                    return f"repeats alternatives that may begin alike ({pattern[open_ : close + 2]})"
    return None


def _variable_count(token: str) -> bool:
    """Whether *token* is a ``{m,n}`` repetition whose count may vary."""
    if not (token.startswith("{") and token.endswith("}")):
        return False
    low, comma, high = token[1:-1].partition(",")
    return bool(comma) and low != high


def _stealing(terminal: str, word: str, dim: str) -> str:
    return (
        f"its terminal {terminal} matches {word!r}, which the built-in {dim} rules read with their own "
        "terminals; write such words as string literals in your rules, and give your terminals "
        "patterns that ordinary words do not match"
    )


def _start_symbol(source: str) -> str:
    names = re.findall(r"^[?!]?([a-z_][a-z0-9_]*)(?:\.-?\d+)?[ \t]*:", source, re.MULTILINE)
    return "start" if "start" in names or not names else names[0]


@functools.lru_cache(maxsize=32)
def _builtin_grammar(dimension: str) -> str | None:
    try:
        return grammar_source(dimension)
    except (FileNotFoundError, OSError):
        return None


class _Grammars:
    """The base grammars plugins are checked against (the installed ones, or given ones in tests)."""

    def __init__(self, sources: Mapping[str, str] | None = None) -> None:
        self._sources = sources

    def source(self, dimension: str) -> str | None:
        if self._sources is not None:
            return self._sources.get(dimension)
        return _builtin_grammar(dimension) if dimension in DIMENSIONS else None

    def dimensions(self) -> list[str]:
        if self._sources is not None:
            return sorted(self._sources)
        return [d for d in DIMENSIONS if _builtin_grammar(d) is not None]

    def lexicon_names(self) -> set[str]:
        if self._sources is None:
            return set(LEXICONS)
        # a toy grammar set: the registered lexicons of its dimensions and the ones it fills
        names = {name for name, spec in LEXICONS.items() if spec.dimension in self._sources}
        for source in self._sources.values():
            names |= lexicon_placeholders(source)
        return names


def _phrases(entry: Any, spec: LexiconSpec) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    found: list[str] = []
    for key in spec.phrase_keys:
        value = entry.get(key)
        found.extend([value] if isinstance(value, str) else list(value or ()))
    return found


def _identity(entry: Any, spec: LexiconSpec) -> str | None:
    """What an entry says about its phrases (``None`` for a plain phrase, which says nothing)."""
    if isinstance(entry, str):
        return None
    return repr(sorted((k, repr(v)) for k, v in entry.items() if k not in spec.alias_keys))


def _entry_problem(lexicon: str, entry: Any, spec: LexiconSpec) -> str | None:
    if isinstance(entry, str):
        if not spec.strings:
            return f"lexicon {lexicon!r} takes records, not plain strings like {entry!r} ({spec.description})"
        return None if entry.strip() else f"lexicon {lexicon!r} has an empty phrase"
    if not isinstance(entry, Mapping) or not spec.records:
        return f"malformed entry {entry!r} in lexicon {lexicon!r} ({spec.description})"
    missing = [k for k in spec.required if k not in entry]
    if missing:
        return f"entry {dict(entry)!r} of lexicon {lexicon!r} lacks {', '.join(missing)} ({spec.description})"
    for key in spec.phrase_keys:
        value = entry.get(key)
        if value is None:
            continue
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in values):
            return f"entry {entry.get('name')!r} of lexicon {lexicon!r}: {key} must be a phrase or a list of phrases"
    for key, pattern in spec.patterns.items():
        value = entry.get(key)
        if value is not None and not (isinstance(value, str) and re.fullmatch(pattern, value)):
            return f"entry {entry.get('name')!r} of lexicon {lexicon!r}: {key} {value!r} must match {pattern}"
    for key, allowed in spec.choices.items():
        if key in entry and entry[key] not in allowed:
            return (
                f"entry {entry.get('name')!r} of lexicon {lexicon!r}: {key} {entry[key]!r} is not one of "
                f"{', '.join(sorted(allowed))}"
            )
    return None


@frozen
class _Checked:
    """What a valid plugin adds, as the combination step needs it."""

    plugin: Plugin
    own_symbols: Mapping[str, frozenset[str]]
    """Dimension → the new rules, terminals and aliases the plugin's fragments define."""
    phrases: Mapping[str, Mapping[str, tuple[str | None, str]]]
    """Lexicon → folded phrase → (identity, phrase as written)."""


def _check(plugin: Plugin, grammars: _Grammars) -> _Checked:
    """Check *plugin* alone against the base grammars; raise :class:`PluginError` on the first problem."""
    name = plugin.name

    def fail(problem: str) -> PluginError:
        return PluginError(name, problem)

    known_lexicons = grammars.lexicon_names()
    phrases: dict[str, dict[str, tuple[str | None, str]]] = {}
    for lexicon, entries in plugin.lexicons.items():
        if lexicon not in known_lexicons:
            raise fail(f"adds to unknown lexicon {lexicon!r} (known: {', '.join(sorted(known_lexicons))})")
        spec = LEXICONS.get(lexicon) or _phrases_spec("", "phrases")
        seen = phrases.setdefault(lexicon, {})
        for entry in entries:
            problem = _entry_problem(lexicon, entry, spec)
            if problem:
                raise fail(problem)
            identity = _identity(entry, spec)
            for phrase in _phrases(entry, spec):
                key = " ".join(fold(phrase).split())
                if key in seen and seen[key][0] != identity:
                    raise fail(f"gives {phrase!r} two different entries in lexicon {lexicon!r}")
                seen[key] = (identity, phrase)

    own: dict[str, frozenset[str]] = {}
    for dim, fragments in plugin.grammar.items():
        base = grammars.source(dim)
        if base is None:
            raise fail(f"extends dimension {dim!r}, which has no grammar (have: {', '.join(grammars.dimensions())})")
        points = extension_points(base)
        base_symbols = defined_symbols(base)
        provided = lexicon_placeholders(base)
        new: set[str] = set()
        for fragment in fragments:
            for statement in _statements(fragment):
                new |= _statement_symbols(statement, dim, points, base_symbols, fail)
            for lexicon in lexicon_placeholders(fragment) - provided:
                raise fail(
                    f"uses lexicon {lexicon!r} in its {dim} grammar, which the {dim} grammar does not fill "
                    f"(it fills: {', '.join(sorted(provided)) or 'none'})"
                )
        text = base + "\n\n" + "\n\n".join(fragments) + "\n"
        compiled = _compile(text, _start_symbol(base))
        if isinstance(compiled, str):
            raise fail(f"its {dim} grammar fragment does not compile: {compiled}")
        own[dim] = frozenset(new | (defined_symbols("\n".join(fragments)) - base_symbols))
        stealing = _terminal_problem(compiled, own[dim], dim)
        if stealing:
            raise fail(stealing)

    for dim, callbacks in plugin.callbacks.items():
        allowed = own.get(dim, frozenset())
        for rule in callbacks:
            if rule not in allowed:
                raise fail(
                    f"has a callback for {rule!r} in {dim}, a rule its own {dim} fragments do not define "
                    "(plugins may not replace built-in callbacks)"
                )
    return _Checked(plugin, own, phrases)


def _statement_symbols(
    statement: str,
    dim: str,
    points: frozenset[str],
    base_symbols: frozenset[str],
    fail: Callable[[str], PluginError],
) -> set[str]:
    """Check one statement of a fragment; return the new symbol it defines, if any."""
    m = _STATEMENT_HEAD.match(statement)
    directive, symbol = (m.group(1), m.group(3)) if m else (None, None)
    listed = ", ".join(sorted(points)) or "none declared"
    if directive == "%extend":
        if symbol not in points:
            raise fail(
                f"extends {symbol!r}, which is not a declared extension point of the {dim} grammar "
                f"(extension points: {listed})"
            )
        return set()
    if directive == "%override":
        raise fail(f"overrides {symbol!r} with %override; plugins may only %extend extension points ({listed})")
    if directive is not None:
        raise fail(f"uses {directive}; a fragment may only %extend extension points and define new rules")
    if symbol and symbol in base_symbols:
        raise fail(
            f"redefines {symbol!r} of the built-in {dim} grammar; add alternatives with %extend at an "
            f"extension point instead ({listed})"
        )
    return {symbol} if symbol else set()


def check_plugin(plugin: Plugin, *, grammars: Mapping[str, str] | None = None) -> None:
    """Check a plugin against the built-in grammars (or *grammars*, dimension → lark text).

    Raises:
        PluginError: the plugin adds to an unknown lexicon or a malformed entry,
            its fragments do not compile, use ``%override``/``%import``/
            ``%ignore``, extend a rule that is not a declared extension point,
            redefine a built-in rule, define a terminal that would take words
            from the built-in rules, or it has a callback for a rule it does
            not define.
    """
    _check(plugin, _Grammars(grammars))


def _clash(new: _Checked, accepted: list[_Checked], grammars: _Grammars) -> PluginError | None:
    """Why *new* cannot join the *accepted* plugins, or ``None``."""
    name = new.plugin.name
    for old in accepted:
        for dim, symbols in new.own_symbols.items():
            common = symbols & old.own_symbols.get(dim, frozenset())
            if common:
                return PluginError(
                    name,
                    f"defines {', '.join(sorted(common))} in the {dim} grammar, as plugin {old.plugin.name!r} "
                    "does (prefix your rule names with your plugin's name)",
                )
        for lexicon, phrases in new.phrases.items():
            theirs = old.phrases.get(lexicon, {})
            for key, (identity, phrase) in phrases.items():
                if key in theirs and identity is not None and theirs[key][0] is not None and theirs[key][0] != identity:
                    return PluginError(
                        name,
                        f"adds {phrase!r} to lexicon {lexicon!r} with another meaning than plugin "
                        f"{old.plugin.name!r} does",
                    )
    for dim in new.plugin.grammar:
        fragments = [f for c in [*accepted, new] for f in c.plugin.grammar.get(dim, ())]
        if len(fragments) == len(new.plugin.grammar[dim]):
            continue  # alone in this dimension: already compiled by the single check
        base = grammars.source(dim) or ""
        problem = _compile_problem(base + "\n\n" + "\n\n".join(fragments) + "\n", _start_symbol(base))
        if problem:
            others = ", ".join(repr(c.plugin.name) for c in accepted if dim in c.plugin.grammar)
            return PluginError(name, f"its {dim} fragments do not compile together with plugin(s) {others}: {problem}")
    return None


# --- guarding what plugins run at parse time --------------------------------


class _PluginCallbackFailed(LarkError):
    """A lenient plugin callback failed: the engine drops the match (it catches ``LarkError``)."""


_skipped: dict[str, str] = {}


def skipped_plugins() -> dict[str, str]:
    """The installed plugins skipped in this process, by name, with the reason.

    A plugin is skipped when it cannot be loaded, is not a :class:`Plugin`, fails
    a check or clashes with another plugin; each also gave a :class:`PluginWarning`.
    """
    return dict(_skipped)


def _warn(plugin: str, problem: str) -> None:
    _skipped[plugin] = problem
    message = f"milinc: plugin {plugin!r} skipped: {problem}"
    logger.warning(message)
    warnings.warn(message, PluginWarning, stacklevel=3)


_OFFSET_PAIRS = (("start", "end"), ("name_start", "name_end"))


def _bounds(children: Any) -> tuple[int, int] | None:
    """The offsets a rule's children cover (tokens, and sub-rule values with offsets), if any."""
    lows: list[int] = []
    highs: list[int] = []
    for child in children if isinstance(children, list) else ():
        for lo_name, hi_name in (("start_pos", "end_pos"), ("start", "end")):
            lo, hi = getattr(child, lo_name, None), getattr(child, hi_name, None)
            if type(lo) is int and type(hi) is int:
                lows.append(lo)
                highs.append(hi)
                break
    return (min(lows), max(highs)) if lows else None


def _result_problem(dimension: str, result: Any, children: Any) -> str | None:
    """Why a plugin callback's value cannot be used, or ``None``.

    Any value with offsets (a weapons ``Part``, say) must keep them inside what
    the rule's children cover (a part out of the window broke every parse before
    this check). *dimension* names the grammar, for the message.
    """
    if result is None:
        return None
    bounds = _bounds(children)
    for lo_name, hi_name in _OFFSET_PAIRS:
        lo, hi = getattr(result, lo_name, None), getattr(result, hi_name, None)
        if lo is None and hi is None:
            continue
        if lo_name == "name_start" and lo == 0 and hi == 0:
            continue  # not a name part: no name offsets
        if type(lo) is not int or type(hi) is not int or not 0 <= lo <= hi:
            return f"returned offsets {lo_name}={lo!r}, {hi_name}={hi!r}: not 0 <= {lo_name} <= {hi_name}"
        if bounds is not None and not (bounds[0] <= lo and hi <= bounds[1]):
            return (
                f"returned offsets {lo}..{hi} outside its rule's text ({bounds[0]}..{bounds[1]}): "
                "offsets are relative to the match window, as the children tokens' are"
            )
    return None


def _guard_callback(plugin: str, rule: str, fn: Callback, *, strict: bool, dimension: str = "") -> Callback:
    def guarded(*args: Any) -> Any:
        # called as fn(children), or as a method (self, children) when an extractor puts it in a class
        children = args[-1]
        try:
            result = fn(children)
            wrong = _result_problem(dimension, result, children)
            if wrong is not None:
                raise ValueError(wrong)
            return result
        except LarkError:
            raise
        except Exception as exc:
            problem = f"callback {rule!r} failed: {exc!r}"
            if strict:
                raise PluginError(plugin, problem) from exc
            _warn_once(plugin, problem)
            raise _PluginCallbackFailed(problem) from exc

    guarded.__qualname__ = f"{plugin}:{rule}"
    return guarded


def _guard_postprocessor(plugin: str, fn: PostProcessor, *, strict: bool) -> PostProcessor:
    def guarded(doc: Document) -> Document:
        try:
            result = fn(doc)
            if not isinstance(result, Document):
                raise TypeError(f"returned {type(result).__name__}, not a Document")
        except Exception as exc:
            problem = f"post-processor {getattr(fn, '__name__', fn)!r} failed: {exc}"
            if strict:
                raise PluginError(plugin, problem) from exc
            _warn_once(plugin, problem)
            return doc
        return result

    guarded.__qualname__ = f"{plugin}:{getattr(fn, '__qualname__', 'postprocessor')}"
    return guarded


_warned: set[tuple[str, str]] = set()


def _warn_once(plugin: str, problem: str) -> None:
    if (plugin, problem) not in _warned:
        if len(_warned) >= 1000:  # bounded: a failing callback's message may hold the text, new each time
            _warned.clear()
        _warned.add((plugin, problem))
        message = f"milinc: plugin {plugin!r}: {problem} (ignored)"
        logger.warning(message)
        warnings.warn(message, PluginWarning, stacklevel=4)


# --- discovery --------------------------------------------------------------

_discovery_lock = threading.Lock()
_discovered: list[tuple[str, Plugin | None, str | None]] | None = None


def _from_object(obj: Any, where: str) -> Plugin:
    """A :class:`Plugin` from what an entry point (or a caller) gives: a plugin or a function returning one."""
    if isinstance(obj, Plugin):
        return obj
    if callable(obj):
        made = obj()
        if isinstance(made, Plugin):
            return made
        raise PluginError(where, f"its factory returned {type(made).__name__}, not a milinc.plugins.Plugin")
    raise PluginError(where, f"is a {type(obj).__name__}, not a milinc.plugins.Plugin or a function returning one")


def __getattr__(name: str) -> Any:
    if name == "metadata":  # importlib.metadata, imported on first use (it costs start-up time)
        from importlib import metadata

        return metadata
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _may_declare_plugins() -> bool:
    """False only when no distribution ``importlib.metadata`` would find declares a ``milinc.plugins`` entry point.

    A cheap look at the metadata directories on ``sys.path`` (``*.dist-info``,
    ``*.egg-info``), so that a process without plugins need not import
    ``importlib.metadata`` (tens of milliseconds of start-up). Anything it does
    not read as plain directories (a zip or egg on the path, another finder of
    distributions) answers True: ``importlib.metadata`` decides then.
    """
    for finder in sys.meta_path:
        if finder is not machinery.PathFinder and getattr(finder, "find_distributions", None) is not None:
            return True
    marker = ENTRY_POINT_GROUP.encode()
    for entry in sys.path:
        directory = entry or "."
        try:
            with os.scandir(directory) as found:
                names = [item.name for item in found]
        except NotADirectoryError:
            return True  # a zip file or an egg on the path
        except (OSError, TypeError, ValueError):
            continue  # a missing directory holds no distribution
        for name in names:
            lowered = name.lower()
            if lowered.endswith(".egg"):
                return True
            if not lowered.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(directory, name, "entry_points.txt"), "rb") as f:
                    declared = f.read()
            except OSError:
                continue  # no entry points (or an egg-info file)
            if marker in declared:
                return True
    return False


def _load_installed() -> list[tuple[str, Plugin | None, str | None]]:
    """Every ``milinc.plugins`` entry point: (entry-point name, plugin or None, problem or None)."""
    found: list[tuple[str, Plugin | None, str | None]] = []
    if "importlib.metadata" not in sys.modules and not _may_declare_plugins():
        return found
    from importlib import metadata

    try:
        entry_points = list(metadata.entry_points(group=ENTRY_POINT_GROUP))
    except Exception as exc:  # a broken distribution's metadata must not break parsing
        logger.warning("milinc: cannot list installed plugins: %r", exc)
        return found
    for ep in sorted(entry_points, key=lambda e: (e.name, e.value)):
        try:
            found.append((ep.name, _from_object(ep.load(), ep.name), None))
        except PluginError as exc:
            found.append((ep.name, None, exc.problem))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # any import-time error of a third-party package, SystemExit included
            found.append((ep.name, None, f"cannot be loaded from {ep.value!r}: {exc!r}"))
    return found


def installed_plugins(*, refresh: bool = False) -> list[Plugin]:
    """The plugins installed packages register under ``milinc.plugins`` that load.

    Entry points are read once per process (*refresh* reads them again). A
    plugin that cannot be loaded is left out with a :class:`PluginWarning`.
    None is returned when the environment variable
    ``MILINC_DISABLE_PLUGIN_AUTOLOAD`` is set (to anything but ``0``); plugins
    can still be asked for by name then.
    """
    if os.environ.get(DISABLE_AUTOLOAD_ENV, "") not in ("", "0"):
        return []
    return [p for _n, p, _problem in _entry_points(refresh=refresh) if p is not None]


def _entry_points(*, refresh: bool = False) -> list[tuple[str, Plugin | None, str | None]]:
    """Every ``milinc.plugins`` entry point, loaded once per process (warning about broken ones)."""
    global _discovered
    with _discovery_lock:
        if _discovered is None or refresh:
            _discovered = _load_installed()
            for ep_name, _plugin, problem in _discovered:
                if problem:
                    _warn(ep_name, problem)
        return list(_discovered)


def _resolve_explicit(item: Any) -> Plugin:
    if isinstance(item, str):
        found = _entry_points()
        for _ep_name, plugin, _problem in found:
            if plugin is not None and plugin.name == item:
                return plugin
        for ep_name, plugin, problem in found:
            if ep_name == item:
                if plugin is not None:
                    return plugin
                raise PluginError(item, problem or "cannot be loaded")
        raise PluginError(item, f"no installed plugin has this name (entry-point group {ENTRY_POINT_GROUP!r})")
    return _from_object(item, repr(item))


# --- building the extensions of a plugin set --------------------------------

_extensions_lock = threading.Lock()
# the plugins stay referenced, so the function ids in a key are never reused by other objects
_extensions_cache: OrderedDict[str, tuple[tuple[Plugin, ...], Extensions]] = OrderedDict()
MAX_PLUGIN_SETS = 16
"""How many plugin sets keep their built extensions (and compiled grammars) in a process: a program
that builds a new plugin object for every call must not grow without bound (least recently used
sets are dropped first, and rebuilt, from the private cache, when they come back)."""


def _set_key(plugins: list[tuple[Plugin, bool]]) -> str:
    """A key of the plugin set from the plugins' content, so that equal plugins built anew share it.

    Functions count by identity; the cache keeps them referenced, so an id is never reused.
    """
    h = hashlib.sha256()
    for plugin, strict in plugins:
        functions = [
            f"{dim}.{rule}={id(fn):x}" for dim, rules in sorted(plugin.callbacks.items()) for rule, fn in rules.items()
        ]
        functions += [f"post={id(fn):x}" for fn in plugin.postprocessors]
        h.update(
            f"{plugin.name}\0{plugin.version}\0{strict}\0{sorted(plugin.grammar.items())!r}\0"
            f"{sorted(plugin.lexicons.items())!r}\0{functions}\n".encode()
        )
    return h.hexdigest()[:24]


def plugin_list(plugins: Any) -> tuple[Any, ...]:
    """*plugins* as a tuple; a string (one plugin's name) is refused, never split into characters.

    Raises:
        TypeError: *plugins* is a string, bytes or not iterable.
    """
    if plugins is None:
        return ()
    if isinstance(plugins, (str, bytes, bytearray)):
        raise TypeError(f"plugins must be a list of plugins or plugin names, not a string: use plugins=[{plugins!r}]")
    if isinstance(plugins, (Plugin, Mapping)) or not isinstance(plugins, Iterable):
        raise TypeError(f"plugins must be a list of plugins or plugin names, got {type(plugins).__name__}")
    return tuple(plugins)


def build_extensions(
    plugins: Iterable[Any] | None,
    *,
    discover: bool = True,
    grammars: Mapping[str, str] | None = None,
) -> Extensions:
    """Gather what *plugins* (and, with *discover*, installed plugins) add.

    Args:
        plugins: plugins passed explicitly: :class:`Plugin` values, functions
            returning one, or names of installed plugins. They come first, in
            the order given.
        discover: also use every plugin installed under ``milinc.plugins``
            (sorted by name; one with the name of an explicit plugin is left out).
        grammars: dimension → lark text to check against, instead of the
            built-in grammars (for testing a plugin mechanism on a toy grammar).

    Returns:
        The combined additions. The same plugin set gives the same
        :class:`~milinc.extensions.Extensions` object, so parsers built for it
        share their compiled grammars.

    Raises:
        PluginError: an explicit plugin is malformed, fails a check or clashes
            with an earlier plugin. Installed plugins with such problems are
            skipped with a :class:`PluginWarning` instead.
    """
    chosen: list[tuple[Plugin, bool]] = []
    names: set[str] = set()
    for item in plugin_list(plugins):
        plugin = _resolve_explicit(item)
        if plugin.name in names:
            if any(p is plugin for p, _ in chosen):
                continue
            raise PluginError(plugin.name, "two different plugins with this name were given")
        names.add(plugin.name)
        chosen.append((plugin, True))
    if discover:
        for plugin in installed_plugins():
            if plugin.name not in names:
                names.add(plugin.name)
                chosen.append((plugin, False))
    if not chosen:
        return NO_EXTENSIONS

    key = _set_key(chosen)
    if grammars is not None:
        key += hashlib.sha256(repr(sorted(grammars.items())).encode()).hexdigest()[:8]
    with _extensions_lock:
        cached = _extensions_cache.get(key)
        if cached is not None:
            _extensions_cache.move_to_end(key)
    if cached is not None:
        return cached[1]

    base = _Grammars(grammars)
    accepted: list[_Checked] = []
    strictness: dict[str, bool] = {}
    for plugin, strict in chosen:
        try:
            checked = _check(plugin, base)
            clash = _clash(checked, accepted, base)
            if clash is not None:
                raise clash
        except PluginError as exc:
            if strict:
                raise
            _warn(plugin.name, exc.problem)
            continue
        accepted.append(checked)
        strictness[plugin.name] = strict

    extensions = _combine([c.plugin for c in accepted], strictness, key) if accepted else NO_EXTENSIONS
    with _extensions_lock:
        kept = _extensions_cache.setdefault(key, (tuple(p for p, _ in chosen), extensions))[1]
        _extensions_cache.move_to_end(key)
        while len(_extensions_cache) > MAX_PLUGIN_SETS:
            _old_key, (_plugins, old) = _extensions_cache.popitem(last=False)
            forget(old)
    return kept


def _normalized_entry(entry: Any, spec: LexiconSpec | None) -> Any:
    """*entry* as the extractors read it: a plain dict, with every alias list a list."""
    if isinstance(entry, str) or spec is None:
        return entry
    record = dict(entry)
    for key in spec.alias_keys:
        if isinstance(record.get(key), str):
            record[key] = [record[key]]  # one alias given as a string, not a list of characters
    return record


def _combine(plugins: list[Plugin], strictness: Mapping[str, bool], key: str) -> Extensions:
    grammar: dict[str, list[str]] = {}
    lexicons: dict[str, list[Any]] = {}
    callbacks: dict[str, dict[str, Callback]] = {}
    postprocessors: list[PostProcessor] = []
    for plugin in plugins:
        strict = strictness[plugin.name]
        for dim, fragments in plugin.grammar.items():
            grammar.setdefault(dim, []).extend(fragments)
        for lexicon, entries in plugin.lexicons.items():
            lexicons.setdefault(lexicon, []).extend(_normalized_entry(e, LEXICONS.get(lexicon)) for e in entries)
        for dim, rules in plugin.callbacks.items():
            for rule, fn in rules.items():
                callbacks.setdefault(dim, {})[rule] = _guard_callback(plugin.name, rule, fn, strict=strict, dimension=dim)
        postprocessors.extend(_guard_postprocessor(plugin.name, p, strict=strict) for p in plugin.postprocessors)
    return Extensions(
        grammar={d: tuple(f) for d, f in grammar.items()},
        lexicons={n: tuple(e) for n, e in lexicons.items()},
        callbacks=callbacks,
        postprocessors=tuple(postprocessors),
        key=key,
        plugins=tuple(p.name for p in plugins),
    )
