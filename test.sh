#!/usr/bin/env bash
# The README's test command: restores, builds (which fetches and checksum-verifies the pinned llama.cpp native
# libraries) and runs every test project. Needs only the .NET 10 SDK, npm and the package registries.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build StealthRelay.sln -c Release
dotnet test StealthRelay.sln -c Release --no-build --logger "console;verbosity=normal"
