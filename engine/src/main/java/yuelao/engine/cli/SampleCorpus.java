package yuelao.engine.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the bundled sample corpora: {@code corpus-samples/} of the checkout this code was built in (found from the
 * location of its jar or classes, {@code engine/target/...}), else of the working directory or its parent.
 */
final class SampleCorpus {
    private SampleCorpus() {}

    static Path english() {
        return find("english-sample.txt.gz");
    }

    static Path chinese() {
        return find("chinese-sample.txt.gz");
    }

    private static Path find(String name) {
        for (Path base : new Path[] {checkout(), Path.of("."), Path.of("..")}) {
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

    /** The checkout holding this code: three levels above engine/target/engine-*.jar (or engine/target/classes). */
    private static Path checkout() {
        try {
            Path code = Path.of(SampleCorpus.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            Path target = code.getParent(); // engine/target for the jar and for target/classes alike
            return target != null && target.getParent() != null ? target.getParent().getParent() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null; // no code source (an unusual class loader): fall back to the working directory
        }
    }
}
