#!/usr/bin/env bash
# Runs the published gateway the way the pod runs it, without Docker or a cluster:
#   - the whole root file system read-only (/tmp included), as readOnlyRootFilesystem: true does;
#   - a real non-root user (UID/GID 1654, the image's `app` user), no capabilities, no_new_privs;
#   - the environment of the image (Dockerfile ENV) plus deploy/k8s/base/gateway.env;
# and checks that it starts, answers /healthz, serves a request end to end (demo echo provider: nothing leaves the
# machine), never hits a read-only-file-system error, and exits 0 on SIGTERM (graceful shutdown).
# bubblewrap provides the read-only mount namespace (Debian package bubblewrap).
#
# Usage: deploy/smoke-readonly.sh [PUBLISH_DIR]
#   PUBLISH_DIR  output of `dotnet publish src/Relay.Gateway -c Release -r linux-x64 --self-contained false
#                -p:UseAppHost=false`; published into a temporary folder first when left out (the same command the
#                Dockerfile runs).
# Loopback only; bounded (start-up 120 s, each request 30 s, shutdown 60 s).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="$(mktemp -d)"
chmod 755 "$work"
gateway_pid=""
cleanup() {
  if [ -n "$gateway_pid" ] && kill -0 "$gateway_pid" 2>/dev/null; then
    kill -KILL "$gateway_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "ERROR: $1 is missing (apt-get install $2)" >&2
    exit 2
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}
need bwrap bubblewrap
need curl curl
need setpriv util-linux

app="${1:-}"
if [ -z "$app" ]; then
  app="$work/app"
  echo "publishing src/Relay.Gateway to $app"
  dotnet publish "$repo/src/Relay.Gateway/Relay.Gateway.csproj" --configuration Release --output "$app" \
    --runtime linux-x64 --self-contained false -p:UseAppHost=false --verbosity quiet --nologo
fi
app="$(cd "$app" && pwd)"
[ -f "$app/Relay.Gateway.dll" ] || { echo "ERROR: $app/Relay.Gateway.dll not found" >&2; exit 2; }
if [ -z "$(find "$app/llama/cpu" -name 'libllama*.so' -print -quit 2>/dev/null)" ]; then
  echo "ERROR: $app/llama/cpu has no llama.cpp libraries (the publish did not carry the native files)" >&2
  exit 1
fi
# The app user must be able to read the application, as in the image (files owned by root, world-readable).
chmod -R a+rX "$app"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
env_args=(--clearenv
  --setenv PATH /usr/bin:/bin
  --setenv HOME /nonexistent
  --setenv ASPNETCORE_URLS "http://127.0.0.1:$port"
  --setenv ASPNETCORE_HTTP_PORTS ""
  --setenv DOTNET_EnableDiagnostics 0
  --setenv DOTNET_SYSTEM_GLOBALIZATION_INVARIANT false
  --setenv DOTNET_RUNNING_IN_CONTAINER true
  --setenv Relay__Privacy__HmacKey "smoke-test-key-not-secret-0123456789")
while IFS='=' read -r key value; do
  case "$key" in ''|'#'*) continue ;; esac
  env_args+=(--setenv "$key" "$value")
done < "$here/k8s/base/gateway.env"
# No collector in the smoke test: point OTLP at a closed loopback port (export failures must stay harmless).
env_args+=(--setenv OTEL_EXPORTER_OTLP_ENDPOINT "http://127.0.0.1:9")

dotnet_host="$(readlink -f "$(command -v dotnet)")"
log="$work/gateway.log"
setpriv --reuid=1654 --regid=1654 --clear-groups \
  bwrap --ro-bind / / --proc /proc --dev /dev --unshare-user --unshare-ipc --cap-drop ALL --die-with-parent \
    "${env_args[@]}" --chdir "$app" -- "$dotnet_host" "$app/Relay.Gateway.dll" --demo > "$log" 2>&1 &
bwrap_pid=$!

# The dotnet process is bwrap's child; signals go to it directly.
for _ in $(seq 1 50); do
  gateway_pid="$(cat /proc/$bwrap_pid/task/*/children 2>/dev/null | tr ' ' '\n' | grep -m1 . || true)"
  [ -n "$gateway_pid" ] && break
  sleep 0.1
done

failures=0
check() { if "$@"; then :; else failures=$((failures + 1)); fi; }
ok() { echo "ok    $*"; }
bad() { echo "FAIL  $*" >&2; return 1; }

ready=""
for _ in $(seq 1 240); do
  if curl -fsS -m 2 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$bwrap_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  cat "$log" >&2
  echo "FAIL  the gateway did not answer /healthz within 120 s on a read-only root file system" >&2
  exit 1
fi
ok "/healthz answers (UID 1654, no capabilities, read-only root file system, no writable /tmp)"

readyz="$(curl -s -m 30 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)"
case "$readyz" in
  200) ok "/readyz answers 200" ;;
  404) echo "WARN  /readyz is not implemented by this build (404); the readiness probe needs it" ;;
  *) check bad "/readyz answered $readyz" ;;
esac

body='{"model":"demo","messages":[{"role":"user","content":"Write to alice.smith@example.com or call +44 20 7946 0958."}]}'
answer="$(curl -s -m 30 -w '\n%{http_code}' -H 'content-type: application/json' -H 'authorization: Bearer demo' \
  -d "$body" "http://127.0.0.1:$port/v1/chat/completions" || true)"
status="${answer##*$'\n'}"
if [ "$status" = "200" ] && grep -q 'alice.smith@example.com' <<<"$answer"; then
  ok "demo chat completion: redacted, echoed and restored in memory (HTTP 200)"
else
  check bad "demo chat completion answered HTTP $status"
fi

if grep -qiE 'read-only file system|EROFS|UnauthorizedAccessException|IOException' "$log"; then
  grep -iE 'read-only file system|EROFS|UnauthorizedAccessException|IOException' "$log" >&2
  check bad "the gateway tried to write to the file system"
else
  ok "no file-system write attempt in the log"
fi

kill -TERM "$gateway_pid"
code=""
for _ in $(seq 1 600); do
  if ! kill -0 "$bwrap_pid" 2>/dev/null; then
    wait "$bwrap_pid" && code=0 || code=$?
    break
  fi
  sleep 0.1
done
if [ "$code" = "0" ]; then
  ok "SIGTERM: graceful shutdown, exit code 0"
else
  check bad "SIGTERM: exit code '${code:-still running after 60 s}'"
fi
gateway_pid=""

if [ "$failures" -ne 0 ]; then
  echo "--- gateway log" >&2
  cat "$log" >&2
  echo "deploy/smoke-readonly.sh: $failures check(s) failed" >&2
  exit 1
fi
echo "--- gateway log (start-up and shutdown lines; the gateway logs no content)"
tail -n 20 "$log"
echo "deploy/smoke-readonly.sh: all checks passed"
