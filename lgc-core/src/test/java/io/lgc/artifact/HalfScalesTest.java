package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.artifact.container.Codec;
import io.lgc.artifact.container.DType;
import io.lgc.artifact.container.HalfFloat;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.Section;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scales of int8 tensors are stored in fp16 where every scale of a tensor is a normal fp16 number, the
 * values then rounded on those very scales, so nothing is lost; a tensor with a scale fp16 cannot hold keeps
 * fp32 scales, as int4 weights always do, and readers take either.
 */
class HalfScalesTest {
    private static final NetworkSpec SPEC = TinyArtifacts.everyOpDecoder();
    private static final Map<String, float[]> WEIGHTS = TinyArtifacts.randomWeights(SPEC, 3);

    @Test
    void int8ScalesAreStoredInFp16Int4OnesInFp32AndTheWeightsReadBackAsTheWriterRoundedThem() {
        for (Precision precision : List.of(Precision.INT8, Precision.INT4)) {
            Section section = DecoderTensors.encode(SPEC, WEIGHTS, precision);
            int scaleTensors = 0;
            for (NamedTensor t : section.tensors()) {
                if (t.name().endsWith(DecoderTensors.SCALE_SUFFIX)) {
                    assertThat(t.dtype()).as("%s at %s", t.name(), precision)
                            .isEqualTo(precision == Precision.INT8 ? DType.F16 : DType.F32);
                    scaleTensors++;
                }
            }
            assertThat(scaleTensors).isEqualTo(SPEC.parameterShapes().keySet().stream()
                    .filter(DecoderTensors::isWeight).count());
            Map<String, float[]> back = DecoderTensors.decode(section, SPEC, precision, "tiny.lgc");
            SPEC.parameterShapes().forEach((name, shape) -> {
                if (DecoderTensors.isWeight(name)) {
                    assertThat(back.get(name)).as(name).containsExactly(
                            precision.stored(WEIGHTS.get(name), (int) shape[0]));
                }
            });
        }
    }

    @Test
    void everyScaleIsAnFp16NumberAndEveryValueStaysWithinHalfAStepOfIt() {
        float[] w = {0.3f, -0.1f, 0.05f, 1e-3f, /* channel 1: */ 2.5f, -7f, 0.2f, 3f};
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 2);
        assertThat(q.halfScales()).isTrue();
        for (float scale : q.scales()) {
            assertThat(HalfFloat.toFloat(HalfFloat.fromFloat(scale))).isEqualTo(scale);
        }
        // 0.3 / 127 is not an fp16 number: the nearest one is taken and the weights rounded on it
        assertThat(q.scales()[0]).isNotEqualTo(PerChannelInt8.scaleFor(0.3f))
                .isCloseTo(0.3f / 127, org.assertj.core.data.Percentage.withPercentage(0.05));
        float[] back = PerChannelInt8.dequantize(q.values(), q.scales());
        for (int i = 0; i < w.length; i++) {
            assertThat((double) Math.abs(back[i] - w[i])).as("weight %d", i)
                    .isLessThanOrEqualTo(q.scales()[i / 4] / 2.0 + Math.ulp(w[i]));
        }
    }

    @Test
    void aTensorWithAScaleBelowFp16sNormalRangeKeepsExactFp32Scales() {
        float[] w = {0.3f, -0.1f, /* channel 1, max/127 below 2^-14: */ 1e-3f, -5e-4f};
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 2);
        assertThat(q.halfScales()).isFalse();
        assertThat(q.scales()).containsExactly(PerChannelInt8.scaleFor(0.3f), PerChannelInt8.scaleFor(1e-3f));
        // int4 keeps fp32 scales whatever their size: the scales its least-squares search picks, unrounded
        float[] int4 = {0.7f, 0f, 0.3f, 0f};
        PerChannelInt8.Quantized q4 = PerChannelInt8.quantize(int4, 2, PerChannelInt8.INT4_LIMIT);
        assertThat(q4.halfScales()).isFalse();
        // 0.7f lies on the grid of 0.1f (7 · 0.1f is 0.7f in float), which it keeps
        assertThat(q4.scales()[0]).isEqualTo(0.1f);
        assertThat(HalfFloat.toFloat(HalfFloat.fromFloat(q4.scales()[0]))).isNotEqualTo(q4.scales()[0]);
    }

    @Test
    void mixtureFactorScalesAreFp16UnlessAClassHasARowFp16CannotScale() {
        int d = TinyArtifacts.LATENT;
        List<GaussianMixture> mixtures = new ArrayList<>(TinyArtifacts.randomMixtures(2, 2, d, CovarianceType.FULL, 5));
        // class 1: a latent coordinate with a spread of 1e-4, whose Cholesky row scale is 1e-4 / 127 < 2^-14
        double[] covariances = new double[2 * d * d];
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < d; i++) {
                covariances[j * d * d + i * d + i] = i == 0 ? 1e-8 : 1;
            }
        }
        mixtures.set(1, GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {0.5, 0.5},
                new double[2][d], covariances));
        Section section = MixtureTensors.encode(mixtures, d, Precision.INT8);
        assertThat(section.tensor("class.0.covariance_factors.scale").dtype()).isEqualTo(DType.F16);
        assertThat(section.tensor("class.1.covariance_factors.scale").dtype()).isEqualTo(DType.F32);
        MixtureTensors.Stored tiny = MixtureTensors.stored(section, 1, 2, d, CovarianceType.FULL, 0, Precision.INT8,
                "tiny.lgc");
        assertThat(tiny.factors()[0]).isCloseTo(1e-4, org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    @Test
    void scalesInFp32AsEarlierWritersStoredThemStillRead() {
        Section fp32 = DecoderTensors.encode(SPEC, WEIGHTS, Precision.INT8, false);
        assertThat(fp32.tensors()).filteredOn(t -> t.name().endsWith(DecoderTensors.SCALE_SUFFIX))
                .isNotEmpty().allMatch(t -> t.dtype() == DType.F32);
        assertThat(DecoderTensors.decode(fp32, SPEC, Precision.INT8, "old.lgc"))
                .usingRecursiveComparison().isEqualTo(DecoderTensors.decode(
                        DecoderTensors.encode(SPEC, WEIGHTS, Precision.INT8), SPEC, Precision.INT8, "new.lgc"));
    }

    @Test
    void aScaleTensorOfAnyOtherDtypeIsRefusedNamingIt() {
        Section section = DecoderTensors.encode(SPEC, WEIGHTS, Precision.INT8);
        List<NamedTensor> tensors = new ArrayList<>();
        for (NamedTensor t : section.tensors()) {
            tensors.add(t.name().equals("layers.0.weight.scale")
                    ? NamedTensor.ofInt8(t.name(), t.shape(), new byte[(int) t.elementCount()]) : t);
        }
        Section forged = new Section(section.name(), tensors, section.metadata());
        assertThatThrownBy(() -> DecoderTensors.decode(forged, SPEC, Precision.INT8, "forged.lgc"))
                .isInstanceOf(io.lgc.artifact.container.ContainerFormatException.class)
                .hasMessageContaining("tensor 'layers.0.weight.scale' is I8, expected F32 or F16");
    }

    @Test
    void thePredictedLongestFileCountsEveryScaleInFp32() {
        CompressedDataset data = TinyArtifacts.tiny();
        StoragePrecision storage = new StoragePrecision(Precision.INT8, Precision.INT8);
        long scales = 0;
        for (Section s : ArtifactFile.assemble(data, storage).sections()) {
            for (NamedTensor t : s.tensors()) {
                if (t.name().endsWith(DecoderTensors.SCALE_SUFFIX)) {
                    assertThat(t.dtype()).isEqualTo(DType.F16);
                    scales += t.elementCount();
                }
            }
        }
        assertThat(scales).isPositive();
        assertThat(ArtifactFile.maxStoredBytes(data, storage) - ArtifactFile.storedBytes(data, storage, Codec.NONE))
                .isEqualTo(2 * scales);
    }
}
