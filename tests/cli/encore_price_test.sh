#!/usr/bin/env bash
# Tests of the encore-price command: exit codes 0/1/2, totals and problem codes in its JSON, error
# sentences naming the file and JSON path, stdin input. Prints one line per check and a summary.
# usage: encore_price_test.sh <path to encore-price> <repo root>
set -u
if [ $# -ne 2 ]; then
  echo "usage: $0 <path to encore-price> <repo root>" >&2
  exit 2
fi
bin=$1 repo=$2
fixtures=$repo/tests/cli/fixtures
catalog=$repo/tests/core/fixtures/pricing_catalog.json
demo=$repo/assets/demo
[ -x "$bin" ] || { echo "encore-price not found at $bin (build it first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && printf '       %s\n' "$2"; }

# run [args...]: runs encore-price; sets $rc, $out (stdout) and $err (stderr).
run() {
  "$bin" "$@" >"$work/out" 2>"$work/err"
  rc=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
}
run_stdin() {  # run_stdin FILE [args...]: like run, with FILE on stdin
  local input=$1; shift
  "$bin" "$@" <"$input" >"$work/out" 2>"$work/err"
  rc=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
}
# The basket's total in minor units from compact output ("totals":{...,"total":12500,...}).
total_of() { grep -o '"totals":{[^}]*}' <<<"$1" | grep -o '"total":[0-9]*' | cut -d: -f2; }
# "line:code" for each problem of compact output, space separated.
problems_of() { grep -o '"code":"[a-z_]*","line":[-0-9a-z]*' <<<"$1" | sed 's/"code":"\([a-z_]*\)","line":\(.*\)/\2:\1/' | tr '\n' ' '; }

# expect_priced NAME TOTAL [args...]
expect_priced() {
  local name=$1 want=$2; shift 2
  run "$@" --compact
  local got; got=$(total_of "$out")
  if [ "$rc" -eq 0 ] && [ "$got" = "$want" ]; then ok "$name: exit 0, total $want"
  else fail "$name: want exit 0 and total $want, got exit $rc and total '${got}'" "${err:0:300}"; fi
}
# expect_invalid NAME "LINE:CODE ..." [args...]
expect_invalid() {
  local name=$1 want=$2; shift 2
  run "$@" --compact
  local got; got=$(problems_of "$out")
  if [ "$rc" -eq 1 ] && [ "${got% }" = "$want" ] && grep -q '"status":"invalid"' <<<"$out"; then ok "$name: exit 1 with $want"
  else fail "$name: want exit 1 with problems '$want', got exit $rc with '${got% }'" "${err:0:300}"; fi
}
# expect_bad_input NAME TEXT [args...]: exit 2, nothing on stdout, stderr contains TEXT (fixed string)
expect_bad_input() {
  local name=$1 want=$2; shift 2
  run "$@"
  if [ "$rc" -eq 2 ] && [ -z "$out" ] && grep -qF -- "$want" <<<"$err"; then ok "$name: exit 2, stderr names '$want'"
  else fail "$name: want exit 2 and stderr containing '$want', got exit $rc" "stderr: ${err:0:400}"; fi
}

now_nov=2026-11-21T12:00:00Z
now_dec=2026-12-15T12:00:00Z

# --- help -----------------------------------------------------------------------------------------
run --help
if [ "$rc" -eq 0 ] && grep -q "^usage: encore-price --catalog FILE --basket FILE" <<<"$out"; then ok "--help: exit 0 with usage"
else fail "--help: want exit 0 and a usage line, got exit $rc"; fi

# --- priced baskets (the core tests' fixture catalog) -----------------------------------------------
expect_priced "series five/mon at A1, 5 shows at £25" 12500 \
  --catalog "$catalog" --basket "$fixtures/basket-series-five-mon.json" --now "$now_nov"
expect_priced "flex-5 pass redeemed (free) + one £50 ticket, web fee waived for pass holders" 5000 \
  --catalog "$catalog" --basket "$fixtures/basket-pass.json" --customer "$fixtures/customer-pass.json" --now "$now_dec"
expect_priced "member books Earnest in the priority window (£35 + £1.50 web fee)" 3650 \
  --catalog "$catalog" --basket "$fixtures/basket-earnest.json" --customer "$fixtures/customer-friend.json" --now "$now_dec"
sed 's/"offers": \[\]/"offers": [{"id": "early-bird", "name": "Early bird 20% off", "kind": "percent_off", "percent": 20, "limit_total": 2}]/' \
  "$catalog" >"$work/offer-catalog.json"
if grep -q early-bird "$work/offer-catalog.json"; then
  expect_priced "offer limited to 2 tickets in total, none used yet" 13000 \
    --catalog "$work/offer-catalog.json" --basket "$fixtures/basket-three-adults.json" --now "$now_dec"
  expect_priced "same offer with 1 already used (--usage)" 14000 \
    --catalog "$work/offer-catalog.json" --basket "$fixtures/basket-three-adults.json" \
    --usage "$fixtures/usage-one-used.json" --now "$now_dec"
else
  fail "could not add an offer to the fixture catalog (its \"offers\": [] line changed?)"
fi

run --catalog "$catalog" --basket "$fixtures/basket-series-five-mon.json" --now "$now_nov"
if [ "$rc" -eq 0 ] && grep -q '^  "currency": "GBP",$' <<<"$out" && [ "$(wc -l <<<"$out")" -gt 20 ]; then
  ok "default output is pretty JSON with 2-space indentation"
else fail "default output is pretty JSON with 2-space indentation (exit $rc)"; fi
run --catalog "$catalog" --basket "$fixtures/basket-series-five-mon.json" --now "$now_nov" --compact
if [ "$rc" -eq 0 ] && [ "$(wc -l <<<"$out")" -eq 1 ]; then ok "--compact prints one line"
else fail "--compact prints one line (exit $rc)"; fi

# --- invalid baskets --------------------------------------------------------------------------------
expect_invalid "3 events of a 4-5 event series and the members' locked seat A6" "0:series_event_count 1:locked_seat" \
  --catalog "$catalog" --basket "$fixtures/basket-invalid.json" --now "$now_dec"
expect_invalid "Earnest during the members' priority window, not a member" "0:priority_window_closed" \
  --catalog "$catalog" --basket "$fixtures/basket-earnest.json" --now "$now_dec"
expect_invalid "series before it goes on sale" "0:series_not_on_sale_yet" \
  --catalog "$catalog" --basket "$fixtures/basket-series-five-mon.json" --now 2026-10-01T12:00:00Z

# --- the demo season's examples (assets/demo/examples/README.md) -----------------------------------------
if [ -f "$demo/examples/basket-series-weekday-5.json" ]; then
  ex=$demo/examples
  expect_priced "demo: series weekday, 5 shows" 12500 --catalog "$demo/catalog.json" \
    --basket "$ex/basket-series-weekday-5.json" --customer "$ex/customer-new.json" --now "$now_nov"
  expect_priced "demo: series weekend, 4 shows + web booking fees" 16600 --catalog "$demo/catalog.json" \
    --basket "$ex/basket-series-weekend-4.json" --customer "$ex/customer-new.json" --now "$now_nov"
  expect_priced "demo: flex pass redeemed" 6300 --catalog "$demo/catalog.json" \
    --basket "$ex/basket-flex-redeem.json" --customer "$ex/customer-flex.json" --now "$now_nov"
  expect_priced "demo: joining the Friends in the basket" 14910 --catalog "$demo/catalog.json" \
    --basket "$ex/basket-join-friends.json" --customer "$ex/customer-new.json" --now "$now_dec"
  expect_invalid "demo: invalid basket" "0:series_event_count 1:locked_seat 2:priority_window_closed" \
    --catalog "$demo/catalog.json" --basket "$ex/basket-invalid.json" --customer "$ex/customer-new.json" --now "$now_dec"
else
  echo "skip - assets/demo/examples not present"
fi

# --- bad input (exit 2) ---------------------------------------------------------------------------------
expect_bad_input "malformed JSON names the file, line and column" \
  "basket-broken.json is not valid JSON: parse error at line 3, column" \
  --catalog "$catalog" --basket "$fixtures/basket-broken.json" --now "$now_dec"
expect_bad_input "catalog with a bad band reference names the path" \
  'catalog-bad-reference.json: /venues/0/plan/sections/0/rows/0/seats/1/band: names price band "Z", which is not in price_bands' \
  --catalog "$fixtures/catalog-bad-reference.json" --basket "$fixtures/basket-pass.json" --now "$now_dec"
expect_bad_input "catalog: every problem is listed" \
  'catalog-bad-reference.json: /events/0/season: names season "s26"' \
  --catalog "$fixtures/catalog-bad-reference.json" --basket "$fixtures/basket-pass.json" --now "$now_dec"
expect_bad_input "basket of the wrong shape names the path" "basket-wrong-shape.json: /lines/0/seat:" \
  --catalog "$catalog" --basket "$fixtures/basket-wrong-shape.json" --now "$now_dec"
expect_bad_input "customer with a bad date names the path" "customer-bad-date.json: /passes/0/expires_at:" \
  --catalog "$catalog" --basket "$fixtures/basket-pass.json" --customer "$fixtures/customer-bad-date.json" --now "$now_dec"
expect_bad_input "malformed offer usage names the offer" "usage-malformed.json: /early-bird:" \
  --catalog "$catalog" --basket "$fixtures/basket-pass.json" --usage "$fixtures/usage-malformed.json" --now "$now_dec"
expect_bad_input "unknown flag" 'unknown option "--frobnicate"' \
  --catalog "$catalog" --basket "$fixtures/basket-pass.json" --frobnicate
expect_bad_input "unknown flag prints the usage line" "usage: encore-price --catalog FILE" \
  --catalog "$catalog" --basket "$fixtures/basket-pass.json" --frobnicate
expect_bad_input "missing --basket" "--basket FILE is required" --catalog "$catalog"
expect_bad_input "flag without its value" "--now needs a value" --catalog "$catalog" --basket "$fixtures/basket-pass.json" --now
expect_bad_input "missing file" "cannot open $work/no-such-basket.json: No such file or directory" \
  --catalog "$catalog" --basket "$work/no-such-basket.json"
expect_bad_input "bad --now" '--now "next tuesday" is not a date and time' \
  --catalog "$catalog" --basket "$fixtures/basket-pass.json" --now "next tuesday"
expect_bad_input "two inputs from stdin" "only one input can be read from stdin" --catalog - --basket -

# --- stdin ------------------------------------------------------------------------------------------------
run_stdin "$fixtures/basket-series-five-mon.json" --catalog "$catalog" --basket - --now "$now_nov" --compact
if [ "$rc" -eq 0 ] && [ "$(total_of "$out")" = 12500 ]; then ok "basket from stdin: exit 0, total 12500"
else fail "basket from stdin: want exit 0 and total 12500, got exit $rc" "${err:0:300}"; fi
run_stdin "$catalog" --catalog - --basket "$fixtures/basket-series-five-mon.json" --now "$now_nov" --compact
if [ "$rc" -eq 0 ] && [ "$(total_of "$out")" = 12500 ]; then ok "catalog from stdin: exit 0, total 12500"
else fail "catalog from stdin: want exit 0 and total 12500, got exit $rc" "${err:0:300}"; fi
run_stdin "$fixtures/basket-wrong-shape.json" --catalog "$catalog" --basket - --now "$now_nov"
if [ "$rc" -eq 2 ] && grep -qF "stdin: /lines/0/seat:" <<<"$err"; then ok "stdin problems are reported as stdin: PATH"
else fail "stdin problems are reported as stdin: PATH (exit $rc)" "${err:0:300}"; fi

# --- the clock --------------------------------------------------------------------------------------------
run --catalog "$catalog" --basket "$fixtures/basket-series-five-mon.json" --compact
if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then ok "without --now the current time is used (exit $rc)"
else fail "without --now: want exit 0 or 1, got $rc" "${err:0:300}"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
