#!/usr/bin/env bash
# Regenerates deploy/clamav/signatures/docflow-test.hdb, the tiny ClamAV database that the local
# clamd (scripts/infra.sh) loads instead of the real ones (freshclam cannot reach the internet).
# It holds MD5 signatures named Eicar-Test-Signature for the standard EICAR test file, as is and
# with a trailing LF or CRLF. Needs sigtool (Debian package clamav). The result is committed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/deploy/clamav/signatures/docflow-test.hdb"
# shellcheck disable=SC2016 # literal $ signs
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
NAME=Eicar-Test-Signature

command -v sigtool >/dev/null 2>&1 || { echo "sigtool not found (apt-get install clamav)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$OUT")"
# sigtool --md5 prints md5:size:<file name>; the file name becomes the signature name.
{
  printf '%s' "$EICAR" >"$work/$NAME" && (cd "$work" && sigtool --md5 "$NAME")
  printf '%s\n' "$EICAR" >"$work/$NAME" && (cd "$work" && sigtool --md5 "$NAME")
  printf '%s\r\n' "$EICAR" >"$work/$NAME" && (cd "$work" && sigtool --md5 "$NAME")
} >"$OUT"
echo "wrote $OUT:"
cat "$OUT"
