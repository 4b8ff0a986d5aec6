#!/usr/bin/env bash
# Recall@10 and latency of the HNSW index against exact search (benchmarks/RESULTS.md, "Approximate nearest neighbours").
#
# usage: benchmarks/scripts/ann-bench.sh VECTORS [QUERIES=1000] [EF_LIST=40,80,160,320]
#        benchmarks/scripts/ann-bench.sh --standin VECTORS [ROWS=1600000]
#   VECTORS: any VECTORS (or run) directory; `yuelao index` is run first when it has no hnsw.bin (2 threads).
#   --standin: builds WORK/out/standin-ROWS, a stand-in for a large vocabulary: ROWS rows made of VECTORS' rows plus
#   seeded noise (ann_standin.py: each copy has cosine about 0.8 to its source), imported with ./yuelao import and
#   indexed, then measured as above. Label its figures as a stand-in: they are not a corpus's vectors.
# Then: AnnBenchmark (one JVM): exact top-10 (every row scored) against the index at each ef for QUERIES seeded
# query words, and exact-search latency by vocabulary size (where the index starts to pay).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"
mkdir -p "$OUT"
if [ "${1:-}" = "--standin" ]; then
  SRC="$(cd "${2:?usage: ann-bench.sh --standin VECTORS [ROWS]}" && pwd)"; [ -f "$SRC/vectors.txt" ] || SRC="$SRC/vectors"
  ROWS="${3:-1600000}"
  VEC="$OUT/standin-$ROWS"
  if [ ! -f "$VEC/vectors.bin" ]; then
    log "stand-in: $ROWS rows from $SRC/vectors.txt"
    "$PYTHON" "$BENCH/scripts/ann_standin.py" "$SRC/vectors.txt" "$OUT/standin-$ROWS.txt" "$ROWS"
    measure import-standin -- ./yuelao import "$OUT/standin-$ROWS.txt" -o "$VEC" --force
    rm -f "$OUT/standin-$ROWS.txt"
  fi
  shift 3 || shift $#
  set -- "$VEC" "$@"
fi
VEC="$(cd "${1:?usage: ann-bench.sh VECTORS [QUERIES] [EF_LIST]}" && pwd)"; [ -f "$VEC/vectors.bin" ] || VEC="$VEC/vectors"
QUERIES="${2:-1000}"
EFS="${3:-40,80,160,320}"
if [ ! -f "$VEC/hnsw.bin" ]; then
  measure "index-$(basename "$(dirname "$VEC")")-$(basename "$VEC")" -- ./yuelao index "$VEC" --threads 2
fi
"$BENCH/scripts/java.sh" yuelao.benchmarks.ann.AnnBenchmark "$VEC" "$QUERIES" 10 "$EFS"
