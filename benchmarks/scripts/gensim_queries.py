#!/usr/bin/env python3
"""gensim's side of query-bench.sh: most_similar latency and evaluate_word_pairs / evaluate_word_analogies.

usage: gensim_queries.py VECTORS_TXT EVAL_DIR   (prints one JSON line)
Needs gensim (Debian: python3-gensim). Query words: 1024 seeded picks among the 30,000 most frequent words;
also a seeded random 100,000 x 100 table, the same shape as QueryBenchmark's -p vectors=random.
"""
import json, os, sys, time
import numpy as np
from gensim.models import KeyedVectors


def time_most_similar(kv, words, repeat=3):
    for w in words[:50]:  # warm-up
        kv.most_similar(w, topn=10)
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        for w in words:
            kv.most_similar(w, topn=10)
        dt = (time.perf_counter() - t0) / len(words)
        best = dt if best is None else min(best, dt)
    return round(best * 1e6, 1)


def main():
    vec, eval_dir = sys.argv[1], sys.argv[2]
    out = {}
    t0 = time.perf_counter()
    kv = KeyedVectors.load_word2vec_format(vec, binary=False)
    out['load_s'] = round(time.perf_counter() - t0, 1)
    rng = np.random.default_rng(7)
    n = min(30000, len(kv.index_to_key))
    words = [kv.index_to_key[i] for i in rng.integers(0, n, 1024)]
    kv.fill_norms()
    out['most_similar_us_real'] = time_most_similar(kv, words)
    rnd = KeyedVectors(vector_size=100)
    data = np.random.default_rng(42).uniform(-1, 1, (100000, 100)).astype(np.float32)
    rnd.add_vectors(['w%d' % i for i in range(100000)], data)
    rnd.fill_norms()
    rwords = ['w%d' % i for i in rng.integers(0, 30000, 1024)]
    out['most_similar_us_random_100k'] = time_most_similar(rnd, rwords)
    for fn in sorted(os.listdir(eval_dir)):
        p = os.path.join(eval_dir, fn)
        key = fn.split('.')[0]
        if fn.startswith('questions'):
            t0 = time.perf_counter()
            score, sections = kv.evaluate_word_analogies(p, restrict_vocab=30000, case_insensitive=True)
            total = [s for s in sections if s['section'] == 'Total accuracy'][0]
            out[key] = {'acc': round(score, 4), 'correct': len(total['correct']),
                        'answerable': len(total['correct']) + len(total['incorrect']),
                        'seconds': round(time.perf_counter() - t0, 1)}
        elif fn.endswith('.txt'):
            pearson, spearman, oov = kv.evaluate_word_pairs(p, delimiter='\t', restrict_vocab=300000, case_insensitive=True)
            out[key] = {'rho': round(float(spearman[0]), 4), 'oov_pct': round(float(oov), 2)}
    print(json.dumps(out))


if __name__ == '__main__':
    main()
