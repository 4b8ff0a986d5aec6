#!/usr/bin/env bash
# yuelao count on english-mix, 2 threads: window 5 and 10 with the default budget, then --memory 256m (spills).
# Then the bounded-memory check: a corpus 10x larger than the budget (english-mix concatenated N times, streamed
# through stdin with a vocabulary built first) counted with --memory 64m and 256m: peak RSS must follow --memory.
#
# usage: benchmarks/scripts/yuelao-count.sh [--skip-big]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_shared
cd "$REPO"
./yuelao --version >/dev/null
mkdir -p "$OUT"
warm_cache "$CORPUS_GZ" 2>/dev/null || cat "$CORPUS_GZ" >/dev/null
for w in 5 10; do
  measure "yuelao-count-w$w" --log "$OUT/count-w$w.log" -- ./yuelao count --input "$CORPUS_GZ" --out "$OUT/em-count-w$w" --window $w --threads 2 --force --quiet
  grep -E '^(read|pairs|spill|wrote)' "$OUT/count-w$w.log" | sed 's/^/    /'
done
measure "yuelao-count-w5-mem256m" --log "$OUT/count-w5-256m.log" -- ./yuelao count --input "$CORPUS_GZ" --out "$OUT/em-count-w5-256m" --window 5 --threads 2 --memory 256m --force --quiet
grep -E '^(pairs|spill|wrote)' "$OUT/count-w5-256m.log" | sed 's/^/    /'
cmp "$OUT/em-count-w5/counts.bin" "$OUT/em-count-w5-256m/counts.bin" && echo "    counts.bin identical with and without spills"

[ "${1:-}" = "--skip-big" ] && exit 0
# 10x the 256m budget: english-mix is 84 MiB of text, so 31 copies = 2.6 GiB, streamed (never on disk).
COPIES=31
./yuelao vocab --input "$CORPUS_GZ" --out "$OUT/em-vocab" --threads 2 --force --quiet >/dev/null
for m in 64m 256m; do
  measure "yuelao-count-w5-${COPIES}x-mem$m" --log "$OUT/count-big-$m.log" -- bash -c \
    "for i in \$(seq $COPIES); do zcat '$CORPUS_GZ'; done | ./yuelao count --input - --vocab '$OUT/em-vocab' --out '$OUT/em-big-$m' --window 5 --threads 2 --memory $m --force --quiet"
  grep -E '^(read|pairs|spill|wrote)' "$OUT/count-big-$m.log" | sed 's/^/    /'
done
