package io.lgc.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.model.RoundingTuner;
import io.lgc.model.RoundingTuning;
import java.util.Map;

/**
 * The last stage before a file is written at a quantised precision: the decoder trained to decode well
 * once rounded ({@link RoundingTuning}), and the tuning recorded in the header's provenance, under
 * {@code config.rounding_tuning}.
 */
public final class RoundingStage {
    private RoundingStage() {
    }

    /** {@code data} with its decoder tuned for {@code precision}'s rounding; as it is when tuning is off. */
    public static CompressedDataset apply(CompressedDataset data, Precision precision, RoundingTuning tuning,
            long seed, StageTimes times, Progress progress) {
        return apply(data, DecoderGrid.uniform(precision), tuning, seed, times, progress);
    }

    /**
     * {@code data} with its decoder tuned for {@code grid}: each weight rounded to its own layer's grid in every
     * step. A mixed grid is recorded with its int8 layers ({@code "int8_layers"}). When tuning is off, {@code data}
     * as it is, but for a mixed grid's weights, which are rounded to their layers' grids untuned (the writer would
     * store them all at int8 otherwise).
     */
    public static CompressedDataset apply(CompressedDataset data, DecoderGrid grid, RoundingTuning tuning,
            long seed, StageTimes times, Progress progress) {
        if (!grid.precision().isQuantized()) {
            return data;
        }
        ArtifactMetadata m = data.metadata();
        RoundingTuner.Rounding rounding = (name, values, shape) -> grid.of(name).stored(values, (int) shape[0]);
        if (!tuning.enabled()) {
            // untuned, a mixed decoder still needs its int4 layers on int4's grid: the file stores them at int8
            return grid.isMixed() ? new CompressedDataset(m, data.mixtures(), RoundingTuner.rounded(
                    data.decoderWeights(), m.decoder().parameterShapes(), rounding)) : data;
        }
        Map<String, float[]> weights = times.time("tune for rounding", () -> RoundingTuner.tune(m.decoder(),
                data.decoderWeights(), data.mixtures(), rounding, tuning, seed, progress));
        return new CompressedDataset(recorded(m, grid, tuning), data.mixtures(), weights);
    }

    /** {@code m} with {@code tuning} for {@code precision} recorded in its provenance, as {@link #apply} records it. */
    public static ArtifactMetadata recorded(ArtifactMetadata m, Precision precision, RoundingTuning tuning) {
        return recorded(m, DecoderGrid.uniform(precision), tuning);
    }

    /** As above, for a grid that may keep some of an int4 decoder's layers at int8. */
    public static ArtifactMetadata recorded(ArtifactMetadata m, DecoderGrid grid, RoundingTuning tuning) {
        JsonObject provenance = m.provenance().deepCopy();
        JsonObject record = new JsonObject();
        record.addProperty("precision", grid.precision().label());
        if (grid.isMixed()) {
            JsonArray layers = new JsonArray();
            grid.int8Layers().forEach(layers::add);
            record.add("int8_layers", layers);
        }
        record.addProperty("steps", tuning.steps());
        record.addProperty("per_class", tuning.perClass());
        record.addProperty("learning_rate", tuning.learningRate());
        record.addProperty("schedule", tuning.schedule().id());
        record.addProperty("spread", tuning.spread());
        if (provenance.has("config")) {
            provenance.getAsJsonObject("config").add("rounding_tuning", record);
        } else {
            provenance.add("rounding_tuning", record);
        }
        return m.withProvenance(provenance);
    }
}
