#!/usr/bin/env bash
# The kill matrix: kills count, train, run and merge with SIGKILL, SIGTERM and SIGINT at 10 moments each (5%, 15%,
# ..., 95% of the command's measured CPU time) and checks what a killed run leaves:
#   - no partial output looks complete: the output directory is absent (with the previous one waiting, restorable, as
#     a hidden .old sibling) or is, byte for byte, either the previous complete output or the reference output
#     (for run: each of store/, words/, vectors/ is the previous one's or the reference's, or absent);
#   - the rerun (the same command, with --force) succeeds, sweeps the killed run's temporaries (nothing hidden is
#     left beside or inside the output), and is byte-identical (sha256 of every file) to an uninterrupted reference.
# Every kill replaces a previous complete output made with other settings, so "the previous one survives" is tested
# too. Prints a table (command x signal) and exits non-zero on any mismatch.
#
# usage: benchmarks/scripts/kill-matrix.sh [--lines N] [--moments K] [--commands "count train run merge"]
#                                          [--signals "KILL TERM INT"]
#   --lines N    lines of the bundled sample corpus to use (default 20000, about 500k tokens: a few seconds a command)
#   --moments K  kill moments per command and signal (default 10: (i + 0.5) / K of the reference run's CPU time,
#                i = 0..K-1; CPU time rather than wall time, which the shared machine's load stretches)
# Needs only the repository (the sample corpus is corpus-samples/english-sample.txt.gz). Writes to work/kill-matrix/.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +e
# Job control: without it a non-interactive shell starts background commands with SIGINT ignored, and the JVM then
# never sees the SIGINT the matrix sends.
set -m

LINES=20000
MOMENTS=10
COMMANDS="count train run merge"
SIGNALS="KILL TERM INT"
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) LINES="$2"; shift 2 ;;
    --moments) MOMENTS="$2"; shift 2 ;;
    --commands) COMMANDS="$2"; shift 2 ;;
    --signals) SIGNALS="$2"; shift 2 ;;
    *) die "unknown argument: $1 (see the header of $0)" ;;
  esac
done

KM="$WORK/kill-matrix"
rm -rf "$KM"
mkdir -p "$KM"
cd "$REPO" || exit 1
. "$REPO/.mvn/jdk25.sh"
yuelao_use_jdk25 || exit 1

# The launcher builds when sources changed; the matrix then runs a snapshot of that build, so that an edit made while
# it runs changes nothing, and so that the PID killed is the JVM's itself.
./yuelao --version >/dev/null 2>&1 || die "the build failed (./yuelao --version)"
mkdir -p "$KM/app"
cp server/target/server-0.1.0-SNAPSHOT.jar "$KM/app/" && cp -r server/target/lib "$KM/app/lib" || die "cannot snapshot the build"
FLAGS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
       --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
       --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED -Dchronicle.analytics.disable=true
       --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
       --add-modules=jdk.incubator.vector -XX:+UseParallelGC -Xmx1g)
JAVA=("$JAVA_HOME/bin/java" "${FLAGS[@]}" -cp "$KM/app/server-0.1.0-SNAPSHOT.jar:$KM/app/lib/*" yuelao.engine.cli.Main)
y() { "${JAVA[@]}" "$@"; }

# Corpus: the first LINES lines of the sample (part A) and the next LINES (part B, for merge).
D="$KM/data"
mkdir -p "$D"
zcat corpus-samples/english-sample.txt.gz | head -n "$LINES" | gzip -n > "$D/a.txt.gz"
zcat corpus-samples/english-sample.txt.gz | tail -n +"$((LINES + 1))" | head -n "$LINES" | gzip -n > "$D/b.txt.gz"
log "corpus: $(zcat "$D/a.txt.gz" | wc -w) + $(zcat "$D/b.txt.gz" | wc -w) tokens"
# Inputs of train and merge, made once.
y count -i "$D/a.txt.gz" -o "$D/store-a" --memory 8m -q >/dev/null 2>&1 || die "count of part A failed"
y count -i "$D/b.txt.gz" -o "$D/store-b" --vocab "$D/store-a" --memory 8m -q >/dev/null 2>&1 || die "count of part B failed"

# The command under test (REF settings) and the previous output's (PREV settings), per command. OUT is the output.
command_args() { # CMD which(ref|prev) OUT
  local c="$1" which="$2" out="$3"
  case "$c/$which" in
    count/ref) echo "count -i $D/a.txt.gz -o $out --memory 8m -q --force" ;;
    count/prev) echo "count -i $D/a.txt.gz -o $out --memory 8m -q --force --window 5" ;;
    train/ref) echo "train --store $D/store-a -o $out --dim 50 -q --force" ;;
    train/prev) echo "train --store $D/store-a -o $out --dim 40 -q --force" ;;
    run/ref) echo "run -i $D/a.txt.gz -o $out --dim 50 --memory 96m -q --force" ;;
    run/prev) echo "run -i $D/a.txt.gz -o $out --dim 40 --window 5 --memory 96m -q --force" ;;
    merge/ref) echo "merge -o $out $D/store-a $D/store-b --memory 8m --force" ;;
    merge/prev) echo "merge -o $out $D/store-a $D/store-a --memory 8m --force" ;;
  esac
}

# CPU time (user + system, ms) of a running process so far; 0 once it is gone. /proc/PID/stat fields 14 and 15, in
# clock ticks (the command name, field 2, is "(java)": no spaces to shift the fields).
TICK_MS=$((1000 / $(getconf CLK_TCK)))
cpu_of() { awk -v t="$TICK_MS" '{printf "%d", ($14 + $15) * t}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# sha256 of every file of a directory tree (relative names and contents), or "absent".
tree_sha() {
  if [ ! -e "$1" ]; then echo absent; return; fi
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}
# The parts a killed output is judged by: the directory itself, or for run each stage's directory.
parts() { if [ "$1" = run ]; then echo "store words vectors"; else echo "."; fi; }
# Hidden entries (temporaries, spill folders, replaced outputs) beside or inside OUT.
leftovers() {
  local out="$1"
  { find "$(dirname "$out")" -maxdepth 1 -name '.*' ! -name . -print; [ -d "$out" ] && find "$out" -name '.*' -print; } 2>/dev/null | wc -l
}

TABLE="$KM/table.md"
printf '| command | signal | kills | finished first | partial looking complete | previous lost | rerun failed or mismatched | leftovers after rerun |\n|---|---|---:|---:|---:|---:|---:|---:|\n' > "$TABLE"
FAIL=0
for c in $COMMANDS; do
  W="$KM/$c"
  mkdir -p "$W"
  OUT="$W/out"
  # PREV and REF outputs, kept aside. The moments are fractions of REF's CPU time (user + system, every thread), not of
  # its wall time: on a shared machine the wall time of the same command varies twofold with the load, the CPU time
  # little, so a moment lands at the same point of the work whatever the load. REF is timed from the previous output,
  # as every kill starts (run would otherwise reuse its finished stages); the shorter of two runs.
  y $(command_args "$c" prev "$OUT") >/dev/null 2>&1 || die "$c (previous settings) failed"
  cp -a "$OUT" "$W/prev"
  cpu_ms=
  for attempt in 1 2; do
    rm -rf "$OUT" && cp -a "$W/prev" "$OUT"
    "$GNU_TIME" -f '%U %S' -o "$W/ref.time" "${JAVA[@]}" $(command_args "$c" ref "$OUT") >/dev/null 2>&1 || die "$c failed"
    d=$(awk '{printf "%d", ($1 + $2) * 1000}' "$W/ref.time")
    if [ -z "$cpu_ms" ] || [ "$d" -lt "$cpu_ms" ]; then cpu_ms=$d; fi
  done
  cp -a "$OUT" "$W/ref"
  declare -A PREV_SHA=() REF_SHA=()
  for p in $(parts "$c"); do PREV_SHA[$p]=$(tree_sha "$W/prev/$p"); REF_SHA[$p]=$(tree_sha "$W/ref/$p"); done
  [ "$(tree_sha "$W/prev")" != "$(tree_sha "$W/ref")" ] || die "$c: the previous and reference outputs are equal; the check would be blind"
  log "$c: reference run ${cpu_ms} ms of CPU; $(command_args "$c" ref OUT)"
  for sig in $SIGNALS; do
    kills=0 finished=0 partial=0 lost=0 mismatched=0 left=0
    for ((i = 0; i < MOMENTS; i++)); do
      rm -rf "$OUT" && cp -a "$W/prev" "$OUT"
      at_ms=$(( cpu_ms * (2 * i + 1) / (2 * MOMENTS) ))
      # The JVM itself is the background job (not a subshell around it), so that the signal reaches it.
      "${JAVA[@]}" $(command_args "$c" ref "$OUT") >"$W/killed.log" 2>&1 &
      pid=$!
      while kill -0 "$pid" 2>/dev/null && [ "$(cpu_of "$pid")" -lt "$at_ms" ]; do sleep 0.01; done
      killed=0
      if kill -0 "$pid" 2>/dev/null; then
        kill -s "$sig" "$pid"
        killed=1
      fi
      wait "$pid" 2>/dev/null
      rc=$?
      # 128 + the signal's number: it died of it (KILL), or its shutdown hooks ran and it exited with that code (TERM,
      # INT); 0 means it had finished before the signal arrived.
      if [ "$killed" -eq 1 ] && [ "$rc" -gt 128 ]; then kills=$((kills + 1)); else finished=$((finished + 1)); fi
      if pgrep -f -- "-o $OUT " >/dev/null 2>&1; then die "a JVM writing $OUT outlived its kill"; fi
      # What the killed run left: each part is absent, the previous one or the reference one.
      verdict=ok
      if [ ! -e "$OUT" ]; then
        if ! ls -d "$(dirname "$OUT")"/.out.old-* >/dev/null 2>&1; then lost=$((lost + 1)); verdict=lost; fi
      else
        for p in $(parts "$c"); do
          s=$(tree_sha "$OUT/$p")
          if [ "$s" != "${PREV_SHA[$p]}" ] && [ "$s" != "${REF_SHA[$p]}" ] && [ "$s" != absent ]; then
            partial=$((partial + 1)); verdict="partial $p"
            cp -a "$OUT" "$W/partial-$sig-$i" 2>/dev/null
            break
          fi
        done
      fi
      # The rerun sweeps the leftovers and must equal the reference.
      if ! y $(command_args "$c" ref "$OUT") >"$W/rerun.log" 2>&1; then
        mismatched=$((mismatched + 1)); verdict="$verdict; rerun failed: $(tail -1 "$W/rerun.log")"
      elif [ "$(tree_sha "$OUT")" != "$(tree_sha "$W/ref")" ]; then
        mismatched=$((mismatched + 1)); verdict="$verdict; rerun differs"
        cp -a "$OUT" "$W/mismatch-$sig-$i" 2>/dev/null
      fi
      n=$(leftovers "$OUT")
      if [ "$n" -gt 0 ]; then left=$((left + 1)); verdict="$verdict; $n leftovers"; fi
      echo "$c SIG$sig at ${at_ms} ms of CPU (exit $rc): $verdict" >> "$KM/kills.log"
    done
    printf '| %s | SIG%s | %d | %d | %d | %d | %d | %d |\n' "$c" "$sig" "$kills" "$finished" "$partial" "$lost" "$mismatched" "$left" | tee -a "$TABLE"
    [ $((partial + lost + mismatched + left)) -eq 0 ] || FAIL=1
  done
done
echo
cat "$TABLE"
echo "(each kill's verdict: $KM/kills.log)"
[ "$FAIL" -eq 0 ] && echo "kill matrix: no mismatch" || echo "kill matrix: MISMATCHES (see above)"
exit "$FAIL"
