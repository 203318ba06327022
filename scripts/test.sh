#!/usr/bin/env bash
# Runs the whole test suite (golden tests read ../shared when it is there).
set -euo pipefail
cd "$(dirname "$0")/.."
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
mvn -B --no-transfer-progress test "$@"
