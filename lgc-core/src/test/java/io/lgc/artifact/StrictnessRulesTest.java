package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java reader follows each of FORMAT.md's strictness rules: it accepts what the rule allows,
 * and refuses what it forbids with a one-line message naming the file and the value given.
 */
class StrictnessRulesTest {
    @TempDir
    Path dir;

    static List<StrictnessCases> cases() {
        return StrictnessCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReaderFollowsTheRule(StrictnessCases c) throws IOException {
        Path file = dir.resolve("case.lgc");
        Files.write(file, c.file());
        if (c.accepted()) {
            assertThat(ArtifactFile.read(file).mixtures()).isNotEmpty();
        } else {
            assertThatThrownBy(() -> ArtifactFile.read(file))
                    .isExactlyInstanceOf(ArtifactFormatException.class)
                    .hasMessageStartingWith(file + ": ")
                    .hasMessageContaining(c.javaMessage())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
