#!/usr/bin/env bash
# Vector-query figures, yuelao against gensim in the same run (docs/experiments/queries.md).
#
# usage: benchmarks/scripts/query-bench.sh [VECTORS_DIR]
#   VECTORS_DIR: a `yuelao train` output (default: WORK/out/sample-eig100, trained once from the bundled English
#   sample: ./yuelao count + ./yuelao train --method eig --dim 100).
#   1. JMH QueryBenchmark: top-10 nearest (cosine, relatedness) on 100k x 100 random vectors and on VECTORS_DIR,
#      and the whole Google analogy set (3CosAdd, top 30k words, all cores).
#   2. ./yuelao eval VECTORS_DIR --json, the reference evaluator (shared/tools/eval_vectors.py) on its vectors.txt,
#      and gensim (most_similar latency, evaluate_word_pairs, evaluate_word_analogies) on the same vectors.txt.
# Needs python3 with numpy (the evaluator) and gensim (Debian: apt-get install -y python3-gensim; GENSIM_PYTHON
# picks the interpreter, default /usr/bin/python3).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"
mkdir -p "$OUT"
GENSIM_PYTHON="${GENSIM_PYTHON:-/usr/bin/python3}"
EVAL_DIR="$SHARED/eval"
export YUELAO_EVAL_DIR="$EVAL_DIR" # the sets eval scores by default
[ -d "$EVAL_DIR" ] || die "$EVAL_DIR: the shared evaluation sets are missing (set YUELAO_SHARED)"
VEC="${1:-}"
if [ -z "$VEC" ]; then
  VEC="$OUT/sample-eig100"
  if [ ! -f "$VEC/vectors.bin" ]; then
    log "training $VEC from the bundled English sample"
    ./yuelao count --input corpus-samples/english-sample.txt.gz --out "$OUT/sample-store" --quiet --force
    ./yuelao train --store "$OUT/sample-store" --out "$VEC" --method eig --dim 100 --force
  fi
fi
VEC="$(cd "$VEC" && pwd)"
log "JMH QueryBenchmark (random 100k x 100, then $VEC)"
"$BENCH/scripts/jmh.sh" 'yuelao.benchmarks.query.QueryBenchmark' -p vectors=random -p "questions=$EVAL_DIR/questions-words.txt" -rf text -rff "$OUT/query-jmh-random.txt"
"$BENCH/scripts/jmh.sh" 'yuelao.benchmarks.query.QueryBenchmark' -p "vectors=$VEC" -p "questions=$EVAL_DIR/questions-words.txt" -rf text -rff "$OUT/query-jmh-vectors.txt"
measure yuelao-eval --log "$OUT/query-yuelao-eval.json" -- ./yuelao eval "$VEC" --json
measure reference-eval --log "$OUT/query-reference-eval.json" -- "$PYTHON" "$EVAL_PY" "$VEC/vectors.txt"
if "$GENSIM_PYTHON" -c 'import gensim' 2>/dev/null; then
  measure gensim-queries --log "$OUT/query-gensim.json" -- "$GENSIM_PYTHON" "$BENCH/scripts/gensim_queries.py" "$VEC/vectors.txt" "$EVAL_DIR"
else
  log "gensim is not importable by $GENSIM_PYTHON: skipping its figures (apt-get install -y python3-gensim)"
fi
for f in query-jmh-random.txt query-jmh-vectors.txt query-yuelao-eval.json query-reference-eval.json query-gensim.json; do
  [ -f "$OUT/$f" ] && { echo "== $f"; cat "$OUT/$f"; }
done
