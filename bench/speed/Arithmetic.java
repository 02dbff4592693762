import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.DecoderArithmetic;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import java.nio.file.Path;

/**
 * Issue 13: the same file with the other decoder arithmetic, for side-by-side timings. Reads FILE and writes
 * OUT with header decoder_arithmetic ARITHMETIC (layerwise or fused), the decoder stored at PRECISION and the
 * mixtures at MIXTURES (the file's own, as `lgc inspect` prints them: a file read and written again at its own
 * storage keeps its weights bit for bit).
 *
 * Usage (from the repository root, after a build):
 *   java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/speed/Arithmetic.java FILE OUT layerwise int8 fp16
 */
public class Arithmetic {
    public static void main(String[] a) {
        CompressedDataset in = ArtifactFile.read(Path.of(a[0]));
        DecoderArithmetic arithmetic = DecoderArithmetic.parse(a[2]);
        CompressedDataset out = new CompressedDataset(in.metadata().withDecoderArithmetic(arithmetic), in.mixtures(),
                in.decoderWeights());
        StoragePrecision storage = new StoragePrecision(Precision.parse(a[3]), Precision.parse(a[4]));
        System.out.println(ArtifactFile.write(Path.of(a[1]), out, storage));
    }
}
