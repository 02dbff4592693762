package io.lgc.artifact;

import io.lgc.artifact.container.Section;
import io.lgc.artifact.container.RawContainer;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.Codec;
import static io.lgc.artifact.container.RawContainer.safetensors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One file per rule of docs/FORMAT.md's "Strictness rules": the points on which two readers
 * written from the document could disagree. Each file is intact apart from the one thing the rule
 * is about (every checksum matches), so a reader reaches the rule. Shared by the Java test
 * ({@link StrictnessRulesTest}) and the cross-language test, which requires tools/lgc_read.py to
 * give the same verdict.
 *
 * @param rule the rule's number in FORMAT.md, e.g. "S1"
 * @param accepted whether a conforming reader accepts the file
 * @param javaMessage a fragment of the Java reader's message (for rejected files)
 */
public record StrictnessCases(String name, String rule, byte[] file, boolean accepted, String javaMessage) {

    @Override
    public String toString() {
        return rule + " " + name;
    }

    public static List<StrictnessCases> all() {
        List<StrictnessCases> cases = new ArrayList<>();
        // S1: integers are written as integers, and no header integer exceeds 2^31 - 1
        cases.add(header("integer with a fraction", "S1", "\"latent_dim\":4,", "\"latent_dim\":4.0,",
                "latent_dim is 4.0, not an integer"));
        cases.add(header("integer with an exponent", "S1", "\"out\":72}", "\"out\":7.2e1}",
                "decoder.layers[0].out is 7.2e1, not an integer"));
        cases.add(header("integer as a string", "S1", "\"count\":100,", "\"count\":\"100\",",
                "classes[0].count must be an integer, got \"100\""));
        cases.add(header("count of 10^18", "S1", "\"count\":100,", "\"count\":1000000000000000000,",
                "classes[0].count is 1000000000000000000, outside 0..2147483647"));
        cases.add(header("count of 2^31", "S1", "\"count\":110,", "\"count\":2147483648,",
                "classes[1].count is 2147483648, outside 0..2147483647"));
        cases.add(header("layer size of 2^32 + 4", "S1", "\"in\":4,", "\"in\":4294967300,",
                "decoder.layers[0].in is 4294967300, outside 1..2147483647"));
        cases.add(header("integer of 400 digits", "S1", "\"offset\":0.0", "\"offset\":" + "9".repeat(400),
                "holds the integer 999"));
        cases.add(header("integer beyond 64 bits in an informational object", "S1", "\"kind\":\"images\"",
                "\"kind\":\"images\",\"notes\":{\"x\":" + "9".repeat(70) + "}", "beyond the 64-bit range"));
        cases.add(header("integer of 64 bits in an informational object", "S1", "\"kind\":\"images\"",
                "\"kind\":\"images\",\"notes\":{\"x\":-9223372036854775808}", null));
        cases.add(withSection("shape whose product overflows 64 bits", "S1", "notes",
                "{\"t\":{\"dtype\":\"U8\",\"shape\":[4611686018427387904,4,0],\"data_offsets\":[0,0]}}",
                "needs more than 2^63"));
        // S2: strings are Unicode
        cases.add(header("unpaired surrogate escape in the header", "S2", "\"name\":\"circle\"",
                "\"name\":\"\\ud800circle\"", "unpaired surrogate escape \\ud800"));
        cases.add(withSection("unpaired surrogate escape in a tensor header", "S2", "notes",
                "{\"__metadata__\":{\"note\":\"a\\udc00\"}}", "unpaired surrogate escape \\udc00"));
        cases.add(header("paired surrogate escapes", "S2", "\"name\":\"circle\"",
                "\"name\":\"circle \\ud83d\\ude00\"", null));
        // S3: no byte-order mark
        cases.add(raw("byte-order mark before the header", "S3", r -> {
            r.headerJson = RawContainer.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, r.headerJson);
            return r;
        }, "byte-order mark"));
        cases.add(withSection("byte-order mark before a tensor header", "S3", "notes", "\uFEFF{}",
                "must start with '{'"));
        // S4: where whitespace may stand
        cases.add(raw("whitespace around the header", "S4", r -> {
            r.headerJson = ("\r\n\t " + utf8(r.headerJson) + " \n").getBytes(StandardCharsets.UTF_8);
            return r;
        }, null));
        cases.add(withSection("space before a tensor header", "S4", "notes", " {}", "must start with '{'"));
        cases.add(withSection("newline after a tensor header", "S4", "notes", "{}\n",
                "followed only by spaces"));
        cases.add(withSection("spaces after a tensor header", "S4", "notes", "{}      ", null));
        // S5: unknown codes are refused in every section, even one the reader would ignore
        cases.add(raw("unknown codec in an extra section", "S5", r -> {
            r.sections.add(new RawContainer.RawSection("notes", 2, 10, safetensors("{}", new byte[0])));
            return r;
        }, "codec 2, unknown to this reader"));
        cases.add(withSection("unknown dtype in an extra section", "S5", "notes",
                "{\"t\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", "dtype 'BF16'"));
        cases.add(withSection("extra section in known codes", "S5", "notes",
                "{\"t\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]}}", null, new byte[2]));
        // S6: a section's payload CRC lies before the trailer too
        cases.add(raw("payload CRC inside the trailer", "S6", r -> {
            RawContainer.RawSection last = RawContainer.RawSection.plain("notes", safetensors("{}", new byte[0]));
            last.storedLength = (long) last.payload.length + 4;
            r.sections.add(last);
            return r;
        }, "section 'notes' CRC32C"));
        // S7: the header JSON is at most 16 MiB
        cases.add(raw("header of 16 MiB + 1 byte", "S7", r -> {
            byte[] padded = Arrays.copyOf(r.headerJson, (16 << 20) + 1);
            Arrays.fill(padded, r.headerJson.length, padded.length, (byte) ' ');
            r.headerJson = padded;
            return r;
        }, "16777216"));
        // S8: class names
        cases.add(header("empty class name", "S8", "\"name\":\"circle\"", "\"name\":\"\"", "classes[0].name is empty"));
        cases.add(header("duplicate class names", "S8", "\"name\":\"square\"", "\"name\":\"circle\"",
                "classes[0] and classes[1] are both named \"circle\""));
        cases.add(header("class name with a line feed", "S8", "\"name\":\"circle\"", "\"name\":\"cir\\ncle\"",
                "holds U+000A"));
        cases.add(header("class name with a bell", "S8", "\"name\":\"circle\"", "\"name\":\"cir\\u0007cle\"",
                "holds U+0007"));
        cases.add(header("class name with a line separator", "S8", "\"name\":\"circle\"",
                "\"name\":\"cir\u2028cle\"", "holds U+2028"));
        cases.add(header("class name with a leading space", "S8", "\"name\":\"circle\"", "\"name\":\" circle\"",
                "begins or ends with U+0020"));
        cases.add(header("class name with a trailing ideographic space", "S8", "\"name\":\"circle\"",
                "\"name\":\"circle\u3000\"", "begins or ends with U+3000"));
        cases.add(header("class name of white space only", "S8", "\"name\":\"circle\"", "\"name\":\"\u2003\"",
                "begins or ends with U+2003"));
        cases.add(header("class name with spaces and accents", "S8", "\"name\":\"circle\"",
                "\"name\":\"cercle \u00e9vid\u00e9 \u00a0x\"", null));
        // S9: the decoder
        cases.add(emptyConvolution());
        cases.add(header("op the format does not list", "S9", "\"op\":\"max_pool\"", "\"op\":\"avg_pool\"",
                "has op 'avg_pool', not one of the format's"));
        // S10: field types
        cases.add(header("class name as a number", "S10", "\"name\":\"circle\"", "\"name\":5",
                "classes[0].name must be a string, got 5"));
        cases.add(header("scale as a string", "S10", "\"scale\":255.0", "\"scale\":\"255\"",
                "pixel_scaling.scale must be a finite number, got \"255\""));
        cases.add(header("offset beyond float64", "S10", "\"offset\":0.0", "\"offset\":1e400",
                "pixel_scaling.offset must be a finite number"));
        // S11: nesting depth
        // under a header key no reader knows, which readers ignore
        cases.add(header("nesting 256 deep", "S11", "\"kind\":\"images\"",
                "\"kind\":\"images\",\"notes\":" + "[".repeat(255) + "]".repeat(255), "Nesting limit 255"));
        cases.add(header("nesting 255 deep", "S11", "\"kind\":\"images\"",
                "\"kind\":\"images\",\"notes\":" + "[".repeat(254) + "]".repeat(254), null));
        cases.add(withSection("nesting 2000 deep in a tensor header", "S11", "notes",
                "{\"t\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "tensor 't' is a JSON array, expected a JSON object"));
        // section 'about' (LGC check 2): its keys stand in one place, it holds no tensor, keys it may gain later pass
        cases.add(header("provenance in the header and in section about", "LGC 2", "\"kind\":\"images\"",
                "\"kind\":\"images\",\"provenance\":{}", "'provenance' is both in the header and in section 'about'"));
        // LGC 1: the optional spread is a JSON number above 0 and at most 100
        String outside = "spread must be above 0 and at most 100, got ";
        cases.add(spread("recommended spread of 1.4", "1.4", null));
        cases.add(spread("recommended spread of 100", "100", null));
        cases.add(spread("recommended spread of 0", "0", outside + "0.0"));
        cases.add(spread("negative recommended spread", "-1.2", outside + "-1.2"));
        cases.add(spread("recommended spread above 100", "100.5", outside + "100.5"));
        cases.add(spread("recommended spread as a string", "\"1.4\"", "spread must be a finite number, got \"1.4\""));
        cases.add(spread("recommended spread beyond float64", "1e400", "spread must be a finite number"));
        cases.add(spread("recommended spread null", "null", "spread"));
        // LGC 1: the optional decoder_arithmetic is "layerwise" or "fused"; the tiny file, written now, says "fused"
        String arithmetic = "decoder_arithmetic must be \"layerwise\" or \"fused\", got ";
        cases.add(arithmetic("decoder arithmetic layerwise", "\"layerwise\"", null));
        cases.add(arithmetic("decoder arithmetic absent", null, null));
        cases.add(arithmetic("decoder arithmetic of another name", "\"winograd\"", arithmetic + "'winograd'"));
        cases.add(arithmetic("decoder arithmetic in capitals", "\"FUSED\"", arithmetic + "'FUSED'"));
        cases.add(arithmetic("decoder arithmetic as a number", "1", "decoder_arithmetic must be a string"));
        cases.add(arithmetic("decoder arithmetic null", "null", "decoder_arithmetic"));
        cases.add(about("a tensor in section about", "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],"
                + "\"data_offsets\":[0,4]}}", new byte[4], "section 'about' holds tensors ([x])"));
        cases.add(about("a key section about does not know", "{\"__metadata__\":{\"mixture_report\":\"{}\","
                + "\"notes\":\"anything\",\"provenance\":\"{}\"}}", new byte[0], null));
        return cases;
    }

    /** The tiny image artifact, uncompressed so that tests can edit its safetensors JSON. */
    private static RawContainer base() {
        return RawContainer.of(ArtifactFile.toContainer(TinyArtifacts.tiny(), Precision.FP32), Codec.NONE);
    }

    private static StrictnessCases raw(String name, String rule, UnaryOperator<RawContainer> edit,
            String javaMessage) {
        return new StrictnessCases(name, rule, edit.apply(base()).toBytes(), javaMessage == null, javaMessage);
    }

    /** The base with {@code from} in its header JSON replaced (exactly once) by {@code to}. */
    private static StrictnessCases header(String name, String rule, String from, String to, String javaMessage) {
        return raw(name, rule, r -> {
            String json = utf8(r.headerJson);
            int at = json.indexOf(from);
            if (at < 0) {
                throw new IllegalStateException("the tiny header has no " + from + ": " + json);
            }
            r.headerJson = (json.substring(0, at) + to + json.substring(at + from.length()))
                    .getBytes(StandardCharsets.UTF_8);
            return r;
        }, javaMessage);
    }

    /** The base with the header key {@code spread} set to the JSON text {@code value}. */
    private static StrictnessCases spread(String name, String value, String javaMessage) {
        return header(name, "LGC 1", "\"kind\":\"images\"", "\"kind\":\"images\",\"spread\":" + value, javaMessage);
    }

    /** The base with the header key {@code decoder_arithmetic} set to the JSON text {@code value} (null: removed). */
    private static StrictnessCases arithmetic(String name, String value, String javaMessage) {
        String written = "\"decoder_arithmetic\":\"fused\",";
        return header(name, "LGC 1", written, value == null ? "" : "\"decoder_arithmetic\":" + value + ",", javaMessage);
    }

    /** The base with its section 'about' replaced by an uncompressed one whose safetensors JSON is {@code json}. */
    private static StrictnessCases about(String name, String json, byte[] data, String javaMessage) {
        return raw(name, "LGC 2", r -> {
            r.sections.removeIf(s -> new String(s.name, StandardCharsets.UTF_8).equals(ArtifactFile.ABOUT));
            r.sections.add(RawContainer.RawSection.plain(ArtifactFile.ABOUT, safetensors(json, data)));
            return r;
        }, javaMessage);
    }

    /** The base plus an uncompressed section {@code section} whose safetensors JSON is {@code json}. */
    private static StrictnessCases withSection(String name, String rule, String section, String json,
            String javaMessage) {
        return withSection(name, rule, section, json, javaMessage, new byte[0]);
    }

    private static StrictnessCases withSection(String name, String rule, String section, String json,
            String javaMessage, byte[] data) {
        return raw(name, rule, r -> {
            r.sections.add(RawContainer.RawSection.plain(section, safetensors(json, data)));
            return r;
        }, javaMessage);
    }

    /**
     * A convolution whose kernel (3) exceeds its padded 2×2 input: floor((2 - 3) / 2) + 1 = 0 rows.
     * Division that truncates towards zero gets 1, which is how such a file once passed.
     */
    private static StrictnessCases emptyConvolution() {
        NetworkSpec spec = new NetworkSpec(new long[] {TinyArtifacts.LATENT}, List.of(
                new Layer.Linear(TinyArtifacts.LATENT, 4), new Layer.Reshape(new long[] {1, 2, 2}),
                new Layer.Conv2d(1, 1, 2, 2, 0), new Layer.Sigmoid()));
        CompressedDataset data = new CompressedDataset(TinyArtifacts.metadata(spec, new ImageShape(1, 1, 1),
                TinyArtifacts.CLASSES, CovarianceType.DIAG),
                TinyArtifacts.randomMixtures(3, 1, TinyArtifacts.LATENT, CovarianceType.DIAG, 3),
                TinyArtifacts.randomWeights(spec, 3));
        Container valid = ArtifactFile.toContainer(data, Precision.FP32);
        JsonObject header = JsonParser.parseString(valid.header().toString()).getAsJsonObject();
        header.getAsJsonObject("decoder").getAsJsonArray("layers").get(2).getAsJsonObject().addProperty("kernel", 3);
        List<Section> sections = new ArrayList<>();
        for (Section s : valid.sections()) {
            List<NamedTensor> tensors = new ArrayList<>();
            for (NamedTensor t : s.tensors()) {
                tensors.add(t.name().equals("layers.2.weight")
                        ? NamedTensor.ofFloats(t.name(), new long[] {1, 1, 3, 3}, new float[9]) : t);
            }
            sections.add(new Section(s.name(), tensors, s.metadata()));
        }
        byte[] file = ContainerWriter.toBytes(new Container(header, sections), Codec.NONE);
        return new StrictnessCases("convolution with an empty output", "S9", file, false, "has no output");
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
