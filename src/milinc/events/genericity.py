"""Not-events: generic, aggregated, habitual, future, hypothetical and background mentions.

A trigger names an incident only when it refers to one specific, past or
ongoing occurrence. "plus de 60 attaques depuis le 17 octobre", "une série
d'attaques", "des frappes iraniennes potentielles", "répondre à toute attaque",
"lancer des attaques", "ces types d'attaques", "l'invasion de 2003" do not. Each
test returns the reason (kept on the mention, for explanations and for the
typed list of non-event mentions) or ``None``.
"""

from __future__ import annotations

import re

from .triggers import Mention

__all__ = ["generic_reason"]

_WINDOW = 48

# What stands right before the trigger (normalized text, end-anchored).
_LEFT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("aggregate", re.compile(
        r"(?:plus de|moins de|au moins|des dizaines|dizaines|des centaines|centaines|milliers|plusieurs|"
        r"de nombreuses|de nombreux|nombreuses|nombreux|multiples|une serie|serie|une vague|vague|"
        r"recrudescence|multiplication|succession|hausse|nombre|\d{2,}|vingtaine|trentaine|dizaine|centaine)"
        r"\s*(?:d'|de |des )?\s*(?:\w+\s+)?$")),
    ("generic", re.compile(r"(?:types? d'|types? de |genre d'|genre de |toute |tout |toutes |tous |chaque |"
                           r"telles? |de tels? |aucune |aucun |cas d'|cas de |ni )\s*(?:\w+\s+)?$")),
    ("hypothetical", re.compile(
        r"(?:menaces? d'|menaces? de |risques? d'|risques? de |crainte d'|craintes d'|peur d'|en cas d'|"
        r"en cas de |eventuelles? |possibles? |potentielles? |futures? |prochaines? |nouvelles? vagues? d')\s*$")),
    ("purpose", re.compile(
        r"(?<!avoir )(?<!d'avoir )\b(?:lancer|mener|perpetrer|commettre|conduire|preparer|planifier|organiser|"
        r"eviter|empecher|prevenir|dejouer|repondre a|riposter a|reagir a|lutter contre|combattre|"
        r"se defendre contre|proteger contre|se proteger contre|menacer de|promis|promet|jure)"
        r"\s+(?:des |de |d'|une |un |les |la |le |l'|ces |toute |tout |de nouvelles |de nouveaux )?\s*$")),
    ("background", re.compile(r"(?:precedentes?|anciennes?|passees?|anterieures?|historiques?)\s+$")),
    # "utilisés comme sites de lancement pour les attaques contre …": what a place would serve for
    ("purpose", re.compile(r"(?:utilise\w*|servant|servi|sites? de lancement|prepar\w+)\W+(?:\w+\W+){0,5}?"
                           r"(?:pour|a)\s+(?:des |les |de |d')?$")),
)
_ANY_LEFT_RULE = re.compile("|".join(f"(?:{rule.pattern})" for _, rule in _LEFT_RULES))
"""Whether any left rule applies: most mentions have none, then one search instead of six."""
# "ont ete attaquees plus de 60 fois": counts repeated occurrences, after nouns and verbs alike.
_TIMES = re.compile(r"^\s*(?:\w+\s+){0,2}(?:plus de |pres de |au moins |environ )?\d+ fois\b")
# What follows a trigger noun.
_RIGHT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hypothetical", re.compile(r"^\s*(?:\w+\s+)?(?:potentielles?|eventuelles?|possibles?|futures?|a venir|envisagees?|"
                                r"projetees?|presumees? a venir)\b")),
    ("aggregate", re.compile(r"^\s*(?:\w+\s+)?(?:repetees|recurrentes|quotidiennes|regulieres|incessantes|"
                             r"frequentes|successives|en serie)\b")),
    ("background", re.compile(r"^\s*(?:\w+\s+)?(?:de|en) (?:19\d\d|200\d|201[0-9])\b")),
)
# A plural mention in a sentence that also says these words is a campaign, not one incident.
_CAMPAIGN = re.compile(r"\b(?:ont commence|a commence|depuis le debut|depuis des|se multiplient|se sont multipliees|"
                       r"se poursuivent|continuent|ont mis fin|ont repris|chaque jour|tous les jours|au quotidien|"
                       r"depuis (?:le |la |l')?\d|depuis (?:le )?\d|depuis (?:janvier|fevrier|mars|avril|mai|juin|juillet|"
                       r"aout|septembre|octobre|novembre|decembre|des mois|des annees|des semaines))\b")
# Habitual or past-series context around a verbal trigger ("ont été la cible … lors de précédentes frappes").
_HABITUAL_CONTEXT = re.compile(r"\b(?:lors de precedentes|par le passe|a plusieurs reprises|a de nombreuses reprises|"
                               r"regulierement|frequemment|souvent|depuis des (?:mois|annees|semaines)|"
                               r"de (?:dizaines|centaines|plusieurs|nombreuses|multiples) (?:d'|de )?\w*)\b")
_TOLL = re.compile(r"\b(?:depuis le debut|depuis (?:le |la |l')?(?:\d|janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
                   r"septembre|octobre|novembre|decembre)|au total|bilan (?:total|global)|en tout|cette annee|"
                   r"depuis des (?:mois|annees|semaines))")
_DAY_WORD = re.compile(r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|avant-hier|aujourd'hui|"
                       r"dans la nuit|cette nuit|la nuit derniere|ce matin|ce soir|le \d{1,2}(?:er)? \w+)\b")
_PERIOD_WORD = re.compile(r"\b(?:depuis|ces dernier\w*|cette annee|cette semaine|en (?:19|20)\d\d|au total|"
                          r"chaque|tous les|par jour|par semaine|en moyenne|fois)\b")
_BACKGROUND_SENTENCE = re.compile(r"\b(?:anniversaire|il y a (?:un|deux|trois|\d+) ans|commemor)\w*")


def _one_day(text: str, mention: Mention, sentence_start: int, sentence_end: int) -> bool:
    """Whether the words around a counted trigger put it on one day, not over a period."""
    around = text[max(sentence_start, mention.start - 80) : min(sentence_end, mention.end + 80)]
    return bool(_DAY_WORD.search(around)) and not _PERIOD_WORD.search(around)


def generic_reason(mention: Mention, text: str, sentence_start: int, sentence_end: int) -> str | None:
    """Why *mention* does not name one specific incident, or ``None`` if it may.

    Args:
        mention: the trigger mention.
        text: the normalized text.
        sentence_start: start of the mention's sentence (context does not cross it).
        sentence_end: end of the mention's sentence.
    """
    if mention.future:
        return "future"
    if mention.hypothetical:
        return "hypothetical"
    left = text[max(sentence_start, mention.start - _WINDOW) : mention.start]
    right = text[mention.end : min(sentence_end, mention.end + _WINDOW)]
    head_only_noun = mention.rule == "nominal" and mention.pos == "noun"
    if (head_only_noun or mention.rule == "undergone") and _ANY_LEFT_RULE.search(left):
        for reason, rule in _LEFT_RULES:
            if rule.search(left):
                if reason == "aggregate" and _one_day(text, mention, sentence_start, sentence_end):
                    continue  # "des dizaines de frappes … dans la nuit de jeudi à vendredi": one raid
                return reason
    if _TIMES.match(right):  # anchored at the start ("^"): a match is a search
        return "aggregate"
    if head_only_noun:
        for reason, rule in _RIGHT_RULES:
            if rule.match(right):
                return reason
    sentence = text[max(sentence_start, mention.start - 200) : min(sentence_end, mention.end + 200)]
    if not head_only_noun and _HABITUAL_CONTEXT.search(text, mention.end, min(sentence_end, mention.end + 60)):
        return "habitual"
    if head_only_noun and mention.plural and _CAMPAIGN.search(text, max(sentence_start, mention.start - 40),
                                                              min(sentence_end, mention.end + 90)):
        return "campaign"
    if mention.role == "casualty" and _TOLL.search(text, max(sentence_start, mention.start - 60),
                                                   min(sentence_end, mention.end + 60)):
        return "aggregate"  # "depuis le début de la guerre, plus de 30 000 personnes ont été tuées"
    if head_only_noun and "anniversaire" in left + right and _BACKGROUND_SENTENCE.search(sentence):
        return "background"
    if mention.rule == "nominal" and mention.pos == "present" and not mention.title:
        return "habitual"
    if mention.present_passive and not mention.title:
        return "habitual"  # "Kharkiv est la cible de bombardements", "la ville est bombardée chaque jour"
    return None
