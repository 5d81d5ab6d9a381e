#!/usr/bin/env bash
# Deep fuzzing of the request redactor or the stream restorers with AFL++ and SharpFuzz (docs/testing.md).
#
#   tests/Relay.Fuzz/run-afl.sh [requests|streams] [seconds]      (defaults: requests 600)
#
# Publishes tests/Relay.Fuzz, instruments Relay.Redaction.dll with the `sharpfuzz` tool (SharpFuzz.CommandLine,
# the same version as the SharpFuzz package), and runs afl-fuzz for a bounded time on the seed corpus. Installs
# afl++ with apt-get when afl-fuzz is missing (needs root or sudo). Everything goes to artifacts/fuzz/ (git-ignored).
# Crashes are invariant violations: replay one with
#   dotnet artifacts/fuzz/<target>/bin/Relay.Fuzz.dll <target> artifacts/fuzz/<target>/findings/default/crashes/<file>
set -euo pipefail

target="${1:-requests}"
seconds="${2:-600}"
case "$target" in requests|streams) ;; *) echo "usage: $0 [requests|streams] [seconds]" >&2; exit 2 ;; esac

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/artifacts/fuzz/$target"
tools="$root/artifacts/fuzz/tools"
sharpfuzz_version="$(sed -n 's/.*Include="SharpFuzz" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"

if ! command -v afl-fuzz >/dev/null; then
  echo "afl-fuzz not found: installing afl++ (Debian/Ubuntu package)"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq afl++
fi

if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools"
fi

rm -rf "$work/bin"
dotnet publish "$here/Relay.Fuzz.csproj" -c Release -o "$work/bin" --nologo -v quiet
# Only the library under test is instrumented: coverage of the BCL and the test harness is noise for AFL.
"$tools/sharpfuzz" "$work/bin/Relay.Redaction.dll"

# A fresh run starts from the seed corpus; an existing findings folder is resumed.
input="$here/corpus/$target"
[ -d "$work/findings/default/queue" ] && input="-"
dict=()
for d in /usr/share/afl/dictionaries/json.dict /usr/share/doc/afl++/dictionaries/json.dict; do
  [ -f "$d" ] && dict=(-x "$d") && break
done

export AFL_SKIP_BIN_CHECK=1            # dotnet itself is not instrumented; SharpFuzz reports coverage
export AFL_NO_UI=1
export AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_AUTORESUME=1
afl-fuzz -V "$seconds" -i "$input" -o "$work/findings" -t 10000 -m none "${dict[@]}" -- \
  dotnet "$work/bin/Relay.Fuzz.dll" "$target"

crashes=$(find "$work/findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "AFL run of '$target' finished: $crashes crashing input(s) in $work/findings/default/crashes"
[ "$crashes" -eq 0 ]
