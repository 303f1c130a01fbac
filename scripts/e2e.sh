#!/usr/bin/env bash
# Runs the end-to-end suite against the real rapport-desktop window: Xvfb (when there
# is no display), tauri-driver (which starts WebKitWebDriver), then the Rust WebDriver
# tests. Screenshots land in target/e2e/.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=$ROOT/target/debug/rapport-desktop
DRIVER=$ROOT/target/tools/bin/tauri-driver
mkdir -p target/e2e

[ -x "$APP" ] || { echo "e2e: build the app first (make app)"; exit 1; }
[ -x "$DRIVER" ] || { echo "e2e: tauri-driver missing (scripts/setup.sh --test)"; exit 1; }
# The tests write their workspaces with the current rapport-store: an app built before a
# schema change refuses them as "newer", and every test then fails at launch.
newer=$(find crates/rapport-core/src crates/rapport-store/src crates/rapport-store/migrations \
  src-tauri/src src-tauri/tauri.conf.json ui/src ui/index.html ui/vite.config.ts -type f -newer "$APP" 2>/dev/null | head -3)
if [ -n "$newer" ]; then
  echo "e2e: WARNING: the app is older than its sources (e.g. ${newer//$'\n'/, }): run make app first" >&2
fi

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    pkill -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  Xvfb :99 -screen 0 1400x900x24 -nolisten tcp >target/e2e/xvfb.log 2>&1 &
  PIDS+=($!)
  export DISPLAY=:99
  sleep 1
fi
"$DRIVER" --port 4444 --native-port 4445 >target/e2e/tauri-driver.log 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do
  curl -fs http://127.0.0.1:4444/status >/dev/null 2>&1 && break
  sleep 0.2
done

# Every test binary of the rapport-tests crate (tests/tests/e2e_*.rs), one at a time; or only
# the ones named as arguments (`bash scripts/e2e.sh e2e_map`).
SELECT=(--tests)
if [ $# -gt 0 ]; then SELECT=(); for t in "$@"; do SELECT+=(--test "$t"); done; fi
RAPPORT_E2E=1 RAPPORT_APP="$APP" RAPPORT_WEBDRIVER=http://127.0.0.1:4444 \
  cargo test -p rapport-tests "${SELECT[@]}" --no-fail-fast -- --test-threads=1 --nocapture 2>&1 | tee target/e2e/e2e.log
status=${PIPESTATUS[0]}
passed=$(grep -E "^test result:" target/e2e/e2e.log | sed -nE 's/.* ([0-9]+) passed.*/\1/p' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E "^test result:" target/e2e/e2e.log | sed -nE 's/.* ([0-9]+) failed.*/\1/p' | awk '{s+=$1} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "e2e: $passed passed, $failed failed"
exit "$status"
