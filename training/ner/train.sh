#!/usr/bin/env bash
# Reproduces models/stealthrelay-ner from scratch: synthetic corpus -> WordPiece vocab -> train -> ONNX export -> eval.
# Usage: training/ner/train.sh            (from anywhere; training runs a fixed 100,000 steps, about 25 min on one quiet core,
#        so the result does not depend on the machine's load; NER_TRAIN_MINUTES=75 is only a safety cap;
#        NER_MODEL_DIR=DIR writes the model folder elsewhere than models/stealthrelay-ner, e.g. to compare a candidate)
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
WORK="${NER_WORK_DIR:-training/ner/work}"
MINUTES="${NER_TRAIN_MINUTES:-75}"
STEPS=100000
MODEL_DIR="${NER_MODEL_DIR:-models/stealthrelay-ner}"
SHARED="${NER_SHARED_DIR:-../shared}"

if ! "$PY" -c 'import torch, onnx, numpy' 2>/dev/null; then
    echo "missing Debian packages; install them with:" >&2
    echo "  sudo apt-get install -y python3-torch python3-onnx python3-numpy" >&2
    exit 1
fi
command -v dotnet >/dev/null || { echo "dotnet SDK (10.0) not found" >&2; exit 1; }
[ -d "$SHARED/data/ner/wikiann" ] || { echo "WikiANN/WNUT17 data not found under $SHARED/data/ner" >&2; exit 1; }

mkdir -p "$WORK"
start=$(date +%s)
echo "== 1/5 synthetic corpus (C#, Bogus, fixed seed)"
dotnet run -c Release --project training/ner/SyntheticCorpus -- "$WORK/synth" --seed 20261123 --train 2500 --dev 250 --test 250 \
    --dev-shapes held-out
echo "== 2/5 WordPiece vocabulary"
"$PY" training/ner/pipeline.py --shared "$SHARED" --work "$WORK" vocab --size 12000
echo "== 3/5 training (${STEPS} steps, ${MINUTES} min cap; the last step is shipped, the best on dev kept beside it)"
"$PY" training/ner/pipeline.py --shared "$SHARED" --work "$WORK" train --steps "$STEPS" --minutes "$MINUTES" \
    --synth-limit 2500 --dropout 0.2 --unk-rate 0.08 --dim 48 --dilations 1,2,4,8
echo "== 4/5 ONNX export"
"$PY" training/ner/pipeline.py --shared "$SHARED" --work "$WORK" --checkpoint model.last.pt --model-dir "$MODEL_DIR" export
echo "== 4b/5 ONNX Runtime check (logits vs PyTorch) and single-thread latency"
dotnet run -c Release --project training/ner/OnnxCheck -- "$MODEL_DIR/model.onnx" "$WORK/onnx_reference.json" \
    | tee "$WORK/onnx_check.txt"
echo "== 5/5 evaluation"
"$PY" training/ner/pipeline.py --shared "$SHARED" --work "$WORK" --checkpoint model.last.pt --model-dir "$MODEL_DIR" evaluate
echo "== done in $(( ($(date +%s) - start) / 60 )) min; model in $MODEL_DIR"
