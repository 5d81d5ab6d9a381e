#!/usr/bin/env bash
# The GPU check: runs the CUDA paths against the CPU paths on one machine and says whether they agree.
#   1. NER model, ONNX Runtime CUDA execution provider: `relay eval` (model alone, and rules + model) on WikiANN test
#      (en, de, fr, nl), WNUT17 test and the synthetic test prompts, --device cpu and cuda; the reports must be
#      identical. `relay analyze` of the synthetic prompts: the same spans on both (scores to 4 decimals).
#   2. Local model, llama.cpp CUDA build: Relay.LlamaBench greedy generation with 0 and all layers on the GPU; the
#      token checksums must be equal.
#   3. The gateway with Relay:Ner:Device=Cuda and Relay:Local:Backend=cuda: redaction and restore through the echo
#      provider, an answer from the local model, and the latency of 1 KB prompts with the NER model on GPU and on CPU.
# Usage: check.sh ROOT [OUT]. ROOT holds dotnet/ (a .NET 10 runtime with ASP.NET Core), app/{cli,gateway,llamabench}
# (published with -p:OnnxRuntimeBackend=cuda -p:LlamaBackend=cuda) and data/, as pack.sh lays them out. The CUDA 13
# libraries (cudart, cuBLAS, cuRAND, cuDNN 9) are looked up on the host. NER_DEVICE=cpu and LLAMA_BACKEND=cpu run the
# same steps with a CPU build (a rehearsal of the script on a machine without a GPU). EVAL_TIMEOUT=S bounds each eval;
# SKIP_EVAL=1 skips part 1; LOCAL_EXPECT=503 expects the local route to refuse (a GPU the llama.cpp build cannot run
# on). Exit code: the number of failed checks.
set -uo pipefail
root=$(cd "$1" && pwd)
out=${2:-/tmp/gpu-check}
ner_device=${NER_DEVICE:-cuda}
llama_backend=${LLAMA_BACKEND:-cuda}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
export DOTNET_ROOT=$root/dotnet PATH=$root/dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
failed=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if [ "$ner_device" = cuda ] || [ "$llama_backend" = cuda ]; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || fail "nvidia-smi"
  libs=$(find /usr/local /usr/lib /opt -name 'libcudart.so.13' -o -name 'libcublas.so.13' -o -name 'libcublasLt.so.13' \
    -o -name 'libcurand.so.10' -o -name 'libcudnn.so.9' 2>/dev/null | xargs -r -n1 dirname | sort -u | paste -sd: -)
  export LD_LIBRARY_PATH=${libs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  echo "CUDA libraries from: $libs"
fi
lscpu | sed -n 's/^Model name: *//p'
# pack.sh's layout: the native libraries, packed once, are linked into the published folders.
if [ -d "$root/natives" ]; then
  cp -alf "$root/natives/dotnet/." "$root/dotnet/"
  for app in cli gateway llamabench; do
    mkdir -p "$root/app/$app/runtimes/linux-x64/native" && cp -alf "$root/natives/ort/." "$root/app/$app/runtimes/linux-x64/native/"
  done
  for app in gateway llamabench; do
    mkdir -p "$root/app/$app/llama/cuda" && cp -alf "$root/natives/llama/." "$root/app/$app/llama/cuda/"
  done
fi
data=$root/data
relay() { dotnet "$root/app/cli/relay.dll" "$@"; }

# 1. NER model.
if [ -z "${SKIP_EVAL:-}" ]; then
sources=(--bio "$data/wikiann/en/test" --bio "$data/wikiann/de/test" --bio "$data/wikiann/fr/test" --bio "$data/wikiann/nl/test"
  --bio "$data/test.conll" --jsonl "$data/synth-test.jsonl")
for mode in model analyzer; do
  extra=(); [ "$mode" = analyzer ] && extra=(--analyzer)
  for device in cpu "$ner_device"; do
    started=$(now)
    ${EVAL_TIMEOUT:+timeout "$EVAL_TIMEOUT"} dotnet "$root/app/cli/relay.dll" eval --device "$device" --format json "${extra[@]}" "${sources[@]}" > "$out/eval-$mode-$device.json" 2> "$out/eval-$mode-$device.err"
    echo "eval $mode --device $device: exit $? in $(secs "$started") s"
  done
  if [ -s "$out/eval-$mode-cpu.json" ] && cmp -s "$out/eval-$mode-cpu.json" "$out/eval-$mode-$ner_device.json"; then
    pass "eval $mode: the $ner_device report equals the cpu report"
  else
    fail "eval $mode: reports differ"; diff "$out/eval-$mode-cpu.json" "$out/eval-$mode-$ner_device.json" | head -20
  fi
done
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    print(json.dumps({"id": len(line), "text": json.loads(line)["text"]}))' "$data/synth-test.jsonl" > "$out/analyze-in.jsonl"
for device in cpu "$ner_device"; do
  started=$(now)
  relay analyze --device "$device" --input "$out/analyze-in.jsonl" --output "$out/analyze-$device.jsonl" 2> "$out/analyze-$device.err"
  echo "analyze --device $device: exit $? in $(secs "$started") s"
done
python3 - "$out/analyze-cpu.jsonl" "$out/analyze-$ner_device.jsonl" <<'PY' && pass "analyze: same spans on both devices" || fail "analyze: spans differ"
import json, sys
def load(path):
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    return [[(e["type"], e["start"], e["end"], round(e["score"], 4)) for e in r["entities"]] for r in rows]
a, b = load(sys.argv[1]), load(sys.argv[2])
diffs = sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
print(f"analyze: {len(a)} prompts, {sum(map(len, a))} spans, {diffs} prompts differ")
sys.exit(1 if diffs or not a else 0)
PY

fi

# 2. Local model.
threads=$(( $(nproc) < 4 ? $(nproc) : 4 ))
bench() { dotnet "$root/app/llamabench/Relay.LlamaBench.dll" "$data/stories260K.gguf" 256 "$threads" 5 "$1" "$llama_backend" "$2" 2> "$out/llama-$1-$2.err"; }
for mode in binding generator; do
  cpu_line=$(bench "$mode" 0); gpu_line=$(bench "$mode" -1)
  echo "$cpu_line"; echo "$gpu_line"
  sum_cpu=${cpu_line##*checksum=}; sum_gpu=${gpu_line##*checksum=}
  grep -h -E 'offload|CUDA' "$out/llama-$mode--1.err" | head -3
  if [ -n "$sum_cpu" ] && [ "$sum_cpu" = "$sum_gpu" ]; then pass "llama $mode: same tokens with 0 and all layers offloaded"
  else fail "llama $mode: checksums differ or missing"; tail -5 "$out/llama-$mode--1.err"; fi
done

# 3. Gateway.
gateway() {
  dotnet "$root/app/gateway/Relay.Gateway.dll" --demo --urls http://127.0.0.1:5077 --Relay:Ner:Device="$1" \
    --Relay:Local:ModelPath="$data/stories260K.gguf" --Relay:Local:Backend="$llama_backend" --Relay:Local:GpuLayers=-1 \
    > "$out/gateway-$1.log" 2>&1 &
  pid=$!
}
for device in "$ner_device" cpu; do
  gateway "$device"
  python3 "$here/gateway_check.py" http://127.0.0.1:5077 "$device" && pass "gateway with NER on $device" || fail "gateway with NER on $device"
  echo "gateway resident memory: $(ps -o rss= -p "$pid" | awk '{ printf "%.0f MB", $1 / 1024 }')"
  [ "$device" = cuda ] && nvidia-smi --query-gpu=memory.used --format=csv,noheader
  kill "$pid"; wait "$pid" 2>/dev/null
  grep -E 'loaded|offload|CUDA' "$out/gateway-$device.log" | head -8
done

echo "$failed check(s) failed"
exit "$failed"
