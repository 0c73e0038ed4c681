"""Regenerate the compiled tables milinc ships (``src/milinc/compiled/``).

Run it after changing a grammar (``src/milinc/grammars/*.lark``), a lexicon or
word list the grammars or anchors are built from, ``milinc/engine.py`` or
``milinc/normalize.py`` (``tests/test_grammar_tables.py`` fails until you do)::

    python scripts/build_tables.py          # rewrite the tables
    python scripts/build_tables.py --check  # exit 1 when they are stale

It builds the default parser without plugins, in memory (no cache is read), and
writes what that compiled: each grammar's LALR tables as JSON
(``grammar-<key>.json``), the driver tables the matcher reads at start-up
(``driver-<key>.json``), the regexes of the big lexicons
(``lexicons.json``) and the weapon taxonomy in its derived form (``weapons-taxonomy.json``). Old ``grammar-*.json`` and ``driver-*.json`` files are
removed; no other file of the directory is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "milinc" / "compiled"
_OURS = re.compile(r"^(?:grammar|driver)-[0-9a-f]{32}\.json$")


def collect() -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """The grammar entries (by file name) and lexicon regexes (by key) the default parser compiles."""
    os.environ["MILINC_CACHE_DIR"] = ""  # build everything in memory, read nothing from a cache
    sys.path.insert(0, str(ROOT / "src"))
    from milinc import engine, grammar_tables
    from milinc.pipeline import Parser

    grammar_tables._shipped = lambda key: None  # type: ignore[assignment]  # rebuild even what is shipped
    grammar_tables._shipped_driver = lambda key: None  # type: ignore[assignment]
    engine._shipped_lexicons.cache_clear()
    engine._shipped_lexicons = lambda: {}  # type: ignore[assignment]
    grammars: dict[str, dict[str, Any]] = {}
    original_load = grammar_tables.load

    def load(text: str, start: str, transformer: Any, **kwargs: Any) -> Any:
        return original_load(
            text, start, transformer, on_built=lambda key, entry: grammars.__setitem__(key, entry)
        )

    drivers: dict[str, dict[str, Any]] = {}
    original_load_driver = grammar_tables.load_driver_tables

    def load_driver_tables(text: str, start: str, transformer: Any, **kwargs: Any) -> Any:
        return original_load_driver(
            text, start, transformer, on_built=lambda key, entry: drivers.__setitem__(key, entry)
        )

    grammar_tables.load = load  # type: ignore[assignment]
    grammar_tables.load_driver_tables = load_driver_tables  # type: ignore[assignment]
    Parser(discover=False)
    entries = {grammar_tables.shipped_file_name(key): entry for key, entry in grammars.items()}
    entries.update({grammar_tables.driver_file_name(key): entry for key, entry in drivers.items()})
    lexicons = {key: [regex, list(initials)] for key, (regex, initials) in sorted(engine._built_lexicons.items())}
    return entries, lexicons


def weapons_taxonomy() -> dict[str, Any]:
    """The weapon taxonomy in its derived form (``weapons-taxonomy.json``), built from ``data/weapons.json``."""
    from milinc.weapons import taxonomy

    raw = (ROOT / "src" / "milinc" / "data" / "weapons.json").read_bytes()
    built = taxonomy.build_taxonomy(json.loads(raw.decode("utf-8")))
    return {"key": taxonomy.taxonomy_key(raw), "taxonomy": taxonomy.taxonomy_to_data(built)}


def _outdated_driver(path: Path) -> bool:
    """Whether *path* is driver tables of an older format (same grammar key, so the name alone does not tell)."""
    if not path.name.startswith("driver-"):
        return False
    from milinc import grammar_tables

    try:
        return json.loads(path.read_text("utf-8")).get("format") != grammar_tables.DRIVER_FORMAT
    except (OSError, ValueError, AttributeError):
        return True


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only say whether the shipped tables are up to date")
    args = ap.parse_args(argv)
    entries, lexicons = collect()
    # a grammar's file name holds the digest of its text: an existing file is kept as it is (lark numbers
    # its states differently from one run to the next, so rewriting it would only churn the repository)
    present = {p.name for p in OUT.glob("*.json")} if OUT.is_dir() else set()
    missing = sorted(name for name in entries if name not in present or _outdated_driver(OUT / name))
    lexicons_path = OUT / "lexicons.json"
    try:
        lexicons_stale = json.loads(lexicons_path.read_text("utf-8")) != lexicons
    except (OSError, ValueError):
        lexicons_stale = True
    taxonomy = weapons_taxonomy()
    taxonomy_path = OUT / "weapons-taxonomy.json"
    try:
        taxonomy_stale = json.loads(taxonomy_path.read_text("utf-8")) != taxonomy
    except (OSError, ValueError):
        taxonomy_stale = True
    extra = sorted(n for n in present - set(entries) if _OURS.match(n))
    stale_data = (["lexicons.json"] if lexicons_stale else []) + (["weapons-taxonomy.json"] if taxonomy_stale else [])
    if args.check:
        for name in missing + stale_data:
            print(f"stale or missing: {name}")
        for name in extra:
            print(f"not used any more: {name}")
        return 1 if missing or extra or stale_data else 0
    OUT.mkdir(parents=True, exist_ok=True)
    writes = {name: entries[name] for name in missing}
    if lexicons_stale:
        writes["lexicons.json"] = lexicons
    if taxonomy_stale:
        writes["weapons-taxonomy.json"] = taxonomy
    for name, value in writes.items():
        tmp = OUT / f".{name}.tmp"
        tmp.write_text(_dump(value), encoding="utf-8")
        os.replace(tmp, OUT / name)
        print(f"wrote {name}")
    for name in extra:
        (OUT / name).unlink()
        print(f"removed {name}")
    if not writes and not extra:
        print("the compiled tables are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
