package io.lgc.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Fashion-MNIST numbers from the dataset-distillation literature, drawn beside a sweep. Each is
 * the ConvNet test accuracy of a model trained on IPC synthetic (or real) images per class, with
 * the paper's own much longer training (hundreds of epochs), converted to the bytes those images
 * take as uint8 pixels: IPC × 10 classes × 784 bytes.
 */
public final class PublishedResults {
    private static final String DC = "Zhao, Mopuri & Bilen, Dataset Condensation with Gradient Matching, ICLR 2021, "
            + "Table 1 (FashionMNIST, ConvNet)";
    private static final String DSA = "Zhao & Bilen, Dataset Condensation with Differentiable Siamese Augmentation, "
            + "ICML 2021, Table 1 (FashionMNIST, ConvNet)";
    private static final String IDC = "Kim et al., Dataset Condensation via Efficient Synthetic-Data Parameterization "
            + "(IDC), ICML 2022; value as quoted in the LGC brief (DC/DSA/IDC: 82-86 % at 10, 84-89 % at 50 images "
            + "per class), not re-checked against the paper's tables";

    /** One quoted accuracy; {@code accuracy} as a fraction. */
    public record Entry(String method, int ipc, double accuracy, String source) {
        public long bytes() {
            return (long) ipc * 10 * 784;
        }
    }

    public static final List<Entry> FASHION_MNIST = List.of(
            new Entry("random real images", 1, 0.514, DC),
            new Entry("random real images", 10, 0.738, DC),
            new Entry("random real images", 50, 0.825, DC),
            new Entry("DC", 1, 0.705, DC),
            new Entry("DC", 10, 0.823, DC),
            new Entry("DC", 50, 0.836, DC),
            new Entry("DSA", 1, 0.706, DSA),
            new Entry("DSA", 10, 0.846, DSA),
            new Entry("DSA", 50, 0.887, DSA),
            new Entry("IDC", 10, 0.860, IDC),
            new Entry("IDC", 50, 0.862, IDC));

    private PublishedResults() {
    }

    /** The "published" array of sweep.json. */
    public static JsonArray fashionMnistJson() {
        JsonArray a = new JsonArray();
        for (Entry e : FASHION_MNIST) {
            JsonObject o = new JsonObject();
            o.addProperty("method", e.method());
            o.addProperty("ipc", e.ipc());
            o.addProperty("bytes", e.bytes());
            o.addProperty("accuracy", e.accuracy());
            o.addProperty("source", e.source());
            a.add(o);
        }
        return a;
    }
}
