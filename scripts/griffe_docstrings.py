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


def _exists(package: Any, path: str) -> bool:
    if path == package.path:
        return True
    if not path.startswith(package.path + "."):
        return False
    try:
        package[path[len(package.path) + 1 :]]
    except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return False
    return True


def _resolve(obj: Any, package: Any, target: str) -> str | None:
    """The full path *target* names from *obj*'s scope, when it is an object of the package."""
    head, _, rest = target.partition(".")
    candidates = [target]
    try:
        resolved = obj.resolve(head)
        candidates.insert(0, f"{resolved}.{rest}" if rest else resolved)
    except (griffe.NameResolutionError, AttributeError, KeyError):
        pass
    candidates.append(f"{package.path}.{target}")
    for path in candidates:
        if _exists(package, path):
            return str(path)
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
