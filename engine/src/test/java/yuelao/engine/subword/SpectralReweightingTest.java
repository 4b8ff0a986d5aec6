package yuelao.engine.subword;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SpectralReweighting} against properties computed by other means (Gram powers, power iteration). */
class SpectralReweightingTest {
    private static final int N = 300;
    private static final int D = 7;

    /** Random rows with a skewed spectrum (column k scaled by 3^-k after a random rotation mix). */
    private static float[] rows(long seed) {
        Random r = new Random(seed);
        float[] x = new float[N * D];
        double[][] mix = new double[D][D];
        for (double[] m : mix) {
            for (int j = 0; j < D; j++) {
                m[j] = r.nextGaussian();
            }
        }
        for (int i = 0; i < N; i++) {
            double[] z = new double[D];
            for (int k = 0; k < D; k++) {
                z[k] = r.nextGaussian() * Math.pow(3, -k) + (k == 0 ? 2 : 0);
            }
            for (int j = 0; j < D; j++) {
                double s = 0;
                for (int k = 0; k < D; k++) {
                    s += z[k] * mix[k][j];
                }
                x[i * D + j] = (float) s;
            }
        }
        return x;
    }

    private static double[] gram(float[] x) {
        double[] g = new double[D * D];
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    g[a * D + b] += (double) x[i * D + a] * x[i * D + b];
                }
            }
        }
        return g;
    }

    private static double[] square(double[] g) {
        double[] s = new double[D * D];
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                for (int k = 0; k < D; k++) {
                    s[a * D + b] += g[a * D + k] * g[k * D + b];
                }
            }
        }
        return s;
    }

    private static double trace(double[] g) {
        double t = 0;
        for (int k = 0; k < D; k++) {
            t += g[k * D + k];
        }
        return t;
    }

    private static float[] mapped(float[] x, double power, int drop, int threads) {
        float[] y = x.clone();
        SpectralReweighting.apply(y, D, SpectralReweighting.map(x, D, power, drop, false, threads), threads);
        return y;
    }

    /** Power 1/2: Y^T Y = c^2 (X^T X)^(1/2), so (Y^T Y)^2 is proportional to X^T X; the mean square norm is kept. */
    @Test
    void halfPowerTakesTheSquareRootOfTheGram() {
        float[] x = rows(1);
        float[] y = mapped(x, 0.5, 0, 2);
        double[] gx = gram(x);
        double[] gy2 = square(gram(y));
        assertEquals(trace(gx), trace(gram(y)), 1e-4 * trace(gx), "the mean square norm is kept");
        double kappa = trace(gy2) / trace(gx);
        double err = 0;
        double ref = 0;
        for (int k = 0; k < gx.length; k++) {
            err += Math.pow(gy2[k] - kappa * gx[k], 2);
            ref += Math.pow(kappa * gx[k], 2);
        }
        assertTrue(Math.sqrt(err / ref) < 1e-4, "relative error " + Math.sqrt(err / ref));
    }

    /** Power 1, one direction dropped: the rows lose their component along the top eigenvector (by power iteration). */
    @Test
    void droppingTheTopRemovesThePowerIterationDirection() {
        float[] x = rows(2);
        double[] g = gram(x);
        double[] q = new double[D];
        java.util.Arrays.fill(q, 1);
        for (int it = 0; it < 500; it++) {
            double[] nq = new double[D];
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    nq[a] += g[a * D + b] * q[b];
                }
            }
            double norm = Math.sqrt(java.util.Arrays.stream(nq).map(v -> v * v).sum());
            for (int a = 0; a < D; a++) {
                q[a] = nq[a] / norm;
            }
        }
        float[] y = mapped(x, 1, 1, 3);
        double[] expected = new double[N * D];
        for (int i = 0; i < N; i++) {
            double p = 0;
            for (int a = 0; a < D; a++) {
                p += x[i * D + a] * q[a];
            }
            for (int a = 0; a < D; a++) {
                expected[i * D + a] = x[i * D + a] - p * q[a];
            }
        }
        double ey = 0;
        double ee = 0;
        for (int k = 0; k < expected.length; k++) {
            ey += (double) y[k] * y[k];
            ee += expected[k] * expected[k];
        }
        double c = Math.sqrt(ey / ee); // the map rescales to keep the mean square norm
        assertTrue(c > 1, "the dropped direction carried mass, so the rest is scaled up");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(c * expected[k], y[k], 1e-3 * Math.max(1, Math.abs(y[k])), "entry " + k);
        }
        assertEquals(trace(g), trace(gram(y)), 1e-4 * trace(g));
    }

    /** The identity settings give the identity; the map does not depend on the thread count. */
    @Test
    void identityAndThreadIndependence() {
        float[] x = rows(3);
        float[] same = mapped(x, 1, 0, 2);
        for (int k = 0; k < x.length; k++) {
            assertEquals(x[k], same[k], 1e-4 * Math.max(1, Math.abs(x[k])));
        }
        assertArrayEquals(SpectralReweighting.map(x, D, 0.6, 1, false, 1), SpectralReweighting.map(x, D, 0.6, 1, false, 4));
        assertThrows(IllegalArgumentException.class, () -> SpectralReweighting.map(x, D, 0.6, D, false, 1));
    }

    /** With unit rows the map is the one of the normalised rows, rescaled to keep the raw rows' mean square norm. */
    @Test
    void unitRowsUseTheNormalisedRowsDirections() {
        float[] x = rows(5);
        float[] unit = x.clone();
        for (int i = 0; i < N; i++) {
            double ss = 0;
            for (int a = 0; a < D; a++) {
                ss += (double) unit[i * D + a] * unit[i * D + a];
            }
            for (int a = 0; a < D; a++) {
                unit[i * D + a] /= (float) Math.sqrt(ss);
            }
        }
        double[] viaFlag = SpectralReweighting.map(x, D, 0.6, 1, true, 2);
        double[] viaRows = SpectralReweighting.map(unit, D, 0.6, 1, false, 2);
        double scale = viaFlag[0] / viaRows[0];
        for (int k = 0; k < viaFlag.length; k++) {
            assertEquals(scale * viaRows[k], viaFlag[k], 1e-5 * Math.abs(scale) * Math.max(1, Math.abs(viaRows[k])), "entry " + k);
        }
        double[] raw = SpectralReweighting.map(x, D, 0.6, 1, false, 2);
        double diff = 0;
        for (int k = 0; k < raw.length; k++) {
            diff += Math.abs(raw[k] / raw[0] - viaFlag[k] / viaFlag[0]);
        }
        assertTrue(diff > 1e-3, "unit rows change the map on rows of unequal norms");
        float[] y = x.clone();
        SpectralReweighting.apply(y, D, viaFlag, 1);
        assertEquals(trace(gram(x)), trace(gram(y)), 1e-4 * trace(gram(x)), "the raw mean square norm is kept");
    }

    /** Linear, so it commutes with the subword composition: mapping the parts then summing = summing then mapping. */
    @Test
    void commutesWithSums() {
        float[] x = rows(4);
        double[] t = SpectralReweighting.map(x, D, 0.6, 1, false, 2);
        float[] parts = java.util.Arrays.copyOf(x, 2 * D); // rows 0 and 1
        float[] sum = new float[D];
        for (int a = 0; a < D; a++) {
            sum[a] = parts[a] + parts[D + a];
        }
        SpectralReweighting.apply(parts, D, t, 1);
        SpectralReweighting.apply(sum, D, t, 1);
        for (int a = 0; a < D; a++) {
            assertEquals(parts[a] + parts[D + a], sum[a], 1e-4 * Math.max(1, Math.abs(sum[a])));
        }
    }
}
