package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.artifact.container.Codec;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.JsonText;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header's informational keys, the mixture report and the provenance, travel in section 'about' (JSON
 * text in its metadata, deflated with the sections) and read back into the header; files that hold them in
 * the header, as LGC wrote them before, read as they did.
 */
class AboutSectionTest {
    @TempDir
    Path dir;

    /** The tiny artifact with a provenance and a report the size of a real file's. */
    private static CompressedDataset withInformation() {
        CompressedDataset tiny = TinyArtifacts.tiny();
        ArtifactMetadata m = tiny.metadata();
        JsonObject provenance = m.provenance().deepCopy();
        JsonArray losses = new JsonArray();
        for (int e = 0; e < 24; e++) {
            losses.add(0.31634425867649546 - e * 0.0019);
        }
        JsonObject training = new JsonObject();
        training.add("train_loss", losses);
        training.add("validation_loss", losses.deepCopy());
        provenance.add("training", training);
        JsonObject report = new JsonObject();
        JsonArray classes = new JsonArray();
        for (String name : m.classNames()) {
            JsonObject c = new JsonObject();
            c.addProperty("class", name);
            c.addProperty("components", 2);
            c.addProperty("converged", true);
            c.addProperty("lower_bound", -40.75321027652612);
            classes.add(c);
        }
        report.add("classes", classes);
        return new CompressedDataset(new ArtifactMetadata(m.classNames(), m.classCounts(), m.samples(), m.latentDim(),
                m.covarianceType(), m.decoder(), report, provenance), tiny.mixtures(), tiny.decoderWeights());
    }

    private static final StoragePrecision INT8 = new StoragePrecision(Precision.INT8, Precision.FP16);

    @Test
    void theReportAndProvenanceAreWrittenToSectionAboutAndReadBackIntoTheHeader() {
        CompressedDataset data = withInformation();
        Path file = dir.resolve("about.lgc");
        ArtifactFile.write(file, data, INT8);
        Container container = io.lgc.artifact.container.ContainerReader.read(file);
        assertThat(container.header().has("provenance")).isFalse();
        assertThat(container.header().has("mixture_report")).isFalse();
        assertThat(container.section(ArtifactFile.ABOUT).tensors()).isEmpty();
        assertThat(container.section(ArtifactFile.ABOUT).metadata()).containsOnlyKeys("mixture_report", "provenance");
        VerifiedArtifact read = ArtifactFile.readVerified(file);
        assertThat(read.dataset().metadata().provenance()).isEqualTo(data.metadata().provenance());
        assertThat(read.dataset().metadata().mixtureReport()).isEqualTo(data.metadata().mixtureReport());
        assertThat(read.header().get("provenance")).isEqualTo(data.metadata().provenance());
        assertThat(read.header().get("mixture_report")).isEqualTo(data.metadata().mixtureReport());
    }

    @Test
    void aFileWithThemInItsHeaderAsEarlierWritersMadeItReadsTheSameAndIsLarger() throws Exception {
        CompressedDataset data = withInformation();
        Container now = ArtifactFile.assemble(data, INT8);
        Path old = dir.resolve("old.lgc");
        Files.write(old, ContainerWriter.toBytes(inTheHeader(now), Codec.AUTO));
        Path current = dir.resolve("now.lgc");
        ArtifactFile.write(current, data, INT8);
        VerifiedArtifact a = ArtifactFile.readVerified(old);
        VerifiedArtifact b = ArtifactFile.readVerified(current);
        assertThat(a.header()).isEqualTo(b.header());
        assertThat(a.dataset().metadata().provenance()).isEqualTo(b.dataset().metadata().provenance());
        assertThat(Files.size(current)).isLessThan(Files.size(old) - 300);
    }

    @Test
    void aKeyInBothPlacesIsRefusedNamingIt() {
        Container now = ArtifactFile.assemble(withInformation(), INT8);
        JsonObject header = now.header().deepCopy();
        header.add("provenance", new JsonObject());
        assertThatThrownBy(() -> ArtifactFile.decode(new Container(header, now.sections()), "both.lgc"))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("both.lgc").hasMessageContaining("'provenance' is both in the header and in"
                        + " section 'about'");
    }

    @Test
    void aValueThatIsNotAJsonObjectOrATensorInTheSectionIsRefused() {
        Container now = ArtifactFile.assemble(withInformation(), INT8);
        Container array = withAbout(now, Map.of("provenance", "[1, 2]"), List.of());
        assertThatThrownBy(() -> ArtifactFile.decode(array, "array.lgc")).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("section 'about': metadata 'provenance' ").hasMessageContaining("JSON object");
        Container truncated = withAbout(now, Map.of("mixture_report", "{\"classes\": ["), List.of());
        assertThatThrownBy(() -> ArtifactFile.decode(truncated, "cut.lgc")).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("section 'about': metadata 'mixture_report' ");
        Container tensor = withAbout(now, Map.of(), List.of(NamedTensor.ofFloats("x", new long[] {1}, new float[] {1})));
        assertThatThrownBy(() -> ArtifactFile.decode(tensor, "tensor.lgc")).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("section 'about' holds tensors ([x])");
    }

    @Test
    void keysOfTheSectionThisReaderDoesNotKnowAreIgnored() {
        Container now = ArtifactFile.assemble(withInformation(), INT8);
        Map<String, String> more = new LinkedHashMap<>(now.section(ArtifactFile.ABOUT).metadata());
        more.put("notes", JsonText.canonical(new JsonObject(), "notes"));
        ArtifactFile.Decoded d = ArtifactFile.decode(withAbout(now, more, List.of()), "later.lgc");
        assertThat(d.header().has("notes")).isFalse();
        assertThat(d.dataset().metadata().provenance()).isEqualTo(withInformation().metadata().provenance());
    }

    /** {@code c} as LGC wrote it before section 'about': the informational keys in the header. */
    private static Container inTheHeader(Container c) throws Exception {
        JsonObject header = c.header().deepCopy();
        for (Map.Entry<String, String> e : c.section(ArtifactFile.ABOUT).metadata().entrySet()) {
            header.add(e.getKey(), JsonText.parseObject(e.getValue()));
        }
        List<Section> sections = new ArrayList<>(c.sections());
        sections.removeIf(s -> s.name().equals(ArtifactFile.ABOUT));
        return new Container(header, sections);
    }

    private static Container withAbout(Container c, Map<String, String> metadata, List<NamedTensor> tensors) {
        List<Section> sections = new ArrayList<>(c.sections());
        sections.replaceAll(s -> s.name().equals(ArtifactFile.ABOUT) ? new Section(ArtifactFile.ABOUT, tensors,
                metadata) : s);
        return new Container(c.header(), sections);
    }
}
