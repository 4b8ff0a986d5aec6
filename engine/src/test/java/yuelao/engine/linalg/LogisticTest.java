package yuelao.engine.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** sigma and softplus against their definitions, fastText's table against the exact sigma. */
class LogisticTest {
    @Test
    void softplusIsLogOnePlusExpWithoutOverflow() {
        for (double x = -40; x <= 40; x += 0.37) {
            double direct = Math.log1p(Math.exp(x)); // fine in this range
            assertEquals(direct, Logistic.softplus(x), 1e-15 * Math.max(1, Math.abs(direct)), "x " + x);
        }
        assertEquals(1000.0, Logistic.softplus(1000), 1e-12, "no overflow: log(1 + e^1000) = 1000 + log1p(e^-1000)");
        assertEquals(0.0, Logistic.softplus(-1000), 0.0);
        // softplus(z) - softplus(-z) = z
        for (double z = -9; z <= 9; z += 0.5) {
            assertEquals(z, Logistic.softplus(z) - Logistic.softplus(-z), 1e-13);
        }
    }

    @Test
    void sigmoidsAgreeWithTheDefinition() {
        for (double x = -30; x <= 30; x += 0.173) {
            // 1 / (1 + e^-x) to 30 digits
            BigDecimal e = new BigDecimal(Math.exp(-x));
            double exact = BigDecimal.ONE.divide(BigDecimal.ONE.add(e), MathContext.DECIMAL128).doubleValue();
            assertEquals(exact, Logistic.sigmoid(x), 1e-15, "x " + x);
            assertEquals(exact, Logistic.floatSigmoid((float) x), 3 * Math.ulp((float) exact) + Math.abs(exact * (1 - exact)) * Math.ulp((float) x),
                    "float, x " + x);
        }
        assertEquals(1f, Logistic.floatSigmoid(200f));
        assertEquals(0f, Logistic.floatSigmoid(-200f));
    }

    /** The table: 1 from 8 on, 0 up to -8, between them the value at the step below (steps of 1/64), within .004 of sigma. */
    @Test
    void tabulatedSigmoidIsTheTableStepBelow() {
        for (float z = -9f; z <= 9f; z += 0.01f) {
            float t = Logistic.tabulatedSigmoid(z);
            if (z >= 8) {
                assertEquals(1f, t);
            } else if (z <= -8) {
                assertEquals(0f, t);
            } else {
                double step = Math.floor((z + 8) * 64) / 64 - 8;
                assertEquals(Logistic.sigmoid(step), t, 1e-7, "z " + z);
                assertEquals(Logistic.sigmoid(z), t, 0.004, "z " + z);
            }
        }
    }
}
