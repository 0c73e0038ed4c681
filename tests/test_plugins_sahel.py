"""The example plugin package, examples/milinc-plugin-sahel, used the way users get it:
installed, and found through its ``milinc.plugins`` entry point (its module is never imported here).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

import milinc
from milinc.plugins import DISABLE_AUTOLOAD_ENV, ENTRY_POINT_GROUP, Plugin, check_plugin, installed_plugins

try:
    metadata.distribution("milinc-plugin-sahel")
except metadata.PackageNotFoundError:  # .ci/run installs it; a bare checkout may not have
    pytest.skip(
        "milinc-plugin-sahel is not installed (pip install -e examples/milinc-plugin-sahel)",
        allow_module_level=True,
    )

REFERENCE = dt.date(2024, 5, 2)


def _sahel() -> Plugin:
    found = [p for p in installed_plugins() if p.name == "sahel"]
    assert len(found) == 1, "the sahel plugin is not discovered"
    return found[0]


@pytest.fixture(scope="module")
def with_sahel() -> milinc.Parser:
    """A parser with only the Sahel plugin, asked for by its entry-point name."""
    return milinc.Parser(plugins=["sahel"], discover=False)


@pytest.fixture(scope="module")
def without() -> milinc.Parser:
    """A parser without any plugin."""
    return milinc.Parser(discover=False)


def test_the_package_registers_its_entry_point() -> None:
    entry_points = metadata.entry_points(group=ENTRY_POINT_GROUP)
    sahel = [ep for ep in entry_points if ep.name == "sahel"]
    assert [ep.value for ep in sahel] == ["milinc_plugin_sahel:make_plugin"]


def test_the_discovered_plugin_passes_every_check_against_the_real_grammars() -> None:
    plugin = _sahel()
    check_plugin(plugin)
    assert plugin.version and plugin.description
    assert {"places", "actors", "weapon_systems", "triggers"} <= set(plugin.lexicons)
    assert "weapons" in plugin.grammar and "sahel_calibre" in plugin.callbacks["weapons"]


def test_the_default_parser_uses_it_through_discovery() -> None:
    assert "sahel" in milinc.Parser().extensions.plugins
    assert "sahel" in milinc.default_parser().extensions.plugins


def _events(doc: milinc.Document) -> list[tuple[str, str | None, str | None]]:
    return [(e.span.text, e.location.name if e.location else None, e.country) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "trigger", "place", "country"),
    [
        ("Une patrouille des VDP est tombée dans une embuscade près d'Inata.", "embuscade", "Inata", "BF"),
        ("Dimanche, des jihadistes ont attaqué le poste de gendarmerie de Tin-Akoff.", None, "Tin-Akoff", "BF"),
        ("Une attaque a visé la position de l'armée à Tabankort, dans la région de Gao.", None, "Tabankort", "ML"),
        ("Lundi, des hommes armés ont attaqué le village de Petelkolé.", None, "Petelkolé", "NE"),
    ],
)
def test_its_places_give_incidents_their_place_and_country(
    with_sahel: milinc.Parser, text: str, trigger: str | None, place: str, country: str
) -> None:
    events = _events(with_sahel.parse(text, reference_date=REFERENCE))
    assert any(loc == place and iso == country for _, loc, iso in events), events
    if trigger:
        assert events[0][0] == trigger


def test_its_trigger_nouns_make_incidents(with_sahel: milinc.Parser, without: milinc.Parser) -> None:
    text = "Mardi, une incursion de combattants de l'EIAO à Baroua a fait plusieurs morts."
    assert "incursion" in [t for t, _, _ in _events(with_sahel.parse(text, reference_date=REFERENCE))]
    assert "incursion" not in [t for t, _, _ in _events(without.parse(text, reference_date=REFERENCE))]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Un blindé BRDM-2 a sauté sur une mine.", "blindé BRDM-2", "BRDM-2"),
        ("Les soldats ont perdu deux VBL et un VAB dans l'attaque.", "VBL", "VBL"),
        ("Un lance-roquettes Type 63 a été saisi.", "lance-roquettes Type 63", "Type 63"),
        ("Un canon ZU-23 monté sur un pick-up a été détruit.", "ZU-23", "ZU-23"),
    ],
)
def test_its_weapon_systems_are_named(with_sahel: milinc.Parser, text: str, mention: str, name: str) -> None:
    weapons = with_sahel.parse(text, reference_date=REFERENCE).weapons
    assert any(name == w.name and mention in w.span.text for w in weapons), [(w.span.text, w.name) for w in weapons]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Ils étaient armés de mitrailleuses de 12,7 et de fusils.", "mitrailleuses de 12,7"),
        ("Une mitrailleuse 14,5 a été récupérée.", "mitrailleuse 14,5"),
    ],
)
def test_its_grammar_fragment_reads_calibres_without_mm(
    with_sahel: milinc.Parser, without: milinc.Parser, text: str, mention: str
) -> None:
    with_texts = [w.span.text for w in with_sahel.parse(text, reference_date=REFERENCE).weapons]
    without_texts = [w.span.text for w in without.parse(text, reference_date=REFERENCE).weapons]
    assert mention in with_texts
    assert mention not in without_texts


def test_its_fragment_leaves_calibres_in_mm_to_the_built_in_rule(with_sahel: milinc.Parser) -> None:
    weapons = with_sahel.parse("Une mitrailleuse de 12,7 mm a été saisie.", reference_date=REFERENCE).weapons
    assert [w.span.text for w in weapons] == ["mitrailleuse de 12,7 mm"]


def _cli_json(text_file: Path, *, autoload: bool) -> Any:
    env = dict(os.environ)
    env.pop(DISABLE_AUTOLOAD_ENV, None)
    if not autoload:
        env[DISABLE_AUTOLOAD_ENV] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "milinc", "parse", "--format", "json", "--reference-date", "2024-05-02", str(text_file)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    return json.loads(result.stdout)


def test_installing_it_changes_what_the_command_extracts(tmp_path: Path) -> None:
    text = (
        "Mardi soir, une patrouille des VDP est tombée dans une embuscade près d'Inata. Des combattants "
        "de l'EIAO ont mené une incursion à Baroua avec des mitrailleuses de 12,7 et un blindé BRDM-2.\n"
    )
    path = tmp_path / "sahel.txt"
    path.write_text(text, encoding="utf-8")
    found = _cli_json(path, autoload=True)
    bare = _cli_json(path, autoload=False)
    assert found != bare
    as_text = json.dumps(found, ensure_ascii=False)
    for expected in ('"country": "BF"', '"location": "Baroua"', '"name": "BRDM-2"', '"text": "mitrailleuses de 12,7"'):
        assert expected in as_text
    assert '"name": "BRDM-2"' not in json.dumps(bare, ensure_ascii=False)
