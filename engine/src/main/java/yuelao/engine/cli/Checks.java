package yuelao.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.format.OutputGuard;
import yuelao.storage.format.OutputKind;

/** Early checks, so that a long run does not fail at its very end. */
final class Checks {
    private Checks() {}

    /**
     * Fails if the output directory exists and may not be replaced ({@link OutputGuard}: without --force; with it, if it
     * is not an output of {@code kind} that yuelao wrote, or is an input or the working directory), or if its parent
     * directory is missing or not writable.
     */
    static void outputDirectory(CommandSpec spec, Path out, OutputKind kind, boolean force, Collection<Path> inputs) throws IOException {
        sweep(out, spec.commandLine().getErr(), spec.name());
        OutputGuard.checkDirectory(out, kind, force, inputs);
        parentWritable(out);
    }

    /**
     * Removes the leftovers of killed runs beside {@code out} (hidden temporaries of processes that are gone) and names
     * them on {@code err}, one line; a replaced output that a killed run had moved aside is put back instead.
     */
    static void sweep(Path out, PrintWriter err, String verb) throws IOException {
        List<Path> removed = AtomicDirectory.removeStale(out);
        if (!removed.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Path p : removed) {
                names.append(names.isEmpty() ? "" : ", ").append(p.getFileName());
            }
            err.println("yuelao " + verb + ": removed what an interrupted run left beside " + out + ": " + names);
            err.flush();
        }
    }

    /** The same for a single output file that {@code recognizer} tells apart from other files. */
    static void outputFile(CommandSpec spec, Path out, String description, OutputGuard.FileRecognizer recognizer, boolean force,
            Collection<Path> inputs) throws IOException {
        sweep(out, spec.commandLine().getErr(), spec.name());
        OutputGuard.checkFile(out, description, recognizer, force, inputs);
        parentWritable(out);
    }

    /** Fails unless the parent directory of {@code out} exists and is writable. */
    static void parentWritable(Path out) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isWritable(parent)) {
            throw new UserException(parent + ": directory is not writable");
        }
        if (parent != null && !Files.exists(parent)) {
            throw new UserException(parent + ": no such directory");
        }
    }

    /** The paths among corpus inputs (stdin and patterns that name no file are left out by the guard). */
    static List<Path> paths(Collection<String> inputs) {
        List<Path> paths = new ArrayList<>();
        for (String s : inputs) {
            if (!s.equals("-")) {
                try {
                    paths.add(Path.of(s));
                } catch (java.nio.file.InvalidPathException e) {
                    // a glob pattern; the stage checks the files it expands to
                }
            }
        }
        return paths;
    }
}
