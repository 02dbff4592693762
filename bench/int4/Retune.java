import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.model.RoundingTuning;
import io.lgc.pipeline.RoundingStage;
import io.lgc.pipeline.StageTimes;
import java.nio.file.Path;

/**
 * An experiment's tool: rewrites an .lgc at PRECISION after `lgc compress --rounding-steps STEPS`'s tuning,
 * starting from the weights the file holds. Usage: Retune IN.lgc OUT.lgc PRECISION STEPS SEED
 */
public class Retune {
    public static void main(String[] a) {
        CompressedDataset d = ArtifactFile.read(Path.of(a[0]));
        Precision p = Precision.parse(a[2]);
        Progress progress = new Progress() {
            @Override
            public void update(String task, long done, long total, long startNanos) {
            }

            @Override
            public void line(String text) {
                System.out.println(text);
            }
        };
        CompressedDataset tuned = RoundingStage.apply(d, p, RoundingTuning.steps(Integer.parseInt(a[3])),
                Long.parseLong(a[4]), new StageTimes(), progress);
        System.out.println(ArtifactFile.write(Path.of(a[1]), tuned, p));
    }
}
