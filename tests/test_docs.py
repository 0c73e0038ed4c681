"""The documentation: every example runs and shows its real output; generated pages cover everything.

The examples are the fenced blocks of ``docs/**/*.md`` (conventions in
``scripts/docgen.py`` and on the Contributing page). The generators are tested
on the real package and on small synthetic inputs, so that they keep working
while the corpora and the taxonomy grow.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import docgen  # noqa: E402

PAGES = docgen.example_pages()


def _page_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- the examples ----------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_page_examples_run_and_show_their_real_output(page: Path, tmp_path: Path) -> None:
    results = docgen.run_page(page, tmp_path)
    for result in results:
        where = f"{_page_id(page)}:{result.block.line}"
        assert result.error is None, f"{where}: the example fails:\n{result.error}"
        if result.expected is not None:
            assert docgen.normalize_output(result.output) == docgen.normalize_output(result.expected), (
                f"{where}: the page shows another output than the example prints "
                "(run `python scripts/docgen.py --update-outputs` and review the diff)"
            )


# The modules of the optional extras (corpora, parquet, dask, progress) and of the tutorial's plot: the
# README's test command installs none of them, so an example that needs one must say so and be skipped.
OPTIONAL_MODULES = ("pandas", "pyarrow", "dask", "tqdm", "matplotlib")
PAGES_USING_OPTIONAL = [
    p for p in PAGES if any(m in p.read_text(encoding="utf-8") for m in (*OPTIONAL_MODULES, "arquet"))
]


@pytest.mark.parametrize("page", PAGES_USING_OPTIONAL, ids=_page_id)
def test_page_examples_run_or_skip_without_the_optional_extras(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in OPTIONAL_MODULES:
        monkeypatch.setitem(sys.modules, name, None)  # `import name` fails; find_spec(name) is None
    for result in docgen.run_page(page, tmp_path):
        where = f"{_page_id(page)}:{result.block.line}"
        assert result.error is None, (
            f"{where}: fails without the optional extras (mark it `<!-- test: requires ... -->`):\n{result.error}"
        )


def test_home_page_shows_a_real_output_for_its_example() -> None:
    blocks = docgen.code_blocks((ROOT / "docs" / "index.md").read_text(encoding="utf-8"))
    python = [b for b in blocks if b.lang == "python"]
    assert python, "the home page must have an example"
    assert python[0].output is not None, "the home example must show its output"
    assert python[0].directive is None, "the home example must run"


def test_hand_written_pages_are_in_the_nav() -> None:
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))

    def paths(node: object) -> set[str]:
        if isinstance(node, str):
            return {node}
        if isinstance(node, dict):
            return set().union(*(paths(v) for v in node.values()))
        if isinstance(node, list):
            return set().union(*(paths(v) for v in node))
        return set()

    in_nav = paths(config["nav"])
    docs = ROOT / "docs"
    for page in docs.rglob("*.md"):
        relative = page.relative_to(docs).as_posix()
        # policy pages are listed by the hook, whatever their number
        assert relative in in_nav or relative.startswith("policy/"), f"{relative} is not in the nav"


# --- the runner itself -------------------------------------------------------------

SAMPLE_PAGE = """# Sample

```text title="numbers.txt"
un
deux
```

```python
from pathlib import Path
lines = Path("numbers.txt").read_text().split()
print(len(lines))
```

```text title="Output"
3
```

!!! note
    ```python
    print(lines[0])
    ```

<!-- test: requires a_module_that_does_not_exist -->
```python
import a_module_that_does_not_exist
```

<!-- test: skip shown only -->
```python
raise SystemExit("never run")
```

```console
$ milinc parse numbers.txt --format json
stale
```
"""


def test_code_blocks_attach_outputs_directives_and_indented_blocks() -> None:
    blocks = docgen.code_blocks(SAMPLE_PAGE)
    langs = [b.lang for b in blocks]
    assert langs == ["text", "python", "text", "python", "python", "python", "console"]
    assert blocks[1].output is blocks[2]
    assert blocks[3].indent == "    " and blocks[3].code == "print(lines[0])\n"
    assert blocks[4].directive == ("requires", "a_module_that_does_not_exist")
    assert blocks[5].directive == ("skip", "shown only")


def test_run_page_compares_outputs_skips_and_runs_console(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(SAMPLE_PAGE, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    results = docgen.run_page(page, work)
    assert [r.error for r in results] == [None] * 5
    first, indented, needs, skipped, console = results
    assert first.output == "2\n" and first.expected == "3\n"  # a stale output is detected
    assert indented.output == "un\n"
    assert needs.skipped == "needs a_module_that_does_not_exist"
    assert skipped.skipped == "shown only"
    assert console.output.startswith("$ milinc parse numbers.txt --format json\n{")
    assert json.loads(console.output.split("\n", 1)[1])["dates"] == []


def test_update_outputs_rewrites_stale_outputs_only(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(SAMPLE_PAGE, encoding="utf-8")
    assert docgen.update_outputs(page) == 2
    updated = page.read_text(encoding="utf-8")
    assert '```text title="Output"\n2\n```' in updated
    assert "stale" not in updated
    assert docgen.update_outputs(page) == 0


def test_failing_example_and_unexpected_exit_status_are_errors(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```python\n1 / 0\n```\n\n```console\n$ milinc parse missing.txt\n```\n\n"
        '```console title="exit status 2"\n$ milinc parse missing.txt\nmilinc: missing.txt: no such file\n```\n',
        encoding="utf-8",
    )
    division, missing, expected_failure = docgen.run_page(page, tmp_path)
    assert division.error is not None and "ZeroDivisionError" in division.error
    assert missing.error is not None and "status 2" in missing.error
    assert expected_failure.error is None
    assert docgen.normalize_output(expected_failure.output) == docgen.normalize_output(expected_failure.expected or "")


# --- generated pages -------------------------------------------------------------------


def test_ontology_page_lists_every_class_field_and_enum_member() -> None:
    from milinc import ontology

    text = docgen.render_ontology()
    for name in ontology.__all__:
        obj = getattr(ontology, name)
        assert f"### {name}\n" in text
        if attrs.has(obj):
            for f in attrs.fields(obj):
                assert f"`{f.name}`" in text, f"{name}.{f.name} missing"
        else:
            for member in obj:
                assert f"`{member.value}`" in text, f"{name}.{member.name} missing"
    # field docstrings are carried over
    assert "Offset of the first character" in text


def test_json_schema_section_is_the_real_schema() -> None:
    from milinc import json_schema

    text = docgen.render_json_schema()
    body = text.split("```json\n", 1)[1].rsplit("```", 1)[0]
    assert json.loads("\n".join(line[4:] for line in body.splitlines())) == json_schema()


def test_cli_page_lists_every_command_and_option() -> None:
    import argparse

    from milinc.cli import build_parser

    text = docgen.render_cli()
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                assert f"## `milinc {name}`" in text
                for option in sub._actions:
                    for string in option.option_strings:
                        assert string in text, f"milinc {name} {string} missing"


def test_grammar_reference_renders_families_examples_values_and_negatives(tmp_path: Path) -> None:
    corpus = tmp_path / "dates.jsonl"
    lines = [
        {
            "family": "weekday",
            "phrase": "Lundi soir, la base",
            "text": "Lundi soir",
            "in_seeds": False,
            "reference_date": "2021-06-30",
            "value": "2021-06-28TEV",
        },
        {"family": "weekday", "phrase": "pendant trois jours", "in_seeds": False, "negative": True},
        {
            "family": "weekday",
            "phrase": "mardi",
            "in_seeds": False,
            "reference_date": "2021-06-30",
            "value": "2021-06-29",
            "weapons": ["drone", "missile"],
        },
        {"family": "year", "phrase": "en 2003", "in_seeds": True, "reference_date": "2021-06-30", "value": "2003"},
    ]
    corpus.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    page = docgen.render_grammar_dimension(corpus)
    assert page.startswith("# Dates and times\n")
    assert "## Weekday\n" in page and "## Year\n" in page and "[weekday](#weekday)" in page
    assert "**Lundi soir**" in page and "`2021-06-28TEV`" in page and "`2003`" in page
    assert "Not extracted:\n\n- pendant trois jours" in page
    assert "`in_seeds`" not in page
    assert "All these examples have `reference_date` `2021-06-30`." in page  # shared by the family
    assert "| `2021-06-29` | `drone`, `missile` |" in page


def test_grammar_reference_of_the_real_corpora() -> None:
    overview = docgen.render_grammar_overview()
    for path in docgen.corpus_files():
        page = docgen.render_grammar_dimension(path)
        for item in docgen.load_corpus(path):
            family = str(item["family"])
            assert f"## {family[:1].upper()}{family[1:]}\n" in page
        assert f"]({path.stem}.md)" in overview


def test_malformed_corpus_line_is_reported_with_its_place(tmp_path: Path) -> None:
    corpus = tmp_path / "weapons.jsonl"
    corpus.write_text('{"family": "x", "phrase": "missile"}\n{"family": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"weapons.jsonl:2: not JSON"):
        docgen.load_corpus(corpus)


@pytest.mark.parametrize(
    "taxonomy",
    [
        None,
        {
            "version": 1,
            "categories": {"rocket": {"subtypes": ["mlrs"], "nouns": ["roquette", "fusée"]}},
            "systems": [{"name": "Katyusha", "category": "rocket", "aliases": ["Katioucha"]}],
        },
        [{"category": "drone", "nouns": ["drone"]}],
    ],
)
def test_weapon_taxonomy_table_tolerates_any_shape(taxonomy: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docgen, "load_weapon_taxonomy", lambda: taxonomy)
    text = docgen.render_weapon_taxonomy()
    if taxonomy is None:
        assert "Being written" in text
    elif isinstance(taxonomy, dict):
        assert "## Categories (1)" in text and "## Systems (1)" in text
        assert "Katioucha" in text and "roquette, fusée" in text
    else:
        assert "| drone | drone |" in text


def test_weapon_taxonomy_of_the_package_lists_every_category_and_system() -> None:
    text = docgen.render_weapon_taxonomy()
    taxonomy = docgen.load_weapon_taxonomy()
    if taxonomy is None:
        assert "Being written" in text
        return
    for category in getattr(taxonomy, "categories", ()):
        assert f"| `{category.category.value}` |" in text
    for system in getattr(taxonomy, "systems", ()):
        assert docgen.md_escape(system.name) in text, system.name


# --- the API reference -------------------------------------------------------------------


def test_api_reference_has_a_page_for_every_public_module() -> None:
    pytest.importorskip("griffe")
    modules = {m.path: m for m in docgen.api_modules()}
    assert "milinc" in modules and "milinc.ontology" in modules
    assert "parse" in modules["milinc"].members
    assert modules["milinc"].reexports["Document"] == "milinc.ontology.Document"
    assert "Document" in modules["milinc.ontology"].members
    assert not any(part.startswith("_") for path in modules for part in path.split(".")[1:])
    for path in modules:  # real modules only, not modules imported into another one
        assert importlib.util.find_spec(path) is not None, path


def test_every_public_module_class_and_function_has_a_docstring() -> None:
    pytest.importorskip("griffe")
    missing = docgen.undocumented_names(kinds=["module", "class", "function"])
    assert not missing, "public names without a docstring:\n" + "\n".join(missing)


# Public attributes allowed to have no docstring: none. Document an attribute with a docstring under it.
KNOWN_UNDOCUMENTED_ATTRIBUTES: frozenset[str] = frozenset()


def test_public_attributes_are_documented() -> None:
    pytest.importorskip("griffe")
    missing = set(docgen.undocumented_names(kinds=["attribute"])) - KNOWN_UNDOCUMENTED_ATTRIBUTES
    assert not missing, "public attributes without a docstring:\n" + "\n".join(sorted(missing))


def test_docstrings_parse_as_google_style() -> None:
    pytest.importorskip("griffe")
    problems = docgen.docstring_problems()
    assert not problems, "docstrings that are not clean Google style:\n" + "\n".join(problems)


def test_sphinx_roles_and_doctests_are_rewritten_for_rendering() -> None:
    pytest.importorskip("griffe")
    import griffe_docstrings

    package = docgen.load_api()
    pipeline = package["pipeline"]
    text = griffe_docstrings.rewrite_roles(
        "See :class:`~milinc.ontology.Document`, :func:`milinc.parse` and :class:`Nowhere`.", pipeline, package
    )
    assert text == ("See [`Document`][milinc.ontology.Document], [`milinc.parse`][milinc.parse] and `Nowhere`.")
    fenced = griffe_docstrings.fence_doctests("Intro.\n\n>>> f(['a'])\n['a']\n\nAfter.")
    assert fenced == "Intro.\n\n```pycon\n>>> f(['a'])\n['a']\n```\n\nAfter."
    already = "```python\n>>> x\n```"
    assert griffe_docstrings.fence_doctests(already) == already


# --- the mkdocs hooks ------------------------------------------------------------------------


def test_hooks_group_subpackages_in_the_api_nav() -> None:
    pytest.importorskip("mkdocs")
    import mkdocs_hooks

    modules = [docgen.ApiModule(path, []) for path in ("milinc", "milinc.a", "milinc.b", "milinc.b.c")]
    assert mkdocs_hooks._api_nav(modules) == [
        {"milinc": "reference/milinc.md"},
        {"milinc.a": "reference/milinc.a.md"},
        {"milinc.b": [{"milinc.b": "reference/milinc.b.md"}, {"milinc.b.c": "reference/milinc.b.c.md"}]},
    ]


def test_hooks_replace_markers_and_reject_unknown_ones() -> None:
    pytest.importorskip("mkdocs")
    import mkdocs_hooks
    from mkdocs.exceptions import PluginError

    page = "# CLI\n\n<!-- generate: cli -->\n\nAfter.\n"
    rendered = mkdocs_hooks.on_page_markdown(page, page=None, config=None, files=None)  # type: ignore[arg-type]
    assert "<!-- generate" not in rendered and "## `milinc parse`" in rendered and rendered.endswith("After.\n")
    with pytest.raises(PluginError, match="unknown generated section 'nope'"):
        mkdocs_hooks.on_page_markdown("<!-- generate: nope -->", page=None, config=None, files=None)  # type: ignore[arg-type]


def test_interactive_sessions_are_replayed_and_updated(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```python\n>>> x = 2\n>>> x + 1\n4\n\n>>> 1 / 0\nTraceback (most recent call last):\n    ...\n"
        "ZeroDivisionError: division by zero\n```\n\n```pycon\n>>> print(x)\n2\n```\n",
        encoding="utf-8",
    )
    stale, fine = docgen.run_page(page, tmp_path)
    assert stale.error is None and fine.error is None
    assert docgen.normalize_output(stale.output) != docgen.normalize_output(stale.expected or "")
    assert docgen.normalize_output(fine.output) == docgen.normalize_output(fine.expected or "")
    assert docgen.update_outputs(page) == 1
    assert ">>> x + 1\n3\n>>> 1 / 0\nTraceback" in page.read_text(encoding="utf-8")
    assert docgen.update_outputs(page) == 0


def test_snippet_includes_are_expanded_in_examples(tmp_path: Path) -> None:
    (tmp_path / "lib.py").write_text("VALUE = 41\n", encoding="utf-8")
    text = '    --8<-- "lib.py"\nprint(VALUE + 1)'
    assert docgen.expand_snippets(text, tmp_path) == "    VALUE = 41\nprint(VALUE + 1)"
    assert docgen.expand_snippets('--8<-- "missing.py"', tmp_path) == '--8<-- "missing.py"'
    block = docgen.code_blocks('```python\n--8<-- "CHANGELOG.md"\n```\n')[0]
    assert block.code.startswith("# Changelog")


# --- install instructions and project URLs (milinc is not published) ---------------------

UNPUBLISHED = {"milinc", "milinc-plugin-sahel"}
INSTRUCTION_FILES = [*PAGES, ROOT / "README.md", *sorted((ROOT / "examples").glob("*/README.md"))]


def _pip_install_requirements(text: str) -> list[str]:
    """The package names asked of an index by the ``pip install`` commands of *text* (paths left out)."""
    names = []
    for line in re.findall(r"pip install ([^\n`]*)", text):
        command = re.split(r"&&|\|\||[;|)]", line.split("#", 1)[0], maxsplit=1)[0]
        for argument in command.split():
            argument = argument.strip("'\"")
            if argument.startswith("-") or argument.startswith((".", "/")) or "/" in argument:
                continue  # an option, or a path: a checkout, a wheel, an example
            names.append(re.split(r"[\[<>=!~;]", argument, maxsplit=1)[0].lower())
    return names


def test_install_instructions_ask_no_index_for_unpublished_packages() -> None:
    assert _pip_install_requirements("pip install 'milinc[corpora]' pandas # or: pip install -e .") == [
        "milinc",
        "pandas",
    ]
    assert _pip_install_requirements('pip install -e ".[test]" dist/milinc-0.1.0-py3-none-any.whl && milinc x') == []
    wrong = [
        f"{path.relative_to(ROOT)}: pip install {name}"
        for path in INSTRUCTION_FILES
        for name in _pip_install_requirements(path.read_text(encoding="utf-8"))
        if name in UNPUBLISHED
    ]
    assert not wrong, "milinc is not on PyPI, install it from a checkout or a wheel:\n" + "\n".join(wrong)


def test_the_site_names_no_placeholder_project_url() -> None:
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = pyproject.split("[project.urls]", 1)[1].split("\n[", 1)[0] if "[project.urls]" in pyproject else ""
    declared = set(re.findall(r'=\s*"([^"]+)"', section))
    for key in ("site_url", "repo_url"):
        if config.get(key):
            assert config[key].rstrip("/") in {u.rstrip("/") for u in declared}, (
                f"mkdocs.yml {key} {config[key]} is not one of the project's URLs ([project.urls])"
            )
    assert "github.com/milinc" not in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
