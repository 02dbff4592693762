package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.artifact.Precision;
import org.junit.jupiter.api.Test;

/** The rounding steps' settings as the command lines name them. */
class RoundingTuningTest {
    @Test
    void aScheduleNamedSetsTheRateOfTheStepsAndKeepsEverythingElse() {
        RoundingTuning int4 = RoundingTuning.defaultFor(Precision.INT4);
        RoundingTuning cosine = int4.withScheduleNamed("cosine", "unused");
        assertThat(cosine.schedule()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(cosine.withSchedule(LearningRateSchedule.CONSTANT)).isEqualTo(int4);
        assertThat(int4.withScheduleNamed("constant", "unused")).isEqualTo(int4);
    }

    @Test
    void anUnknownNameOrStepsThatDoNotRunAreRefusedInOneLine() {
        // named as a Java caller knows the parameter; each command line prints it under its flag
        assertThatThrownBy(() -> RoundingTuning.defaultFor(Precision.INT4).withScheduleNamed("linear", "unused"))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameters())
                        .containsExactly(Parameter.ROUNDING_SCHEDULE))
                .hasMessage("RoundingTuning.schedule must be constant or cosine, got 'linear'");
        assertThatThrownBy(() -> RoundingTuning.defaultFor(Precision.INT8).withScheduleNamed("cosine",
                "they run for --precision int4"))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameters())
                        .containsExactly(Parameter.ROUNDING_SCHEDULE))
                .hasMessage("RoundingTuning.schedule sets the rounding steps' learning rate; there are none here (they"
                        + " run for --precision int4)");
    }
}
