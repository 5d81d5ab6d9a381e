#!/usr/bin/env bash
# Packs what check.sh needs onto a GPU machine that has no .NET and no network: the gateway, the relay command and
# Relay.LlamaBench published with the CUDA builds of ONNX Runtime and llama.cpp, a .NET runtime, and the test data.
# The CUDA libraries (~450 MB) go in natives.tar.xz, everything else in app.tar.xz; both are cut into parts of at most
# PART_MB MB (for machines reached through a size-limited copy). Builds HEAD in a temporary worktree, so the
# repository's own bin/ and obj/ keep their CPU build. On the GPU machine:
#   cat natives.tar.xz.* | tar -C ROOT/natives -xJf - && cat app.tar.xz.* | tar -C ROOT -xJf - && check.sh ROOT
# Usage: pack.sh OUT [PART_MB]   (run from the repository, with ../shared beside it)
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
out=$(mkdir -p "$1" && cd "$1" && pwd)
part_mb=${2:-56}
shared=$repo/../shared
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/src" >/dev/null 2>&1; rm -rf "$work"' EXIT
git -C "$repo" worktree add --detach "$work/src" HEAD >/dev/null

# Publish (framework-dependent) with the CUDA builds; reuse the repository's verified llama.cpp download cache.
flags=(-c Release -p:OnnxRuntimeBackend=cuda -p:LlamaBackend=cuda -p:LlamaNativeRoot="$repo/.native")
for p in src/Relay.Cli:cli src/Relay.Gateway:gateway benchmarks/Relay.LlamaBench:llamabench; do
  dotnet publish "$work/src/${p%%:*}" "${flags[@]}" -o "$work/publish/${p##*:}" >/dev/null
done

# natives: ONNX Runtime's CUDA build, llama.cpp's CUDA build and the .NET runtime, once each.
mkdir -p "$work/natives/ort" "$work/natives/llama" "$work/natives/dotnet/shared"
cp "$work/publish/cli/runtimes/linux-x64/native/"libonnxruntime{,_providers_shared,_providers_cuda}.so "$work/natives/ort/"
cp "$work/publish/gateway/llama/cuda/"* "$work/natives/llama/"
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$work/natives/dotnet/"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$work/natives/dotnet/shared/"

# app: the published folders without their native libraries, ASP.NET Core, and the data.
mkdir -p "$work/app/app" "$work/app/dotnet/shared" "$work/app/data"
tar -C "$work/publish" --exclude='./*/runtimes/linux-x64/native' --exclude='./*/llama' -cf - . | tar -C "$work/app/app" -xf -
cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App" "$work/app/dotnet/shared/"
for language in en de fr nl; do
  mkdir -p "$work/app/data/wikiann/$language" && cp "$shared/data/ner/wikiann/$language/test" "$work/app/data/wikiann/$language/"
done
cp "$shared/data/ner/wnut17/test.conll" "$shared/models/stories260K.gguf" "$work/app/data/"
# The held-out synthetic prompts, generated as training/ner/train.sh generates them.
dotnet run -c Release --project "$work/src/training/ner/SyntheticCorpus" -- "$work/synth" --seed 20261123 \
  --train 2500 --dev 250 --test 250 --dev-shapes held-out >/dev/null
cp "$work/synth/test.jsonl" "$work/app/data/synth-test.jsonl"

rm -f "$out"/natives.tar.xz.* "$out"/app.tar.xz.*
tar -C "$work/natives" -cf - . | xz -7 -T0 | split -b "${part_mb}M" -d - "$out/natives.tar.xz."
tar -C "$work/app" -cf - . | xz -7 -T0 | split -b "${part_mb}M" -d - "$out/app.tar.xz."
ls -l "$out"
