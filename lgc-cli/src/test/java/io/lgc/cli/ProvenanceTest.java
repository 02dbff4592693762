package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.artifact.ArtifactFile;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a shared file reveals about its maker: by default the source's base name, format and size,
 * no path and no content hash; {@code --provenance full} records the path as given and the SHA-256.
 */
class ProvenanceTest {
    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void writeData() throws IOException {
        data = dir.resolve("private-photos");
        IdxWriter.write(SyntheticImages.bands(10, 3, 8, 1), data, "train");
    }

    private JsonObject compressedSource(Path artifact, String... extra) {
        List<String> args = new ArrayList<>(List.of("compress", data.toString(), "-o", artifact.toString(),
                "--decoder", "pca", "--latent-dim", "2", "--components", "1", "--quiet"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return ArtifactFile.read(artifact).metadata().provenance().getAsJsonObject("source");
    }

    @Test
    void byDefaultTheHeaderRecordsTheBaseNameAndNoContentHash() {
        Path artifact = dir.resolve("a.lgc");

        JsonObject source = compressedSource(artifact);

        assertThat(source.get("name").getAsString()).isEqualTo("private-photos");
        assertThat(source.has("sha256")).isFalse();
        assertThat(source.get("record").getAsString()).isEqualTo("minimal");
        assertThat(source.get("format").getAsString()).isEqualTo("idx");
        assertThat(source.toString()).doesNotContain(dir.toString());
        CliRun inspect = CliRun.of("inspect", artifact.toString());
        assertThat(inspect.out()).contains("source: private-photos (provenance minimal: the base name only, no path"
                + " or content hash)");
    }

    @Test
    void fullProvenanceRecordsThePathAsGivenAndTheSha256() {
        Path artifact = dir.resolve("a.lgc");

        JsonObject source = compressedSource(artifact, "--provenance", "full");

        assertThat(source.get("name").getAsString()).isEqualTo(data.toString());
        assertThat(source.get("sha256").getAsString()).matches("[0-9a-f]{64}");
        assertThat(source.get("record").getAsString()).isEqualTo("full");
        CliRun inspect = CliRun.of("inspect", artifact.toString());
        assertThat(inspect.out()).contains("source: " + data + " (provenance full: the path as given and the SHA-256"
                + " of the source files are recorded)");
        CliRun json = CliRun.of("inspect", artifact.toString(), "--json");
        assertThat(JsonParser.parseString(json.out()).getAsJsonObject().get("source_record").getAsString())
                .isEqualTo("full");
    }

    @Test
    void aFileFromBeforeTheChoiceReadsAsFullProvenance() {
        JsonObject provenance = JsonParser.parseString("{\"source\": {\"name\": \"/home/me/data\", \"format\": \"idx\","
                + " \"sha256\": \"ab\", \"file_bytes\": 10}}").getAsJsonObject();

        assertThat(InspectCommand.sourceRecord(provenance)).isEqualTo("full");
        assertThat(InspectCommand.sourceRecord(new JsonObject())).isEqualTo("none");
    }
}
