import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ReadOptions;
import io.lgc.model.RoundingTuner;
import io.lgc.model.RoundingTuning;
import io.lgc.pipeline.RoundingStage;
import io.lgc.pipeline.SharpeningStage;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A decoder stored at int4 but for some layers kept at int8, from a network already trained: FILE must be
 * stored at fp32 throughout (`lgc compress ... --precision fp32 --mixture-precision fp32`, whose mixtures
 * are then the fitted ones to the bit), so that what this writes is what `lgc compress` with the same
 * network would: the int4 rounding steps (300, seed SEED, 1 unless given, as compress runs them) with the weights named in
 * INT8_WEIGHTS rounded to int8's grid and all others to int4's, the spread SPREAD recorded, sharpened when
 * SHARPEN is "sharpen", the mixtures at int8. With INT8_WEIGHTS "none" it is compress's int4 file (but for
 * the header's provenance, and the rounding steps' draws, which come from the fitted mixtures rounded to
 * float32: that moves the tuned weights, and at classifier seed 1 the file scored 85.55 % where compress's
 * scored 86.08 %): the control. Another SEED gives another file of the same setting: how far files of one
 * setting differ.
 *
 * Usage (from the repository root, after a build):
 *   java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/diagnose/MixedPrecision.java \
 *       DATASET FILE.lgc INT8_WEIGHTS SPREAD SHARPEN|plain OUT.lgc [SEED]
 *   INT8_WEIGHTS: comma-separated parameter names (layers.3.weight,layers.9.weight) or none
 */
public class MixedPrecision {
    public static void main(String[] args) throws Exception {
        Dataset images = (Dataset) DatasetResolver.resolveWith(args[0], ReadOptions.DEFAULTS).data();
        CompressedDataset trained = ArtifactFile.read(Path.of(args[1]));
        Set<String> int8 = args[2].equals("none") ? Set.of() : Set.copyOf(Arrays.asList(args[2].split(",")));
        double spread = Double.parseDouble(args[3]);
        boolean sharpen = args[4].equals("sharpen");
        Path out = Path.of(args[5]);
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 1;
        for (String name : int8) {
            if (!trained.decoderWeights().containsKey(name)) {
                throw new IllegalArgumentException("no weight " + name + " in " + args[1] + ": "
                        + trained.decoderWeights().keySet());
            }
        }
        RoundingTuning tuning = RoundingTuning.defaultFor(Precision.INT4);
        RoundingTuner.Rounding rounding = (name, values, shape) ->
                (int8.contains(name) ? Precision.INT8 : Precision.INT4).stored(values, (int) shape[0]);
        Map<String, float[]> weights = RoundingTuner.tune(trained.metadata().decoder(), trained.decoderWeights(),
                trained.mixtures(), rounding, tuning, seed, Progress.silent());
        CompressedDataset file = new CompressedDataset(RoundingStage.recorded(trained.metadata(), Precision.INT4,
                tuning), trained.mixtures(), weights).withDrawSpread(spread);
        StoragePrecision storage = new StoragePrecision(int8.isEmpty() ? Precision.INT4 : Precision.INT8,
                Precision.INT8);
        if (sharpen) {
            SharpeningStage.Sharpened s = SharpeningStage.apply(file, images, storage,
                    SamplingPlan.defaultSpread(file.metadata()), seed);
            System.out.println(SharpeningStage.summary(s.gains()));
            file = s.dataset();
        }
        ArtifactFile.write(out, file, storage);
        System.out.printf("%s: %,d B (int8: %s)%n", out, Files.size(out), int8.isEmpty() ? "none" : int8);
    }
}
