#!/usr/bin/env bash
# The main job: `npm run demo`. Brings up the local infrastructure, builds, and runs what the
# pipeline has so far (see the README), then prints where to look and keeps the services up until
# Ctrl-C (`npm run demo -- --exit` stops them after printing). The servers stay up (stop them with
# `npm run infra -- down`).
set -euo pipefail
# shellcheck source=lib/prepare.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
ensure_dependencies
build_all
ensure_servers
node --import tsx scripts/demo.ts "$@"
