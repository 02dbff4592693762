import io.lgc.artifact.*;
import java.nio.file.*;
import java.util.*;

/**
 * An experiment, not part of LGC: rewrites an .lgc with every decoder weight rounded to a grid of
 * 2·LEVELS + 1 values of its channel's (or group's) max/LEVELS, stored as int8 (which holds the grid
 * to within a 36th of a step), so that any reader decodes what a file on that grid would give.
 * Usage: Int4Sim IN.lgc OUT.lgc LEVELS GROUP(0 = per channel) MIXTURES(fp16|fp32) [WEIGHTS_DIR]
 * WEIGHTS_DIR holds raw little-endian float32 dumps DIR/<parameter>.bin (qat.py's) to use instead.
 */
public class Int4Sim {
    public static void main(String[] a) {
        Path in = Path.of(a[0]), out = Path.of(a[1]);
        int levels = Integer.parseInt(a[2]);       // 7 for int4 symmetric
        int group = Integer.parseInt(a[3]);        // 0 = per output channel
        Precision mix = Precision.parse(a[4]);
        CompressedDataset d0 = ArtifactFile.read(in);
        CompressedDataset d = d0;
        if (a.length > 5) { // replace the weights by raw float32 dumps DIR/<name>.bin (from qat.py)
            Map<String, float[]> imported = new LinkedHashMap<>();
            for (String name : d0.decoderWeights().keySet()) {
                try {
                    byte[] raw = Files.readAllBytes(Path.of(a[5], name + ".bin"));
                    float[] v = new float[raw.length / 4];
                    java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    imported.put(name, v);
                } catch (java.io.IOException e) { throw new RuntimeException(e); }
            }
            d = new CompressedDataset(d0.metadata(), d0.mixtures(), imported);
        }
        Map<String, float[]> w = new LinkedHashMap<>();
        for (var e : d.decoderWeights().entrySet()) {
            String name = e.getKey();
            float[] v = e.getValue().clone();
            float[] bias = name.endsWith("weight") ? d.decoderWeights().get(name.replace("weight", "bias")) : null;
            if (bias != null && v.length > bias.length) {
                int per = v.length / bias.length;
                int g = group == 0 ? per : Math.min(group, per);
                double err = 0, tot = 0;
                for (int c = 0; c < bias.length; c++) {
                    for (int s = 0; s < per; s += g) {
                        int from = c * per + s, to = c * per + Math.min(per, s + g);
                        float max = 0;
                        for (int i = from; i < to; i++) max = Math.max(max, Math.abs(v[i]));
                        float scale = max == 0 ? 1 : max / levels;
                        for (int i = from; i < to; i++) {
                            float q = Math.round(v[i] / scale) * scale;
                            err += (q - v[i]) * (q - v[i]); tot += v[i] * v[i];
                            v[i] = q;
                        }
                    }
                }
                System.out.printf("%s: %d x %d, relative error %.4f%n", name, bias.length, per, Math.sqrt(err / tot));
            }
            w.put(name, v);
        }
        CompressedDataset q = new CompressedDataset(d.metadata(), d.mixtures(), w);
        var r = ArtifactFile.write(out, q, new StoragePrecision(Precision.INT8, mix));
        System.out.println(out + ": " + r);
    }
}
