"""Set up Grassroots on a fresh machine, then run the app or the tests.

Usage (from the project folder, with any Python 3.11+):

    python3 installer/bootstrap.py run [grassroots arguments...]
    python3 installer/bootstrap.py test [pytest arguments...]

It makes a virtual environment in .venv, installs the project and its test tools into it
(again only when pyproject.toml changes), and on Linux installs the few system libraries Qt
needs when they are missing. Only the standard library is used here, because nothing else is
installed yet when it runs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".bootstrap-stamp"

# Debian/Ubuntu packages that the Qt xcb platform plugin loads at run time.
QT_DEBIAN_PACKAGES = [
    "libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libxkbcommon-x11-0",
    "libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
    "libxcb-xinerama0", "libxcb-randr0", "libxcb-render-util0", "libxcb-image0",
    "fonts-dejavu-core",  # Qt ships no fonts; a bare system may have none
]


def venv_script(name: str) -> Path:
    """A program installed into the virtual environment, on any OS."""
    if os.name == "nt":
        return VENV / "Scripts" / f"{name}.exe"
    return VENV / "bin" / name


def venv_python() -> Path:
    return venv_script("python")


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)


def missing_debian_packages(names: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for name in names:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def ensure_debian_packages(names: list[str]) -> None:
    """Install missing Debian packages; without root, say which command to run."""
    if not sys.platform.startswith("linux"):
        return
    missing = missing_debian_packages(names)
    if not missing:
        return
    if not shutil.which("apt-get"):
        print(f"Note: Qt may need these system libraries: {' '.join(missing)}")
        return
    prefix = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if prefix is None:
        print(f"Please install: apt-get install {' '.join(missing)}")
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run([*prefix, "apt-get", "update", "-qq"], env=env)
    run([*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def ensure_venv(with_tests: bool) -> None:
    if not venv_python().exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    extra = "[test]" if with_tests else ""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()
    have = STAMP.read_text().split() if STAMP.exists() else []
    if wanted in have:
        return
    py = str(venv_python())
    run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([py, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}{extra}"])
    STAMP.write_text(" ".join([*have, wanted]))


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs on whatever Python is there
        print("Grassroots needs Python 3.11 or newer.")
        return 2
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        ensure_debian_packages(QT_DEBIAN_PACKAGES)
        ensure_venv(with_tests=False)
        return subprocess.call([str(venv_python()), "-m", "grassroots", *rest])
    ensure_debian_packages(QT_DEBIAN_PACKAGES)
    ensure_venv(with_tests=True)
    py = str(venv_python())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    os.chdir(ROOT)
    steps = [
        [py, "-m", "ruff", "check", "desktop", "tests", "installer"],
        [str(venv_script("lint-imports"))],
        [py, "-m", "pytest", *rest],
    ]
    for step in steps:
        print("+", " ".join(step), flush=True)
        code = subprocess.call(step, env=env)
        if code != 0:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
