package io.lgc.artifact;

import io.lgc.artifact.container.HalfFloat;
import io.lgc.artifact.container.DType;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.Section;
import io.lgc.artifact.container.SectionContents;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decoder section: one tensor per network parameter, named as {@link NetworkSpec} names
 * them ({@code layers.<i>.weight}, {@code layers.<i>.bias}), in the dtype the precision
 * prescribes. Under int8 and int4 every weight also has {@code layers.<i>.weight.scale}, in fp16 where
 * every scale of the weight is an fp16 number (the int8 writer makes them so where it can; int4 keeps its
 * scales exact, see {@link PerChannelInt8#quantize(float[], int, int)}), else in fp32.
 *
 * <p>int8 stores biases as fp16, not fp32: they are 4 % of the parameters here, fp16's relative
 * error (2^-11) is far below the half step int8 leaves in the weights they are added to, and
 * fp32 would make them 8 % of the section instead.
 */
final class DecoderTensors {
    static final String SCALE_SUFFIX = ".scale";
    private static final String WEIGHT_SUFFIX = ".weight";

    private DecoderTensors() {
    }

    /** Quantised (int8) or not, every parameter whose name ends in ".weight" has output channels first. */
    static boolean isWeight(String parameter) {
        return parameter.endsWith(WEIGHT_SUFFIX);
    }

    /** The dtype a parameter is stored in at {@code precision}. */
    static DType dtype(String parameter, Precision precision) {
        return switch (precision) {
            case FP32 -> DType.F32;
            case FP16 -> DType.F16;
            case INT8, INT4 -> isWeight(parameter) ? DType.I8 : DType.F16;
        };
    }

    static Section encode(NetworkSpec spec, Map<String, float[]> weights, Precision precision) {
        return encode(spec, weights, precision, true);
    }

    /**
     * As above; {@code halfScales}: a weight's scales go in fp16 where they are all fp16 numbers
     * ({@link PerChannelInt8#asHalfs}), else in fp32, which is what false asks for every weight (the
     * longest the section can be, for predictions).
     */
    static Section encode(NetworkSpec spec, Map<String, float[]> weights, Precision precision, boolean halfScales) {
        List<NamedTensor> tensors = new ArrayList<>();
        spec.parameterShapes().forEach((name, shape) -> {
            float[] values = weights.get(name);
            if (values == null || values.length != NamedTensor.elementCount(shape)) {
                throw new IllegalArgumentException("decoder parameter " + name + ": expected "
                        + NamedTensor.elementCount(shape) + " values, got "
                        + (values == null ? "none" : values.length));
            }
            switch (dtype(name, precision)) {
                case F32 -> tensors.add(NamedTensor.ofFloats(name, shape, values));
                case F16 -> tensors.add(halfs(name, shape, values));
                case I8 -> {
                    PerChannelInt8.Quantized q = PerChannelInt8.quantize(values, (int) shape[0],
                            precision.quantizationLimit());
                    tensors.add(NamedTensor.ofInt8(name, shape, q.values()));
                    tensors.add(scales(name + SCALE_SUFFIX, new long[] {shape[0]}, q.scales(),
                            halfScales && q.halfScales()));
                }
                default -> throw new AssertionError(name);
            }
        });
        return new Section(ArtifactFile.DECODER, tensors, Map.of());
    }

    /** A scale tensor, in fp16 when {@code half} (every scale then is an fp16 number), else in fp32. */
    static NamedTensor scales(String name, long[] shape, float[] scales, boolean half) {
        return half ? NamedTensor.ofHalfs(name, shape, scales) : NamedTensor.ofFloats(name, shape, scales);
    }

    /** fp16 turns anything beyond ±65504 into infinity; refuse rather than write a decoder that cannot work. */
    private static NamedTensor halfs(String name, long[] shape, float[] values) {
        for (float v : values) {
            if (!Float.isFinite(HalfFloat.toFloat(HalfFloat.fromFloat(v)))) {
                throw new IllegalArgumentException("decoder parameter " + name + " holds " + v
                        + ", beyond fp16's range (±65504); store the decoder in fp32");
            }
        }
        return NamedTensor.ofHalfs(name, shape, values);
    }

    /**
     * The weights as floats, dequantised; the section must hold exactly the tensors the spec
     * and precision imply, with their dtypes and shapes, finite values and positive scales.
     */
    static Map<String, float[]> decode(Section section, NetworkSpec spec, Precision precision, String file) {
        Map<String, long[]> shapes = spec.parameterShapes();
        Set<String> expected = new LinkedHashSet<>();
        shapes.forEach((name, shape) -> {
            expected.add(name);
            if (dtype(name, precision) == DType.I8) {
                expected.add(name + SCALE_SUFFIX);
            }
        });
        SectionContents.requireExactly(section, expected, "the header's decoder at " + precision.label(), file);
        Map<String, float[]> weights = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            DType dtype = dtype(name, precision);
            NamedTensor t = section.tensor(name, dtype, shape);
            float[] values = dtype == DType.I8 ? dequantize(section, t, precision, file) : t.toFloats();
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw problem(file, name, "holds " + values[i] + " at index " + i);
                }
            }
            weights.put(name, values);
        });
        return weights;
    }

    private static float[] dequantize(Section section, NamedTensor weight, Precision precision, String file) {
        long channels = weight.shape()[0];
        String scaleName = weight.name() + SCALE_SUFFIX;
        float[] scales = section.tensor(scaleName, DType.F32, DType.F16, channels).toFloats();
        int bad = PerChannelInt8.firstInvalidScale(scales);
        if (bad >= 0) {
            throw problem(file, scaleName, "holds scale " + scales[bad] + " for channel " + bad
                    + "; scales must be finite and positive");
        }
        byte[] q = weight.data();
        int limit = precision.quantizationLimit();
        int beyond = PerChannelInt8.firstBeyond(q, limit);
        if (beyond >= 0) {
            throw problem(file, weight.name(), "holds " + q[beyond] + " at index " + beyond + "; "
                    + precision.label() + " weights are symmetric, -" + limit + ".." + limit);
        }
        return PerChannelInt8.dequantize(q, scales);
    }

    private static ArtifactFormatException problem(String file, String tensor, String what) {
        return new ArtifactFormatException(file, "section '" + ArtifactFile.DECODER + "': tensor '" + tensor
                + "' " + what);
    }
}
