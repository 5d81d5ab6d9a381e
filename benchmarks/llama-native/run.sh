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

# Summary over all rounds, per program: mean of the per-process means (wall and thread-CPU tokens/s), the best single
# run, and the median over rounds of the paired ratio to the C run of the same round (robust on a busy machine).
awk '
    function median(list, count,   i, j, t) {
        for (i = 2; i <= count; i++) { t = list[i]; for (j = i - 1; j >= 1 && list[j] > t; j--) list[j + 1] = list[j]; list[j + 1] = t }
        return count % 2 ? list[(count + 1) / 2] : (list[count / 2] + list[count / 2 + 1]) / 2
    }
    {
        name = $1
        for (i = 2; i <= NF; i++) { split($i, kv, "="); value[kv[1]] = kv[2] }
        if (name == "c") { round++; c_wall = value["mean_tps"]; c_cpu = value["cpu_tps"] }
        n[name]++; wall[name] += value["mean_tps"]; cpu[name] += value["cpu_tps"]
        if (value["best_tps"] > best[name]) best[name] = value["best_tps"]
        wall_ratio[name, n[name]] = value["mean_tps"] / c_wall; cpu_ratio[name, n[name]] = value["cpu_tps"] / c_cpu
    }
    END {
        for (name in n) {
            for (k = 1; k <= n[name]; k++) { w[k] = wall_ratio[name, k]; c[k] = cpu_ratio[name, k] }
            printf "summary %-17s mean_tps=%.1f best_tps=%.1f cpu_tps=%.1f  median paired vs C: wall %+.1f%%, cpu %+.1f%%\n",
                name, wall[name] / n[name], best[name], cpu[name] / n[name], (median(w, n[name]) - 1) * 100, (median(c, n[name]) - 1) * 100
        }
    }' "$TMP/results.txt" | sort
