#!/usr/bin/env bash
# Build the Linux app folder (dist/Grassroots) and a tarball of it.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 installer/bootstrap.py test
.venv/bin/python -m pip install --quiet "pyinstaller>=6.5"
.venv/bin/pyinstaller --noconfirm installer/grassroots.spec
tar -C dist -czf dist/grassroots-linux.tar.gz Grassroots
echo "Built dist/grassroots-linux.tar.gz"
