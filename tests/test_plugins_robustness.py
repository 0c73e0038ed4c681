"""A plugin can never break milinc: bad callback values, import-time exits, leaks, strings, ReDoS terminals."""

from __future__ import annotations

import signal
import warnings
from typing import Any

import pytest

import milinc
from milinc import PluginError, engine, extensions, plugins
from milinc.plugins import Plugin, PluginWarning
from milinc.weapons.mentions import Part

TEXT = "Des mitrailleuses de 12,7 ont tiré sur le camp de Gao lundi."
FRAGMENT = """
%extend tail: PREP {T} -> {rule}
            | {T} -> {rule}
{T}.1: /(?:12[.,]7|14[.,]5)(?! ?mm)(?![\\d,.])/
"""


def calibre_plugin(name: str, callback: Any) -> Plugin:
    terminal, rule = f"{name.upper()}_CALIBRE", f"{name}_calibre"
    return Plugin(
        name=name,
        grammar={"weapons": [FRAGMENT.format(T=terminal, rule=rule)]},
        callbacks={"weapons": {rule: callback}},
    )


def out_of_range(children: list[Any]) -> Part:
    return Part("calibre", -50, 10_000)


def not_a_part(children: list[Any]) -> Any:
    return "12,7"


def good(children: list[Any]) -> Part:
    return Part("calibre", children[0].start_pos, children[-1].end_pos)


@pytest.mark.parametrize("callback", [out_of_range, not_a_part], ids=lambda f: f.__name__)
def test_an_installed_plugin_with_a_bad_callback_value_never_breaks_a_parse(
    monkeypatch: pytest.MonkeyPatch, callback: Any
) -> None:
    # before: the part's offsets reached Span(...) and every parse raised ValueError
    bad = calibre_plugin("badcal", callback)
    monkeypatch.setattr(plugins, "installed_plugins", lambda refresh=False: [bad])
    parser = milinc.Parser(discover=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = parser.parse(TEXT)
    plain = milinc.Parser(discover=False).parse(TEXT)
    assert [w.category for w in doc.weapons] == [w.category for w in plain.weapons]
    if callback is out_of_range:
        assert any(issubclass(w.category, PluginWarning) and "badcal" in str(w.message) for w in caught)


def test_an_explicit_plugin_with_a_bad_callback_value_gets_a_clear_error() -> None:
    parser = milinc.Parser(plugins=[calibre_plugin("badcal2", out_of_range)], discover=False)
    with pytest.raises(PluginError, match=r"badcal2.*(outside its rule|not 0 <=)"):
        parser.parse(TEXT)


def test_a_good_callback_still_works() -> None:
    doc = milinc.Parser(plugins=[calibre_plugin("goodcal", good)], discover=False).parse(TEXT)
    assert doc.weapons


class _EntryPoint:
    def __init__(self, name: str, error: BaseException) -> None:
        self.name, self.value, self.error = name, f"{name}:make", error

    def load(self) -> Any:
        raise self.error


@pytest.mark.parametrize("error", [SystemExit(3), ImportError("no module"), RuntimeError("boom"), GeneratorExit()])
def test_a_plugin_failing_at_import_is_skipped(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    # before: SystemExit raised while loading an entry point ended the process
    monkeypatch.setattr(plugins.metadata, "entry_points", lambda group: [_EntryPoint("exits", error)])
    found = plugins._load_installed()
    assert [(name, plugin) for name, plugin, _problem in found] == [("exits", None)]
    assert type(error).__name__ in (found[0][2] or "")


def test_ctrl_c_while_loading_a_plugin_still_stops_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plugins.metadata, "entry_points", lambda group: [_EntryPoint("slow", KeyboardInterrupt())])
    with pytest.raises(KeyboardInterrupt):
        plugins._load_installed()


def test_sigterm_while_loading_a_plugin_still_stops_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    # before: the CLI's SIGTERM exception, raised during a plugin's import, was taken for the plugin's failure
    # and the run went on to exit 0
    from milinc import cli

    class _Terminated(_EntryPoint):
        def load(self) -> Any:
            cli._on_signal(signal.SIGTERM, None)

    monkeypatch.setattr(plugins.metadata, "entry_points", lambda group: [_Terminated("slow", RuntimeError())])
    with pytest.raises(cli._Signalled):
        plugins._load_installed()


@pytest.mark.parametrize("value", ["sahel", b"sahel"])
def test_a_string_is_refused_where_a_list_of_plugins_is_expected(value: Any) -> None:
    # before: "sahel" was read as the plugins 's', 'a', 'h', 'e', 'l'
    with pytest.raises(TypeError, match="not a string"):
        milinc.Parser(plugins=value)
    with pytest.raises(TypeError, match="not a string"):
        milinc.parse("Lundi, deux obus.", plugins=value)


def test_a_fresh_plugin_object_per_call_does_not_grow_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    # before: each new plugin set kept its extensions and compiled grammars for ever (~3 MB a call)
    monkeypatch.setattr(plugins, "MAX_PLUGIN_SETS", 3)
    for i in range(8):

        def post(doc: milinc.Document, i: int = i) -> milinc.Document:
            return doc

        fresh = Plugin(name="fresh", lexicons={"places": [{"name": "Zorglub", "kind": "town"}]}, postprocessors=[post])
        milinc.parse("Deux obus sont tombés sur Zorglub lundi.", plugins=[fresh])
    assert len(plugins._extensions_cache) <= 3
    live_keys = {ext.key for _plugins, ext in plugins._extensions_cache.values()}
    assert {key for key, _name in extensions._memo} <= live_keys | {""}
    assert len(engine._compiled) <= engine._MAX_COMPILED
    assert len(engine._compiled_for_matching) <= engine._MAX_COMPILED


@pytest.mark.parametrize("pattern", [r"(?:a+)+b", r"(?:\w*\s?)*x", r"(?:a|ab)*c"])
def test_a_plugin_terminal_that_can_backtrack_exponentially_is_refused(pattern: str) -> None:
    # before: a terminal like (a+)+b took 26 s on 30 characters, in every parse
    redos = Plugin(
        name="redos",
        grammar={"weapons": [f"%extend tail: REDOS_T -> redos_tail\nREDOS_T.1: /{pattern}/\n"]},
        callbacks={"weapons": {"redos_tail": good}},
    )
    with pytest.raises(PluginError, match="exponential"):
        milinc.Parser(plugins=[redos], discover=False)


@pytest.mark.parametrize("pattern", [r"(?:12[.,]7|14[.,]5)(?! ?mm)", r"\d+(?:[.,]\d+)?", r"(?:[ -]|et)+x"])
def test_ordinary_terminals_pass_the_backtracking_check(pattern: str) -> None:
    assert plugins._backtracking_problem(pattern) is None


def test_the_warnings_a_failing_callback_gives_are_bounded_in_memory() -> None:
    # the 1500 warnings are caught here, not printed in the test report
    with pytest.warns(plugins.PluginWarning) as caught:
        for i in range(1500):
            plugins._warn_once("noisy", f"callback failed on text number {i}")
    assert len(caught) == 1500  # every distinct problem is still reported once
    assert len(plugins._warned) <= 1000
