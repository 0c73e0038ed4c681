"""mkdocs hooks: generate the pages that describe code and data at build time.

* ``<!-- generate: NAME -->`` markers in a page are replaced by the section
  :data:`docgen.GENERATORS` makes (ontology, JSON Schema, CLI, grammar overview,
  weapon taxonomy, API index);
* the per-dimension grammar reference pages, the weapon taxonomy page and one
  API reference page per public module are added as generated files, and the
  nav sections "Grammar reference" and "API reference" list them;
* the JSON Schema is published at ``schema/document.json``;
* a page another part of the project writes (plugins, benchmarks, corpora,
  normalization policies) that does not exist yet gets a "being written" stub,
  so the site always builds.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docgen

_MARKER = re.compile(r"^[ \t]*<!--\s*generate:\s*(?P<name>[\w-]+)\s*-->[ \t]*$", re.MULTILINE)

WRITTEN_ELSEWHERE = {
    "plugins.md": "Plugins",
    "corpora.md": "Corpora and batch parsing",
    "benchmarks.md": "Benchmarks",
    "policy/dates.md": "Dates and times",
    "policy/quantities.md": "Counts and quantities",
    "policy/weapons.md": "Weapons",
    "policy/events.md": "Incidents and the ACLED mapping",
    "policy/actors.md": "Actors",
}
"""Pages other parts of the project write, with their titles."""

POLICY_ORDER = ["dates", "quantities", "weapons", "events", "actors"]

_state: dict[str, Any] = {}


def _generated_pages() -> dict[str, str]:
    """Generated page path → content (built once per build)."""
    if "pages" in _state:
        return dict(_state["pages"])
    pages: dict[str, str] = {}
    for path in docgen.corpus_files():
        pages[f"grammar/{path.stem}.md"] = docgen.render_grammar_dimension(path)
    pages["grammar/weapon-taxonomy.md"] = (
        "# Weapon taxonomy\n\nGenerated from `src/milinc/data/weapons.json`: the categories of the "
        "[weapons policy](../policy/weapons.md) with their subtypes and French nouns, and the named "
        "systems with their spellings. A [plugin](../plugins.md) can add entries.\n\n" + docgen.render_weapon_taxonomy()
    )
    modules = docgen.api_modules()
    _state["modules"] = modules
    for module in modules:
        pages[module.page] = docgen.render_api_page(module)
    _state["pages"] = pages
    return dict(pages)


def _section(nav: list[Any], title: str) -> int | None:
    for i, item in enumerate(nav):
        if isinstance(item, dict) and title in item:
            return i
    return None


def on_config(config: Any) -> Any:
    """Fill the generated nav sections (grammar reference, policies, API reference)."""
    _state.clear()
    docgen.load_api.cache_clear()  # `mkdocs serve` rebuilds in the same process
    pages = _generated_pages()
    nav = config["nav"]
    if nav is None:
        raise PluginError("mkdocs.yml must have a nav for the generated sections")
    grammar = _section(nav, "Grammar reference")
    if grammar is not None:
        dims = [
            {docgen.DIMENSION_TITLES.get(Path(p).stem, Path(p).stem.capitalize()): p}
            for p in pages
            if p.startswith("grammar/") and p != "grammar/weapon-taxonomy.md"
        ]
        nav[grammar] = {
            "Grammar reference": ["grammar/index.md", *dims, {"Weapon taxonomy": "grammar/weapon-taxonomy.md"}]
        }
    policy = _section(nav, "Normalization policy")
    if policy is not None:
        docs_dir = Path(config["docs_dir"])
        extra = sorted(p.stem for p in (docs_dir / "policy").glob("*.md") if p.stem not in POLICY_ORDER)
        entries: list[Any] = [{"Overview": "normalization.md"}]
        for stem in POLICY_ORDER + extra:
            entries.append({WRITTEN_ELSEWHERE.get(f"policy/{stem}.md", stem.capitalize()): f"policy/{stem}.md"})
        nav[policy] = {"Normalization policy": entries}
    api = _section(nav, "API reference")
    if api is not None:
        public, internal = docgen.split_api_modules(_state["modules"])
        sections: list[Any] = [{"Public API": _api_nav(public)}]
        if internal:
            sections.append({"Internals": _api_nav(internal)})
        nav[api] = {"API reference": ["reference/index.md", *sections]}
    return config


def _api_nav(modules: list[docgen.ApiModule]) -> list[Any]:
    """Module pages for the nav: a subpackage's modules are grouped under it."""
    paths = [m.path for m in modules]
    root = "milinc"  # the package itself is one page, not a group of every module
    entries: list[Any] = []
    for module in modules:
        parent = module.path.rsplit(".", 1)[0]
        if parent in paths and parent != root:
            continue  # listed in its package's group
        children = [m for m in modules if m.path.startswith(module.path + ".") and module.path != root]
        if children:
            entries.append({module.path: [{module.path: module.page}, *[{c.path: c.page} for c in children]]})
        else:
            entries.append({module.path: module.page})
    return entries


def on_files(files: Files, config: Any) -> Files:
    """Add the generated pages, the JSON Schema file and stubs for pages not written yet."""
    from milinc import json_schema

    for path, content in _generated_pages().items():
        files.append(File.generated(config, path, content=content))
    files.append(
        File.generated(config, "schema/document.json", content=json.dumps(json_schema(), ensure_ascii=False, indent=2))
    )
    for path, title in WRITTEN_ELSEWHERE.items():
        if files.get_file_from_path(path) is None:
            stub = (
                f'# {title}\n\n!!! note "Being written"\n'
                "    This page is being written and will appear with the next release of the docs.\n"
            )
            files.append(File.generated(config, path, content=stub))
    return files


def _generate(name: str) -> str:
    generator = docgen.GENERATORS.get(name)
    if generator is None:
        raise PluginError(f"unknown generated section {name!r} (known: {', '.join(sorted(docgen.GENERATORS))})")
    return generator()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Replace the ``<!-- generate: NAME -->`` markers of a page by their generated sections."""
    return _MARKER.sub(lambda m: _generate(m["name"]), markdown)
