"""The words around a place name: what introduces it ("le village de", "près de", "au nord de", "à"),
what says it is no place ("l'agence", "le général"), and what an apposition after it says (", une ville").

Every list is data (``data/place_cues.json``) that plugins extend through lexicons (``place_cue_nouns``,
``place_cue_modifiers``, ``place_proximity``, ``place_directions``, ``place_locatives``,
``place_not_names``, ``place_not_before``). The reader works on the words of the normalized text
(lowercase, no accents) just before or after a name, with set look-ups: no regex is built from the
lists, so building it costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import regexes
from ..normalize import fold
from ..ontology import PlaceKind

if TYPE_CHECKING:
    from ..extensions import Extensions

__all__ = ["Cue", "CuesReader", "words"]

_WORD = regexes.lazy(r"[^\W_]+(?:-[^\W_]+)*")
_ARTICLES_AFTER_DE = frozenset({"la", "l"})
_DE = frozenset({"de", "du", "des", "d"})
_LOCATIVE_ARTICLES = frozenset({"la", "le", "les", "l"})
_APPOSITION_DETERMINERS = frozenset({"une", "un", "la", "le", "l", "cette", "ce"})
_PUNCTUATION = ",;:.!?()[]\"«»"
_CUE_REACH = 64
"""Characters before a name read for its cue ("à quelques kilomètres au nord-ouest de la localité de ")."""
_FUNCTION_WORDS = frozenset({"la", "le", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "en", "a", "dans",
                             "sur", "pres", "vers", "qui", "que", "et", "ou", "par", "pour"})
_NEAR_AFTER = regexes.lazy(r", (?:pres|non loin|tout pres|a proximite|a cote|aux abords) d|, a (?:une |quelque |quelques |environ |une centaine de "
                         r"|une dizaine de |une vingtaine de )?(?:\d+|[a-z]+) (?:km|kilometres?|miles?) (?:au |a l')?")
_CLOSING_QUOTE = regexes.lazy(r' ?" ?(?=,)')
_SENTENCE_ENDS = ".!?;:\n\"«»"
_INSIDE_AFTER = regexes.lazy(r", dans (?:la |le |l')([a-z]+) (?:de |d'|du |des )")
_DIVISIONS = frozenset({PlaceKind.PROVINCE, PlaceKind.REGION, PlaceKind.DISTRICT})
_REPORTING_AFTER = regexes.lazy(r"\s*,?\s*(?:a|ont|avait|avaient) (?P<verb>[a-z]+)")
_APPOSITION_ADJECTIVES = frozenset({"petite", "petit", "grande", "grand", "minuscule", "importante", "important"})


def words(text: str, tail: int | None = None) -> list[tuple[str, int]]:
    """The words of a normalized text with their offsets; "d'", "l'" are words "d", "l". With *tail*, only
    the words of its last *tail* characters (a cue is a few words long: the rest is not read)."""
    pos = 0 if tail is None else max(0, len(text) - tail)
    return [(m.group(), m.start()) for m in _WORD.finditer(text, pos)]


def _phrase(text: str) -> str:
    """A data phrase as the reader compares it: folded words joined by one space."""
    return " ".join(w for w, _ in words(fold(text)))


class Cue:
    """What the words before (or after) a name say about it."""

    __slots__ = ("kind", "precision", "start", "strong", "word")

    def __init__(self, kind: PlaceKind | None, strong: bool, word: str, precision: int | None = None,
                 start: int = 0) -> None:
        self.kind = kind
        """The kind of place a noun cue names ("village" → town); ``None`` for the other cues."""
        self.strong = strong
        """A capitalized name after it is a place even when no gazetteer has it."""
        self.word = word
        """The cue's words (for ``--explain``)."""
        self.precision = precision
        """2 for "près de X", "au nord de X" (ACLED: a nearby place); ``None`` otherwise."""
        self.start = start
        """Offset of the cue's first word in the window it was read from."""

    def __repr__(self) -> str:
        return f"Cue({self.word!r}, kind={self.kind}, strong={self.strong}, precision={self.precision})"


class CuesReader:
    """Reads the cue before a name, from ``data/place_cues.json`` and the plugins' lexicons."""

    def __init__(self, data: Mapping[str, Any], extensions: Extensions | None = None) -> None:
        def lexicon(name: str, base: list[Any]) -> list[Any]:
            return extensions.lexicon(name, base) if extensions is not None else base

        nouns: dict[str, tuple[PlaceKind, bool]] = {}
        base = [{"name": k, "kind": v[0], "strong": v[1]} for k, v in data["nouns"].items()]
        for entry in lexicon("place_cue_nouns", base):
            record = {"name": entry} if isinstance(entry, str) else entry
            nouns[_phrase(record["name"])] = (PlaceKind(record.get("kind", "town")), bool(record.get("strong", True)))
        self.nouns = nouns
        """Noun phrase → (kind of place, strong)."""
        self.modifiers = frozenset(_phrase(m) for m in lexicon("place_cue_modifiers", list(data.get("noun_modifiers", ()))))
        """Words between a noun and "de" ("la base *aérienne américaine* de")."""
        self._modifier_stems = frozenset(_stem(m) for m in self.modifiers if " " not in m)
        """The one-word modifiers without their gender and number ("américain", "américaines")."""
        self.proximity = frozenset(_phrase(p) for p in lexicon("place_proximity", list(data["proximity"])))
        """Words before "de X" that put the scene near X ("près", "aux abords")."""
        self.directions = frozenset(_phrase(d) for d in lexicon("place_directions", list(data["directions"])))
        """Directions before "de X" ("nord", "sud-est")."""
        self.locatives = frozenset(_phrase(w) for w in lexicon("place_locatives", list(data["locatives"])))
        """Short words before a name that make a known place likelier ("à", "dans")."""
        self.not_names = frozenset(_phrase(w) for w in lexicon("place_not_names", list(data["not_names"])))
        """Capitalized words never a place ("Reuters", "Défense")."""
        self.not_before = frozenset(_phrase(w) for w in lexicon("place_not_before", list(data["not_before"])))
        """Nouns after which a capitalized name is no place ("agence", "navire")."""
        self.name_drops = frozenset(_phrase(w) for w in lexicon("place_name_drops", list(data.get("name_drops", ()))))
        """Nouns a written name leaves out ("la *base aérienne* d'Aïn al-Asad" → "Aïn al-Asad")."""
        self.speaker_nouns = frozenset(_phrase(w) for w in lexicon("place_speaker_nouns", list(data.get("speaker_nouns", ()))))
        """Nouns before "à X" (three words at most between) that make X where someone speaks ("des sources
        concordantes à Niamey")."""
        self.speaker_verbs = frozenset(_phrase(w) for w in lexicon("place_speaker_verbs", list(data.get("speaker_verbs", ()))))
        """Reporting participles before "à X" (one word at most between) that make X where someone speaks
        ("a déclaré lundi à Kiev")."""
        self.authority_nouns = frozenset(
            _phrase(w) for w in lexicon("place_authority_nouns", list(data.get("authority_nouns", ()))))
        """Nouns before "à X" that make X where an authority speaks when a reporting verb follows X ("le ministère
        de la Défense à Moscou a affirmé")."""
        self.seats = frozenset(_phrase(w) for w in lexicon("place_seats", list(data.get("seats", ()))))
        """Capitals and seats of power that stand for their state when they act ("Moscou a lancé")."""
        self.actor_sur = tuple(_phrase(w) for w in lexicon("place_actor_before_sur", list(data.get("actor_before_sur", ()))))
        """Beginnings of the word before "sur" that make the country after it an ally or a power, not a place
        ("des milices alignées sur l'Iran", "la pression sur la Russie")."""
        self.acting_nouns = frozenset(_phrase(w) for w in lexicon("place_acting_nouns", list(data.get("acting_nouns", ()))))
        """Nouns of an attack or a force that acts, before a nationality ("une frappe israélienne", "l'aviation
        russe"): the land a name no gazetteer has is in is not that nationality's."""
        self._name_starts: dict[str, int] = {}
        self._last_words: dict[frozenset[str], frozenset[str]] = {}
        """The last words of a table's phrases, by table: a phrase can end at a word only when it is one of them."""
        self._noun_last_words = frozenset(p.rsplit(" ", 1)[-1] for p in nouns)
        """The last words of the place nouns."""
        self._longest = max((p.count(" ") + 1 for p in (*nouns, *self.proximity, *self.directions, *self.modifiers)),
                            default=1)

    # --- reading ---------------------------------------------------------------------------

    def before(self, window: str) -> Cue | None:
        """The cue that ends *window* (the normalized text just before a name), if any."""
        if not window or window[-1] not in " '":
            return None
        toks = words(window, _CUE_REACH)
        k = _strip_de(toks)
        if k is not None:
            noun = self._noun_ending(toks, k)
            if noun is not None:
                (kind, strong), phrase, start = noun
                near = _strip_de(toks[:start])
                prox = self._phrase_ending(toks, near, self.proximity) if near is not None else None
                return Cue(kind, strong, phrase, 2 if prox is not None else None, toks[start][1])
            for table in (self.directions, self.proximity):
                found = self._phrase_ending(toks, k, table)
                if found is not None:
                    return Cue(None, True, found[0], 2, toks[found[1]][1])
        # "à Gao", "dans la Bekaa", "vers l'Est"
        n = len(toks)
        if n and toks[-1][0] in _LOCATIVE_ARTICLES and window.rstrip(" '").endswith(toks[-1][0]):
            n -= 1
        found = self._phrase_ending(toks, n, self.locatives)
        if found is not None:
            return Cue(None, False, found[0], None, toks[found[1]][1])
        return None

    def direction_before(self, window: str) -> Cue | None:
        """"le nord du", "l'est de la", "au sud-ouest du": a direction of the place that follows."""
        if not window or window[-1] not in " '":
            return None
        toks = words(window, _CUE_REACH)
        k = _strip_de(toks)
        if k is None:
            return None
        found = self._phrase_ending(toks, k, self.directions)
        return None if found is None else Cue(None, True, found[0], 2, toks[found[1]][1])

    def apposition_after(self, text: str, end: int) -> Cue | None:
        """The cue of an apposition after a name (", une ville située …", ", un petit village du nord",
        ", près de la frontière", ", à 40 km de Gao")."""
        tail = text[end : end + 52]
        quote = _CLOSING_QUOTE.match(tail)
        if quote is not None:  # "« … à Kibati », à environ 6 km au nord de Goma"
            tail = tail[quote.end() :]
        if not tail.startswith((", ", " ")):
            return None
        if _NEAR_AFTER.match(tail) is not None:
            return Cue(PlaceKind.TOWN, True, ", pres de")
        inside = _INSIDE_AFTER.match(tail)
        if inside is not None and self.nouns.get(inside.group(1), (None,))[0] in _DIVISIONS:
            return Cue(PlaceKind.TOWN, True, f", dans la {inside.group(1)} de")  # "à Tiloua, dans la région d'Ouallam"
        toks = words(tail)[:4]
        i = 0
        if i < len(toks) and toks[i][0] in _APPOSITION_DETERMINERS:
            i += 1
        if i < len(toks) and toks[i][0] in _APPOSITION_ADJECTIVES:
            i += 1
        for n in (2, 1):
            phrase = " ".join(w for w, _ in toks[i : i + n])
            if len(toks) >= i + n and phrase in self.nouns:
                return Cue(self.nouns[phrase][0], True, f", {phrase}")
        return None

    def speaker_place_before(self, window: str) -> bool:
        """"des sources concordantes à", "a déclaré lundi à": the place after is where someone speaks."""
        if not window.endswith("a "):
            return False
        toks = words(window, 60)
        if not toks or toks[-1][0] != "a":
            return False
        stop = max(window.rfind(c) for c in _SENTENCE_ENDS)  # the speaker is in the same sentence
        if stop >= 0:
            toks = [t for t in toks if t[1] > stop]
        for gap, (word, _) in enumerate(reversed(toks[-5:-1])):
            if word in self.speaker_nouns:
                return True
            if word in self.speaker_verbs:
                return gap <= 1
        return False

    def actor_after_sur(self, window: str) -> bool:
        """"alignés sur l'", "la pression sur la ": the country after is no place."""
        if "sur" not in window[-40:]:  # the word it needs, among the ones read
            return False
        toks = words(window, 40)
        while toks and toks[-1][0] in ("la", "le", "les", "l"):
            toks.pop()
        if len(toks) < 2 or toks[-1][0] != "sur":
            return False
        before = toks[-2][0]
        return any(before.startswith(w) for w in self.actor_sur)

    def authority_place(self, text: str, start: int, end: int) -> bool:
        """"le ministère de la Défense à Moscou a affirmé": the place after "à" is where an authority speaks."""
        window = text[max(0, start - 60) : start]
        if not window.endswith("a "):
            return False
        m = _REPORTING_AFTER.match(text, end)
        if m is None or m.group("verb") not in self.speaker_verbs:
            return False
        toks = words(window, 60)
        return any(word in self.authority_nouns for word, _ in toks[-5:-1])

    def name_start(self, folded: str) -> int:
        """Where the proper name starts in a folded place phrase: after a dropped noun, its modifiers and "de"
        ("base aerienne americaine d'ain al-asad" → the offset of "ain"), else 0."""
        found = self._name_starts.get(folded)
        if found is None:
            found = self._name_starts[folded] = self._name_start(folded)
        return found

    def _name_start(self, folded: str) -> int:
        toks = words(folded)
        for n in range(min(self._longest, len(toks) - 1), 0, -1):
            if " ".join(w for w, _ in toks[:n]) not in self.name_drops:
                continue
            k = n
            while k < len(toks) and self._modifier(toks[k][0]):
                k += 1
            if k < len(toks) and toks[k][0] in _DE:
                k += 1
                if k < len(toks) - 1 and toks[k][0] in _ARTICLES_AFTER_DE and toks[k - 1][0] == "de":
                    k += 1
                if k < len(toks):
                    return toks[k][1]
            return 0
        return 0

    def not_place_before(self, window: str) -> bool:
        """"l'agence Sana", "le général X", "le navire Y": a capitalized name after such a noun is no place."""
        if not window.endswith(" "):
            return False
        toks = [w.strip(_PUNCTUATION) for w in window[-48:].replace("'", " ").split()[-4:]]
        for i in range(len(toks)):
            for n in (1, 2, 3):
                if i + n <= len(toks) and " ".join(toks[i : i + n]) in self.not_before:
                    between = toks[i + n :]
                    # at most two adjectives between ("l'agence officielle syrienne X"), no preposition
                    # ("un porte-conteneurs en mer Rouge" is a place)
                    return len(between) <= 2 and not any(w in self.locatives or w in _FUNCTION_WORDS for w in between)
        return False

    # --- helpers -----------------------------------------------------------------------------

    def _noun_ending(self, toks: Sequence[tuple[str, int]], k: int
                     ) -> tuple[tuple[PlaceKind, bool], str, int] | None:
        """The place noun (with its modifiers) whose last word is ``toks[k - 1]``: its entry, phrase, first word."""
        first: tuple[tuple[PlaceKind, bool], str, int] | None = None
        for skip in (0, 1, 2):  # modifiers after the noun: "la base *aérienne américaine* de"
            found = self._noun_at(toks, k, skip)
            if found is None:
                continue
            # "la province centrale de": a noun that is also a modifier ("centrale") is one after a noun
            if skip == 0 and self._modifier(found[1]) and k > 1:
                first = found
                continue
            return found
        return first

    def _noun_at(self, toks: Sequence[tuple[str, int]], k: int, skip: int
                 ) -> tuple[tuple[PlaceKind, bool], str, int] | None:
        """The place noun that ends *skip* modifier words before ``toks[k]``."""
        end = k - skip
        if end <= 0:
            return None
        last = toks[end - 1][0]
        nouns_last = self._noun_last_words
        if last not in nouns_last and not (last[-1:] in ("s", "x") and last[:-1] in nouns_last):
            return None  # no noun ends with this word, nor with it without its plural ending
        if skip and " ".join(w for w, _ in toks[end:k]) not in self.modifiers \
                and not all(self._modifier(w) for w, _ in toks[end:k]):
            return None
        for n in range(min(self._longest, end), 0, -1):
            phrase = " ".join(w for w, _ in toks[end - n : end])
            if phrase in self.nouns:
                return self.nouns[phrase], phrase, end - n
            # "les provinces de Paktia et de Ghazni", "des villages de": the plural names the same kind
            if phrase[-1:] in ("s", "x") and len(phrase) > 4 and phrase[:-1] in self.nouns:
                return self.nouns[phrase[:-1]], phrase[:-1], end - n
        return None

    def _modifier(self, word: str) -> bool:
        return word in self.modifiers or _stem(word) in self._modifier_stems

    def _ending_words(self, table: frozenset[str]) -> frozenset[str]:
        found = self._last_words.get(table)
        if found is None:
            found = self._last_words[table] = frozenset(p.rsplit(" ", 1)[-1] for p in table)
        return found

    def _phrase_ending(self, toks: Sequence[tuple[str, int]], k: int, table: frozenset[str]) -> tuple[str, int] | None:
        if k <= 0 or toks[k - 1][0] not in self._ending_words(table):
            return None  # every phrase of the table ending at k ends with its word k - 1
        for n in range(min(self._longest, k), 0, -1):
            phrase = " ".join(w for w, _ in toks[k - n : k])
            if phrase in table:
                return phrase, k - n
        return None


def _stem(word: str) -> str:
    """A French adjective without its plural and feminine endings ("américaines", "américain" → "americain")."""
    if len(word) > 4 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 4 and word[-1] == "e":
        word = word[:-1]
    return word


def _strip_de(toks: Sequence[tuple[str, int]]) -> int | None:
    """The number of words before a final "de", "du", "des", "d'", "de la", "de l'", or None without one."""
    n = len(toks)
    if n and toks[-1][0] in _ARTICLES_AFTER_DE and n > 1 and toks[-2][0] == "de":
        return n - 2
    if n and toks[-1][0] in _DE:
        return n - 1
    return None
