#!/usr/bin/env bash
# Benchmarks (not tests): `npm run bench` runs every scenario; `npm run bench -- --help` lists the
# scenarios and options. Prints the tables and writes bench/results/<date>.json and <date>.md.
# The end-to-end scenario also runs the Celery + Redis anchor from ../shared/anchors/celery
# (DOCFLOW_CELERY_ANCHOR elsewhere), with its own venv in .tools/ and its own Redis on a private
# port; --no-celery leaves it out.
set -euo pipefail
# shellcheck source=lib/prepare.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
ensure_dependencies
if [[ " $* " == *" --help "* ]]; then
  npx tsc -b bench >&2
  exec node bench/dist/main.js --help
fi
build_all
ensure_servers
trap stop_started_servers EXIT
node bench/dist/main.js "$@"
