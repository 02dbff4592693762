package io.lgc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.artifact.CompressedDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's sections and files, with and without the optional inputs, and how it replaces an old one. */
class ReportWriterTest {
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>");
    private static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]*)\"");
    private static final Pattern ALT = Pattern.compile("\\balt=\"([^\"]*)\"");
    private static final Pattern SECTION = Pattern.compile("<section id=\"([a-z-]+)\">");

    private static CompressedDataset plain;
    private static CompressedDataset withBic;

    @TempDir
    Path tmp;

    @BeforeAll
    static void artifacts() {
        plain = ReportFixtures.artifact(false);
        withBic = ReportFixtures.artifact(true);
    }

    @Test
    void artifactAloneGivesSamplesLatentSpaceAndComparison() throws IOException {
        Path dir = tmp.resolve("report");
        WrittenReport written = ReportWriter.write(dir, ReportInputs.builder(plain).build());

        assertThat(written.sections()).containsExactly("overview", "samples", "latent");
        assertThat(names(written.pictures())).containsExactlyInAnyOrder("samples-decoded-0.png",
                "samples-decoded-1.png", "samples-decoded-2.png", "latent-projection.png", "components-k2.png",
                "components-k5.png");
        String html = Files.readString(written.index());
        assertThat(sectionIds(html)).containsExactlyElementsOf(written.sections());
        assertThat(html).contains("Not in this report").contains("--eval FILE.json").contains("--sweep FILE.json")
                .contains("--real DATASET").contains("sampled from the mixtures");
        assertPageMatchesDirectory(dir, html);
    }

    @Test
    void everyInputAddsItsSection() throws IOException {
        Path dir = tmp.resolve("full");
        WrittenReport written = ReportWriter.write(dir, ReportFixtures.fullInputs(tmp));

        assertThat(written.sections()).containsExactly("overview", "samples", "latent", "bic", "evaluation", "sweep",
                "audit", "size");
        assertThat(names(written.pictures())).contains("samples-real-0.png", "samples-real-2.png",
                "bic-curves.png", "confusion.png", "rate-accuracy.png", "audit-closest-pairs.png").doesNotContain("accuracy-per-class.png");
        String html = Files.readString(written.index());
        assertThat(html).doesNotContain("Not in this report").contains("the real data&#39;s latents")
                .contains("80.0 %") // the evaluation's accuracy
                .contains("square &lt;b&gt;").doesNotContain("square <b>") // class names are escaped
                .contains("decoder (").contains("mixtures (3 classes")
                .contains("share closer to training than to holdout</td><td>0.531</td><td>0.520</td>")
                .contains("0.610 (0.550–0.670)");
        assertPageMatchesDirectory(dir, html);
        // Real and decoded strips hold as many samples as asked, at the same scale.
        var real = ImageIO.read(dir.resolve("samples-real-1.png").toFile());
        var decoded = ImageIO.read(dir.resolve("samples-decoded-1.png").toFile());
        int scale = SampleStrip.scale(ReportFixtures.SHAPE);
        assertThat(decoded.getHeight()).isEqualTo(8 * scale);
        assertThat(decoded.getWidth()).isEqualTo(ReportInputs.DEFAULT_SAMPLES_PER_CLASS * (8 * scale + SampleStrip.GAP)
                - SampleStrip.GAP);
        assertThat(real.getWidth()).isEqualTo(decoded.getWidth());
    }

    @Test
    void perClassAccuracyBarsWhenTheEvaluationHasNoConfusionMatrix() throws IOException {
        WrittenReport written = ReportWriter.write(tmp.resolve("bars"), ReportInputs.builder(plain)
                .evaluation(Evaluation.parse(ReportFixtures.evaluationJson(false), "eval.json")).build());
        assertThat(written.sections()).contains("evaluation");
        assertThat(names(written.pictures())).contains("accuracy-per-class.png").doesNotContain("confusion.png");
    }

    @Test
    void sameInputsAndSeedGiveTheSamePictures() throws IOException {
        ReportInputs inputs = ReportInputs.builder(plain).seed(9).build();
        WrittenReport a = ReportWriter.write(tmp.resolve("a"), inputs);
        WrittenReport b = ReportWriter.write(tmp.resolve("b"), inputs);
        for (int i = 0; i < a.pictures().size(); i++) {
            assertThat(b.pictures().get(i)).hasSameBinaryContentAs(a.pictures().get(i));
        }
        WrittenReport c = ReportWriter.write(tmp.resolve("c"), ReportInputs.builder(plain).seed(10).build());
        assertThat(Files.readAllBytes(c.pictures().get(0))).isNotEqualTo(Files.readAllBytes(a.pictures().get(0)));
    }

    @Test
    void anEarlierReportIsReplacedWholeWithoutItsStalePictures() throws IOException {
        Path dir = tmp.resolve("again");
        ReportWriter.write(dir, ReportFixtures.fullInputs(tmp));
        assertThat(dir.resolve("confusion.png")).exists();

        WrittenReport second = ReportWriter.write(dir, ReportInputs.builder(plain).build());

        assertThat(dir.resolve("confusion.png")).doesNotExist();
        assertThat(dir.resolve("samples-real-0.png")).doesNotExist();
        assertThat(Files.readString(second.index())).doesNotContain("confusion.png");
        assertPageMatchesDirectory(dir, Files.readString(second.index()));
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void aReportDirectoryHoldingOtherFilesIsNeverReplaced() throws IOException {
        Path dir = tmp.resolve("again");
        ReportWriter.write(dir, ReportFixtures.fullInputs(tmp));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        // A doctored manifest may not make the writer take anything else for its own.
        Files.write(dir.resolve(ReportDirectory.MANIFEST), List.of("notes.txt"), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> ReportWriter.write(dir, ReportInputs.builder(plain).build()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(dir + ": exists and holds notes.txt");

        assertThat(dir.resolve("notes.txt")).hasContent("mine");
        assertThat(dir.resolve("confusion.png")).exists();
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void aFileInTheWayIsRefusedAndNothingIsLeftBehind() throws IOException {
        Path file = tmp.resolve("taken");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> ReportWriter.write(file, ReportInputs.builder(plain).build()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ": exists and is not a directory");
        assertThat(file).hasContent("x");
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void realDataOfAnotherShapeIsRefusedNamingIt() {
        var other = new io.lgc.data.Dataset(new byte[3 * 16], new int[] {0, 1, 2}, ReportFixtures.CLASSES,
                new io.lgc.data.ImageShape(1, 4, 4));
        assertThatThrownBy(() -> ReportInputs.builder(plain).realData(other, "tiny/").build())
                .isInstanceOf(InputException.class).hasMessage("tiny/: samples are 1x4x4, the artifact's are 1x8x8");
    }

    /**
     * The page references exactly the pictures the writer put beside it (all of them PNGs that
     * decode), each with alt text, nothing outside the directory, and no resources from the web.
     */
    static void assertPageMatchesDirectory(Path dir, String html) throws IOException {
        Set<String> referenced = new TreeSet<>();
        Matcher img = IMG.matcher(html);
        while (img.find()) {
            Matcher src = SRC.matcher(img.group());
            Matcher alt = ALT.matcher(img.group());
            assertThat(src.find()).as("src in %s", img.group()).isTrue();
            assertThat(alt.find()).as("alt in %s", img.group()).isTrue();
            assertThat(alt.group(1)).as("alt text of %s", src.group(1)).isNotBlank();
            referenced.add(src.group(1));
        }
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.matches(ReportDirectory.PICTURE_NAME))
                    .filter(n -> !n.equals("mine.png")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(referenced).isNotEmpty().isEqualTo(onDisk);
        for (String name : referenced) {
            assertThat(ImageIO.read(dir.resolve(name).toFile())).as(name).isNotNull();
        }
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//").doesNotContain("@import")
                .doesNotContain("url(");
        assertThat(html).contains("<title>").contains("<html lang=\"en\">");
    }

    private List<String> stagingLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && (n.endsWith(".tmp") || n.contains(".tmp-"))).toList();
        }
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static List<String> sectionIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = SECTION.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
