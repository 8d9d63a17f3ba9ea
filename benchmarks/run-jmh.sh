#!/usr/bin/env bash
# Runs the whole JMH suite (Telescale, TelegramBots, pengrad side by side) in one JMH run and keeps the results:
#   benchmarks/results/jmh-<UTC time>.txt   the console log with the summary table
#   benchmarks/results/jmh-<UTC time>.json  JMH's machine-readable results
#   benchmarks/results/jmh-<UTC time>.load  the load average every 5 s during the run
# Iteration counts come from the benchmark classes, sized for a 2-core machine (parse/serialize: 3 x 2 s warmup,
# 5 x 2 s measurement; round trip: 10 x 2 s warmup, because the emulator JVM warms up too, 5 x 2 s measurement);
# one fork each; -prof gc for B/op. Extra arguments go to JMH, e.g. a regex: ./benchmarks/run-jmh.sh Parse
# Set SKIP_BUILD=1 to run the jar already in benchmarks/target.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -pl benchmarks -am package -Dmaven.test.skip=true
fi
mkdir -p benchmarks/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
# The machine's load during the run, every 5 s: other processes on 2 cores show up in the numbers.
( while sleep 5; do echo "$(date -u +%T) $(cat /proc/loadavg)"; done ) > "benchmarks/results/jmh-$stamp.load" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT
java -jar benchmarks/target/benchmarks.jar -f 1 -prof gc -prof dev.telescale.benchmarks.ProcessCpuProfiler -jvmArgs "-Xms1g -Xmx1g" \
  -rf json -rff "benchmarks/results/jmh-$stamp.json" "$@" 2>&1 | tee "benchmarks/results/jmh-$stamp.txt"
echo "Results: benchmarks/results/jmh-$stamp.txt, .json and .load (load average during the run)"
