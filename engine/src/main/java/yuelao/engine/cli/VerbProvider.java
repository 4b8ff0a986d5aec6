package yuelao.engine.cli;

import java.util.List;

/**
 * Verbs that live outside the engine (for example {@code serve} in the server module), found with
 * {@link java.util.ServiceLoader}: a module lists its implementation in
 * {@code META-INF/services/yuelao.engine.cli.VerbProvider}, and {@link Main} registers its verbs as it registers its
 * own. The engine keeps its light dependency set; a verb whose module is not on the class path is simply absent.
 *
 * <p>Contract: {@link #verbs()} returns picocli command classes (annotated with {@code @Command} and a {@code name}),
 * cheaply, without loading what the verbs need to run: {@link Main} reads only their annotations unless one is run.
 */
public interface VerbProvider {
    /** The command classes, in the order of the help listing. */
    List<Class<?>> verbs();
}
