package io.lgc.artifact;

import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.Codec;
import io.lgc.synth.DecoderLoadCheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.Decoder;
import io.lgc.synth.Reconstructor;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table artifacts: the columns and the feature scaling stored, read back strictly, and undone on reconstruction. */
class TableArtifactTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Precision.class)
    void columnsAndScalingRoundTripExactly(Precision precision) {
        CompressedDataset data = TinyArtifacts.table(CovarianceType.FULL, 3);
        Path file = dir.resolve("t.lgc");
        ArtifactFile.write(file, data, precision);

        VerifiedArtifact read = ArtifactFile.readVerified(file);
        ArtifactMetadata m = read.dataset().metadata();
        assertThat(m.isTable()).isTrue();
        assertThat(m.samples()).isEqualTo(new TableFormat(TinyArtifacts.TABLE, TinyArtifacts.TABLE_SCALING));
        assertThat(m.classNames()).isEqualTo(TinyArtifacts.CLASSES);
        assertThat(read.parts().formatVersion()).isEqualTo("1.1");
        JsonObject header = read.header();
        assertThat(header.get("kind").getAsString()).isEqualTo("table");
        assertThat(header.get("sample_shape").toString()).isEqualTo("[3]");
        assertThat(header.get("columns").toString()).isEqualTo("[\"width\",\"species\",\"height \\\"cm\\\"\",\"mass, kg\"]");
        assertThat(header.get("label_column").getAsString()).isEqualTo("species");
        assertThat(header.has("pixel_scaling")).isFalse();
        DecoderLoadCheck.run(read.dataset(), file.toString());
    }

    @Test
    void aTableArtifactDecodesTheSameAfterTheRoundTrip() {
        CompressedDataset data = TinyArtifacts.table(CovarianceType.DIAG, 5);
        Path file = dir.resolve("t.lgc");
        ArtifactFile.write(file, data, Precision.FP32);
        CompressedDataset back = ArtifactFile.read(file);
        float[] latents = {0.5f, -1f, 2f, 0f, 0.25f, -0.75f, 1f, 3f};
        try (Decoder before = Decoder.load(data.metadata().decoder(), data.decoderWeights());
                Decoder after = Decoder.load(back.metadata().decoder(), back.decoderWeights())) {
            assertThat(after.decode(latents, 2)).containsExactly(before.decode(latents, 2));
        }
    }

    @Test
    void reconstructionUndoesTheStandardisation() {
        // class c sits at standardised point means[c]; its rows must come back as mean + std · means[c]
        double[][] means = {{0, 0, 0}, {1, -2, 0.5}, {-1, 3, 2}};
        CompressedDataset data = TinyArtifacts.pointTable(means);
        List<Table> batches = new ArrayList<>();
        Reconstructor.reconstructBatches(data, SamplingPlan.uniform(3, 40, 9, 1.0), collect(batches),
                Progress.silent());

        double[] mean = TinyArtifacts.TABLE_SCALING.mean();
        double[] std = TinyArtifacts.TABLE_SCALING.std();
        int rows = 0;
        for (Table t : batches) {
            assertThat(t.columns()).isEqualTo(TinyArtifacts.TABLE);
            assertThat(t.classNames()).isEqualTo(TinyArtifacts.CLASSES);
            for (int i = 0; i < t.size(); i++, rows++) {
                int c = t.labels()[i];
                for (int j = 0; j < 3; j++) {
                    double expected = mean[j] + std[j] * means[c][j];
                    assertThat((double) t.values()[i * 3 + j]).as("row %d feature %d", rows, j)
                            .isCloseTo(expected, within(1e-3));
                }
            }
        }
        assertThat(rows).isEqualTo(120);
    }

    @Test
    void thePixelSinkRefusesATableArtifact() {
        assertThatThrownBy(() -> Reconstructor.reconstruct(TinyArtifacts.table(CovarianceType.FULL, 1),
                SamplingPlan.uniform(3, 1, 1, 1.0), (pixels, labels) -> { }, Progress.silent()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgedTableHeadersAreRefused() throws Exception {
        Path file = dir.resolve("good.lgc");
        ArtifactFile.write(file, TinyArtifacts.table(CovarianceType.FULL, 2), Precision.FP32);
        Container good = ContainerReader.read(file);

        assertForged(good, h -> h.remove("feature_scaling"), "missing 'feature_scaling'");
        assertForged(good, h -> h.getAsJsonObject("feature_scaling").getAsJsonArray("std").set(2,
                new com.google.gson.JsonPrimitive(0)), "feature_scaling.std[2] is 0.0, must be > 0");
        assertForged(good, h -> h.getAsJsonObject("feature_scaling").getAsJsonArray("mean").remove(0),
                "feature_scaling.mean must be an array of 3 numbers");
        assertForged(good, h -> h.addProperty("label_column", "genus"), "label_column 'genus' is not among the"
                + " columns");
        assertForged(good, h -> h.getAsJsonArray("columns").remove(3), "columns names 3 columns; sample_shape [3]"
                + " needs 4 (the features and the label)");
        assertForged(good, h -> h.getAsJsonArray("columns").set(3, new com.google.gson.JsonPrimitive("width")),
                "columns: columns 1 and 4 are both named 'width'");
        assertForged(good, h -> {
            JsonArray shape = new JsonArray();
            shape.add(3);
            shape.add(1);
            h.add("sample_shape", shape);
        }, "a table's sample_shape must be [features], got [3,1]");
        assertForged(good, h -> h.addProperty("kind", "graph"), "unsupported artifact kind 'graph'");
    }

    private void assertForged(Container good, Consumer<JsonObject> change, String problem) throws Exception {
        JsonObject header = good.header();
        change.accept(header);
        Path forged = dir.resolve("forged.lgc");
        ContainerWriter.write(forged, new Container(header, good.sections()), Codec.AUTO);
        assertThatThrownBy(() -> ArtifactFile.read(forged)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining(problem);
    }

    private static Consumer<LabelledData> collect(List<Table> into) {
        return batch -> into.add((Table) batch);
    }
}
