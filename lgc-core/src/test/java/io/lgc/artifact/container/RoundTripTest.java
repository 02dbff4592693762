package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Codec.class)
    void everyDTypeSurvivesEveryCodec(Codec codec) throws IOException {
        Container original = Fixtures.sample();
        Path file = dir.resolve("model.lgc");

        ContainerWriter.write(file, original, codec);
        Container read = ContainerReader.read(file);

        assertThat(read).isEqualTo(original);
        assertThat(read.header()).isEqualTo(original.header());
        assertThat(read.sectionNames()).containsExactly("mixtures", "labels", "decoder");
        for (Section s : original.sections()) {
            Section back = read.section(s.name());
            assertThat(back.metadata()).isEqualTo(s.metadata());
            assertThat(back.tensorNames()).containsExactlyElementsOf(s.tensorNames()); // order kept
            for (NamedTensor t : s.tensors()) {
                NamedTensor u = back.tensor(t.name());
                assertThat(u.dtype()).isEqualTo(t.dtype());
                assertThat(u.shape()).isEqualTo(t.shape());
                assertThat(u.data()).isEqualTo(t.data());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void readOriginNamesTheFile(Codec codec) throws IOException {
        Path file = dir.resolve("named.lgc");
        ContainerWriter.write(file, Fixtures.sample(), codec);
        Container read = ContainerReader.read(file);
        assertThat(read.origin()).isEqualTo(file.toString());
        assertThat(read.section("labels").origin()).isEqualTo(file.toString());
    }

    @Test
    void codecChoiceFollowsThePreference() {
        Container c = Fixtures.sample();
        assertThat(ContainerReader.verify(ContainerWriter.toBytes(c, Codec.NONE), "x").sectionCodecs())
                .containsExactly(Map.entry("mixtures", "none"), Map.entry("labels", "none"), Map.entry("decoder", "none"));
        assertThat(ContainerReader.verify(ContainerWriter.toBytes(c, Codec.DEFLATE), "x").sectionCodecs())
                .containsValues("deflate").doesNotContainValue("none");
        VerifyReport auto = ContainerReader.verify(ContainerWriter.toBytes(c, Codec.AUTO), "x");
        assertThat(auto.sectionCodecs()).containsEntry("labels", "deflate").containsEntry("decoder", "none");
        // AUTO never stores a section larger than NONE would
        VerifyReport none = ContainerReader.verify(ContainerWriter.toBytes(c, Codec.NONE), "x");
        for (String name : c.sectionNames()) {
            assertThat(auto.sectionBytes().get(name)).isLessThanOrEqualTo(none.sectionBytes().get(name));
        }
    }

    @Test
    void identicalInputGivesIdenticalBytes() {
        for (Codec codec : Codec.values()) {
            byte[] first = ContainerWriter.toBytes(Fixtures.sample(), codec);
            byte[] second = ContainerWriter.toBytes(Fixtures.sample(), codec);
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void headerKeyInsertionOrderDoesNotChangeTheBytes() {
        JsonObject reversed = new JsonObject();
        List<String> keys = new ArrayList<>(Fixtures.header().keySet());
        java.util.Collections.reverse(keys);
        for (String k : keys) {
            reversed.add(k, Fixtures.header().get(k));
        }
        Container a = new Container(Fixtures.header(), List.of(Fixtures.compressible("s")));
        Container b = new Container(reversed, List.of(Fixtures.compressible("s")));
        assertThat(ContainerWriter.toBytes(b, Codec.AUTO)).isEqualTo(ContainerWriter.toBytes(a, Codec.AUTO));
    }

    @Test
    void rewritingWhatWasReadReproducesTheFile() {
        for (Codec codec : new Codec[] {Codec.NONE, Codec.DEFLATE}) {
            byte[] first = ContainerWriter.toBytes(Fixtures.sample(), codec);
            byte[] again = ContainerWriter.toBytes(ContainerReader.read(first, "x"), codec);
            assertThat(again).isEqualTo(first);
        }
    }

    @Test
    void writeReportAndVerifyReportAgreeAndAddUp() throws IOException {
        Path file = dir.resolve("m.lgc");
        WriteReport written = ContainerWriter.write(file, Fixtures.sample(), Codec.AUTO);
        VerifyReport verified = ContainerReader.verify(file);

        assertThat(written.totalBytes()).isEqualTo(Files.size(file));
        assertThat(verified.totalBytes()).isEqualTo(written.totalBytes());
        assertThat(verified.headerBytes()).isEqualTo(written.headerBytes());
        assertThat(verified.sectionBytes()).containsExactlyEntriesOf(written.sectionBytes());
        assertThat(verified.sectionCodecs()).containsExactlyEntriesOf(written.sectionCodecs());
        assertThat(verified.sectionUncompressedBytes()).containsExactlyEntriesOf(written.sectionUncompressedBytes());
        assertThat(verified.sha256()).isEqualTo(written.sha256()).hasSize(64);
        assertThat(verified.formatVersion()).isEqualTo("1.1");
        assertThat(verified.sectionTensorCounts()).containsExactly(
                Map.entry("mixtures", 9), Map.entry("labels", 1), Map.entry("decoder", 1));
        long sum = written.headerBytes() + written.trailerBytes()
                + written.sectionBytes().values().stream().mapToLong(Long::longValue).sum();
        assertThat(sum).isEqualTo(written.totalBytes());
    }

    @Test
    void emptyContainerAndEmptySectionRoundTrip() {
        Container empty = new Container(new JsonObject(), List.of());
        assertThat(ContainerReader.read(ContainerWriter.toBytes(empty, Codec.AUTO), "x")).isEqualTo(empty);
        Container hollow = new Container(new JsonObject(), List.of(new Section("nothing", List.of())));
        for (Codec codec : Codec.values()) {
            assertThat(ContainerReader.read(ContainerWriter.toBytes(hollow, codec), "x")).isEqualTo(hollow);
        }
    }

    @Test
    void writeReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("m.lgc");
        Files.write(file, new byte[] {1, 2, 3});
        ContainerWriter.write(file, Fixtures.sample(), Codec.NONE);
        assertThat(ContainerReader.read(file)).isEqualTo(Fixtures.sample());
        assertThat(Files.list(dir)).containsExactly(file);
    }
}
