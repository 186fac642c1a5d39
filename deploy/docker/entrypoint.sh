#!/bin/sh
# Starts one docflow service: the first argument, or DOCFLOW_SERVICE (build arg SERVICE).
set -eu
service="${1:-${DOCFLOW_SERVICE:-}}"
case "$service" in
  gateway | scanner | ocr | classifier | publisher | scheduler) ;;
  *)
    echo "usage: docflow gateway|scanner|ocr|classifier|publisher|scheduler (got '$service')" >&2
    exit 64
    ;;
esac
exec node "/app/services/$service/dist/main.js"
