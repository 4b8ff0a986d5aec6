#!/usr/bin/env bash
# fastText skip-gram (Debian package `fasttext`) on english-mix.tok with the ANCHORS.md settings, timed, then evaluated.
#
# usage: benchmarks/scripts/fasttext-train.sh [--keep-bin]
#        (run setup-anchors.sh --with-fasttext first; takes ~10-15 min on 2 cores)
#
# Runs (measured, row "fasttext-train" in benchmarks/work/results.tsv: wall s, peak RSS MB):
#   fasttext skipgram -input english-mix.tok -output benchmarks/work/out/fasttext
#            -dim 100 -ws 5 -neg 5 -epoch 5 -minn 3 -maxn 6 -t 1e-4 -thread 2 -minCount 5
# then python3 $YUELAO_SHARED/tools/eval_vectors.py benchmarks/work/out/fasttext.vec
#   -> benchmarks/work/out/fasttext.eval.json (+ a one-line summary on stdout).
# fastText also writes fasttext.bin (~0.8 GB: word + 2M subword-bucket vectors); it is deleted afterwards unless
# --keep-bin. The .vec file holds the words' full vectors (word + subwords), which is what is evaluated.
# Env: THREADS (default 2), PYTHON (python3 with numpy, for the evaluator).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
KEEP_BIN=0
for arg in "$@"; do
  case "$arg" in
    --keep-bin) KEEP_BIN=1 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d'; exit 0 ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done

require_tok
command -v fasttext >/dev/null || die "fasttext not installed: run benchmarks/scripts/setup-anchors.sh --with-fasttext"
require_numpy
THREADS="${THREADS:-2}"
mkdir -p "$OUT"
prefix="$OUT/fasttext"
rm -f "$prefix.vec" "$prefix.bin"
warm_cache "$CORPUS_TOK"
log "fastText skip-gram: training (log: $OUT/fasttext-train.log)"
measure fasttext-train --log "$OUT/fasttext-train.log" -- fasttext skipgram -input "$CORPUS_TOK" -output "$prefix" \
  -dim 100 -ws 5 -neg 5 -epoch 5 -minn 3 -maxn 6 -t 1e-4 -thread "$THREADS" -minCount 5
[ "$KEEP_BIN" = 1 ] || rm -f "$prefix.bin"
log "evaluating $prefix.vec"
eval_vectors fasttext-sg "$prefix.vec"
