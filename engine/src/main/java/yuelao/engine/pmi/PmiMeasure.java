package yuelao.engine.pmi;

import java.util.Locale;

/** The PMI family (docs/method.md section 2). */
public enum PmiMeasure implements Measure {
    /** PMI_ij = log x_ij - log X - log P(i) - log P(j) + ... (see {@link PmiView}); unobserved pairs have none. */
    PMI,
    /** PPMI = max(PMI - log k, 0), the shifted form SPPMI_k when k > 1; unobserved pairs are 0. */
    PPMI,
    /** NPMI = PMI / (-log P(i,j)) in [-1, 1] (Bouma 2009); unobserved pairs are -1. */
    NPMI;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** PMI, PPMI and NPMI are symmetric: P(i, j) and P(i) P(j) are. */
    @Override
    public boolean symmetric() {
        return true;
    }

    public static PmiMeasure parse(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        if (t.equals("sppmi")) {
            return PPMI;
        }
        for (PmiMeasure m : values()) {
            if (m.id().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown measure '" + s + "' (expected pmi, ppmi or npmi)");
    }
}
