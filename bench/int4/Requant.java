import io.lgc.artifact.*;
import java.nio.file.*;

/**
 * An experiment, not part of LGC: rewrites an .lgc at another decoder precision (from its stored
 * weights), the mixtures as the writer chooses or as given. Usage: Requant IN.lgc OUT.lgc PRECISION [MIXTURES]
 */
public class Requant {
    public static void main(String[] a) {
        CompressedDataset d = ArtifactFile.read(Path.of(a[0]));
        Precision p = Precision.parse(a[2]);
        var storage = a.length > 3 ? new StoragePrecision(p, Precision.parse(a[3])) : ArtifactFile.storage(d, p);
        System.out.println("fp16 divergence " + ArtifactFile.fp16MixtureDivergence(d) + ", storage " + storage);
        System.out.println(ArtifactFile.write(Path.of(a[1]), d, storage));
    }
}
