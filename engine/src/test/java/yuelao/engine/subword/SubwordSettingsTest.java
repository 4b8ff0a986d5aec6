package yuelao.engine.subword;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The subword settings' validation: each out-of-range value is refused with a message naming its option. */
class SubwordSettingsTest {
    @Test
    void refinementSettingsNameTheOptionThatIsOutOfRange() {
        Map<String, Executable> bad = Map.of(
                "--subword-epochs", () -> SubwordSettings.builder().refinementEpochs(-1).build(),
                "--subword-negatives", () -> SubwordSettings.builder().refinementEpochs(1).sgnsNegatives(-1).build(),
                "--subword-lr", () -> SubwordSettings.builder().refinementEpochs(1).sgnsLr(Double.NaN).build(),
                "--subword-contexts-per-visit", () -> SubwordSettings.builder().refinementEpochs(1).contextsPerVisit(0).build(),
                "--subword-samples", () -> SubwordSettings.builder().refinementEpochs(1).samples(0).build(),
                "--subword-noise-power", () -> SubwordSettings.builder().refinementEpochs(1).noisePower(-0.5).build(),
                "--subword-blend", () -> SubwordSettings.builder().refinementEpochs(1).blend(-1.0).build(),
                "--subword-spectral-power", () -> SubwordSettings.builder().spectralPower(Double.NaN).build(),
                "--subword-drop-top", () -> SubwordSettings.builder().dropTop(-1).build(),
                "--subword-pmi-batch", () -> SubwordSettings.builder().pmiBatch(0).build());
        bad.forEach((option, make) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make, option);
            assertTrue(e.getMessage().startsWith(option + " "), e.getMessage());
        });
        assertDoesNotThrow(() -> SubwordSettings.builder().refinementEpochs(1).build());
    }
}
