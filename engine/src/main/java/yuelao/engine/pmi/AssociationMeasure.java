package yuelao.engine.pmi;

import java.util.Locale;

/**
 * One of the corpus linguists' association measures (docs/measures.md gives each formula, its conventions and when to
 * use it), scored from a {@link ContingencyTable}. Immutable.
 *
 * <p>Every measure gives every table a defined value, never NaN: an unobserved pair (O = 0) gets the limit of the
 * formula as O goes to 0 (negative infinity for the logarithmic measures and the t-score, which {@link
 * #unobservedIsFinite()} tells apart), a zero cell adds nothing to a sum, and a zero margin makes its term 0.
 *
 * @param kind the formula
 * @param power k of MI^k (only for {@link Kind#MI}; 1 otherwise)
 */
public record AssociationMeasure(Kind kind, double power) implements Measure {
    /** The formulas, by family (docs/measures.md). */
    public enum Kind {
        /** 14 + log2(2 O / (f_x + f_y)) (Rychly 2008). */
        LOGDICE,
        /** MI^k = log2(O^k / E) (Daille 1994): k = 1 is MI (Church and Hanks 1990), k = 3 is MI3 (Oakes 1998). */
        MI,
        /** (O - E) / sqrt(O) (Church et al. 1991). */
        TSCORE,
        /** (O - E) / sqrt(E) (Berry-Rogghe 1973). */
        ZSCORE,
        /** Dunning's (1993) log-likelihood G^2 = 2 sum O_ij ln(O_ij / E_ij), negative when O11 < E11. */
        G2,
        /** Pearson's X^2 = sum (O_ij - E_ij)^2 / E_ij, without Yates's correction, negative when O11 < E11. */
        CHI2,
        /** 2 O / (f_x + f_y). */
        DICE,
        /** O / (f_x + f_y - O), at most 1. */
        JACCARD,
        /** min(O / f_x, O / f_y) (Pedersen 1998). */
        MINSENS,
        /** Delta P(y | x) = O11 / R1 - O21 / R2: how far x predicts y (Gries 2013's Delta P 2|1). */
        DELTAP_FWD,
        /** Delta P(x | y) = O11 / C1 - O12 / C2: how far y predicts x (Delta P 1|2). */
        DELTAP_BWD,
        /** log2((O11 / R1) / (O21 / R2)), zero counts taken as 0.5 (Hardie 2014). */
        LOGRATIO
    }

    public AssociationMeasure {
        if (kind == Kind.MI ? !(power > 0 && power <= 10) : power != 1) {
            throw new IllegalArgumentException("MI^k needs 0 < k <= 10 (mi, mi2, mi3 ...), got k = " + power);
        }
    }

    /** A measure without parameter. */
    public static AssociationMeasure of(Kind kind) {
        return new AssociationMeasure(kind, 1);
    }

    /** MI^k. */
    public static AssociationMeasure mi(double k) {
        return new AssociationMeasure(Kind.MI, k);
    }

    @Override
    public String id() {
        return switch (kind) {
            case MI -> power == 1 ? "mi" : "mi" + (power == Math.rint(power) ? Long.toString((long) power) : Double.toString(power));
            case DELTAP_FWD -> "deltap-fwd";
            case DELTAP_BWD -> "deltap-bwd";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Delta P and Log Ratio depend on which word comes first; the others do not. */
    @Override
    public boolean symmetric() {
        return kind != Kind.DELTAP_FWD && kind != Kind.DELTAP_BWD && kind != Kind.LOGRATIO;
    }

    /** True if the measure needs the full 2x2 table (the store's row sums), not just O, E, f_x and f_y. */
    public boolean needsTable() {
        return switch (kind) {
            case G2, CHI2, DELTAP_FWD, DELTAP_BWD, LOGRATIO -> true;
            default -> false;
        };
    }

    /** False for the measures whose unobserved pair scores negative infinity (logDice, MI^k, t-score). */
    public boolean unobservedIsFinite() {
        return !(kind == Kind.LOGDICE || kind == Kind.MI || kind == Kind.TSCORE);
    }

    /** The measure's value for a table. */
    public double score(ContingencyTable t) {
        return score(t.o11(), t.r1(), t.c1(), t.n(), t.fx(), t.fy(), t.expected());
    }

    /**
     * The same from the table's numbers, for loops over many pairs (nothing is allocated).
     *
     * @see ContingencyTable for what each argument is
     */
    public double score(double o11, double r1, double c1, double n, double fx, double fy, double expected) {
        return switch (kind) {
            case LOGDICE -> Overlap.logDice(o11, fx, fy);
            case MI -> ObservedExpected.miK(o11, expected, power);
            case TSCORE -> ObservedExpected.tScore(o11, expected);
            case ZSCORE -> ObservedExpected.zScore(o11, expected);
            case DICE -> Overlap.dice(o11, fx, fy);
            case JACCARD -> Overlap.jaccard(o11, fx, fy);
            case MINSENS -> Overlap.minSensitivity(o11, fx, fy);
            case G2 -> Significance.g2(o11, ContingencyTable.cell12(o11, r1), ContingencyTable.cell21(o11, c1),
                    ContingencyTable.cell22(o11, r1, c1, n));
            case CHI2 -> Significance.chi2(o11, ContingencyTable.cell12(o11, r1), ContingencyTable.cell21(o11, c1),
                    ContingencyTable.cell22(o11, r1, c1, n));
            case DELTAP_FWD -> Directional.deltaP(o11, ContingencyTable.cell12(o11, r1), ContingencyTable.cell21(o11, c1),
                    ContingencyTable.cell22(o11, r1, c1, n));
            case DELTAP_BWD -> Directional.deltaP(o11, ContingencyTable.cell21(o11, c1), ContingencyTable.cell12(o11, r1),
                    ContingencyTable.cell22(o11, r1, c1, n));
            case LOGRATIO -> Directional.logRatio(o11, ContingencyTable.cell12(o11, r1), ContingencyTable.cell21(o11, c1),
                    ContingencyTable.cell22(o11, r1, c1, n));
        };
    }

    /** The measure a lower-case name stands for, or null (see {@link Measure#parse}). */
    static AssociationMeasure parseOrNull(String t) {
        Kind k = switch (t) {
            case "logdice", "log-dice" -> Kind.LOGDICE;
            case "tscore", "t-score", "t" -> Kind.TSCORE;
            case "zscore", "z-score", "z" -> Kind.ZSCORE;
            case "g2", "ll", "log-likelihood", "loglikelihood" -> Kind.G2;
            case "chi2", "chi-squared", "chisq", "x2" -> Kind.CHI2;
            case "dice" -> Kind.DICE;
            case "jaccard" -> Kind.JACCARD;
            case "minsens", "min-sensitivity", "ms" -> Kind.MINSENS;
            case "deltap-fwd", "deltap", "deltap21" -> Kind.DELTAP_FWD;
            case "deltap-bwd", "deltap12" -> Kind.DELTAP_BWD;
            case "logratio", "log-ratio" -> Kind.LOGRATIO;
            default -> null;
        };
        if (k != null) {
            return of(k);
        }
        if (t.startsWith("mi")) {
            String rest = t.substring(2);
            if (rest.isEmpty()) {
                return mi(1);
            }
            try {
                double power = Double.parseDouble(rest);
                return power > 0 && power <= 10 && !rest.startsWith("+") ? mi(power) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
