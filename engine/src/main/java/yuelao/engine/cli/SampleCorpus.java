package yuelao.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the bundled sample corpora (corpus-samples/ at the repository root). */
final class SampleCorpus {
    private SampleCorpus() {}

    static Path english() {
        return find("english-sample.txt.gz");
    }

    static Path chinese() {
        return find("chinese-sample.txt.gz");
    }

    private static Path find(String name) {
        String home = System.getProperty("yuelao.home");
        for (Path base : new Path[] {home == null ? null : Path.of(home), Path.of("."), Path.of("..")}) {
            if (base == null) {
                continue;
            }
            Path p = base.resolve("corpus-samples").resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new UserException("corpus-samples/" + name + ": bundled sample not found (run from the repository, or pass --corpus FILE)");
    }
}
