#!/usr/bin/env bash
# Runs the README's Quickstart health check and "A two-minute tour" exactly as written (the ```sh
# blocks under "### A two-minute tour"), in a fresh temporary copy-free data folder, and fails if a
# command fails or an answer lacks what the README promises. Used by CI (.ci/run).
# Port 3000 must be free (the README's commands name it).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
tour="$work/tour.sh"
# The first ```sh block after the tour heading.
awk '/^### A two-minute tour/{t=1} t&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md > "$tour"
[ -s "$tour" ] || { echo "readme-tour: no tour block found in README.md" >&2; exit 1; }
# The tour's data folder, under the temporary directory instead of the checkout.
sed -i "s#DATA_DIR=./data-tour#DATA_DIR=$work/data#; s#> tour-server.log#> $work/server.log#" "$tour"
cleanup() {
  [ -n "${pgid:-}" ] && kill -TERM -- "-$pgid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Its own process group, so the server it starts with `&` is stopped with it.
setsid bash -euo pipefail -c "source '$tour'; echo TOUR_DONE; wait" > "$work/out.txt" 2>&1 &
pgid=$!
for _ in $(seq 1 240); do
  if grep -q TOUR_DONE "$work/out.txt" 2>/dev/null; then break; fi
  if ! kill -0 "$pgid" 2>/dev/null; then break; fi
  sleep 0.5
done
out=$(cat "$work/out.txt")
fail() { echo "readme-tour: $1" >&2; echo "--- tour output:" >&2; echo "$out" >&2; echo "--- server log:" >&2; tail -20 "$work/server.log" >&2 || true; exit 1; }
grep -q TOUR_DONE <<<"$out" || fail "the tour did not finish"
grep -q '"decision":"created"' <<<"$out" || fail 'no "created" answer for the first record'
grep -q '"decision":"attached"' <<<"$out" || fail 'the billing record was not attached'
grep -q '"totalValue":10000010' <<<"$out" || fail 'the cross-reference total is not 10000010'
grep -q '"topPercent":' <<<"$out" || fail 'the caller look-up gave no value rank'
echo "readme-tour: ok"
