"""Compiled grammars as plain data: shipped in the package, cached per user, or built in memory.

lark takes seconds to turn a grammar into LALR tables. The built-in grammars'
tables are generated at development time (``python scripts/build_tables.py``)
into ``milinc/compiled/`` as JSON, and a grammar extended by plugins is kept in
the private per-user cache (:mod:`milinc.cache`). Both hold lark's own
serialized form (``Lark.memo_serialize``: rules, terminals and parse table made
of strings, numbers, lists and dicts) encoded as JSON, with the lexer's terminal
order, loaded with lark's deserializer, which only builds ``Rule`` and
``TerminalDef`` objects. lark's own ``cache=True``, ``Lark.save`` and
``Lark.load`` are never used: they unpickle a file.

Each entry is keyed by the SHA-256 of the grammar text (lexicons filled in), the
start symbol, the lark version and :data:`FORMAT`; a stale or missing entry only
means the grammar is compiled in memory.

Next to lark's form, each grammar has its *driver tables* (:func:`driver_tables`,
files ``driver-<key>.json``): only what the engine's own LALR driver reads (the
action table as integers, the rules, the lexer's terminals), small and quick to
decode. A parse needs nothing else, so no ``Lark`` object is built at start-up;
lark's form is loaded only when a caller asks for the ``Lark`` object
(:attr:`milinc.engine.CompiledGrammar.lark`).
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Callable
from importlib import resources
from typing import Any

import lark
from lark import Lark, Transformer
from lark.grammar import Rule
from lark.lexer import BasicLexer, TerminalDef
from lark.parsers.lalr_analysis import Shift

from . import cache, lexer_dispatch

__all__ = [
    "DRIVER_FORMAT", "FORMAT", "LEXER_PLANS", "build", "compute_lexer_plan", "decode", "driver_file_name",
    "driver_tables", "encode", "grammar_key", "lexer_plan", "load", "load_driver_tables", "shipped_file_name", "sources",
]  # fmt: skip

FORMAT = 1
"""Version of the table format (part of every key)."""

DRIVER_FORMAT = 2
"""Version of the driver tables' format (checked in every entry)."""

SHIPPED_PACKAGE = "milinc"
SHIPPED_DIR = "compiled"

_EXCLUDED_OPTIONS = frozenset(
    {"postlex", "transformer", "lexer_callbacks", "use_bytes", "debug", "g_regex_flags", "regex",
     "propagate_positions", "tree_class", "_plugins", "cache"}
)  # fmt: skip
"""lark options given again at load time (lark's own list for its cache), plus ``cache``."""

_sources: dict[str, str] = {}
_sources_lock = threading.Lock()

LEXER_PLANS: weakref.WeakKeyDictionary[Lark, dict[str, Any]] = weakref.WeakKeyDictionary()
"""The lexer plan of each loaded grammar (see :func:`lexer_plan`)."""


def grammar_key(text: str, start: str) -> str:
    """The key of a grammar's tables: digest of the format, lark's version, the start symbol and the text."""
    return cache.digest(f"milinc-grammar\0{FORMAT}\0{lark.__version__}\0{start}\0{text}")


def shipped_file_name(key: str) -> str:
    """The file name of the tables of *key* in ``milinc/compiled``."""
    return f"grammar-{key[:32]}.json"


def driver_file_name(key: str) -> str:
    """The file name of the driver tables of *key* in ``milinc/compiled``."""
    return f"driver-{key[:32]}.json"


def sources() -> dict[str, str]:
    """Where each grammar compiled in this process came from, by key: ``shipped``, ``cache`` or ``built``."""
    with _sources_lock:
        return dict(_sources)


# --- JSON encoding of lark's serialized data ---------------------------------
# lark's data holds tuples and dicts keyed by integers (parse-table states), which
# JSON would turn into lists and string keys: they are tagged so that decoding gives
# back exactly the same values.

_TUPLE = "~t"
_PAIRS = "~d"


def encode(value: Any) -> Any:
    """*value* (plain Python data) as JSON-able data; ``TypeError`` on anything else."""
    t = type(value)
    if value is None or t is str or t is int or t is bool or t is float:
        return value
    if t is list:
        return [encode(v) for v in value]
    if t is tuple:
        return {_TUPLE: [encode(v) for v in value]}
    if t is dict:
        if all(type(k) is str and not k.startswith("~") for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {_PAIRS: [[encode(k), encode(v)] for k, v in value.items()]}
    raise TypeError(f"cannot encode {t.__name__} as table data")


def _decode_object(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if _TUPLE in obj:
            return tuple(obj[_TUPLE])
        if _PAIRS in obj:
            return {k if type(k) is not list else tuple(k): v for k, v in obj[_PAIRS]}
    return obj


def decode(text: str | bytes) -> Any:
    """The plain data :func:`encode` gave, from its JSON text."""
    return json.loads(text, object_hook=_decode_object)


# --- building and loading ------------------------------------------------------


def _lark_options(start: str) -> dict[str, Any]:
    return {"parser": "lalr", "lexer": "basic", "start": start, "maybe_placeholders": False}


def build(text: str, start: str, transformer: Transformer[Any, Any] | None) -> tuple[Lark, dict[str, Any]]:
    """Compile *text* in memory: the lark object and its table entry (JSON-able, see :func:`load`)."""
    compiled = Lark(text, transformer=transformer, **_lark_options(start))
    data, memo = compiled.memo_serialize([TerminalDef, Rule])
    data["options"] = {k: v for k, v in data["options"].items() if k not in _EXCLUDED_OPTIONS}
    plan = _lexer_plan(compiled)
    entry = {
        "format": FORMAT,
        "lark": lark.__version__,
        "start": start,
        "data": encode(data),
        "memo": encode(memo),
        "lexer": plan,
    }
    LEXER_PLANS[compiled] = plan
    return compiled, entry


def compute_lexer_plan(compiled: Lark) -> dict[str, Any]:
    """The lexer plan of a grammar compiled without one (see :func:`_lexer_plan`), kept with it."""
    plan = LEXER_PLANS.get(compiled)
    if plan is None:
        plan = LEXER_PLANS[compiled] = _lexer_plan(compiled)
    return plan


def _lexer_plan(compiled: Lark) -> dict[str, Any]:
    """What lark's basic lexer does with the terminals, computed once with lark's own code.

    ``terminals``: the names in the order its combined regex tries them (after
    keywords a generic terminal also matches were folded into it); ``unless``:
    for such a generic terminal, the keyword terminals that retype its tokens,
    in lark's order.
    """
    lexer: Any = compiled.parser.lexer
    scanner = lexer.scanner
    unless = {
        name: [t.name for t in cb.scanner.terminals]
        for name, cb in lexer.callback.items()
        if type(cb).__name__ == "UnlessCallback"
    }
    return {"terminals": [t.name for t in scanner.terminals], "unless": unless}


def _from_entry(entry: Any, start: str, transformer: Transformer[Any, Any] | None) -> Lark:
    if not (
        type(entry) is dict
        and entry.get("format") == FORMAT
        and entry.get("lark") == lark.__version__
        and entry.get("start") == start
    ):
        raise ValueError("not a table entry for this grammar")
    data, memo = entry["data"], entry["memo"]
    if type(data) is not dict or type(memo) is not dict:
        raise ValueError("not a table entry")
    # lark's own loader of its serialized form (what Lark.load does after unpickling), given a dict
    load_from_dict: Callable[..., Lark] = Lark._load_from_dict
    loaded = load_from_dict(data, memo, transformer=transformer)
    plan = entry.get("lexer")
    if type(plan) is dict:
        LEXER_PLANS[loaded] = plan
    return loaded


def _shipped(key: str) -> Any | None:
    try:
        text = resources.files(SHIPPED_PACKAGE).joinpath(SHIPPED_DIR).joinpath(shipped_file_name(key)).read_bytes()
    except (FileNotFoundError, OSError):
        return None
    try:
        entry = decode(text)
    except ValueError:
        return None
    return entry if type(entry) is dict and entry.get("key") == key else None


def load(
    text: str,
    start: str,
    transformer: Transformer[Any, Any] | None,
    *,
    on_built: Callable[[str, dict[str, Any]], None] | None = None,
) -> Lark:
    """The compiled grammar *text*: from the shipped tables, the user's cache, or built in memory.

    A grammar built in memory is written to the user's private cache (when
    there is one), and handed to *on_built* with its key (the table builder uses
    this to collect the entries it ships).
    """
    key = grammar_key(text, start)
    for source, finder in (("shipped", _shipped), ("cache", lambda k: _cached(k))):
        entry = finder(key)
        if entry is None:
            continue
        try:
            loaded = _from_entry(entry, start, transformer)
        except Exception:  # malformed data: compile it again below
            continue
        with _sources_lock:
            _sources[key] = source
        return loaded
    compiled, entry = build(text, start, transformer)
    entry["key"] = key
    cache.put("grammar", key, json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
    if on_built is not None:
        on_built(key, entry)
    with _sources_lock:
        _sources[key] = "built"
    return compiled


def _cached(key: str) -> Any | None:
    payload = cache.get("grammar", key)
    if payload is None:
        return None
    try:
        entry = decode(payload)
    except (ValueError, RecursionError):
        return None
    return entry if type(entry) is dict and entry.get("key") == key else None


def lexer_plan(compiled: Lark) -> dict[str, Any] | None:
    """The lexer plan stored with *compiled* (see :func:`_lexer_plan`), or ``None``."""
    return LEXER_PLANS.get(compiled)


# --- driver tables ---------------------------------------------------------------


def driver_tables(compiled: Lark) -> dict[str, Any]:
    """What the engine's LALR driver reads of *compiled*, as plain JSON-able data.

    * ``states``: one dict per parser state (states are numbered from 0),
      terminal or rule name → action: a shift (or goto) to state ``n`` is ``n``,
      a reduction by rule ``r`` is ``~r`` (negative);
    * ``rules``: per reduced rule, ``[origin, [[symbol, is_terminal, filter_out], …],
      alias, order, [keep_all_tokens, expand1, priority, template_source, empty_indices],
      has_callback]`` — what lark's tree builder needs to make the rule's callback;
    * ``terminals``: every terminal name (a transformer method of that name is a
      token callback); ``patterns``: the regex of each terminal the lexer tries;
      ``hints``: each lexed terminal cut by first character
      (:func:`milinc.lexer_dispatch.hints`: no pattern is analysed at start-up);
      ``cuts``: the pieces of each heavy terminal (:func:`milinc.lexer_dispatch.heavy_cut`);
      ``lexer``: the lexer plan (:func:`_lexer_plan`); ``ignore``, ``flags``.

    Raises:
        TypeError: *compiled* is not a basic-lexer LALR parser without post-lexer or lexer callbacks.
    """
    frontend: Any = compiled.parser
    lexer = frontend.lexer
    options = compiled.options
    if type(lexer) is not BasicLexer or options.postlex is not None or options.lexer_callbacks or options.use_bytes:
        raise TypeError("not a basic-lexer LALR parser")
    parser = frontend.parser.parser
    table = parser.parse_table
    callbacks = parser.callbacks
    start = options.start[0]
    numbers = {state: n for n, state in enumerate(table.states)}
    rules: list[Any] = []
    rule_numbers: dict[int, int] = {}

    def rule_number(rule: Any) -> int:
        found = rule_numbers.get(id(rule))
        if found is None:
            found = rule_numbers[id(rule)] = len(rules)
            rules.append(rule)
        return found

    states = [
        {str(symbol): (numbers[arg] if action is Shift else ~rule_number(arg)) for symbol, (action, arg) in acts.items()}
        for acts in table.states.values()
    ]
    plan = lexer_plan(compiled) or compute_lexer_plan(compiled)
    by_name = {t.name: t for t in compiled.terminals}
    lexed = [*plan["terminals"], *(k for keywords in plan["unless"].values() for k in keywords)]
    ordered = [(name, by_name[name].pattern.to_regexp()) for name in plan["terminals"]]
    return {
        "format": DRIVER_FORMAT,
        "lark": lark.__version__,
        "start": start,
        "start_state": numbers[table.start_states[start]],
        "end_state": numbers[table.end_states[start]],
        "states": states,
        "rules": [
            [
                str(r.origin.name),
                [[str(s.name), s.is_term, bool(getattr(s, "filter_out", False))] for s in r.expansion],
                None if r.alias is None else str(r.alias),
                r.order,
                [r.options.keep_all_tokens, r.options.expand1, r.options.priority,
                 None if r.options.template_source is None else str(r.options.template_source),
                 list(r.options.empty_indices)],
                bool(callbacks) and r in callbacks,
            ]
            for r in rules
        ],
        "callbacks": bool(callbacks),
        "terminals": [t.name for t in compiled.terminals],
        "patterns": {name: by_name[name].pattern.to_regexp() for name in lexed},
        "lexer": plan,
        "hints": lexer_dispatch.hints(ordered, options.g_regex_flags),
        "cuts": {name: lexer_dispatch.heavy_cut(p) for name, p in ordered if len(p) > lexer_dispatch.HEAVY},
        "ignore": sorted(lexer.ignore_types),
        "flags": options.g_regex_flags,
        "maybe_placeholders": bool(options.maybe_placeholders),
    }


def _valid_driver_entry(entry: Any, key: str, start: str) -> bool:
    """Whether *entry* looks like the driver tables of *key* (format, versions, key, start)."""
    return (
        type(entry) is dict
        and entry.get("format") == DRIVER_FORMAT
        and entry.get("lark") == lark.__version__
        and entry.get("key") == key
        and entry.get("start") == start
        and type(entry.get("states")) is list
        and type(entry.get("rules")) is list
    )


def _shipped_driver(key: str) -> Any | None:
    try:
        text = resources.files(SHIPPED_PACKAGE).joinpath(SHIPPED_DIR).joinpath(driver_file_name(key)).read_bytes()
        return json.loads(text)
    except (OSError, ValueError):
        return None


def _cached_driver(key: str) -> Any | None:
    payload = cache.get("driver", key)
    if payload is None:
        return None
    try:
        return json.loads(payload)
    except (ValueError, RecursionError):
        return None


def load_driver_tables(
    text: str,
    start: str,
    transformer: Transformer[Any, Any] | None,
    *,
    on_built: Callable[[str, dict[str, Any]], None] | None = None,
) -> tuple[dict[str, Any], Lark | None]:
    """The driver tables of grammar *text*, and the ``Lark`` object when one had to be made for them.

    From the package, from the user's private cache, or derived from the
    compiled grammar (:func:`load`, with *transformer*), then cached; *on_built*
    receives the tables derived in memory (the table builder ships them).
    """
    key = grammar_key(text, start)
    for source, finder in (("shipped", _shipped_driver), ("cache", _cached_driver)):
        entry = finder(key)
        if entry is not None and _valid_driver_entry(entry, key, start):
            with _sources_lock:
                _sources["driver:" + key] = source
            return entry, None
    compiled = load(text, start, transformer)
    entry = driver_tables(compiled)
    entry["key"] = key
    cache.put("driver", key, json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
    if on_built is not None:
        on_built(key, entry)
    with _sources_lock:
        _sources["driver:" + key] = "built"
    return entry, compiled
