package yuelao.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import yuelao.engine.api.Answers;
import yuelao.engine.api.Json;
import yuelao.engine.api.PmiQueries;
import yuelao.engine.api.QueryException;
import yuelao.engine.api.VectorQueries;
import yuelao.engine.pmi.AssociationView;
import yuelao.engine.pmi.Measure;
import yuelao.engine.pmi.PairScorer;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.engine.query.Analogy;
import yuelao.engine.query.Mode;

/**
 * The JSON API: every endpoint, its parameters and the engine call that answers it (docs/server.md; the OpenAPI
 * description at {@value #OPENAPI} lists the same). Handlers only translate: parameters in, {@link VectorQueries} or
 * {@link PmiQueries} called, the answer record out, so the CLI and the server answer through the same code.
 */
final class ApiRoutes {
    /** The API's version, in {@code /api/info} and the alias prefix {@code /api/v1}. */
    static final String VERSION = "v1";
    static final String OPENAPI = "/api/openapi.json";

    /** One endpoint: method, path under /api, the parameters it takes, and what answers it. */
    record Route(HandlerType method, String path, Set<String> params, Answer answer) {}

    /** Answers a request whose parameters were checked. */
    @FunctionalInterface
    interface Answer {
        Object apply(Context ctx, Params p);
    }

    private static final Set<String> PMI_PARAMS = Set.of("measure", "shift", "cds", "smoothing", "marginals");

    private final ServedData data;
    private final ServerSettings settings;

    ApiRoutes(ServedData data, ServerSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    private static Set<String> params(Set<String> extra, String... names) {
        Set<String> s = new LinkedHashSet<>(Arrays.asList(names));
        s.addAll(extra);
        return s;
    }

    /** Every route, GETs first. Paths are relative to /api (and /api/v1). */
    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(new Route(HandlerType.GET, "/nearest", params(Set.of(), "word", "top", "mode", "restrict", "context_words", "search", "ef"),
                (ctx, p) -> data.requireVectors().nearest(p.required("word"), nearestOptions(p))));
        r.add(new Route(HandlerType.GET, "/analogy", params(Set.of(), "a", "b", "c", "top", "method", "restrict"),
                (ctx, p) -> data.requireVectors().analogy(p.required("a"), p.required("b"), p.required("c"), method(p.optional("method", "add")),
                        top(p, 10), p.integer("restrict", 0, 0, Integer.MAX_VALUE))));
        r.add(new Route(HandlerType.GET, "/similarity", params(Set.of(), "a", "b", "context_words"),
                (ctx, p) -> data.requireVectors().similarity(p.required("a"), p.required("b"), p.integer("context_words", 0, 0, Integer.MAX_VALUE))));
        r.add(new Route(HandlerType.GET, "/sentence", params(Set.of(), "a", "b", "keywords"), (ctx, p) -> {
            List<String> texts = new ArrayList<>(List.of(p.required("a")));
            String b = p.optional("b", null);
            if (b != null) {
                texts.add(b);
            }
            return data.requireVectors().sentence(texts, p.integer("keywords", 0, 0, settings.maxTop()));
        }));
        r.add(new Route(HandlerType.GET, "/doesnt-match", params(Set.of(), "words"),
                (ctx, p) -> data.requireVectors().doesntMatch(words(p.required("words")))));
        r.add(new Route(HandlerType.GET, "/map", params(Set.of(), "word", "top", "mode", "context_words"),
                (ctx, p) -> data.requireVectors().map(p.required("word"), VectorQueries.NearestOptions.builder().top(p.integer("top", 15, 1,
                        Math.min(200, settings.maxTop()))).mode(mode(p.optional("mode", "cosine"))).contextWords(contextWords(p)).build())));
        r.add(new Route(HandlerType.GET, "/associates", params(PMI_PARAMS, "word", "top", "min_count"),
                (ctx, p) -> {
                    PmiQueries q = data.requireStore();
                    return q.associates(p.required("word"), top(p, 20), p.number("min_count", 5, 0, 1e18), scorer(q, p));
                }));
        r.add(new Route(HandlerType.GET, "/pmi", params(PMI_PARAMS, "a", "b"),
                (ctx, p) -> {
                    PmiQueries q = data.requireStore();
                    PairScorer scorer = scorer(q, p);
                    return scorer instanceof AssociationView v ? q.association(p.required("a"), p.required("b"), v)
                            : q.pmi(p.required("a"), p.required("b"), ((PmiView) scorer).options());
                }));
        r.add(new Route(HandlerType.GET, "/phrase-pmi", params(PMI_PARAMS, "a", "b", "unobserved"),
                (ctx, p) -> data.requireStore().phrase(p.required("a"), p.required("b"), unobserved(p), pmiOptions(p))));
        r.add(new Route(HandlerType.GET, "/keywords", params(PMI_PARAMS, "text", "top", "unobserved"),
                (ctx, p) -> data.requireStore().keywords(p.required("text"), top(p, 10), unobserved(p), pmiOptions(p))));
        r.add(new Route(HandlerType.GET, "/vocabulary", params(Set.of(), "prefix", "limit"), (ctx, p) -> {
            String prefix = p.optional("prefix", "");
            int limit = p.integer("limit", 10, 1, settings.maxTop());
            return data.vectors().isPresent() ? data.vectors().get().prefix(prefix, limit) : data.requireStore().prefix(prefix, limit);
        }));
        r.add(new Route(HandlerType.GET, "/info", Set.of(), (ctx, p) -> new Answers.Info(VERSION,
                data.vectors().map(VectorQueries::info).orElse(null), data.store().map(PmiQueries::info).orElse(null))));
        r.add(new Route(HandlerType.POST, "/nearest", Set.of(), (ctx, p) -> {
            Requests.Nearest b = Requests.read(ctx, Requests.Nearest.class, settings.maxBatch(), settings.maxBodyBytes());
            VectorQueries.NearestOptions o = VectorQueries.NearestOptions.builder().top(inRange("top", b.top(), 10, 1, settings.maxTop()))
                    .mode(mode(b.mode() == null ? "cosine" : b.mode())).restrict(inRange("restrict", b.restrict(), 0, 0, Integer.MAX_VALUE))
                    .contextWords(inRange("context_words", b.contextWords(), VectorQueries.NearestOptions.builder().build().contextWords(), 1,
                            Integer.MAX_VALUE))
                    .search(b.search() == null ? VectorQueries.Search.AUTO : VectorQueries.Search.parse(b.search()))
                    .ef(inRange("ef", b.ef(), 0, 0, 100_000)).build();
            return data.requireVectors().nearest(b.words(), o);
        }));
        r.add(new Route(HandlerType.POST, "/associates", Set.of(), (ctx, p) -> {
            Requests.Associates b = Requests.read(ctx, Requests.Associates.class, settings.maxBatch(), settings.maxBodyBytes());
            PmiQueries q = data.requireStore();
            PairScorer scorer = scorer(q, b.measure(), b.shift(), b.cds(), b.smoothing(), b.marginals());
            int top = inRange("top", b.top(), 20, 1, settings.maxTop());
            double min = b.minCount() == null ? 5 : b.minCount();
            return batch(b.words(), w -> q.associates(w, top, min, scorer));
        }));
        r.add(new Route(HandlerType.POST, "/similarity", Set.of(), (ctx, p) -> {
            Requests.Similarity b = Requests.read(ctx, Requests.Similarity.class, settings.maxBatch(), settings.maxBodyBytes());
            VectorQueries q = data.requireVectors();
            int k = inRange("context_words", b.contextWords(), 0, 0, Integer.MAX_VALUE);
            return batch(b.pairs(), pair -> {
                if (pair == null || pair.size() != 2) {
                    throw QueryException.badArgument("each pair must hold two words");
                }
                return q.similarity(pair.get(0), pair.get(1), k);
            });
        }));
        r.add(new Route(HandlerType.POST, "/analogy", Set.of(), (ctx, p) -> {
            Requests.Analogy b = Requests.read(ctx, Requests.Analogy.class, settings.maxBatch(), settings.maxBodyBytes());
            VectorQueries q = data.requireVectors();
            Analogy.Method m = method(b.method() == null ? "add" : b.method());
            int top = inRange("top", b.top(), 10, 1, settings.maxTop());
            int restrict = inRange("restrict", b.restrict(), 0, 0, Integer.MAX_VALUE);
            return batch(b.questions(), abc -> {
                if (abc == null || abc.size() != 3) {
                    throw QueryException.badArgument("each question must hold three words a, b, c");
                }
                return q.analogy(abc.get(0), abc.get(1), abc.get(2), m, top, restrict);
            });
        }));
        return r;
    }

    /** One answer or one unknown-word error per item; any other failure fails the whole batch. */
    private static <T> Answers.Batch batch(List<T> items, java.util.function.Function<T, Object> one) {
        List<Object> out = new ArrayList<>(items.size());
        for (T item : items) {
            try {
                out.add(one.apply(item));
            } catch (QueryException e) {
                if (e.kind() != QueryException.Kind.UNKNOWN_WORD) {
                    throw e;
                }
                out.add(e.toAnswer());
            }
        }
        return new Answers.Batch(out);
    }

    private int top(Params p, int fallback) {
        return p.integer("top", fallback, 1, settings.maxTop());
    }

    private static int contextWords(Params p) {
        return p.integer("context_words", VectorQueries.NearestOptions.builder().build().contextWords(), 1, Integer.MAX_VALUE);
    }

    private VectorQueries.NearestOptions nearestOptions(Params p) {
        String search = p.optional("search", "auto");
        return VectorQueries.NearestOptions.builder().top(top(p, 10)).mode(mode(p.optional("mode", "cosine")))
                .restrict(p.integer("restrict", 0, 0, Integer.MAX_VALUE)).contextWords(contextWords(p)).search(VectorQueries.Search.parse(search))
                .ef(p.integer("ef", 0, 0, 100_000)).build();
    }

    private static int inRange(String name, Integer v, int fallback, int min, int max) {
        if (v == null) {
            return fallback;
        }
        if (v < min || v > max) {
            throw ApiError.badRequest("'" + name + "' must be in " + min + ".." + max + ", not " + v);
        }
        return v;
    }

    private static Mode mode(String s) {
        try {
            return Mode.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static Analogy.Method method(String s) {
        try {
            return Analogy.Method.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static PmiView.Unobserved unobserved(Params p) {
        try {
            return PmiView.Unobserved.parse(p.optional("unobserved", "skip"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** The scorer of any measure (docs/measures.md): the PMI family's view with the options, or an association measure's. */
    private static PairScorer scorer(PmiQueries q, Params p) {
        return scorer(q, p.optional("measure", null), p.optional("shift", null) == null ? null : p.number("shift", 1, 0, 1e9),
                p.optional("cds", null) == null ? null : p.number("cds", 1, 0, 1), p.optional("smoothing", null) == null ? null
                        : p.number("smoothing", 0, 0, 1e9), p.optional("marginals", null));
    }

    private static PairScorer scorer(PmiQueries q, String measure, Double shift, Double cds, Double smoothing, String marginals) {
        Measure m;
        PmiOptions family;
        try {
            m = Measure.parse(measure == null ? "pmi" : measure);
            family = new PmiOptions(PmiMeasure.PMI, shift == null ? 1 : shift, cds == null ? 1 : cds, smoothing == null ? 0 : smoothing,
                    PmiOptions.Marginals.parse(marginals == null ? "unigram" : marginals));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        return q.scorer(m, family);
    }

    private static PmiOptions pmiOptions(Params p) {
        return pmiOptions(p.optional("measure", null), p.optional("shift", null) == null ? null : p.number("shift", 1, 0, 1e9),
                p.optional("cds", null) == null ? null : p.number("cds", 1, 0, 1), p.optional("smoothing", null) == null ? null
                        : p.number("smoothing", 0, 0, 1e9), p.optional("marginals", null));
    }

    private static PmiOptions pmiOptions(String measure, Double shift, Double cds, Double smoothing, String marginals) {
        try {
            return new PmiOptions(PmiMeasure.parse(measure == null ? "pmi" : measure), shift == null ? 1 : shift, cds == null ? 1 : cds,
                    smoothing == null ? 0 : smoothing, PmiOptions.Marginals.parse(marginals == null ? "unigram" : marginals));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** "a,b,c" or "a b c" into words. */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[,\\s]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The JSON bytes of an answer. */
    static byte[] json(Object answer) {
        return Json.bytes(answer);
    }
}
