#!/usr/bin/env bash
# End-to-end benchmark: echo bots on Telescale, TelegramBots 10.2.0 and pengrad 10.1.0 (and a raw-socket control)
# against the Bot API emulator, each bot and the emulator in JVMs of their own, one after the other in one run.
# Writes
#   benchmarks/results/e2e-<UTC time>.txt   the table (and the run's settings) plus the load average samples
#   benchmarks/results/e2e-<UTC time>.log   the console output
# Bot and emulator output of each run: benchmarks/target/e2e-logs/. Set SKIP_BUILD=1 to reuse the jar.
# Options as Java system properties in E2E_OPTS, e.g.
#   E2E_OPTS="-De2e.only=Telescale" ./benchmarks/run-e2e.sh                 # only the Telescale runs
#   E2E_OPTS="-De2e.botJvmArgs=-XX:StartFlightRecording=filename=benchmarks/target/e2e-logs/{run}.jfr" ...
# (e2e.updates 20000, e2e.chats 1000, e2e.warmup 10000, e2e.deadlineMs 30000; see E2eBenchmark.)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -o -pl benchmarks -am package -Dmaven.test.skip=true
fi
mkdir -p benchmarks/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="benchmarks/results/e2e-$stamp.txt"
load="$(mktemp)"
( while true; do echo "$(date -u +%T) $(cat /proc/loadavg)"; sleep 5; done ) > "$load" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true; rm -f "$load"' EXIT
echo "Run $stamp on $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1)" | tee "benchmarks/results/e2e-$stamp.log"
# shellcheck disable=SC2086
java -Xmx256m ${E2E_OPTS:-} -cp benchmarks/target/benchmarks.jar dev.telescale.benchmarks.e2e.E2eBenchmark "$out" \
  2>&1 | tee -a "benchmarks/results/e2e-$stamp.log"
kill "$sampler" 2>/dev/null || true
{
  echo
  echo "Run $stamp on $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1)"
  echo "Load average during the run (every 5 s: 1, 5, 15 min):"
  awk '{print "  " $1 "  " $2 " " $3 " " $4}' "$load"
  awk '{s+=$2; n++; if ($2>m) m=$2; if (min=="" || $2<min) min=$2} END {if (n) printf "1-min load: min %.2f, mean %.2f, max %.2f over %d samples\n", min, s/n, m, n}' "$load"
} >> "$out"
echo "Results: $out"
