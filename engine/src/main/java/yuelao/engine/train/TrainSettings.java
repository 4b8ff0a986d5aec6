package yuelao.engine.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides the word vectors (fastText's Args): the method, the dimension, the seed, the threads, and
 * each method's own settings. Immutable; {@link #builder()} holds the {@code train} verb's defaults, and the recipe
 * book ({@code yuelao.engine.stage.Recipes}) the measured ones of {@code run}. The threads never change a closed
 * form's or a deterministic trainer's result.
 */
public final class TrainSettings {
    /** The training methods. */
    public enum Method {
        /** Top positive eigen-directions of the PPMI matrix (closed form). */
        EIG,
        /** Top singular directions of the PPMI matrix (closed form). */
        SVD,
        /** The seed's weighted least squares on PMI by AdaGrad. */
        PMI,
        /** word2vec's negative-sampling loss over the counts. */
        SGNS;

        public static Method parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --method '" + s + "' (expected eig, svd, pmi or sgns)");
            }
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True for the closed forms. */
        public boolean closedForm() {
            return this == EIG || this == SVD;
        }
    }

    private final Method method;
    private final int dim;
    private final long seed;
    private final int threads;
    private final ClosedFormSettings closedForm;
    private final SgnsSettings sgns;
    private final PmiSettings pmi;

    private TrainSettings(Builder b) {
        this.method = Objects.requireNonNull(b.method, "method");
        this.dim = b.dim;
        this.seed = b.seed;
        this.threads = b.threads;
        this.closedForm = b.closedForm;
        this.sgns = b.sgns;
        this.pmi = b.pmi;
        ClosedFormSettings.require(dim >= 1 && dim <= 10_000, "--dim must be in 1..10000, got " + dim);
        ClosedFormSettings.require(threads >= 1, "--threads must be at least 1, got " + threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().method(method).dim(dim).seed(seed).threads(threads).closedForm(closedForm).sgns(sgns).pmi(pmi);
    }

    public Method method() {
        return method;
    }

    /** Vector dimension d. */
    public int dim() {
        return dim;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    /** The closed form's settings (the method itself, or the eig start of sgns and pmi). */
    public ClosedFormSettings closedForm() {
        return closedForm;
    }

    public SgnsSettings sgns() {
        return sgns;
    }

    public PmiSettings pmi() {
        return pmi;
    }

    /** The settings that shaped the vectors, as the output records them (only the method's own, and its start's). */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("train.method", method.id());
        p.put("train.dim", Integer.toString(dim));
        p.put("train.seed", Long.toString(seed));
        ClosedFormSettings c = closedForm;
        if (method == Method.SGNS) {
            SgnsSettings s = sgns;
            p.put("train.epochs", Integer.toString(s.epochs()));
            p.put("train.lr", Double.toString(s.lr()));
            p.put("train.negatives", Integer.toString(s.negatives()));
            p.put("train.samples", Double.toString(s.samples()));
            p.put("train.offset", Double.toString(s.offset()));
            p.put("train.init", s.eigInit() ? "eig" : "random");
            if (s.contexts() != SgnsSettings.Contexts.SHARED) {
                p.put("train.contexts", s.contexts().id());
                p.put("train.output", s.sumOutput() ? "w+c" : "w");
            }
            if (s.eigInit()) {
                p.put("train.power", Double.toString(c.power()));
                p.put("train.cds", Double.toString(c.cds()));
                p.put("train.shift", Double.toString(c.shift()));
                p.put("train.iterations", Integer.toString(c.iterations()));
                p.put("train.oversample", Integer.toString(c.oversample()));
            }
        } else if (method == Method.PMI) {
            PmiSettings s = pmi;
            p.put("train.epochs", Integer.toString(s.epochs()));
            p.put("train.lr", Double.toString(s.lr()));
            p.put("train.xMax", Double.toString(s.xMax()));
            p.put("train.alpha", Double.toString(s.alpha()));
            p.put("train.weight", s.truncatedWeight() ? "truncated" : "untruncated");
            p.put("train.holdout", Double.toString(s.holdout()));
            p.put("train.init", s.eigInit() ? "eig" : "random");
            p.put("train.negatives", Integer.toString(s.negatives()));
            p.put("train.negativeWeight", Double.toString(s.negativeWeight()));
            p.put("train.target", s.ppmiTargets() ? "ppmi" : "pmi");
        } else {
            p.put("train.power", Double.toString(c.power()));
            p.put("train.cds", Double.toString(c.cds()));
            p.put("train.shift", Double.toString(c.shift()));
            p.put("train.iterations", Integer.toString(c.iterations()));
            p.put("train.oversample", Integer.toString(c.oversample()));
            p.put("train.balance", Double.toString(c.balance()));
        }
        return p;
    }

    /** Named settings; unset ones keep the {@code train} verb's defaults. */
    public static final class Builder {
        private Method method = Method.EIG;
        private int dim = 100;
        private long seed = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ClosedFormSettings closedForm = ClosedFormSettings.builder().build();
        private SgnsSettings sgns = SgnsSettings.builder().build();
        private PmiSettings pmi = PmiSettings.builder().build();

        private Builder() {}

        public Builder method(Method m) {
            this.method = m;
            return this;
        }

        public Builder dim(int d) {
            this.dim = d;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        public Builder closedForm(ClosedFormSettings c) {
            this.closedForm = Objects.requireNonNull(c);
            return this;
        }

        public Builder sgns(SgnsSettings s) {
            this.sgns = Objects.requireNonNull(s);
            return this;
        }

        public Builder pmi(PmiSettings s) {
            this.pmi = Objects.requireNonNull(s);
            return this;
        }

        public TrainSettings build() {
            return new TrainSettings(this);
        }
    }
}
