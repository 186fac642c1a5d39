#!/usr/bin/env bash
# Builds FerretDB v1.24.0 from the Go module proxy and caches the binary at
#   $TOOLS_DIR/ferretdb-v1.24.0/ferretdb (~/.cache/docflow/tools unless DOCFLOW_TOOLS_DIR is set)
# Does nothing when that binary already exists. Called by scripts/infra.sh up.
#
# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.0` does not work here (the proxy's
# version-list endpoint is refused), so we download the exact module version, copy it somewhere
# writable, fill in build/version/version.txt (shipped empty; the binary panics at start without
# it) and build cmd/ferretdb from that copy.
set -euo pipefail

FERRETDB_VERSION=v1.24.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Built tools are cached per machine, not per checkout (their folders are named by version), so
# a fresh clone, CI's included, reuses them; DOCFLOW_TOOLS_DIR overrides.
TOOLS_DIR="${DOCFLOW_TOOLS_DIR:-${XDG_CACHE_HOME:-${HOME:-$ROOT}/.cache}/docflow/tools}"
OUT_DIR="$TOOLS_DIR/ferretdb-$FERRETDB_VERSION"
OUT_BIN="$OUT_DIR/ferretdb"
BUILD_DIR="$TOOLS_DIR/build/ferretdb-$FERRETDB_VERSION"

log() { echo "[infra] $*"; }
die() { echo "[infra] ERROR: $*" >&2; exit 1; }

if [[ -x "$OUT_BIN" ]]; then
  log "ferretdb $FERRETDB_VERSION already built: $OUT_BIN"
  exit 0
fi

GO="$(command -v go || true)"
if [[ -z "$GO" && -x /usr/local/go/bin/go ]]; then
  GO=/usr/local/go/bin/go
fi
[[ -n "$GO" ]] || die "Go toolchain not found (needed once to build FerretDB); install Go or put it on PATH"

# -buildvcs=false: the build folder may sit inside a git work tree (DOCFLOW_TOOLS_DIR), and FerretDB would
# then pick up that commit as its own.
export GOFLAGS="-mod=mod -buildvcs=false"
export GOTOOLCHAIN=local
export CGO_ENABLED=0

mkdir -p "$TOOLS_DIR"
cd "$TOOLS_DIR"
log "downloading github.com/FerretDB/FerretDB@$FERRETDB_VERSION (go mod download)"
mod_json="$("$GO" mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION")" ||
  die "go mod download failed: $mod_json"
src_dir="$(printf '%s\n' "$mod_json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
[[ -n "$src_dir" && -d "$src_dir" ]] || die "could not find the module folder in: $mod_json"

log "copying sources to $BUILD_DIR"
rm -rf "$BUILD_DIR"
mkdir -p "$(dirname "$BUILD_DIR")"
cp -R "$src_dir" "$BUILD_DIR"
chmod -R u+w "$BUILD_DIR"
printf '%s\n' "$FERRETDB_VERSION" >"$BUILD_DIR/build/version/version.txt"

BUILD_LOG="$TOOLS_DIR/ferretdb-build.log"
log "building ferretdb (about two minutes the first time; output in $BUILD_LOG)"
mkdir -p "$OUT_DIR"
if ! (cd "$BUILD_DIR" && "$GO" build -trimpath -o "$OUT_BIN.tmp" ./cmd/ferretdb) >"$BUILD_LOG" 2>&1; then
  tail -n 30 "$BUILD_LOG" >&2
  die "go build of FerretDB failed (full output in $BUILD_LOG)"
fi
mv "$OUT_BIN.tmp" "$OUT_BIN"
rm -rf "$BUILD_DIR"
rmdir "$TOOLS_DIR/build" 2>/dev/null || true

"$OUT_BIN" --version >/dev/null 2>&1 || die "the built binary does not run: $OUT_BIN --version failed"
log "built $OUT_BIN"
