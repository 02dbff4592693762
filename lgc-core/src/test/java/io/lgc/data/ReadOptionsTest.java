package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options, format names and sizes as users type them; the per-class check. */
class ReadOptionsTest {
    @Test
    void defaultsRecogniseTheFormatAndReadAsStored() {
        ReadOptions defaults = ReadOptions.DEFAULTS;

        assertThat(defaults.format()).isNull();
        assertThat(defaults.size()).isNull();
        assertThat(defaults.channels()).isNull();
        assertThat(defaults.skipBad()).isFalse();
        assertThat(defaults.xKey()).isEqualTo("x");
        assertThat(defaults.yKey()).isEqualTo("y");
    }

    @Test
    void theBuilderSetsEveryOptionAndToBuilderKeepsThem() {
        ReadOptions options = ReadOptions.builder().format(InputFormat.FOLDER).labels(Path.of("l"))
                .size(new ImageSize(3, 2)).channels(1).skipBad(true).xKey("a").yKey("b").build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options).isEqualTo(new ReadOptions(InputFormat.FOLDER, Path.of("l"), new ImageSize(3, 2), 1, true,
                "a", "b"));
    }

    @Test
    void refusesChannelCountsOtherThanOneOrThree() {
        assertThatThrownBy(() -> ReadOptions.builder().channels(4).build()).isInstanceOf(InputException.class)
                .hasMessage("ReadOptions.channels must be 1 (grayscale) or 3 (RGB), got 4");
    }

    @Test
    void refusesBlankOrEqualKeys() {
        assertThatThrownBy(() -> ReadOptions.builder().xKey(" ").build())
                .hasMessage("npz images key ' ' must be a non-empty array name");
        assertThatThrownBy(() -> ReadOptions.builder().xKey("y").build())
                .hasMessage("npz images and labels keys must differ, both are 'y'");
    }

    @Test
    void formatNamesParseInAnyCase() {
        assertThat(InputFormat.parse("CIFAR")).isEqualTo(InputFormat.CIFAR);
        assertThat(InputFormat.parse("folder")).isEqualTo(InputFormat.FOLDER);
        assertThat(OutputFormat.parse(" png ")).isEqualTo(OutputFormat.PNG);
        assertThat(InputFormat.parse("CSV")).isEqualTo(InputFormat.CSV);
        assertThat(OutputFormat.parse("csv")).isEqualTo(OutputFormat.CSV);
        assertThatThrownBy(() -> InputFormat.parse("parquet")).isInstanceOf(InputException.class)
                .hasMessage("unknown dataset format 'parquet'; known: idx, folder, cifar, npz, csv");
        assertThatThrownBy(() -> OutputFormat.parse("jpeg"))
                .hasMessage("unknown output format 'jpeg'; known: idx, npz, png, csv");
    }

    @Test
    void sizesParseAsWidthByHeight() {
        assertThat(ImageSize.parse("32x24")).isEqualTo(new ImageSize(32, 24));
        assertThat(ImageSize.parse("28X28").toString()).isEqualTo("28x28");
        for (String bad : List.of("32", "0x5", "x", "-3x3", "3x3x3", "9999999x1")) {
            assertThatThrownBy(() -> ImageSize.parse(bad)).as(bad).isInstanceOf(InputException.class)
                    .hasMessage("ReadOptions.size must be WIDTHxHEIGHT with positive numbers, like 32x32, got '"
                            + bad + "'");
        }
    }

    @Test
    void requireAtLeastNamesTheClassesThatFallShort() {
        Dataset data = new Dataset(new byte[4], new int[] {0, 0, 1, 0}, List.of("a", "b", "c"), new ImageShape(1, 1, 1));

        data.requireAtLeast(0, "unused");
        assertThatThrownBy(() -> data.requireAtLeast(2, "data.npz")).isInstanceOf(InputException.class)
                .hasMessage("data.npz: every class needs at least 2 samples, but 'b' (label 1) has 1, 'c' (label 2) has 0");
        assertThatThrownBy(() -> data.requireAtLeast(4, "d"))
                .hasMessage("d: every class needs at least 4 samples, but 'a' (label 0) has 3, 'b' (label 1) has 1,"
                        + " 'c' (label 2) has 0");
    }

    @Test
    void requireAtLeastShowsFiveClassesAtMost() {
        Dataset data = new Dataset(new byte[0], new int[0], ClassNames.numbered(7), new ImageShape(1, 1, 1));

        assertThatThrownBy(() -> data.requireAtLeast(1, "d")).hasMessageEndingWith("'4' (label 4) has 0 and 2 more classes");
    }
}
