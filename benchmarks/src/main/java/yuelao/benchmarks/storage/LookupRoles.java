package yuelao.benchmarks.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import yuelao.storage.counts.CountStore;
import yuelao.storage.lookup.ChroniclePairMap;
import yuelao.storage.lookup.ChronicleVocabularyMap;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.core.Vocabulary;

/**
 * Does Chronicle Map earn its place? For each persisted look-up role of a real count store, times the
 * Chronicle map against yuelao's own files: build time, file size, open time in a process, and random
 * look-ups per second on one thread (best of 5 rounds of 2^21 probes, after warm-up rounds).
 *
 * <p>usage: benchmarks/scripts/java.sh yuelao.benchmarks.storage.LookupRoles STORE WORKDIR
 */
public final class LookupRoles {
    private static final int PROBES = 1 << 21;

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        SplittableRandom rnd = new SplittableRandom(7);

        // Role 1: word -> id, count.
        long t = System.nanoTime();
        Vocabulary v = VocabularyFile.read(store).vocabulary();
        double heapOpen = (System.nanoTime() - t) / 1e9;
        String[] words = new String[PROBES];
        for (int k = 0; k < PROBES; k++) {
            words[k] = v.word(rnd.nextInt(v.size()));
        }
        Path vmapFile = work.resolve("vocab.cmap");
        Files.deleteIfExists(vmapFile);
        t = System.nanoTime();
        ChronicleVocabularyMap.build(vmapFile, v).close();
        double vmapBuild = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        ChronicleVocabularyMap vmap = ChronicleVocabularyMap.open(vmapFile);
        double vmapOpen = (System.nanoTime() - t) / 1e9;
        double heapRate = rate(() -> {
            long s = 0;
            for (String w : words) {
                s += v.id(w);
            }
            return s;
        });
        double vmapRate = rate(() -> {
            long s = 0;
            for (String w : words) {
                s += vmap.id(w);
            }
            return s;
        });
        System.out.printf(Locale.ROOT, "role word->id (%,d words)%n", v.size());
        System.out.printf(Locale.ROOT, "  vocab.bin + heap table : open %.3f s, %s, %.2f M look-ups/s%n", heapOpen,
                mib(Files.size(store.resolve("vocab.bin"))), heapRate / 1e6);
        System.out.printf(Locale.ROOT, "  Chronicle map          : build %.2f s, open %.3f s, %s, %.2f M look-ups/s%n", vmapBuild, vmapOpen,
                mib(Files.size(vmapFile)), vmapRate / 1e6);
        vmap.close();

        // Role 2: pair -> count.
        t = System.nanoTime();
        CountStore counts = CountStore.open(store.resolve("counts.bin"));
        double csrOpen = (System.nanoTime() - t) / 1e9;
        int[] is = new int[PROBES];
        int[] js = new int[PROBES];
        for (int k = 0; k < PROBES; k++) {
            if ((k & 1) == 0) { // an observed pair
                int i = rnd.nextInt(v.size());
                while (counts.degree(i) == 0) {
                    i = rnd.nextInt(v.size());
                }
                is[k] = i;
                js[k] = counts.column(counts.rowStart(i) + rnd.nextInt(counts.degree(i)));
            } else {
                is[k] = rnd.nextInt(v.size());
                js[k] = rnd.nextInt(v.size());
            }
        }
        Path pmapFile = work.resolve("pairs.cmap");
        Files.deleteIfExists(pmapFile);
        t = System.nanoTime();
        ChroniclePairMap.build(pmapFile, counts).close();
        double pmapBuild = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        ChroniclePairMap pmap = ChroniclePairMap.open(pmapFile);
        double pmapOpen = (System.nanoTime() - t) / 1e9;
        double csrRate = rate(() -> {
            double s = 0;
            for (int k = 0; k < PROBES; k++) {
                s += counts.count(is[k], js[k]);
            }
            return (long) s;
        });
        double pmapRate = rate(() -> {
            double s = 0;
            for (int k = 0; k < PROBES; k++) {
                s += pmap.get(is[k], js[k]);
            }
            return (long) s;
        });
        System.out.printf(Locale.ROOT, "role pair->count (%,d stored entries; half the probes observed pairs, half random)%n", counts.nonZeros());
        System.out.printf(Locale.ROOT, "  counts.bin CSR (binary search in the row): open+verify %.3f s, %s, %.2f M look-ups/s%n", csrOpen,
                mib(Files.size(store.resolve("counts.bin"))), csrRate / 1e6);
        System.out.printf(Locale.ROOT, "  Chronicle map                            : build %.2f s, open %.3f s, %s, %.2f M look-ups/s%n", pmapBuild,
                pmapOpen, mib(Files.size(pmapFile)), pmapRate / 1e6);
        pmap.close();
        counts.close();
    }

    interface Round {
        long run();
    }

    /** Best of 5 timed rounds after 3 warm-up rounds, in look-ups per second. */
    static double rate(Round r) {
        long sink = 0;
        for (int w = 0; w < 3; w++) {
            sink += r.run();
        }
        double best = 0;
        for (int k = 0; k < 5; k++) {
            long t = System.nanoTime();
            sink += r.run();
            best = Math.max(best, PROBES / ((System.nanoTime() - t) / 1e9));
        }
        if (sink == 42) {
            System.out.print("");
        }
        return best;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
