#!/usr/bin/env bash
# Tools that validate the deployment artefacts (deploy/, docker-compose.yml), installed once and
# idempotently; nothing here starts a server.
#
# Usage: scripts/tools.sh promtool | kustomize | all
#   promtool   Debian package `prometheus` (2.42) brings /usr/bin/promtool; installed only when
#              missing (root: apt-get). The Prometheus server the package would start is stopped.
#   kustomize  sigs.k8s.io/kustomize/kustomize/v5@v5.4.3 from the Go module proxy, built once into
#              $TOOLS_DIR/kustomize-v5.4.3/kustomize (~/.cache/docflow/tools by default).
# Each subcommand prints the tool's absolute path on its last line of stdout (logs go to stderr).
# Can also be sourced for ensure_promtool / ensure_kustomize.
set -euo pipefail

TOOLS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Built tools are cached per machine, not per checkout (their folders are named by version), so
# a fresh clone, CI's included, reuses them; DOCFLOW_TOOLS_DIR overrides.
TOOLS_DIR="${DOCFLOW_TOOLS_DIR:-${XDG_CACHE_HOME:-${HOME:-$TOOLS_ROOT}/.cache}/docflow/tools}"
KUSTOMIZE_VERSION=v5.4.3
KUSTOMIZE_MODULE=sigs.k8s.io/kustomize/kustomize/v5
KUSTOMIZE_BIN="$TOOLS_DIR/kustomize-$KUSTOMIZE_VERSION/kustomize"

tools_log() { echo "[tools] $*" >&2; }
tools_die() {
  echo "[tools] ERROR: $*" >&2
  exit 1
}

# Serialises concurrent callers (several jest workers may ask at once).
with_tools_lock() {
  mkdir -p "$TOOLS_DIR"
  exec 9>"$TOOLS_DIR/.tools.lock"
  flock 9
}

ensure_promtool() {
  if command -v promtool >/dev/null 2>&1; then
    command -v promtool
    return 0
  fi
  with_tools_lock
  if ! command -v promtool >/dev/null 2>&1; then
    [[ "$(id -u)" == 0 ]] || tools_die "promtool is missing: apt-get install prometheus (as root)"
    local log="$TOOLS_DIR/apt-prometheus.log" policy=/usr/sbin/policy-rc.d created=0
    tools_log "installing Debian package prometheus for promtool (log: $log)"
    # Keep apt from starting a system-wide Prometheus server.
    if [[ ! -e "$policy" ]]; then
      printf '#!/bin/sh\n# temporary, from docflow scripts/tools.sh\nexit 101\n' >"$policy"
      chmod 755 "$policy"
      created=1
    fi
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
      --no-install-recommends prometheus; } >>"$log" 2>&1; then
      ((created)) && rm -f "$policy"
      tail -n 20 "$log" >&2
      tools_die "apt-get install prometheus failed"
    fi
    ((created)) && rm -f "$policy"
    if [[ -x /etc/init.d/prometheus ]] && pgrep -x prometheus >/dev/null 2>&1; then
      /etc/init.d/prometheus stop >>"$log" 2>&1 || true
    fi
  fi
  command -v promtool
}

ensure_kustomize() {
  if [[ -x "$KUSTOMIZE_BIN" ]]; then
    echo "$KUSTOMIZE_BIN"
    return 0
  fi
  with_tools_lock
  if [[ ! -x "$KUSTOMIZE_BIN" ]]; then
    command -v go >/dev/null 2>&1 || tools_die "go is needed to build kustomize"
    local src build
    tools_log "downloading $KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION from the Go module proxy"
    src="$(go mod download -json "$KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION" |
      sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [[ -n "$src" && -d "$src" ]] || tools_die "go mod download gave no module folder"
    build="$TOOLS_DIR/kustomize-$KUSTOMIZE_VERSION/src"
    rm -rf "$build"
    mkdir -p "$build"
    cp -r "$src/." "$build/"
    chmod -R u+w "$build"
    tools_log "building kustomize $KUSTOMIZE_VERSION (once)"
    (cd "$build" && CGO_ENABLED=0 go build -trimpath -o "$KUSTOMIZE_BIN.tmp" .) >&2 ||
      tools_die "go build of kustomize failed"
    mv "$KUSTOMIZE_BIN.tmp" "$KUSTOMIZE_BIN"
    rm -rf "$build"
  fi
  echo "$KUSTOMIZE_BIN"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  case "${1:-}" in
    promtool) ensure_promtool ;;
    kustomize) ensure_kustomize ;;
    all)
      ensure_promtool
      ensure_kustomize
      ;;
    *)
      echo "usage: $0 promtool | kustomize | all" >&2
      exit 2
      ;;
  esac
fi
