package yuelao.server;

import java.util.List;
import yuelao.engine.cli.VerbProvider;

/** The server module's verbs for the CLI ({@code META-INF/services/yuelao.engine.cli.VerbProvider}). */
public final class ServerVerbs implements VerbProvider {
    @Override
    public List<Class<?>> verbs() {
        return List.of(ServeCommand.class);
    }
}
