#!/usr/bin/env bash
# End to end, side by side in ONE invocation: yuelao `run` as it ships (its default preset: vocabulary + counts + eig +
# the subword fit + the sgns epochs + vectors.txt, from the raw gzip, tokenization included) against fastText
# skip-gram (Debian package `fasttext`; 5 epochs, dim 100, window 5, negative 5, subwords 3-6, sample 1e-4, min count
# 5, 2 threads) on english-mix. Reports wall time, CPU time (user + system) and peak RSS of each, their ratios
# yuelao / fastText (targets: wall <= 0.25, RSS <= 1), and the quality of each.
#
# usage: benchmarks/scripts/e2e-fasttext.sh [-- EXTRA YUELAO RUN OPTIONS]
#        other presets: benchmarks/scripts/e2e-fasttext.sh -- --preset fast   (or refined); a seed: -- --seed 2
#        (run setup-anchors.sh --with-fasttext first; ~20 min, fastText takes ~15 of them on 2 cores)
#
# fastText gets the pre-tokenized english-mix.tok (its tokenization is not timed, in its favour); yuelao reads the
# raw english-mix.txt.gz. fastText's .bin (~0.8 GB) is deleted afterwards; its .vec (the words' full vectors,
# word + subwords) is evaluated. Rows "e2e-yuelao-subwords" and "fasttext-train" go to benchmarks/work/results.tsv.
# Env: THREADS (default 2).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case "${1:-}" in -h|--help) sed -n '2,/^source/p' "$0" | sed '$d'; exit 0 ;; --) shift ;; "") ;; *) die "unknown argument: $1" ;; esac
require_shared
require_tok
command -v fasttext >/dev/null || die "fasttext not installed: run benchmarks/scripts/setup-anchors.sh --with-fasttext"
require_numpy
THREADS="${THREADS:-2}"
cd "$REPO"
YUELAO="${YUELAO:-./yuelao}"; "$YUELAO" --version > /dev/null   # build outside the timed region
mkdir -p "$OUT"
warm_cache "$CORPUS_GZ" "$CORPUS_TOK"

rm -rf "$OUT/e2e-yuelao-subwords" # run reuses finished stages made the same way: time all of them
log "yuelao run (log: $OUT/e2e-yuelao-subwords.log)"
measure e2e-yuelao-subwords --log "$OUT/e2e-yuelao-subwords.log" -- "$YUELAO" run --input "$CORPUS_GZ" \
  --out "$OUT/e2e-yuelao-subwords" --threads "$THREADS" --force --quiet "$@"
Y_WALL=$MEASURE_WALL_S; Y_RSS=$MEASURE_RSS_MB; Y_CPU=$MEASURE_CPU_S
eval_vectors yuelao-subwords "$OUT/e2e-yuelao-subwords/vectors/vectors.txt"

prefix="$OUT/fasttext"; rm -f "$prefix.vec" "$prefix.bin"
log "fastText skip-gram (log: $OUT/fasttext-train.log)"
measure fasttext-train --log "$OUT/fasttext-train.log" -- fasttext skipgram -input "$CORPUS_TOK" -output "$prefix" \
  -dim 100 -ws 5 -neg 5 -epoch 5 -minn 3 -maxn 6 -t 1e-4 -thread "$THREADS" -minCount 5
F_WALL=$MEASURE_WALL_S; F_RSS=$MEASURE_RSS_MB; F_CPU=$MEASURE_CPU_S
rm -f "$prefix.bin"
eval_vectors fasttext-sg "$prefix.vec"

awk -v y="$Y_WALL" -v f="$F_WALL" -v yr="$Y_RSS" -v fr="$F_RSS" -v yc="$Y_CPU" -v fc="$F_CPU" 'BEGIN {
  printf "end to end: yuelao run %.1f s, %.1f CPU s (peak RSS %.0f MB); fastText %.1f s, %.1f CPU s (peak RSS %.0f MB)\n", y, yc, yr, f, fc, fr
  printf "ratios yuelao / fastText: wall %.3f (target <= 0.25), CPU %.3f, peak RSS %.2f (target <= 1)\n", y / f, yc / fc, yr / fr }'
