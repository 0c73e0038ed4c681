"""A per-document time budget (milinc.budget): a clear error past it, checked between and inside stages."""

from __future__ import annotations

import itertools

import pytest

import milinc
from milinc import budget

TEXT = "Lundi soir, au moins huit roquettes ont frappé la base de Gao, tuant deux soldats. " * 200


class FakeClock:
    """A monotonic clock that moves one second at every read after *free* reads."""

    def __init__(self, free: int) -> None:
        self.reads = itertools.count()
        self.free = free
        self.now = 1000.0

    def __call__(self) -> float:
        if next(self.reads) >= self.free:
            self.now += 1.0
        return self.now


def test_a_parse_past_its_budget_raises_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = milinc.Parser(discover=False)
    monkeypatch.setattr(budget.time, "monotonic", FakeClock(free=1))
    with pytest.raises(milinc.TimeBudgetExceeded, match="time budget of 5 s") as caught:
        parser.parse(TEXT, time_budget=5)
    assert isinstance(caught.value, milinc.MilincError) and isinstance(caught.value, TimeoutError)
    assert caught.value.budget == 5


def test_the_budget_is_checked_inside_a_stage_not_only_between_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = milinc.Parser(discover=False)
    parser.parse("Lundi, deux obus.")  # compiled before the clock is faked
    monkeypatch.setattr(budget.time, "monotonic", FakeClock(free=3))
    with pytest.raises(milinc.TimeBudgetExceeded) as caught:
        parser.parse(TEXT, time_budget=2.5)
    assert caught.value.stage == "grammar matching"  # the dates stage's anchor loop, before its end


def test_a_parser_s_budget_applies_to_each_parse_and_the_parser_stays_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = milinc.Parser(discover=False, time_budget=1)
    expected = milinc.Parser(discover=False).parse("Mardi, trois obus ont frappé Gao.")
    with monkeypatch.context() as m:
        m.setattr(budget.time, "monotonic", FakeClock(free=1))
        with pytest.raises(milinc.TimeBudgetExceeded):
            parser.parse(TEXT)
    assert parser.parse("Mardi, trois obus ont frappé Gao.") == expected
    assert budget.remaining() is None  # no deadline left behind


def test_within_its_budget_a_parse_gives_the_same_document() -> None:
    parser = milinc.Parser(discover=False)
    text = TEXT[:2000]
    assert parser.parse(text, time_budget=600) == parser.parse(text)
    assert milinc.parse(text, time_budget=600).events == milinc.parse(text).events


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "2", True])
def test_a_budget_must_be_a_positive_number(bad: object) -> None:
    with pytest.raises(ValueError, match="time_budget"):
        milinc.Parser(discover=False, time_budget=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="time_budget"):
        milinc.parse("Lundi, deux obus.", time_budget=bad)  # type: ignore[arg-type]


def test_an_inner_budget_never_extends_an_outer_one(monkeypatch: pytest.MonkeyPatch) -> None:
    with budget.time_budget(1):
        outer = budget.remaining()
        with budget.time_budget(100):
            inner = budget.remaining()
    assert outer is not None and inner is not None and inner <= outer <= 1
