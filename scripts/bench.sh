#!/usr/bin/env bash
# Benchmarks (not tests): `npm run bench -- --n 2000 --reps 3`. Prints the rates and ratios and
# writes bench/results/<date>-*.json.
set -euo pipefail
# shellcheck source=lib/prepare.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
ensure_dependencies
build_all
ensure_servers
trap stop_started_servers EXIT
node bench/dist/main.js "$@"
