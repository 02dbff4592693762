package io.lgc.artifact;

import io.lgc.artifact.container.DType;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.Section;
import io.lgc.artifact.container.SectionContents;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mixtures section: for class c, {@code class.<c>.weights} [K] (always F32: K values, and
 * fp16 rounding would break their sum), {@code class.<c>.means} [K, d] and
 * {@code class.<c>.covariance_factors} [blocks, packed] (see {@link CovarianceFactors}), the
 * last two in F32 or F16 as the mixtures' precision says; under int8 the means are F16 and the
 * factors I8 with a {@code .scale} tensor beside them (see {@link MixtureInt8}), F16 where every
 * scale of the class is an fp16 number, else F32.
 */
final class MixtureTensors {
    static final String SCALE_SUFFIX = DecoderTensors.SCALE_SUFFIX;

    /** How far mixture weights may sum from 1; the gmm package renormalises within this. */
    static final double WEIGHT_SUM_TOLERANCE = 1e-4;

    private MixtureTensors() {
    }

    static String name(int classIndex, String part) {
        return "class." + classIndex + "." + part;
    }

    /** The dtype of the means at this precision: int8 keeps them in fp16 (see {@link MixtureInt8}). */
    static DType meanDtype(Precision mixtures) {
        return mixtures == Precision.FP32 ? DType.F32 : DType.F16;
    }

    /** The dtype of the covariance factors at this precision. */
    static DType factorDtype(Precision mixtures) {
        return switch (mixtures) {
            case FP16 -> DType.F16;
            case INT8 -> DType.I8;
            default -> DType.F32;
        };
    }

    static Section encode(List<GaussianMixture> mixtures, int d, Precision precision) {
        return encode(mixtures, d, precision, 0);
    }

    /** As above, full covariances stored at {@code rank} > 0 as loading vectors plus a diagonal ({@link LowRankFactors}). */
    static Section encode(List<GaussianMixture> mixtures, int d, Precision precision, int rank) {
        return encode(mixtures, d, precision, rank, true);
    }

    /** As above; {@code halfScales} as {@link DecoderTensors#encode(io.lgc.network.NetworkSpec, Map, Precision, boolean)} says. */
    static Section encode(List<GaussianMixture> mixtures, int d, Precision precision, int rank, boolean halfScales) {
        List<NamedTensor> tensors = new ArrayList<>();
        for (int c = 0; c < mixtures.size(); c++) {
            GaussianMixture m = mixtures.get(c);
            int k = m.components();
            CovarianceType type = m.covarianceType();
            tensors.add(NamedTensor.ofFloats(name(c, "weights"), new long[] {k}, toFloats(m.weights())));
            long[] meanShape = {k, d};
            long[] factorShape = factorShape(type, k, d, rank);
            double[] means = flatten(m.means());
            double[] factors = pack(type, d, rank, m.covariancesFlat());
            tensors.add(stored(name(c, "means"), meanShape, means, meanDtype(precision)));
            if (precision == Precision.INT8) {
                MixtureInt8.Quantized q = MixtureInt8.quantizeFactors(factors, type, k, d, rank);
                tensors.add(NamedTensor.ofInt8(name(c, "covariance_factors"), factorShape, q.values()));
                tensors.add(DecoderTensors.scales(name(c, "covariance_factors") + SCALE_SUFFIX, q.scaleShape(),
                        q.scales(), halfScales && q.halfScales()));
            } else {
                tensors.add(stored(name(c, "covariance_factors"), factorShape, factors, factorDtype(precision)));
            }
        }
        return new Section(ArtifactFile.MIXTURES, tensors, Map.of());
    }

    static long[] factorShape(CovarianceType type, int k, int d, int rank) {
        return rank > 0 ? new long[] {k, LowRankFactors.packedSize(d, rank)}
                : new long[] {CovarianceFactors.blocks(type, k), CovarianceFactors.packedSize(type, d)};
    }

    /** Covariances in the gmm package's flat layout → the section's packed factors. */
    static double[] pack(CovarianceType type, int d, int rank, double[] covariances) {
        if (rank > 0) {
            requireFull(type, rank);
            return LowRankFactors.pack(covariances, d, rank);
        }
        return CovarianceFactors.pack(type, d, covariances);
    }

    /** The section's packed factors → covariances in the gmm package's flat layout. */
    static double[] unpack(CovarianceType type, int d, int rank, double[] factors) {
        if (rank > 0) {
            requireFull(type, rank);
            return LowRankFactors.unpack(factors, d, rank);
        }
        return CovarianceFactors.unpack(type, d, factors);
    }

    private static void requireFull(CovarianceType type, int rank) {
        if (type != CovarianceType.FULL) {
            throw new IllegalArgumentException("rank " + rank + " applies to full covariances, not " + type);
        }
    }

    private static NamedTensor stored(String name, long[] shape, double[] values, DType dtype) {
        float[] floats = toFloats(values);
        return dtype == DType.F16 ? NamedTensor.ofHalfs(name, shape, floats) : NamedTensor.ofFloats(name, shape, floats);
    }

    /** One class's parameters exactly as a reader gets them, before they become a GaussianMixture. */
    record Stored(double[] weights, double[] means, double[] factors) {
    }

    /**
     * Every class's mixture; the section must hold exactly three tensors per header class with
     * the header's shapes and the precision's dtypes, and values that make a valid mixture.
     */
    static List<GaussianMixture> decode(Section section, ArtifactMetadata metadata, int[] components,
            Precision precision, String file) {
        int classes = metadata.numClasses();
        Set<String> expected = new LinkedHashSet<>();
        for (int c = 0; c < classes; c++) {
            for (String part : new String[] {"weights", "means", "covariance_factors"}) {
                expected.add(name(c, part));
                if (precision == Precision.INT8 && part.equals("covariance_factors")) {
                    expected.add(name(c, part) + SCALE_SUFFIX);
                }
            }
        }
        SectionContents.requireExactly(section, expected, "the header's " + classes + " classes", file);
        List<GaussianMixture> mixtures = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            Stored s = stored(section, c, components[c], metadata.latentDim(), metadata.covarianceType(),
                    metadata.covarianceRank(), precision, file);
            try {
                mixtures.add(GaussianMixture.fromParameters(metadata.covarianceType(), s.weights(),
                        rows(s.means(), components[c], metadata.latentDim()), unpack(metadata.covarianceType(),
                        metadata.latentDim(), metadata.covarianceRank(), s.factors())));
            } catch (RuntimeException e) {
                throw problem(file, "mixture of class " + c + " is invalid: " + e.getMessage(), e);
            }
        }
        return mixtures;
    }

    /** Class c's tensors, checked one by one so that a problem names its tensor. */
    static Stored stored(Section section, int c, int k, int d, CovarianceType type, int rank, Precision precision,
            String file) {
        double[] weights = finite(section.tensor(name(c, "weights"), DType.F32, k), file);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            if (weights[i] < 0) {
                throw problem(file, "tensor '" + name(c, "weights") + "' holds " + weights[i] + " at index " + i
                        + "; weights must be >= 0", null);
            }
            sum += weights[i];
        }
        if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) {
            throw problem(file, "tensor '" + name(c, "weights") + "' sums to " + sum + ", not 1", null);
        }
        double[] means = finite(section.tensor(name(c, "means"), meanDtype(precision), k, d), file);
        String factorName = name(c, "covariance_factors");
        long[] shape = factorShape(type, k, d, rank);
        double[] factors = values(section, factorName, factorDtype(precision), shape,
                MixtureInt8.factorRows(type, k, d, rank), file);
        int per = (int) shape[1];
        for (int b = 0; b < shape[0]; b++) {
            for (int i = 0; i < (rank > 0 || type == CovarianceType.FULL || type == CovarianceType.TIED ? d : per);
                    i++) {
                int at = b * per + (rank > 0 ? LowRankFactors.deviationIndex(d, rank, i)
                        : CovarianceFactors.diagonalIndex(type, i));
                if (!(factors[at] > 0)) {
                    throw problem(file, rank > 0 ? "tensor '" + factorName + "' has standard deviation " + factors[at]
                            + " in block " + b + " at index " + i + "; low-rank factors need positive ones"
                            : "tensor '" + factorName + "' has diagonal entry " + factors[at] + " in block "
                            + b + " at row " + i + "; Cholesky factors need a positive diagonal", null);
                }
            }
        }
        return new Stored(weights, means, factors);
    }

    /** A stored tensor's values, dequantised under int8 (its scales checked first), and all finite. */
    private static double[] values(Section section, String name, DType dtype, long[] shape, MixtureInt8.Rows rows,
            String file) {
        NamedTensor t = section.tensor(name, dtype, shape);
        if (dtype != DType.I8) {
            return finite(t, file);
        }
        String scaleName = name + SCALE_SUFFIX;
        float[] scales = section.tensor(scaleName, DType.F32, DType.F16, rows.scaleShape()).toFloats();
        int bad = PerChannelInt8.firstInvalidScale(scales);
        if (bad >= 0) {
            throw problem(file, "tensor '" + scaleName + "' holds scale " + scales[bad] + " at index " + bad
                    + "; scales must be finite and positive", null);
        }
        byte[] q = t.data();
        int beyond = PerChannelInt8.firstBeyond(q, MixtureInt8.LIMIT);
        if (beyond >= 0) {
            throw problem(file, "tensor '" + name + "' holds " + q[beyond] + " at index " + beyond
                    + "; int8 values are symmetric, -127..127", null);
        }
        double[] values = MixtureInt8.dequantize(q, scales, rows);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw problem(file, "tensor '" + name + "' holds " + values[i] + " at index " + i
                        + " once scaled", null);
            }
        }
        return values;
    }

    private static double[] finite(NamedTensor t, String file) {
        double[] values = t.toDoubles();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw problem(file, "tensor '" + t.name() + "' holds " + values[i] + " at index " + i, null);
            }
        }
        return values;
    }

    private static ArtifactFormatException problem(String file, String what, Throwable cause) {
        return new ArtifactFormatException(file, "section '" + ArtifactFile.MIXTURES + "': " + what, cause);
    }

    static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    static double[] flatten(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] out = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * cols, cols);
        }
        return out;
    }

    static double[][] rows(double[] values, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
