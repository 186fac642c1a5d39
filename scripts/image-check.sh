#!/usr/bin/env bash
# The image's install and build without a Docker engine: `bash scripts/image-check.sh [ref]`.
#
# Clones the checkout at `ref` (default HEAD; uncommitted changes are not in it) into a temporary
# folder, copies what the Dockerfile's build stage COPYs, runs the build stage's RUN command (npm ci
# --ignore-scripts, tsc -b services/*, npm prune --omit=dev), then lays out /app as the runtime
# stage does (node_modules, package.json, packages, services). Each service is started there with
# an invalid HTTP_PORT: it must get as far as parsing its configuration and exit 78 (invalid
# configuration), not fail on a module pruned away or never copied ("Cannot find module"). Every
# setting has a default, so a service with no environment at all would start and connect; the
# broker and database addresses point at a closed port in case one does. The folder is removed
# at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref="$(git -C "$root" rev-parse --verify "${1:-HEAD}^{commit}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/docflow-image-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log() { printf '[image-check] %s\n' "$*" >&2; }

log "cloning $ref into $work"
git clone --quiet --no-checkout "$root" "$work/clone"
git -C "$work/clone" checkout --quiet "$ref"
dockerfile="$work/clone/Dockerfile"

# The build stage's instructions, one per line (continuations joined), up to the next FROM.
build_stage() {
  awk '
    /^FROM .* AS build/ { inside = 1; next }
    inside && /^FROM / { exit }
    inside {
      line = line $0
      if (line ~ /\\$/) { sub(/\\$/, " ", line); next }
      print line
      line = ""
    }
  ' "$dockerfile"
}

mkdir -p "$work/build"
run_command=""
while IFS= read -r instruction; do
  read -r -a words <<<"$instruction"
  case "${words[0]:-}" in
    COPY)
      # COPY src... dest (no --from= in the build stage)
      n=${#words[@]}
      dest="${words[n - 1]}"
      for ((i = 1; i < n - 1; i++)); do
        src="${words[i]}"
        if [[ "$dest" == */ || "$dest" == . || "$dest" == ./ ]]; then
          mkdir -p "$work/build/$dest"
          cp -a "$work/clone/$src" "$work/build/$dest"
        else
          mkdir -p "$(dirname "$work/build/$dest")"
          cp -a "$work/clone/$src" "$work/build/$dest"
        fi
      done
      ;;
    RUN) run_command="${instruction#RUN }" ;;
  esac
done < <(build_stage)
[[ -n "$run_command" ]] || {
  log "no RUN instruction in the Dockerfile's build stage"
  exit 1
}

log "build stage: $run_command"
(cd "$work/build" && bash -c "set -e; $run_command")

# The runtime stage's COPY --from=build lines.
mkdir -p "$work/app"
for path in node_modules package.json packages services; do
  cp -a "$work/build/$path" "$work/app/$path"
done

failed=0
# the gateway serves the review console's build from the image (packages/console/dist, found
# through its dependency on @docflow/console)
if [[ -f "$work/app/packages/console/dist/index.html" && -e "$work/app/node_modules/@docflow/console/package.json" ]]; then
  log "the review console's build is in the image"
else
  log "the review console's build (packages/console/dist) or its package link is missing from the image"
  failed=1
fi
for main in "$work"/app/services/*/dist/main.js; do
  service="$(basename "$(dirname "$(dirname "$main")")")"
  set +e
  output="$(cd "$work/app" && env -i PATH="$PATH" HOME="$work" NODE_ENV=production \
    HTTP_PORT=not-a-port AMQP_URL=amqp://127.0.0.1:1 MONGODB_URL=mongodb://127.0.0.1:1 \
    timeout 60 node "services/$service/dist/main.js" 2>&1)"
  code=$?
  set -e
  if [[ $code -eq 78 && "$output" == *"invalid configuration"* && "$output" != *"Cannot find module"* ]]; then
    log "$service: exit 78, invalid configuration (modules load)"
  else
    log "$service: exit $code, expected 78 with \"invalid configuration\":"
    printf '%s\n' "$output" | head -20 >&2
    failed=1
  fi
done
if ((failed)); then
  log "FAILED"
  exit 1
fi
log "every service loads in the pruned install"
