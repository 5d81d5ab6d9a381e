#!/usr/bin/env bash
# The README's test command. On a fresh machine it needs only the .NET 10 SDK and the package registries:
# the build restores NuGet packages, fetches and sha256-verifies the pinned llama.cpp native libraries from npm,
# and copies the shipped NER model next to the binaries. Tests read ../shared (data and a tiny GGUF model).
set -euo pipefail
cd "$(dirname "$0")"

dotnet build StealthRelay.sln -c Release

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test StealthRelay.sln -c Release --no-build --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# One closing line over all test projects, in the plain form CI reads.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") { f += $(i + 1) } else if ($i == "Passed:") { p += $(i + 1) } else if ($i == "Skipped:") { s += $(i + 1) }
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log" | sed 's/,$//'
exit "$status"
