#!/usr/bin/env bash
# PMI query figures on the english-mix store: pair look-ups/s (1 thread), associates latency (most frequent word,
# a rare word), Matrix Market export time.
#
# usage: benchmarks/scripts/pmi-bench.sh
#   1. builds (once, cached) WORK/out/em-store = ./yuelao count --input english-mix.txt.gz --window 10 --threads 2
#   2. JMH PmiQueryBenchmark on it
#   3. measures ./yuelao pmi-matrix STORE --out WORK/out/em-ppmi.mtx (PPMI, the default measure)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_shared
cd "$REPO"
STORE="$OUT/em-store"
mkdir -p "$OUT"
if [ ! -f "$STORE/counts.bin" ]; then
  log "building the english-mix store (window 10)"
  ./yuelao count --input "$CORPUS_GZ" --out "$STORE" --window 10 --threads 2 --quiet --force
fi
"$BENCH/scripts/jmh.sh" PmiQueryBenchmark -jvmArgsAppend "-Dyuelao.bench.store=$STORE" -rf text -rff "$OUT/pmi-jmh.txt"
measure yuelao-pmi-matrix -- ./yuelao pmi-matrix "$STORE" --out "$OUT/em-ppmi.mtx" --force
