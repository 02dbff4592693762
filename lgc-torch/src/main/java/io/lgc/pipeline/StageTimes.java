package io.lgc.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock seconds spent in each named stage, in the order the stages ran. */
public final class StageTimes {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    public <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            seconds.merge(stage, (System.nanoTime() - start) / 1e9, Double::sum);
        }
    }

    /** Adds {@code other}'s seconds, stage by stage (new stages after these). */
    public void add(StageTimes other) {
        other.seconds.forEach((stage, s) -> seconds.merge(stage, s, Double::sum));
    }

    /** A copy holding the stages timed so far; later stages of either do not show in the other. */
    public StageTimes copy() {
        StageTimes c = new StageTimes();
        c.seconds.putAll(seconds);
        return c;
    }

    public Map<String, Double> seconds() {
        return Collections.unmodifiableMap(seconds);
    }

    public double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
