#!/usr/bin/env bash
# yuelao's counting three ways, side by side in one invocation: ./yuelao count (embedded, 2 threads), yuelao-spark
# count in Spark local[2] (one JVM), and yuelao-spark count on a standalone cluster of a Master and two Workers of one
# core each (spark-cluster.sh, every JVM its own process). For each corpus: wall time, CPU seconds (user + sys, summed
# over every JVM of the run: for the cluster the driver, the Master and the Workers with their executors; and the
# job's own, driver and executors, without the cluster daemons), the shuffle bytes Spark reports, and the sha256 of
# the three stores (they must be equal).
#
# Corpora (plain text under benchmarks/work/corpora, so that Spark can split them): english-mix, and with --scale K
# the scaled corpus of scale-corpus.py (K dialects, about K x 15.2 M tokens).
#
# With --mllib: Spark MLlib's Word2Vec on the same cluster and corpus (english-mix, tokenized by the shared
# tokenizer; dimension 100, window 5, min-count 5, 1 iteration, 2 partitions, MLlib's defaults otherwise) against
# yuelao-spark count + ./yuelao train on the store with the run preset "words" (dynamic window 5, subsampling 1e-4,
# eig p .25 shift .25: the default preset without subwords, which MLlib lacks), both scored by the shared evaluator.
# (--mllib --skip-mix runs that part alone.)
#
# usage: benchmarks/scripts/spark-bench.sh [--scale K] [--skip-mix] [--mllib [--reuse-mllib]] [-- extra count options]
#   --reuse-mllib keeps an earlier MLlib run's vectors and timing (it takes about 15 minutes here)
# Environment: YUELAO_SPARK_WORKER_MEMORY [2g] executor heap; LOCAL_HEAP [4g] the local[2] JVM's heap.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_shared
SCALE="" SKIP_MIX=0 MLLIB=0 REUSE_MLLIB=0 EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --skip-mix) SKIP_MIX=1; shift ;;
    --mllib) MLLIB=1; shift ;;
    --reuse-mllib) REUSE_MLLIB=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) die "unknown argument $1" ;;
  esac
done
cd "$REPO"
. "$REPO/.mvn/jdk25.sh"; yuelao_use_jdk25
export YUELAO_SPARK_WORKER_MEMORY="${YUELAO_SPARK_WORKER_MEMORY:-2g}"
LOCAL_HEAP="${LOCAL_HEAP:-4g}"
SB="$OUT/spark"
mkdir -p "$SB" "$WORK/corpora"
TABLE="$SB/table.tsv"
[ -f "$TABLE" ] && [ "$SKIP_MIX" = 1 ] || printf 'corpus\tmode\twall_s\tcpu_s\tjob_cpu_s\tshuffle_written_bytes\tcounts.bin sha256\n' > "$TABLE"

log "building ./yuelao, the job jar and the Spark jars"
./yuelao --version > /dev/null
./mvnw -q -B -Pspark -DskipTests -pl spark -am package
[ "$MLLIB" = 0 ] || ./mvnw -q -B -Pspark,spark-bench -DskipTests -pl spark-bench package
SPARK_HOME="$REPO/spark/target/spark-home"
JAR="$REPO/spark/target/yuelao-spark.jar"
read -r -a FLAGS <<< "$(sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' "$REPO/pom.xml")"
LOG4J="$SB/log4j2.properties"
printf 'rootLogger.level = warn\nrootLogger.appenderRef.stderr.ref = stderr\nappender.stderr.type = Console\nappender.stderr.name = stderr\nappender.stderr.target = SYSTEM_ERR\nappender.stderr.layout.type = PatternLayout\nappender.stderr.layout.pattern = %%d{HH:mm:ss} %%p %%c{1}: %%m%%n\n' > "$LOG4J"

cpu_of_time_file() { tail -n 1 "$1" | awk '{ printf "%.2f", $2 + $3 }'; }
wall_of_time_file() { tail -n 1 "$1" | awk '{ printf "%.2f", $1 }'; }
shuffle_of() { sed -n 's/.*shuffle written \([0-9,]*\) bytes.*/\1/p' "$1" | tr -d , | tail -1; }

run_three() { # NAME CORPUS
  local name="$1" corpus="$2" d="$SB/$1"
  rm -rf "$d"; mkdir -p "$d"
  warm_cache "$corpus"
  log "$name: embedded ./yuelao count (2 threads)"
  /usr/bin/time -f '%e %U %S' -o "$d/embedded.time" ./yuelao count -q -i "$corpus" -o "$d/embedded" --threads 2 "${EXTRA[@]}" > "$d/embedded.log" 2>&1
  log "$name: yuelao-spark count, local[2]"
  SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f '%e %U %S' -o "$d/local.time" "$JAVA_HOME/bin/java" "${FLAGS[@]}" "-Dlog4j2.configurationFile=file:$LOG4J" \
    "-Xmx$LOCAL_HEAP" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit --master 'local[2]' --conf spark.ui.enabled=false \
    --conf spark.driver.host=127.0.0.1 --class yuelao.spark.SparkMain "$JAR" count -q -i "$corpus" -o "$d/local" "${EXTRA[@]}" > "$d/local.log" 2>&1
  log "$name: yuelao-spark count, standalone cluster (2 Workers x 1 core, $YUELAO_SPARK_WORKER_MEMORY)"
  rm -f "$d/cluster.cpu"
  YUELAO_SPARK_CPU="$d/cluster.cpu" benchmarks/scripts/spark-cluster.sh --input "$corpus" --out "$d/cluster" -q "${EXTRA[@]}" > "$d/cluster.log" 2>&1
  local e l c
  e="$(sha256sum "$d/embedded/counts.bin" | cut -c1-64)"; l="$(sha256sum "$d/local/counts.bin" | cut -c1-64)"; c="$(sha256sum "$d/cluster/counts.bin" | cut -c1-64)"
  for f in vocab.bin vocab.txt counts.bin; do
    cmp -s "$d/embedded/$f" "$d/local/$f" && cmp -s "$d/embedded/$f" "$d/cluster/$f" || die "$name: $f differs between the three stores"
  done
  local ec lc
  ec="$(cpu_of_time_file "$d/embedded.time")"; lc="$(cpu_of_time_file "$d/local.time")"
  sed -i "/^$name\t/d" "$TABLE"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" embedded "$(wall_of_time_file "$d/embedded.time")" "$ec" "$ec" - "$e" >> "$TABLE"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" 'local[2]' "$(wall_of_time_file "$d/local.time")" "$lc" "$lc" "$(shuffle_of "$d/local.log")" "$l" >> "$TABLE"
  # all JVMs (driver, Master, Workers with their executors), and the job's own (driver and executors)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" cluster "$(cut -f4 "$d/cluster.cpu")" "$(awk -F'\t' '{ printf "%.2f", $1 + $2 + $3 }' "$d/cluster.cpu")" \
    "$(awk -F'\t' '{ printf "%.2f", $1 + $5 }' "$d/cluster.cpu")" "$(shuffle_of "$d/cluster.log")" "$c" >> "$TABLE"
  log "$name: the three stores are identical: $e"
}

if [ "$SKIP_MIX" = 0 ]; then
  MIX="$WORK/corpora/english-mix.txt"
  [ -s "$MIX" ] || zcat "$CORPUS_GZ" > "$MIX"
  run_three english-mix "$MIX"
fi
if [ -n "$SCALE" ]; then
  BIG="$WORK/corpora/english-mix-x$SCALE.txt"
  [ -s "$BIG" ] || "$PYTHON" "$SHARED/corpora/scale-corpus.py" "$SCALE" --input "$CORPUS_GZ" > "$BIG"
  run_three "english-mix-x$SCALE" "$BIG"
fi
column -t -s $'\t' "$TABLE"

if [ "$MLLIB" = 1 ]; then
  TOK="$WORK/corpora/english-mix.tok"
  [ -s "$TOK" ] || { zcat "$CORPUS_GZ" | "$PYTHON" "$TOKENIZE_PY" > "$TOK.part" && mv "$TOK.part" "$TOK"; }
  if [ "$REUSE_MLLIB" = 1 ] && [ -s "$SB/mllib.txt" ] && [ -s "$SB/mllib.cpu" ]; then
    log "MLlib Word2Vec: reusing $SB/mllib.txt and its timing (--reuse-mllib)"
  else
  log "MLlib Word2Vec on the cluster"
  rm -f "$SB/mllib.cpu" "$SB/mllib.txt"
  YUELAO_SPARK_CPU="$SB/mllib.cpu" YUELAO_SPARK_CLASS=yuelao.sparkbench.MllibWord2Vec \
    YUELAO_SPARK_APP_JAR="$REPO/spark-bench/target/spark-bench-0.1.0-SNAPSHOT.jar" YUELAO_SPARK_HOME="$REPO/spark-bench/target/spark-home" \
    benchmarks/scripts/spark-cluster.sh -- "$TOK" "$SB/mllib.txt" 100 5 5 1 2 > "$SB/mllib.log" 2>&1
  fi
  # yuelao's run preset without subwords ("words": MLlib has none): dynamic window 5, subsampling 1e-4; eig p .25 shift .25
  log "yuelao-spark count (the words preset's counting) on the cluster, then ./yuelao train"
  rm -f "$SB/pipeline.cpu"
  YUELAO_SPARK_CPU="$SB/pipeline.cpu" benchmarks/scripts/spark-cluster.sh --input "$WORK/corpora/english-mix.txt" --out "$SB/pipeline-store" \
    -q --force --window 5 --weighting dynamic --subsample 1e-4 > "$SB/pipeline-count.log" 2>&1
  /usr/bin/time -f '%e %U %S' -o "$SB/train.time" ./yuelao train -q --store "$SB/pipeline-store" -o "$SB/yuelao-vectors" --force \
    --power 0.25 --shift 0.25 > "$SB/train.log" 2>&1
  COUNT_WALL="$(cut -f4 "$SB/pipeline.cpu")"
  TRAIN_WALL="$(wall_of_time_file "$SB/train.time")"
  MLLIB_WALL="$(cut -f4 "$SB/mllib.cpu")"
  echo "MLlib Word2Vec on the cluster: ${MLLIB_WALL}s (CPU $(awk -F'\t' '{ printf "%.1f", $1 + $2 + $3 }' "$SB/mllib.cpu")s);" \
    "yuelao-spark count ${COUNT_WALL}s (CPU $(awk -F'\t' '{ printf "%.1f", $1 + $2 + $3 }' "$SB/pipeline.cpu")s) + ./yuelao train ${TRAIN_WALL}s" \
    "(CPU $(cpu_of_time_file "$SB/train.time")s) = $(awk -v a="$COUNT_WALL" -v b="$TRAIN_WALL" 'BEGIN { printf "%.2f", a + b }')s" | tee "$SB/mllib-vs-yuelao.txt"
  eval_vectors mllib-word2vec "$SB/mllib.txt"
  eval_vectors yuelao-spark+train "$SB/yuelao-vectors/vectors.txt"
fi
