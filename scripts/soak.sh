#!/usr/bin/env bash
# `npm run soak`: 10,000 small documents through the six services at a bounded rate, counts
# checked exactly (scripts/soak.ts). Starts the local servers when none answer and stops them
# again afterwards, like `npm test`.
set -euo pipefail
# shellcheck source=lib/prepare.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
ensure_dependencies
build_all
ensure_servers
trap stop_started_servers EXIT
node --import tsx scripts/soak.ts "$@"
