package io.lgc.data;

import static io.lgc.data.IdxFixtures.dataset;
import static io.lgc.data.IdxWriterTest.assertSameDataset;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Every output format is a dataset argument the resolver recognises and reads back. */
class DatasetWriterRoundTripTest {
    @TempDir
    Path dir;

    private static final Dataset GRAY = dataset(9, new ImageShape(1, 4, 3), 3)
            .withClassNames(List.of("T-shirt/top", "Sandal", "Bag"));
    private static final Dataset RGB = dataset(6, new ImageShape(3, 2, 5), 2);

    private ResolvedDataset resolve(Path out) {
        return new DatasetResolver(name -> null, dir.resolve("system")).loadWith(out.toString(), ReadOptions.DEFAULTS);
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = "CSV", mode = EnumSource.Mode.EXCLUDE)
    void grayscaleOutputReadsBack(OutputFormat format) throws IOException {
        Path out = dir.resolve("out");

        DatasetWriter.write(format, GRAY, out);

        ResolvedDataset back = resolve(out);
        assertThat(back.format().id()).isEqualTo(format == OutputFormat.PNG ? "folder" : format.id());
        assertSameDataset(back.dataset(), format == OutputFormat.PNG ? PngFolderWriterTest.classByClass(GRAY) : GRAY);
        assertThat(back.warnings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = "CSV", mode = EnumSource.Mode.EXCLUDE)
    void colourOutputReadsBack(OutputFormat format) throws IOException {
        Path out = dir.resolve("out");

        DatasetWriter.write(format, RGB, out);

        assertSameDataset(resolve(out).dataset(), format == OutputFormat.PNG ? PngFolderWriterTest.classByClass(RGB) : RGB);
    }
}
