package yuelao.engine.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs the kernels on fixed random inputs and prints which path ran and the results' bits: {@link
 * ScalarFallbackTest} starts it in a JVM without the Vector API module and compares with the scalar variants run in
 * its own JVM. Test code, not a tool.
 */
public final class ScalarFallbackProbe {
    private ScalarFallbackProbe() {}

    public static void main(String[] args) {
        System.out.println("vectorApi=" + VectorOps.vectorApi());
        System.out.println("floatLanes=" + VectorOps.floatLanes());
        for (String line : results(true)) {
            System.out.println(line);
        }
    }

    /** The kernels' outputs as hex bits: through the unsuffixed (dispatching) kernels, or the scalar variants. */
    static List<String> results(boolean dispatch) {
        Random rnd = new Random(77);
        List<String> out = new ArrayList<>();
        for (int n : new int[] {1, 7, 19, 100}) {
            float[] a = VectorOpsTest.random(rnd, n);
            float[] b = VectorOpsTest.random(rnd, n);
            out.add(bits(dispatch ? VectorOps.dot(a, 0, b, 0, n) : VectorOps.dotScalar(a, 0, b, 0, n)));
            float[] y = b.clone();
            if (dispatch) {
                VectorOps.axpy(0.3f, a, 0, y, 0, n);
            } else {
                VectorOps.axpyScalar(0.3f, a, 0, y, 0, n);
            }
            out.add(bits(y));
            float[] h = a.clone();
            float[] c = b.clone();
            SgnsStep step = SgnsStep.exact(5, 0);
            double loss = dispatch ? step.apply(h, 0, h, 0, c, 0, n, 1f, 0.05f, true) : step.applyScalar(h, 0, h, 0, c, 0, n, 1f, 0.05f, true);
            out.add(Long.toHexString(Double.doubleToRawLongBits(loss)) + " " + bits(h) + " " + bits(c));
            float[] g = a.clone();
            float[] acc = b.clone();
            for (int k = 0; k < n; k++) {
                acc[k] = 1 + acc[k] * acc[k];
            }
            float[] x = b.clone();
            if (dispatch) {
                AdaGrad.step(0.1f, g, 0, acc, 0, x, 0, n);
            } else {
                AdaGrad.stepScalar(0.1f, g, 0, acc, 0, x, 0, n);
            }
            out.add(bits(g) + " " + bits(acc) + " " + bits(x));
            float[] pair = VectorOpsTest.random(rnd, 2 * n);
            float[] pairAcc = new float[2 * n];
            java.util.Arrays.fill(pairAcc, 1f);
            if (dispatch) {
                AdaGrad.pairStep(0.1f, 0.7f, pair, 0, n, pairAcc, n);
            } else {
                AdaGrad.pairStepScalar(0.1f, 0.7f, pair, 0, n, pairAcc, n);
            }
            out.add(bits(pair) + " " + bits(pairAcc));
        }
        return out;
    }

    private static String bits(float... v) {
        StringBuilder sb = new StringBuilder();
        for (float f : v) {
            sb.append(Integer.toHexString(Float.floatToRawIntBits(f))).append(',');
        }
        return sb.toString();
    }
}
