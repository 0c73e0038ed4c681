"""A griffe extension that makes the package's docstrings render well in the API reference.

The docstrings follow the Google style, whose prose mkdocstrings renders as
markdown. Two habits of Python docstrings do not: Sphinx cross-reference roles
(``:class:`Document```, ``:func:`~milinc.parse```) and bare doctest examples
(``>>> ...``), whose output lines markdown would read as quotes or links. This
extension rewrites, for rendering only:

* a role whose target resolves to an object of the package into an autorefs
  link (``[`Document`][milinc.ontology.Document]``), and any other role into
  inline code;
* a run of doctest lines outside a fenced block into a ``pycon`` code block.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|data|mod|attr|exc|obj|const|term)?:`(?P<target>[^`]+)`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _lookup(package: Any, path: str) -> Any:
    if path == package.path:
        return package
    if not path.startswith(package.path + "."):
        return None
    try:
        return package[path[len(package.path) + 1 :]]
    except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None


def _public_chain(obj: Any, package: Any) -> bool:
    """Whether the API reference renders *obj*: it and every parent up to the package are public."""
    while obj is not None and obj is not package:
        if obj.name.startswith("_") or not obj.is_public:
            return False
        obj = obj.parent
    return True


def _rendered_path(package: Any, path: str) -> str | None:
    """The identifier under which the API reference documents *path*, if it does."""
    obj = _lookup(package, path)
    if obj is None:
        return None
    if obj.is_alias:
        try:
            target = obj.final_target
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            return None
        if not target.is_alias and _public_chain(target, package):
            return str(target.path)
        # a re-export of a name private where it is defined is documented where it is exported
        return path if _public_chain(obj, package) else None
    return path if _public_chain(obj, package) else None


def _resolve(obj: Any, package: Any, target: str) -> str | None:
    """The identifier of the object *target* names from *obj*'s scope, when the API reference shows it."""
    head, _, rest = target.partition(".")
    candidates = [target]
    try:
        resolved = obj.resolve(head)
        candidates.insert(0, f"{resolved}.{rest}" if rest else resolved)
    except (griffe.NameResolutionError, AttributeError, KeyError):
        pass
    candidates.append(f"{package.path}.{target}")
    for path in candidates:
        rendered = _rendered_path(package, str(path))
        if rendered:
            return rendered
    return None


def rewrite_roles(text: str, obj: Any, package: Any) -> str:
    """Sphinx roles in *text* → autorefs links (objects of the package) or inline code."""

    def replace(match: re.Match[str]) -> str:
        raw = match["target"].strip()
        shown_short = raw.startswith("~")
        target = raw.lstrip("~!").removesuffix("()")
        display = raw.lstrip("~!")
        if shown_short:
            display = display.rsplit(".", 1)[-1]
        path = _resolve(obj, package, target)
        return f"[`{display}`][{path}]" if path else f"`{display}`"

    return _ROLE.sub(replace, text)


def fence_doctests(text: str) -> str:
    """Wrap runs of ``>>>`` lines (with their output) that are not in a fenced block in ``pycon`` fences."""
    lines = text.split("\n")
    out: list[str] = []
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or not line.lstrip().startswith(">>>"):
            out.append(line)
            i += 1
            continue
        pad = line[: len(line) - len(line.lstrip())]
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        out.append(pad + "```pycon")
        out.extend(lines[i:j])
        out.append(pad + "```")
        i = j
    return "\n".join(out)


class SphinxRolesAndDoctests(griffe.Extension):
    """Rewrite roles and doctests of every docstring of the loaded package (for rendering)."""

    def on_package(self, *, pkg: Any, loader: Any, **kwargs: Any) -> None:
        """Rewrite the docstrings once the whole package is loaded (so names resolve)."""

        def visit(obj: Any) -> None:
            if obj.is_alias:
                return
            if obj.docstring is not None:
                obj.docstring.value = fence_doctests(rewrite_roles(obj.docstring.value, obj, pkg))
            for member in obj.members.values():
                visit(member)

        visit(pkg)
