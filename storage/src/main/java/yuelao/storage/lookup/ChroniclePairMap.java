package yuelao.storage.lookup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.core.values.DoubleValue;
import net.openhft.chronicle.core.values.LongValue;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.values.Values;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.PairKey;
import yuelao.storage.counts.RunCursor;
import yuelao.storage.format.StoreFormatException;

/**
 * A persisted Chronicle Map from an unordered pair to its co-occurrence value x_ij (units / scale), keyed by
 * the canonical {@link PairKey} (a <= b), so each pair is stored once.
 *
 * <p>For other processes that want random pair look-ups over a shared file; inside yuelao the CSR
 * {@link CountStore} is faster (binary search in a row, see PairLookupBenchmark). Keys and values are
 * chronicle-values flyweights ({@link LongValue}, {@link DoubleValue}) reused per thread: no boxing. The map is
 * built into a hidden temporary file and renamed into place; {@code entries} is sized from the store's number
 * of upper-triangle pairs plus 10%. Chronicle keeps no user metadata, so three reserved negative keys (never a
 * valid pair key) hold the pair count and the two 32-bit halves of the vocabulary fingerprint, each exact as a
 * double; {@link #open} checks them.
 */
public final class ChroniclePairMap implements Closeable {
    private static final String NAME = "yuelao.pair-map";
    private static final long META_PAIRS = -1;
    private static final long META_FP_HIGH = -2;
    private static final long META_FP_LOW = -3;
    private static final int META_ENTRIES = 3;

    private final Path file;
    private final ChronicleMap<LongValue, DoubleValue> map;
    private final ThreadLocal<Probe> probes;
    private final long fingerprint;
    private final long pairs;

    /** One thread's reusable key and value. */
    private static final class Probe {
        final LongValue key = Values.newHeapInstance(LongValue.class);
        final DoubleValue value;

        Probe() {
            value = Values.newHeapInstance(DoubleValue.class);
        }
    }

    private ChroniclePairMap(Path file, ChronicleMap<LongValue, DoubleValue> map, long fingerprint, long pairs) {
        this.file = file;
        this.pairs = pairs;
        this.map = map;
        this.fingerprint = fingerprint;
        this.probes = ThreadLocal.withInitial(Probe::new);
    }

    private static ChronicleMapBuilder<LongValue, DoubleValue> builder(long entries) {
        return ChronicleMap.of(LongValue.class, DoubleValue.class)
                .name(NAME)
                .entries(Math.max(16, entries + entries / 10));
    }

    /** Builds the map of every upper-triangle pair of {@code store} at {@code file} and returns it open. */
    public static ChroniclePairMap build(Path file, CountStore store) throws IOException {
        long pairs = 0;
        try (RunCursor c = store.upperPairs()) {
            while (c.next()) {
                pairs++;
            }
        }
        yuelao.storage.format.WriteFaults.check(yuelao.storage.format.WriteFaults.Site.LOOKUP_MAP, file);
        Path temp = ChronicleFiles.temp(file);
        try {
            try (ChronicleMap<LongValue, DoubleValue> m = builder(pairs + META_ENTRIES).createPersistedTo(temp.toFile());
                    RunCursor c = store.upperPairs()) {
                LongValue key = Values.newHeapInstance(LongValue.class);
                DoubleValue value = Values.newHeapInstance(DoubleValue.class);
                double scale = store.scale();
                while (c.next()) {
                    key.setValue(c.key());
                    value.setValue(c.units() / scale);
                    m.put(key, value);
                }
                long fp = store.vocabularyFingerprint();
                long[][] meta = {{META_PAIRS, pairs}, {META_FP_HIGH, fp >>> 32}, {META_FP_LOW, fp & 0xFFFF_FFFFL}};
                for (long[] kv : meta) {
                    key.setValue(kv[0]);
                    value.setValue(kv[1]);
                    m.put(key, value);
                }
            }
            ChronicleFiles.publish(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
        return open(file);
    }

    /** Opens an existing map (this or another process built it). */
    public static ChroniclePairMap open(Path file) throws IOException {
        ChronicleFiles.requireExists(file);
        ChronicleMap<LongValue, DoubleValue> m;
        try {
            m = builder(16).createPersistedTo(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw ChronicleFiles.openFailure(file, "Chronicle pair map", e);
        }
        try {
            double[] meta = new double[META_ENTRIES];
            LongValue key = Values.newHeapInstance(LongValue.class);
            DoubleValue value = Values.newHeapInstance(DoubleValue.class);
            for (int i = 0; i < META_ENTRIES; i++) {
                key.setValue(-1 - i);
                if (m.getUsing(key, value) == null) {
                    throw new StoreFormatException(file, "is not a yuelao pair map (no metadata entries)");
                }
                meta[i] = value.getValue();
            }
            long pairs = (long) meta[0];
            if (m.longSize() != pairs + META_ENTRIES) {
                throw new StoreFormatException(file, "incomplete pair map (" + (m.longSize() - META_ENTRIES) + " of " + pairs
                        + " pairs)");
            }
            long fp = ((long) meta[1] << 32) | (long) meta[2];
            return new ChroniclePairMap(file, m, fp, pairs);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** x_ij for ids in either order, 0 if absent. */
    public double get(int i, int j) {
        return get(PairKey.unordered(i, j));
    }

    /** x for a canonical packed key ({@code a <= b}), 0 if absent. */
    public double get(long key) {
        if (key < 0) {
            return 0.0; // never a pair; the metadata lives there
        }
        Probe p = probes.get();
        p.key.setValue(key);
        DoubleValue v = map.getUsing(p.key, p.value);
        return v == null ? 0.0 : v.getValue();
    }

    /** Stored pairs (upper triangle, diagonal included). */
    public long size() {
        return pairs;
    }

    public long vocabularyFingerprint() {
        return fingerprint;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        map.close();
    }
}
