"""NLTK's bigram association measures on a tokenized corpus, for yuelao's comparison test (NltkComparisonTest).

Input: a file with one document per line, tokens separated by single spaces. Output, one line per bigram seen at
least MIN_COUNT times: w1, w2, n_ii, n_ix, n_xi, n_xx and the scores of BigramAssocMeasures, TAB-separated, floats
in full precision (repr).
"""
import sys

from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

MEASURES = ["pmi", "mi_like", "student_t", "chi_sq", "likelihood_ratio", "dice", "jaccard"]


def main(path, min_count):
    with open(path, encoding="utf-8") as f:
        docs = [line.split() for line in f]
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_freq_filter(min_count)
    scores = {m: dict(finder.score_ngrams(getattr(BigramAssocMeasures, m))) for m in MEASURES}
    n_xx = finder.word_fd.N()
    print("#\t" + "\t".join(["w1", "w2", "n_ii", "n_ix", "n_xi", "n_xx"] + MEASURES))
    for (w1, w2), n_ii in sorted(finder.ngram_fd.items()):
        row = [w1, w2, str(n_ii), str(finder.word_fd[w1]), str(finder.word_fd[w2]), str(n_xx)]
        row += [repr(float(scores[m][(w1, w2)])) for m in MEASURES]
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
