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
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from typing import Any

import attrs
from lark import Lark, Token, Transformer, Tree
from lark.exceptions import LarkError
from lark.lexer import BasicLexer, UnlessCallback
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_parser_state import ParseConf

from . import cache, grammar_tables, regexes, trie_regex
from .lexer_dispatch import FirstCharLexer

__all__ = [
    "GrammarMatcher",
    "Match",
    "compile_grammar",
    "grammar_source",
    "lexicon_regex",
    "words_regex",
]

_LEXICON_PLACEHOLDER = re.compile(r"/@LEXICON:(\w+)@/")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_cache_lock = threading.Lock()
_compiled: dict[tuple[str, str, int], Lark] = {}


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
        regex, initials = trie_regex.lexicon_regex_and_initials(given)
    else:  # building a big trie in Python costs start-up time: it is shipped, or cached as plain data
        regex, initials = _stored_lexicon_regex(given)
    if len(_lexicon_initials) < 1000:  # bounded: plugins may build lexicons at will
        _lexicon_initials[regex] = tuple(initials)
    return regex


_built_lexicons: dict[str, tuple[str, tuple[str, ...]]] = {}
"""The lexicon regexes built in memory in this process, by key (what ``scripts/build_tables.py`` ships)."""


def lexicon_key(phrases: Iterable[str]) -> str:
    """The key of a lexicon's regex: a digest of the builder's code and of the sorted phrases."""
    return cache.digest("\0".join(("milinc-lexicon", trie_regex.builder_fingerprint(), *sorted(set(phrases)))))


@functools.cache
def _shipped_lexicons() -> dict[str, Any]:
    try:
        text = resources.files("milinc").joinpath("compiled").joinpath("lexicons.json").read_bytes()
        found = json.loads(text)
    except (OSError, ValueError):
        return {}
    return found if type(found) is dict else {}


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


_lexicon_initials: dict[str, tuple[str, ...]] = {}
"""The first few characters of the phrases of each regex :func:`lexicon_regex` built (cut at the
first space, which the regex lets stand for any run of spaces): a superset of where that regex
can match, small to compile (see :func:`_first_token_regex`)."""
_INITIAL_CHARS = trie_regex.INITIAL_CHARS
_trie_regex = trie_regex.trie_regex
_alternation_regex = trie_regex.alternation_regex  # the reference the trie is checked against


def words_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A compiled regex finding any of *words* (normalized) as whole words."""
    return regexes.compile(r"(?<![^\W_])" + lexicon_regex(words))


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
    return lark


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


_SPLIT_FROM = 40
"""Lexers with this many terminals or more are split by first character (:mod:`milinc.lexer_dispatch`).

Measured on the benchmark corpus: the dates lexer (about 100 terminals) matches three times
faster split; the weapons, events and quantities lexers (11 to 27) gain nothing.
"""


class _Driver:
    """A lean LALR driver over a compiled grammar's own tables, lexer and callbacks.

    It does what ``lark.parse_interactive`` + ``feed_token`` + ``copy().feed_eof()`` do,
    token for token, without their per-call objects (lexer thread, line counter,
    interactive-parser copies) and without an exception for the common "this token
    cannot come here" stop; most candidate starts die at their first token, so that
    one is checked before anything is built. Where lark's internals are not the
    expected ones (another lexer, a post-lexer), :meth:`GrammarMatcher.parse_at` uses
    lark's public API instead.
    """

    __slots__ = (
        "callbacks", "conf", "end_state", "end_token", "first_char", "ignore", "keyword_of", "mres", "shift_callbacks",
        "start_state", "states", "table",
    )

    def __init__(self, lark: Lark) -> None:
        frontend = lark.parser
        lexer = frontend.lexer
        if type(lexer) is not BasicLexer or lark.options.postlex is not None:
            raise TypeError("not a basic-lexer LALR parser")
        parser = frontend.parser.parser
        if lexer._scanner is None:
            lexer.re = regexes.CachingRe()  # type: ignore[assignment]  # its big combined regexes, from the disk cache
        self.conf: ParseConf[int] = ParseConf(parser.parse_table, parser.callbacks, lark.options.start[0])
        self.states: dict[Any, dict[str, tuple[Any, Any]]] = self.conf.states
        self.start_state: int = self.conf.start_state
        self.end_state: int = self.conf.end_state
        self.table = _action_table(self.states, parser.callbacks)
        self.shift_callbacks: dict[str, Callable[[Token], Any]] = {
            name: cb for name, cb in parser.callbacks.items() if type(name) is str
        }
        self.mres: tuple[re.Pattern[str], ...] = tuple(lexer.scanner._mres)
        self.first_char: FirstCharLexer | None = None
        if len(self.mres) == 1 and not lexer.scanner.use_bytes and len(lexer.scanner.terminals) >= _SPLIT_FROM:
            # the single combined regex, split by first character (same matches, fewer branches tried)
            scanner = lexer.scanner
            self.first_char = FirstCharLexer(
                [(t.name, t.pattern.to_regexp()) for t in scanner.terminals], scanner.g_regex_flags
            )
        self.callbacks: dict[str, Callable[[Token], Any]] = lexer.callback
        # keywords that a generic terminal also matches (lark's UnlessCallback): the
        # new type depends on the text only, so it is looked up once per word
        self.keyword_of: dict[str, tuple[Any, dict[str, str]]] = {
            name: (cb.scanner, {}) for name, cb in self.callbacks.items() if type(cb) is UnlessCallback
        }
        self.ignore: frozenset[str] = lexer.ignore_types
        self.end_token = Token("$END", "", 0, 1, 1)

    def _retype(self, type_: str, value: str) -> str:
        scanner, seen = self.keyword_of[type_]
        new = seen.get(value)
        if new is None:
            if len(seen) > 50_000:  # an unbounded vocabulary must not grow memory forever
                seen.clear()
            new = seen[value] = scanner.fullmatch(value) or type_
        return new

    def accepting_prefixes(self, window: str) -> list[tuple[int, list[Any], list[Any]]]:
        """Parser snapshots after each token where the input could end, shortest first.

        Tokens are lexed and fed exactly as lark does; the first token that cannot be
        lexed, that stops inside a word, or that the parser refuses, ends the scan.
        The LALR step is lark's ``ParserState.feed_token`` written inline over
        :func:`_action_table` (same actions, reductions and callbacks), since it runs
        for every token.
        """
        n = len(window)
        table = self.table
        ignore = self.ignore
        callbacks = self.callbacks
        keyword_of = self.keyword_of
        mres = self.mres
        shift_callbacks = self.shift_callbacks
        new_token: Callable[..., Token] = Token._future_new
        state_stack: list[int] = [self.start_state]
        value_stack: list[Any] = []
        actions = table[self.start_state]
        first_char = self.first_char
        by_char = first_char.by_char if first_char is not None else None
        out: list[tuple[int, list[Any], list[Any]]] = []
        pos = 0
        try:
            while pos < n:
                if by_char is not None:
                    ch = window[pos]
                    mre = by_char[ch] if ch in by_char else first_char.regex_for(ch)  # type: ignore[union-attr]
                    m = mre.match(window, pos) if mre is not None else None
                    if m is None:
                        break  # lark: UnexpectedCharacters
                else:
                    for mre in mres:
                        m = mre.match(window, pos)
                        if m is not None:
                            break
                    else:
                        break  # lark: UnexpectedCharacters
                value = m.group(0)
                type_: str = m.lastgroup  # type: ignore[assignment]
                end = pos + len(value)
                tok: Token | None = None
                if type_ in callbacks:
                    if type_ in keyword_of:
                        type_new = self._retype(type_, value)
                    else:
                        # the window never holds a line break: line 1, column = offset + 1
                        tok = callbacks[type_](new_token(type_, value, pos, 1, pos + 1, 1, end + 1, end))
                        type_new = tok.type
                    if type_ in ignore:
                        pos = end
                        continue
                    type_ = type_new
                elif type_ in ignore:
                    pos = end
                    continue
                # a token must not stop inside a word ("juin" in "juinx")
                if end < n and (window[end].isalnum() or window[end] == "_") and (
                    window[end - 1].isalnum() or window[end - 1] == "_"
                ):
                    break
                if type_ not in actions:
                    break  # lark: UnexpectedToken
                if tok is None:
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


def _first_token_regex(lark: Lark, driver: _Driver) -> re.Pattern[str] | None:
    """A regex that matches wherever the driver would feed the parser a first token it accepts.

    It is the alternation of the terminals the start state has an action for (from
    the LALR table), each followed by the driver's rule that a token must not stop
    inside a word, plus the ignored terminals (which the driver skips before the
    first token). A keyword lark folds into a generic terminal ("unless") is listed
    in the table under its own name with its own pattern, so it is included too.
    ``None`` (no filtering) when a lexer callback could change a token's type.
    """
    if any(type(cb) is not UnlessCallback for cb in driver.callbacks.values()):
        return None
    first = set(driver.states[driver.conf.start_state])
    patterns = [_first_token_pattern(t) for t in lark.terminals if t.name in first]
    patterns += [f"(?:{t.pattern.to_regexp()})" for t in lark.terminals if t.name in driver.ignore]
    if not patterns:
        return None
    try:
        return regexes.compile("|".join(patterns))
    except re.error:
        return None


def _first_token_pattern(terminal: Any) -> str:
    """The pattern of a terminal a match may begin with, for :func:`_first_token_regex`.

    A lexicon terminal is replaced by the first few characters of its phrases: a
    superset, so no match is lost, and compiling the big lexicon regex a second
    time (the lexer already holds it) would cost more start-up than it saves.
    """
    pattern = terminal.pattern
    initials = _lexicon_initials.get(pattern.value.replace("\\/", "/")) if not pattern.flags else None
    if initials is not None:
        # a first word kept whole is followed by spaces or the phrase's end: never by a letter or digit
        cut = [[p] for p in initials if len(p) >= _INITIAL_CHARS]
        whole = [[p] for p in initials if len(p) < _INITIAL_CHARS]
        branches = [f"(?:{_trie_regex(whole)})(?![^\\W_])"] if whole else []
        branches += [f"(?:{_trie_regex(cut)})"] if cut else []
        return "|".join(branches) if branches else r"(?!x)x"
    return f"(?:{pattern.to_regexp()})(?!(?<=\\w)\\w)"


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
        lark: Lark,
        anchors: re.Pattern[str],
        *,
        lookback: int = 4,
        window: int = 240,
        accept: Callable[[str, int, int], bool] | None = None,
    ) -> None:
        self.lark = lark
        """The compiled grammar (LALR, basic lexer)."""
        self.anchors = anchors
        """The regex of strong words a match must cover."""
        self.lookback = lookback
        """How many tokens before an anchor a match may start."""
        self.window = window
        """How many characters after an anchor a parse may read."""
        self.accept = accept
        """An extra check of a match's context, or ``None``."""
        try:
            self._driver: _Driver | None = _Driver(lark)
        except (AttributeError, TypeError, KeyError, IndexError):
            self._driver = None
        self._first = _first_token_regex(lark, self._driver) if self._driver is not None else None

    def parse_at(self, text: str, pos: int, limit: int) -> Match | None:
        """The longest match starting exactly at *pos* and ending by *limit*, if any."""
        if self._driver is None:
            return self._parse_at_interactive(text, pos, limit)
        driver = self._driver
        try:
            prefixes = driver.accepting_prefixes(text[pos:limit])
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
        first = self._first
        # endpos=limit: the word-boundary lookahead sees the window's end exactly as the driver does
        return first is None or first.match(text, pos, limit) is not None

    def finditer(self, text: str, *, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """Leftmost-longest matches, left to right, never overlapping."""
        stop = len(text) if end is None else end
        pos = start
        for m in self.anchors.finditer(text, start, stop):
            a = m.start()
            if a < pos:
                continue
            # look for line breaks only as far as a match can reach (a document may be one long line)
            reach_back = max(0, a - 12 * self.lookback)
            line_start = max(text.rfind("\n", reach_back, a) + 1, reach_back)
            line_end = text.find("\n", a, a + self.window)
            limit = min(stop, line_end if line_end >= 0 else len(text), a + self.window)
            for s in self._candidate_starts(text, a, max(pos, line_start)):
                if not self._can_start(text, s, limit):
                    continue  # most words before an anchor cannot begin a match: skip the parse
                found = self.parse_at(text, s, limit)
                if found is not None and found.end >= m.end():
                    yield found
                    pos = found.end
                    break
