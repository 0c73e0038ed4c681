"""Sentence splitting."""

from __future__ import annotations

from milinc.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_on_final_punctuation_before_a_capital() -> None:
    assert sentences("Une attaque a eu lieu. Deux soldats ont été blessés! Qui? Personne.") == [
        "Une attaque a eu lieu.",
        "Deux soldats ont été blessés!",
        "Qui?",
        "Personne.",
    ]


def test_line_breaks_end_sentences_and_count_paragraphs() -> None:
    parts = split_sentences("Titre sans point\n\nPremier paragraphe. Suite.\nSecond")
    assert [p.paragraph for p in parts] == [0, 1, 1, 2]


def test_abbreviations_and_decimals_do_not_split() -> None:
    assert sentences("Selon M. Kirby, 1.5 million de dollars. Fin.") == [
        "Selon M. Kirby, 1.5 million de dollars.",
        "Fin.",
    ]


def test_quotes_after_the_period_stay_with_the_sentence() -> None:
    assert sentences("« Nous évaluons. » Il a ajouté.") == ["« Nous évaluons. »", "Il a ajouté."]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n \n") == []


def test_month_abbreviations_do_not_end_a_sentence() -> None:
    assert sentences("Le 1er janv. 2021, deux roquettes ont frappé Bagdad. Fin.") == [
        "Le 1er janv. 2021, deux roquettes ont frappé Bagdad.",
        "Fin.",
    ]
