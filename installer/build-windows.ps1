# Build the Windows app folder (dist\Grassroots). Run from a PowerShell prompt.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
py -3 installer\bootstrap.py test
.venv\Scripts\python -m pip install --quiet "pyinstaller>=6.5"
.venv\Scripts\pyinstaller --noconfirm installer\grassroots.spec
Write-Host "Built dist\Grassroots - zip it, or wrap it with an installer such as Inno Setup."
