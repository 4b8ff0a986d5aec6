package yuelao.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The memory this machine gives the process: physical memory, or the limit of the process's memory cgroup when that is
 * lower (cgroup v1: {@code memory.limit_in_bytes} and the hierarchical limit of {@code memory.stat}; cgroup v2: the
 * smallest {@code memory.max} from the process's cgroup up to the root). The launcher computes the same figure in shell
 * to size the heap before the JVM starts; {@code yuelao run} reads it here to default its budget. Reads {@code /proc}
 * and {@code /sys/fs/cgroup} once per call; on a system without them (macOS) the JVM's figure of physical memory.
 */
public final class MachineMemory {
    private MachineMemory() {}

    /** Prints {@link #bytes()}: the launcher and the benchmark scripts can ask the Java side for the same figure. */
    public static void main(String[] args) {
        System.out.println(bytes());
    }

    /** min(physical memory, cgroup limit). */
    public static long bytes() {
        long physical = physicalBytes();
        OptionalLong limit = cgroupLimitBytes();
        return limit.isPresent() ? Math.min(physical, limit.getAsLong()) : physical;
    }

    /** Physical memory: MemTotal of {@code /proc/meminfo}, else what the JVM reports. */
    public static long physicalBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to the JVM's figure
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** The memory cgroup's limit of this process, if it has one below "unlimited". */
    public static OptionalLong cgroupLimitBytes() {
        try {
            return cgroupLimit(Files.readAllLines(Path.of("/proc/self/cgroup")), Files.readAllLines(Path.of("/proc/self/mountinfo")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The limit that the cgroup files name, given the contents of {@code /proc/self/cgroup} and {@code
     * /proc/self/mountinfo}; empty when there is none (or it is the kernel's "unlimited", near 2^63).
     */
    static OptionalLong cgroupLimit(List<String> cgroups, List<String> mountinfo) {
        long best = Long.MAX_VALUE;
        for (String line : cgroups) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            boolean v1 = List.of(f[1].split(",")).contains("memory");
            boolean v2 = f[0].equals("0") && f[1].isEmpty();
            if (!v1 && !v2) {
                continue;
            }
            Path dir = mounted(mountinfo, v1, f[2]);
            if (dir == null) {
                continue;
            }
            if (v1) {
                best = Math.min(best, readLimit(dir.resolve("memory.limit_in_bytes")));
                best = Math.min(best, statLimit(dir.resolve("memory.stat")));
            } else {
                for (Path d = dir; d != null && d.startsWith(mountPoint(mountinfo, false)); d = d.getParent()) {
                    best = Math.min(best, readLimit(d.resolve("memory.max")));
                }
            }
        }
        return best < (1L << 60) ? OptionalLong.of(best) : OptionalLong.empty();
    }

    /** The directory of cgroup {@code path} in the mounted hierarchy (v1 memory or v2), or null if none is mounted. */
    private static Path mounted(List<String> mountinfo, boolean v1, String path) {
        for (String line : mountinfo) {
            String[] parts = line.split(" - ", 2);
            if (parts.length < 2) {
                continue;
            }
            String[] pre = parts[0].split(" ");
            String[] post = parts[1].split(" ");
            if (pre.length < 5 || post.length < 3) {
                continue;
            }
            boolean match = v1 ? post[0].equals("cgroup") && List.of(post[2].split(",")).contains("memory") : post[0].equals("cgroup2");
            if (!match) {
                continue;
            }
            String root = pre[3];
            String rel = path.startsWith(root) ? path.substring(root.length()) : path; // a container sees its own cgroup as the root
            Path dir = Path.of(pre[4], rel.startsWith("/") ? rel.substring(1) : rel);
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }

    private static Path mountPoint(List<String> mountinfo, boolean v1) {
        for (String line : mountinfo) {
            String[] parts = line.split(" - ", 2);
            if (parts.length == 2 && parts[1].startsWith(v1 ? "cgroup " : "cgroup2 ")) {
                return Path.of(parts[0].split(" ")[4]);
            }
        }
        return Path.of("/");
    }

    /** A limit file's value: a number of bytes, or "max" (none). */
    private static long readLimit(Path file) {
        try {
            String s = Files.readString(file).strip();
            return s.equals("max") ? Long.MAX_VALUE : Long.parseLong(s);
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** v1's {@code hierarchical_memory_limit}: the smallest limit among the cgroup's ancestors. */
    private static long statLimit(Path stat) {
        try {
            for (String line : Files.readAllLines(stat)) {
                if (line.startsWith("hierarchical_memory_limit ")) {
                    return Long.parseLong(line.substring(line.indexOf(' ') + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such file: no limit known
        }
        return Long.MAX_VALUE;
    }
}
