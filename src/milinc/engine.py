"""The grammar engine: compile a dimension's ``.lark`` grammar once, then find its
matches inside free text.

lark 1.3.1 cannot scan free text for matches, and an ambiguous parser over a
whole document is slow. So each dimension does the following:

1. one compiled regex (the *anchors*: weekdays, months, digits, weapon nouns…)
   finds candidate positions in the normalized text, in a single pass;
2. for each anchor, a deterministic LALR parser is started at the anchor and at
   up to ``lookback`` tokens before it ("dans la nuit de *jeudi*"), and fed one
   token at a time; the longest prefix after which the parser could accept the
   end of input is the match (leftmost start first, then longest);
3. the transformer runs inside the parser, so a match is an ontology value
   directly, with no parse tree.

The cost is linear in the text: each anchor parses a bounded window.

Lexicons are data: a grammar names a terminal ``/@LEXICON:name@/`` and the
engine fills it with a longest-first alternation of the lexicon's phrases before
compiling (so lark's cache key includes the lexicon).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from itertools import islice
from typing import Any

import attrs
from lark import Lark, Token, Transformer, Tree
from lark.exceptions import LarkError
from lark.grammar import NonTerminal, Rule, RuleOptions, Symbol, Terminal
from lark.lexer import BasicLexer
from lark.parse_tree_builder import ParseTreeBuilder
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_parser_state import ParseConf

from . import budget, cache, grammar_tables, trie_regex
from .lexer_dispatch import WHOLE, FirstCharLexer
from .lexicon_pattern import lexicon_pattern
from .shipped import shipped_object

__all__ = [
    "CompiledGrammar",
    "GrammarMatcher",
    "Match",
    "compile_for_matching",
    "compile_grammar",
    "grammar_source",
    "lexicon_regex",
    "words_regex",
]

_LEXICON_PLACEHOLDER = re.compile(r"/@LEXICON:(\w+)@/")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_cache_lock = threading.Lock()
_compiled: OrderedDict[tuple[str, str, int], Lark] = OrderedDict()
_MAX_COMPILED = 64
"""Compiled grammars kept in a process (least recently used dropped first): plugin sets come and go."""


def grammar_source(name: str) -> str:
    """The text of a grammar file shipped in ``milinc/grammars``."""
    return resources.files("milinc").joinpath("grammars").joinpath(f"{name}.lark").read_text(encoding="utf-8")


def lexicon_regex(phrases: Iterable[str]) -> str:
    """A regex matching any of *phrases* (normalized), longest first, on whole words.

    Spaces in a phrase match any run of spaces, so "dôme de fer" matches
    "Dôme  de fer" too. The phrases are compiled as a trie (shared prefixes
    written once, longer continuations tried first): the regex engine then
    follows one branch per character instead of trying every phrase in turn,
    and matches exactly what the plain longest-first alternation matches.
    """
    given = sorted({p for p in phrases if p.strip()})
    if len(given) < trie_regex.TRIE_FROM:
        regex, _initials = trie_regex.lexicon_regex_and_initials(given)
    else:  # building a big trie in Python costs start-up time: it is shipped, or cached as plain data
        regex, _initials = _stored_lexicon_regex(given)
    return regex


_built_lexicons: dict[str, tuple[str, tuple[str, ...]]] = {}
"""The lexicon regexes built in memory in this process, by key (what ``scripts/build_tables.py`` ships)."""


def lexicon_key(phrases: Iterable[str]) -> str:
    """The key of a lexicon's regex: a digest of the builder's code and of the sorted phrases."""
    return cache.digest("\0".join(("milinc-lexicon", trie_regex.builder_fingerprint(), *sorted(set(phrases)))))


@functools.cache
def _shipped_lexicons() -> dict[str, Any]:
    return shipped_object("lexicons.json")


def _valid_lexicon_entry(found: Any) -> tuple[str, tuple[str, ...]] | None:
    valid = type(found) is list and len(found) == 2 and type(found[0]) is str and type(found[1]) is list
    if valid and all(type(i) is str for i in found[1]):
        return found[0], tuple(found[1])
    return None


def _stored_lexicon_regex(given: list[str]) -> tuple[str, tuple[str, ...]]:
    key = lexicon_key(given)
    entry = _valid_lexicon_entry(_shipped_lexicons().get(key))
    if entry is None:
        cached = cache.get("lexicon", key)
        if cached is not None:
            try:
                entry = _valid_lexicon_entry(json.loads(cached))
            except ValueError:
                entry = None
    if entry is None:
        entry = trie_regex.lexicon_regex_and_initials(given)
        cache.put("lexicon", key, json.dumps([entry[0], list(entry[1])], ensure_ascii=False))
    if len(_built_lexicons) < 1000:
        _built_lexicons[key] = entry
    return entry


_trie_regex = trie_regex.trie_regex
_alternation_regex = trie_regex.alternation_regex  # the reference the trie is checked against


def words_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A compiled regex finding any of *words* (normalized) as whole words.

    Compiled per text while texts are short (:mod:`milinc.lexicon_pattern`): start-up pays for the
    words a first text can hold, not for the whole lexicon.
    """
    return lexicon_pattern(words)


def _fill_lexicons(source: str, lexicons: Mapping[str, Iterable[str]]) -> str:
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lexicons:
            raise KeyError(f"grammar needs lexicon {name!r}, which was not given")
        return "/" + lexicon_regex(lexicons[name]).replace("/", r"\/") + "/"

    return _LEXICON_PLACEHOLDER.sub(repl, source)


def compile_grammar(
    source: str,
    *,
    transformer: Transformer[Any, Any] | None = None,
    lexicons: Mapping[str, Iterable[str]] | None = None,
    start: str = "start",
) -> Lark:
    """Compile a grammar (LALR, basic lexer) once per process and per source.

    The tables come from the package (built-in grammars), from the user's
    private cache, or are built in memory (:mod:`milinc.grammar_tables`):
    never from a pickle.
    """
    text = _fill_lexicons(source, lexicons or {})
    key = (hashlib.sha256(text.encode()).hexdigest(), start, id(transformer))
    with _cache_lock:
        lark = _compiled.get(key)
        if lark is None:
            lark = grammar_tables.load(text, start, transformer)
            _compiled[key] = lark
            while len(_compiled) > _MAX_COMPILED:
                _compiled.popitem(last=False)
        else:
            _compiled.move_to_end(key)
    return lark


class CompiledGrammar:
    """A grammar compiled for the matcher: its driver tables, and its ``Lark`` object on demand.

    Matching needs only the driver tables (:func:`milinc.grammar_tables.driver_tables`),
    which load faster than lark's own serialized form; the ``Lark`` object is
    loaded the first time :attr:`lark` is read.
    """

    def __init__(
        self,
        text: str,
        start: str,
        transformer: Transformer[Any, Any] | None,
        tables: dict[str, Any],
        lark: Lark | None = None,
    ) -> None:
        self.text = text
        """The grammar's text, lexicons filled in."""
        self.start = start
        """The start symbol."""
        self.transformer = transformer
        """The transformer whose methods are the grammar's callbacks."""
        self.tables = tables
        """The driver tables."""
        self._lark = lark
        self._lock = threading.Lock()

    @property
    def lark(self) -> Lark:
        """The ``Lark`` object of this grammar (loaded on first use, then kept)."""
        if self._lark is None:
            with self._lock:
                if self._lark is None:
                    self._lark = grammar_tables.load(self.text, self.start, self.transformer)
        return self._lark


_compiled_for_matching: OrderedDict[tuple[str, str, int], CompiledGrammar] = OrderedDict()


def compile_for_matching(
    source: str,
    *,
    transformer: Transformer[Any, Any] | None = None,
    lexicons: Mapping[str, Iterable[str]] | None = None,
    start: str = "start",
) -> CompiledGrammar:
    """:func:`compile_grammar` for a :class:`GrammarMatcher`: the driver tables, no ``Lark`` object unless needed.

    The tables come from the package (built-in grammars), from the user's
    private cache, or are derived from the grammar compiled in memory.
    """
    text = _fill_lexicons(source, lexicons or {})
    key = (hashlib.sha256(text.encode()).hexdigest(), start, id(transformer))
    with _cache_lock:
        found = _compiled_for_matching.get(key)
        if found is not None:
            _compiled_for_matching.move_to_end(key)
            return found
        lark = _compiled.get(key)
        if lark is not None:
            tables = grammar_tables.driver_tables(lark)
        else:
            tables, lark = grammar_tables.load_driver_tables(text, start, transformer)
            if lark is not None:
                _compiled[key] = lark
                while len(_compiled) > _MAX_COMPILED:
                    _compiled.popitem(last=False)
        found = _compiled_for_matching[key] = CompiledGrammar(text, start, transformer, tables, lark)
        while len(_compiled_for_matching) > _MAX_COMPILED:
            _compiled_for_matching.popitem(last=False)
    return found


@attrs.frozen
class Match:
    """One grammar match in the normalized text."""

    start: int
    """Offset of the match in the normalized text."""
    end: int
    """Offset just past it."""
    value: Any
    """What the grammar's transformer built for it."""


# Errors a transformer callback may raise on input it did not expect (a plugin's
# callback returning the wrong type, say): they end that match, never the parse.
_CALLBACK_ERRORS: tuple[type[Exception], ...] = (
    AttributeError, TypeError, ValueError, KeyError, IndexError, StopIteration,
)
_MATCH_ERRORS: tuple[type[Exception], ...] = (LarkError, *_CALLBACK_ERRORS)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_CONTEXT_SENSITIVE = re.compile(r"\(\?<[=!]|\\[bBA]|(?<![\[\\])\^")
"""Regex constructs that look before the match: a terminal with one may match differently in a
window cut from the text than in the text itself, so :meth:`_Driver.can_start` does not filter."""


class _Keywords:
    """lark's "unless" rule for one generic terminal: a token that is also a keyword takes the keyword's type."""

    __slots__ = ("flags", "keywords", "regex", "seen")

    def __init__(self, keywords: list[tuple[str, str]], flags: int) -> None:
        self.keywords = keywords
        """``(name, regex)`` of the keyword terminals, in lark's order."""
        self.flags = flags
        self.regex: re.Pattern[str] | None = None
        self.seen: dict[str, str] = {}

    def retype(self, type_: str, value: str) -> str:
        """The type of a token of *type_* whose text is *value*."""
        new = self.seen.get(value)
        if new is None:
            if self.regex is None:  # compiled when first needed: most keyword sets are never met
                self.regex = re.compile("|".join(f"(?P<{n}>{p})" for n, p in self.keywords), self.flags)
            if len(self.seen) > 50_000:  # an unbounded vocabulary must not grow memory forever
                self.seen.clear()
            m = self.regex.fullmatch(value)
            new = self.seen[value] = (m.lastgroup if m is not None else None) or type_
        return new


class _Driver:
    """A lean LALR driver over a compiled grammar's own tables and callbacks, with its own lexer.

    It does what ``lark.parse_interactive`` + ``feed_token`` + ``copy().feed_eof()`` do,
    token for token, without their per-call objects (lexer thread, line counter,
    interactive-parser copies) and without an exception for the common "this token
    cannot come here" stop; most candidate starts die at their first token, so that
    one is checked before anything is built. Where lark's internals are not the
    expected ones (another lexer, a post-lexer, lexer callbacks),
    :meth:`GrammarMatcher.parse_at` uses lark's public API instead.

    Tokens are lexed as lark's basic lexer does (its terminal order and keyword
    folding, from the grammar's lexer plan, :mod:`milinc.grammar_tables`), with
    the combined regex split by the first character of the input
    (:class:`~milinc.lexer_dispatch.FirstCharLexer`): a sub-regex is compiled
    only for the characters a text makes the lexer meet, and holds only the
    branches that can begin with that character.
    """

    __slots__ = (
        "end_state", "end_token", "filter_starts", "first_char", "ignore", "keyword_of", "shift_callbacks",
        "start_actions", "start_state", "table",
    )

    def __init__(
        self,
        *,
        table: Any,
        start_state: int,
        end_state: int,
        shift_callbacks: dict[str, Callable[[Token], Any]],
        ordered: list[tuple[str, str]],
        keywords: Mapping[str, list[tuple[str, str]]],
        flags: int,
        ignore: Iterable[str],
        hints: list[dict[str, str | int] | None] | None = None,
        cuts: dict[str, tuple[str, list[tuple[str, str]]]] | None = None,
    ) -> None:
        self.start_state = start_state
        self.end_state = end_state
        self.table: Any = table
        """State → symbol → action (:func:`_action_table`); a list or a dict indexed by state."""
        self.start_actions = self.table[self.start_state]
        self.shift_callbacks = shift_callbacks
        self.first_char = FirstCharLexer(ordered, flags, hints=hints, cuts=cuts)
        # keywords that a generic terminal also matches (lark's UnlessCallback): the new type
        # depends on the text only, so it is looked up once per word
        self.keyword_of: dict[str, _Keywords] = {name: _Keywords(kws, flags) for name, kws in keywords.items()}
        self.ignore: frozenset[str] = frozenset(ignore)
        self.end_token = Token("$END", "", 0, 1, 1)
        self.filter_starts = not any(_CONTEXT_SENSITIVE.search(pattern) for _, pattern in ordered)

    @classmethod
    def from_lark(cls, lark: Lark) -> _Driver:
        """The driver of a compiled ``Lark`` object (its own tables and callbacks).

        Raises:
            TypeError: not a basic-lexer LALR parser without post-lexer or lexer callbacks.
        """
        frontend = lark.parser
        lexer = frontend.lexer
        if type(lexer) is not BasicLexer or lark.options.postlex is not None or lark.options.lexer_callbacks:
            raise TypeError("not a basic-lexer LALR parser")
        if lark.options.use_bytes:
            raise TypeError("a bytes lexer")
        parser = frontend.parser.parser
        conf: ParseConf[int] = ParseConf(parser.parse_table, parser.callbacks, lark.options.start[0])
        plan = grammar_tables.lexer_plan(lark) or grammar_tables.compute_lexer_plan(lark)
        by_name = {t.name: t for t in lark.terminals}
        return cls(
            table=_action_table(conf.states, parser.callbacks),
            start_state=conf.start_state,
            end_state=conf.end_state,
            shift_callbacks={name: cb for name, cb in parser.callbacks.items() if type(name) is str},
            ordered=[(name, by_name[name].pattern.to_regexp()) for name in plan["terminals"]],
            keywords={
                name: [(k, by_name[k].pattern.to_regexp()) for k in keywords] for name, keywords in plan["unless"].items()
            },
            flags=lark.options.g_regex_flags,
            ignore=lexer.ignore_types,
        )

    @classmethod
    def from_tables(cls, tables: Mapping[str, Any], transformer: Transformer[Any, Any] | None) -> _Driver:
        """The driver of a grammar's driver tables (:func:`milinc.grammar_tables.driver_tables`).

        The reductions' callbacks are made by lark's own tree builder from the
        tables' rules and *transformer*, as ``Lark`` makes them; token callbacks
        are *transformer*'s methods named after a terminal, as in lark.

        Raises:
            KeyError, TypeError, ValueError, IndexError: tables of another shape.
        """
        rules = [_rule_of(entry) for entry in tables["rules"]]
        # lark's own tree builder (the one ``Lark`` uses), not typed by lark
        builder: Any = ParseTreeBuilder
        made = builder(rules, Tree, maybe_placeholders=bool(tables["maybe_placeholders"]))
        callbacks: dict[Any, Callable[..., Any]] = made.create_callback(transformer) if tables["callbacks"] else {}

        def missing(children: list[Any]) -> Any:
            raise KeyError("no callback for this rule")  # what lark's callbacks[rule] raises

        reductions = [
            (len(rule.expansion), (callbacks.get(rule) or missing) if tables["callbacks"] else None, rule.origin.name)
            for rule in rules
        ]
        table = [
            {symbol: (True, arg) if arg >= 0 else (False, reductions[~arg]) for symbol, arg in actions.items()}
            for actions in tables["states"]
        ]
        shift_callbacks: dict[str, Callable[[Token], Any]] = {}
        for name in tables["terminals"]:
            callback = getattr(transformer, name, None)
            if callback is not None:
                shift_callbacks[name] = callback
        patterns: Mapping[str, str] = tables["patterns"]
        plan = tables["lexer"]
        return cls(
            table=table,
            start_state=int(tables["start_state"]),
            end_state=int(tables["end_state"]),
            shift_callbacks=shift_callbacks,
            ordered=[(name, patterns[name]) for name in plan["terminals"]],
            keywords={name: [(k, patterns[k]) for k in keywords] for name, keywords in plan["unless"].items()},
            flags=int(tables["flags"]),
            ignore=tables["ignore"],
            hints=_valid_hints(tables.get("hints"), len(plan["terminals"])),
            cuts=_valid_cuts(tables.get("cuts")),
        )

    def can_start(self, text: str, pos: int, limit: int) -> bool:
        """False only where :meth:`accepting_prefixes` of ``text[pos:limit]`` surely finds nothing.

        The first token is lexed in place (no window is cut) as the driver would
        lex it, and must be one the parser's start state accepts.
        """
        return self.first_token(text, pos, limit) is not False

    def first_token(self, text: str, pos: int, limit: int) -> re.Match[str] | bool:
        """:meth:`can_start`, with the first token it lexed: ``False``, its match, or ``True`` (not lexed).

        The match is the one :meth:`accepting_prefixes` of ``text[pos:limit]`` would
        make first (no terminal looks before its match, or nothing is lexed here), so
        it is handed over to it instead of being lexed again.
        """
        if not self.filter_starts or pos >= limit:
            return True
        ch = text[pos]
        by_char = self.first_char.by_char
        mre = by_char[ch] if ch in by_char else self.first_char.regex_for(ch)
        m = mre.match(text, pos, limit) if mre is not None else None
        if m is None:
            return False
        type_: str = m.lastgroup  # type: ignore[assignment]
        if type_ in self.ignore:
            return m
        if type_ in self.keyword_of:
            type_ = self.keyword_of[type_].retype(type_, m.group(0))
        end = m.end()
        # _is_word written inline: this runs for most words before an anchor
        if end < limit and (text[end].isalnum() or text[end] == "_") and (
            text[end - 1].isalnum() or text[end - 1] == "_"
        ):
            return False
        return m if type_ in self.start_actions else False

    def accepting_prefixes(
        self, window: str, first: re.Match[str] | None = None
    ) -> list[tuple[int, list[Any], list[Any]]]:
        """Parser snapshots after each token where the input could end, shortest first.

        *first* is the window's first token when :meth:`first_token` already lexed it.

        Tokens are lexed and fed exactly as lark does; the first token that cannot be
        lexed, that stops inside a word, or that the parser refuses, ends the scan.
        The LALR step is lark's ``ParserState.feed_token`` written inline over
        :func:`_action_table` (same actions, reductions and callbacks), since it runs
        for every token.
        """
        n = len(window)
        table = self.table
        ignore = self.ignore
        keyword_of = self.keyword_of
        shift_callbacks = self.shift_callbacks
        new_token: Callable[..., Token] = Token._future_new
        state_stack: list[int] = [self.start_state]
        value_stack: list[Any] = []
        actions = table[self.start_state]
        first_char = self.first_char
        by_char = first_char.by_char
        out: list[tuple[int, list[Any], list[Any]]] = []
        pos = 0
        m = first
        try:
            while pos < n:
                if m is None:
                    ch = window[pos]
                    mre = by_char[ch] if ch in by_char else first_char.regex_for(ch)
                    m = mre.match(window, pos) if mre is not None else None
                    if m is None:
                        break  # lark: UnexpectedCharacters
                value = m.group(0)
                type_: str = m.lastgroup  # type: ignore[assignment]
                m = None
                end = pos + len(value)
                if type_ in ignore:
                    pos = end
                    continue
                if type_ in keyword_of:
                    type_ = keyword_of[type_].retype(type_, value)
                # a token must not stop inside a word ("juin" in "juinx")
                if end < n and (window[end].isalnum() or window[end] == "_") and (
                    window[end - 1].isalnum() or window[end - 1] == "_"
                ):
                    break
                if type_ not in actions:
                    break  # lark: UnexpectedToken
                # the window never holds a line break: line 1, column = offset + 1
                tok = new_token(type_, value, pos, 1, pos + 1, 1, end + 1, end)
                pos = end
                # lark's feed_token: reduce as often as needed, then shift (the reduction is finish()'s,
                # written out here again because it runs for every token)
                while True:
                    shift, arg = actions[type_]  # KeyError after a reduction: lark's UnexpectedToken
                    if shift:
                        state_stack.append(arg)
                        value_stack.append(tok if type_ not in shift_callbacks else shift_callbacks[type_](tok))
                        break
                    size, reduce, goto = arg
                    if size:
                        children = value_stack[-size:]
                        del state_stack[-size:]
                        del value_stack[-size:]
                    else:
                        children = []
                    value_stack.append(reduce(children) if reduce is not None else children)
                    new_state = table[state_stack[-1]][goto][1]
                    state_stack.append(new_state)
                    actions = table[new_state]
                actions = table[state_stack[-1]]
                if "$END" in actions:
                    out.append((end, list(state_stack), _snapshot(value_stack)))
        except _MATCH_ERRORS:
            pass  # like lark's interactive parser: the prefixes found so far stand
        return out

    def finish(self, state_stack: list[Any], value_stack: list[Any]) -> Any:
        """Feed the end of input to a snapshot (consumed): the transformer's final value.

        lark's ``feed_token(end_token, is_end=True)`` over :func:`_action_table`; raises
        ``KeyError`` where lark raises ``UnexpectedToken``.
        """
        table = self.table
        end_state = self.end_state
        while True:
            shift, arg = table[state_stack[-1]]["$END"]
            if shift:
                raise KeyError("$END")  # lark asserts this never happens in a valid table
            size, reduce, goto = arg
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value = reduce(children) if reduce is not None else children
            new_state = table[state_stack[-1]][goto][1]
            state_stack.append(new_state)
            value_stack.append(value)
            if new_state == end_state:
                return value


def _action_table(
    states: Mapping[int, Mapping[str, tuple[Any, Any]]], callbacks: Mapping[Any, Callable[..., Any]]
) -> dict[int, dict[str, tuple[bool, Any]]]:
    """lark's LALR table with each reduction's rule replaced by what a step needs of it.

    A shift is ``(True, next state)``; a reduction is ``(False, (number of children,
    callback or None, name of the rule's origin))``. lark keys callbacks by ``Rule``
    objects, whose hash and equality are Python methods comparing whole expansions:
    looking them up once here instead of at every reduction is most of the saving.
    """
    reductions: dict[int, tuple[int, Callable[..., Any] | None, str]] = {}

    def missing(children: list[Any]) -> Any:
        raise KeyError("no callback for this rule")  # what lark's callbacks[rule] raises

    def reduction(rule: Any) -> tuple[int, Callable[..., Any] | None, str]:
        key = id(rule)
        found = reductions.get(key)
        if found is None:
            callback = (callbacks.get(rule) or missing) if callbacks else None
            found = reductions[key] = (len(rule.expansion), callback, rule.origin.name)
        return found

    return {
        state: {
            symbol: (True, arg) if action is Shift else (False, reduction(arg))
            for symbol, (action, arg) in actions.items()
        }
        for state, actions in states.items()
    }


def _valid_hints(hints: Any, count: int) -> list[dict[str, str | int] | None] | None:
    """The lexer hints of driver tables when they have the expected shape, else ``None`` (patterns analysed)."""
    if type(hints) is not list or len(hints) != count:
        return None
    for hint in hints:
        if hint is not None and not (
            type(hint) is dict and all(type(v) is str or (type(v) is int and v == WHOLE) for v in hint.values())
        ):
            return None
    return hints


def _valid_cuts(cuts: Any) -> dict[str, tuple[str, list[tuple[str, str]]]] | None:
    """The heavy terminals' pieces of driver tables when they have the expected shape, else ``None``."""
    if type(cuts) is not dict:
        return None
    out: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for name, cut in cuts.items():
        if not (type(cut) is list and len(cut) == 2 and type(cut[0]) is str and type(cut[1]) is list):
            return None
        parts = cut[1]
        if not all(type(p) is list and len(p) == 2 and type(p[0]) is str and type(p[1]) is str for p in parts):
            return None
        out[name] = (cut[0], [(piece, literal) for piece, literal in parts])
    return out


def _rule_of(entry: list[Any]) -> Rule:
    """A lark ``Rule`` from its form in the driver tables (:func:`milinc.grammar_tables.driver_tables`)."""
    origin, expansion, alias, order, options, _has_callback = entry
    keep_all_tokens, expand1, priority, template_source, empty_indices = options
    symbols: list[Symbol] = [
        Terminal(name, filter_out=bool(filter_out)) if is_term else NonTerminal(name)
        for name, is_term, filter_out in expansion
    ]
    return Rule(
        NonTerminal(origin), symbols, order, alias,
        RuleOptions(bool(keep_all_tokens), bool(expand1), priority, template_source, tuple(empty_indices)),
    )


def _last_token_starts(reversed_text: str, lo: int, anchor: int, lookback: int) -> list[int]:
    """The starts of the last *lookback* tokens (:data:`_TOKEN`) in ``text[lo:anchor]``, then *anchor*.

    What ``[m.start() for m in _TOKEN.finditer(text, lo, anchor)][-lookback:] + [anchor]`` gives (a
    word cut by *lo* starts at *lo*), read backwards from the anchor in the reversed text: a token
    is a whole run of word characters or one other non-space character, the same read either way,
    and only the tokens needed are scanned.
    """
    n = len(reversed_text)
    starts = [n - m.end() for m in islice(_TOKEN.finditer(reversed_text, n - anchor, n - lo), lookback)]
    starts.reverse()
    starts.append(anchor)
    return starts


def _snapshot(values: list[Any]) -> list[Any]:
    """A copy of a value stack that later reductions on either side cannot change.

    lark's LALR tree builder extends the children list of a ``rule*`` helper tree in
    place when the repetition grows (it assumes one parse, no copies), so a snapshot
    that shares those trees would see tokens added after it, and finishing it would
    add to the live parse. Transformed values are left shared: callbacks must not
    mutate their children.
    """
    return [Tree(v.data, list(v.children)) if type(v) is Tree else v for v in values]


class GrammarMatcher:
    """Finds the matches of one compiled grammar around anchor positions."""

    def __init__(
        self,
        lark: Lark | CompiledGrammar,
        anchors: re.Pattern[str],
        *,
        lookback: int = 4,
        window: int = 240,
        accept: Callable[[str, int, int], bool] | None = None,
    ) -> None:
        self._grammar = lark
        self.anchors = anchors
        """The regex of strong words a match must cover."""
        self.lookback = lookback
        """How many tokens before an anchor a match may start."""
        self.window = window
        """How many characters after an anchor a parse may read."""
        self.accept = accept
        """An extra check of a match's context, or ``None``."""
        try:
            if isinstance(lark, CompiledGrammar):
                self._driver: _Driver | None = _Driver.from_tables(lark.tables, lark.transformer)
            else:
                self._driver = _Driver.from_lark(lark)
        except (AttributeError, TypeError, KeyError, IndexError, ValueError):
            self._driver = None

    @property
    def lark(self) -> Lark:
        """The compiled grammar (LALR, basic lexer), as a ``Lark`` object (made on first use)."""
        grammar = self._grammar
        return grammar.lark if isinstance(grammar, CompiledGrammar) else grammar

    def parse_at(self, text: str, pos: int, limit: int) -> Match | None:
        """The longest match starting exactly at *pos* and ending by *limit*, if any."""
        return self._parse_from(text, pos, limit, None)

    def _parse_from(self, text: str, pos: int, limit: int, first: re.Match[str] | None) -> Match | None:
        """:meth:`parse_at`, the first token already lexed (:meth:`_Driver.first_token`) or ``None``."""
        if self._driver is None:
            return self._parse_at_interactive(text, pos, limit)
        driver = self._driver
        try:
            prefixes = driver.accepting_prefixes(text[pos:limit], first)
        except _CALLBACK_ERRORS:
            return None  # a transformer callback (a plugin's, say) failed: no match here, the parse goes on
        # the longest accepting prefix whose value is kept wins: try them longest first
        for end, state_stack, value_stack in reversed(prefixes):
            try:
                value = driver.finish(state_stack, value_stack)
            except _MATCH_ERRORS:
                continue
            if value is not None and (self.accept is None or self.accept(text, pos, pos + end)):
                return Match(pos, pos + end, value)
        return None

    def _parse_at_interactive(self, text: str, pos: int, limit: int) -> Match | None:
        """:meth:`parse_at` through lark's interactive parser (the reference behaviour)."""
        window = text[pos:limit]
        n = len(window)
        ip: Any = self.lark.parse_interactive(window)
        best: Match | None = None
        try:
            for tok in ip.lexer_thread.lex(ip.parser_state):
                end = tok.end_pos
                assert end is not None
                # a token must not stop inside a word ("juin" in "juinx")
                if end < n and _is_word(window[end]) and _is_word(window[end - 1]):
                    break
                ip.feed_token(tok)
                if "$END" in ip.choices():
                    try:
                        # finishing must not touch the trees the parse goes on with
                        finisher = ip.copy(deepcopy_values=False)
                        finisher.parser_state.value_stack = _snapshot(finisher.parser_state.value_stack)
                        value = finisher.feed_eof()
                    except _MATCH_ERRORS:
                        continue
                    if value is not None and (self.accept is None or self.accept(text, pos, pos + end)):
                        best = Match(pos, pos + end, value)
        except _MATCH_ERRORS:
            pass
        return best

    def _candidate_starts(self, text: str, anchor: int, floor: int) -> list[int]:
        lo = max(floor, anchor - 12 * self.lookback)
        before = [m.start() for m in _TOKEN.finditer(text, lo, anchor)]
        return [*before[-self.lookback :], anchor] if self.lookback else [anchor]

    def _can_start(self, text: str, pos: int, limit: int) -> bool:
        """False only where :meth:`parse_at` surely finds nothing: no token the grammar can begin with is there."""
        return self._driver is None or self._driver.can_start(text, pos, limit)

    def finditer(self, text: str, *, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """Leftmost-longest matches, left to right, never overlapping."""
        n = len(text)
        stop = n if end is None else end
        pos = start
        driver = self._driver
        first_token = driver.first_token if driver is not None else None
        parse_from = self._parse_from
        lookback = self.lookback
        reach = 12 * lookback
        window = self.window
        reversed_text = text[::-1] if lookback else ""
        for count, m in enumerate(self.anchors.finditer(text, start, stop)):
            if not count & 63:
                budget.check("grammar matching")  # a time budget (milinc.budget) is checked every 64 anchors
            a = m.start()
            if a < pos:
                continue
            # look for line breaks only as far as a match can reach (a document may be one long line)
            reach_back = a - reach if a > reach else 0
            line_start = text.rfind("\n", reach_back, a) + 1
            if line_start < reach_back:
                line_start = reach_back
            line_end = text.find("\n", a, a + window)
            limit = line_end if line_end >= 0 else n
            if a + window < limit:
                limit = a + window
            if stop < limit:
                limit = stop
            if lookback:
                # _candidate_starts(text, a, max(pos, line_start)), written out: it runs for every anchor
                lo = pos if pos > line_start else line_start
                if lo < a - reach:
                    lo = a - reach
                starts = _last_token_starts(reversed_text, lo, a, lookback)
            else:
                starts = [a]
            for s in starts:
                first = first_token(text, s, limit) if first_token is not None else True
                if first is False:
                    continue  # most words before an anchor cannot begin a match: skip the parse
                found = parse_from(text, s, limit, None if first is True else first)
                if found is not None and found.end >= m.end():
                    yield found
                    pos = found.end
                    break
