package yuelao.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import yuelao.engine.api.QueryException;

/**
 * Entry point of {@code ./yuelao}. Exit codes: 0 success, 2 usage error, 1 any other failure. A user
 * error is one line on stderr, never a stack trace (set YUELAO_DEBUG=1 to see one).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code. */
    public static int run(String... args) {
        CommandLine cl = commandLine(args);
        return cl.execute(args);
    }

    /** Runs the CLI with its output and errors going to the given writers (tests, embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The CLI with the verb named by {@code args[0]} registered, or every verb when there is no such verb. The verbs are
     * the engine's ({@link YuelaoCommand#VERBS}) and those of the {@link VerbProvider}s on the class path.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new YuelaoCommand());
        String verb = args.length > 0 ? args[0] : "";
        List<Class<?>> verbs = verbs();
        boolean one = false;
        for (Class<?> c : verbs) {
            if (c.getAnnotation(CommandLine.Command.class).name().equals(verb)) {
                cl.addSubcommand(c);
                one = true;
                break;
            }
        }
        if (!one) {
            for (Class<?> c : verbs) {
                cl.addSubcommand(c);
            }
        }
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        // Every option's default comes from the recipe book: the stage verbs' own recipe, or the preset run and demo use.
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().version(YuelaoCommand.VERSION);
            RecipeDefaults.forVerb(sub.getCommandName(), args).ifPresent(r -> sub.setDefaultValueProvider(sub.getCommandName().equals("run")
                    ? new RecipeDefaults(r).without("--memory") // run's budget defaults from the machine (RunBudget)
                    : new RecipeDefaults(r)));
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println("yuelao " + cmd.getCommandName() + ": " + describe(ex));
            if (System.getenv("YUELAO_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    /**
     * A usage error is one line, as every other error: the problem (naming the option or the argument) and where the
     * whole usage is, instead of the whole usage after it; exit code 2.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        boolean top = cmd.getParent() == null;
        String name = top ? "yuelao" : "yuelao " + cmd.getCommandName();
        String msg = oneLine(String.valueOf(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException u && top) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                msg += " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
            }
        }
        err.println(name + ": " + msg + "; '" + name + " --help' shows the usage");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The engine's verbs, then each provider's, in the order of the help listing. */
    static List<Class<?>> verbs() {
        List<Class<?>> out = new ArrayList<>(List.of(YuelaoCommand.VERBS));
        for (VerbProvider p : ServiceLoader.load(VerbProvider.class, Main.class.getClassLoader())) {
            out.addAll(p.verbs());
        }
        return out;
    }

    /** A one-line description of a failure for the user. */
    public static String describe(Throwable ex) {
        if (ex instanceof UncheckedIOException u) {
            ex = u.getCause();
        }
        if (ex instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or directory";
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof FileAlreadyExistsException e) {
            return e.getFile() + ": already exists (use --force to replace it)";
        }
        if (ex instanceof IOException && String.valueOf(ex.getMessage()).contains("No space left on device")) {
            return "disk full: " + oneLine(ex.getMessage()) + "; nothing of yours was replaced or deleted, temporary files were removed";
        }
        if (ex instanceof FileSystemException e && e.getReason() != null) {
            return (e.getFile() != null ? e.getFile() + ": " : "") + e.getReason();
        }
        if (ex instanceof InternalError && String.valueOf(ex.getMessage()).contains("unsafe memory access")) {
            return "a write to a memory-mapped file failed (disk full?); nothing of yours was replaced or deleted, temporary files were removed";
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory: raise the heap with YUELAO_HEAP=8g (for example) or lower --memory";
        }
        String msg = ex.getMessage();
        if (ex instanceof IOException || ex instanceof UserException || ex instanceof QueryException || ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException) {
            return msg == null ? ex.getClass().getSimpleName() : oneLine(msg);
        }
        return "internal error: " + ex + " (please report it; YUELAO_DEBUG=1 shows the stack trace)";
    }

    private static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
