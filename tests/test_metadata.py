"""The package's own metadata: its version, where it says it lives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import milinc
from milinc.cli import main

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_the_version_comes_from_the_installed_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    assert milinc.__version__ == version("milinc")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"milinc {version('milinc')}\n"


def test_a_source_checkout_reads_its_version_from_pyproject(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    pyproject = PYPROJECT.read_text(encoding="utf-8")
    assert f'version = "{milinc._installed_version()}"' in pyproject


def test_project_urls_are_real_or_absent() -> None:
    text = PYPROJECT.read_text(encoding="utf-8")
    section = text.split("[project.urls]", 1)[1].split("\n[", 1)[0] if "[project.urls]" in text else ""
    for url in re.findall(r'=\s*"([^"]+)"', section):
        assert url.startswith("https://"), url
        assert not re.search(r"example\.(com|org)|localhost|TODO|XXX|your-?org|placeholder", url, re.I), url


SRC = Path(milinc.__file__).resolve().parent


def _extras() -> dict[str, list[str]]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"]  # type: ignore[no-any-return]


def test_every_install_hint_names_the_packages_of_its_extra() -> None:
    from milinc.errors import _EXTRAS, install_hint

    extras = _extras()
    for extra, requirements in _EXTRAS.items():
        assert list(requirements) == extras[extra], extra
        assert f"pip install -e '.[{extra}]'" in install_hint(extra)


def test_no_message_or_docstring_asks_an_index_for_milinc() -> None:
    """milinc is not on PyPI: a hint to install the extra ``milinc[parquet]`` from an index fails for every user."""
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        for line in re.findall(r"pip install ([^\n`]*)", path.read_text(encoding="utf-8")):
            command = re.split(r"&&|\|\||[;|(),]", line.split("#", 1)[0], maxsplit=1)[0]
            for argument in command.split():
                name = re.split(r"[\[<>=!~;]", argument.strip("'\"()"), maxsplit=1)[0].lower()
                if name == "milinc":
                    wrong.append(f"{path.relative_to(SRC)}: pip install {line}")
    assert not wrong, "\n".join(wrong)
