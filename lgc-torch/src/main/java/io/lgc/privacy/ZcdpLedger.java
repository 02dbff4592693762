package io.lgc.privacy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The zCDP budget of one private compression, spent mechanism by mechanism: each spend names the
 * statistic, its L2 sensitivity, the ρ it costs and the σ that buys it, so the header can list every
 * step's share. A mechanism run once per class on that class's records (disjoint sets) is spent once.
 * Refuses to spend more than the budget.
 */
final class ZcdpLedger {
    /** One Gaussian mechanism: {@code rho = sensitivity² / (2 σ²)}. */
    record Spend(String statistic, double sensitivity, double rho, double sigma) {
    }

    private static final double ROUNDING = 1e-9;
    private final double budget;
    private final List<Spend> spends = new ArrayList<>();

    ZcdpLedger(double budget) {
        if (!(budget > 0)) {
            throw new IllegalArgumentException("a budget must be > 0, got " + budget);
        }
        this.budget = budget;
    }

    /** Records the mechanism and returns its noise standard deviation. */
    double gaussian(String statistic, double sensitivity, double rho) {
        if (spent() + rho > budget * (1 + ROUNDING)) {
            throw new IllegalStateException(statistic + " would spend " + rho + " of a zCDP budget of " + budget
                    + " of which " + spent() + " is spent");
        }
        double sigma = Zcdp.sigma(sensitivity, rho);
        spends.add(new Spend(statistic, sensitivity, rho, sigma));
        return sigma;
    }

    double budget() {
        return budget;
    }

    double spent() {
        return spends.stream().mapToDouble(Spend::rho).sum();
    }

    List<Spend> spends() {
        return List.copyOf(spends);
    }

    /** The steps as the header lists them: statistic, sensitivity, rho, sigma and share of the budget. */
    JsonArray toJson() {
        JsonArray out = new JsonArray();
        for (Spend s : spends) {
            JsonObject o = new JsonObject();
            o.addProperty("statistic", s.statistic());
            o.addProperty("sensitivity", s.sensitivity());
            o.addProperty("rho", s.rho());
            o.addProperty("sigma", s.sigma());
            o.addProperty("share", s.rho() / budget);
            out.add(o);
        }
        return out;
    }
}
