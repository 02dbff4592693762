package io.lgc.artifact;

import com.google.gson.JsonObject;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link CompressedDataset}s as .lgc files: the metadata becomes the container's
 * JSON header, the mixtures and the decoder become one section each (see docs/FORMAT.md).
 */
public final class ArtifactFile {
    public static final String MIXTURES = "mixtures";
    public static final String DECODER = "decoder";

    private ArtifactFile() {
    }

    public static WriteReport write(Path file, CompressedDataset data) {
        int[] components = data.mixtures().stream().mapToInt(GaussianMixture::components).toArray();
        JsonObject header = MetadataCodec.toJson(data.metadata(), components);
        Container container = new Container(header, List.of(mixtureSection(data), decoderSection(data)));
        try {
            return ContainerWriter.write(file, container, Codec.AUTO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CompressedDataset read(Path file) {
        String name = file.toString();
        Container container = ContainerReader.read(file);
        ArtifactMetadata metadata = MetadataCodec.fromJson(container.header(), name);
        int[] components = MetadataCodec.components(container.header(), name);
        List<GaussianMixture> mixtures = readMixtures(container.section(MIXTURES), metadata, components, name);
        Map<String, float[]> weights = readDecoder(container.section(DECODER), metadata, name);
        return new CompressedDataset(metadata, mixtures, weights);
    }

    private static Section mixtureSection(CompressedDataset data) {
        List<NamedTensor> tensors = new ArrayList<>();
        int d = data.metadata().latentDim();
        for (int c = 0; c < data.mixtures().size(); c++) {
            GaussianMixture m = data.mixtures().get(c);
            int k = m.components();
            CovarianceType type = m.covarianceType();
            tensors.add(NamedTensor.ofFloats(tensorName(c, "weights"), new long[] {k}, toFloats(m.weights())));
            tensors.add(NamedTensor.ofFloats(tensorName(c, "means"), new long[] {k, d}, flatten(m.means())));
            double[] factors = CovarianceFactors.pack(type, d, m.covariancesFlat());
            tensors.add(NamedTensor.ofFloats(tensorName(c, "covariance_factors"),
                    new long[] {CovarianceFactors.blocks(type, k), CovarianceFactors.packedSize(type, d)},
                    toFloats(factors)));
        }
        return new Section(MIXTURES, tensors, Map.of());
    }

    private static Section decoderSection(CompressedDataset data) {
        Map<String, long[]> shapes = data.metadata().decoder().parameterShapes();
        List<NamedTensor> tensors = new ArrayList<>();
        shapes.forEach((name, shape) -> tensors.add(NamedTensor.ofFloats(name, shape,
                data.decoderWeights().get(name))));
        return new Section(DECODER, tensors, Map.of());
    }

    private static List<GaussianMixture> readMixtures(Section section, ArtifactMetadata metadata, int[] components,
            String file) {
        int d = metadata.latentDim();
        CovarianceType type = metadata.covarianceType();
        List<GaussianMixture> mixtures = new ArrayList<>();
        for (int c = 0; c < metadata.numClasses(); c++) {
            int k = components[c];
            double[] weights = expect(section, tensorName(c, "weights"), new long[] {k}, file).toDoubles();
            double[] means = expect(section, tensorName(c, "means"), new long[] {k, d}, file).toDoubles();
            double[] factors = expect(section, tensorName(c, "covariance_factors"),
                    new long[] {CovarianceFactors.blocks(type, k), CovarianceFactors.packedSize(type, d)}, file)
                    .toDoubles();
            try {
                mixtures.add(GaussianMixture.fromParameters(type, weights, unflatten(means, k, d),
                        CovarianceFactors.unpack(type, d, factors)));
            } catch (RuntimeException e) {
                throw new ArtifactFormatException(file, "mixture of class " + c + " is invalid: "
                        + e.getMessage(), e);
            }
        }
        return mixtures;
    }

    private static Map<String, float[]> readDecoder(Section section, ArtifactMetadata metadata, String file) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        metadata.decoder().parameterShapes().forEach((name, shape) -> {
            float[] values = expect(section, name, shape, file).toFloats();
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new ArtifactFormatException(file, "decoder weight " + name + " holds " + v);
                }
            }
            weights.put(name, values);
        });
        return weights;
    }

    private static NamedTensor expect(Section section, String name, long[] shape, String file) {
        NamedTensor t = section.tensor(name);
        if (!Arrays.equals(t.shape(), shape)) {
            throw new ArtifactFormatException(file, "tensor " + name + " in section '" + section.name()
                    + "' has shape " + Arrays.toString(t.shape()) + ", header implies " + Arrays.toString(shape));
        }
        return t;
    }

    static String tensorName(int classIndex, String part) {
        return "class." + classIndex + "." + part;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static float[] flatten(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) rows[i][j];
            }
        }
        return out;
    }

    private static double[][] unflatten(double[] values, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
