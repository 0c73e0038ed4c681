"""Weapons: taxonomy ``data/weapons.json``, grammar ``grammars/weapons.lark``.

:class:`WeaponExtractor` finds every weapon, munition and weapon-platform
mention (see the weapons policy). Before parsing, it masks the words that only look like
weapons (``false_friends`` of the taxonomy: "mine d'or", "char à voile", and
"armé"/"miné", whose accents fold onto "arme"/"mine"), so that neither the
anchors nor the grammar see them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .. import engine
from ..extensions import Extensions
from ..lexicon_pattern import WORD_START, lexicon_pattern
from ..normalize import fold, phrase_key
from ..ontology import Span, Weapon, WeaponCategory
from .mentions import Draft, Part, WeaponTransformer, make_transformer
from .taxonomy import (
    CategoryInfo,
    SystemAlias,
    SystemInfo,
    Taxonomy,
    build_taxonomy,
    load_taxonomy,
    load_taxonomy_data,
    render_markdown,
)

if TYPE_CHECKING:
    from lark import Lark

    from ..context import ExtractionContext

__all__ = [
    "CategoryInfo",
    "Draft",
    "Part",
    "SystemInfo",
    "Taxonomy",
    "WeaponExtractor",
    "WeaponTransformer",
    "build_taxonomy",
    "load_taxonomy",
    "load_taxonomy_data",
    "render_markdown",
]

# Words that end a mention even between a head and a name ("des drones visant *des* Shahed").
_GAP_STOPWORDS = frozenset({
    "et", "ou", "ni", "mais", "dont", "ont", "a", "sont", "est", "etait", "par", "avec", "sur", "dans",
    "vers", "contre", "pour", "le", "la", "les", "des", "un", "une", "du", "de", "au", "aux", "en", "qui",
    "que", "selon", "depuis", "apres", "avant", "lors", "ainsi", "puis", "tandis", "alors", "comme", "entre",
    "sans", "sous", "chez",
})

LOOKBACK = 4
"""Tokens tried before an anchor: "*tirs d'*artillerie", "*système de* défense aérienne"."""

# Words right after these prefixes are not weapons of their own ("anti-drones", "contre-roquettes").
_NOT_AFTER = r"(?<!anti-)(?<!contre-)(?<!anti)"
_BRACKET = re.compile(r"\[([^\]]+)\]|([^\[]+)")
_LONE_A = re.compile(r"(?<![\w-])a(?![\w'’-])")
"""The word "a" in the normalized text: the preposition "à" or the verb "a"."""


def _phrase_pattern(phrase: str) -> str:
    """A regex for a false-friend phrase, each bracketed word a capturing group."""
    pieces: list[str] = []
    for masked, plain in _BRACKET.findall(phrase):
        text = fold(masked or plain)
        body = r"\s+".join(re.escape(w) for w in text.split(" ") if w)
        if text.startswith(" ") and pieces:
            body = r"\s+" + body
        if text.endswith(" ") and not masked:
            body = body + r"\s+"
        pieces.append(f"({body})" if masked else body)
    return r"(?<![^\W_])" + "".join(pieces) + r"(?![^\W_])"


def _phrase_words(phrase: str, found: str) -> tuple[str, ...]:
    """The words a match of the false-friend *phrase* must contain besides *found*, its bracketed word
    already found in the text, longest (most telling) first."""
    words = {w for piece in _BRACKET.findall(phrase) for w in fold(piece[0] or piece[1]).split(" ") if w}
    return tuple(sorted(words - {found}, key=lambda w: (-len(w), w)))


def _original_text(ctx: ExtractionContext, start: int, end: int) -> str:
    """``ctx.span(start, end).text`` without building the span (for texts that are not kept as spans)."""
    first, last = ctx.norm.to_original(start, end)
    return ctx.original[first:last]


def _holds_word(phrase: str, word: str) -> bool:
    """Whether *word* stands in *phrase* as a whole word ("mine" in "mine d'or", not in "minier")."""
    # the regex (?<![^\W_])word(?![^\W_]) read with str methods ([^\W_] is isalnum): no regex compiled per pair
    at = phrase.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not phrase[at - 1].isalnum()) and (end == len(phrase) or not phrase[end].isalnum()):
            return True
        at = phrase.find(word, at + 1)
    return False


class _Masker:
    """Uppercases, in the normalized text, the weapon words that are not weapons here."""

    _REACH = 80
    """How far around a weapon word its false-friend phrases are looked for."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        # phrases grouped by their bracketed word: only occurrences of that word are checked
        # each phrase's regex is compiled the first time its words are all found near its word (most never are)
        self.by_word: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in taxonomy.false_friends:
            for word in re.findall(r"\[([^\]]+)\]", phrase):
                self.by_word.setdefault(phrase_key(word), []).append((_phrase_words(phrase, fold(word)), phrase))
        self._patterns: dict[str, re.Pattern[str]] = {}
        self.words = engine.words_regex(self.by_word) if self.by_word else None
        folded = sorted({fold(w) for w in taxonomy.accented_false_friends}, key=len, reverse=True)
        self.accented = {w.lower() for w in taxonomy.accented_false_friends}
        self.accent_candidates = engine.words_regex(folded) if folded else None
        # When the phrase words include every accented candidate, and none of them is part of a longer
        # phrase word, the scan for phrase words finds exactly the accented candidates too: one scan, not two.
        self.accent_words: frozenset[str] = frozenset(folded)
        self.accents_in_words = bool(folded) and all(
            word in self.by_word and not any(_holds_word(other, word) for other in self.by_word if other != word)
            for word in folded
        )

    def _pattern(self, phrase: str) -> re.Pattern[str]:
        rx = self._patterns.get(phrase)
        if rx is None:
            rx = self._patterns[phrase] = re.compile(_phrase_pattern(phrase))
        return rx

    def mask(self, ctx: ExtractionContext) -> str:
        """The normalized text with every false friend uppercased (so no lexicon matches it)."""
        text = ctx.text
        hidden: list[tuple[int, int]] = []
        accent_candidates: list[tuple[int, int]] = []
        if self.words is not None:
            by_word = self.by_word
            accent_words = self.accent_words if self.accents_in_words else frozenset()
            for w in self.words.finditer(text):
                word = phrase_key(w.group())
                if word in accent_words:
                    accent_candidates.append(w.span())
                lo, hi = max(0, w.start() - self._REACH), min(len(text), w.end() + self._REACH)
                around = text[lo:hi]
                for needed, phrase in by_word.get(word, ()):
                    # most phrases cannot be there (a word of theirs is missing): skip their regex scan
                    if not all(word in around for word in needed):
                        continue
                    rx = self._pattern(phrase)
                    for m in rx.finditer(text, lo, hi):
                        hidden += [m.span(g) for g in range(1, (rx.groups or 0) + 1) if m.start(g) >= 0]
        if self.accent_candidates is not None and not self.accents_in_words:
            accent_candidates = [m.span() for m in self.accent_candidates.finditer(text)]
        for start, end in accent_candidates:
            if _original_text(ctx, start, end).lower() in self.accented:
                hidden.append((start, end))
        if not hidden:
            return text
        chars = list(text)
        for start, end in hidden:
            upper = text[start:end].upper()
            # offsets must not move: a word whose capitals are longer ("ß") is blanked instead
            chars[start:end] = upper if len(upper) == end - start else "X" * (end - start)
        return "".join(chars)


# A word of a ship's own name: capitalized ("Carney", "Charles-de-Gaulle"), or an initial before one ("D.").
_SHIP_WORD = r"(?:[A-Z]\.(?=\s+[A-Z])|[A-Z][\w'’]*(?:-[\w'’]+)*)"
_SHIP_NAME = rf"{_SHIP_WORD}(?:[ \t\u00a0]+{_SHIP_WORD}){{0,3}}"
_SHIP_GAP = re.compile(r"[ \t\u00a0]+")


class _ShipNames:
    """Ships' own names: a warship mention, never a system name (weapons policy).

    "l'USS Carney", "la frégate HMS Diamond", "le croiseur Moskva": a prefix from the data
    ("USS", "HMS") and capitalized words make a warship mention of their own, or extend the
    warship mention right before them; capitalized words right after a warship noun extend it.
    """

    def __init__(self, prefixes: tuple[str, ...]) -> None:
        self.quick: re.Pattern[str] | None = None
        self.prefixed: re.Pattern[str] | None = None
        if prefixes:
            alternatives = "|".join(sorted(map(re.escape, prefixes), key=len, reverse=True))
            # a lookbehind tried at every position costs 8 times the plain scan: it is checked by hand
            self.quick = re.compile(rf"(?:{alternatives})[ \t\u00a0]+[A-Z]")
            self.prefixed = re.compile(rf"(?:{alternatives})[ \t\u00a0]+{_SHIP_NAME}(?![\w-])")
        self.after_noun = re.compile(rf"[ \t\u00a0]+({_SHIP_NAME})(?![\w-])")

    def may_occur(self, text: str) -> bool:
        """Whether the text may hold a prefixed ship name (a cheap test before the scan)."""
        return self.quick is not None and self.quick.search(text) is not None

    def prefixed_names(self, text: str) -> list[tuple[int, int]]:
        """Where the text names a ship with its prefix ("USS Carney")."""
        if self.quick is None or self.prefixed is None:
            return []
        out: list[tuple[int, int]] = []
        for m in self.quick.finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                continue  # inside a word ("BUSS Dan")
            name = self.prefixed.match(text, start)
            if name is not None:
                out.append(name.span())
        return out

    def apply(self, text: str, weapons: list[Weapon]) -> list[Weapon]:
        """The mentions with ships' names joined to their warship mention or added as new ones."""
        names = self.prefixed_names(text)
        out = list(weapons)
        for index, weapon in enumerate(out):
            if weapon.category is not WeaponCategory.WARSHIP:
                continue
            limit = out[index + 1].span.start if index + 1 < len(out) else len(text)
            end = weapon.span.end
            gap = _SHIP_GAP.match(text, end)
            prefixed = next((n for n in names if gap is not None and n[0] == gap.end()), None)
            if prefixed is not None:
                end = prefixed[1]
            else:
                named = self.after_noun.match(text, end, limit)
                if named is not None:
                    end = named.end(1)
            if end != weapon.span.end and end <= limit:
                out[index] = attrs.evolve(weapon, span=Span(weapon.span.start, end, text[weapon.span.start:end]))
        taken = [w.span for w in out]
        for start, end in names:
            if any(s.start <= start and end <= s.end for s in taken):
                continue
            out.append(Weapon(span=Span(start, end, text[start:end]), category=WeaponCategory.WARSHIP, rule="ship_name"))
        # a system name inside a ship's name ("USS Harpoon") is part of the ship, not a weapon of its own
        ships = [w.span for w in out if w.category is WeaponCategory.WARSHIP]
        out = [w for w in out if w.category is WeaponCategory.WARSHIP or not any(
            s.start <= w.span.start and w.span.end <= s.end for s in ships)]
        return sorted(out, key=lambda w: w.span.start)


class WeaponExtractor:
    """Finds every weapon, munition and weapon-platform mention.

    Args:
        extensions: what plugins add (grammar fragments, lexicon entries, callbacks).
        taxonomy: the taxonomy to read with; the built-in one by default.
    """

    def __init__(self, extensions: Extensions, taxonomy: Taxonomy | None = None) -> None:
        self.extensions = extensions
        """The plugins' additions this extractor was built with."""
        self.taxonomy = self._extended(taxonomy, extensions)
        """The taxonomy with the plugins' entries."""
        tax = self.taxonomy
        lexicons = {
            "weapon_nouns": list(tax.nouns),
            "weapon_modifiers": list(tax.modifiers),
            "weapon_complements": list(tax.complements),
            "weapon_systems": list(tax.aliases),
        }
        self.transformer = make_transformer(tax, extensions.callbacks_for("weapons"))
        """Builds weapon mentions inside the parser."""
        source = extensions.grammar_for("weapons", engine.grammar_source("weapons"))
        self.grammar = engine.compile_for_matching(source, transformer=self.transformer, lexicons=lexicons)
        """The compiled weapons grammar (its ``Lark`` object is ``grammar.lark``)."""
        self.matcher = engine.GrammarMatcher(self.grammar, self._anchors(tax), lookback=LOOKBACK)
        """Finds the grammar's matches around weapon nouns and system names."""
        self.masker = _Masker(tax)
        """Hides false friends ("groupe armé", "mine d'or") before parsing."""
        self.ship_names = _ShipNames(tax.ship_prefixes)
        """Finds ships' own names ("USS Carney") on the original text."""

    @property
    def lark(self) -> Lark:
        """The compiled weapons grammar as a ``Lark`` object (loaded on first use)."""
        return self.grammar.lark

    @staticmethod
    def _extended(taxonomy: Taxonomy | None, extensions: Extensions) -> Taxonomy:
        """The taxonomy (the built-in one by default) with the plugins' nouns and systems added.

        With plugin entries, the result is the built-in data plus those entries (a given
        taxonomy is not extended), so the built-in taxonomy is only built when it is used as is.
        """
        extra_nouns = extensions.lexicon("weapon_nouns", [])
        extra_systems = extensions.lexicon("weapon_systems", [])
        extra_modifiers = extensions.lexicon("weapon_modifiers", [])
        extra_complements = extensions.lexicon("weapon_complements", [])
        if not (extra_nouns or extra_systems or extra_modifiers or extra_complements):
            return taxonomy or load_taxonomy()
        data = load_taxonomy_data()
        for key, entries in (("modifiers", extra_modifiers), ("complements", extra_complements)):
            data.setdefault(key, []).extend({"phrase": e} if isinstance(e, str) else dict(e) for e in entries)
        for entry in extra_nouns:
            item = {"phrase": entry} if isinstance(entry, str) else dict(entry)
            cat = item.pop("category", None)
            if cat is None:
                data.setdefault("carriers", []).append(item)
            else:
                data["categories"][str(getattr(cat, "value", cat))]["nouns"].append(item)
        for entry in extra_systems:
            item = dict(entry)
            item["category"] = str(getattr(item["category"], "value", item["category"]))
            data["systems"].append(item)
        return build_taxonomy(data)

    @staticmethod
    def _anchors(tax: Taxonomy) -> re.Pattern[str]:
        words: list[str] = [form for form, noun in tax.nouns.items() if not noun.carrier or noun.default]
        # names that need a head are anchors too: the head may be a carrier ("système *Tor*")
        words += list(tax.aliases)
        words += [form for form, mod in tax.modifiers.items() if mod.category is not None]
        words += [form for form, comp in tax.complements.items() if comp.category is not None]
        # the first word of each phrase is enough: the parse from there covers the rest
        first_words = {w.split(" ")[0] for w in words}
        return lexicon_pattern(first_words, before=WORD_START + _NOT_AFTER)

    def drafts(self, text: str) -> Iterator[tuple[int, Draft]]:
        """Every draft mention of a normalized text, left to right.

        Args:
            text: the normalized text, false friends already masked.

        Yields:
            ``(offset, draft)``: the draft's offsets are relative to *offset*.
        """
        for match in self.matcher.finditer(text):
            yield match.start, match.value

    def extract(self, ctx: ExtractionContext) -> list[Weapon]:
        """Every weapon mention of the text.

        Args:
            ctx: the parse context; its normalized text is read, its spans map back.

        Returns:
            The mentions in text order, without ``count`` (the pipeline attaches it).
        """
        text = self.masker.mask(ctx)
        out: list[Weapon] = []
        for offset, draft in self.drafts(text):
            shorter = self._before_verb_a(ctx, text, offset, draft)
            if shorter is not None:
                offset, draft = shorter
            weapon = self._weapon(ctx, offset, draft)
            if weapon is None:
                continue
            if out and self._names_it(ctx, out[-1], weapon):
                out[-1] = attrs.evolve(
                    out[-1],
                    span=Span(out[-1].span.start, weapon.span.end, ctx.original[out[-1].span.start : weapon.span.end]),
                    name=weapon.name,
                    subtype=out[-1].subtype or weapon.subtype,
                    rule="headed+name",
                )
                continue
            out.append(weapon)
        return self.ship_names.apply(ctx.original, out) if out or self.ship_names.may_occur(ctx.original) else out

    def _before_verb_a(self, ctx: ExtractionContext, text: str, offset: int, draft: Draft) -> tuple[int, Draft] | None:
        """The mention cut before the verb "a", when one stands in it ("voiture piégée *a attaqué*").

        Accents are folded before parsing, so the preposition "à" of "à courte portée" and the verb
        "a" read alike; the original text tells them apart. ``None`` when there is nothing to cut.
        """
        start, end = offset + draft.start, offset + draft.end
        for m in _LONE_A.finditer(text, start, end):
            if _original_text(ctx, m.start(), m.end()) in ("a", "A"):
                found = self.matcher.parse_at(text, start, m.start())
                return (found.start, found.value) if found is not None else None
        return None

    @staticmethod
    def _names_it(ctx: ExtractionContext, head: Weapon, name: Weapon) -> bool:
        """Whether a bare system name right after an unnamed head names it.

        "avion de chasse multirôle F-16": the grammar stops at "multirôle", a word it
        does not know; one or two plain words between a head and a name of the
        same category still make one mention.
        """
        if head.name is not None or name.rule != "named" or head.category != name.category:
            return False
        gap = ctx.original[head.span.end : name.span.start]
        if len(gap) > 40 or "\n" in gap:
            return False
        words = gap.split()
        return len(words) <= 2 and all(
            w.isalpha() and fold(w) not in _GAP_STOPWORDS for w in words
        )

    def _name_ok(self, ctx: ExtractionContext, offset: int, draft: Draft) -> bool:
        alias = draft.system
        if alias is None or not alias.capitalized:
            return True
        written = _original_text(ctx, offset + draft.name_start, offset + draft.name_end)
        return written[:1].isupper()

    def _weapon(self, ctx: ExtractionContext, offset: int, draft: Draft) -> Weapon | None:
        if not self._name_ok(ctx, offset, draft):
            reduced = draft.without_name()
            if reduced is None:
                return None
            draft = reduced
        system: SystemAlias | None = draft.system
        modifiers = tuple(_original_text(ctx, offset + s, offset + e) for s, e in draft.modifiers)
        return Weapon(
            span=ctx.span(offset + draft.start, offset + draft.end),
            category=draft.category,
            name=system.reported if system else None,
            subtype=draft.subtype,
            modifiers=modifiers,
            rule=draft.rule,
        )

