#!/usr/bin/env python3
"""A stand-in for a large vocabulary: N rows made of a VECTORS directory's vectors plus seeded noise (ann-bench.sh).

usage: ann_standin.py VECTORS_TXT OUT_TXT [rows=1600000] [noise=0.75] [seed=11]

Row r is copy c = r // V of word w = r % V: the word's vector plus Gaussian noise of standard deviation
noise x (its norm / sqrt(dim)) per coordinate, so a copy's cosine to its source is about 1 / sqrt(1 + noise^2)
(0.8 at 0.75): as close as a real neighbour, not closer, so each neighbourhood mixes copies and real words.
Copy 0 keeps the word; copy c > 0 is named word~c. Written as word2vec text for ./yuelao import.
"""
import sys
import numpy as np


def main():
    src, out = sys.argv[1], sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 1_600_000
    noise = float(sys.argv[4]) if len(sys.argv) > 4 else 0.75
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 11
    with open(src, encoding='utf-8') as f:
        v, d = map(int, f.readline().split())
        words, data = [], np.empty((v, d), dtype=np.float32)
        for i, line in enumerate(f):
            parts = line.rstrip('\n').split(' ')
            words.append(parts[0])
            data[i] = np.asarray(parts[1:1 + d], dtype=np.float32)
    rng = np.random.default_rng(seed)
    scale = (np.linalg.norm(data, axis=1) / np.sqrt(d)).astype(np.float32)
    with open(out, 'w', encoding='utf-8') as f:
        f.write('%d %d\n' % (rows, d))
        block = 65536
        for start in range(0, rows, block):
            n = min(block, rows - start)
            idx = np.arange(start, start + n)
            w = idx % v
            x = data[w] + rng.standard_normal((n, d), dtype=np.float32) * (noise * scale[w])[:, None]
            lines = []
            for r, row in zip(idx, x):
                c = r // v
                name = words[r % v] if c == 0 else '%s~%d' % (words[r % v], c)
                lines.append(name + ' ' + ' '.join('%.5f' % t for t in row))
            f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
