package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class InspectBicCurveTest {
    @Test
    void curveIsShownInIncreasingKThoughStoredInTextOrder() {
        var curve = JsonParser.parseString("{\"1\": 300.4, \"10\": 250.6, \"2\": 280.0, \"9\": 255.2}").getAsJsonObject();
        assertThat(InspectCommand.bicCurve(curve)).isEqualTo("1:300 2:280 9:255 10:251");
    }

    @Test
    void entriesThatAreNotSizesAndNumbersAreLeftOut() {
        var curve = JsonParser.parseString("{\"3\": 10, \"x\": 5, \"4\": \"high\"}").getAsJsonObject();
        assertThat(InspectCommand.bicCurve(curve)).isEqualTo("3:10");
    }
}
