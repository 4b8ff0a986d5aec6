#!/usr/bin/env bash
# yuelao's vocabulary pass against word2vec's, side by side in one invocation, on english-mix.
#
# usage: benchmarks/scripts/yuelao-vocab.sh [--repeat N]
#
# 1. setup-anchors.sh (idempotent: builds word2vec and the tokenized corpus only if missing)
# 2. ./yuelao --version once, untimed, so that the launcher's first-use Maven build is not measured
# 3. measured (row "yuelao-vocab" in benchmarks/work/results.tsv), N times:
#      ./yuelao vocab --input $YUELAO_SHARED/corpora/english-mix.txt.gz --out benchmarks/work/out/vocab --threads 2 --force --quiet
#    tokens = M from its summary line "read: N documents, M tokens, ..." (yuelao reads the raw gzip and tokenizes it
#    itself); wall time is the whole command, JVM start-up included. Its own in-process tokens/s is shown too.
# 4. benchmarks/scripts/word2vec-vocab.sh --repeat N (word2vec's vocabulary pass on the pre-tokenized .tok file;
#    tokens = words + one </s> per line, see that script)
# 5. a markdown table of the fastest run of each, and the ratios.
# Both inputs are read once before timing, so both runs read from the page cache.
# Env: YUELAO (launcher path, default ./yuelao at the repo root), YUELAO_HEAP / YUELAO_JAVA_OPTS are passed through to the launcher (default heap: half of RAM, at most 16g).
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

require_shared
YUELAO="${YUELAO:-$REPO/yuelao}"   # override only to test this script against another launcher
[ -x "$YUELAO" ] || die "yuelao launcher not found at $YUELAO"
"$BENCH/scripts/setup-anchors.sh" >&2
cd "$REPO"

log "yuelao: building if needed (./yuelao --version, not timed)"
"$YUELAO" --version || die "'./yuelao --version' failed (build problem? see $REPO/.yuelao-build.log)"

mkdir -p "$OUT"
warm_cache "$CORPUS_GZ"
best_wall="" best_rss="" y_tokens="" y_docs="" y_self="" y_kept=""
for i in $(seq 1 "$REPEAT"); do
  logf="$OUT/yuelao-vocab.log"
  measure yuelao-vocab --log "$logf" -- "$YUELAO" vocab --input "$CORPUS_GZ" --out "$OUT/vocab" --threads 2 --force --quiet \
    || { cat "$logf" >&2; die "yuelao vocab failed (log: $logf)"; }
  wall="$MEASURE_WALL_S" rss="$MEASURE_RSS_MB"
  line="$(tr '\r' '\n' < "$logf" | grep -m1 '^read: ')" || die "no 'read: N documents, M tokens, ...' summary line in $logf"
  y_docs="$(sed -n 's/^read: \([0-9,]*\) documents.*/\1/p' <<< "$line" | tr -d ,)"
  y_tokens="$(sed -n 's/^read: [0-9,]* documents, \([0-9,]*\) tokens.*/\1/p' <<< "$line" | tr -d ,)"
  y_self="$(sed -n 's/.*(\(.*\) tokens\/s).*/\1/p' <<< "$line")"
  y_kept="$(tr '\r' '\n' < "$logf" | sed -n 's/^types: [0-9,]* distinct, \([0-9,]*\) kept.*/\1/p' | head -1 | tr -d ,)"
  [ -n "$y_tokens" ] || die "could not parse the token count from: $line"
  echo "  $line"
  if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
    best_wall="$wall" best_rss="$rss"
  fi
done

"$BENCH/scripts/word2vec-vocab.sh" --repeat "$REPEAT"
S="$OUT/word2vec-vocab.summary"
get() { sed -n "s/^$1=//p" "$S"; }
w_wall="$(get wall_s)" w_rss="$(get peak_rss_mb)" w_tokens="$(get tokens_read)" w_words="$(get word_tokens)"
w_tps="$(get tokens_per_s)" w_wtps="$(get word_tokens_per_s)" w_vocab="$(get vocab_size)"

grp() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$1"; }
y_tps="$(awk -v n="$y_tokens" -v t="$best_wall" 'BEGIN { printf "%.0f", n / t }')"
r_tps="$(awk -v a="$y_tps" -v b="$w_tps" 'BEGIN { printf "%.2f", a / b }')"
r_wtps="$(awk -v a="$y_tps" -v b="$w_wtps" 'BEGIN { printf "%.2f", a / b }')"
r_wall="$(awk -v a="$best_wall" -v b="$w_wall" 'BEGIN { printf "%.2f", a / b }')"
r_rss="$(awk -v a="$best_rss" -v b="$w_rss" 'BEGIN { printf "%.2f", a / b }')"

cat <<TABLE

### Vocabulary pass, english-mix ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, best of $REPEAT)

| system | input | tokens counted | vocab kept (min-count 5) | wall s | peak RSS MB | tokens/s |
|---|---|---:|---:|---:|---:|---:|
| yuelao vocab, 2 threads (whole command, JVM start-up included; self-reported ${y_self} tokens/s) | english-mix.txt.gz, raw, tokenized by yuelao | $(grp "$y_tokens") | $(grp "${y_kept:-?}") | $best_wall | $best_rss | $(grp "$y_tps") |
| word2vec vocab pass (C, -save-vocab without -output) | english-mix.tok, pre-tokenized by tokenize_plain.py (not timed) | $(grp "$w_tokens") (= $(grp "$w_words") words + one </s> per line) | $(grp "$w_vocab") (incl. </s>) | $w_wall | $w_rss | $(grp "$w_tps") |
| **ratio yuelao / word2vec** | | | | $r_wall | $r_rss | **$r_tps** ($r_wtps against word2vec's $(grp "$w_wtps") word tokens/s) |

tokens/s > 1 and wall < 1 in the ratio row mean yuelao is faster. Raw rows: $RESULTS
TABLE
