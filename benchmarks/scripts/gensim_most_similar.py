#!/usr/bin/env python3
"""gensim's side of server-bench.sh: most_similar(topn=10) queries per second in one Python process.

usage: gensim_most_similar.py VECTORS_TXT WORDS_FILE [queries=2000]   (prints one JSON line)
The same query words as the load client (the script writes them). Needs gensim (Debian: python3-gensim).
"""
import json, sys, time
from gensim.models import KeyedVectors


def main():
    vec, words_file = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    t0 = time.perf_counter()
    kv = KeyedVectors.load_word2vec_format(vec, binary=False)
    load = time.perf_counter() - t0
    words = [w for w in open(words_file, encoding='utf-8').read().split('\n') if w and w in kv.key_to_index]
    words = (words * (n // max(1, len(words)) + 1))[:n]
    kv.fill_norms()
    for w in words[:50]:
        kv.most_similar(w, topn=10)
    lat = []
    t0 = time.perf_counter()
    for w in words:
        s = time.perf_counter()
        kv.most_similar(w, topn=10)
        lat.append(time.perf_counter() - s)
    total = time.perf_counter() - t0
    lat.sort()
    q = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat) + 0.999999) - 1)] * 1e3, 3)
    print(json.dumps({'vocab': len(kv.index_to_key), 'queries': len(words), 'load_s': round(load, 1),
                      'qps': round(len(words) / total, 1), 'p50_ms': q(0.5), 'p99_ms': q(0.99)}))


if __name__ == '__main__':
    main()
