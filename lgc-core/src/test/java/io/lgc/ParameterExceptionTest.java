package io.lgc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A message names parameters by reference: Java names by default, any other names on request. */
class ParameterExceptionTest {
    private static String shouted(Parameter p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', '-').toUpperCase(Locale.ROOT);
    }

    @Test
    void theMessageNamesParametersAsAJavaCallerSetThem() {
        ParameterException e = new ParameterException(Parameter.LATENT_DIM, " must be in 1..4096, got ", 5000);

        assertThat(e).hasMessage("latentDim must be in 1..4096, got 5000").isInstanceOf(InputException.class);
        assertThat(e.parameters()).containsExactly(Parameter.LATENT_DIM);
    }

    @Test
    void anotherReaderRendersTheSameMessageWithItsOwnNames() {
        ParameterException e = new ParameterException(Parameter.FEATURE_EPOCHS, " (3) cannot exceed ",
                Parameter.EPOCHS, " (2)");

        assertThat(e.message(ParameterExceptionTest::shouted)).isEqualTo("FEATURE-EPOCHS (3) cannot exceed EPOCHS (2)");
        assertThat(e.getMessage()).isEqualTo("FeatureMatching.epochs (3) cannot exceed epochs (2)");
    }

    @Test
    void textsSpliceIntoOneAnotherAndEachParameterIsListedOnce() {
        ParameterText advice = ParameterText.of(" (", Parameter.FORCE, " replaces it)");
        ParameterException e = new ParameterException("out: exists", advice, "; ", Parameter.FORCE, " again", advice);

        assertThat(e).hasMessage("out: exists (force replaces it); force again (force replaces it)");
        assertThat(e.message(ParameterExceptionTest::shouted))
                .isEqualTo("out: exists (FORCE replaces it); FORCE again (FORCE replaces it)");
        assertThat(e.parameters()).containsExactly(Parameter.FORCE);
    }

    @Test
    void otherPartsReadAsStringConcatenationWritesThem() {
        String expected = "spread must be a positive number, got " + -1.5 + " or " + null;

        assertThat(new ParameterException(Parameter.SPREAD, " must be a positive number, got ", -1.5, " or ", null))
                .hasMessage(expected);
    }

    @Test
    void everyJavaNameIsAnIdentifierOrAQualifiedOne() {
        for (Parameter p : Parameter.values()) {
            assertThat(p.javaName()).as(p.name()).matches("[A-Za-z][A-Za-z0-9]*([.]{1,2}[A-Za-z][A-Za-z0-9]*)?");
        }
    }
}
