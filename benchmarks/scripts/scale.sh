#!/usr/bin/env bash
# The scale benchmark (issue 15): `./yuelao run` on K dialects of english-mix (SHARED/corpora/scale-corpus.py K: about
# K x 15.2 M tokens; K = 66 is about 1.0 G tokens and 1.6 M words at min-count 5), with the run's own defaults (no
# memory option unless given), and the cost of each stage: wall and CPU seconds, GC pause seconds, peak RSS, peak
# anonymous memory (heap + off-heap, without the file-backed pages of the memory-mapped store), per token; spill and
# store bytes; the whole process's peak RSS and CPU (GNU time), and under a memory limit the cgroup's own peak (page
# cache included).
#
# usage: benchmarks/scripts/scale.sh [K ...] [-- EXTRA YUELAO RUN OPTIONS]     (default K: 1 4 16)
#        LIMIT=8g benchmarks/scripts/scale.sh 66        the K = 66 run under a hard 8 GB memory limit
#
# Env: THREADS (default 2); LIMIT (a memory limit such as 8g: the run goes into a new memory cgroup with that limit,
# page cache included; needs root and a writable memory controller, cgroup v1 memory/ or v2 with memory in
# subtree_control; where it cannot set one it says so and stops, never runs unlimited silently); KEEP=1 keeps each
# K's run directory (default: deleted after it is measured; the corpora stay under benchmarks/work/scale/).
# Output: a table on stdout, rows appended to benchmarks/work/scale/scale.tsv, logs in benchmarks/work/scale/.
# The corpora are generated once (corpora/scale-<K>.txt, plain text, ~90 MB per dialect) with a .ok marker.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
KS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d'; exit 0 ;;
    --) shift; break ;;
    *) [[ "$1" =~ ^[0-9]+$ ]] || die "not a dialect count: $1 (usage: scale.sh [K ...] [-- RUN OPTIONS])"; KS+=("$1"); shift ;;
  esac
done
[ ${#KS[@]} -gt 0 ] || KS=(1 4 16)
require_shared
SCALE_PY="$SHARED/corpora/scale-corpus.py"
[ -f "$SCALE_PY" ] || die "missing $SCALE_PY"
THREADS="${THREADS:-2}"
DIR="$WORK/scale"
TSV="$DIR/scale.tsv"
mkdir -p "$DIR"
cd "$REPO"
# Build outside the timed region, then run a snapshot of the build (the launcher, the JDK finder, the jars): a run of
# hours must not load classes from jars that a rebuild of the checkout replaces meanwhile.
./yuelao --version > /dev/null
rm -rf "$DIR/app"; mkdir -p "$DIR/app/.mvn" "$DIR/app/server/target"
cp yuelao "$DIR/app/"; cp .mvn/jdk25.sh "$DIR/app/.mvn/"
cp -r server/target/server-0.1.0-SNAPSHOT.jar server/target/lib server/target/yuelao.stamp "$DIR/app/server/target/"
YUELAO="${YUELAO:-$DIR/app/yuelao}"

# A memory cgroup with LIMIT for one command; prints the directory. v1: memory/<name>; v2: <root>/<name>.
CG=""
make_cgroup() {
  local bytes name="yuelao-scale-$$"
  bytes="$(size_bytes "$1")" || die "LIMIT=$1 is not a size (examples: 8g, 8192m)"
  if [ -w /sys/fs/cgroup/memory ] && [ -f /sys/fs/cgroup/memory/cgroup.procs ]; then
    CG="/sys/fs/cgroup/memory/$name"; mkdir -p "$CG"
    echo "$bytes" > "$CG/memory.limit_in_bytes" || die "cannot set $CG/memory.limit_in_bytes"
    echo 0 > "$CG/memory.swappiness" 2>/dev/null || true
    CG_PEAK="memory.max_usage_in_bytes"
  elif [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw memory /sys/fs/cgroup/cgroup.controllers && [ -w /sys/fs/cgroup ]; then
    grep -qw memory /sys/fs/cgroup/cgroup.subtree_control || echo +memory > /sys/fs/cgroup/cgroup.subtree_control \
      || die "cannot enable the memory controller in /sys/fs/cgroup/cgroup.subtree_control"
    CG="/sys/fs/cgroup/$name"; mkdir -p "$CG"
    echo "$bytes" > "$CG/memory.max" || die "cannot set $CG/memory.max"
    echo 0 > "$CG/memory.swap.max" 2>/dev/null || true
    CG_PEAK="memory.peak"
  else
    die "LIMIT=$1: no writable memory cgroup here (need root and cgroup v1 /sys/fs/cgroup/memory or v2 with the memory controller); run without LIMIT or as root"
  fi
  log "memory limit $1 ($bytes bytes) in $CG"
}
# A size such as 8g, 512m or 8589934592 in bytes (k, m, g, t: powers of 1024).
size_bytes() {
  [[ "$1" =~ ^([0-9]+)([kKmMgGtT]?)$ ]] || return 1
  local n="${BASH_REMATCH[1]}" u="${BASH_REMATCH[2],,}"
  case "$u" in k) n=$(( n << 10 )) ;; m) n=$(( n << 20 )) ;; g) n=$(( n << 30 )) ;; t) n=$(( n << 40 )) ;; esac
  echo "$n"
}
[ -n "${LIMIT:-}" ] && make_cgroup "$LIMIT"
cleanup() { [ -n "$CG" ] && [ -d "$CG" ] && rmdir "$CG" 2>/dev/null; true; }
trap cleanup EXIT

[ -f "$TSV" ] || printf 'k\ttokens\twords\tnnz\tstage\twall_s\tcpu_s\tgc_s\tpeak_rss_gib\tpeak_anon_gib\twall_ns_per_token\tcpu_ns_per_token\tspill_bytes\tstore_bytes\tlimit\tcommand\n' > "$TSV"
for K in "${KS[@]}"; do
  corpus="$DIR/corpora/scale-$K.txt"
  if [ ! -f "$corpus.ok" ]; then
    log "generating $corpus (scale-corpus.py $K)"
    mkdir -p "$DIR/corpora"
    "$PYTHON" "$SCALE_PY" "$K" > "$corpus.part" && mv "$corpus.part" "$corpus" && touch "$corpus.ok"
  fi
  out="$DIR/run-k$K"; logf="$DIR/run-k$K.log"; timef="$DIR/run-k$K.time"
  rm -rf "$out"
  warm_cache "$corpus"
  cmd=("$YUELAO" run --input "$corpus" --out "$out" --threads "$THREADS" "$@")
  log "K=$K: ${cmd[*]} (log: $logf)"
  rc=0
  if [ -n "$CG" ]; then
    echo 0 > "$CG/memory.max_usage_in_bytes" 2>/dev/null || true
    "$GNU_TIME" -v -o "$timef" sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' sh "$CG" "${cmd[@]}" > "$logf" 2>&1 || rc=$?
  else
    "$GNU_TIME" -v -o "$timef" "${cmd[@]}" > "$logf" 2>&1 || rc=$?
  fi
  tr '\r' '\n' < "$logf" | grep -E '^yuelao run: (stage|the|out of)|^== |^vocabulary:|^pairs:|^spill:|^wrote|eigenvalues|subwords [0-9]' | grep -v 'fit iteration' >&2 || true
  [ "$rc" -eq 0 ] || { log "K=$K: FAILED (exit $rc); see $logf"; }
  user="$(sed -n 's/^[[:space:]]*User time (seconds): *//p' "$timef")"
  sys="$(sed -n 's/^[[:space:]]*System time (seconds): *//p' "$timef")"
  rss_kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$timef")"
  tokens="$(tr '\r' '\n' < "$logf" | sed -n 's/.* \([0-9,]*\) tokens -> .*/\1/p' | tr -d , | tail -1)"
  [ -n "$tokens" ] || tokens="$(tr '\r' '\n' < "$logf" | sed -n 's/^vocabulary: .*N = \([0-9,]*\).*/\1/p' | tr -d , | tail -1)"
  words="$(tr '\r' '\n' < "$logf" | sed -n 's/^vocabulary: \([0-9,]*\) words.*/\1/p' | tr -d , | tail -1)"
  nnz="$(tr '\r' '\n' < "$logf" | sed -n 's/.*(\([0-9,]*\) stored CSR entries).*/\1/p' | tr -d , | tail -1)"
  spill="$(tr '\r' '\n' < "$logf" | sed -n 's/^spill: [0-9,]* runs, \([0-9.]*\) \([KMG]\)iB.*/\1 \2/p' | tail -1 \
    | awk '{ m = $2 == "K" ? 1024 : $2 == "M" ? 1048576 : 1073741824; printf "%.0f", $1 * m }')"
  store="$(du -sb "$out/store" 2>/dev/null | cut -f1)"
  cgpeak=""
  [ -n "$CG" ] && cgpeak="$(cat "$CG/$CG_PEAK" 2>/dev/null)"
  q=""; for a in "${cmd[@]}"; do q+="$(printf '%q' "$a") "; done
  tr '\r' '\n' < "$logf" | sed -n 's/^yuelao run: stage \([a-z]*\): wall \([0-9.]*\) s, cpu \([0-9.]*\) s, gc \([0-9.]*\) s, peak rss \([0-9.]*\) GiB, peak anon \([0-9.]*\) GiB/\1 \2 \3 \4 \5 \6/p' \
    | while read -r stage wall cpu gc rss anon; do
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$K" "$tokens" "$words" "$nnz" "$stage" "$wall" "$cpu" "$gc" "$rss" "$anon" \
          "$(awk -v w="$wall" -v t="$tokens" 'BEGIN { printf "%.1f", w * 1e9 / t }')" "$(awk -v w="$cpu" -v t="$tokens" 'BEGIN { printf "%.1f", w * 1e9 / t }')" \
          "${spill:-0}" "${store:-0}" "${LIMIT:-none}" "${q% }" >> "$TSV"
        printf 'K=%-3s %-9s wall %7.1f s  cpu %7.1f s  gc %6.2f s  rss %5.2f GiB  anon %5.2f GiB  %6.1f ns/token wall  %6.1f ns/token cpu\n' "$K" "$stage" \
          "$wall" "$cpu" "$gc" "$rss" "$anon" "$(awk -v w="$wall" -v t="$tokens" 'BEGIN { printf "%.1f", w * 1e9 / t }')" \
          "$(awk -v w="$cpu" -v t="$tokens" 'BEGIN { printf "%.1f", w * 1e9 / t }')"
      done
  printf 'K=%s total: exit %s, %s tokens, %s words, %s CSR entries; cpu %.1f s (user %s + sys %s), process peak RSS %.2f GiB%s; spill %s bytes, store %s bytes\n' \
    "$K" "$rc" "$tokens" "$words" "$nnz" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$user" "$sys" \
    "$(awk -v k="$rss_kb" 'BEGIN { print k / 1048576 }')" "${cgpeak:+, cgroup peak (page cache included) $(awk -v b="$cgpeak" 'BEGIN { printf "%.2f GiB", b / 1073741824 }')}" \
    "${spill:-0}" "${store:-0}"
  if [ "$rc" -eq 0 ] && [ -d "$SHARED/eval" ]; then # quality of the run's vectors (WS353, SimLex, Google over the 30k most frequent)
    YUELAO_EVAL_DIR="$SHARED/eval" "$YUELAO" eval "$out/vectors" > "$DIR/run-k$K.eval" 2>&1 || true
    printf 'K=%s eval:\n%s\n' "$K" "$(cat "$DIR/run-k$K.eval")"
  fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$out"
done
