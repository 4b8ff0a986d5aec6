package yuelao.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;
import yuelao.core.Vocabulary;

/** One reducer's share of pass 1: how many distinct terms it summed, and those that reached min-count. */
record TermTotals(long distinct, String[] words, long[] counts) implements Serializable {
    static TermTotals of(Iterator<Tuple2<String, Long>> totals, long minCount) {
        long distinct = 0;
        List<String> w = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        while (totals.hasNext()) {
            Tuple2<String, Long> t = totals.next();
            distinct++;
            if (t._2() >= minCount) {
                w.add(t._1());
                c.add(t._2());
            }
        }
        long[] counts = new long[c.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = c.get(i);
        }
        return new TermTotals(distinct, w.toArray(new String[0]), counts);
    }

    void addTo(List<Vocabulary.Entry> out) {
        for (int i = 0; i < words.length; i++) {
            out.add(new Vocabulary.Entry(words[i], counts[i]));
        }
    }
}
