package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Speed work on decoding and writing must not change what {@code lgc reconstruct} writes. The
 * digests below were computed by the build before that work (main at 2253272) from a small
 * committed convolutional artifact (Fashion-MNIST test set, 1 epoch, latent 4, 2 components, int8),
 * with 1,230 samples: more than one decoder batch, and a last batch that is not full.
 *
 * <p>Files written since December 2026 record {@code decoder_arithmetic} "fused", which LGC computes
 * another way (io.lgc.model.FusedLayers); {@code tiny-conv-fused.lgc} is the same artifact written so,
 * and its digests, computed by the first build that fused, pin that arithmetic in turn.
 */
class ReconstructBytesPinnedTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "tiny-conv.lgc, idx, 2bdfe9223f330c309f23b9cf16658f7a6e654f2340159bbd44ec79a0b2327f1b",
        "tiny-conv.lgc, png, e592bd65d83198aaeb56ba1a6fcf92c01f11d68fffde06ad29c89219917ac00e",
        "tiny-conv.lgc, npz, ce684061183cf80aa5cbc513a17f8b78fdf2aeff1f71d288f09db26bd6a290e8",
        "tiny-conv-fused.lgc, idx, a323c16b45131109719dce4c856ccfe5d725a58dd83943dadf30e0521df218b7",
        "tiny-conv-fused.lgc, png, 202bf9b4ea26a7f8dbc04f2205191de0f0a6088a5c7497c79399bf97e58a7281",
        "tiny-conv-fused.lgc, npz, 071a35e16a39fb950db42ff49431606e115c6e472ae02993f44f55e6ce13648b",
    })
    void reconstructWritesTheSameBytesAsBefore(String file, String format, String expected) throws Exception {
        Path out = tmp.resolve(file + "-" + format);
        // pinned at the spread they were recorded with, before the default became 1.2
        CliRun run = CliRun.of("reconstruct", resource(file).toString(), "-o", out.toString(), "--per-class", "123",
                "--seed", "5", "--format", format, "--spread", "1.0", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(digest(out)).isEqualTo(expected);
    }

    @Test
    void theDefaultSpreadIsOnePointTwo() throws Exception {
        String[] spreads = {null, "1.2", "1.0"};
        String[] digests = new String[spreads.length];
        for (int i = 0; i < spreads.length; i++) {
            Path out = tmp.resolve("spread-" + i);
            List<String> args = new java.util.ArrayList<>(List.of("reconstruct", artifact().toString(), "-o",
                    out.toString(), "--per-class", "50", "--seed", "5", "--quiet"));
            if (spreads[i] != null) {
                args.addAll(List.of("--spread", spreads[i]));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            digests[i] = digest(out);
        }
        assertThat(digests[0]).isEqualTo(digests[1]).isNotEqualTo(digests[2]);
    }

    private static Path artifact() throws URISyntaxException {
        return resource("tiny-conv.lgc");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReconstructBytesPinnedTest.class.getResource("/speed/" + name).toURI());
    }

    /** SHA-256 over every file's relative path and bytes, in path order. */
    static String digest(Path dir) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
