#!/usr/bin/env bash
# Runs the JMH suites and renders the benchmark report (Markdown + ratio chart) against the
# committed baseline. CI calls `benchmarks/run.sh --quick --out target/bench` after `./mvnw verify`.
#
# Usage: benchmarks/run.sh [--quick|--full] [--baseline FILE] [--out DIR] [--include REGEX]
#                          [--update-baseline] [-- JMH_ARGS...]
#   --quick            short iterations, 1 fork, 10M devices; the gated KernelPairBenchmark in full; 3 cold
#                      processes per target (CI; 5 min 18 s on the 2-core machine shared with four builds at
#                      load average 15, benchmarks/results/quick-ci-report.md; 10 min before this trim)
#   --full             every parameter at the iterations each benchmark declares (the default)
#   --baseline FILE    baseline JMH result (default: benchmarks/baseline.json)
#   --out DIR          where jmh-result.json, jmh-output.txt, benchmark-report.md and the chart go
#                      (default: benchmarks/$FC_TARGET/bench)
#   --include REGEX    only benchmarks matching REGEX (JMH's include pattern)
#   --update-baseline  after a run, write its result as the baseline file (commit it with the reason)
#   -- JMH_ARGS        passed to JMH last (for example -- -prof perfnorm)
# Environment: FC_TARGET build folder name (default target), JAVA_HOME (a JDK 21+; found otherwise).
# Three JMH runs (warm suites; the gate's paired benchmarks; ColdStartBenchmark's whole ./fleetcast
# processes), one report, whose gate is the median in-run ratios of RatioGate.
# Exit codes: 0 the gate held (rates against the baseline are reported, not gated: they move with the load);
#             1 a gated ratio below its floor; 2 usage error;
#             3 build, JMH or report tool failed (a benchmark that throws fails the run: that is a bug,
#             not noise).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() { sed -n '4,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

profile=full
baseline="$root/benchmarks/baseline.json"
out=""
include=""
update_baseline=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) profile=quick ;;
    --full) profile=full ;;
    --baseline) [ $# -ge 2 ] || { echo "run.sh: --baseline needs a FILE" >&2; exit 2; }; baseline="$2"; shift ;;
    --out) [ $# -ge 2 ] || { echo "run.sh: --out needs a DIR" >&2; exit 2; }; out="$2"; shift ;;
    --include) [ $# -ge 2 ] || { echo "run.sh: --include needs a REGEX" >&2; exit 2; }; include="$2"; shift ;;
    --update-baseline) update_baseline=1 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# shellcheck source=../scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"

target="${FC_TARGET:-target}"
jar="$root/benchmarks/$target/benchmarks.jar"
[ -n "$out" ] || out="$root/benchmarks/$target/bench"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
started=$(date +%s)

# Build the benchmarks jar when it is missing or older than any source it is made from.
stale=0
if [ ! -f "$jar" ]; then
  stale=1
elif [ -n "$(find "$root/pom.xml" "$root/engine/pom.xml" "$root/cli/pom.xml" "$root/picocli-release21/pom.xml" "$root/engine/src/main" \
    "$root/cli/src/main" "$root/models" "$root/benchmarks/pom.xml" "$root/benchmarks/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  stale=1
fi
if [ "$stale" = 1 ]; then
  echo "run.sh: building the benchmarks jar (./mvnw -pl benchmarks -am package -Dfc.target=$target)..." >&2
  if ! (cd "$root" && ./mvnw -B -q -pl benchmarks -am package -DskipTests -Dfc.target="$target" >"$out/build.log" 2>&1); then
    cat "$out/build.log" >&2
    echo "run.sh: the build failed; the log is above ($out/build.log)." >&2
    exit 3
  fi
fi
built=$(date +%s)

# Profiles. JMH gives command-line options precedence over the benchmarks' annotations, so quick
# overrides iterations and forks (never below 1 fork: an unforked run measures the harness's JIT
# profile, not the benchmark's) and narrows the parameters to the sizes the targets are set at.
# Three JMH runs, one report: the warm suites; the gate's paired benchmarks (KernelPairBenchmark,
# ColdStartBenchmark.coldAndWarm) at their own settings, never shortened, since the gate's medians need their
# iterations; the cold single-shot processes of ColdStartBenchmark (the GC profiler would see only the harness).
jmh_args=(-rf json -rff "$out/jmh-result.json" -prof gc -foe true -e 'ColdStartBenchmark|KernelPairBenchmark')
gate_args=(-rf json -rff "$out/jmh-gate-result.json" -foe true 'KernelPairBenchmark|ColdStartBenchmark\.coldAndWarm$')
cold_args=(-rf json -rff "$out/jmh-cold-result.json" -foe true)
case "$profile" in
  quick)
    # warm rates are reported, not gated (RatioGate): short runs suffice
    jmh_args+=(-f 1 -wi 1 -w 1s -i 2 -r 1s
      -p devices=10000000
      -p grid=months-120,hours-350640)
    # the gated ratio only; coldAndWarm (reported, not gated) costs 20 cold 10M-device processes
    gate_args=(-rf json -rff "$out/jmh-gate-result.json" -foe true 'KernelPairBenchmark')
    # the targets' cold runs: 1 fork x 3 single shots each
    cold_args+=(-f 1 -i 3 'ColdStartBenchmark\.(version|portfolio|fleet10mSimulate)$')
    ;;
  full) cold_args+=('ColdStartBenchmark\.(version|portfolio|fleet10mSimulate|portfolioSimulate)$') ;;
esac
runs=(warm gate cold)
if [ -n "$include" ]; then
  # one run of what the pattern names, with the profile's settings
  jmh_args=(-rf json -rff "$out/jmh-result.json" -prof gc -foe true "${jmh_args[@]:10}" "$include")
  runs=(warm)
fi
jmh_args+=("${extra[@]+"${extra[@]}"}")
gate_args+=("${extra[@]+"${extra[@]}"}")
cold_args+=("${extra[@]+"${extra[@]}"}")

# run_jmh RESULT_FILE JMH_ARGS...: JMH with its output appended to $out/jmh-output.txt; exits 3 when it fails
run_jmh() {
  local result="$1"; shift
  set +e
  "$JAVA_HOME/bin/java" -jar "$jar" "$@" 2>&1 | tee -a "$out/jmh-output.txt" \
    | grep --line-buffered -E '^# (Benchmark|Parameters):|^Result "|^# Run complete|^ERROR|Exception' >&2
  local status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ] || [ ! -s "$result" ]; then
    tail -n 60 "$out/jmh-output.txt" >&2
    echo "run.sh: JMH failed (exit $status); its output is above and in $out/jmh-output.txt." >&2
    exit 3
  fi
}

echo "run.sh: JMH ($profile profile) with $JAVA_HOME; full output in $out/jmh-output.txt" >&2
: >"$out/jmh-output.txt"
results=()
# ColdStartBenchmark finds the launcher here; ./fleetcast rebuilds cli/target/fleetcast.jar itself when stale
export FLEETCAST_ROOT="$root"
rm -f "$out/jmh-result.json" "$out/jmh-gate-result.json" "$out/jmh-cold-result.json"
for run in "${runs[@]}"; do
  case "$run" in
    warm) run_jmh "$out/jmh-result.json" "${jmh_args[@]}"; results+=(--results "$out/jmh-result.json") ;;
    gate) run_jmh "$out/jmh-gate-result.json" "${gate_args[@]}"; results+=(--results "$out/jmh-gate-result.json") ;;
    cold) run_jmh "$out/jmh-cold-result.json" "${cold_args[@]}"; results+=(--results "$out/jmh-cold-result.json") ;;
  esac
done
measured=$(date +%s)

save=()
[ "$update_baseline" = 1 ] && save=(--save-baseline "$baseline")
set +e
"$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "$jar" io.fleetcast.bench.report.BenchReport \
  "${results[@]}" --baseline "$baseline" --out "$out" --profile "$profile" \
  --commit "$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')" \
  "${save[@]+"${save[@]}"}"
report_status=$?
set -e
echo "run.sh: build $((built - started)) s, JMH $((measured - built)) s, total $(( $(date +%s) - started )) s;" \
  "report in $out/benchmark-report.md" >&2
case "$report_status" in
  0|1) ;;
  *) echo "run.sh: the report tool failed (exit $report_status)." >&2; exit 3 ;;
esac

exit "$report_status"
