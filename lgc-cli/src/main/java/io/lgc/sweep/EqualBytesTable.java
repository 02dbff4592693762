package io.lgc.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sweep's answer in one table: for each byte budget (of the baselines or of the frontier), the
 * best LGC artifact that fits in it next to each baseline at that budget. LGC gets "at most the budget" because its sizes are not
 * chosen freely; the baselines spend the budget on whole images and may leave a remainder.
 */
public final class EqualBytesTable {
    /**
     * The baseline LGC is measured against in the last column, "LGC over random": its accuracy minus that of
     * real images chosen at random with the same bytes, in points (DD-Ranking's improvement over random).
     */
    private static final String RANDOM = io.lgc.eval.baseline.BaselineMethod.RANDOM_SUBSET.cliName();

    private EqualBytesTable() {
    }

    /** A Markdown table from the "points" of sweep.json. */
    public static String markdown(JsonObject sweep) {
        List<JsonObject> lgc = new ArrayList<>();
        Map<String, Map<Long, JsonObject>> baselines = new LinkedHashMap<>();
        TreeSet<Long> budgets = new TreeSet<>();
        for (JsonElement e : sweep.getAsJsonArray("points")) {
            JsonObject p = e.getAsJsonObject();
            if (p.has("budget")) {
                long budget = p.get("budget").getAsLong();
                budgets.add(budget);
                baselines.computeIfAbsent(p.get("method").getAsString(), m -> new LinkedHashMap<>()).put(budget, p);
            } else {
                lgc.add(p);
                if (p.has("for_budget")) { // a frontier point: its budget gets a row, baselines or not
                    budgets.add(p.get("for_budget").getAsLong());
                }
            }
        }
        Map<Long, JsonObject> random = baselines.get(RANDOM);
        StringBuilder out = new StringBuilder("| budget | best LGC within budget | LGC setting |");
        baselines.keySet().forEach(m -> out.append(' ').append(m).append(" |"));
        out.append(random == null ? "" : " LGC over random |");
        out.append("\n|---:|---:|---|");
        baselines.keySet().forEach(m -> out.append("---:|"));
        out.append(random == null ? "" : "---:|");
        out.append('\n');
        for (long budget : budgets) {
            JsonObject best = best(lgc, budget);
            out.append("| ").append(String.format(Locale.ROOT, "%,d B", budget)).append(" | ")
                    .append(best == null ? "–" : percent(best) + " (" + String.format(Locale.ROOT, "%,d B",
                            best.get("bytes").getAsLong()) + ")")
                    .append(" | ").append(best == null ? "nothing fits" : setting(best)).append(" |");
            for (Map<Long, JsonObject> byBudget : baselines.values()) {
                JsonObject b = byBudget.get(budget);
                out.append(' ').append(b == null ? "–" : percent(b) + " (" + b.get("per_class").getAsInt() + "/class)")
                        .append(" |");
            }
            if (random != null) {
                JsonObject r = random.get(budget);
                out.append(' ').append(best == null || r == null ? "–" : String.format(Locale.ROOT, "%+.2f",
                        100 * (best.get("accuracy").getAsDouble() - r.get("accuracy").getAsDouble()))).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static JsonObject best(List<JsonObject> lgc, long budget) {
        JsonObject best = null;
        for (JsonObject p : lgc) {
            if (p.get("bytes").getAsLong() <= budget
                    && (best == null || p.get("accuracy").getAsDouble() > best.get("accuracy").getAsDouble())) {
                best = p;
            }
        }
        return best;
    }

    private static String setting(JsonObject p) {
        return p.get("decoder").getAsString() + ", k=" + p.get("latent_dim").getAsInt() + ", K="
                + p.get("components").getAsInt() + ", " + precision(p);
    }

    /** "int8", or for a mixed decoder (a budget point's file) "int4, layer 3 at int8". */
    private static String precision(JsonObject p) {
        if (!p.has("int8_layers")) {
            return p.get("precision").getAsString();
        }
        List<String> layers = new java.util.ArrayList<>();
        p.getAsJsonArray("int8_layers").forEach(e -> layers.add(e.getAsString()));
        return p.get("grid").getAsString() + ", " + (layers.size() == 1 ? "layer " : "layers ")
                + String.join(" and ", layers) + " at int8";
    }

    private static String percent(JsonObject p) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * p.get("accuracy").getAsDouble());
    }
}
