#!/usr/bin/env bash
# Runs the whole test suite: the core and the Spark module (reactor.xml); golden tests read ../shared when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
# -Dtest=... may name tests of one module only; the other module then runs none instead of failing
mvn -B --no-transfer-progress -f reactor.xml -Dsurefire.failIfNoSpecifiedTests=false test "$@"
