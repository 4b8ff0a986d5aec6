package yuelao.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's memory as the budgets see it: the cgroup files of v1 and v2 are read as the kernel lays them out. */
class MachineMemoryTest {
    @TempDir
    Path dir;

    private static String mount(String id, String root, Path point, String type, String options) {
        return id + " 25 0:31 " + root + " " + point + " rw,nosuid,nodev - " + type + " " + type + " " + options;
    }

    @Test
    void cgroupV1TheSmallerOfTheOwnAndTheHierarchicalLimit() throws Exception {
        Path mem = dir.resolve("memory");
        Path own = Files.createDirectories(mem.resolve("jobs/run1"));
        Files.writeString(own.resolve("memory.limit_in_bytes"), "9223372036854771712\n"); // "unlimited" at this level
        Files.writeString(own.resolve("memory.stat"), "cache 0\nhierarchical_memory_limit 8589934592\nrss 0\n"); // 8 GiB above it
        List<String> cgroups = List.of("9:name=systemd:/", "4:memory:/jobs/run1", "0::/");
        List<String> mountinfo = List.of(mount("30", "/", dir.resolve("cpu"), "cgroup", "rw,cpu"), mount("36", "/", mem, "cgroup", "rw,memory"));
        assertEquals(OptionalLong.of(8L << 30), MachineMemory.cgroupLimit(cgroups, mountinfo));

        Files.writeString(own.resolve("memory.limit_in_bytes"), "4294967296\n");
        assertEquals(OptionalLong.of(4L << 30), MachineMemory.cgroupLimit(cgroups, mountinfo), "the own limit when it is lower");
    }

    @Test
    void cgroupV2TheSmallestMaxUpToTheRootAndNoneWhenUnlimited() throws Exception {
        Path root = dir.resolve("unified");
        Path parent = Files.createDirectories(root.resolve("batch"));
        Path own = Files.createDirectories(parent.resolve("job"));
        Files.writeString(own.resolve("memory.max"), "max\n");
        Files.writeString(parent.resolve("memory.max"), "6442450944\n");
        List<String> cgroups = List.of("0::/batch/job");
        List<String> mountinfo = List.of(mount("40", "/", root, "cgroup2", "rw,nsdelegate"));
        assertEquals(OptionalLong.of(6L << 30), MachineMemory.cgroupLimit(cgroups, mountinfo), "the parent's limit binds");

        Files.writeString(parent.resolve("memory.max"), "max\n");
        assertEquals(OptionalLong.empty(), MachineMemory.cgroupLimit(cgroups, mountinfo), "max everywhere: no limit");
        assertEquals(OptionalLong.empty(), MachineMemory.cgroupLimit(List.of("0::/batch/job"), List.of()), "nothing mounted: no limit");
    }

    @Test
    void theMachinesMemoryIsPositiveAndAtMostPhysical() {
        long b = MachineMemory.bytes();
        assertTrue(b > 0 && b <= MachineMemory.physicalBytes(), b + " vs " + MachineMemory.physicalBytes());
    }
}
