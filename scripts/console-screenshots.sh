#!/usr/bin/env bash
# `npm run console:screenshots`: runs the console's browser suite against the six services and
# writes the inbox, document, batch and pipeline views to docs/console/*.png (1280×800; the inbox
# and document view also at 390 px) on the way.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOCFLOW_CONSOLE_SCREENSHOTS="$root/docs/console"
exec bash "$root/scripts/test.sh" --selectProjects integration \
  --runTestsByPath "$root/packages/e2e/test/integration/console.test.ts"
