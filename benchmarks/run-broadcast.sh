#!/usr/bin/env bash
# Broadcast benchmark: N messages to N private chats through the rate limiter against the Bot API emulator, which
# enforces Telegram's flood limits (30/s per bot in any sliding second, 1/s per chat) and answers 429 when broken.
# Sender and emulator run in one JVM (see BroadcastBenchmark). Writes
#   benchmarks/results/broadcast-<UTC time>.txt   the table (and the run's settings) plus the load average samples
#   benchmarks/results/broadcast-<UTC time>.log   the console output
# Set SKIP_BUILD=1 to reuse the jar (BENCHMARKS_JAR names another one). Options as Java system properties in
# BROADCAST_OPTS, e.g.
#   BROADCAST_OPTS="-Dbroadcast.messages=600" ./benchmarks/run-broadcast.sh          # quick check, under a minute
#   BROADCAST_OPTS="-Dbroadcast.modes=default" ./benchmarks/run-broadcast.sh         # 10,000, the limiter only
# (broadcast.messages 10000, broadcast.perSecond 30, broadcast.modes default,none, broadcast.inFlight 256; the
#  default run takes about 6 minutes: 334 s for the limiter, a second for none, plus set-up and warm-up.)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -o -pl benchmarks -am package -Dmaven.test.skip=true
fi
mkdir -p benchmarks/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="benchmarks/results/broadcast-$stamp.txt"
load="$(mktemp)"
( while true; do echo "$(date -u +%T) $(cat /proc/loadavg)"; sleep 5; done ) > "$load" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true; rm -f "$load"' EXIT
echo "Run $stamp on $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1)" | tee "benchmarks/results/broadcast-$stamp.log"
# shellcheck disable=SC2086
java -Xms512m -Xmx512m ${BROADCAST_OPTS:-} -cp "${BENCHMARKS_JAR:-benchmarks/target/benchmarks.jar}" \
  dev.telescale.benchmarks.broadcast.BroadcastBenchmark "$out" 2>&1 | tee -a "benchmarks/results/broadcast-$stamp.log"
kill "$sampler" 2>/dev/null || true
{
  echo
  echo "Run $stamp on $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1)"
  echo "Load average during the run (every 5 s: 1, 5, 15 min):"
  awk '{print "  " $1 "  " $2 " " $3 " " $4}' "$load"
  awk '{s+=$2; n++; if ($2>m) m=$2; if (min=="" || $2<min) min=$2} END {if (n) printf "1-min load: min %.2f, mean %.2f, max %.2f over %d samples\n", min, s/n, m, n}' "$load"
} >> "$out"
echo "Results: $out"
