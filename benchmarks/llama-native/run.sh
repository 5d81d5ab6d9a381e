#!/usr/bin/env bash
# Greedy-generation tokens/second: our C# binding (benchmarks/Relay.LlamaBench) vs a minimal C program (bench.c),
# both on the same shipped llama.cpp libraries, model, prompt and parameters. The C program is compiled against
# llama.h of the exact pinned version, read from node-llama-cpp's git bundle in a temp dir (nothing is committed).
# Env: N_PREDICT (256), THREADS (1), RUNS (10 timed generations per process), ROUNDS (3, C and C# alternate).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
VERSION=3.22.1
PKG_SHA256=a0d9dd80eacd2ab1cfe71aee57ac8a806487fd70b3d2a38fbec637752d9e5c5f
N_PREDICT=${N_PREDICT:-256}
THREADS=${THREADS:-1}
RUNS=${RUNS:-10}
ROUNDS=${ROUNDS:-3}
MODEL=${MODEL:-$ROOT/../shared/models/stories260K.gguf}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# 1. The binding, and with it the pinned, sha256-verified native libraries (src/Relay.LocalFallback/native/LlamaNative.targets).
dotnet build benchmarks/Relay.LlamaBench -c Release -nologo -v q >/dev/null
BENCH_DIR=$ROOT/benchmarks/Relay.LlamaBench/bin/Release/net10.0
NATIVE=$BENCH_DIR/llama/cpu

# 2. llama.h / ggml headers of the same llama.cpp release, from the node-llama-cpp package's git bundle.
npm pack "node-llama-cpp@$VERSION" --pack-destination "$TMP" --silent >/dev/null
TGZ=$TMP/node-llama-cpp-$VERSION.tgz
echo "$PKG_SHA256  $TGZ" | sha256sum -c --quiet
tar -xzf "$TGZ" -C "$TMP" package/llama/gitRelease.bundle
git clone --quiet "$TMP/package/llama/gitRelease.bundle" "$TMP/llama.cpp" 2>/dev/null

# 3. The C program, linked against the very .so files the C# binding loads.
LIBLLAMA=$(cd "$NATIVE" && ls libllama.*.so | head -1)
LIBGGML=$(cd "$NATIVE" && ls libggml.*.so | head -1)
gcc -O2 -Wall -Wextra -o "$TMP/bench" benchmarks/llama-native/bench.c \
    -I"$TMP/llama.cpp/include" -I"$TMP/llama.cpp/ggml/include" \
    -L"$NATIVE" -l:"$LIBLLAMA" -l:"$LIBGGML" -l:libggml-base.so -Wl,-rpath,"$NATIVE"

echo "machine: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores; llama.cpp from @node-llama-cpp/linux-x64@$VERSION"
echo "params: model=$(basename "$MODEL") prompt='Once upon a time' n_predict=$N_PREDICT threads=$THREADS runs=$RUNS rounds=$ROUNDS"
for round in $(seq 1 "$ROUNDS"); do
    "$TMP/bench" "$NATIVE" "$MODEL" "$N_PREDICT" "$THREADS" "$RUNS"
    dotnet "$BENCH_DIR/Relay.LlamaBench.dll" "$MODEL" "$N_PREDICT" "$THREADS" "$RUNS" binding
    dotnet "$BENCH_DIR/Relay.LlamaBench.dll" "$MODEL" "$N_PREDICT" "$THREADS" "$RUNS" generator
done | tee "$TMP/results.txt"

# Summary over all rounds, per program: mean of the per-process means (wall and thread-CPU tokens/s), best single run.
awk '{ name=$1; for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "mean_tps") mean[name] += kv[2]; if (kv[1] == "cpu_tps") cpu[name] += kv[2]; if (kv[1] == "best_tps" && kv[2] > best[name]) best[name] = kv[2] } n[name]++ }
     END { c = mean["c"] / n["c"]; cc = cpu["c"] / n["c"];
           for (name in n) printf "summary %-17s mean_tps=%.1f best_tps=%.1f cpu_tps=%.1f  vs C: wall %+.1f%%, cpu %+.1f%%\n", name, mean[name] / n[name], best[name], cpu[name] / n[name], (mean[name] / n[name] / c - 1) * 100, (cpu[name] / n[name] / cc - 1) * 100 }' "$TMP/results.txt" | sort
