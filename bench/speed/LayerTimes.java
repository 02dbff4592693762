import ai.djl.Model;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.lgc.artifact.*;
import io.lgc.model.*;
import java.nio.file.Path;
import java.util.*;

/**
 * Issue 13: where decoding spends its time, layer by layer. Decodes ROWS random latents through FILE.lgc's
 * decoder REPS times (after two warm-up passes), timing each layer's forward call, and prints wall
 * milliseconds per 1,000 images for each. bench/speed/layer_times.py does the same in plain PyTorch.
 *
 * Usage (from the repository root, after a build; `source tools/native-env.sh` first):
 *   java -Dai.djl.pytorch.num_threads=$(nproc) -Dai.djl.pytorch.num_interop_threads=1 \
 *       -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/speed/LayerTimes.java FILE.lgc ROWS REPS
 */
public class LayerTimes {
    public static void main(String[] a) {
        CompressedDataset data = ArtifactFile.read(Path.of(a[0]));
        int rows = Integer.parseInt(a[1]);
        int reps = Integer.parseInt(a[2]);
        var spec = data.metadata().decoder();
        Engines.pytorch();
        try (Model model = Model.newInstance("layer-times")) {
            SequentialBlock block = Networks.build(spec);
            model.setBlock(block);
            Networks.initialize(block, spec, model.getNDManager());
            Networks.importWeights(block, spec, data.decoderWeights());
            List<Block> kids = new ArrayList<>();
            block.getChildren().values().forEach(kids::add);
            double[] ms = new double[kids.size()];
            Random r = new Random(1);
            float[] z = new float[rows * data.metadata().latentDim()];
            for (int rep = 0; rep < reps + 2; rep++) {
                for (int i = 0; i < z.length; i++) z[i] = (float) r.nextGaussian();
                try (NDManager m = model.getNDManager().newSubManager()) {
                    ParameterStore ps = new ParameterStore(m, false);
                    NDList x = new NDList(m.create(z, new Shape(rows, data.metadata().latentDim())));
                    for (int k = 0; k < kids.size(); k++) {
                        long t = System.nanoTime();
                        x = kids.get(k).forward(ps, x, false);
                        if (rep >= 2) ms[k] += (System.nanoTime() - t) / 1e6;
                    }
                    x.singletonOrThrow().toFloatArray();
                }
            }
            double total = 0;
            for (int k = 0; k < kids.size(); k++) {
                System.out.printf("%2d %-28s %8.1f ms/1000 images%n", k, spec.layers().get(k).getClass().getSimpleName(), ms[k] / reps / rows * 1000);
                total += ms[k];
            }
            System.out.printf("total %.1f ms/1000 images%n", total / reps / rows * 1000);
        }
    }
}
