package io.lgc.bench;

import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.container.WriteReport;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.eval.EvaluationResult;
import io.lgc.eval.Evaluator;
import io.lgc.synth.Reconstructor;
import io.lgc.synth.SamplingPlan;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Size and accuracy of one artifact stored at each precision: rewrites it as fp32, fp16 and int8,
 * reads each back, reconstructs 6,000 images per class and evaluates them on the real test set.
 * Run by bench/precision.sh; not a test.
 */
public final class PrecisionBenchmark {
    private PrecisionBenchmark() {
    }

    public static void main(String[] args) {
        CompressedDataset source = ArtifactFile.read(Path.of(args[0]));
        Path dir = Path.of(args[1]);
        Dataset test = DatasetResolver.resolve("fashion-mnist/test", null);
        System.out.println("| precision | header | mixtures | decoder | total | accuracy |");
        System.out.println("|---|---|---|---|---|---|");
        for (Precision precision : Precision.values()) {
            Path file = dir.resolve(precision.label() + ".lgc");
            WriteReport written = ArtifactFile.write(file, source, precision);
            CompressedDataset back = ArtifactFile.read(file);
            EvaluationResult result = Evaluator.evaluate(reconstruct(back), test, Evaluator.defaultFit(5, 1),
                    Progress.silent());
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %.2f %% |%n", precision.label(),
                    written.headerBytes(), written.sectionBytes().get(ArtifactFile.MIXTURES),
                    written.sectionBytes().get(ArtifactFile.DECODER), written.totalBytes(), 100 * result.accuracy());
        }
    }

    private static Dataset reconstruct(CompressedDataset data) {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        List<Integer> labels = new ArrayList<>();
        SamplingPlan plan = SamplingPlan.uniform(data.metadata().numClasses(), 6000, 1, 1.0);
        Reconstructor.reconstruct(data, plan, (px, lb) -> {
            pixels.writeBytes(px);
            for (int l : lb) {
                labels.add(l);
            }
        }, Progress.silent());
        return new Dataset(pixels.toByteArray(), labels.stream().mapToInt(Integer::intValue).toArray(),
                data.metadata().classNames(), data.metadata().sampleShape());
    }
}
