#!/usr/bin/env bash
# Smoke test of the published layout (the same build/publish.sh the Docker image uses):
#   publish -> `setup` prints workspace/user/token JSON -> `member add` -> server starts -> /health/ready lists all
#   plugins loaded -> the REST API answers 200 with the token and 401 without.
#
#   bash build/smoke-test.sh [PUBLISHED_DIR]   (without an argument it publishes into a temp dir first)
#
# Needs curl and python3. Exit code 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

expected_plugins=(whatsapp email billing reports)

work="$(mktemp -d /tmp/sahut-smoke.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo "smoke: $*" >&2; }
fail() {
  echo "smoke: FAILED: $*" >&2
  if [ -f "$work/server.log" ]; then
    echo "smoke: ---- last server output ----" >&2
    tail -n 60 "$work/server.log" >&2 || true
  fi
  exit 1
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ $# -ge 1 ]; then
  app="$(cd "$1" && pwd)"
else
  app="$work/app"
  step "publishing into $app"
  bash build/publish.sh "$app" >"$work/publish.log" 2>&1 || { tail -n 40 "$work/publish.log" >&2; fail "build/publish.sh"; }
fi
[ -f "$app/Sahut.Web.dll" ] || fail "$app/Sahut.Web.dll missing"
shopt -s nullglob
for p in "$app"/plugins/*/; do step "published plugin: $(basename "$p") ($(ls "$p" | wc -l) files)"; done
shopt -u nullglob

data="$work/data"
mkdir -p "$data"
export Sahut__DataDir="$data"
export ASPNETCORE_ENVIRONMENT=Production
unset ASPNETCORE_URLS Sahut__Database__Provider Sahut__Database__ConnectionString 2>/dev/null || true

# ---- 1. setup command prints exactly one JSON object
step "setup --workspace Smoke --email smoke@example.com"
set +e
(cd "$app" && timeout 120 dotnet Sahut.Web.dll setup --workspace Smoke --email smoke@example.com --password 'Smoke-Test-1') \
  >"$work/setup.out" 2>"$work/setup.err" </dev/null
rc=$?
set -e
if [ $rc -ne 0 ]; then
  cat "$work/setup.out" "$work/setup.err" >&2
  fail "setup exited with $rc"
fi
python3 - "$work/setup.out" >"$work/setup.fields" <<'PY' || fail "setup output"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
try:
    o = json.loads(text)
except ValueError as e:
    sys.exit(f"setup stdout is not one JSON object ({e}): {text[:500]!r}")
if not isinstance(o, dict):
    sys.exit(f"setup stdout is not a JSON object: {text[:500]!r}")
missing = [k for k in ("workspaceId", "userId", "apiToken") if o.get(k) in (None, "")]
if missing:
    sys.exit(f"setup JSON lacks {missing}: {o}")
print(o["workspaceId"], o["userId"], o["apiToken"])
PY
read -r workspace_id user_id api_token <"$work/setup.fields" || true
[ -n "${api_token:-}" ] || fail "setup output had no apiToken"
step "setup ok: workspaceId=$workspace_id userId=$user_id"

# ---- 1b. member add prints {"userId":…}
(cd "$app" && timeout 120 dotnet Sahut.Web.dll member add --workspace "$workspace_id" --email agent@example.com \
  --password 'Smoke-Test-2' --role Agent) >"$work/member.out" 2>"$work/member.err" </dev/null ||
  { cat "$work/member.out" "$work/member.err" >&2; fail "member add"; }
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o.get("userId"), o' "$work/member.out" ||
  fail "member add output: $(head -c 500 "$work/member.out")"
step "member add ok: $(cat "$work/member.out")"

# ---- 2. the server starts on a free loopback port
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
step "starting server on $base"
(cd "$app" && exec dotnet Sahut.Web.dll --urls "$base") >"$work/server.log" 2>&1 </dev/null &
server_pid=$!

ready=""
for _ in $(seq 1 120); do
  kill -0 "$server_pid" 2>/dev/null || fail "server exited early"
  code="$(curl -s -o "$work/ready.json" -w '%{http_code}' --max-time 5 "$base/health/ready" || true)"
  if [ "$code" = "200" ]; then ready=1; break; fi
  sleep 0.5
done
[ -n "$ready" ] || { cat "$work/ready.json" >&2 2>/dev/null || true; fail "/health/ready did not answer 200 within 60s (last: ${code:-none})"; }
step "/health/ready 200: $(head -c 2000 "$work/ready.json")"

code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/health/live" || true)"
[ "$code" = "200" ] || fail "/health/live answered $code"

# ---- 3. every plugin is listed as loaded
python3 - "$work/ready.json" "${expected_plugins[@]}" <<'PY' || fail "plugins in /health/ready"
# /health/ready: {"status":"ready|degraded|unready","database":…,"migrations":…,
#                 "plugins":[{"id","name","version","abi","state":"loaded|failed","failureReason"}]}
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
expected = sys.argv[2:]
plugins = {str(p.get("id")).lower(): p for p in doc.get("plugins") or [] if isinstance(p, dict)}
bad = []
for name in expected:
    p = plugins.get(name)
    if p is None:
        bad.append(f"{name}: not listed")
    elif str(p.get("state")).lower() != "loaded":
        bad.append(f"{name}: state {p.get('state')} {p.get('failureReason') or ''}".rstrip())
for pid, p in plugins.items():
    if pid not in expected and str(p.get("state")).lower() != "loaded":
        bad.append(f"{pid}: state {p.get('state')} {p.get('failureReason') or ''}".rstrip())
if doc.get("status") != "ready":
    bad.append(f"status {doc.get('status')!r}, want 'ready'")
if bad:
    sys.exit("smoke: " + "; ".join(bad))
print("smoke: plugins loaded: " + ", ".join(f"{n} {plugins[n].get('version') or ''}".strip() for n in expected), file=sys.stderr)
PY

# ---- 4. the REST API: 200 with the token, 401 without
url="$base/api/v1/workspaces/$workspace_id/conversations"
code="$(curl -s -o "$work/conversations.json" -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $api_token" "$url" || true)"
[ "$code" = "200" ] || { head -c 1000 "$work/conversations.json" >&2 || true; fail "GET conversations with token answered $code"; }
step "GET conversations with token: 200 $(head -c 300 "$work/conversations.json")"
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)"
[ "$code" = "401" ] || fail "GET conversations without token answered $code (want 401)"
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer not-a-token" "$url" || true)"
[ "$code" = "401" ] || fail "GET conversations with a bad token answered $code (want 401)"
step "GET conversations without / with a bad token: 401"

echo "smoke: PASSED" >&2
