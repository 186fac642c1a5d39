#!/usr/bin/env bash
# The whole test suite from a fresh clone: `npm test` (extra arguments go to jest, e.g.
# `npm test -- --selectProjects unit`). See scripts/lib/prepare.sh for how servers are found.
set -euo pipefail
# shellcheck source=lib/prepare.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
ensure_dependencies
build_all
if [[ " $* " != *" --selectProjects unit "* ]]; then
  ensure_servers
  ensure_browser
fi
trap stop_started_servers EXIT
npx jest "$@"
