package yuelao.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What Spark itself reports about the job's tasks (its task metrics, summed over every task that ended, retried ones
 * included): shuffle bytes written and read, executor CPU time and JVM GC time. For the summary and the benchmarks;
 * nothing the store depends on.
 */
final class JobMetrics extends SparkListener {
    private final AtomicLong jobsStarted = new AtomicLong();
    private final AtomicLong jobsEnded = new AtomicLong();
    final AtomicLong shuffleWritten = new AtomicLong();
    final AtomicLong shuffleRecords = new AtomicLong();
    final AtomicLong shuffleRead = new AtomicLong();
    final AtomicLong cpuNanos = new AtomicLong();
    final AtomicLong gcMillis = new AtomicLong();

    @Override
    public void onJobStart(SparkListenerJobStart e) {
        jobsStarted.incrementAndGet();
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd e) {
        jobsEnded.incrementAndGet();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        TaskMetrics m = e.taskMetrics();
        if (m == null) {
            return;
        }
        shuffleWritten.addAndGet(m.shuffleWriteMetrics().bytesWritten());
        shuffleRecords.addAndGet(m.shuffleWriteMetrics().recordsWritten());
        shuffleRead.addAndGet(m.shuffleReadMetrics().totalBytesRead());
        cpuNanos.addAndGet(m.executorCpuTime());
        gcMillis.addAndGet(m.jvmGCTime());
    }

    /** Waits (at most a few seconds) until the listener bus has delivered the end of every job started so far. */
    void settle() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (jobsEnded.get() < jobsStarted.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "shuffle written %,d bytes (%,d records), read %,d bytes; executor CPU %.1f s, GC %.1f s",
                shuffleWritten.get(), shuffleRecords.get(), shuffleRead.get(), cpuNanos.get() / 1e9, gcMillis.get() / 1e3);
    }
}
