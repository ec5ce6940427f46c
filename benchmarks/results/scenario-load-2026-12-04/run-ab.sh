#!/usr/bin/env bash
# Paired, interleaved ScenarioLoadBenchmark.parseValidateResolve: wave one (82616a2), before (4f503bb) and after
# (738742d) this round's scenario-reading change, 3 rounds x 1 fork x (10 warm-up + 10 measured 1 s iterations).
# Jars: benchmarks/target/benchmarks.jar built at each commit (./mvnw -pl benchmarks -am package -DskipTests),
# copied to /tmp/bench-{wave1,old,new}.jar.
set -euo pipefail
J="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
for r in 1 2 3; do
  for v in wave1 old new; do
    "$J" -jar "/tmp/bench-$v.jar" 'ScenarioLoadBenchmark.parseValidateResolve' -f 1 -wi 10 -i 10 \
      -rf json -rff "$v-$r.json" > /dev/null 2>&1
  done
done
