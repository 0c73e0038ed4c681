"""The README's set-up commands and Python example stay true."""

from __future__ import annotations

import contextlib
import io
import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_python_example_prints_what_the_readme_shows() -> None:
    match = re.search(r"```python\n(.*?)```\s*prints\s*```text\n(.*?)```", README, re.S)
    assert match, "the README lost its example"
    code, shown = match.groups()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue().rstrip() == shown.rstrip()


def test_exactly_two_setup_commands_and_they_name_real_files() -> None:
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)\n```", setup, re.S)
    assert len(commands) == 2
    assert "milinc parse" in commands[0] and "pytest" in commands[1]
    for path in re.findall(r"(seeds/\S+\.txt|examples/\S+)", " ".join(commands)):
        assert (ROOT / path).exists(), path
