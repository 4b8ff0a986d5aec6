#!/usr/bin/env bash
# Shared helpers for the anchor benchmark scripts. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Provides
#   REPO, BENCH, WORK, OUT, ANCHORS_DIR, RESULTS   paths (WORK = benchmarks/work, git-ignored; everything goes there)
#   SHARED            the shared data folder (corpora/, eval/, tools/): a folder named shared beside the clone, or YUELAO_SHARED=/path
#   CORPUS_GZ         SHARED/corpora/english-mix.txt.gz    CORPUS_TOK  WORK/corpora/english-mix.tok
#   TOKENIZE_PY, EVAL_PY   SHARED/tools/tokenize_plain.py, SHARED/tools/eval_vectors.py
#   W2V_BIN           WORK/anchors/word2vec/word2vec (built by setup-anchors.sh)
#   PYTHON            python3 used for the tokenizer and the evaluator (override: PYTHON=...; needs numpy for eval)
#   require_shared    fails with a clear message when SHARED/corpora (or a file in it) is missing
#   require_tok       fails unless setup-anchors.sh has produced CORPUS_TOK
#   measure NAME [--log FILE] -- CMD...
#                     runs CMD under /usr/bin/time -v; appends "name<TAB>wall_s<TAB>peak_rss_mb<TAB>command" to
#                     WORK/results.tsv and prints that line. --log FILE sends CMD's stdout+stderr to FILE (otherwise
#                     they pass through). Sets MEASURE_WALL_S, MEASURE_RSS_MB, MEASURE_RC. Returns CMD's exit status.
#                     wall_s: monotonic wall clock around the command (ms resolution); peak_rss_mb: GNU time's
#                     "Maximum resident set size" / 1024, i.e. the largest single process of the tree, not a sum.
#   eval_vectors NAME VECFILE   runs eval_vectors.py, saves JSON to OUT/NAME.eval.json, prints a one-line summary
#   die MSG / log MSG
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/work"
OUT="$WORK/out"
ANCHORS_DIR="$WORK/anchors"
RESULTS="$WORK/results.tsv"
SHARED="${YUELAO_SHARED:-$(dirname "$REPO")/shared}" # the data folder beside the clone: corpora/, eval/, tools/
[ -d "$SHARED" ] && SHARED="$(cd "$SHARED" && pwd)"
CORPUS_GZ="$SHARED/corpora/english-mix.txt.gz"
CORPUS_TOK="$WORK/corpora/english-mix.tok"
TOKENIZE_PY="$SHARED/tools/tokenize_plain.py"
EVAL_PY="$SHARED/tools/eval_vectors.py"
W2V_DIR="$ANCHORS_DIR/word2vec"
W2V_BIN="$W2V_DIR/word2vec"
PYTHON="${PYTHON:-python3}"
GNU_TIME="${GNU_TIME:-/usr/bin/time}"
# Word tokens of english-mix (corpora/README.md); word2vec additionally counts one </s> per line.
CORPUS_WORD_TOKENS=15236782

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

require_shared() {
  [ -d "$SHARED/corpora" ] || die "shared corpora not found at $SHARED/corpora (expected in a folder named shared beside the clone; set YUELAO_SHARED=/path/to/it)"
  local f
  for f in "$CORPUS_GZ" "$TOKENIZE_PY" "$EVAL_PY"; do
    [ -f "$f" ] || die "missing $f (the shared folder looks incomplete: $SHARED)"
  done
}

require_tok() {
  require_shared
  [ -s "$CORPUS_TOK" ] && [ -f "$CORPUS_TOK.ok" ] || die "tokenized corpus missing: run benchmarks/scripts/setup-anchors.sh first ($CORPUS_TOK)"
}

require_w2v() {
  [ -x "$W2V_BIN" ] || die "word2vec not built: run benchmarks/scripts/setup-anchors.sh first ($W2V_BIN)"
}

# Read a file once so that the measured run does not pay for the first disk read (every tool gets the same).
warm_cache() { cat "$@" > /dev/null; }

measure() {
  local name="$1"; shift
  local logfile=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --log) logfile="$2"; shift 2 ;;
      --) shift; break ;;
      *) die "measure: unexpected argument '$1' (usage: measure NAME [--log FILE] -- CMD...)" ;;
    esac
  done
  [ $# -gt 0 ] || die "measure: no command"
  [ -x "$GNU_TIME" ] || die "GNU time not found at $GNU_TIME (apt-get install time)"
  mkdir -p "$WORK"
  local tf; tf="$(mktemp "$WORK/.time.XXXXXX")"
  local t0 t1 rc=0
  t0="$(date +%s%N)"
  if [ -n "$logfile" ]; then
    mkdir -p "$(dirname "$logfile")"
    "$GNU_TIME" -v -o "$tf" "$@" > "$logfile" 2>&1 || rc=$?
  else
    "$GNU_TIME" -v -o "$tf" "$@" || rc=$?
  fi
  t1="$(date +%s%N)"
  local rss_kb
  rss_kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$tf" | tail -1)"
  [ -n "$rss_kb" ] || { cat "$tf" >&2; rm -f "$tf"; die "measure: could not read peak RSS from GNU time output"; }
  # CPU seconds (user + system): on the shared machine less sensitive than wall time to other jobs' load
  MEASURE_CPU_S="$(awk -F': *' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.1f", s }' "$tf")"
  rm -f "$tf"
  MEASURE_WALL_S="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
  MEASURE_RSS_MB="$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')"
  MEASURE_RC=$rc
  local cmd q="" a
  for a in "$@"; do q+="$(printf '%q' "$a") "; done
  cmd="${q% }"; cmd="${cmd//$'\t'/ }"; cmd="${cmd//$'\n'/ }"
  [ "$rc" -eq 0 ] || name="$name(FAILED rc=$rc)"
  [ -f "$RESULTS" ] || printf 'name\twall_s\tpeak_rss_mb\tcommand\n' > "$RESULTS"
  local line
  line="$(printf '%s\t%s\t%s\t%s' "$name" "$MEASURE_WALL_S" "$MEASURE_RSS_MB" "$cmd")"
  printf '%s\n' "$line" >> "$RESULTS"
  printf '%s\n' "$line"
  return "$rc"
}

require_numpy() {
  "$PYTHON" -c 'import numpy' 2>/dev/null || die "$PYTHON cannot import numpy (needed by eval_vectors.py); set PYTHON=/path/to/python3-with-numpy or apt-get install python3-numpy and PYTHON=/usr/bin/python3"
}

eval_vectors() {
  local name="$1" vec="$2"
  require_numpy
  [ -s "$vec" ] || die "vectors not found: $vec"
  local json="${vec%.*}.eval.json"
  "$PYTHON" "$EVAL_PY" "$vec" --name "$name" > "$json"
  "$PYTHON" - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
def rho(k):
    v = r.get(k, {}).get('rho')
    return 'n/a' if v is None else '%.3f' % v
g = r.get('questions-words', {})
print('%s: vocab %d, WS353 all %s sim %s rel %s, SimLex %s, Google %s%% (%s of %s answerable)  [%s]' % (
    r['name'], r['vocab'], rho('ws353-all'), rho('ws353-sim'), rho('ws353-rel'), rho('simlex999'),
    '%.1f' % (100 * g['acc']) if g else 'n/a', g.get('answerable', '?'), g.get('total', '?'), sys.argv[1]))
PY
}
