package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupTest {
    private final Container read = ContainerReader.read(ContainerWriter.toBytes(Fixtures.sample(), Codec.AUTO), "m.lgc");

    @Test
    void missingPartsAreFormatErrorsNamingTheFile() {
        assertThatThrownBy(() -> read.section("encoder")).isExactlyInstanceOf(ContainerFormatException.class)
                .hasMessage("m.lgc: no section 'encoder' (has [mixtures, labels, decoder])");
        assertThatThrownBy(() -> read.section("labels").tensor("w")).isExactlyInstanceOf(ContainerFormatException.class)
                .hasMessage("m.lgc: section 'labels': no tensor 'w' (has [labels])");
        assertThatThrownBy(() -> read.section("labels").requireMetadata("k"))
                .hasMessage("m.lgc: section 'labels': no metadata entry 'k'");
    }

    @Test
    void typedLookupsCheckDTypeAndShape() {
        Section s = read.section("mixtures");
        assertThat(s.tensor("f32", DType.F32, 3, 2).toFloats()).hasSize(6);
        assertThat(s.tensor("f32", DType.F32, -1, 2).name()).isEqualTo("f32");
        assertThat(s.tensor("scalar", DType.F32, new long[0]).toFloats()).containsExactly(42f);
        assertThatThrownBy(() -> s.tensor("f32", DType.F16))
                .hasMessage("m.lgc: section 'mixtures': tensor 'f32' is F32, expected F16");
        assertThatThrownBy(() -> s.tensor("f32", DType.F32, 2, -1))
                .hasMessage("m.lgc: section 'mixtures': tensor 'f32' has shape [3, 2], expected [2, *]");
        assertThatThrownBy(() -> s.tensor("f32", DType.F32, 3, 2, 1)).isInstanceOf(ContainerFormatException.class);
        assertThat(read.section("labels").requireMetadata("classes")).isEqualTo("10");
    }

    @Test
    void inMemoryLookupsHaveNoFileName() {
        assertThatThrownBy(() -> Fixtures.sample().section("x")).isExactlyInstanceOf(ContainerFormatException.class)
                .hasMessageStartingWith("no section 'x'");
    }

    @Test
    void originIsNotPartOfEquality() {
        assertThat(read).isEqualTo(Fixtures.sample()).hasSameHashCodeAs(Fixtures.sample());
        assertThat(read.section("labels")).isEqualTo(Fixtures.sample().section("labels"));
    }

    @Test
    void invalidContentIsRefusedWhenBuilt() {
        Section s = new Section("a", List.of());
        assertThatThrownBy(() -> new Container(new JsonObject(), List.of(s, s)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two sections named 'a'");
        NamedTensor t = NamedTensor.ofFloats("t", new long[] {1}, new float[1]);
        assertThatThrownBy(() -> new Section("a", List.of(t, t))).hasMessageContaining("two tensors named 't'");
        assertThatThrownBy(() -> new Section("", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Section("x".repeat(256), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Section("é".repeat(127), List.of()).name()).hasSize(127); // 254 bytes
        assertThatThrownBy(() -> new Section("a", List.of(), Map.of("k", "\udc00")))
                .isInstanceOf(IllegalArgumentException.class);
        JsonObject nan = new JsonObject();
        nan.addProperty("x", Double.NaN);
        assertThatThrownBy(() -> new Container(nan, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header");
    }

    @Test
    void containerHeaderCannotBeChangedFromOutside() {
        JsonObject h = Fixtures.header();
        Container c = new Container(h, List.of());
        h.addProperty("kind", "changed");
        c.header().addProperty("kind", "changed too");
        assertThat(c.header().get("kind").getAsString()).isEqualTo("lgc-model");
    }
}
