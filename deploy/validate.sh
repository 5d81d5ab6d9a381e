#!/usr/bin/env bash
# Validates the deployment files offline (no Docker engine, no cluster needed):
#   1. yamllint      YAML syntax and style of every file under deploy/ (Debian package yamllint)
#   2. kustomize     renders deploy/k8s/base and every overlay (`kubectl kustomize`, kustomize v5 built in)
#   3. manifests     every rendered object and the Secret template against the Kubernetes OpenAPI schema
#                    (kubernetes-models), with strict field names (kubernetes-types + tsc), and the StealthRelay
#                    policy rules (deploy/validate/policy.mjs)
#   4. Dockerfile    dockerfilelint, plus the image rules in deploy/validate/check-dockerfile.mjs
#      scripts       shellcheck on deploy/*.sh (Debian package shellcheck)
#   5. self-test     each validator must reject the broken fixtures in deploy/validate/fixtures/, so a validator
#                    that stopped checking fails the run instead of passing everything
# Installs what it needs (Debian packages with apt-get when run as root, npm packages pinned by
# deploy/validate/package-lock.json into deploy/validate/node_modules); idempotent; exits non-zero on any error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
tools="$here/validate"
failures=0
passes=0

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'ERROR: %s\n' "$*" >&2; failures=$((failures + 1)); }
pass() { passes=$((passes + 1)); }

apt_install() {
  # Installs Debian packages without prompting; only possible as root (no sudo prompts in CI).
  if [ "$(id -u)" -ne 0 ]; then
    echo "ERROR: missing $*; install it (apt-get install $*) or run this script as root" >&2
    exit 2
  fi
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

step "tools"
command -v yamllint >/dev/null 2>&1 || apt_install yamllint
command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 18 ]; then
  echo "ERROR: Node.js 18 or later is needed (found $(node --version))" >&2
  exit 2
fi
# npm ci only when the lock file changed since the last install (stamp holds its hash).
lock_hash="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$tools/node_modules/.stealthrelay-lock" ] || [ "$(cat "$tools/node_modules/.stealthrelay-lock")" != "$lock_hash" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$tools/node_modules/.stealthrelay-lock"
fi
# kubectl with kustomize v5 (kubectl 1.27+). Debian's kubernetes-client (1.20, kustomize v2) cannot render
# current kustomizations, so it is not a fallback; KUBECTL may point at another kubectl binary.
kubectl="${KUBECTL:-kubectl}"
if ! command -v "$kubectl" >/dev/null 2>&1; then
  echo "ERROR: kubectl 1.27+ is needed for 'kubectl kustomize' (set KUBECTL=/path/to/kubectl)" >&2
  exit 2
fi
kustomize_version="$("$kubectl" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')"
if [ -z "$kustomize_version" ] || [ "$kustomize_version" -lt 5 ]; then
  echo "ERROR: $kubectl has no kustomize v5 (found '$("$kubectl" version --client 2>&1 | tr '\n' ' ')')" >&2
  exit 2
fi
echo "yamllint $(yamllint --version | cut -d' ' -f2), shellcheck $(shellcheck --version | sed -n 's/^version: //p'), node $(node --version), $("$kubectl" version --client | tr '\n' ' ')"

step "yamllint"
mapfile -t yaml_files < <(find "$here" -path "$tools/node_modules" -prune -o \( -name '*.yaml' -o -name '*.yml' \) -type f -print | sort)
if yamllint --strict -c "$tools/yamllint.yaml" "${yaml_files[@]}"; then
  echo "ok    ${#yaml_files[@]} YAML file(s)"
  pass
else
  fail "yamllint"
fi

step "kustomize"
render="$(mktemp -d)"
trap 'rm -rf "$render"' EXIT
sets=()
mapfile -t kustomizations < <(find "$here/k8s" -name kustomization.yaml -type f -print | sort)
for k in "${kustomizations[@]}"; do
  dir="$(dirname "$k")"
  rel="${dir#"$repo"/}"
  out="$render/$(echo "$rel" | tr '/' '_').yaml"
  if "$kubectl" kustomize "$dir" > "$out" 2> "$out.err"; then
    echo "ok    $rel: $(grep -c '^kind:' "$out") object(s)"
    pass
    sets+=("$rel=$out")
  else
    cat "$out.err" >&2
    fail "kustomize $rel"
  fi
done
[ "${#sets[@]}" -gt 0 ] || fail "no kustomization rendered"

step "manifests (schema, strict fields, policy)"
if [ "${#sets[@]}" -gt 0 ]; then
  if node "$tools/validate-manifests.mjs" --reference "deploy/k8s/secret.template.yaml=$here/k8s/secret.template.yaml" "${sets[@]}"; then
    pass
  else
    fail "manifest validation"
  fi
fi

step "Dockerfile"
if (cd "$tools" && node_modules/.bin/dockerfilelint "$here/Dockerfile"); then pass; else fail "dockerfilelint"; fi
if node "$tools/check-dockerfile.mjs" "$repo" "$here/Dockerfile"; then pass; else fail "Dockerfile structure"; fi

step "scripts"
if shellcheck "$here"/*.sh; then
  echo "ok    shellcheck $(cd "$here" && echo ./*.sh)"
  pass
else
  fail "shellcheck"
fi

step "self-test (validators must reject the broken fixtures)"
if node "$tools/validate-manifests.mjs" --self-test "$tools/fixtures"; then pass; else fail "manifest validator self-test"; fi
if node "$tools/check-dockerfile.mjs" --self-test "$repo" "$tools/fixtures/Dockerfile.bad"; then
  pass
else
  fail "Dockerfile checker self-test"
fi
if (cd "$tools" && node_modules/.bin/dockerfilelint "$tools/fixtures/Dockerfile.bad" >/dev/null 2>&1); then
  fail "dockerfilelint accepted fixtures/Dockerfile.bad"
else
  echo "self-test ok   dockerfilelint rejects fixtures/Dockerfile.bad"
  pass
fi
if yamllint -c "$tools/yamllint.yaml" - >/dev/null 2>&1 <<'EOF'
key: [unclosed
EOF
then
  fail "yamllint accepted broken YAML"
else
  echo "self-test ok   yamllint rejects broken YAML"
  pass
fi
# shellcheck disable=SC2016 # the single-quoted $ is the point: a script with an unquoted expansion
if printf '#!/bin/sh\necho $undefined_quoting_issue*\n' | shellcheck - >/dev/null 2>&1; then
  fail "shellcheck accepted an unquoted glob expansion"
else
  echo "self-test ok   shellcheck rejects an unquoted expansion"
  pass
fi
bad_kustomization="$render/bad-kustomization"
mkdir -p "$bad_kustomization"
printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - missing.yaml\n' > "$bad_kustomization/kustomization.yaml"
if "$kubectl" kustomize "$bad_kustomization" >/dev/null 2>&1; then
  fail "kubectl kustomize accepted a kustomization with a missing resource"
else
  echo "self-test ok   kubectl kustomize rejects a missing resource"
  pass
fi

echo
echo "validate: $passes passed, $failures failed"
[ "$failures" -eq 0 ] || exit 1
