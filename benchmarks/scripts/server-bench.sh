#!/usr/bin/env bash
# Load on yuelao serve, side by side with gensim's most_similar, in one invocation (benchmarks/RESULTS.md, "Server").
#
# usage: benchmarks/scripts/server-bench.sh DIR [REQUESTS=20000] [CLIENTS=64]
#   DIR: a run directory (store/ and vectors/) or a VECTORS directory; the query words are its 30,000 most frequent.
#   1. starts ./yuelao serve DIR on a free port of 127.0.0.1 (access log off), waits for its start-up line;
#   2. LoadBenchmark: REQUESTS mixed requests (every endpoint, batches, 1% unknown words answered 404) from CLIENTS
#      concurrent clients; then REQUESTS nearest top-10 (cosine) from CLIENTS clients; then 2,000 from one client;
#   3. gensim: most_similar(topn=10) for 2,000 of the same words in one Python process (vectors.txt);
#   4. SIGTERM to the server (graceful stop) and its /metrics before that.
# Every request goes to 127.0.0.1; the runs are bounded in count. Needs gensim for step 3 (Debian: python3-gensim;
# GENSIM_PYTHON picks the interpreter, default /usr/bin/python3), else that step is skipped with a message.
# MIXES="nearest" runs only the nearest load (default "mixed nearest"); GENSIM=0 skips step 3 (a large vocabulary's
# vectors.txt takes gensim minutes to load).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"
DIR="${1:?usage: server-bench.sh DIR [REQUESTS] [CLIENTS]}"
REQUESTS="${2:-20000}"
CLIENTS="${3:-64}"
GENSIM_PYTHON="${GENSIM_PYTHON:-/usr/bin/python3}"
DIR="$(cd "$DIR" && pwd)"
VEC="$DIR"; [ -f "$VEC/vectors.bin" ] || VEC="$DIR/vectors"
[ -f "$VEC/vectors.bin" ] || die "$DIR: no vectors.bin (a run or VECTORS directory is needed)"
mkdir -p "$OUT"
WORDS="$OUT/server-words.txt"
head -n 30000 "$VEC/vocab.txt" | cut -d' ' -f1 > "$WORDS"
. "$REPO/.mvn/jdk25.sh"
yuelao_use_jdk25
./mvnw -q -B -DskipTests -pl benchmarks -am package >&2
FLAGS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
       --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
       -Dchronicle.analytics.disable=true --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
       --add-modules=jdk.incubator.vector -XX:+UseParallelGC)
jrun() { "$JAVA_HOME/bin/java" "${FLAGS[@]}" "$@"; }
CP="$BENCH/target/classes:$BENCH/target/lib/*"
log "starting yuelao serve $DIR"
(exec "$JAVA_HOME/bin/java" "${FLAGS[@]}" -Xmx12g -cp "$CP" yuelao.engine.cli.Main serve "$DIR" --port 0 --no-access-log \
  > "$OUT/serve.out" 2> "$OUT/serve.err") &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true' EXIT
PORT=""
for _ in $(seq 1 600); do
  PORT="$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$OUT/serve.out")"
  [ -n "$PORT" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/serve.err" >&2; die "the server did not start"; }
  sleep 0.5
done
[ -n "$PORT" ] || die "the server did not print its address in 300 s"
cat "$OUT/serve.out"
echo
echo "| mix | requests | clients | seconds | requests/s | p50 ms | p99 ms | p99.9 ms | max ms | statuses | 5xx | dropped | unexpected status |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
RC=0
RUNS=()
for m in ${MIXES:-mixed nearest}; do RUNS+=("$m $REQUESTS $CLIENTS"); done
RUNS+=("nearest 2000 1")
for run in "${RUNS[@]}"; do
  set -- $run
  jrun -Xmx2g -cp "$CP" yuelao.benchmarks.server.LoadBenchmark "$PORT" "$WORDS" "$1" "$2" "$3" || RC=1
done
curl -s "http://127.0.0.1:$PORT/metrics" > "$OUT/server-metrics.txt" || true
kill -TERM "$SERVER"; wait "$SERVER" || true
trap - EXIT
if [ "${GENSIM:-1}" = 0 ]; then
  log "GENSIM=0: gensim skipped"
elif "$GENSIM_PYTHON" -c 'import gensim' 2>/dev/null; then
  log "gensim most_similar on $VEC/vectors.txt"
  "$GENSIM_PYTHON" "$BENCH/scripts/gensim_most_similar.py" "$VEC/vectors.txt" "$WORDS" 2000
else
  log "gensim is not importable by $GENSIM_PYTHON: skipping its figures (apt-get install -y python3-gensim)"
fi
exit "$RC"
