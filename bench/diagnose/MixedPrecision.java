import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ReadOptions;
import io.lgc.model.LearningRateSchedule;
import io.lgc.model.RoundingTuning;
import io.lgc.pipeline.DecoderGrid;
import io.lgc.pipeline.RoundingStage;
import io.lgc.pipeline.StageTimes;
import io.lgc.pipeline.SharpeningStage;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A decoder stored at int4 but for some layers kept at int8, from a network already trained: FILE must be
 * stored at fp32 throughout (`lgc compress ... --precision fp32 --mixture-precision fp32`, whose mixtures
 * are then the fitted ones to the bit), so that what this writes is what `lgc compress` with the same
 * network would (`--precision int4 --int8-layers INT8_LAYERS`): the int4 rounding steps (300, seed SEED, 1 unless
 * given, as compress runs them) with the weights of the layers INT8_LAYERS rounded to int8's grid and all others to
 * int4's, the spread SPREAD recorded, sharpened when
 * SHARPEN is "sharpen", the mixtures at int8. With INT8_LAYERS "none" it is compress's int4 file (but for
 * the header's provenance, and the rounding steps' draws, which come from the fitted mixtures rounded to
 * float32: that moves the tuned weights, and at classifier seed 1 the file scored 85.55 % where compress's
 * scored 86.08 %): the control. Another SEED gives another file of the same setting: how far files of one
 * setting differ. PER_CLASS: the rounding steps' draws per class and step (26 unless given); STEPS: how many (300
 * unless given); SCHEDULE: constant or cosine, how their learning rate moves (compress's default unless given).
 *
 * Usage (from the repository root, after a build):
 *   java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/diagnose/MixedPrecision.java \
 *       DATASET FILE.lgc INT8_LAYERS SPREAD SHARPEN|plain OUT.lgc [SEED [PER_CLASS [STEPS [SCHEDULE]]]]
 *   INT8_LAYERS: comma-separated layer numbers, as the file names them (layers.3) and --int8-layers takes them, or none
 */
public class MixedPrecision {
    public static void main(String[] args) throws Exception {
        Dataset images = (Dataset) DatasetResolver.resolveWith(args[0], ReadOptions.DEFAULTS).data();
        CompressedDataset trained = ArtifactFile.read(Path.of(args[1]));
        List<Integer> int8 = args[2].equals("none") ? List.of()
                : Arrays.stream(args[2].split(",")).map(Integer::parseInt).toList();
        double spread = Double.parseDouble(args[3]);
        boolean sharpen = args[4].equals("sharpen");
        Path out = Path.of(args[5]);
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 1;
        RoundingTuning standard = RoundingTuning.defaultFor(Precision.INT4);
        RoundingTuning tuning = new RoundingTuning(args.length > 8 ? Integer.parseInt(args[8]) : standard.steps(),
                args.length > 7 ? Integer.parseInt(args[7]) : standard.perClass(), standard.learningRate(),
                standard.spread(), args.length > 9 ? LearningRateSchedule.parse(args[9]) : standard.schedule());
        DecoderGrid grid = DecoderGrid.int4Keeping(int8);
        grid.requireWeightedLayers(trained.metadata().decoder());
        CompressedDataset file = RoundingStage.apply(trained, grid, tuning, seed,
                new StageTimes(), Progress.silent()).withDrawSpread(spread);
        StoragePrecision storage = new StoragePrecision(grid.stored(), Precision.INT8);
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
