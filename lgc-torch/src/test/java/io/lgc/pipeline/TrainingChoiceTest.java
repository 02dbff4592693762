package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.eval.Protocol;
import io.lgc.model.Engines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compressions told apart by what a ConvNet learns from their draws ({@link TwoHalvesFiles}). */
class TrainingChoiceTest {
    private static final DrawJudge QUICK_CONVNET = new DrawJudge(Protocol.CONVNET, 1, 50, 40);

    /** A compression as a caller holds it: its file and the seed it was made with. */
    private record Made(CompressedDataset file, long seed) {
    }

    @Test
    void ofSeveralSeedsTheCompressionWhoseDrawsTrainTheBestConvNetIsKept() {
        Engines.pytorch();
        List<Long> seeds = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        StageTimes times = new StageTimes();
        DrawJudge.Kept<Made> chosen = TrainingChoice.best(3, 7, s -> {
            seeds.add(s);
            return new Made(TwoHalvesFiles.file(s == 9), s);
        }, Made::file, TwoHalvesFiles.realImages(), QUICK_CONVNET, times, Progress.silent(),
                (i, n, s, score) -> heard.add(i + "/" + n + "@" + s));

        assertThat(seeds).containsExactly(7L, 8L, 9L);
        assertThat(heard).containsExactly("0/3@7", "1/3@8", "2/3@9");
        assertThat(chosen.index()).isEqualTo(2);
        assertThat(chosen.kept().seed()).isEqualTo(9);
        double[] scores = chosen.scores();
        assertThat(scores[2]).isGreaterThan(0.95);
        assertThat(scores[0]).isLessThan(0.6);
        assertThat(scores[1]).isLessThan(0.6);
        assertThat(times.seconds()).containsKey("judge training candidates");
    }

    @Test
    void ofEqualScoresTheFirstIsKept() {
        Engines.pytorch();
        DrawJudge.Kept<Made> chosen = TrainingChoice.best(2, 1, s -> new Made(TwoHalvesFiles.file(true), s),
                Made::file, TwoHalvesFiles.realImages(), QUICK_CONVNET, new StageTimes(), Progress.silent(),
                (i, n, s, score) -> { });

        assertThat(chosen.scores()[0]).isEqualTo(chosen.scores()[1]); // the same file, seeded judges
        assertThat(chosen.index()).isZero();
        assertThat(chosen.kept().seed()).isEqualTo(1);
    }

    @Test
    void oneCandidateIsTheCompressionItselfUnjudged() {
        List<String> heard = new ArrayList<>();
        Made only = new Made(TwoHalvesFiles.file(false), 5);
        DrawJudge.Kept<Made> chosen = TrainingChoice.best(1, 5, s -> s == 5 ? only : null, Made::file,
                TwoHalvesFiles.realImages(), QUICK_CONVNET, new StageTimes(), Progress.silent(),
                (i, n, s, score) -> heard.add("judged"));

        assertThat(chosen.kept()).isSameAs(only);
        assertThat(chosen.index()).isZero();
        assertThat(chosen.scores()).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void aCountOutsideOneToSixteenIsRefused() {
        for (int count : new int[] {0, -2, TrainingChoice.MAX_CANDIDATES + 1}) {
            assertThatThrownBy(() -> TrainingChoice.requireCount(count)).isInstanceOfSatisfying(
                    ParameterException.class, e -> assertThat(e.parameters())
                            .containsExactly(Parameter.TRAINING_CANDIDATES))
                    .hasMessageContaining("between 1 and 16, got " + count);
        }
        assertThat(TrainingChoice.requireCount(TrainingChoice.MAX_CANDIDATES)).isEqualTo(16);
    }

    @Test
    void theChoiceIsRecordedBesideWhatTheFileRecordedAlready() {
        CompressedDataset file = TwoHalvesFiles.file(true);
        CompressedDataset recorded = TrainingChoice.recorded(file, 11, 2, new double[] {0.81234567, 0.8, 0.9},
                DrawJudge.CONVNET);

        JsonObject record = recorded.metadata().provenance().getAsJsonObject("training_candidates");
        assertThat(record.get("candidates").getAsInt()).isEqualTo(3);
        assertThat(record.get("first_seed").getAsLong()).isEqualTo(11);
        assertThat(record.get("chosen").getAsInt()).isEqualTo(2);
        assertThat(record.get("judge").getAsString()).isEqualTo("convnet x1");
        assertThat(record.getAsJsonArray("scores").get(0).getAsDouble()).isCloseTo(0.812346, within(1e-9));
        assertThat(recorded.metadata().provenance().getAsJsonObject("rounding_tuning").get("steps").getAsInt())
                .isEqualTo(5);
        assertThat(file.metadata().provenance().has("training_candidates")).isFalse(); // the original is unchanged
        assertThat(recorded.decoderWeights().get("layers.0.weight")).isSameAs(file.decoderWeights().get("layers.0.weight"));
        assertThat(recorded.mixtures()).containsExactlyElementsOf(file.mixtures());
    }

    @Test
    void theSummariesNameTheSeedAndTheJudge() {
        assertThat(TrainingChoice.scoreSummary(1, 3, 8, 0.871234, DrawJudge.CONVNET, "the images compressed"))
                .isEqualTo("training candidate 2/3 (seed 8): a convnet classifier trained on its draws scores 87.12 %"
                        + " on the images compressed");
        assertThat(TrainingChoice.scoreSummary(0, 2, 1, 0.5, DrawJudge.FAST_PAIR, "x"))
                .isEqualTo("training candidate 1/2 (seed 1): 2 fast classifiers trained on its draws score 50.00 %"
                        + " on x");
        assertThat(TrainingChoice.keptSummary(1, 3, 7)).isEqualTo("training: kept candidate 2 of 3 (seed 8: the file"
                + " --seed 8 alone would write, with the choice recorded)");
    }
}
