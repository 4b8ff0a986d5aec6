package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * docs/cli.md is every verb's {@code --help}, so the reference can never drift from the code. After changing an
 * option, regenerate it: {@code YUELAO_WRITE_DOCS=1 ./mvnw -q -B test -pl engine -am -Dtest=CliReferenceTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CliReferenceTest {
    private static final Path DOC = Path.of("..", "docs", "cli.md");

    static String reference() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Command-line reference\n\n");
        sb.append("Every verb's `--help`, generated from the code (`CliReferenceTest` fails when this file and the code differ).\n");
        sb.append("Run and demo show the defaults of their preset (`--preset default`); the stage verbs their own.\n");
        sb.append("Exit codes: 0 success, 2 usage error, 1 any other failure, always with one line naming the culprit.\n\n");
        CliRuns.Run top = CliRuns.run("--help");
        sb.append("## yuelao\n\n```text\n").append(top.out().strip()).append("\n```\n");
        for (Class<?> verb : YuelaoCommand.VERBS) {
            String name = verb.getAnnotation(Command.class).name();
            CliRuns.Run r = CliRuns.run(name, "--help");
            sb.append("\n## ").append(name).append("\n\n```text\n").append(r.out().strip()).append("\n```\n");
        }
        return sb.toString();
    }

    @Test
    void docsCliMdIsEveryVerbsHelp() throws IOException {
        String want = reference();
        if (System.getenv("YUELAO_WRITE_DOCS") != null) {
            Files.writeString(DOC, want, StandardCharsets.UTF_8);
        }
        assertEquals(want, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/cli.md differs from the verbs' --help: regenerate it (see this test's Javadoc)");
    }
}
