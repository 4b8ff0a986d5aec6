#!/usr/bin/env bash
# word2vec skip-gram on english-mix.tok with the ANCHORS.md settings, timed, then evaluated.
#
# usage: benchmarks/scripts/word2vec-train.sh          (run setup-anchors.sh first; takes ~5-12 min on 2 cores)
#
# Runs (measured, row "word2vec-train" in benchmarks/work/results.tsv: wall s, peak RSS MB):
#   word2vec -train english-mix.tok -output benchmarks/work/out/word2vec.txt
#            -cbow 0 -size 100 -window 5 -negative 5 -hs 0 -sample 1e-4 -iter 5 -threads 2 -min-count 5 -binary 0
# then python3 $YUELAO_SHARED/tools/eval_vectors.py benchmarks/work/out/word2vec.txt
#   -> benchmarks/work/out/word2vec.eval.json (+ a one-line summary on stdout).
# The training log is benchmarks/work/out/word2vec-train.log. Timed = the word2vec command alone (vocab pass + training
# + writing the text vectors); the tokenization is timed separately by setup-anchors.sh.
# Env: THREADS (default 2; ANCHORS.md uses 2), PYTHON (python3 with numpy, for the evaluator).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case "${1:-}" in -h|--help) sed -n '2,/^source/p' "$0" | sed '$d'; exit 0 ;; "") ;; *) die "unknown argument: $1" ;; esac

require_tok
require_w2v
require_numpy
THREADS="${THREADS:-2}"
mkdir -p "$OUT"
vec="$OUT/word2vec.txt"
rm -f "$vec"
warm_cache "$CORPUS_TOK"
log "word2vec skip-gram: training (log: $OUT/word2vec-train.log)"
measure word2vec-train --log "$OUT/word2vec-train.log" -- "$W2V_BIN" -train "$CORPUS_TOK" -output "$vec" \
  -cbow 0 -size 100 -window 5 -negative 5 -hs 0 -sample 1e-4 -iter 5 -threads "$THREADS" -min-count 5 -binary 0
log "evaluating $vec"
eval_vectors word2vec-sg "$vec"
