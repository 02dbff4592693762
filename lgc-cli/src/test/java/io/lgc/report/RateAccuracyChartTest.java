package io.lgc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grid of settings reads as each method's frontier: the points no smaller point beats. */
class RateAccuracyChartTest {
    @TempDir
    Path dir;

    private static Sweep.Point p(long bytes, double accuracy) {
        return new Sweep.Point("lgc", bytes, accuracy, "");
    }

    @Test
    void frontierKeepsOnlyPointsMoreAccurateThanEverySmallerOne() {
        List<Sweep.Point> points = List.of(p(300, 0.80), p(100, 0.70), p(200, 0.65), p(400, 0.80), p(500, 0.85),
                p(100, 0.60));
        assertThat(RateAccuracyChart.frontier(points)).containsExactly(p(100, 0.70), p(300, 0.80), p(500, 0.85));
    }

    @Test
    void writesAPngOfTheSweep() throws Exception {
        Sweep sweep = new Sweep("test", List.of(p(100, 0.7), p(300, 0.8), new Sweep.Point("random-subset", 200, 0.6, "")),
                List.of(new Sweep.Point("DC", 78_400, 0.823, "ipc 10")), 0);
        Path png = dir.resolve("sweep.png");
        RateAccuracyChart.writePng(sweep, png);
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(RateAccuracyChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(RateAccuracyChart.HEIGHT);
        assertThat(Files.list(dir)).containsExactly(png); // no temporary file left behind
    }
}
