package io.lgc.model;

import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import java.util.List;
import java.util.Random;

/** Small synthetic image sets for model tests: class c is a bright bar at row block c. */
final class TinyData {
    private TinyData() {
    }

    static Dataset bars(int perClass, int classes, long seed) {
        Random random = new Random(seed);
        int side = 12;
        int n = perClass * classes;
        byte[] px = new byte[n * side * side];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    boolean bar = y / (side / classes) == c;
                    int v = bar ? 200 + random.nextInt(56) : random.nextInt(40);
                    px[i * side * side + y * side + x] = (byte) v;
                }
            }
        }
        List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(c -> "bar" + c).toList();
        return new Dataset(px, labels, names, new ImageShape(1, side, side));
    }
}
