#!/usr/bin/env bash
# Time word2vec's vocabulary pass alone on benchmarks/work/corpora/english-mix.tok.
#
# usage: benchmarks/scripts/word2vec-vocab.sh [--repeat N]      (run setup-anchors.sh first)
#
# How: the unmodified binary. word2vec's TrainModel() does
#     LearnVocabFromTrainFile(); if (save_vocab_file[0]) SaveVocab(); if (output_file[0] == 0) return;
# so `word2vec -train F -save-vocab V -min-count 5` WITHOUT -output reads the file, counts, sorts, prunes
# (min-count 5), writes the vocabulary and exits: no InitNet, no unigram table, no training threads.
# (`-iter 0` would NOT do that: it still allocates the network and the 400 MB negative-sampling table.)
# The script checks that line in the packaged word2vec.c before timing. What is timed therefore includes what
# word2vec's vocabulary stage always costs: initialising its 30M-slot hash (120 MB), fgetc-level reading,
# sorting, the min-count prune, the hash rebuild and writing the vocab file.
#
# Tokens counted: word2vec reads every whitespace token plus one "</s>" per line, so
#   tokens read = word tokens of english-mix.tok (15,236,782) + its lines (633,380) = 15,870,162.
# tokens/s is reported on that count and, for comparison with tools that don't count line ends, on the
# 15,236,782 word tokens alone. The input is pre-tokenized (lowercased) text read from the page cache
# (the file is read once before timing); tokenization itself is NOT in this figure (setup-anchors.sh times
# it once: row "tokenize_plain" in benchmarks/work/results.tsv).
#
# Output: rows "word2vec-vocab" in benchmarks/work/results.tsv, the log and vocab in benchmarks/work/out/,
# and benchmarks/work/out/word2vec-vocab.summary (key=value of the fastest run; read by yuelao-vocab.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPEAT=1
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) REPEAT="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "--repeat needs a positive integer"

require_tok
require_w2v
src="$W2V_DIR/package/src/word2vec.c"
grep -q 'if (output_file\[0\] == 0) return;' "$src" \
  || die "$src has no 'if (output_file[0] == 0) return;': the vocab-only invocation is not valid for this version"
mkdir -p "$OUT"

# tokens word2vec reads: words + one </s> per line (every line of the .tok file ends with \n)
eval "$(cat "$CORPUS_TOK.ok")"   # lines= words= bytes=
read_tokens=$(( words + lines ))

warm_cache "$CORPUS_TOK"
best_wall="" best_rss="" vocab_size="" kept=""
for i in $(seq 1 "$REPEAT"); do
  logf="$OUT/word2vec-vocab.log"
  measure word2vec-vocab --log "$logf" -- "$W2V_BIN" -train "$CORPUS_TOK" -save-vocab "$OUT/word2vec.vocab" -min-count 5 -debug 2
  vocab_size="$(tr '\r' '\n' < "$logf" | sed -n 's/^Vocab size: //p' | tail -1)"
  kept="$(tr '\r' '\n' < "$logf" | sed -n 's/^Words in train file: //p' | tail -1)"
  [ -n "$vocab_size" ] || die "no 'Vocab size:' line in $logf"
  [ ! -e "$OUT/word2vec.vocab" ] || [ "$(wc -l < "$OUT/word2vec.vocab")" = "$vocab_size" ] || die "vocab file has not $vocab_size lines"
  if [ -z "$best_wall" ] || awk -v a="$MEASURE_WALL_S" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
    best_wall="$MEASURE_WALL_S" best_rss="$MEASURE_RSS_MB"
  fi
done

tps_read="$(awk -v n="$read_tokens" -v t="$best_wall" 'BEGIN { printf "%.0f", n / t }')"
tps_words="$(awk -v n="$words" -v t="$best_wall" 'BEGIN { printf "%.0f", n / t }')"
cat > "$OUT/word2vec-vocab.summary" <<SUM
system=word2vec (C, npm $(cut -d' ' -f1 "$W2V_DIR/VERSION")) vocab pass
input=$(basename "$CORPUS_TOK") (pre-tokenized, lowercased)
runs=$REPEAT
wall_s=$best_wall
peak_rss_mb=$best_rss
tokens_read=$read_tokens
word_tokens=$words
lines=$lines
tokens_per_s=$tps_read
word_tokens_per_s=$tps_words
vocab_size=$vocab_size
kept_tokens=$kept
SUM
echo
echo "word2vec vocabulary pass (best of $REPEAT): wall ${best_wall} s, peak RSS ${best_rss} MB"
echo "  tokens read $read_tokens (= $words words + $lines </s>): $tps_read tokens/s  ($tps_words word tokens/s)"
echo "  vocab (min-count 5, incl. </s>): $vocab_size words, covering $kept tokens; saved to $OUT/word2vec.vocab"
