#!/usr/bin/env bash
# yuelao-spark count on a real Spark standalone cluster on this machine:
#
#   benchmarks/scripts/spark-cluster.sh --input FILE --out STORE [any ./yuelao count option]
#
# Builds what it needs (the job jar and a pseudo SPARK_HOME made of the Spark jars, profile 'spark'), starts a
# Master and two Workers as separate JVMs, submits `count -i FILE -o STORE [options]` to them (client mode: the
# driver is this script's child and writes STORE), and stops every JVM it started, by PID, whatever the outcome
# (the executors end with their application; any left are killed too). Exit status: 0 only if the job succeeded.
# The options and their defaults are ./yuelao count's (see `count --help`), plus --partitions and --row-blocks.
#
# Environment (defaults in brackets):
#   YUELAO_SPARK_WORKERS [2]  YUELAO_SPARK_WORKER_CORES [1]  YUELAO_SPARK_WORKER_MEMORY [1g] (= each executor's heap)
#   YUELAO_SPARK_DRIVER_MEMORY [2g]   YUELAO_SPARK_CLUSTER_DIR [a new temporary directory, removed at the end]
#   YUELAO_SPARK_CLASS [yuelao.spark.SparkMain], YUELAO_SPARK_APP_JAR and YUELAO_SPARK_HOME: another main class, jar
#     and Spark jars (the MLlib benchmark), with the arguments after `--` passed as they are.
#   YUELAO_SPARK_CPU=FILE  appends "driver_cpu_s<TAB>master_cpu_s<TAB>workers_cpu_s<TAB>wall_s<TAB>executors_cpu_s" to
#     FILE (the Workers' figure includes their executors, reaped children, which the last column counts alone).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/.mvn/jdk25.sh"
yuelao_use_jdk25 || exit 1
JAVA="$JAVA_HOME/bin/java"

usage() { echo "usage: $0 --input FILE --out STORE [./yuelao count options] | $0 -- ARGS (with YUELAO_SPARK_CLASS)" >&2; exit 2; }
ARGS=()
if [ "${1:-}" = "--" ]; then
  shift
  ARGS=("$@")
else
  INPUT="" OUT=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --input|-i) [ $# -ge 2 ] || usage; INPUT="$2"; shift 2 ;;
      --input=*) INPUT="${1#--input=}"; shift ;;
      --out|-o) [ $# -ge 2 ] || usage; OUT="$2"; shift 2 ;;
      --out=*) OUT="${1#--out=}"; shift ;;
      *) ARGS+=("$1"); shift ;;
    esac
  done
  [ -n "$INPUT" ] && [ -n "$OUT" ] || usage
  ARGS=(count -i "$INPUT" -o "$OUT" "${ARGS[@]}")
fi

WORKERS="${YUELAO_SPARK_WORKERS:-2}"
CORES="${YUELAO_SPARK_WORKER_CORES:-1}"
MEMORY="${YUELAO_SPARK_WORKER_MEMORY:-1g}"
DRIVER_MEMORY="${YUELAO_SPARK_DRIVER_MEMORY:-2g}"
CLASS="${YUELAO_SPARK_CLASS:-yuelao.spark.SparkMain}"
JAR="${YUELAO_SPARK_APP_JAR:-$ROOT/spark/target/yuelao-spark.jar}"
SPARK_HOME="${YUELAO_SPARK_HOME:-$ROOT/spark/target/spark-home}"

# Build when the job jar or the Spark jars are missing, or a source is newer than the jar.
stale() {
  [ -f "$ROOT/spark/target/yuelao-spark.jar" ] && [ -d "$SPARK_HOME/jars" ] || return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT"/{core,tokenizer,storage,engine,spark}/pom.xml "$ROOT"/{core,tokenizer,storage,engine,spark}/src/main \
           -newer "$ROOT/spark/target/yuelao-spark.jar" -print -quit 2>/dev/null)" ]
}
if stale; then
  echo "spark-cluster: building the job jar and the Spark jars (profile spark)..." >&2
  (cd "$ROOT" && ./mvnw -q -B -Pspark -DskipTests -pl spark -am package) >&2
fi
[ -f "$SPARK_HOME/RELEASE" ] || echo "Spark 4.2.0 (jars from Maven Central, for yuelao's benchmarks/scripts/spark-cluster.sh)" > "$SPARK_HOME/RELEASE"

# Spark's own JVM flags (org.apache.spark.launcher.JavaModuleOptions), kept in the root pom.
FLAGS_LINE="$(sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' "$ROOT/pom.xml")"
read -r -a FLAGS <<< "$FLAGS_LINE"

if [ -n "${YUELAO_SPARK_CLUSTER_DIR:-}" ]; then
  DIR="$YUELAO_SPARK_CLUSTER_DIR"; KEEP_DIR=1; mkdir -p "$DIR"
else
  DIR="$(mktemp -d "${TMPDIR:-/tmp}/yuelao-spark.XXXXXX")"; KEEP_DIR=0
fi
cat > "$DIR/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.jetty.name = org.sparkproject.jetty
logger.jetty.level = error
EOF
LOG_FLAG="-Dlog4j2.configurationFile=file:$DIR/log4j2.properties"

export SPARK_HOME SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13 JAVA_HOME
export SPARK_LOCAL_DIRS="$DIR/local"
mkdir -p "$SPARK_LOCAL_DIRS"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

PIDS=()         # every JVM started here: master, workers, driver
DRIVER_PID=""
CLK="$(getconf CLK_TCK)"
cpu_of() { # own + reaped children's CPU seconds of a live process, or nothing
  [ -r "/proc/$1/stat" ] || return 0
  awk -v clk="$CLK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / clk }' "/proc/$1/stat"
}
children_cpu_of() { # reaped children's CPU seconds only (a Worker's executors)
  [ -r "/proc/$1/stat" ] || return 0
  awk -v clk="$CLK" '{ sub(/^.*\) /, ""); printf "%.2f", ($14 + $15) / clk }' "/proc/$1/stat"
}
descendants() { # PIDs of every live descendant of $1
  local c
  for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done
}
cleanup() {
  local rc=$? all=() p i
  trap - EXIT INT TERM
  for p in "${PIDS[@]}"; do all+=("$p"); all+=($(descendants "$p")); done
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done   # a Worker stops its executors itself
  for i in $(seq 1 100); do
    local alive=0
    for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for p in "${all[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$rc" != 0 ]; then
    echo "spark-cluster: failed (exit $rc); cluster logs in $DIR" >&2
  elif [ "$KEEP_DIR" = 0 ]; then
    rm -rf "$DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

MASTER_PORT="$(free_port)"
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
"$JAVA" "${FLAGS[@]}" "$LOG_FLAG" -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$(free_port)" > "$DIR/master.log" 2>&1 &
MASTER_PID=$!
PIDS+=("$MASTER_PID")
echo "$MASTER_PID" > "$DIR/master.pid"
for i in $(seq 1 300); do
  (exec 3<>"/dev/tcp/127.0.0.1/$MASTER_PORT") 2>/dev/null && break
  kill -0 "$MASTER_PID" 2>/dev/null || { cat "$DIR/master.log" >&2; echo "spark-cluster: the Master did not start" >&2; exit 1; }
  sleep 0.1
done
WORKER_PIDS=()
for w in $(seq 1 "$WORKERS"); do
  mkdir -p "$DIR/worker-$w"
  "$JAVA" "${FLAGS[@]}" "$LOG_FLAG" -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker "$MASTER_URL" \
    --host 127.0.0.1 --cores "$CORES" --memory "$MEMORY" --work-dir "$DIR/worker-$w" --webui-port "$(free_port)" \
    > "$DIR/worker-$w.log" 2>&1 &
  PIDS+=("$!")
  WORKER_PIDS+=("$!")
done
printf '%s\n' "${WORKER_PIDS[@]}" > "$DIR/worker.pids"
for i in $(seq 1 300); do # wait until every Worker has registered
  [ "$(grep -l 'Successfully registered with master' "$DIR"/worker-*.log 2>/dev/null | wc -l)" -ge "$WORKERS" ] && break
  sleep 0.1
done

T0=$(date +%s.%N)
set +e
TIMER=()
[ -x /usr/bin/time ] && TIMER=(/usr/bin/time -f '%U %S' -o "$DIR/driver.time")
"${TIMER[@]}" "$JAVA" "${FLAGS[@]}" "$LOG_FLAG" "-Xmx$DRIVER_MEMORY" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master "$MASTER_URL" --deploy-mode client --class "$CLASS" \
  --conf spark.executor.memory="$MEMORY" --conf spark.executor.cores="$CORES" --conf spark.ui.enabled=false \
  --conf spark.driver.host=127.0.0.1 --conf "spark.driver.extraJavaOptions=$LOG_FLAG" \
  --conf "spark.executor.extraJavaOptions=$LOG_FLAG" \
  "$JAR" "${ARGS[@]}" &
DRIVER_PID=$!
PIDS+=("$DRIVER_PID")
echo "$DRIVER_PID" > "$DIR/driver.pid"
wait "$DRIVER_PID"
RC=$?
set -e
DRIVER_CPU=""
[ -s "$DIR/driver.time" ] && DRIVER_CPU="$(tail -n 1 "$DIR/driver.time" | awk '{ printf "%.2f", $1 + $2 }')"
T1=$(date +%s.%N)
sleep 1 # the Workers reap their executors, whose CPU then counts in the Workers' children fields
MASTER_CPU="$(cpu_of "$MASTER_PID")"
WORKERS_CPU=0
EXECUTORS_CPU=0
for p in "${WORKER_PIDS[@]}"; do
  WORKERS_CPU="$(awk -v a="$WORKERS_CPU" -v b="$(cpu_of "$p")" 'BEGIN { printf "%.2f", a + b }')"
  EXECUTORS_CPU="$(awk -v a="$EXECUTORS_CPU" -v b="$(children_cpu_of "$p")" 'BEGIN { printf "%.2f", a + b }')"
done
WALL="$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.2f", b - a }')"
echo "spark-cluster: job exit $RC in ${WALL}s; CPU seconds: driver ${DRIVER_CPU:-?}, master ${MASTER_CPU:-?}, workers $WORKERS_CPU (of which their executors $EXECUTORS_CPU)" >&2
if [ -n "${YUELAO_SPARK_CPU:-}" ]; then
  printf '%s\t%s\t%s\t%s\t%s\n' "${DRIVER_CPU:-0}" "${MASTER_CPU:-0}" "$WORKERS_CPU" "$WALL" "$EXECUTORS_CPU" >> "$YUELAO_SPARK_CPU"
fi
exit "$RC"
