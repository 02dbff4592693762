package io.lgc.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregating runs, on hand-made results: no training involved. */
class RepeatedEvaluationTest {
    private static final List<String> CLASSES = List.of("a", "b");

    /** A run on a test set of 4 "a" and 6 "b" samples with the given confusion matrix. */
    private static EvaluationResult run(int aRight, int bRight, double seconds) {
        int[][] confusion = {{aRight, 4 - aRight}, {6 - bRight, bRight}};
        Map<String, Double> perClass = new LinkedHashMap<>();
        perClass.put("a", aRight / 4.0);
        perClass.put("b", bRight / 6.0);
        return new EvaluationResult((aRight + bRight) / 10.0, perClass, CLASSES, confusion, 100, 7, seconds);
    }

    private static final RepeatedEvaluation THREE_RUNS = new RepeatedEvaluation(Protocol.CONVNET, 5,
            List.of(run(4, 4, 1.0), run(2, 5, 2.0), run(3, 6, 4.0))); // accuracies 0.8, 0.7, 0.9

    @Test
    void meanAndPopulationStandardDeviation() {
        assertThat(THREE_RUNS.accuracies()).containsExactly(new double[] {0.8, 0.7, 0.9}, within(1e-12));
        assertThat(THREE_RUNS.meanAccuracy()).isCloseTo(0.8, within(1e-12));
        // population: sqrt(((0)² + (0.1)² + (0.1)²) / 3); the sample std would be 0.1
        assertThat(THREE_RUNS.accuracyStd()).isCloseTo(Math.sqrt(0.02 / 3), within(1e-12));
    }

    @Test
    void oneRunHasNoSpread() {
        RepeatedEvaluation single = new RepeatedEvaluation(Protocol.FAST, 1, List.of(run(3, 3, 1)));
        assertThat(single.meanAccuracy()).isEqualTo(0.6);
        assertThat(single.accuracyStd()).isZero();
    }

    @Test
    void perClassIsTheMeanOverRunsAndConfusionTheSum() {
        assertThat(THREE_RUNS.meanPerClass().get("a")).isCloseTo((1.0 + 0.5 + 0.75) / 3, within(1e-12));
        assertThat(THREE_RUNS.meanPerClass().get("b")).isCloseTo((4 + 5 + 6) / 18.0, within(1e-12));
        assertThat(THREE_RUNS.confusionSum()).isDeepEqualTo(new int[][] {{9, 3}, {3, 15}});
        assertThat(THREE_RUNS.seconds()).isEqualTo(7.0);
    }

    @Test
    void jsonKeepsTheSingleRunKeysAndAddsTheRepeatKeys() {
        JsonObject json = JsonParser.parseString(THREE_RUNS.toJson()).getAsJsonObject();
        assertThat(json.get("protocol").getAsString()).isEqualTo("convnet");
        assertThat(json.get("repeats").getAsInt()).isEqualTo(3);
        assertThat(json.get("seed").getAsLong()).isEqualTo(5);
        assertThat(json.get("accuracy").getAsDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(json.get("accuracy_std").getAsDouble()).isCloseTo(Math.sqrt(0.02 / 3), within(1e-12));
        assertThat(json.getAsJsonArray("accuracies")).hasSize(3);
        assertThat(json.getAsJsonObject("per_class").keySet()).containsExactly("a", "b");
        assertThat(json.getAsJsonArray("classes").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(json.getAsJsonArray("confusion").toString()).isEqualTo("[[9,3],[3,15]]");
        assertThat(json.get("train_size").getAsInt()).isEqualTo(100);
        assertThat(json.get("epochs").getAsInt()).isEqualTo(7);
        assertThat(json.get("seconds").getAsDouble()).isEqualTo(7.0);
    }

    @Test
    void refusesNoRunsAndRunsOnDifferentTestSets() {
        assertThatThrownBy(() -> new RepeatedEvaluation(Protocol.FAST, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        EvaluationResult other = new EvaluationResult(1, Map.of("x", 1.0), List.of("x"), new int[][] {{1}}, 1, 1, 1);
        assertThatThrownBy(() -> new RepeatedEvaluation(Protocol.FAST, 1, List.of(run(1, 1, 1), other)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
