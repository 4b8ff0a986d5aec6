#!/usr/bin/env bash
# Collocations and phrases on english-mix, in one invocation (RESULTS.md section 7):
#   1. ./yuelao phrases --input english-mix.txt.gz (2 passes, word2phrase scoring at 200 then 100, the defaults), timed,
#      and side by side word2phrase itself (the word2vec toolkit's, compiled from the same npm source as word2vec)
#      run twice on the pre-tokenized corpus with the same thresholds, timed as one row;
#   2. ./yuelao count --input english-mix.txt.gz --window 5, then the same with --phrases PHRASES (the phrase-joined
#      store): what joining costs the counting pass;
#   3. ./yuelao collocations on that store for several measures (corpus-wide top 20, and one node word), each timed.
#
# usage: benchmarks/scripts/colloc-bench.sh        (run setup-anchors.sh first for the word2phrase row; ~3 min)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_shared
cd "$REPO"
YUELAO="${YUELAO:-./yuelao}"
"$YUELAO" --version > /dev/null   # build outside the timed region
mkdir -p "$OUT"
warm_cache "$CORPUS_GZ"
PHRASES="$OUT/em-phrases.txt"
STORE="$OUT/em-store-phrases-w5"

measure yuelao-phrases-2pass --log "$OUT/phrases.log" -- "$YUELAO" phrases --input "$CORPUS_GZ" --out "$PHRASES" --threads 2 --force --quiet
grep -E '^(pass|wrote)' "$OUT/phrases.log" | sed 's/^/    /'
YUELAO_WALL="$MEASURE_WALL_S"

# word2phrase: the same algorithm (scores, min-count 5, delta = min-count) on the lowercased, whitespace-tokenized copy
if [ -s "$CORPUS_TOK" ] && [ -f "$W2V_DIR/package/src/word2phrase.c" ]; then
  W2P="$W2V_DIR/word2phrase"
  if [ ! -x "$W2P" ]; then
    log "word2phrase: gcc word2phrase.c with word2vec's makefile flags"
    (cd "$W2V_DIR/package/src" && gcc word2phrase.c -o "$W2P" -lm -pthread -O3 -march=native -Wall -funroll-loops -Wno-unused-result \
      -fno-stack-protector 2> "$W2V_DIR/word2phrase-build.log") || die "word2phrase compile failed: $W2V_DIR/word2phrase-build.log"
  fi
  warm_cache "$CORPUS_TOK"
  measure word2phrase-2pass --log "$OUT/word2phrase.log" -- bash -c \
    "'$W2P' -train '$CORPUS_TOK' -output '$OUT/w2p-1.txt' -threshold 200 -min-count 5 -debug 0 && '$W2P' -train '$OUT/w2p-1.txt' -output '$OUT/w2p-2.txt' -threshold 100 -min-count 5 -debug 0"
  awk -v a="$YUELAO_WALL" -v b="$MEASURE_WALL_S" 'BEGIN { printf "    ratio yuelao / word2phrase (wall): %.2f\n", a / b }'
  tr ' ' '\n' < "$OUT/w2p-2.txt" | grep -c '_' | sed 's/^/    word2phrase joined tokens in its output: /'
else
  log "no word2phrase row: run benchmarks/scripts/setup-anchors.sh first (word2vec source and the tokenized corpus)"
fi

measure yuelao-count-w5 --log "$OUT/count-plain-w5.log" -- "$YUELAO" count --input "$CORPUS_GZ" --out "$OUT/em-store-w5" --window 5 --threads 2 \
  --force --quiet
PLAIN_WALL="$MEASURE_WALL_S"
measure yuelao-count-phrases-w5 --log "$OUT/count-phrases.log" -- "$YUELAO" count --input "$CORPUS_GZ" --phrases "$PHRASES" --out "$STORE" \
  --window 5 --threads 2 --force --quiet
grep -E '^(phrases|vocabulary|pairs|wrote)' "$OUT/count-phrases.log" | sort -u | sed 's/^/    /'
awk -v a="$MEASURE_WALL_S" -v b="$PLAIN_WALL" 'BEGIN { printf "    ratio count with / without phrases (wall): %.2f\n", a / b }'

for m in logdice g2 tscore mi deltap-fwd; do
  measure "yuelao-collocations-$m" --log "$OUT/collocations-$m.txt" -- "$YUELAO" collocations "$STORE" --measure "$m" --top 20 --threads 2
  sed -n '1p' "$OUT/collocations-$m.txt" | sed 's/^/    /'
done
measure yuelao-collocations-word --log "$OUT/collocations-word.txt" -- "$YUELAO" collocations "$STORE" --word new_york --measure logdice --top 20
measure yuelao-collocations-json --log "$OUT/collocations-json.txt" -- "$YUELAO" collocations "$STORE" --measure logdice --top 1000 --json \
  --stopwords english --min-length 3
