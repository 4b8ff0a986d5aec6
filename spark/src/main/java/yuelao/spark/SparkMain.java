package yuelao.spark;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import yuelao.engine.cli.Main;
import yuelao.engine.cli.RecipeDefaults;

/**
 * Entry point of the job jar: {@code spark-submit --class yuelao.spark.SparkMain yuelao-spark.jar count ...}. Exit codes
 * as {@code ./yuelao}'s: 0 success, 2 usage error, 1 any other failure, reported in one line
 * ({@code yuelao-spark count: message}); YUELAO_DEBUG=1 adds the stack trace.
 */
@Command(name = "yuelao-spark", mixinStandardHelpOptions = true,
        description = "yuelao's counting on Apache Spark. Verb: count (see count --help).")
public final class SparkMain implements Runnable {
    /** How a task's failure names its cause in Spark's message: "... Lost task ...): some.Exception: message". */
    private static final Pattern TASK_CAUSE = Pattern.compile("(yuelao\\.[\\w.]+Exception|java\\.[\\w.]+Exception): ([^\\n]*)");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a verb: count");
    }

    /** Runs the command line with the given writers and returns the exit code (tests call this in-process). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(null, out, err, args);
    }

    /**
     * Runs the command line in {@code context} (left running; null: the verb makes its own from spark-submit's settings
     * and stops it), with the given writers; returns the exit code. Tests and embedding programs call this.
     */
    public static int run(JavaSparkContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.addSubcommand(new CommandLine(new SparkCountCommand(context)).setDefaultValueProvider(RecipeDefaults.forStages()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("yuelao-spark " + cmd.getCommandName() + ": " + describe(ex));
            if (System.getenv("YUELAO_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * One line for the user. A task's failure reaches the driver as a SparkException whose message quotes the task's
     * exception; the first yuelao (or java) exception found in the causes or in that quote is the message.
     */
    static String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getClass().getName().startsWith("yuelao.")) {
                return Main.describe(t);
            }
        }
        if (ex.getClass().getName().startsWith("org.apache.spark")) {
            Matcher m = TASK_CAUSE.matcher(String.valueOf(ex.getMessage()));
            if (m.find()) {
                return m.group(2).strip();
            }
            String msg = String.valueOf(ex.getMessage());
            int nl = msg.indexOf('\n');
            return "Spark job failed: " + (nl < 0 ? msg : msg.substring(0, nl));
        }
        return Main.describe(ex);
    }
}
