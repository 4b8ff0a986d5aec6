package yuelao.tokenizer.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the raw bytes read through it, into a counter another thread may read for progress. */
public final class CountingInputStream extends FilterInputStream {
    /** A progress counter shared with a monitoring thread. */
    public static final class Counter {
        private final AtomicLong bytes = new AtomicLong();

        public long get() {
            return bytes.get();
        }

        void add(long n) {
            bytes.addAndGet(n);
        }
    }

    private final Counter counter;

    CountingInputStream(InputStream in, Counter counter) {
        super(in);
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counter.add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            counter.add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = in.skip(n);
        counter.add(k);
        return k;
    }
}
