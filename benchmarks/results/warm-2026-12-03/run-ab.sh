#!/usr/bin/env bash
# Paired warm JMH: wave one's benchmarks jar (82616a2) against HEAD's, interleaved rounds, same flags.
set -u
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
cd /tmp/ab
for round in 1 2; do
  for v in wave1 now; do
    for b in 'SimulateBenchmark' 'ExpectedProjectionBenchmark.project$' 'MonteCarloBenchmark' 'ScenarioLoadBenchmark.parseValidateResolve'; do
      tag=$(echo "$b" | tr -dc 'A-Za-z')
      echo "== round $round $v $b $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
      $J -jar $v.jar "$b" -p devices=1000000,10000000 -f 1 -rf json -rff r$round-$v-$tag.json > r$round-$v-$tag.txt 2>&1
      grep -E '^(Benchmark|SimulateBenchmark|ExpectedProjection|MonteCarlo|ScenarioLoad)' r$round-$v-$tag.txt
    done
  done
done
echo "== pair $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
$J -jar now.jar KernelPairBenchmark -f 3 -rf json -rff pair-now.json > pair-now.txt 2>&1
tail -5 pair-now.txt
echo done
