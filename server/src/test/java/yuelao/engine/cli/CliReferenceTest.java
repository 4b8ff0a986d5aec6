package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * docs/cli.md is every verb's {@code --help}, so the reference can never drift from the code. It lives in the server
 * module, the last of the pipeline, so that it sees every verb: the engine's and the providers' ({@code serve}). After
 * changing an option, regenerate it: {@code YUELAO_WRITE_DOCS=1 ./mvnw -q -B test -pl server -am -Dtest=CliReferenceTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CliReferenceTest {
    private static final Path DOC = Path.of("..", "docs", "cli.md");

    static String reference() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Command-line reference\n\n");
        sb.append("Every verb's `--help`, generated from the code (`CliReferenceTest` fails when this file and the code differ).\n");
        sb.append("Run shows the defaults of its preset (`--preset default`), demo those of the preset it runs (`fast`); the stage verbs their own.\n");
        sb.append("Exit codes: 0 success, 2 usage error, 1 any other failure, always with one line naming the culprit.\n\n");
        sb.append("## yuelao\n\n```text\n").append(help("--help")).append("\n```\n");
        for (Class<?> verb : Main.verbs()) {
            String name = verb.getAnnotation(Command.class).name();
            sb.append("\n## ").append(name).append("\n\n```text\n").append(help(name, "--help")).append("\n```\n");
        }
        return sb.toString();
    }

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        assertEquals(0, code, String.join(" ", args));
        return out.toString().strip();
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
