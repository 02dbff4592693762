package io.lgc.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** For each budget, the most accurate LGC artifact no larger than it, beside the baselines at that budget. */
class EqualBytesTableTest {

    private static JsonObject lgc(long bytes, double accuracy, int k) {
        JsonObject o = new JsonObject();
        o.addProperty("id", "lgc-" + bytes);
        o.addProperty("method", "lgc autoencoder int8");
        o.addProperty("bytes", bytes);
        o.addProperty("accuracy", accuracy);
        o.addProperty("decoder", "autoencoder");
        o.addProperty("latent_dim", k);
        o.addProperty("components", 5);
        o.addProperty("precision", "int8");
        return o;
    }

    private static JsonObject baseline(String method, long budget, double accuracy, int perClass) {
        JsonObject o = new JsonObject();
        o.addProperty("id", method + "-" + budget);
        o.addProperty("method", method);
        o.addProperty("bytes", budget);
        o.addProperty("budget", budget);
        o.addProperty("accuracy", accuracy);
        o.addProperty("per_class", perClass);
        return o;
    }

    @Test
    void eachBudgetGetsTheBestArtifactThatFitsInIt() {
        JsonArray points = new JsonArray();
        points.add(lgc(60_000, 0.80, 8));
        points.add(lgc(100_000, 0.84, 16));
        points.add(lgc(90_000, 0.78, 32)); // fits under 100,000 but is worse than the 60,000 one
        points.add(baseline("random-subset", 7_840, 0.50, 1));
        points.add(baseline("kcenter", 7_840, 0.45, 1));
        points.add(baseline("random-subset", 78_400, 0.72, 10));
        points.add(baseline("random-subset", 100_000, 0.74, 12));
        JsonObject sweep = new JsonObject();
        sweep.add("points", points);

        String table = EqualBytesTable.markdown(sweep);

        assertThat(table.lines()).containsExactly(
                "| budget | best LGC within budget | LGC setting | random-subset | kcenter | LGC over random |",
                "|---:|---:|---|---:|---:|---:|",
                "| 7,840 B | – | nothing fits | 50.00 % (1/class) | 45.00 % (1/class) | – |",
                "| 78,400 B | 80.00 % (60,000 B) | autoencoder, k=8, K=5, int8 | 72.00 % (10/class) | – | +8.00 |",
                "| 100,000 B | 84.00 % (100,000 B) | autoencoder, k=16, K=5, int8 | 74.00 % (12/class) | – | +10.00 |");
    }

    @Test
    void aFrontierPointGivesItsBudgetARowWithoutBaselinesAndCompetesAsAnyArtifact() {
        JsonObject frontier = lgc(68_846, 0.8414, 32);
        frontier.addProperty("method", "lgc --budget");
        frontier.addProperty("for_budget", 78_400);
        frontier.addProperty("precision", "int4");
        JsonArray points = new JsonArray();
        points.add(lgc(60_000, 0.80, 8));
        points.add(frontier);
        JsonObject sweep = new JsonObject();
        sweep.add("points", points);

        assertThat(EqualBytesTable.markdown(sweep).lines()).containsExactly(
                "| budget | best LGC within budget | LGC setting |",
                "|---:|---:|---|",
                "| 78,400 B | 84.14 % (68,846 B) | autoencoder, k=32, K=5, int4 |");
    }

    @Test
    void aMixedDecoderIsNamedByItsGridAndTheLayersKeptAtInt8() {
        JsonObject mixed = lgc(75_469, 0.8402, 32);
        mixed.addProperty("for_budget", 78_400);
        mixed.addProperty("grid", "int4");
        JsonArray layers = new JsonArray();
        layers.add(3);
        mixed.add("int8_layers", layers);
        JsonArray points = new JsonArray();
        points.add(mixed);
        JsonObject sweep = new JsonObject();
        sweep.add("points", points);

        assertThat(EqualBytesTable.markdown(sweep).lines()).contains(
                "| 78,400 B | 84.02 % (75,469 B) | autoencoder, k=32, K=5, int4, layer 3 at int8 |");
    }
}
