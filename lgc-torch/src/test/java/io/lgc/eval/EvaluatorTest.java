package io.lgc.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.data.Table;
import io.lgc.data.TableColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static Dataset labelled(int... labels) {
        return new Dataset(new byte[labels.length * 16], labels, List.of("a", "b", "c"), new ImageShape(1, 4, 4));
    }

    @Test
    void scoresOverallAndPerClassAccuracy() {
        Dataset test = labelled(0, 0, 1, 1, 2, 2, 2, 2);
        int[] predicted = {0, 1, 1, 1, 2, 0, 2, 2};
        EvaluationResult r = Evaluator.score(test, predicted, 100, 3, 1.5);
        assertThat(r.accuracy()).isEqualTo(6 / 8.0);
        assertThat(r.perClass()).containsExactly(
                java.util.Map.entry("a", 0.5), java.util.Map.entry("b", 1.0), java.util.Map.entry("c", 0.75));
    }

    @Test
    void confusionRowsAreTrueClassesAndColumnsPredictions() {
        Dataset test = labelled(0, 0, 1, 1, 2, 2, 2, 2);
        int[] predicted = {0, 1, 1, 1, 2, 0, 2, 2};
        assertThat(Evaluator.score(test, predicted, 100, 3, 1.5).confusion())
                .isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 3}});
    }

    @Test
    void jsonHasTheDocumentedFields() {
        EvaluationResult r = Evaluator.score(labelled(0, 1, 2), new int[] {0, 1, 1}, 10, 2, 0.25);
        var json = JsonParser.parseString(r.toJson()).getAsJsonObject();
        assertThat(json.get("accuracy").getAsDouble()).isEqualTo(2 / 3.0);
        assertThat(json.getAsJsonObject("per_class").get("c").getAsDouble()).isZero();
        assertThat(json.get("train_size").getAsInt()).isEqualTo(10);
        assertThat(json.get("epochs").getAsInt()).isEqualTo(2);
        assertThat(json.get("seconds").getAsDouble()).isEqualTo(0.25);
        assertThat(json.getAsJsonArray("classes").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(json.getAsJsonArray("confusion").toString()).isEqualTo("[[1,0,0],[0,1,0],[0,1,0]]");
    }

    @Test
    void refusesZeroRepeats() {
        Dataset set = labelled(0, 1, 2);
        assertThatThrownBy(() -> Evaluator.evaluateRepeated(set, set, Protocol.FAST, 1, 1, 0, Progress.silent()))
                .isInstanceOf(InputException.class).hasMessage("repeats must be positive, got 0");
    }

    @Test
    void refusesSetsOfDifferentShapes() {
        Dataset train = labelled(0, 1, 2);
        Dataset test = new Dataset(new byte[3 * 64], new int[] {0, 1, 2}, List.of("a", "b", "c"),
                new ImageShape(1, 8, 8));
        assertThatThrownBy(() -> Evaluator.evaluate(train, test, Evaluator.defaultFit(1, 1), Progress.silent()))
                .isInstanceOf(InputException.class).hasMessageContaining("1x4x4").hasMessageContaining("1x8x8");
    }

    /** The same images and classes under names in reverse order: label l becomes classes-1-l. */
    private static Dataset reversedNames(Dataset d) {
        int n = d.numClasses();
        int[] labels = new int[d.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = n - 1 - d.labels()[i];
        }
        List<String> names = new java.util.ArrayList<>(d.classNames());
        java.util.Collections.reverse(names);
        return new Dataset(d.pixels(), labels, names, d.shape());
    }

    @Test
    void testImagesWhoseClassesAreNamedInAnotherOrderAreMatchedByName() {
        Dataset train = SyntheticImages.bands(20, 3, 8, 1).withClassNames(List.of("a", "b", "c"));
        Dataset test = SyntheticImages.bands(10, 3, 8, 2).withClassNames(List.of("a", "b", "c"));
        EvaluationResult same = Evaluator.evaluate(train, test, Protocol.FAST, 3, 1, Progress.silent());
        EvaluationResult reordered = Evaluator.evaluate(train, reversedNames(test), Protocol.FAST, 3, 1,
                Progress.silent());
        assertThat(same.accuracy()).isGreaterThan(0.6);
        assertThat(reordered.accuracy()).isEqualTo(same.accuracy());
        assertThat(reordered.perClass()).isEqualTo(same.perClass());
        assertThat(reordered.classNames()).containsExactly("a", "b", "c");
    }

    @Test
    void testImagesNamingOtherClassesAreRefused() {
        Dataset train = labelled(0, 1, 2);
        Dataset test = labelled(0, 1, 2).withClassNames(List.of("a", "b", "z"));
        assertThatThrownBy(() -> Evaluator.evaluate(train, test, Evaluator.defaultFit(1, 1), Progress.silent()))
                .isInstanceOf(InputException.class).hasMessageContaining("[a, b, c]")
                .hasMessageContaining("[a, b, z]");
    }

    @Test
    void numberedTrainingClassesAreNotScoredByPositionAgainstNamedTestClasses() {
        Dataset train = labelled(0, 1, 2).withClassNames(List.of("0", "1", "2"));
        Dataset test = labelled(0, 1, 2);
        assertThatThrownBy(() -> Evaluator.evaluate(train, test, Evaluator.defaultFit(1, 1), Progress.silent()))
                .isInstanceOf(InputException.class)
                .hasMessage("train classes [0, 1, 2] differ from test classes [a, b, c]; classes are matched by name,"
                        + " and a classifier can only be tested on the classes it was trained on; a set without class"
                        + " names has the numbered names 0, 1, ..., and a classes.txt beside it names its classes");
    }

    @Test
    void aClassifierWhoseTrainingDivergesIsAnInputErrorNamingTheEpoch() {
        Dataset train = SyntheticImages.bands(8, 3, 8, 1);
        assertThatThrownBy(() -> Evaluator.evaluate(train, train, new io.lgc.model.FitConfig(1, 4, 1e20, 1),
                Progress.silent()))
                .isInstanceOf(InputException.class)
                .hasMessageMatching("classifier training diverged in epoch 1 of 1: its loss became (NaN|-?Infinity) at"
                        + " learning rate 1.0E20");
    }

    @Test
    void numberedSetsMatchEachOther() {
        List<String> numbered = List.of("0", "1", "2");
        Dataset train = SyntheticImages.bands(20, 3, 8, 1).withClassNames(numbered);
        Dataset test = SyntheticImages.bands(10, 3, 8, 2).withClassNames(numbered);
        assertThat(Evaluator.evaluate(train, test, Protocol.FAST, 1, 1, Progress.silent()).classNames())
                .containsExactly("0", "1", "2");
    }

    @Test
    void augmentingATableIsRefusedBeforeAnyTraining() {
        Table table = new Table(new float[] {0, 1, 1, 0, 5, 6, 6, 5}, new int[] {0, 0, 1, 1}, List.of("x", "y"),
                TableColumns.labelLast(List.of("p", "q"), "label"));
        assertThatThrownBy(() -> Evaluator.evaluate(table, table, Protocol.FAST, 1, 1, true, Progress.silent()))
                .isInstanceOf(InputException.class).hasMessageStartingWith("augment scales, rotates");
        assertThatThrownBy(() -> Evaluator.evaluateRepeated(table, table, Protocol.FAST, 1, 1, 2, true,
                Progress.silent())).isInstanceOf(InputException.class).hasMessageStartingWith("augment scales, rotates");
    }
}
