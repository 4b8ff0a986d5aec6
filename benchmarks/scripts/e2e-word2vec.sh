#!/usr/bin/env bash
# End to end, side by side in ONE invocation: yuelao `run` (vocabulary + counts + training + vectors.txt, from the raw
# gzip, tokenization included) against word2vec skip-gram (npm `word2vec`, compiled here; 5 iterations, dim 100,
# window 5, negative 5, sample 1e-4, 2 threads) on english-mix. Reports wall time, peak RSS and quality of each,
# and the wall-time ratio yuelao / word2vec (target: at most 0.5).
#
# usage: benchmarks/scripts/e2e-word2vec.sh [-- EXTRA YUELAO RUN OPTIONS]   (run setup-anchors.sh first; ~10 min)
#
# word2vec gets the pre-tokenized english-mix.tok (its tokenization is not timed, in its favour); yuelao reads the
# raw english-mix.txt.gz. Rows "e2e-yuelao-run" and "word2vec-train" go to benchmarks/work/results.tsv.
# Env: THREADS (default 2).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case "${1:-}" in -h|--help) sed -n '2,/^source/p' "$0" | sed '$d'; exit 0 ;; --) shift ;; "") ;; *) die "unknown argument: $1" ;; esac
require_shared
require_tok
require_w2v
require_numpy
THREADS="${THREADS:-2}"
cd "$REPO"
YUELAO="${YUELAO:-./yuelao}"   # another launcher (e.g. a frozen copy) may be given
"$YUELAO" --version > /dev/null   # build outside the timed region
mkdir -p "$OUT"
warm_cache "$CORPUS_GZ" "$CORPUS_TOK"

log "yuelao run (log: $OUT/e2e-yuelao.log)"
measure e2e-yuelao-run --log "$OUT/e2e-yuelao.log" -- "$YUELAO" run --input "$CORPUS_GZ" --out "$OUT/e2e-yuelao" \
  --threads "$THREADS" --force --quiet "$@"
Y_WALL=$MEASURE_WALL_S; Y_RSS=$MEASURE_RSS_MB
eval_vectors yuelao-run "$OUT/e2e-yuelao/vectors/vectors.txt"

vec="$OUT/word2vec.txt"; rm -f "$vec"
log "word2vec skip-gram (log: $OUT/word2vec-train.log)"
measure word2vec-train --log "$OUT/word2vec-train.log" -- "$W2V_BIN" -train "$CORPUS_TOK" -output "$vec" \
  -cbow 0 -size 100 -window 5 -negative 5 -hs 0 -sample 1e-4 -iter 5 -threads "$THREADS" -min-count 5 -binary 0
W_WALL=$MEASURE_WALL_S; W_RSS=$MEASURE_RSS_MB
eval_vectors word2vec-sg "$vec"

awk -v y="$Y_WALL" -v w="$W_WALL" -v yr="$Y_RSS" -v wr="$W_RSS" 'BEGIN {
  printf "end to end: yuelao %.1f s (peak RSS %.0f MB), word2vec %.1f s (peak RSS %.0f MB): ratio %.3f (target <= 0.5)\n",
         y, yr, w, wr, y / w }'
