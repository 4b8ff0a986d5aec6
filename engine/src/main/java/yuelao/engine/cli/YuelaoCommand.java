package yuelao.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: lists the verbs. */
@Command(
        name = "yuelao",
        mixinStandardHelpOptions = true,
        version = YuelaoCommand.VERSION,
        description = {
            "Raw text to PMI statistics and word vectors.",
            "Stages: [phrases ->] vocab -> count -> (pmi queries, collocations) -> train -> (vector queries, export). 'demo' runs them on the bundled sample."
        },
        sortOptions = false,
        showDefaultValues = true)
public final class YuelaoCommand implements Runnable {
    /** What {@code -V} prints, for every verb. */
    static final String VERSION = "yuelao 0.1.0";

    /**
     * The verbs, in the order of the help listing. Not declared as picocli {@code subcommands}: {@link Main}
     * registers only the verb being run (building every verb's model by reflection cost about 0.3 s per launch),
     * and all of them for the top-level help or an unknown verb.
     */
    static final Class<?>[] VERBS = {
            DemoCommand.class,
            VocabCommand.class,
            PhrasesCommand.class,
            CountCommand.class,
            CountsCommand.class,
            MergeCommand.class,
            LookupMapsCommand.class,
            PmiCommand.class,
            AssociatesCommand.class,
            CollocationsCommand.class,
            PhrasePmiCommand.class,
            KeywordsCommand.class,
            PmiMatrixCommand.class,
            TrainCommand.class,
            SubwordsCommand.class,
            RunCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            IndexCommand.class,
            NearestCommand.class,
            AnalogyCommand.class,
            SimilarityCommand.class,
            SentenceCommand.class,
            DoesntMatchCommand.class,
            EvalCommand.class,
    };

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a verb is required (see --help)");
    }
}
