# Sourced by scripts/test.sh, scripts/bench.sh and the demo: installs dependencies when missing or
# stale, builds every workspace, and makes sure the servers are there:
#   - AMQP_URL and MONGODB_URL (and RABBITMQ_MANAGEMENT_URL) set: used as they are, nothing started;
#   - a Docker engine answers: the test harness uses testcontainers, nothing started here;
#   - otherwise scripts/infra.sh up. If none of the local servers answered before, the servers are
#     stopped again on exit (unless DOCFLOW_KEEP_INFRA=1), so a run stops only what it started.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

prepare_log() { echo "[docflow] $*" >&2; }

ensure_dependencies() {
  if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
    # npm ci installs exactly the lockfile and refuses one out of sync with a package.json
    prepare_log "installing npm dependencies (npm ci, exactly package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
}

build_all() {
  prepare_log "building (tsc -b, then the review console's assets with vite)"
  npx tsc -b >&2
  npm run build --silent -w @docflow/console >&2
}

# The browser suite (packages/e2e/test/integration/console.test.ts) drives Debian's chromium through
# playwright-core, which never downloads a browser of its own: installed here when missing (as root,
# apt-get; otherwise the suite says what to install). CHROMIUM_PATH names another binary.
ensure_browser() {
  local browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [[ -x "$browser" ]] && return 0
  if [[ "$(id -u)" != 0 ]]; then
    prepare_log "no browser at $browser: apt-get install chromium (as root) for the browser suite"
    return 0
  fi
  local log="${DOCFLOW_DATA_DIR:-$ROOT/.data}/apt-chromium.log"
  mkdir -p "$(dirname "$log")"
  prepare_log "installing Debian's chromium for the browser suite (apt-get, output in $log)"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; } \
    >"$log" 2>&1 || prepare_log "apt-get install chromium failed (see $log)"
}

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

DOCFLOW_STARTED_INFRA=0
ensure_servers() {
  if [[ -n "${AMQP_URL:-}" && -n "${MONGODB_URL:-}" ]]; then
    prepare_log "using the servers given in AMQP_URL / MONGODB_URL"
    return
  fi
  if docker info >/dev/null 2>&1; then
    prepare_log "a Docker engine answers: tests use testcontainers"
    return
  fi
  if ! port_answers 5672 && ! port_answers 27017 && ! port_answers 3310; then DOCFLOW_STARTED_INFRA=1; fi
  bash scripts/infra.sh up >&2
  set -a
  # shellcheck disable=SC1091
  . "${DOCFLOW_DATA_DIR:-$ROOT/.data}/infra.env"
  set +a
  export DOCFLOW_TEST_INFRA=local
}

stop_started_servers() {
  if [[ "$DOCFLOW_STARTED_INFRA" == 1 && "${DOCFLOW_KEEP_INFRA:-0}" != 1 ]]; then
    bash scripts/infra.sh down >"${DOCFLOW_DATA_DIR:-$ROOT/.data}/infra-down.log" 2>&1 || true
  fi
}
