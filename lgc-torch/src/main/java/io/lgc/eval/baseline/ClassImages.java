package io.lgc.eval.baseline;

import io.lgc.data.Dataset;
import java.util.Arrays;

/** The pixels of some of a dataset's images, one array per image (read as unsigned bytes). */
final class ClassImages {
    private ClassImages() {
    }

    static byte[][] of(Dataset dataset, int[] indices) {
        int d = dataset.shape().size();
        byte[][] images = new byte[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            images[i] = Arrays.copyOfRange(dataset.pixels(), indices[i] * d, (indices[i] + 1) * d);
        }
        return images;
    }

    /** Squared Euclidean distance of two images; exact in a long (255² × pixels fits easily). */
    static long squaredDistance(byte[] a, byte[] b) {
        long sum = 0;
        for (int j = 0; j < a.length; j++) {
            int diff = (a[j] & 0xFF) - (b[j] & 0xFF);
            sum += diff * diff;
        }
        return sum;
    }
}
