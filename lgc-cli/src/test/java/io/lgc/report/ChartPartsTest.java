package io.lgc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of the charts that carry arithmetic or parsing. */
class ChartPartsTest {
    @Test
    void logAxisTicksAtRoundSizes() {
        assertThat(LogBytesAxis.roundValues(7_000, 90_000)).containsExactly(10_000.0, 20_000.0, 50_000.0);
        assertThat(LogBytesAxis.roundValues(900, 2e7)).containsExactly(1e3, 1e4, 1e5, 1e6, 1e7);
        assertThat(LogBytesAxis.roundValues(0, 10)).isEmpty();
    }

    @Test
    void humanByteCounts() {
        assertThat(Bytes.human(999)).isEqualTo("999 B");
        assertThat(Bytes.human(7_840)).isEqualTo("7.8 KB");
        assertThat(Bytes.human(326_656)).isEqualTo("327 KB");
        assertThat(Bytes.human(1_250_000)).isEqualTo("1.3 MB");
    }

    @Test
    void confusionRowsBecomeSharesOfTheTrueClass() {
        double[][] shares = ConfusionChart.rowShares(new double[][] {{90, 10}, {0, 0}, {1, 3}});
        assertThat(shares[0]).containsExactly(new double[] {0.9, 0.1}, within(1e-12));
        assertThat(shares[1]).containsExactly(0, 0);
        assertThat(shares[2]).containsExactly(new double[] {0.25, 0.75}, within(1e-12));
    }

    @Test
    void bicCurvesAreReadFromTheMixtureReport() {
        var report = JsonParser.parseString("""
                {"classes": [
                  {"class": "a", "components": 3, "bic_curve": {"1": 30.5, "2": 20, "3": 10, "4": 12}},
                  {"class": "b", "components": 5},
                  {"class": "c", "bic_curve": {"2": 7, "x": 1, "3": 5, "4": 6}},
                  {"class": "d", "bic_curve": {}}]}
                """).getAsJsonObject();
        List<BicSection.Curve> curves = BicSection.curves(report, List.of("A", "B", "C", "D"));
        assertThat(curves).extracting(BicSection.Curve::className).containsExactly("A", "C");
        assertThat(curves.get(0).chosen()).isEqualTo(3);
        assertThat(curves.get(0).bic()).containsKeys(1, 2, 3, 4).containsEntry(1, 30.5);
        assertThat(curves.get(1).chosen()).isEqualTo(3); // no "components": the minimum
        assertThat(curves.get(1).bic()).containsOnlyKeys(2, 3, 4);
        assertThat(BicSection.curves(JsonParser.parseString("{}").getAsJsonObject(), List.of())).isEmpty();
    }

    @Test
    void sampleStripsUpscaleWithoutSmoothing() {
        var shape = new io.lgc.data.ImageShape(1, 2, 2);
        byte[] two = {0, (byte) 255, 10, 20, 30, 40, 50, 60};
        var strip = SampleStrip.render(two, 2, shape, 3);
        assertThat(strip.getWidth()).isEqualTo(2 * 6 + SampleStrip.GAP);
        assertThat(strip.getHeight()).isEqualTo(6);
        assertThat(strip.getRGB(0, 0) & 0xffffff).isEqualTo(0x000000);
        assertThat(strip.getRGB(3, 2) & 0xffffff).isEqualTo(0xffffff); // pixel (1, 0) of sample 0, scaled ×3
        assertThat(strip.getRGB(6, 0) & 0xffffff).isEqualTo(0xffffff); // the gap
        assertThat(strip.getRGB(6 + SampleStrip.GAP + 5, 5) & 0xffffff).isEqualTo(0x3c3c3c); // 60 = 0x3c
        assertThat(SampleStrip.scale(new io.lgc.data.ImageShape(1, 28, 28))).isEqualTo(2);
        assertThat(SampleStrip.scale(new io.lgc.data.ImageShape(3, 32, 32))).isEqualTo(2);
    }
}
