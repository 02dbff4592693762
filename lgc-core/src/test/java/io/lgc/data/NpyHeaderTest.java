package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The .npy header: its Python dict, dtypes, and the headers the writer produces. */
class NpyHeaderTest {
    @Test
    void parsesWhatNumpyWrites() throws IOException {
        byte[] npy = NpzFixtures.npy(NpzFixtures.dict("<f4", "(60000, 28, 28)"), new byte[0]);

        NpyHeader header = NpyHeader.read(new ByteArrayInputStream(npy));

        assertThat(header.dtype()).isEqualTo(new NpyDtype(ByteOrder.LITTLE_ENDIAN, 'f', 4, "<f4"));
        assertThat(header.shape()).containsExactly(60000, 28, 28);
        assertThat(header.bytes()).isEqualTo(npy.length).isEqualTo(128);
    }

    @Test
    void acceptsPython2LongSuffixesAndDoubleQuotes() {
        NpyHeader header = NpyHeader.parse("{\"descr\": \"|u1\", \"fortran_order\": False, \"shape\": (3L, 4L), }", 0);

        assertThat(header.shape()).containsExactly(3, 4);
    }

    @Test
    void theWriterHeaderIsAlignedAndReadsBack() throws IOException {
        byte[] header = NpyHeader.format("|u1", 7, 28, 28, 3);

        assertThat(header.length % 64).isZero();
        assertThat(header[header.length - 1]).isEqualTo((byte) '\n');
        NpyHeader back = NpyHeader.read(new ByteArrayInputStream(header));
        assertThat(back.shape()).containsExactly(7, 28, 28, 3);
        assertThat(back.dtype().descr()).isEqualTo("|u1");
        assertThat(back.bytes()).isEqualTo(header.length);
    }

    @Test
    void oneDimensionalShapesHaveATrailingComma() {
        assertThat(NpyHeader.shapeText(new long[] {5})).isEqualTo("(5,)");
        assertThat(new String(NpyHeader.format("<i8", 5), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("'shape': (5,)");
    }

    @Test
    void refusesWhatIsNotAnNpyHeader() {
        assertThatThrownBy(() -> NpyHeader.read(new ByteArrayInputStream("PK\3\4....".getBytes())))
                .hasMessage("not a NumPy .npy array (no \\x93NUMPY magic)");
        byte[] version9 = NpzFixtures.npy(NpzFixtures.dict("|u1", "(1,)"), new byte[1]);
        version9[6] = 9;
        assertThatThrownBy(() -> NpyHeader.read(new ByteArrayInputStream(version9)))
                .hasMessage("unsupported .npy version 9.0");
        byte[] truncated = java.util.Arrays.copyOf(NpzFixtures.npy(NpzFixtures.dict("|u1", "(1,)"), new byte[0]), 40);
        assertThatThrownBy(() -> NpyHeader.read(new ByteArrayInputStream(truncated)))
                .hasMessage("truncated .npy header: 30 of 118 bytes");
    }

    @Test
    void refusesIncompleteOrMalformedDicts() {
        assertThatThrownBy(() -> NpyHeader.parse("{'descr': '|u1', 'shape': (1,), }", 0))
                .hasMessage("malformed .npy header: no 'fortran_order'");
        assertThatThrownBy(() -> NpyHeader.parse("{'descr': '|u1', 'fortran_order': False, 'shape': (-1,), }", 0))
                .hasMessage("malformed .npy header: shape [-1]");
        assertThatThrownBy(() -> NpyHeader.parse("{'descr': '|u1' 'shape': (1,)}", 0))
                .hasMessageStartingWith("malformed .npy header (',' or '}' expected at character 16)");
        assertThatThrownBy(() -> NpyHeader.parse("{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (1,), }", 0))
                .hasMessage("unsupported dtype '<M8[ns]'");
    }

    @Test
    void pythonLiteralsBecomeJavaValues() {
        Object value = PythonLiteral.parse(" {'a': (1, -2,), 'b': [True, None], 'c': 'x\\'y', } ");

        assertThat(value).isEqualTo(Map.of("a", List.of(1L, -2L), "b", List.of(true, PythonLiteral.NONE),
                "c", "x'y"));
        assertThat(PythonLiteral.parse("()")).isEqualTo(List.of());
    }

    @Test
    void pythonLiteralsRefuseAnythingElse() {
        assertThatThrownBy(() -> PythonLiteral.parse("{'a': 1} junk")).hasMessage("unexpected text after the value at character 9");
        assertThatThrownBy(() -> PythonLiteral.parse("{'a': 1, 'a': 2}")).hasMessage("key 'a' appears twice at character 15");
        assertThatThrownBy(() -> PythonLiteral.parse("'open")).hasMessage("unterminated string at character 5");
        assertThatThrownBy(() -> PythonLiteral.parse("lambda")).hasMessage("unsupported value at character 0");
        assertThatThrownBy(() -> PythonLiteral.parse("[".repeat(100))).hasMessageStartingWith("nested more than 32 deep");
        assertThatThrownBy(() -> PythonLiteral.parse("99999999999999999999")).hasMessageStartingWith("not an integer");
    }

    @Test
    void dtypesInNumpysWords() {
        assertThat(NpyDtype.parse("<i8").describe()).isEqualTo("int64 ('<i8')");
        assertThat(NpyDtype.parse(">u2").order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(NpyDtype.parse("<U7").itemSize()).isEqualTo(28);
        assertThat(NpyDtype.parse("|O").describe()).isEqualTo("object");
        assertThat(NpyDtype.parse("|b1").isInteger()).isFalse();
        assertThat(NpyDtype.parse("<f2").isFloat()).isFalse();
    }
}
