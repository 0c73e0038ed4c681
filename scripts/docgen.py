"""Generators for the documentation site, and the runner of its code examples.

The pages that describe code or data (ontology, JSON Schema, grammar corpora,
weapon taxonomy, command line, API reference) are *generated* at build time
from the package itself by ``scripts/mkdocs_hooks.py``, so they never drift.

The code examples of the hand-written pages are executed by
``tests/test_docs.py`` with :func:`run_page`. Conventions (see the
Contributing page):

* a fenced ``python`` block is executed; all blocks of one page share one
  namespace and run in a fresh temporary directory, in page order;
* a fenced ``text`` block with ``title="Output"`` right after a ``python``
  block is the expected standard output of that block;
* a block of another language whose title is a file name
  (`` ```text title="article.txt" ``) is written to that file before the
  examples that follow it run;
* a ``python`` or ``pycon`` block that starts with ``>>>`` is an interactive
  session: it is replayed and must show the real outputs;
* a fenced ``console`` block is a transcript: each ``$ milinc ...`` line is run
  through :func:`milinc.cli.main` and the lines that follow it, up to the next
  ``$`` line, are its expected output; the commands must exit with status 0,
  or with N when the block's title says ``exit status N`` (``bash`` blocks are
  shown, not run);
* an HTML comment ``<!-- test: skip REASON -->`` or
  ``<!-- test: requires MODULE[, MODULE] -->`` on the line before a block
  skips it, or skips it when a module is missing.

Run ``python scripts/docgen.py --update-outputs`` after a change of behaviour to
rewrite the shown outputs with the real ones (then review the diff).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import enum
import functools
import importlib
import importlib.util
import inspect
import io
import itertools
import json
import os
import re
import shlex
import sys
import tempfile
import textwrap
import traceback
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
"""The repository root."""
DOCS = ROOT / "docs"
"""The mkdocs ``docs_dir``."""
SRC = ROOT / "src"

# Let the generators import the package from a source checkout without installing it.
if str(SRC) not in sys.path and importlib.util.find_spec("milinc") is None:  # pragma: no cover
    sys.path.insert(0, str(SRC))


# --- markdown helpers --------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: str) -> str:
    """Escape *text* so that markdown shows it verbatim (also inside a table cell)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


# Inline markup of docstrings: a Sphinx role (:class:`~milinc.Document`), a reST literal (``x``) or a
# markdown code span (`x`).
_INLINE_CODE = re.compile(
    r":(?:py:)?(?:class|func|meth|data|mod|attr|exc|obj|const|term):`(?P<role>[^`]+)`"
    r"|``(?P<literal>[^`]+?)``"
    r"|`(?P<code>[^`]+)`"
)


def inline_markdown(text: str) -> str:
    """Docstring prose as markdown for a page or a table cell: its roles and literals as code, the rest escaped.

    ``md_escape`` alone would show reST markup raw (```` ``x`` ````, ``:class:`X` ``).
    """
    text = " ".join(text.split())
    out: list[str] = []
    position = 0
    for match in _INLINE_CODE.finditer(text):
        out.append(_MD_SPECIAL.sub(r"\\\1", text[position : match.start()]))
        if match["role"] is not None:
            target = match["role"].strip()
            shown = target.lstrip("~!")
            out.append(code(shown.rsplit(".", 1)[-1] if target.startswith("~") else shown))
        else:
            out.append(code(match["literal"] if match["literal"] is not None else match["code"]))
        position = match.end()
    out.append(_MD_SPECIAL.sub(r"\\\1", text[position:]))
    return "".join(out)


def code(text: str) -> str:
    """*text* as an inline code span that is safe inside a table cell."""
    text = " ".join(str(text).split())
    ticks = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A markdown table (cells must already be markdown)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def slug(text: str) -> str:
    """The anchor Python-Markdown's ``toc`` extension gives a heading (its default ``slugify``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_text).strip().lower())


def indent(text: str, prefix: str = "    ") -> str:
    """*text* with every non-empty line indented (for admonition bodies)."""
    return "".join(prefix + line if line.strip() else line for line in text.splitlines(keepends=True))


# --- ontology ------------------------------------------------------------------


def _member_docs(cls: type) -> dict[str, str]:
    """Docstrings written under class-level assignments (enum members, attrs fields)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for prev, node in itertools.pairwise(body):
        target: ast.expr | None = None
        if isinstance(prev, ast.AnnAssign):
            target = prev.target
        elif isinstance(prev, ast.Assign) and len(prev.targets) == 1:
            target = prev.targets[0]
        if (
            isinstance(target, ast.Name)
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            docs[target.id] = " ".join(node.value.value.split())
    return docs


def _ontology_classes() -> tuple[list[type], list[type[enum.Enum]]]:
    import attrs

    from milinc import ontology

    records: list[type] = []
    enums: list[type[enum.Enum]] = []
    for name in ontology.__all__:
        obj = getattr(ontology, name)
        if isinstance(obj, type) and issubclass(obj, enum.Enum):
            enums.append(obj)
        elif isinstance(obj, type) and attrs.has(obj):
            records.append(obj)

    def source_line(cls: type) -> int:
        try:
            return inspect.getsourcelines(cls)[1]
        except (OSError, TypeError):
            return 0

    # The document first (it is what parse returns), then the source order.
    records.sort(key=lambda c: (c.__name__ != "Document", source_line(c)))
    enums.sort(key=source_line)
    return records, enums


def _type_html(annotation: Any, known: set[str]) -> str:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", repr(annotation))
    text = text.replace("_dt.date", "datetime.date")
    parts = re.split(r"(\w+(?:\.\w+)*)", text)
    out = []
    for part in parts:
        if part in known:
            out.append(f'<a href="#{part.lower()}">{part}</a>')
        else:
            out.append(part.replace("|", "&#124;").replace("<", "&lt;"))
    return "<code>" + "".join(out) + "</code>"


def _default_text(default: Any) -> str:
    import attrs

    if default is attrs.NOTHING:
        return "required"
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = default.factory
        return code(repr(factory()))
    if isinstance(default, enum.Enum):
        return code(f"{type(default).__name__}.{default.name}")
    return code(repr(default))


def _structure_tree(root: type, records: list[type]) -> str:
    """A text tree of the records reachable from *root*, each expanded once."""
    import attrs

    by_name = {c.__name__: c for c in records}
    lines = [root.__name__]
    expanded = {root.__name__}

    def walk(cls: type, prefix: str) -> None:
        record_fields = [
            (f.name, str(f.type), [n for n in re.findall(r"\w+", str(f.type)) if n in by_name])
            for f in attrs.fields(cls)
        ]
        shown = [(name, typ, refs) for name, typ, refs in record_fields if refs and refs != ["Span"]]
        for i, (name, typ, refs) in enumerate(shown):
            last = i == len(shown) - 1
            lines.append(f"{prefix}{'└── ' if last else '├── '}{name}: {typ}")
            target = refs[0]
            if target not in expanded and target != "Span":
                expanded.add(target)
                walk(by_name[target], prefix + ("    " if last else "│   "))

    walk(root, "")
    return "\n".join(lines)


def render_ontology() -> str:
    """Every ontology class with its fields, and every enumeration with its members."""
    import attrs

    from milinc import json_schema

    schema = json_schema()
    defs = schema["$defs"]
    records, enums = _ontology_classes()
    known = {c.__name__ for c in records} | {e.__name__ for e in enums}
    out: list[str] = []
    if records and records[0].__name__ == "Document":
        out.append("## Structure\n")
        out.append(
            "How the records nest (the fields that hold other records; every extracted object also "
            "has a `span`, a [`Span`](#span) of the original text):\n"
        )
        out.append("```text\n" + _structure_tree(records[0], records) + "\n```\n")
    out.append("## Records\n")
    for cls in records:
        described = schema if cls.__name__ == "Document" else defs.get(cls.__name__, {})
        props = described.get("properties", {})
        hints = {f.name: f.type for f in attrs.fields(cls)}
        out.append(f"### {cls.__name__}\n")
        out.append(inline_markdown(cls.__doc__ or "") + "\n")
        rows = [
            [
                code(f.name),
                _type_html(hints[f.name], known),
                _default_text(f.default),
                inline_markdown(props.get(f.name, {}).get("description", "")),
            ]
            for f in attrs.fields(cls)
        ]
        out.append(table(["Field", "Type", "Default", "Meaning"], rows))
    out.append("## Enumerations\n")
    out.append(
        "Every enumeration is a `str` enum: its members compare equal to their values, "
        "which are what the JSON carries.\n"
    )
    for en in enums:
        docs = _member_docs(en)
        out.append(f"### {en.__name__}\n")
        out.append(inline_markdown(en.__doc__ or "") + "\n")
        rows = [[code(m.name), code(m.value), inline_markdown(docs.get(m.name, ""))] for m in en]
        out.append(table(["Member", "Value", "Meaning"], rows))
    return "\n".join(out)


def render_json_schema() -> str:
    """The JSON Schema of a serialized document, in a collapsible block."""
    from milinc import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    return '??? abstract "The JSON Schema (draft 2020-12)"\n\n' + indent("```json\n" + text + "\n```\n")


# --- grammar corpora -------------------------------------------------------------

CORPUS_META_KEYS = ("family", "phrase", "in_seeds", "negative", "text", "note", "comment", "id")
"""Corpus keys that are not expected values (the others are ontology field names)."""

DIMENSION_TITLES = {
    "dates": "Dates and times",
    "quantities": "Counts and quantities",
    "weapons": "Weapons",
    "events": "Incidents (events)",
}


def package_dir() -> Path:
    """The directory of the installed ``milinc`` package."""
    import milinc

    return Path(milinc.__file__).resolve().parent


def corpus_files() -> list[Path]:
    """The grammar corpora, known dimensions first."""
    folder = package_dir() / "corpus"
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    order = list(DIMENSION_TITLES)
    return sorted(files, key=lambda p: (order.index(p.stem) if p.stem in order else len(order), p.stem))


def load_corpus(path: Path) -> list[dict[str, Any]]:
    """The examples of one corpus file.

    Raises:
        ValueError: a line is not a JSON object with a ``family`` and a ``phrase``.
    """
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or "phrase" not in item:
            raise ValueError(f"{path.name}:{number}: expected an object with 'family' and 'phrase'")
        examples.append(item)
    return examples


def _families(examples: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in examples:
        groups.setdefault(str(item.get("family") or "other"), []).append(item)
    return groups


def _heading(family: str) -> str:
    return family[:1].upper() + family[1:]


_MISSING = object()


def _value_text(value: Any) -> str:
    if value is _MISSING:
        return ""  # not checked for this example
    if value is None:
        return code("null")
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(code(v) for v in value) if value else code("[]")
    if isinstance(value, dict) and set(value) == {"value", "qualifier"}:  # a casualty figure
        figure = "null" if value["value"] is None else value["value"]
        return code(f"{figure} ({value['qualifier']})")
    if isinstance(value, (dict, list)):
        return code(json.dumps(value, ensure_ascii=False))
    return code(value if isinstance(value, str) else json.dumps(value))


def _phrase_cell(item: dict[str, Any]) -> str:
    phrase = str(item["phrase"])
    matched = item.get("text")
    if isinstance(matched, str) and matched and matched in phrase and matched != phrase:
        i = phrase.index(matched)
        return md_escape(phrase[:i]) + " **" + md_escape(matched) + "** " + md_escape(phrase[i + len(matched) :])
    return md_escape(phrase)


def grammar_extension_points(dimension: str) -> str:
    """The header comment of a dimension's ``.lark`` grammar (it lists the extension points)."""
    path = package_dir() / "grammars" / f"{dimension}.lark"
    if not path.is_file():
        return ""
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("//"):
            header.append(stripped[2:].rstrip())
        elif stripped:
            break
    return "\n".join(header).strip("\n")


def render_grammar_overview() -> str:
    """A table of the dimensions, their families and example counts."""
    rows = []
    for path in corpus_files():
        examples = load_corpus(path)
        families = _families(examples)
        negatives = sum(1 for e in examples if e.get("negative"))
        rows.append(
            [
                f"[{DIMENSION_TITLES.get(path.stem, path.stem)}]({path.stem}.md)",
                str(len(families)),
                str(len(examples) - negatives),
                str(negatives),
            ]
        )
    if not rows:
        return '!!! note "Being written"\n    No grammar corpus exists yet.\n'
    return table(["Dimension", "Families", "Examples", "Negative examples"], rows)


def render_grammar_dimension(path: Path) -> str:
    """The reference page of one dimension: every family with its examples and values."""
    dimension = path.stem
    examples = load_corpus(path)
    families = _families(examples)
    title = DIMENSION_TITLES.get(dimension, dimension.capitalize())
    out = [f"# {title}\n"]
    out.append(
        f"Generated from `src/milinc/corpus/{path.name}` ({len(examples)} examples in "
        f"{len(families)} families). Every line is also a test case: `milinc.parse(phrase)` must give "
        "these values (an empty cell is a value the example does not check). A **bold** part is the "
        "exact span expected when it is not the whole phrase; the negative examples must give nothing.\n"
    )
    if dimension == "weapons":
        out.append(
            "The nouns and named systems these phrases use are listed in the [weapon taxonomy](weapon-taxonomy.md).\n"
        )
    references = sorted({str(e["reference_date"]) for e in examples if e.get("reference_date")})
    if references:
        out.append("Reference dates used: " + ", ".join(code(r) for r in references) + ".\n")
    header = grammar_extension_points(dimension)
    if header:
        out.append(
            f'??? info "Grammar header of `grammars/{dimension}.lark` (extension points)"\n\n'
            + indent("```text\n" + header + "\n```\n")
        )
    out.append("## Families\n")
    out.append(
        table(
            ["Family", "Examples", "Negative"],
            [
                [
                    f"[{md_escape(name)}](#{slug(name)})",
                    str(sum(1 for e in items if not e.get("negative"))),
                    str(sum(1 for e in items if e.get("negative"))),
                ]
                for name, items in families.items()
            ],
        )
    )
    for name, items in families.items():
        out.append(f"## {_heading(name)}\n")
        positives = [e for e in items if not e.get("negative")]
        negatives = [e for e in items if e.get("negative")]
        keys: list[str] = []
        for item in positives:
            keys += [k for k in item if k not in CORPUS_META_KEYS and k not in keys]
        if positives:
            # A value every example of the family shares is said once, above the table.
            shared = [
                k
                for k in keys
                if len(positives) > 1
                and all(k in e for e in positives)
                and len({json.dumps(e[k], sort_keys=True) for e in positives}) == 1
            ]
            if shared:
                out.append(
                    "All these examples have "
                    + ", ".join(f"{code(k)} {_value_text(positives[0][k])}" for k in shared)
                    + ".\n"
                )
            columns = [k for k in keys if k not in shared]
            rows = [[_phrase_cell(e)] + [_value_text(e.get(k, _MISSING)) for k in columns] for e in positives]
            out.append(table(["Phrase", *[code(k) for k in columns]], rows))
        if negatives:
            out.append("Not extracted:\n")
            out.append("".join(f"- {_phrase_cell(e)}\n" for e in negatives))
    return "\n".join(out)


# --- weapon taxonomy -------------------------------------------------------------


def load_weapon_taxonomy() -> Any:
    """The weapon taxonomy, through the weapons package's loader when it has one.

    Returns:
        The taxonomy (whatever structure the loader or ``data/weapons.json`` gives),
        or ``None`` when it does not exist yet.
    """
    for module_name in ("milinc.weapons", "milinc.weapons.taxonomy"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        loader = getattr(module, "load_taxonomy", None)
        if callable(loader):
            with contextlib.suppress(FileNotFoundError):
                return loader()
    path = package_dir() / "data" / "weapons.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return None


def _as_plain(value: Any) -> Any:
    """attrs instances, dataclasses and mappings → plain dicts and lists."""
    import dataclasses

    import attrs

    if attrs.has(type(value)):
        return {k: _as_plain(v) for k, v in attrs.asdict(value, recurse=False).items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _as_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_as_plain(v) for v in value]
    return value


def _words(value: Any) -> str:
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_words(v) for v in value if _words(v))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_words(v)}" for k, v in value.items())
    return str(value)


def _records(value: Any, key_name: str) -> list[dict[str, Any]]:
    """A list of records from a list, or from a mapping of key → record."""
    if isinstance(value, list):
        return [v if isinstance(v, dict) else {key_name: v} for v in value]
    if isinstance(value, dict):
        return [{key_name: k, **v} if isinstance(v, dict) else {key_name: k, "entries": v} for k, v in value.items()]
    return []


def _record_table(records: list[dict[str, Any]], first: Sequence[str]) -> str:
    keys: list[str] = [k for k in first if any(k in r for r in records)]
    for record in records:
        keys += [k for k in record if k not in keys]
    rows = [[md_escape(_words(r.get(k))) for k in keys] for r in records]
    return table([k.replace("_", " ").capitalize() for k in keys], rows)


def _phrases(items: Any) -> str:
    return ", ".join(md_escape(str(x)) for x in items or ())


def _enum_text(value: Any) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else ("" if value is None else str(value))


def _render_taxonomy_object(taxonomy: Any) -> str:
    """Tables from a loaded ``Taxonomy`` (categories, subtypes, systems, carriers, modifiers)."""
    categories = list(getattr(taxonomy, "categories", ()))
    systems = list(getattr(taxonomy, "systems", ()))
    out = [
        f"{len(categories)} categories, "
        f"{sum(len(getattr(c, 'subtypes', ())) for c in categories)} subtypes and "
        f"{len(systems)} named systems.\n",
        "## Categories\n",
        table(
            ["Category", "Description", "Head nouns", "Subtypes"],
            [
                [
                    code(_enum_text(c.category)),
                    md_escape(str(getattr(c, "label", ""))),
                    _phrases(getattr(c, "nouns", ())),
                    ", ".join(code(st.name) for st in getattr(c, "subtypes", ())),
                ]
                for c in categories
            ],
        ),
        "## Subtypes\n",
        table(
            ["Category", "Subtype", "Description", "Marked by"],
            [
                [
                    code(_enum_text(c.category)),
                    code(st.name),
                    md_escape(str(getattr(st, "label", ""))),
                    _phrases([*getattr(st, "nouns", ()), *getattr(st, "modifiers", ())]),
                ]
                for c in categories
                for st in getattr(c, "subtypes", ())
            ],
        ),
        "## Named systems\n",
        "`Weapon.name` reports the canonical name whatever the spelling. A system marked *after a "
        "weapon noun* is a common word or a person's name too, and is read as a weapon only after a "
        'weapon noun ("missiles Milan").\n',
    ]
    order = {_enum_text(c.category): i for i, c in enumerate(categories)}
    rows = []
    for system in sorted(systems, key=lambda x: (order.get(_enum_text(x.category), 99), x.name.lower())):
        notes = []
        if getattr(system, "needs_head", False):
            notes.append("after a weapon noun")
        if getattr(system, "same_as", None):
            notes.append(f"same system as {system.same_as}")
        spellings = [a for a in getattr(system, "aliases", ()) if a != system.name]
        rows.append(
            [
                md_escape(system.name),
                code(_enum_text(system.category)),
                code(system.subtype) if getattr(system, "subtype", None) else "",
                _phrases(spellings),
                md_escape("; ".join(notes)),
            ]
        )
    out.append(table(["Name", "Category", "Subtype", "Other spellings", "Notes"], rows))
    nouns = getattr(taxonomy, "nouns", {}) or {}
    carriers = {n.lemma: n for n in nouns.values() if getattr(n, "carrier", False)}
    if carriers:
        out.append("## Nouns that need a complement\n")
        out.append(
            "These nouns name a weapon only with a complement, a modifier or a system name "
            '("tirs d\'artillerie", "système Patriot"); alone they are not weapon mentions.\n'
        )
        out.append(
            table(
                ["Noun", "Category with a modifier alone"],
                [[md_escape(lemma), code(_enum_text(n.default)) if n.default else ""] for lemma, n in carriers.items()],
            )
        )
    for title, attribute in (("Modifiers", "modifiers"), ("Complements", "complements")):
        entries = {m.lemma: m for m in (getattr(taxonomy, attribute, {}) or {}).values()}
        if entries:
            out.append(f"## {title}\n")
            out.append(
                table(
                    ["Phrase", "Subtype", "Category it gives"],
                    [
                        [
                            md_escape(lemma),
                            code(m.subtype) if m.subtype else "",
                            code(_enum_text(m.category)) if m.category else "",
                        ]
                        for lemma, m in entries.items()
                    ],
                )
            )
    false_friends = list(getattr(taxonomy, "false_friends", ()))
    if false_friends:
        out.append("## Not weapons\n")
        out.append(
            "In these phrases the bracketed word is not a weapon mention: "
            + "; ".join(code(f) for f in false_friends)
            + ".\n"
        )
    return "\n".join(out)


def render_weapon_taxonomy() -> str:
    """The weapon taxonomy as tables: categories with subtypes and nouns, then named systems."""
    loaded = load_weapon_taxonomy()
    if loaded is not None and hasattr(loaded, "categories") and hasattr(loaded, "systems"):
        return _render_taxonomy_object(loaded)
    data = _as_plain(loaded)
    if data is None:
        return (
            '!!! note "Being written"\n    The weapon taxonomy (`src/milinc/data/weapons.json`) does not exist yet.\n'
        )
    out = []
    if isinstance(data, dict):
        meta = {k: v for k, v in data.items() if isinstance(v, (str, int, float))}
        for key, value in meta.items():
            out.append(f"- {md_escape(key)}: {md_escape(str(value))}")
        if meta:
            out.append("")
        sections = {k: v for k, v in data.items() if k not in meta}
    else:
        sections = {"entries": data}
    for key, value in sections.items():
        records = _records(value, "name" if "system" in key else "category")
        out.append(f"## {key.replace('_', ' ').capitalize()} ({len(records)})\n")
        if not records:
            out.append(code(json.dumps(value, ensure_ascii=False)) + "\n")
            continue
        out.append(_record_table(records, ["category", "name", "subtype", "subtypes", "aliases"]))
    return "\n".join(out)


# --- command line ------------------------------------------------------------------


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser, str]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, sub, helps.get(name, "")


def _options_table(parser: argparse.ArgumentParser) -> str:
    rows = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        names = ", ".join(action.option_strings) or (action.metavar or action.dest)
        if action.nargs == 0 or not action.option_strings:
            argument = ""
        elif action.choices:
            argument = " \\| ".join(code(c) for c in action.choices)
        else:
            argument = code(str(action.metavar or action.dest.upper()))
        default = (
            ""
            if action.default in (None, False, argparse.SUPPRESS) or action.nargs == 0
            else code(repr(action.default) if not isinstance(action.default, str) else action.default)
        )
        rows.append([code(str(names)), argument, default, inline_markdown(action.help or "")])
    if not rows:
        return ""
    return table(["Option", "Argument", "Default", "Meaning"], rows)


def _help_text(parser: argparse.ArgumentParser) -> str:
    # argparse wraps to the terminal width: fix it so the page is the same everywhere.
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"
    try:
        return parser.format_help()
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def render_cli() -> str:
    """Every command of ``milinc`` with its usage, options and help, from ``build_parser()``."""
    from milinc import cli
    from milinc.cli import build_parser

    parser = build_parser()
    out = []
    # The module docstring states the inputs, outputs and exit statuses: show it as written.
    details = inspect.cleandoc(cli.__doc__ or "").partition("\n")[2].strip("\n").rstrip()
    if details:
        out += ["## Inputs, outputs and exit status\n", details + "\n"]
    out += ["## `milinc`\n", "```text\n" + _help_text(parser).rstrip() + "\n```\n"]
    for name, sub, help_text in _subparsers(parser):
        out.append(f"## `milinc {name}`\n")
        if help_text:
            out.append(help_text[0].upper() + help_text[1:] + ".\n")
        options = _options_table(sub)
        if options:
            out.append(options)
        out.append(
            '??? example "`milinc '
            + name
            + ' --help`"\n\n'
            + indent("```text\n" + _help_text(sub).rstrip() + "\n```\n")
        )
        for nested_name, nested, nested_help in _subparsers(sub):
            out.append(f"### `milinc {name} {nested_name}`\n\n{md_escape(nested_help)}\n")
            out.append(_options_table(nested))
    return "\n".join(out)


# --- API reference -------------------------------------------------------------------


@dataclass
class ApiModule:
    """One module of the API reference."""

    path: str
    """Dotted module path."""
    members: list[str]
    """Public names defined in the module."""
    reexports: dict[str, str] = field(default_factory=dict)
    """Public names imported from elsewhere → their target's dotted path."""
    summary: str = ""
    """First line of the module docstring."""
    reexport_summaries: dict[str, str] = field(default_factory=dict)
    """Re-exported name → first line of its target's docstring."""

    @property
    def page(self) -> str:
        """The page of the module, relative to ``docs/``."""
        return f"reference/{self.path}.md"


@functools.cache
def load_api() -> Any:
    """The ``milinc`` package loaded statically by griffe (Google docstrings)."""
    import griffe

    return griffe.load("milinc", search_paths=[str(SRC)], docstring_parser="google", resolve_aliases=False)


def _is_private_module(name: str) -> bool:
    return any(part.startswith("_") for part in name.split(".")[1:])


def _summary(alias: Any) -> str:
    """The first line of the docstring of an alias's target ("" when it cannot be resolved)."""
    import griffe

    try:
        docstring = alias.final_target.docstring
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return ""
    return docstring.value.strip().split("\n")[0] if docstring else ""


def _exported_names(module: Any) -> list[str] | None:
    exports = getattr(module, "exports", None)
    if exports is None:
        return None
    return [e if isinstance(e, str) else getattr(e, "name", str(e)) for e in exports]


def api_modules(package: Any = None) -> list[ApiModule]:
    """Every public module of ``milinc``, with its public names, in reading order."""
    package = package if package is not None else load_api()
    found: list[ApiModule] = []

    def walk(module: Any) -> None:
        if not _is_private_module(module.path):
            exported = _exported_names(module)
            members: list[str] = []
            reexports: dict[str, str] = {}
            summaries: dict[str, str] = {}
            for name, member in module.members.items():
                public = name in exported if exported is not None else not name.startswith("_")
                if not public or (member.is_module and exported is None):
                    continue
                if member.is_alias:
                    if exported is not None:
                        reexports[name] = member.target_path
                        summaries[name] = _summary(member)
                elif not member.is_module:
                    members.append(name)
            if exported is not None:
                # Keep the order of __all__ where there is one.
                members.sort(key=lambda n: exported.index(n) if n in exported else len(exported))
            doc = module.docstring.value if module.docstring else ""
            found.append(
                ApiModule(module.path, members, reexports, doc.strip().split("\n")[0] if doc else "", summaries)
            )
        for sub in sorted((m for m in module.modules.values() if not m.is_alias), key=lambda m: m.path):
            walk(sub)

    walk(package)
    # A re-export whose target is not public where it is defined is documented where it is exported.
    rendered = {m.path for m in found} | {f"{m.path}.{name}" for m in found for name in m.members}
    for entry in found:
        for name, target in list(entry.reexports.items()):
            if target not in rendered and target.startswith(package.path + "."):
                del entry.reexports[name]
                entry.reexport_summaries.pop(name, None)
                entry.members.append(name)
                rendered.add(f"{entry.path}.{name}")
    return found


def _attributes_section(cls: Any) -> set[str]:
    """Names documented in the ``Attributes:`` section of a class docstring."""
    import griffe

    if not cls.docstring:
        return set()
    names: set[str] = set()
    for section in griffe.parse(cls.docstring, "google", warnings=False):
        if section.kind is griffe.DocstringSectionKind.attributes:
            names.update(item.name for item in section.value)
    return names


def undocumented_names(package: Any = None, *, kinds: Sequence[str] | None = None) -> list[str]:
    """Public modules, classes, functions, methods and attributes that have no docstring.

    An attribute also counts as documented when its class's docstring lists it
    in an ``Attributes:`` section. Enum members are not checked: the enum's
    docstring and the member's value say what they are.

    Args:
        package: the griffe package (loaded with :func:`load_api` by default).
        kinds: only report objects of these kinds (``module``, ``class``,
            ``function``, ``attribute``); all by default.
    """
    package = package if package is not None else load_api()
    missing: list[str] = []
    modules = {m.path: m for m in api_modules(package)}

    def check(obj: Any, depth: int, documented_elsewhere: bool = False) -> None:
        if obj.is_alias:
            return
        kind = obj.kind.value
        undocumented = (not obj.docstring or not obj.docstring.value.strip()) and not documented_elsewhere
        if undocumented and (kinds is None or kind in kinds):
            missing.append(obj.path)
        if obj.is_class and depth < 2:
            in_section = _attributes_section(obj)
            for name, member in obj.members.items():
                if name.startswith("_") or member.is_alias:
                    continue
                if member.is_class or member.is_function:
                    check(member, depth + 1)
                elif member.is_attribute and not _is_enum_class(obj):
                    check(member, depth + 1, name in in_section)

    for path, entry in modules.items():
        module = package if path == package.path else package[path[len(package.path) + 1 :]]
        check(module, 0)
        for name in entry.members:
            check(module.members[name], 1)
    return missing


def _is_enum_class(cls: Any) -> bool:
    # Enum members are named values: their meaning is the enum's docstring plus the value.
    return any(str(base).split(".")[-1] in {"Enum", "IntEnum", "StrEnum"} or str(base) == "str" for base in cls.bases)


def docstring_problems(package: Any = None) -> list[str]:
    """Messages griffe logs while parsing the public docstrings as Google style."""
    import logging

    import griffe

    package = package if package is not None else load_api()
    problems: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("griffe")
    logger.addHandler(handler)
    try:

        def visit(obj: Any) -> None:
            if obj.is_alias:
                return
            if obj.docstring:
                griffe.parse(obj.docstring, "google")
            for name, member in obj.members.items():
                if not name.startswith("_") or name == "__init__":
                    visit(member)

        for entry in api_modules(package):
            module = package if entry.path == package.path else package[entry.path[len(package.path) + 1 :]]
            if module.docstring:
                griffe.parse(module.docstring, "google")
            for name in entry.members:
                visit(module.members[name])
    finally:
        logger.removeHandler(handler)
    return problems


def render_api_page(module: ApiModule) -> str:
    """The mkdocstrings page of one module."""
    members = ", ".join(json.dumps(name) for name in module.members)
    # The module is the page's root heading (level 1), so links to the module resolve here.
    out = [
        f"::: {module.path}\n    options:\n      show_root_heading: true\n      heading_level: 1\n"
        f"      members: [{members}]\n"
    ]
    if module.reexports:
        out.append("## Re-exported names\n")
        out.append("These names are defined in other modules and imported here for convenience.\n")
        rows = [
            [
                f"[`{name}`][{target}]" if target.startswith("milinc.") else f"`{name}`",
                f"`{target.rsplit('.', 1)[0]}`",
                inline_markdown(module.reexport_summaries.get(name, "")),
            ]
            for name, target in module.reexports.items()
        ]
        out.append(table(["Name", "Defined in", "What it is"], rows))
    return "\n".join(out)


PUBLIC_NAMES: tuple[str, ...] = (
    "parse",
    "Parser",
    "parse_many",
    "parse_records",
    "Document",
    "to_json",
    "from_json",
    "to_html",
)
"""The names of ``milinc`` that most programs need, in the order the API reference presents them."""

PUBLIC_MODULES: tuple[str, ...] = (
    "milinc",
    "milinc.ontology",
    "milinc.export",
    "milinc.plugins",
    "milinc.testing",
    "milinc.render",
    "milinc.integrations.dask",
    "milinc.errors",
)
"""The modules of the public API (with their submodules), first in the API reference; the others are internals."""


def _public_rank(path: str) -> int | None:
    """The place in ``PUBLIC_MODULES`` of the public module *path* is (or is a submodule of); None if internal."""
    for rank, public in enumerate(PUBLIC_MODULES):
        if path == public or (public != "milinc" and path.startswith(public + ".")):
            return rank
    return None


def is_public_module(path: str) -> bool:
    """Whether the API reference lists module *path* under the public API (else under "Internals")."""
    return _public_rank(path) is not None


def split_api_modules(modules: Sequence[ApiModule]) -> tuple[list[ApiModule], list[ApiModule]]:
    """(public modules in the order of ``PUBLIC_MODULES``, internal modules in reading order)."""
    public = sorted((m for m in modules if is_public_module(m.path)), key=lambda m: (_public_rank(m.path), m.path))
    return public, [m for m in modules if not is_public_module(m.path)]


def _public_name_rows(modules: Sequence[ApiModule]) -> list[list[str]]:
    """One row per name of ``PUBLIC_NAMES``: a link to where it is documented, and its summary."""
    top = next((m for m in modules if m.path == "milinc"), None)
    rows: list[list[str]] = []
    for name in PUBLIC_NAMES:
        if top is None:
            break
        if name in top.members:
            target, summary = f"milinc.{name}", _member_summary(f"milinc.{name}")
        elif name in top.reexports:
            target, summary = top.reexports[name], top.reexport_summaries.get(name, "")
        else:
            continue
        rows.append([f"[`milinc.{name}`][{target}]", inline_markdown(summary)])
    return rows


def _member_summary(path: str) -> str:
    package = load_api()
    try:
        obj = package[path[len(package.path) + 1 :]]
    except KeyError:
        return ""
    return obj.docstring.value.strip().split("\n")[0] if obj.docstring else ""


def render_api_index(modules: Sequence[ApiModule]) -> str:
    """The API reference's index: the public API first (its main names, then its modules), internals after."""
    public, internal = split_api_modules(modules)
    out = ["## Public API\n"]
    names = _public_name_rows(modules)
    if names:
        out.append("What most programs need, all importable from `milinc`:\n")
        out.append(table(["Name", "What it is"], names))
    out.append("### Public modules\n")
    out.append(
        table(["Module", "What it holds"], [[f"[`{m.path}`]({m.path}.md)", inline_markdown(m.summary)] for m in public])
    )
    if internal:
        out.append("## Internals\n")
        out.append(
            "The modules that implement the pipeline, documented for contributors and plugin authors who need "
            "to look inside. Their names may change between minor versions; use the public API above.\n"
        )
        out.append(
            table(
                ["Module", "What it holds"],
                [[f"[`{m.path}`]({m.path}.md)", inline_markdown(m.summary)] for m in internal],
            )
        )
    return "\n".join(out)


# --- code examples ------------------------------------------------------------------

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")
_FILE_TITLE = re.compile(r'title="(?P<name>[\w\-/]+\.\w+)"')
_DIRECTIVE = re.compile(r"^\s*<!--\s*test:\s*(?P<kind>skip|requires)\b\s*(?P<arg>.*?)\s*-->\s*$")


@dataclass
class CodeBlock:
    """A fenced code block of a markdown page."""

    lang: str
    """The first word of the info string (``python``, ``console``, ``text``…)."""
    info: str
    """The whole info string."""
    code: str
    """The content, de-indented."""
    line: int
    """1-based line of the opening fence."""
    content_start: int
    """Index of the first content line (0-based, in the page's lines)."""
    content_end: int
    """Index just past the last content line."""
    indent: str
    """Indentation of the fence (blocks inside admonitions are indented)."""
    directive: tuple[str, str] | None = None
    """A ``<!-- test: ... -->`` directive written just before the block."""
    output: CodeBlock | None = None
    """The ``title="Output"`` block that follows a python block, if any."""


_SNIPPET = re.compile(
    r"""^(?P<pad>[ \t]*)-{1,}8<-{1,}[ \t]+(?P<q>["']?)(?P<path>[^"'\n]+)(?P=q)[ \t]*$""", re.MULTILINE
)


def expand_snippets(text: str, base: Path = ROOT) -> str:
    """Replace ``--8<-- "path"`` lines (pymdownx.snippets, base path: the repository) by the file's text."""

    def include(match: re.Match[str]) -> str:
        path = base / match["path"].strip()
        content = path.read_text(encoding="utf-8") if path.is_file() else match.group(0)
        return "".join(match["pad"] + line for line in content.splitlines(keepends=True)).rstrip("\n")

    return _SNIPPET.sub(include, text)


def code_blocks(markdown: str) -> list[CodeBlock]:
    """Every fenced block of *markdown*, with outputs attached to the python blocks they follow."""
    lines = markdown.splitlines()
    blocks: list[CodeBlock] = []
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, pad, info = m["fence"], m["indent"], m["info"].strip()
        j = i + 1
        while j < len(lines) and not (lines[j].strip().startswith(fence) and lines[j].strip().strip(fence[0]) == ""):
            j += 1
        body = [line[len(pad) :] if line.startswith(pad) else line.lstrip() for line in lines[i + 1 : j]]
        body = expand_snippets("\n".join(body)).split("\n") if body else body
        prev = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        d = _DIRECTIVE.match(prev)
        lang = re.split(r"[\s{]", info.lstrip("{."), maxsplit=1)[0] if info else ""
        blocks.append(
            CodeBlock(
                lang=lang,
                info=info,
                code="\n".join(body) + ("\n" if body else ""),
                line=i + 1,
                content_start=i + 1,
                content_end=j,
                indent=pad,
                directive=(d["kind"], d["arg"]) if d else None,
            )
        )
        i = j + 1
    for before, after in itertools.pairwise(blocks):
        between = lines[before.content_end + 1 : after.line - 1]
        if (
            before.lang == "python"
            and after.lang == "text"
            and 'title="Output"' in after.info
            and all(not line.strip() for line in between)
        ):
            before.output = after
    return blocks


@dataclass
class ExampleResult:
    """What running one executable block gave."""

    block: CodeBlock
    """The block run."""
    output: str
    """Everything it printed (for a console block: the transcript with real outputs)."""
    expected: str | None
    """What the page shows as its output, if it shows one."""
    skipped: str | None = None
    """Why the block was not run."""
    error: str | None = None
    """The traceback, when it raised."""


def clean_output(text: str) -> str:
    """Output as written into a page: without trailing spaces, leading or trailing blank lines."""
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def normalize_output(text: str) -> str:
    """Output as compared: line by line, ignoring trailing spaces and blank lines."""
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip())


def _skip_reason(block: CodeBlock) -> str | None:
    if block.directive is None:
        return None
    kind, arg = block.directive
    if kind == "skip":
        return arg or "skipped by the page"
    missing = [name for name in re.split(r"[\s,]+", arg) if name and importlib.util.find_spec(name) is None]
    return f"needs {', '.join(missing)}" if missing else None


def _run_python(block: CodeBlock, namespace: dict[str, Any], page: str) -> tuple[str, str | None]:
    buffer = io.StringIO()
    try:
        compiled = compile(block.code, f"{page}:{block.line}", "exec")
        with contextlib.redirect_stdout(buffer):
            exec(compiled, namespace)
    except Exception:
        return buffer.getvalue(), traceback.format_exc()
    return buffer.getvalue(), None


def is_doctest(block: CodeBlock) -> bool:
    """Whether a python (or ``pycon``) block is an interactive session (``>>>`` lines)."""
    first = next((line for line in block.code.splitlines() if line.strip()), "")
    return block.lang in ("python", "pycon") and first.lstrip().startswith(">>>")


def _run_doctest(block: CodeBlock, namespace: dict[str, Any], page: str) -> tuple[str, str | None]:
    """Replay an interactive session: (the session with the real outputs, error)."""
    import doctest

    session: list[str] = []
    for example in doctest.DocTestParser().get_examples(block.code):
        source = example.source.rstrip("\n").split("\n")
        session += [">>> " + source[0], *("... " + line for line in source[1:])]
        buffer = io.StringIO()
        try:
            # "single" mode echoes the value of an expression, as the interpreter does.
            compiled = compile(example.source, f"{page}:{block.line + example.lineno}", "single")
            with contextlib.redirect_stdout(buffer):
                exec(compiled, namespace)
        except Exception as exc:
            if example.exc_msg is None:
                return "\n".join(session), traceback.format_exc()
            buffer.write("Traceback (most recent call last):\n    ...\n")
            buffer.write("".join(traceback.format_exception_only(type(exc), exc)))
        printed = buffer.getvalue().rstrip("\n")
        if printed:
            session += printed.split("\n")
    return "\n".join(session), None


def _console_commands(block: CodeBlock) -> list[tuple[str, str]]:
    """The ``(command, shown output)`` pairs of a console transcript."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.code.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:].strip(), []))
        elif pairs:
            pairs[-1][1].append(line)
    return [(command, "\n".join(shown)) for command, shown in pairs]


def _run_console(block: CodeBlock) -> tuple[str, str | None, str]:
    """Run the ``milinc`` commands of a transcript: (real transcript, error, shown transcript)."""
    from milinc.cli import main

    real: list[str] = []
    for command, _shown in _console_commands(block):
        argv = shlex.split(command)
        real.append("$ " + command)
        if not argv or argv[0] != "milinc":
            return "", f"only milinc commands can be run in a console block, not {command!r}", block.code
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv[1:])
        text = out.getvalue() + err.getvalue()
        if text.strip():
            real.append(clean_output(text))
        wanted = re.search(r"exit status (\d+)", block.info)
        if (status or 0) != (int(wanted[1]) if wanted else 0):
            return "\n".join(real), f"{command!r} exited with status {status}:\n{text}", block.code
    return "\n".join(real), None, block.code


def run_page(path: Path, workdir: Path | None = None) -> list[ExampleResult]:
    """Run the executable blocks of a page in order, in *workdir* (a fresh temporary directory by default)."""
    markdown = path.read_text(encoding="utf-8")
    page = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    results: list[ExampleResult] = []
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="milinc-docs-")))
        old_cwd = os.getcwd()
        os.chdir(workdir)
        stack.callback(os.chdir, old_cwd)
        for block in code_blocks(markdown):
            if block.lang not in ("python", "console") and not is_doctest(block):
                # A block titled with a file name is a file the following examples use.
                named = _FILE_TITLE.search(block.info)
                if named and block.directive is None:
                    target = workdir / named["name"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(block.code, encoding="utf-8")
                continue
            reason = _skip_reason(block)
            if reason:
                results.append(ExampleResult(block, "", None, skipped=reason))
                continue
            if is_doctest(block):
                session, error = _run_doctest(block, namespace, page)
                results.append(ExampleResult(block, session, block.code, error=error))
            elif block.lang == "python":
                printed, error = _run_python(block, namespace, page)
                expected = block.output.code if block.output else None
                results.append(ExampleResult(block, printed, expected, error=error))
            else:
                transcript, error, shown = _run_console(block)
                results.append(ExampleResult(block, transcript, shown, error=error))
    return results


def update_outputs(path: Path) -> int:
    """Rewrite the outputs a page shows with the real ones; returns how many changed.

    Raises:
        RuntimeError: an example raised (nothing is written then).
    """
    results = run_page(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    edits: list[tuple[int, int, str, str]] = []
    for result in results:
        if result.error:
            raise RuntimeError(f"{path}:{result.block.line}: the example fails:\n{result.error}")
        if result.skipped or result.expected is None:
            continue
        if normalize_output(result.output) == normalize_output(result.expected):
            continue
        in_place = result.block.lang == "console" or is_doctest(result.block)
        target = result.block if in_place else result.block.output
        assert target is not None
        edits.append((target.content_start, target.content_end, target.indent, clean_output(result.output)))
    for start, end, pad, text in sorted(edits, reverse=True):
        lines[start:end] = [pad + line if line else line for line in text.splitlines()]
    if edits:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(edits)


def example_pages() -> list[Path]:
    """Every markdown page of ``docs/``, plus the root pages it includes."""
    pages = sorted(DOCS.rglob("*.md"))
    return pages + [p for p in (ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md") if p.is_file()]


# --- command line of this script -----------------------------------------------------

GENERATORS: dict[str, Callable[[], str]] = {
    "ontology": render_ontology,
    "json-schema": render_json_schema,
    "cli": render_cli,
    "grammar-overview": render_grammar_overview,
    "weapon-taxonomy": render_weapon_taxonomy,
    "api-index": lambda: render_api_index(api_modules()),
}
"""Markers ``<!-- generate: NAME -->`` a page may hold, and what replaces them."""


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate the outputs shown in the docs, or print a generated section."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--update-outputs", nargs="*", metavar="PAGE", help="rewrite shown outputs (all pages)")
    parser.add_argument("--print", choices=sorted(GENERATORS), help="print one generated section")
    args = parser.parse_args(argv)
    if args.print:
        sys.stdout.write(GENERATORS[args.print]())
        return 0
    if args.update_outputs is not None:
        pages = [Path(p).resolve() for p in args.update_outputs] or example_pages()
        failed = 0
        for page in pages:
            try:
                changed = update_outputs(page)
            except RuntimeError as exc:
                failed += 1
                print(exc, file=sys.stderr)
                continue
            if changed:
                print(f"{page.relative_to(ROOT)}: {changed} output(s) updated")
        return 1 if failed else 0
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "GENERATORS",
    "ApiModule",
    "CodeBlock",
    "ExampleResult",
    "api_modules",
    "code_blocks",
    "docstring_problems",
    "load_corpus",
    "render_api_index",
    "render_api_page",
    "render_cli",
    "render_grammar_dimension",
    "render_grammar_overview",
    "render_json_schema",
    "render_ontology",
    "render_weapon_taxonomy",
    "run_page",
    "undocumented_names",
    "update_outputs",
]
