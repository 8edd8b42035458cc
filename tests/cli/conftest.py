"""Running the command line in-process, as a script would, against files in tmp_path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from grassroots.__main__ import main


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Call `grassroots ARGS...` and collect its exit code, stdout and stderr."""

    def call(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture
def group_db(tmp_path: Path, cli) -> Path:
    """A database set up by `grassroots init`."""
    path = tmp_path / "group.db"
    assert cli("init", "--db", path, "--name", "Ashby Village Hall").code == 0
    return path
