package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.model.Engines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidates told apart by what a classifier learns from their draws ({@link TwoHalvesFiles}). */
class RoundingChoiceTest {
    private static final DrawJudge QUICK = new DrawJudge(io.lgc.eval.Protocol.FAST, 2, 50, 2);
    private static final StoragePrecision STORED = new StoragePrecision(Precision.INT4, Precision.INT8);

    @Test
    void ofSeveralCandidatesTheOneWhoseDrawsTrainTheBestClassifierIsKeptAndTheChoiceRecorded() {
        Engines.pytorch();
        List<Long> seeds = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        List<CompressedDataset> stored = new ArrayList<>();
        long seed = 40;
        RoundingChoice.Chosen chosen = RoundingChoice.best(3, seed, s -> {
            seeds.add(s);
            return TwoHalvesFiles.file(s == seed + 1);
        }, f -> {
            stored.add(f);
            return STORED;
        }, TwoHalvesFiles.realImages(), QUICK, new StageTimes(), Progress.silent(), (i, n, score) -> heard.add(i + "/" + n));

        assertThat(seeds).containsExactly(40L, 41L, 42L);
        assertThat(heard).containsExactly("0/3", "1/3", "2/3");
        assertThat(stored).hasSize(3); // each judged as it would be stored
        double[] scores = chosen.scores();
        assertThat(chosen.index()).isEqualTo(1);
        assertThat(scores[1]).isGreaterThan(0.95);
        assertThat(scores[0]).isLessThan(0.6);
        assertThat(scores[2]).isLessThan(0.6);
        assertThat(chosen.file().decoderWeights().get("layers.0.weight"))
                .containsExactly(TwoHalvesFiles.file(true).decoderWeights().get("layers.0.weight"));
        JsonObject record = chosen.file().metadata().provenance().getAsJsonObject("rounding_tuning");
        assertThat(record.get("steps").getAsInt()).isEqualTo(5); // what RoundingStage recorded stays
        assertThat(record.get("candidates").getAsInt()).isEqualTo(3);
        assertThat(record.get("chosen").getAsInt()).isEqualTo(1);
        assertThat(record.getAsJsonArray("scores")).hasSize(3);
        assertThat(record.getAsJsonArray("scores").get(1).getAsDouble()).isCloseTo(scores[1], within(1e-6));
    }

    @Test
    void oneCandidateIsTheFileItselfUnjudged() {
        List<String> heard = new ArrayList<>();
        CompressedDataset only = TwoHalvesFiles.file(false);
        RoundingChoice.Chosen chosen = RoundingChoice.best(1, 9, s -> s == 9 ? only : null, f -> STORED,
                TwoHalvesFiles.realImages(), QUICK, new StageTimes(), Progress.silent(), (i, n, score) -> heard.add("judged"));

        assertThat(chosen.file()).isSameAs(only);
        assertThat(chosen.index()).isZero();
        assertThat(chosen.scores()).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void aCountOutsideOneToSixteenIsRefused() {
        for (int count : new int[] {0, -1, RoundingChoice.MAX_CANDIDATES + 1}) {
            assertThatThrownBy(() -> RoundingChoice.requireCount(count)).isInstanceOfSatisfying(
                    ParameterException.class, e -> assertThat(e.parameters())
                            .containsExactly(Parameter.ROUNDING_CANDIDATES))
                    .hasMessageContaining("between 1 and 16, got " + count);
        }
        assertThat(RoundingChoice.requireCount(RoundingChoice.MAX_CANDIDATES)).isEqualTo(16);
    }

    @Test
    void aFileWhoseRoundingIsNotRecordedCannotRecordAChoice() {
        ArtifactMetadata plain = TinyArtifacts.tiny().metadata();
        assertThatThrownBy(() -> RoundingChoice.recorded(plain, 0, new double[] {0.5, 0.4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records none");
    }
}
