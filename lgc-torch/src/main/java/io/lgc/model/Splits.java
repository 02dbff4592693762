package io.lgc.model;

import io.lgc.data.LabelledData;
import java.util.Arrays;
import java.util.Random;

/** A seeded split of a dataset into a training part and a held-out validation part. */
record Splits(LabelledData train, LabelledData validation) {
    static Splits holdOut(LabelledData data, double fraction, long seed) {
        int held = (int) Math.round(data.size() * fraction);
        if (held == 0 || held >= data.size()) {
            return new Splits(data, null);
        }
        int[] order = Batches.identity(data.size());
        Batches.shuffle(order, new Random(seed ^ 0x5EEDL));
        int[] trainIdx = Arrays.copyOfRange(order, held, order.length);
        int[] validIdx = Arrays.copyOfRange(order, 0, held);
        Arrays.sort(trainIdx);
        Arrays.sort(validIdx);
        return new Splits(data.subset(trainIdx), data.subset(validIdx));
    }
}
