package io.lgc.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    @Test
    void parsesTheCommandLineNames() {
        assertThat(Protocol.parse("fast")).isEqualTo(Protocol.FAST);
        assertThat(Protocol.parse("ConvNet")).isEqualTo(Protocol.CONVNET);
        assertThatThrownBy(() -> Protocol.parse("resnet")).isInstanceOf(InputException.class)
                .hasMessage("unknown protocol 'resnet'; known: fast, convnet");
    }

    @Test
    void fastTrainsFiveEpochsOfSixtyThousandOrTheSameSampleVisits() {
        assertThat(Protocol.FAST.defaultEpochs(60_000)).isEqualTo(5);
        assertThat(Protocol.FAST.defaultEpochs(120_000)).isEqualTo(5); // never below five
        assertThat(Protocol.FAST.defaultEpochs(20_000)).isEqualTo(15); // same sample visits
        assertThat(Protocol.FAST.defaultEpochs(7_000)).isEqualTo(43); // rounded up
        assertThat(Protocol.FAST.defaultEpochs(100)).isEqualTo(300); // capped
    }

    @Test
    void convnetTrainsSmallSetsThreeHundredEpochsAndLargeOnesTheSameSampleVisits() {
        assertThat(Protocol.CONVNET.defaultEpochs(100)).isEqualTo(300);
        assertThat(Protocol.CONVNET.defaultEpochs(1_000)).isEqualTo(300);
        assertThat(Protocol.CONVNET.defaultEpochs(1_001)).isEqualTo(300); // rounded up
        assertThat(Protocol.CONVNET.defaultEpochs(6_000)).isEqualTo(50);
        assertThat(Protocol.CONVNET.defaultEpochs(60_000)).isEqualTo(5);
        assertThat(Protocol.CONVNET.defaultEpochs(1_000_000)).isEqualTo(2); // never below two: one full-rate epoch
    }
}
