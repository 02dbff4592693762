package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import io.lgc.network.NetworkSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateCompressTest {
    @TempDir
    Path dir;

    private Path train;

    @BeforeEach
    void dataset() throws Exception {
        train = dir.resolve("train");
        IdxWriter.write(SyntheticImages.bands(100, 3, 8, 1), train, "train");
    }

    @Test
    void writesAFileThatRecordsItsGuaranteeAndNoSource() throws Exception {
        Path file = dir.resolve("dp.lgc");
        CliRun run = CliRun.of("compress", train.toString(), "-o", file.toString(), "--epsilon", "2", "--delta",
                "1e-4", "--latent-dim", "4", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("differential privacy: (2.0, 1.0E-4)-DP");
        CompressedDataset data = ArtifactFile.read(file);
        JsonObject provenance = data.metadata().provenance();
        assertThat(provenance.has("source")).isFalse();
        assertThat(provenance.getAsJsonObject("differential_privacy").get("epsilon").getAsDouble()).isEqualTo(2.0);
        assertThat(data.mixtures()).hasSize(3).allSatisfy(m -> assertThat(m.components()).isEqualTo(1));
        CliRun inspect = CliRun.of("inspect", file.toString());
        assertThat(inspect.out()).contains("differential privacy: (2.0, 1.0E-4)-DP for adding or removing one record")
                .contains("source: not recorded");
        CliRun reconstruct = CliRun.of("reconstruct", file.toString(), "-o", dir.resolve("recon").toString(),
                "--per-class", "5", "-q");
        assertThat(reconstruct.exitCode()).as(reconstruct.err()).isZero();
    }

    @Test
    void theSameSeedTwiceGivesFreshNoiseAndTheFileRecordsNoSeed() throws Exception {
        Path a = compressPrivately("a.lgc", "--seed", "1");
        Path b = compressPrivately("b.lgc", "--seed", "1");
        CompressedDataset first = ArtifactFile.read(a);
        CompressedDataset second = ArtifactFile.read(b);
        assertThat(second.mixtures().get(0).means()[0]).isNotEqualTo(first.mixtures().get(0).means()[0]);
        for (CompressedDataset file : List.of(first, second)) {
            assertThat(file.metadata().provenance().toString().toLowerCase(Locale.ROOT)).doesNotContain("seed");
        }
    }

    @Test
    void anEqualNoiseSeedGivesTheSameBytesAndIsNeverWrittenDown() throws Exception {
        Path a = compressPrivately("a.lgc", "--noise-seed", "424242", "--components", "2");
        Path b = compressPrivately("b.lgc", "--noise-seed", "424242", "--components", "2");
        Path c = compressPrivately("c.lgc", "--noise-seed", "424243", "--components", "2");
        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        assertThat(Files.mismatch(a, c)).isNotEqualTo(-1);
        String header = ArtifactFile.read(a).metadata().provenance().toString().toLowerCase(Locale.ROOT);
        assertThat(header).doesNotContain("seed").doesNotContain("424242");
        assertThat(CliRun.of("inspect", a.toString()).out()).contains("whoever knows it can remove the noise");
    }

    @Test
    void inspectWarnsThatAnOlderFileWhichRecordsItsNoiseSeedIsNotPrivate() {
        JsonObject old = new JsonObject();
        old.addProperty("seed", 1);
        old.add("differential_privacy", new JsonObject());
        assertThat(InspectCommand.privacyDetails(old)).anySatisfy(line -> assertThat(line)
                .contains("warning: this file records the seed that drew its noise").contains("no guarantee"));
    }

    @Test
    void refusesBudgetsThatAreNoGuarantee() {
        assertRefused("--epsilon must be a positive number, got 0", "--epsilon", "0");
        assertRefused("--epsilon must be a positive number, got NaN", "--epsilon", "NaN");
        // 300 records: delta must stay below 1/300
        assertRefused("--delta must be above 0 and below 1/n", "--epsilon", "1", "--delta", "0.01");
        assertRefused("--delta must be above 0 and below 1/n", "--epsilon", "1", "--delta", "0");
        assertRefused("--delta applies only with --epsilon", "--delta", "1e-6");
        assertRefused("--noise-seed applies only with --epsilon", "--noise-seed", "3");
        assertRefused("--budget-split must be three positive weights COUNTS,SUMS,MOMENTS, got '1,0,2'", "--epsilon",
                "1", "--budget-split", "1,0,2");
        assertRefused("--budget-split applies only with --epsilon", "--budget-split", "1,1,2");
        assertRefused("--private-fit must be em, partition or axes, got 'x'", "--epsilon", "1", "--private-fit", "x");
        assertRefused("--private-fit axes needs --decoder-from or --public-data", "--epsilon", "1",
                "--private-fit", "axes");
        assertRefused("--private-fit partition needs --decoder-from or --public-data", "--epsilon", "1",
                "--private-fit", "partition");

        assertRefused("--clip-quantile applies with --decoder-from or --public-data", "--epsilon", "1",
                "--clip-quantile", "0.9");
        assertRefused("--clip-quantile must be in (0, 1], got 1.5", "--epsilon", "1", "--decoder-from", "x.lgc",
                "--clip-quantile", "1.5");
    }

    @Test
    void refusesOptionsItWouldOtherwiseIgnore() {
        assertRefused("--decoder does not apply with --epsilon", "--epsilon", "1", "--decoder", "autoencoder");
        assertRefused("--components must be a whole number >= 1 with --epsilon", "--epsilon", "1", "--components",
                "auto");
        assertRefused("--decoder-from applies only with --epsilon", "--decoder-from", "x.lgc");
        assertRefused("--latent-dim does not apply with --decoder-from", "--epsilon", "1", "--decoder-from", "x.lgc",
                "--latent-dim", "4");
    }

    @Test
    void takesTheDecoderFromAPublicFileAndSaysSo() throws Exception {
        Path publicData = dir.resolve("public");
        IdxWriter.write(SyntheticImages.bands(60, 3, 8, 9), publicData, "train");
        Path publicFile = dir.resolve("public.lgc");
        CliRun pub = CliRun.of("compress", publicData.toString(), "-o", publicFile.toString(), "--decoder", "pca",
                "--latent-dim", "3", "--components", "1", "--precision", "fp32", "-q");
        assertThat(pub.exitCode()).as(pub.err()).isZero();
        Path file = dir.resolve("dp.lgc");
        CliRun run = CliRun.of("compress", train.toString(), "-o", file.toString(), "--epsilon", "2", "--delta",
                "1e-4", "--decoder-from", publicFile.toString(), "--components", "2", "--precision", "fp32", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CompressedDataset data = ArtifactFile.read(file);
        assertThat(data.metadata().latentDim()).isEqualTo(3);
        assertThat(data.mixtures()).allSatisfy(m -> assertThat(m.components()).isEqualTo(2));
        String weight = NetworkSpec.parameterName(0, "weight");
        assertThat(data.decoderWeights().get(weight))
                .containsExactly(ArtifactFile.read(publicFile).decoderWeights().get(weight));
        CliRun inspect = CliRun.of("inspect", file.toString());
        assertThat(inspect.out()).contains("decoder from public file public.lgc (sha256 ")
                .contains("least-squares inverse of the public linear decoder")
                .contains("step component squared coordinates along public axes") // the default, public decoder
                .doesNotContain("EM iteration")
                .doesNotContain("sum of images");
        Path em = dir.resolve("em.lgc");
        CliRun withEm = CliRun.of("compress", train.toString(), "-o", em.toString(), "--epsilon", "2", "--delta",
                "1e-4", "--decoder-from", publicFile.toString(), "--components", "2", "--private-fit", "em", "-q");
        assertThat(withEm.exitCode()).as(withEm.err()).isZero();
        assertThat(CliRun.of("inspect", em.toString()).out()).contains("step EM iteration 5: component second moments");
    }

    @Test
    void trainsTheDecoderOnPublicDataAndRecordsItsNameAndDigest() throws Exception {
        Path publicData = dir.resolve("public");
        IdxWriter.write(SyntheticImages.bands(40, 3, 8, 9), publicData, "train");
        Path file = dir.resolve("dp.lgc");
        CliRun run = CliRun.of("compress", train.toString(), "-o", file.toString(), "--epsilon", "2", "--delta",
                "1e-4", "--public-data", publicData.toString(), "--latent-dim", "3", "--epochs", "1",
                "--feature-epochs", "0", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CompressedDataset data = ArtifactFile.read(file);
        assertThat(data.metadata().latentDim()).isEqualTo(3);
        JsonObject from = data.metadata().provenance().getAsJsonObject("differential_privacy")
                .getAsJsonObject("public_data");
        assertThat(from.get("name").getAsString()).isEqualTo("public");
        assertThat(from.get("sha256").getAsString()).hasSize(64);
        assertThat(from.get("records").getAsInt()).isEqualTo(120);
        assertThat(CliRun.of("inspect", file.toString()).out())
                .contains("decoder of an autoencoder trained on the public data public (120 records, sha256 ")
                .contains("step component squared coordinates along public axes"); // the default, also for K = 1
        assertRefused("--public-data and --decoder-from both give the decoder; use one", "--epsilon", "1",
                "--public-data", publicData.toString(), "--decoder-from", "x.lgc");
        assertRefused("--public-data applies only with --epsilon", "--public-data", publicData.toString());
        assertRefused("--epochs does not apply with --epsilon", "--epsilon", "1", "--epochs", "2");
        assertRefused(dir.resolve("nowhere").toString(), "--epsilon", "1", "--public-data",
                dir.resolve("nowhere").toString());
    }

    @Test
    void refusesAPublicDecoderOfAnotherImageShape() throws Exception {
        Path other = dir.resolve("other");
        IdxWriter.write(SyntheticImages.bands(30, 3, 6, 9), other, "train");
        Path publicFile = dir.resolve("public6.lgc");
        assertThat(CliRun.of("compress", other.toString(), "-o", publicFile.toString(), "--decoder", "pca",
                "--latent-dim", "3", "--components", "1", "-q").exitCode()).isZero();
        assertRefused(publicFile + ": decodes 1x6x6 images, but", "--epsilon", "1", "--decoder-from",
                publicFile.toString());
        assertRefused("x.lgc", "--epsilon", "1", "--decoder-from", dir.resolve("x.lgc").toString());
    }

    private Path compressPrivately(String name, String... options) {
        Path file = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("compress", train.toString(), "-o", file.toString(),
                "--epsilon", "0.5", "--delta", "1e-4", "--latent-dim", "4", "--precision", "fp32", "-q"));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return file;
    }

    private void assertRefused(String message, String... options) {
        Path out = dir.resolve("refused.lgc");
        String[] args = new String[options.length + 4];
        args[0] = "compress";
        args[1] = train.toString();
        args[2] = "-o";
        args[3] = out.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(message);
        assertThat(Files.exists(out)).isFalse();
    }
}
