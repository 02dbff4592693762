import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.VerifiedArtifact;
import io.lgc.artifact.container.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the files given would take if this build wrote them again at their own precisions: each file's size
 * and the bytes {@code ArtifactFile.storedBytes} gives for its contents, without writing anything. Measures
 * format changes (fp16 scales, 2026-12-06) on files already made, without training them again.
 *
 * Usage (from the repository root, after a build):
 *   java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/diagnose/StoredBytes.java FILE.lgc...
 */
public class StoredBytes {
    public static void main(String[] args) throws IOException {
        System.out.println("| file | precision | bytes | written again | change |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String arg : args) {
            Path file = Path.of(arg);
            VerifiedArtifact read = ArtifactFile.readVerified(file);
            long before = Files.size(file);
            long after = ArtifactFile.storedBytes(read.dataset(), read.precision(), Codec.AUTO);
            System.out.printf("| %s | %s decoder, %s mixtures | %,d | %,d | %+,d (%+.1f %%) |%n", file.getFileName(),
                    read.precision().decoder().label(), read.precision().mixtures().label(), before, after,
                    after - before, 100.0 * (after - before) / before);
        }
    }
}
