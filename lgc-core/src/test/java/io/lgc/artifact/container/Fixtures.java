package io.lgc.artifact.container;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Sample containers shared by the tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static JsonObject header() {
        JsonObject h = new JsonObject();
        h.addProperty("kind", "lgc-model");
        h.addProperty("latentDim", 16);
        h.addProperty("learningRate", 1.5e-3);
        h.addProperty("note", "ünïcödé ✓ \"quoted\" <tag> & \u2028");
        JsonArray classes = new JsonArray();
        classes.add("cat");
        classes.add("dog");
        h.add("classes", classes);
        JsonObject nested = new JsonObject();
        nested.addProperty("z", true);
        nested.add("a", com.google.gson.JsonNull.INSTANCE);
        h.add("nested", nested);
        return h;
    }

    /** One tensor of every dtype with awkward sizes (odd byte counts force the alignment order). */
    public static Section everyDType(String name, long seed) {
        Random r = new Random(seed);
        float[] f = new float[6];
        double[] d = new double[5];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        byte[] bytes = new byte[7];
        r.nextBytes(bytes);
        return new Section(name, List.of(
                NamedTensor.ofInt8("i8", new long[] {7}, bytes),
                NamedTensor.ofHalfs("f16", new long[] {2, 3}, f),
                NamedTensor.ofDoubles("f64", new long[] {5}, d),
                NamedTensor.ofUint8("u8", new long[] {1, 7}, bytes),
                NamedTensor.ofFloats("f32", new long[] {3, 2}, f),
                NamedTensor.ofInts("i32", new long[] {3}, new int[] {Integer.MIN_VALUE, -1, Integer.MAX_VALUE}),
                NamedTensor.ofLongs("i64", new long[] {2}, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}),
                NamedTensor.ofFloats("scalar", new long[0], new float[] {42f}),
                NamedTensor.ofFloats("empty", new long[] {0, 4}, new float[0])),
                Map.of("role", name, "seed", Long.toString(seed)));
    }

    /** A section that deflates well. */
    public static Section compressible(String name) {
        int[] ramp = new int[512];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i % 10;
        }
        return new Section(name, List.of(NamedTensor.ofInts("labels", new long[] {512}, ramp)), Map.of("classes", "10"));
    }

    /** A section of random bytes, which deflate cannot shrink. */
    public static Section incompressible(String name, long seed) {
        byte[] noise = new byte[1024];
        new Random(seed).nextBytes(noise);
        return new Section(name, List.of(NamedTensor.ofUint8("noise", new long[] {32, 32}, noise)));
    }

    /** Small, but with every dtype and both stored codecs when written with AUTO. */
    public static Container sample() {
        return new Container(header(), List.of(everyDType("mixtures", 1), compressible("labels"),
                incompressible("decoder", 2)));
    }
}
