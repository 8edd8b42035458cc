#!/usr/bin/env bash
# Build the macOS app folder (dist/Grassroots) and a disk image of it.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 installer/bootstrap.py test
.venv/bin/python -m pip install --quiet "pyinstaller>=6.5"
.venv/bin/pyinstaller --noconfirm installer/grassroots.spec
hdiutil create -volname Grassroots -srcfolder dist/Grassroots -ov dist/Grassroots.dmg
