package io.lgc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lgc.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evaluation and sweep files: what is read, and one-line errors that name the file. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsAnEvaluationWithAConfusionMatrix() throws Exception {
        Path file = write("eval.json", ReportFixtures.evaluationJson(true));
        Evaluation e = Evaluation.read(file);
        assertThat(e.accuracy()).isEqualTo(0.8);
        assertThat(e.perClass()).containsKeys("circle", "square <b>", "triangle & co");
        assertThat(e.trainSize()).hasValue(150);
        assertThat(e.epochs()).hasValue(2);
        assertThat(e.confusion()).isPresent();
        assertThat(e.confusion().get()[1]).containsExactly(20, 70, 10);
        assertThat(e.source()).isEqualTo(file.toString());
    }

    @Test
    void readsWhatLgcEvaluateWritesToday() {
        String written = new io.lgc.eval.EvaluationResult(0.5, java.util.Map.of("a", 0.25), java.util.List.of("a"),
                new int[][] {{3}}, 10, 1, 2.0).toJson();
        Evaluation e = Evaluation.parse(written, "eval.json");
        assertThat(e.accuracy()).isEqualTo(0.5);
        assertThat(e.perClass()).containsEntry("a", 0.25);
        assertThat(e.confusion()).isPresent();
        assertThat(e.confusion().get()[0]).containsExactly(3);
    }

    @Test
    void missingEvaluationFileIsOneLineNamingIt() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Evaluation.read(missing)).isInstanceOf(InputException.class)
                .hasMessage(missing + ": no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"accuracy\": 0.8,", "{accuracy: 0.8}", "{\"accuracy\": 0.8} trailing", "",
            "{\"accuracy\": 0.8, \"accuracy\" 1}"})
    void malformedJsonIsOneLineNamingTheFile(String text) throws Exception {
        Path file = write("bad.json", text);
        assertThatThrownBy(() -> Evaluation.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": not valid JSON (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("https://"));
        assertThatThrownBy(() -> Sweep.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": not valid JSON (");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"per_class\": {}}", "{\"accuracy\": \"high\"}", "{\"accuracy\": 80}",
            "{\"accuracy\": 0.8, \"per_class\": [0.8]}", "{\"accuracy\": 0.8, \"confusion\": [[1, 2], [3]]}",
            "{\"accuracy\": 0.8, \"confusion\": [[1, -2], [3, 4]]}", "{\"accuracy\": 0.8, \"train_size\": 1.5}"})
    void evaluationOfTheWrongShapeIsRefusedNamingTheFile(String text) throws Exception {
        Path file = write("eval.json", text);
        assertThatThrownBy(() -> Evaluation.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void readsASweepTolerantly() throws Exception {
        Sweep s = Sweep.read(write("sweep.json", ReportFixtures.sweepJson()));
        assertThat(s.points()).extracting(Sweep.Point::method)
                .containsExactly("lgc", "lgc", "random-subset", "random-subset");
        assertThat(s.points().get(3).accuracy()).isCloseTo(0.677, within(1e-12)); // given in percent
        assertThat(s.skipped()).isEqualTo(1); // kcenter has no bytes
        assertThat(s.published()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo("DC");
            assertThat(p.bytes()).isEqualTo(7840);
            assertThat(p.note()).isEqualTo("ipc 10, paper");
        });
    }

    @Test
    void aBareArrayIsASweepOfMeasuredPoints() {
        Sweep s = Sweep.parse("[{\"bytes\": 10, \"accuracy\": 0.5}, {\"size_bytes\": 100, \"accuracy\": 0.6, "
                + "\"method\": \"x\"}, 7]", "s.json");
        assertThat(s.points()).extracting(Sweep.Point::method).containsExactly("unnamed", "x");
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(s.published()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"points\": []}", "{\"points\": {\"bytes\": 1}}", "3",
            "{\"points\": [{\"method\": \"lgc\", \"bytes\": 0, \"accuracy\": 0.5}]}"})
    void sweepWithNothingToDrawIsRefusedNamingTheFile(String text) throws Exception {
        Path file = write("sweep.json", text);
        assertThatThrownBy(() -> Sweep.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
