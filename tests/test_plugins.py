"""The plugin mechanism, on a toy grammar: checks, clashes, caching, discovery, guards."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from lark import Transformer

import milinc
from milinc import PluginError
from milinc.engine import GrammarMatcher, compile_grammar, grammar_source, words_regex
from milinc.extensions import (
    DIMENSIONS,
    NO_EXTENSIONS,
    Extensions,
    consulted_lexicons,
    defined_symbols,
    extension_points,
)
from milinc.plugins import (
    DISABLE_AUTOLOAD_ENV,
    ENTRY_POINT_GROUP,
    LEXICONS,
    Plugin,
    PluginWarning,
    build_extensions,
    check_plugin,
    installed_plugins,
    skipped_plugins,
)

TOY = r"""
// A toy weapons grammar, shaped like the real ones.
// Extension points (plugins may %extend these):
//   weapon_name   a named system
//   weapon_noun   a category noun

start: COUNT? (weapon_noun | weapon_name)
weapon_name: SYSTEM -> builtin_system
weapon_noun: "roquette" "s"? -> rocket_noun
COUNT: /\d+/
SYSTEM.3: /@LEXICON:weapon_systems@/
%ignore /[ ]+/
"""
GRAMMARS = {"weapons": TOY}
TOY_LEXICONS = {"weapon_systems": ["katyusha", "grad"]}


class ToyTransformer(Transformer[Any, Any]):
    """Values: (source, text) pairs, so the tests see which rule built a match."""

    def start(self, children: list[Any]) -> Any:
        return children[-1]

    def builtin_system(self, children: list[Any]) -> Any:
        return ("builtin", str(children[0]))

    def rocket_noun(self, children: list[Any]) -> Any:
        return ("builtin", "rocket")

    def weapon_name(self, children: list[Any]) -> Any:
        return children[0]  # an extension point passes its alternative's value through

    def weapon_noun(self, children: list[Any]) -> Any:
        return children[0]


def water_pistol(name: str = "wet") -> Plugin:
    """A small valid plugin: one new system rule with its callback, and one lexicon entry."""
    return Plugin(
        name=name,
        grammar={
            "weapons": [
                f'%extend weapon_name: {name.upper()}_GUN -> {name}_gun\n{name.upper()}_GUN.3: "pistolet a eau"'
            ]
        },
        callbacks={"weapons": {f"{name}_gun": lambda children: ("plugin", str(children[0]))}},
        lexicons={"weapon_systems": [{"name": "Grad", "aliases": ["BM-21"], "category": "rocket"}]},
    )


def toy_matches(extensions: Extensions, text: str, lexicon: list[str] | None = None) -> list[Any]:
    """Compile the toy grammar the way an extractor does and return the match values."""
    source = extensions.grammar_for("weapons", TOY)
    systems = extensions.lexicon("weapon_systems", lexicon or TOY_LEXICONS["weapon_systems"])
    phrases = [s if isinstance(s, str) else s["name"] for s in systems]
    lark = compile_grammar(
        source,
        transformer=extensions.attach_callbacks("weapons", ToyTransformer()),
        lexicons={"weapon_systems": phrases},
    )
    matcher = GrammarMatcher(lark, words_regex([*phrases, "roquette", "roquettes", "pistolet", "obus"]), lookback=1)
    return [m.value for m in matcher.finditer(text)]


# --- reading a grammar's declarations ----------------------------------------


def test_extension_points_are_read_from_the_header_comment() -> None:
    assert extension_points(TOY) == {"weapon_name", "weapon_noun"}


def test_extension_points_ignore_words_the_grammar_does_not_define() -> None:
    source = '// Extension points: weapon_name, and the magic_rule\nstart: weapon_name\nweapon_name: "x"\n'
    assert extension_points(source) == {"weapon_name"}


def test_extension_points_may_be_listed_as_bullets() -> None:
    source = (
        '// Extension points:\n//  - `weapon_name`: a name\n//  * weapon_noun\n\nweapon_name: "x"\nweapon_noun: "y"\n'
    )
    assert extension_points(source) == {"weapon_name", "weapon_noun"}


def test_a_grammar_without_a_declaration_has_no_extension_point() -> None:
    assert extension_points('// Weapons.\nstart: "x"\n') == frozenset()


def test_defined_symbols_include_rules_terminals_and_aliases() -> None:
    assert {"start", "weapon_name", "COUNT", "SYSTEM", "builtin_system", "rocket_noun"} <= defined_symbols(TOY)


# --- the plugin value ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"name": ""}, "name must be"),
        ({"name": "two words"}, "name must be"),
        ({"name": "p", "lexicons": {"places": {"name": "Gao"}}}, "must be a list of entries"),
        ({"name": "p", "lexicons": ["places"]}, "lexicons must be a mapping"),
        ({"name": "p", "grammar": {"weapons": [42]}}, "string or a list of strings"),
        ({"name": "p", "callbacks": {"weapons": {"rule": "not a function"}}}, "must be a function"),
        ({"name": "p", "postprocessors": ["not a function"]}, "postprocessors must be"),
        ({"name": "p", "version": 2}, "version must be a string"),
    ],
)
def test_a_malformed_plugin_is_refused_with_its_name(kwargs: dict[str, Any], problem: str) -> None:
    with pytest.raises(PluginError, match=problem) as info:
        Plugin(**kwargs)
    assert info.value.plugin == (kwargs["name"] or "")


def test_a_single_fragment_or_postprocessor_needs_no_list() -> None:
    plugin = Plugin(name="p", grammar={"weapons": '%extend weapon_noun: "obus" -> p_shell'}, postprocessors=print)
    assert plugin.grammar["weapons"] == ('%extend weapon_noun: "obus" -> p_shell',)
    assert plugin.postprocessors == (print,)


# --- checks against the grammar ----------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"grammar": {"weapons": '%override weapon_name: "x"'}}, "overrides 'weapon_name' with %override"),
        ({"grammar": {"weapons": '%extend start: "x"'}}, "'start', which is not a declared extension point"),
        ({"grammar": {"weapons": '%extend weapon_name: "x" ('}}, "does not compile"),
        ({"grammar": {"weapons": "%extend weapon_name: undefined_rule"}}, "does not compile"),
        ({"grammar": {"weapons": 'weapon_name: "x"'}}, "redefines 'weapon_name' of the built-in"),
        ({"grammar": {"weapons": 'SYSTEM: "x"'}}, "redefines 'SYSTEM'"),
        ({"grammar": {"weapons": "%import common.WORD"}}, "uses %import"),
        (
            {"grammar": {"weapons": "%extend weapon_noun: P_WORD -> p_word\nP_WORD.3: /[a-z]+/"}},
            "its terminal P_WORD matches 's', which the built-in weapons rules read",
        ),
        (
            {"grammar": {"weapons": "%extend weapon_noun: P_NUMBER -> p_number\nP_NUMBER.2: /[0-9]+/"}},
            "its terminal P_NUMBER matches '3'",
        ),
        ({"grammar": {"weapons": "%ignore /-/"}}, "uses %ignore"),
        ({"grammar": {"dates": '%extend date: "x"'}}, "dimension 'dates', which has no grammar"),
        (
            {"grammar": {"weapons": "%extend weapon_name: P_PLACE\nP_PLACE: /@LEXICON:places@/"}},
            "uses lexicon 'places' in its weapons grammar",
        ),
        ({"callbacks": {"weapons": {"builtin_system": lambda c: c}}}, "may not replace built-in callbacks"),
        (
            {"callbacks": {"weapons": {"p_nothing": lambda c: c}}},
            "'p_nothing' in weapons, a rule its own weapons fragments",
        ),
    ],
)
def test_a_plugin_that_breaks_a_rule_gets_an_error_naming_it(kwargs: dict[str, Any], problem: str) -> None:
    plugin = Plugin(name="culprit", **kwargs)
    with pytest.raises(PluginError, match=problem) as info:
        check_plugin(plugin, grammars=GRAMMARS)
    assert info.value.plugin == "culprit"
    assert str(info.value).startswith("plugin 'culprit': ")
    # the same problem raises when the plugin is passed explicitly to build a parser's extensions
    with pytest.raises(PluginError, match=problem):
        build_extensions([plugin], discover=False, grammars=GRAMMARS)


@pytest.mark.parametrize(
    ("lexicons", "problem"),
    [
        ({"weapon_system": [{"name": "x", "category": "rocket"}]}, "unknown lexicon 'weapon_system' \\(known: "),
        ({"weapon_adjectives": ["lourd"]}, "unknown lexicon 'weapon_adjectives'"),
        ({"weapon_systems": ["Grad"]}, "takes records, not plain strings"),
        ({"weapon_systems": [{"name": "Grad"}]}, "lacks category"),
        ({"weapon_systems": [{"name": "Grad", "category": "banana"}]}, "category 'banana' is not one"),
        ({"weapon_systems": [{"name": "Grad", "category": "rocket", "aliases": [""]}]}, "aliases must"),
        ({"weapon_nouns": [{"category": "artillery"}]}, "lacks phrase"),
        ({"places": [{"name": "Gao", "kind": "village"}]}, "kind 'village' is not one"),
        ({"places": [{"name": "Gao", "country": "Mali"}]}, "country 'Mali' must match"),
        ({"actors": [{"name": "JNIM"}]}, "lacks type"),
        ({"actors": [42]}, "malformed entry 42 in lexicon 'actors'"),
        ({"triggers": [{"name": "incursion", "role": "main"}]}, "role 'main' is not one"),
        ({"trigger_modifiers": [{"name": "complexe"}]}, "malformed entry"),
        ({"q_about": ["  "]}, "empty phrase"),
        (
            {"weapon_systems": [{"name": "Grad", "category": "rocket"}, {"name": "grad", "category": "artillery"}]},
            "gives 'grad' two different entries",
        ),
    ],
)
def test_a_malformed_lexicon_entry_gets_an_error_naming_the_plugin(lexicons: dict[str, Any], problem: str) -> None:
    plugin = Plugin(name="culprit", lexicons=lexicons)
    with pytest.raises(PluginError, match=problem) as info:
        check_plugin(plugin)
    assert info.value.plugin == "culprit"


def test_every_lexicon_the_extractors_read_is_registered() -> None:
    milinc.Parser(discover=False)  # the extractors ask for their lexicons while they are built
    assert consulted_lexicons() == set(LEXICONS)


def test_lexicon_entries_of_the_right_shape_pass() -> None:
    check_plugin(
        Plugin(
            name="fine",
            lexicons={
                "weapon_nouns": ["obusier", {"phrase": "canon sans recul", "category": "artillery"}],
                "places": [{"name": "Gao", "aliases": ["Gao-ville"], "kind": "city", "country": "ML"}],
                "actors": [{"name": "JNIM", "type": "non_state_armed_group", "side": "jihadists"}],
                "triggers": [{"name": "incursion", "aliases": ["incursions"], "action": "attack"}],
                "q_about": ["grosso modo"],
            },
        )
    )


def test_a_valid_plugin_passes_every_check() -> None:
    check_plugin(water_pistol(), grammars=GRAMMARS)


def test_comments_in_a_fragment_may_mention_forbidden_words() -> None:
    fragment = '// no %override here, see "//"\n%extend weapon_noun: "obus" -> p_shell  // a shell'
    check_plugin(Plugin(name="p", grammar={"weapons": fragment}), grammars=GRAMMARS)


# --- clashes between plugins --------------------------------------------------


def test_two_plugins_giving_one_alias_different_categories_clash() -> None:
    first = water_pistol("first")
    second = Plugin(name="second", lexicons={"weapon_systems": [{"name": "BM-21", "category": "artillery"}]})
    with pytest.raises(PluginError, match="'BM-21' to lexicon 'weapon_systems' with another meaning") as info:
        build_extensions([first, second], discover=False, grammars=GRAMMARS)
    assert info.value.plugin == "second"
    assert "'first'" in info.value.problem


def test_two_plugins_adding_the_same_entry_do_not_clash() -> None:
    same = {"name": "Grad", "aliases": ["BM-21"], "category": "rocket"}
    first = Plugin(name="first", lexicons={"weapon_systems": [same]})
    second = Plugin(name="second", lexicons={"weapon_systems": [dict(same)]})
    extensions = build_extensions([first, second], discover=False, grammars=GRAMMARS)
    assert extensions.lexicons["weapon_systems"] == (same, same)


def test_two_plugins_defining_the_same_rule_and_callback_clash() -> None:
    first = water_pistol("dup")
    second = Plugin(
        name="other",
        grammar={"weapons": '%extend weapon_noun: "pistolet" -> dup_gun'},
        callbacks={"weapons": {"dup_gun": lambda children: "other"}},
    )
    with pytest.raises(PluginError, match="defines dup_gun in the weapons grammar, as plugin 'dup' does"):
        build_extensions([first, second], discover=False, grammars=GRAMMARS)


def test_fragments_that_only_conflict_together_name_both_plugins() -> None:
    # each alone compiles; together "obus" reduces to two rules in the same state: reduce/reduce
    first = Plugin(name="first", grammar={"weapons": '%extend weapon_noun: first_shell\nfirst_shell: "obus"'})
    second = Plugin(name="second", grammar={"weapons": '%extend weapon_noun: second_shell\nsecond_shell: "obus"'})
    for plugin in (first, second):
        check_plugin(plugin, grammars=GRAMMARS)
    with pytest.raises(PluginError, match="do not compile together with plugin\\(s\\) 'first'") as info:
        build_extensions([first, second], discover=False, grammars=GRAMMARS)
    assert info.value.plugin == "second"


def test_two_different_plugins_with_one_name_are_refused() -> None:
    with pytest.raises(PluginError, match="two different plugins with this name"):
        build_extensions([water_pistol("twin"), water_pistol("twin")], discover=False, grammars=GRAMMARS)


# --- what a plugin changes -----------------------------------------------------


def test_a_plugin_rule_and_callback_add_matches_at_an_extension_point() -> None:
    text = "3 katyusha puis 2 pistolet a eau"
    assert toy_matches(NO_EXTENSIONS, text) == [("builtin", "katyusha")]
    extensions = build_extensions([water_pistol()], discover=False, grammars=GRAMMARS)
    assert toy_matches(extensions, text) == [("builtin", "katyusha"), ("plugin", "pistolet a eau")]


def test_plugin_lexicon_entries_come_after_the_built_in_ones() -> None:
    extensions = build_extensions([water_pistol()], discover=False, grammars=GRAMMARS)
    merged = extensions.lexicon("weapon_systems", ["katyusha"])
    assert merged[0] == "katyusha"
    assert merged[1]["name"] == "Grad"
    assert extensions.lexicon("places", ["Gao"]) == ["Gao"]


def test_a_failing_callback_of_an_explicit_plugin_raises_a_plugin_error() -> None:
    def broken(children: list[Any]) -> Any:
        raise ZeroDivisionError("boom")

    plugin = Plugin(
        name="fragile",
        grammar={"weapons": '%extend weapon_noun: "obus" -> fragile_shell'},
        callbacks={"weapons": {"fragile_shell": broken}},
    )
    extensions = build_extensions([plugin], discover=False, grammars=GRAMMARS)
    with pytest.raises(PluginError, match="callback 'fragile_shell' failed: ZeroDivisionError") as info:
        toy_matches(extensions, "deux obus", lexicon=["katyusha"])
    assert info.value.plugin == "fragile"


def test_a_postprocessor_changes_the_document() -> None:
    seen: list[str] = []

    def house_style(doc: milinc.Document) -> milinc.Document:
        seen.append(doc.text)
        return attrs.evolve(doc, reference_date=dt.date(2000, 1, 1))

    parser = milinc.Parser(plugins=[Plugin(name="post", postprocessors=[house_style])], discover=False)
    doc = parser.parse("Une roquette est tombée.", reference_date=dt.date(2024, 1, 2))
    assert seen == ["Une roquette est tombée."]
    assert doc.reference_date == dt.date(2000, 1, 1)


def test_a_postprocessor_returning_something_else_is_an_error_of_its_plugin() -> None:
    parser = milinc.Parser(plugins=[Plugin(name="sloppy", postprocessors=[lambda doc: None])], discover=False)
    with pytest.raises(PluginError, match=r"plugin 'sloppy': post-processor .* returned NoneType, not a Document"):
        parser.parse("Une attaque a eu lieu.")


# --- caching -------------------------------------------------------------------


def test_the_same_plugin_set_gives_the_same_extensions_object() -> None:
    plugin = water_pistol("cached")
    first = build_extensions([plugin], discover=False, grammars=GRAMMARS)
    assert build_extensions([plugin], discover=False, grammars=GRAMMARS) is first
    other = build_extensions([water_pistol("cached2")], discover=False, grammars=GRAMMARS)
    assert other.key != first.key
    # the same content built anew, with the same functions, is the same set
    rebuilt = Plugin(
        name=plugin.name,
        grammar=plugin.grammar,
        callbacks=plugin.callbacks,
        lexicons=plugin.lexicons,
    )
    assert build_extensions([rebuilt], discover=False, grammars=GRAMMARS) is first
    changed = Plugin(name=plugin.name, grammar=plugin.grammar, callbacks=plugin.callbacks, version="2")
    assert build_extensions([changed], discover=False, grammars=GRAMMARS) is not first
    assert build_extensions([], discover=False) is NO_EXTENSIONS


def test_parsers_with_the_same_plugins_share_their_extensions() -> None:
    plugin = Plugin(name="shared", postprocessors=[lambda doc: doc])
    first = milinc.Parser(plugins=[plugin], discover=False)
    second = milinc.Parser(plugins=[plugin], discover=False)
    assert first.extensions is second.extensions
    assert milinc.Parser(discover=False).extensions is NO_EXTENSIONS


def test_memo_builds_once_per_plugin_set_and_name() -> None:
    built: list[int] = []

    def factory() -> int:
        built.append(1)
        return len(built)

    extensions = build_extensions([water_pistol("memo")], discover=False, grammars=GRAMMARS)
    assert extensions.memo("toy-lark", factory) == 1
    assert extensions.memo("toy-lark", factory) == 1
    assert extensions.memo("other", factory) == 2
    assert NO_EXTENSIONS.memo("plugins-test-none", factory) == 3


def test_hand_built_extensions_get_a_content_key() -> None:
    assert Extensions().key == ""
    one = Extensions(lexicons={"places": ("Gao",)})
    two = Extensions(lexicons={"places": ("Kidal",)})
    assert one.key and two.key and one.key != two.key


# --- discovery of installed plugins ---------------------------------------------


def _fake_distribution(root: Path, dist: str, entry_points: dict[str, str], modules: dict[str, str]) -> None:
    """An installed distribution on disk: dist-info with entry points, and its modules."""
    info = root / f"{dist}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    lines = "\n".join(f"{name} = {target}" for name, target in entry_points.items())
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{lines}\n", encoding="utf-8")
    for module, source in modules.items():
        (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


BROKEN_MODULES = {
    "fake_broken_import": "raise RuntimeError('missing dependency')\n",
    "fake_not_a_plugin": "plugin = 42\n",
    "fake_bad_grammar": """
        from milinc.plugins import Plugin
        plugin = Plugin(name="bad-grammar", grammar={"weapons": '%override start: "x"'})
    """,
    "fake_fragile": """
        from milinc.plugins import Plugin
        def fail(children):
            raise ZeroDivisionError("boom")
        plugin = Plugin(name="fragile", grammar={"weapons": '%extend weapon_noun: "obus" -> fragile_shell'},
                        callbacks={"weapons": {"fragile_shell": fail}})
    """,
    "fake_clash": """
        from milinc.plugins import Plugin
        def town(name, country):
            return Plugin(name=name, lexicons={"places": [{"name": "Zorgville", "kind": "town", "country": country}]})
        def first():
            return town("clash-a", "ML")
        def second():
            return town("clash-b", "BF")
    """,
    "fake_bad_post": """
        from milinc.plugins import Plugin
        def crash(doc):
            raise ValueError("house style crashed")
        plugin = Plugin(name="bad-post", postprocessors=[crash])
    """,
    "fake_good": """
        from milinc.plugins import Plugin
        def make():
            return Plugin(name="good", postprocessors=[lambda doc: doc])
    """,
}
BROKEN_ENTRY_POINTS = {
    "broken-import": "fake_broken_import:plugin",
    "not-a-plugin": "fake_not_a_plugin:plugin",
    "bad-grammar": "fake_bad_grammar:plugin",
    "fragile": "fake_fragile:plugin",
    "good": "fake_good:make",
    "bad-post": "fake_bad_post:plugin",
    "clash-a": "fake_clash:first",
    "clash-b": "fake_clash:second",
}


@pytest.fixture
def fake_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A directory on sys.path with installed plugins, three broken and one good."""
    _fake_distribution(tmp_path, "fake_milinc_plugins", BROKEN_ENTRY_POINTS, BROKEN_MODULES)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    monkeypatch.undo()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        installed_plugins(refresh=True)


def test_broken_installed_plugins_are_skipped_with_a_warning(fake_site: Path) -> None:
    with pytest.warns(PluginWarning) as record:
        names = [p.name for p in installed_plugins(refresh=True)]
    assert "good" in names
    assert not {"broken-import", "not-a-plugin"} & set(names)
    messages = " ".join(str(w.message) for w in record)
    assert "'broken-import' skipped: cannot be loaded" in messages and "missing dependency" in messages
    assert "'not-a-plugin' skipped: is a int, not a milinc.plugins.Plugin" in messages
    skipped = skipped_plugins()
    assert "missing dependency" in skipped["broken-import"] and "good" not in skipped


def test_an_installed_plugin_failing_a_check_is_skipped_and_the_others_used(fake_site: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        installed_plugins(refresh=True)
    grammars = {"weapons": TOY}
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        extensions = build_extensions(None, discover=True, grammars=grammars)
    assert any("'bad-grammar' skipped: overrides 'start'" in str(w.message) for w in record)
    assert "good" in extensions.plugins and "bad-grammar" not in extensions.plugins


def test_of_two_clashing_installed_plugins_the_second_is_skipped(fake_site: Path) -> None:
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        installed_plugins(refresh=True)
        extensions = build_extensions(None, discover=True)
    assert "clash-a" in extensions.plugins and "clash-b" not in extensions.plugins
    assert any(
        "'clash-b' skipped: adds 'Zorgville' to lexicon 'places' with another meaning than plugin 'clash-a'"
        in str(w.message)
        for w in record
    )
    with pytest.raises(PluginError, match="plugin 'clash-b': adds 'Zorgville'"):
        build_extensions(["clash-a", "clash-b"], discover=False)


def test_a_failing_postprocessor_of_an_installed_plugin_leaves_the_document(fake_site: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        installed_plugins(refresh=True)
        parser = milinc.Parser()
    assert "bad-post" in parser.extensions.plugins
    with pytest.warns(PluginWarning, match="'bad-post': post-processor 'crash' failed: house style crashed"):
        doc = parser.parse("Lundi, deux roquettes ont frappé la base.", reference_date=dt.date(2024, 1, 3))
    assert doc.weapons and doc.text.startswith("Lundi")


def test_a_failing_callback_of_an_installed_plugin_only_drops_its_match(fake_site: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        installed_plugins(refresh=True)
        extensions = build_extensions(None, discover=True, grammars={"weapons": TOY})
    assert "fragile" in extensions.plugins
    with pytest.warns(PluginWarning, match="'fragile': callback 'fragile_shell' failed"):
        values = toy_matches(extensions, "deux obus et une roquette", lexicon=["katyusha"])
    assert values == [("builtin", "rocket")]


def test_a_broken_installed_plugin_asked_for_by_name_raises(fake_site: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        installed_plugins(refresh=True)
        assert build_extensions(["good"], discover=False).plugins == ("good",)
        with pytest.raises(PluginError, match="plugin 'broken-import': cannot be loaded"):
            build_extensions(["broken-import"], discover=False)
    with pytest.raises(PluginError, match="plugin 'nowhere': no installed plugin has this name"):
        build_extensions(["nowhere"], discover=False)


def test_import_and_parse_survive_broken_installed_plugins(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "fake_milinc_plugins", BROKEN_ENTRY_POINTS, BROKEN_MODULES)
    script = (
        "import datetime, milinc\n"
        "doc = milinc.parse('Lundi, deux roquettes ont frappé la base.', reference_date=datetime.date(2024, 1, 3))\n"
        "print('parsed', type(doc).__name__, milinc.default_parser().extensions.plugins)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "parsed Document" in result.stdout and "'good'" in result.stdout
    assert "PluginWarning" in result.stderr and "'broken-import' skipped" in result.stderr


def test_autoload_can_be_disabled_by_the_environment(fake_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        installed_plugins(refresh=True)
        monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")
        assert installed_plugins() == []
        assert build_extensions(None, discover=True) is NO_EXTENSIONS
        # a plugin asked for by name is still found
        assert build_extensions(["good"], discover=True).plugins == ("good",)
        monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "0")
        assert "good" in [p.name for p in installed_plugins()]


# --- the plugins guide stays true ------------------------------------------------

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"


def test_the_guide_lists_every_extension_point_of_the_grammars() -> None:
    rows = set(re.findall(r"^\| `(\w+)` \| `(\w+)` \|", GUIDE.read_text(encoding="utf-8"), re.MULTILINE))
    actual = {(dim, point) for dim in DIMENSIONS for point in extension_points(grammar_source(dim))}
    assert rows == actual


def test_the_guide_lists_every_lexicon() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert [name for name in LEXICONS if f"`{name}`" not in guide] == []
