package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The library names its parameters as a Java caller knows them; the command line prints every such
 * message under its own flags, so its messages read as the user typed the options.
 */
class ParameterFlagsTest {
    @TempDir
    Path dir;

    @Test
    void everyParameterTheLibraryCanNameIsAFlagOfSomeCommand() {
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        Set<String> options = optionNames(Main.commandLine(none, none));

        for (Parameter parameter : Parameter.values()) {
            assertThat(options).as(parameter.name()).contains(ParameterFlags.flag(parameter));
        }
    }

    @Test
    void aMessageNamingParametersReadsWithTheFlagsAndAnyOtherIsLeftAlone() {
        ParameterException named = new ParameterException(Parameter.FEATURE_EPOCHS, " (5) cannot exceed ",
                Parameter.EPOCHS, " (2)");

        assertThat(ParameterFlags.message(named)).isEqualTo("--feature-epochs (5) cannot exceed --epochs (2)");
        assertThat(ParameterFlags.message(new InputException("x.lgc: not an artifact")))
                .isEqualTo("x.lgc: not an artifact");
    }

    @Test
    void configErrorsOfTheLibraryComeOutUnderTheFlags() {
        assertRefused("--feature-epochs (5) cannot exceed --epochs (2)", "--epochs", "2", "--feature-epochs", "5");
        assertRefused("--model must be auto, conv or dense, got 'rnn'", "--model", "rnn");
        assertRefused("--components must be a number, 'auto' or 'auto:MIN-MAX', got 'many'", "--components", "many");
        assertRefused("--components auto:3-2 needs 1 <= MIN <= MAX", "--components", "auto:3-2");
        assertRefused("--label-column must name a column, got ' '", "--label-column", " ");
        assertRefused("--channels must be 1 (grayscale) or 3 (RGB), got 2", "--channels", "2");
    }

    @Test
    void adviceOnWhichOptionToGiveNamesTheFlag() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.write(SyntheticImages.bands(3, 2, 4, 1), data, "train");
        Path images = data.resolve("train-images-idx3-ubyte.gz");
        Path existing = Files.writeString(dir.resolve("old.lgc"), "an earlier file");
        assertThat(errorOf("compress", images.toString(), "-o", existing.toString(), "-q"))
                .isEqualTo(existing + ": exists; pass --force to replace it");

        Files.delete(data.resolve("train-labels-idx1-ubyte.gz"));
        assertThat(errorOf("compress", images.toString(), "-o", dir.resolve("a.lgc").toString(), "-q"))
                .isEqualTo(images + ": labels file " + data.resolve("train-labels-idx1-ubyte.gz")
                        + " not found beside it; name the labels file with --labels");
    }

    @Test
    void readerAndDecoderAdviceNamesTheFlags() throws IOException {
        Path folder = dir.resolve("folder");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png",
                Files.createDirectories(folder.resolve("b")).resolve("good.png").toFile());
        Path bad = Files.writeString(Files.createDirectories(folder.resolve("a")).resolve("bad.png"), "no image");
        assertThat(errorOf("compress", folder.toString(), "-o", dir.resolve("a.lgc").toString(), "-q"))
                .isEqualTo(bad + ": cannot read the image: not a PNG, JPEG, BMP or GIF image"
                        + " (--skip-bad leaves unreadable images out)");

        Path large = dir.resolve("large");
        IdxWriter.write(SyntheticImages.bands(2, 2, 100, 1), large, "train");
        assertThat(errorOf("compress", large.resolve("train-images-idx3-ubyte.gz").toString(), "-o",
                dir.resolve("b.lgc").toString(), "--decoder", "pca", "-q"))
                .endsWith(": resize the images (--size) or use --decoder autoencoder");
    }

    @Test
    void aTableRefusedByTheProtocolIsToldTheProtocolFlag() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i * 0.5).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        Path table = Files.writeString(dir.resolve("table.csv"), csv);

        assertThat(errorOf("evaluate", "--train", table.toString(), "--test", table.toString(), "--protocol",
                "convnet")).isEqualTo(table + ": a table; --protocol convnet trains a CNN on images; a table is"
                        + " evaluated with --protocol fast (an MLP on its standardised features)");
    }

    /** {@code lgc compress} of a dataset that is never read, with {@code options}, refused with {@code message}. */
    private void assertRefused(String message, String... options) {
        String[] args = new String[4 + options.length];
        args[0] = "compress";
        args[1] = dir.resolve("absent-images-idx3-ubyte").toString();
        args[2] = "-o";
        args[3] = dir.resolve("a.lgc").toString();
        System.arraycopy(options, 0, args, 4, options.length);
        assertThat(errorOf(args)).as(String.join(" ", options)).isEqualTo(message);
    }

    /** The one line a refused command prints, without "lgc: ". */
    private static String errorOf(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lgc: ").endsWith("\n");
        return run.err().substring("lgc: ".length()).stripTrailing();
    }

    private static Set<String> optionNames(CommandLine command) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            names.addAll(Set.of(option.names()));
        }
        command.getSubcommands().values().forEach(sub -> names.addAll(optionNames(sub)));
        return names;
    }
}
