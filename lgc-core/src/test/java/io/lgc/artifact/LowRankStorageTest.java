package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import io.lgc.artifact.container.Codec;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.Section;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A file whose full covariances are stored as loading vectors plus a diagonal: header
 * {@code covariance_type "lowrank"} with {@code covariance_rank}, blocks of (R + 1)·d values, read back as
 * the full covariances W·Wᵀ + diag(ψ); forged ones are refused naming what is wrong.
 */
class LowRankStorageTest {
    private static final int RANK = 2;

    @TempDir
    Path dir;

    private static CompressedDataset ranked() {
        CompressedDataset tiny = TinyArtifacts.tiny(CovarianceType.FULL, 11);
        return new CompressedDataset(tiny.metadata().withCovarianceRank(RANK), tiny.mixtures(), tiny.decoderWeights());
    }

    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FP32", "FP16", "INT8"})
    void theFileHoldsTheLowRankFormAndReadsBackAsItsCovariances(Precision mixtures) throws IOException {
        CompressedDataset data = ranked();
        Path file = dir.resolve("lowrank.lgc");
        ArtifactFile.write(file, data, new StoragePrecision(Precision.FP32, mixtures));
        VerifiedArtifact read = ArtifactFile.readVerified(file);
        assertThat(read.header().get("covariance_type").getAsString()).isEqualTo("lowrank");
        assertThat(read.header().get("covariance_rank").getAsInt()).isEqualTo(RANK);
        ArtifactMetadata meta = read.dataset().metadata();
        assertThat(meta.covarianceType()).isEqualTo(CovarianceType.FULL);
        assertThat(meta.covarianceRank()).isEqualTo(RANK);
        int d = TinyArtifacts.LATENT;
        double tolerance = mixtures == Precision.FP32 ? 1e-5 : mixtures == Precision.FP16 ? 5e-3 : 3e-2;
        for (int c = 0; c < data.mixtures().size(); c++) {
            GaussianMixture fitted = data.mixtures().get(c);
            double[] expected = LowRankFactors.unpack(LowRankFactors.pack(fitted.covariancesFlat(), d, RANK), d, RANK);
            double[] stored = read.dataset().mixtures().get(c).covariancesFlat();
            for (int i = 0; i < expected.length; i++) {
                assertThat(stored[i]).as("class %d value %d", c, i).isCloseTo(expected[i],
                        within(tolerance * (1 + Math.abs(expected[i]))));
            }
        }
        // and the rank did move them: these are not the fitted covariances
        assertThat(read.dataset().mixtures().get(0).covariancesFlat()[1])
                .isNotCloseTo(data.mixtures().get(0).covariancesFlat()[1], within(1e-3));
    }

    @Test
    void aBlockIsRankPlusOneRowsOfTheLatentsValuesEachWithItsScaleAtInt8() {
        Container c = ArtifactFile.toContainer(ranked(), new StoragePrecision(Precision.FP32, Precision.INT8));
        Section mixtures = c.section("mixtures");
        assertThat(mixtures.tensor("class.0.covariance_factors").shape())
                .containsExactly(2, (RANK + 1) * TinyArtifacts.LATENT);
        assertThat(mixtures.tensor("class.0.covariance_factors.scale").shape()).containsExactly(2, RANK + 1);
    }

    @Test
    void aFullFileIsUnchangedByTheNewKind() throws IOException {
        CompressedDataset tiny = TinyArtifacts.tiny(CovarianceType.FULL, 11);
        Path whole = dir.resolve("whole.lgc");
        ArtifactFile.write(whole, tiny, StoragePrecision.FP32);
        assertThat(ArtifactFile.readVerified(whole).header().has("covariance_rank")).isFalse();
        Path again = dir.resolve("again.lgc");
        ArtifactFile.write(again, new CompressedDataset(tiny.metadata().withCovarianceRank(0), tiny.mixtures(),
                tiny.decoderWeights()), StoragePrecision.FP32);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(whole));
    }

    @Test
    void aRankOutsideOneToTheLatentDimensionIsRefusedInTheHeader() throws IOException {
        Container c = ArtifactFile.toContainer(ranked(), StoragePrecision.FP32);
        assertRejected(header(c, h -> h.addProperty("covariance_rank", TinyArtifacts.LATENT)), "covariance_rank");
        assertRejected(header(c, h -> h.addProperty("covariance_rank", 0)), "covariance_rank");
        assertRejected(header(c, h -> h.remove("covariance_rank")), "covariance_rank");
        Container whole = ArtifactFile.toContainer(TinyArtifacts.tiny(), StoragePrecision.FP32);
        assertRejected(header(whole, h -> h.addProperty("covariance_rank", 1)),
                "covariance_rank applies only to covariance_type lowrank");
    }

    @Test
    void aStandardDeviationThatIsNotPositiveIsRefused() throws IOException {
        Container c = ArtifactFile.toContainer(ranked(), StoragePrecision.FP32);
        NamedTensor factors = c.section("mixtures").tensor("class.1.covariance_factors");
        float[] values = factors.toFloats();
        values[RANK * TinyArtifacts.LATENT + 3] = 0; // the last coordinate's deviation in the first block
        assertRejected(replace(c, NamedTensor.ofFloats(factors.name(), factors.shape(), values)),
                "class.1.covariance_factors", "standard deviation 0.0", "low-rank factors need positive ones");
    }

    @Test
    void onlyFullCovariancesBelowTheLatentDimensionTakeARank() {
        ArtifactMetadata diag = TinyArtifacts.tiny(CovarianceType.DIAG, 1).metadata();
        assertThatThrownBy(() -> diag.withCovarianceRank(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of full covariances");
        ArtifactMetadata full = TinyArtifacts.tiny().metadata();
        assertThatThrownBy(() -> full.withCovarianceRank(TinyArtifacts.LATENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> full.withCovarianceRank(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRejected(Container forged, String... fragments) throws IOException {
        Path file = dir.resolve("forged.lgc");
        ContainerWriter.write(file, forged, Codec.AUTO);
        assertThatThrownBy(() -> ArtifactFile.read(file)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContainingAll(fragments);
    }

    private static Container header(Container c, java.util.function.Consumer<JsonObject> change) {
        JsonObject h = c.header().deepCopy();
        change.accept(h);
        return new Container(h, c.sections());
    }

    private static Container replace(Container c, NamedTensor tensor) {
        List<NamedTensor> tensors = new ArrayList<>();
        for (NamedTensor t : c.section("mixtures").tensors()) {
            tensors.add(t.name().equals(tensor.name()) ? tensor : t);
        }
        Section mixtures = new Section("mixtures", tensors, c.section("mixtures").metadata());
        return new Container(c.header(), List.of(mixtures, c.section("decoder")));
    }
}
