package io.lgc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader meets it: opened in a real headless Chromium. Skipped where
 * /usr/bin/chromium is absent (CI installs it); where it is present, a broken page fails.
 */
class ReportInBrowserTest {
    static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
    /** Kept after the run so a person can open what the browser saw. */
    static final Path REPORT = Path.of("target", "report-browser-test");

    @TempDir
    Path tmp;

    @BeforeEach
    void needsChromium() {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.BINARY + " is not installed");
    }

    @Test
    void fullReportLoadsWithEveryImageAndNoConsoleOutput() throws Exception {
        WrittenReport written = ReportWriter.write(REPORT, ReportFixtures.fullInputs(tmp));
        Files.deleteIfExists(SCREENSHOT);

        HeadlessChromium.PageCheck page = HeadlessChromium.open(written.index(), SCREENSHOT, tmp);

        assertThat(page.problems()).isEmpty();
        assertThat(page.count("images")).hasValue(written.pictures().size());
        for (String id : written.sections()) {
            assertThat(page.dom()).contains("<section id=\"" + id + "\">");
        }
        assertThat(page.dom()).contains("id=\"page-problems\"").contains("hidden");
        BufferedImage shot = ImageIO.read(SCREENSHOT.toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(shot.getHeight()).isEqualTo(2000);
        assertThat(distinctColours(shot)).as("colours in the screenshot").isGreaterThan(50);
    }

    @Test
    void aMissingPictureIsCaught() throws Exception {
        WrittenReport written = ReportWriter.write(tmp.resolve("report"), ReportFixtures.fullInputs(tmp));
        Files.delete(written.pictures().get(written.pictures().size() - 1));

        HeadlessChromium.PageCheck page = HeadlessChromium.open(written.index(), tmp.resolve("shot.png"), tmp);

        assertThat(page.problems()).contains("1 of " + written.pictures().size() + " images did not load",
                "1 errors on the page");
        // The reader is told too, not only the test.
        assertThat(page.dom()).contains("pictures did not load");
    }

    @Test
    void aScriptErrorIsCaught() throws Exception {
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p>"
                + "<script>document.body.dataset.images = '0'; document.body.dataset.imagesOk = '0';"
                + "document.body.dataset.pageErrors = '0'; notDefined();</script></body></html>");

        HeadlessChromium.PageCheck check = HeadlessChromium.open(page, tmp.resolve("shot.png"), tmp);

        assertThat(check.consoleLines()).anySatisfy(l -> assertThat(l).contains("notDefined"));
        assertThat(check.problems()).isNotEmpty();
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
